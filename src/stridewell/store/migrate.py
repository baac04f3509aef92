"""Create and migrate the database with the Alembic scripts shipped in this package."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from stridewell.store.models import Base

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class SchemaStatus(StrEnum):
    EMPTY = "empty"  # no tables yet
    CURRENT = "current"  # at the newest migration
    OUTDATED = "outdated"  # an older migration: run `stridewell init`
    UNKNOWN = "unknown"  # tables without our migration history, or a newer revision


class SchemaError(RuntimeError):
    """The database schema cannot be used as it is; the message says what to do."""


def alembic_config(connection: Connection | None = None, url: str | None = None) -> Config:
    """Alembic configuration built in code: no alembic.ini is needed next to the package."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise SchemaError("the package ships no migrations")
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def schema_status(engine: Engine) -> SchemaStatus:
    with engine.connect() as connection:
        revision = current_revision(connection)
        if revision is None:
            ours = set(Base.metadata.tables) & set(inspect(connection).get_table_names())
            return SchemaStatus.UNKNOWN if ours else SchemaStatus.EMPTY
    script = ScriptDirectory.from_config(alembic_config())
    if revision == head_revision():
        return SchemaStatus.CURRENT
    if revision in {rev.revision for rev in script.walk_revisions()}:
        return SchemaStatus.OUTDATED
    return SchemaStatus.UNKNOWN


def upgrade(engine: Engine, revision: str = "head") -> str | None:
    """Migrate to `revision`; returns the revision the database is at afterwards."""
    return _run(engine, lambda config: command.upgrade(config, revision))


def downgrade(engine: Engine, revision: str) -> str | None:
    return _run(engine, lambda config: command.downgrade(config, revision))


def ensure_schema(engine: Engine) -> None:
    """Create the tables of an empty database; refuse one that needs a migration or is foreign."""
    status = schema_status(engine)
    if status is SchemaStatus.EMPTY:
        upgrade(engine)
    elif status is SchemaStatus.OUTDATED:
        raise SchemaError("the database needs a migration; run `stridewell init` first")
    elif status is SchemaStatus.UNKNOWN:
        raise SchemaError(
            "the database holds tables Stridewell did not create, or a newer schema version"
        )


def _run(engine: Engine, action: Callable[[Config], None]) -> str | None:
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations copy and drop tables; with foreign keys on, dropping a table would
            # cascade into its children. The PRAGMA only works outside a transaction.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        try:
            action(alembic_config(connection))
            connection.commit()
            return current_revision(connection)
        finally:
            if sqlite:
                connection.rollback()
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()
