"""Row ids as requests carry them: in a path, a query, a JSON body or a form field.

An id beyond what the database can hold names no row, so it is answered like any unknown id
instead of reaching the database, which would fail on it: SQLite raises OverflowError past
2**63 - 1, and PostgreSQL refuses anything past 2**31 - 1 for the `integer` id columns
("integer out of range").
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from stridewell.services.errors import NotFoundError

# Every id column is an `integer` (store/models.py): 32 bits on PostgreSQL, which also casts
# each id it is asked for to that type. SQLite's go further, but never get past this either.
MAX_ID = 2**31 - 1

# For FastAPI path and query parameters and for fields of request bodies: anything else is a
# 422 `validation_error` naming the parameter.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]


def parse_id(text: str, what: str) -> int | None:
    """The id typed in a form field or a page's query: None when `text` is not a whole number
    (the caller keeps its usual answer for that), `NotFoundError` when it is one that no row
    can have (0, or beyond `MAX_ID`)."""
    digits = text.strip()
    if not (digits.isascii() and digits.isdigit()):
        return None
    # Compare lengths first: int() refuses more than 4,300 digits.
    if len(digits.lstrip("0")) > len(str(MAX_ID)) or not 1 <= int(digits) <= MAX_ID:
        raise NotFoundError(f"no {what} with id {_shortened(digits)}")
    return int(digits)


def _shortened(digits: str) -> str:
    return digits if len(digits) <= 30 else f"{digits[:27]}…"
