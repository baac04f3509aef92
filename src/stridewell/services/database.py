"""The database as entry points see it: open it, create or migrate it, run one unit of work.

The CLI and the web use this instead of the store, and get `DatabaseError` (a `ServiceError`
with a one-line message) for every problem a user can fix: a bad URL, a directory that cannot
be created, a server that does not answer, a schema that needs `stridewell init`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session

from stridewell.services.errors import ServiceError
from stridewell.store import migrate
from stridewell.store.db import open_engine, unit_of_work


class DatabaseError(ServiceError):
    """The database cannot be used as it is; the message says what to do."""


@dataclass(frozen=True)
class InitResult:
    url: str  # without password
    before: str  # "empty", "outdated" or "current"
    revision: str | None  # the schema revision afterwards

    @property
    def action(self) -> str:
        return {"empty": "Created", "outdated": "Migrated"}.get(self.before, "Checked")


class Database:
    """One database (by URL), opened on first use."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine: Engine | None = None
        self._schema_checked = False  # checked once per process: a web request should not pay

    def describe(self) -> str:
        """The URL without its password, for messages."""
        try:
            return make_url(self.url).render_as_string(hide_password=True)
        except ArgumentError:
            return self.url

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            try:
                self._engine = open_engine(self.url)
            except ArgumentError:
                raise DatabaseError(f"the database URL {self.url!r} is not valid") from None
            except OSError as error:  # the SQLite file's directory cannot be created
                raise DatabaseError(f"cannot use the database: {error}") from None
            except ImportError as error:  # a URL naming a driver that is not installed
                raise DatabaseError(f"no driver for the database URL: {error}") from None
        return self._engine

    def init(self) -> InitResult:
        """Create the tables of a new database, or migrate an older one to the newest schema."""
        with _database_errors():
            status = migrate.schema_status(self.engine)
            if status is migrate.SchemaStatus.UNKNOWN:
                raise DatabaseError(
                    "the database holds tables Stridewell did not create, or a newer schema"
                )
            revision = migrate.upgrade(self.engine)
            self._schema_checked = True
        return InitResult(url=self.describe(), before=status.value, revision=revision)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction; an empty database gets its tables first."""
        with _database_errors():
            if not self._schema_checked:
                migrate.ensure_schema(self.engine)
                self._schema_checked = True
            with unit_of_work(self.engine) as session:
                yield session

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        self._schema_checked = False


@contextmanager
def _database_errors() -> Iterator[None]:
    try:
        yield
    except migrate.SchemaError as error:
        raise DatabaseError(str(error)) from None
    except OperationalError as error:
        detail = str(error.orig or error).strip().splitlines()
        raise DatabaseError(f"cannot use the database: {detail[0] if detail else error}") from None
