"""The full backup: every row of every table as JSON, and its import into an empty database.

Format (version 1), one JSON object:

    {"format": "stridewell-backup", "format_version": 1, "schema_revision": "0004",
     "stridewell_version": "…", "exported_utc": "…+00:00",
     "tables": {"athlete": {"columns": ["id", …], "rows": [[1, "Ada", …], …]}, …}}

Tables are listed parents first and hold every column, ids included, so foreign keys need no
remapping. Values: numbers and text as they are; dates `YYYY-MM-DD`; times ISO 8601 in UTC with
`+00:00`; JSON columns as JSON; binary columns (the activity stream blobs, see store/streams.py)
as base64 of the stored bytes, exact and compact — arrays of samples would multiply the size and
lose the stored float32/float64 choice. A float that is not finite is written "NaN",
"Infinity" or "-Infinity", so the file stays strict JSON.

The tables are those of the store's models, so a table added by a later migration is backed up
without a change here; a backup from an older schema imports into a newer one (missing columns
take their defaults), never the reverse.
"""

from __future__ import annotations

import base64
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any, Final

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator, TypeEngine

from stridewell import __version__
from stridewell.services.errors import ServiceError
from stridewell.store import migrate
from stridewell.store.models import Base

FORMAT: Final = "stridewell-backup"
FORMAT_VERSION: Final = 1
_BATCH_ROWS: Final = 500  # rows per INSERT
_READ_ROWS: Final = 100  # rows fetched at a time: stream blobs can be ~100 kB each
_NON_FINITE = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


class BackupError(ServiceError):
    """A backup that cannot be written or imported; the message says why in one line."""


@dataclass(frozen=True)
class BackupSummary:
    rows: dict[str, int]  # rows per table, parents first

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def write_backup(session: Session, out: IO[str], exported_utc: datetime) -> BackupSummary:
    """Write every row of every table to `out` as a backup (streamed, a table at a time)."""
    revision = migrate.current_revision(session.connection())
    header = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_revision": revision,
        "stridewell_version": __version__,
        "exported_utc": exported_utc.isoformat(),
    }
    out.write("{\n")
    for key, value in header.items():
        out.write(f"{json.dumps(key)}: {_dumps(value)},\n")
    out.write('"tables": {')
    counts: dict[str, int] = {}
    for number, table in enumerate(Base.metadata.sorted_tables):
        columns = list(table.columns)
        out.write(",\n" if number else "\n")
        out.write(f'{json.dumps(table.name)}: {{"columns": {_dumps([c.name for c in columns])}')
        out.write(', "rows": [')
        count = 0
        query = select(table).order_by(*table.primary_key.columns)
        for row in session.execute(query.execution_options(yield_per=_READ_ROWS)):
            encoded = [encode_value(c, value) for c, value in zip(columns, row, strict=True)]
            out.write(",\n" if count else "\n")
            try:
                out.write(_dumps(encoded))
            except ValueError as error:  # e.g. NaN inside a JSON column
                raise BackupError(
                    f"a row of table {table.name} cannot be written: {error}"
                ) from None
            count += 1
        out.write("\n]}" if count else "]}")
        counts[table.name] = count
    out.write("\n}\n}\n")
    return BackupSummary(counts)


def read_backup(stream: IO[str]) -> dict[str, Any]:
    """The parsed backup, checked to be one this version can import."""
    try:
        data = json.load(stream, parse_constant=_refuse_constant)
    except (ValueError, UnicodeDecodeError) as error:
        raise BackupError(
            f"not a Stridewell backup: the file is not valid JSON ({error})"
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupError("not a Stridewell backup (made by `stridewell export json`)")
    version = data.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BackupError(
            f"backup format version {version!r} is newer than this Stridewell reads"
            f" ({FORMAT_VERSION}); upgrade Stridewell first"
        )
    if not isinstance(data.get("tables"), dict):
        raise BackupError("the backup has no tables")
    return data


def restore_backup(session: Session, backup: Mapping[str, Any]) -> BackupSummary:
    """Insert every row of `backup` into this database, which must be empty; ids are kept.

    Everything happens in the caller's transaction: on any error nothing is imported.
    """
    tables: Mapping[str, Any] = backup["tables"]
    known = {table.name: table for table in Base.metadata.sorted_tables}
    unknown = sorted(set(tables) - set(known))
    if unknown:
        raise BackupError(
            f"the backup holds tables this Stridewell does not know ({', '.join(unknown)});"
            " it was made by a newer version — upgrade first"
        )
    _require_empty(session)
    counts: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        if table.name not in tables:
            continue
        counts[table.name] = _insert_table(session, table, tables[table.name])
    _advance_sequences(session)
    return BackupSummary(counts)


def encode_value(column: Column[Any], value: Any) -> Any:
    """A stored value as JSON (see the module docstring)."""
    if value is None:
        return None
    kind = column_kind(column.type)
    if kind == "datetime":
        assert isinstance(value, datetime)
        return value.isoformat()
    if kind == "date":
        assert isinstance(value, date)
        return value.isoformat()
    if kind == "binary":
        return base64.b64encode(bytes(value)).decode("ascii")
    if kind == "float" and isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return value


def decode_value(column: Column[Any], value: Any) -> Any:
    """The value to store for JSON `value` in `column`; raises ValueError when it cannot be one."""
    if value is None:
        return None
    kind = column_kind(column.type)
    if kind == "datetime":
        parsed = datetime.fromisoformat(_text(value))
        if parsed.tzinfo is None:
            raise ValueError(f"time {value!r} has no UTC offset")
        return parsed
    if kind == "date":
        return date.fromisoformat(_text(value))
    if kind == "binary":
        return base64.b64decode(_text(value), validate=True)
    if kind == "float":
        if isinstance(value, str) and value in _NON_FINITE:
            return _NON_FINITE[value]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"{value!r} is not a number")
        return float(value)
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{value!r} is not a whole number")
        return value
    if kind == "boolean":
        if not isinstance(value, bool):
            raise ValueError(f"{value!r} is not true or false")
        return value
    if kind == "text":
        return _text(value)
    return value  # JSON: any JSON value


def _insert_table(session: Session, table: Table, data: Any) -> int:
    if not isinstance(data, dict) or not isinstance(data.get("rows"), list):
        raise BackupError(f"table {table.name} in the backup has no rows list")
    names = data.get("columns")
    if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
        raise BackupError(f"table {table.name} in the backup has no column list")
    missing = [name for name in names if name not in table.c]
    if missing:
        raise BackupError(
            f"table {table.name} in the backup has columns this Stridewell does not know"
            f" ({', '.join(missing)}); it was made by a newer version — upgrade first"
        )
    columns = [table.c[name] for name in names]
    rows: list[Any] = data["rows"]
    for start in range(0, len(rows), _BATCH_ROWS):
        batch = [
            _decode_row(table, columns, row, start + offset + 1)
            for offset, row in enumerate(rows[start : start + _BATCH_ROWS])
        ]
        if not batch:
            continue
        try:
            session.execute(insert(table), batch)
        except (IntegrityError, DBAPIError) as error:
            detail = str(error.orig or error).strip().splitlines()
            raise BackupError(
                f"table {table.name} in the backup cannot be stored:"
                f" {detail[0] if detail else error}"
            ) from None
    return len(rows)


def _decode_row(table: Table, columns: list[Column[Any]], row: Any, number: int) -> dict[str, Any]:
    if not isinstance(row, list) or len(row) != len(columns):
        raise BackupError(f"row {number} of table {table.name} does not match its columns")
    values = {}
    for column, value in zip(columns, row, strict=True):
        try:
            values[column.name] = decode_value(column, value)
        except (ValueError, TypeError) as error:
            raise BackupError(
                f"row {number} of table {table.name}, column {column.name}: {error}"
            ) from None
    return values


def _require_empty(session: Session) -> None:
    filled = []
    for table in Base.metadata.sorted_tables:
        count = session.scalar(select(func.count()).select_from(table))
        if count:
            filled.append(f"{count} {table.name}")
    if filled:
        shown = ", ".join(filled[:4]) + (", …" if len(filled) > 4 else "")
        raise BackupError(
            f"the database is not empty ({shown});"
            " import a backup into a new database, e.g. --db sqlite:///restored.sqlite"
        )


def _advance_sequences(session: Session) -> None:
    """PostgreSQL: move each id sequence past the imported ids, so new rows get fresh ones."""
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return  # SQLite takes the next id from the largest one in the table
    preparer = connection.dialect.identifier_preparer
    for table in Base.metadata.sorted_tables:
        key = table.primary_key.columns
        if len(key) != 1:
            continue
        (column,) = key
        if column.foreign_keys or not isinstance(column.type, Integer):
            continue  # a key that is also a reference (activity_stream) has no sequence
        quoted_table = preparer.format_table(table)
        quoted_column = preparer.quote(column.name)
        session.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column),"
                f" COALESCE(MAX({quoted_column}), 1), MAX({quoted_column}) IS NOT NULL)"
                f" FROM {quoted_table}"
            ),
            {"table": quoted_table, "column": column.name},
        )


def column_kind(column_type: TypeEngine[Any]) -> str:
    """How values of this column type are written: datetime, date, binary, json, boolean, float,
    integer, text or other."""
    if isinstance(column_type, TypeDecorator):
        column_type = column_type.impl_instance
    for kind, types in _KINDS:
        if isinstance(column_type, types):
            return kind
    return "other"


_KINDS: tuple[tuple[str, type[TypeEngine[Any]] | tuple[type[TypeEngine[Any]], ...]], ...] = (
    ("datetime", DateTime),
    ("date", Date),
    ("binary", LargeBinary),
    ("json", JSON),
    ("boolean", Boolean),
    ("float", Float),
    ("integer", Integer),
    ("text", String),
)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    return value


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")
