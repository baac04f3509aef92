"""Alembic environment: runs on the connection `stridewell.store.migrate` hands over.

There is no alembic.ini: `migrate.alembic_config()` builds the configuration in code, so
`stridewell init` works from an installed package.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from stridewell.store.db import open_engine
from stridewell.store.models import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER constraints; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


_connection = context.config.attributes.get("connection")
if _connection is not None:
    _run(_connection)
else:
    _url = context.config.get_main_option("sqlalchemy.url")
    if not _url:
        raise RuntimeError("no connection or sqlalchemy.url given to the migration environment")
    _engine = open_engine(_url)
    with _engine.connect() as _opened:
        _run(_opened)
        _opened.commit()
    _engine.dispose()
