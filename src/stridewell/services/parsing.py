"""Turn what a person types (CLI options, form fields) into vocabulary terms, dates and times.

Every failure is a `ValidationError` with one line that names the allowed values, so the CLI and
the web reject bad input with the same words.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from stridewell.domain.athletes import ValidationError, check_year, parse_duration_s
from stridewell.domain.vocab import Weekday, parse_term

E = TypeVar("E", bound=StrEnum)

_DAY_NAMES = {
    "monday": "mon",
    "tuesday": "tue",
    "wednesday": "wed",
    "thursday": "thu",
    "friday": "fri",
    "saturday": "sat",
    "sunday": "sun",
}


def term(enum: type[E], text: str, what: str) -> E:
    """One vocabulary term; `it-band` and `IT band` are read as `it_band`."""
    normalised = "_".join(text.strip().replace("-", " ").split())
    try:
        return parse_term(enum, normalised, what)
    except ValueError as error:
        raise ValidationError(str(error), what) from None


def terms(enum: type[E], values: str | Iterable[str], what: str) -> tuple[E, ...]:
    """Comma-separated (or already split) terms, in the order given."""
    items = values.split(",") if isinstance(values, str) else list(values)
    return tuple(term(enum, item, what) for item in items if item.strip())


def weekday(text: str) -> Weekday:
    key = text.strip().lower()
    return term(Weekday, _DAY_NAMES.get(key, key), "day")


def weekdays(values: str | Iterable[str]) -> tuple[Weekday, ...]:
    items = values.split(",") if isinstance(values, str) else list(values)
    return tuple(weekday(item) for item in items if item.strip())


def iso_date(text: str, what: str = "date") -> date:
    """A date from 1900 to 2100 (`domain.athletes.check_year`)."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"{what} {text!r} is not a date (YYYY-MM-DD)", what) from None
    check_year(day, what)
    return day


def duration_s(text: str, what: str) -> int:
    """`H:MM:SS` (or `MM:SS`) to seconds, with the field named in the error."""
    try:
        return parse_duration_s(text)
    except ValidationError as error:
        raise ValidationError(f"{what}: {error}", what) from None


def timezone_name(text: str) -> str:
    name = text.strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            f"unknown time zone {text!r}; use an IANA name such as Europe/London", "timezone"
        ) from None
    return name
