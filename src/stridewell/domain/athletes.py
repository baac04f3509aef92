"""Athlete profile, injuries, races and availability as value objects, with their validation.

Validation lives here (not in the CLI) so every entry point — CLI, web, import of a backup —
rejects the same bad input with the same words.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from datetime import date

from stridewell.domain.vocab import Equipment, Experience, Region, Sex, Side, Weekday

RACE_DISTANCES_M: dict[str, float] = {
    "5k": 5000.0,
    "10k": 10000.0,
    "half": 21097.5,
    "marathon": 42195.0,
}
MAX_RESULT_S = 24 * 3600
DEFAULT_RUN_DAYS = (Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.SAT, Weekday.SUN)
# Nothing here is dated before 1900, the earliest birth year taken, or after 2100: such a
# year is a typing slip (1800 or 9999 for 2026), and the date arithmetic of reports and plans
# (windows of years) would overflow Python's dates near the years 1 and 9999.
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
# Names are a line on a page, notes a paragraph; longer text is pasted by mistake (and an
# athlete's or race's name would not fit its column on PostgreSQL, 200 characters).
MAX_NAME_CHARS = 100
MAX_NOTES_CHARS = 2000
# Men's outdoor world records (World Athletics), as (metres, seconds): nobody has run a race
# faster, so a goal or result beyond them is a typing slip (0:01:00 for a marathon).
WORLD_RECORDS_S: tuple[tuple[float, float], ...] = (
    (100.0, 9.58),  # Bolt, Berlin 2009
    (200.0, 19.19),  # Bolt, Berlin 2009
    (400.0, 43.03),  # van Niekerk, Rio 2016
    (800.0, 100.91),  # 1:40.91, Rudisha, London 2012
    (1500.0, 206.0),  # 3:26.00, El Guerrouj, Rome 1998
    (1609.344, 223.13),  # the mile, 3:43.13, El Guerrouj, Rome 1999
    (5000.0, 755.36),  # 12:35.36, Cheptegei, Monaco 2020
    (10000.0, 1571.0),  # 26:11.00, Cheptegei, Valencia 2020
    (21097.5, 3402.0),  # half marathon 56:42, Kiplimo, Barcelona 2025
    (42195.0, 7235.0),  # marathon 2:00:35, Kiptum, Chicago 2023
)


class ValidationError(ValueError):
    """Input that breaks a rule of the domain; the message is one line a user can act on."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Availability:
    """Days the athlete can train, and which one carries the long run."""

    days: tuple[Weekday, ...] = DEFAULT_RUN_DAYS
    long_run_day: Weekday = Weekday.SUN

    def __post_init__(self) -> None:
        if not self.days:
            raise ValidationError("at least one training day is needed", "days")
        if len(set(self.days)) != len(self.days):
            raise ValidationError("a training day is listed twice", "days")
        if len(self.days) > 6:
            # At least one full rest day a week (science.md §3: recovery; deload logic needs it).
            raise ValidationError(
                "at most 6 training days: keep at least one rest day a week", "days"
            )
        if self.long_run_day not in self.days:
            raise ValidationError(
                f"the long-run day {self.long_run_day.value} is not one of the training days",
                "long_run_day",
            )

    @property
    def day_indexes(self) -> tuple[int, ...]:
        return tuple(sorted(day.number for day in self.days))


@dataclass(frozen=True)
class Athlete:
    name: str
    sex: Sex
    birth_year: int
    id: int | None = None
    units: str = "km"
    max_hr: int | None = None
    rest_hr: int | None = None
    timezone: str = "UTC"
    experience: Experience = Experience.INTERMEDIATE
    equipment: frozenset[Equipment] = frozenset({Equipment.BODYWEIGHT})
    availability: Availability = field(default_factory=Availability)
    weekly_km: float = 30.0

    def validate(self, today: date) -> None:
        if not self.name.strip():
            raise ValidationError("the name must not be empty", "name")
        check_length(self.name, MAX_NAME_CHARS, "the name", "name")
        if not EARLIEST_YEAR <= self.birth_year <= today.year - 10:
            raise ValidationError(
                f"birth year {self.birth_year} is not plausible "
                f"({EARLIEST_YEAR} to {today.year - 10})",
                "birth_year",
            )
        if not 0 <= self.weekly_km <= 300:
            raise ValidationError(
                f"weekly running volume {self.weekly_km:g} km is out of range (0 to 300)",
                "weekly_km",
            )
        if self.units not in ("km", "mi"):
            raise ValidationError(f"units must be km or mi, not {self.units!r}", "units")
        if self.max_hr is not None and not 100 <= self.max_hr <= 230:
            raise ValidationError(f"max HR {self.max_hr} is out of range (100 to 230)", "max_hr")
        if self.rest_hr is not None and not 25 <= self.rest_hr <= 110:
            raise ValidationError(f"rest HR {self.rest_hr} is out of range (25 to 110)", "rest_hr")
        if self.max_hr is not None and self.rest_hr is not None and self.rest_hr >= self.max_hr:
            raise ValidationError("rest HR must be below max HR", "rest_hr")

    @property
    def has_gym(self) -> bool:
        return bool(self.equipment & {Equipment.BARBELL, Equipment.MACHINE, Equipment.CABLE})


@dataclass(frozen=True)
class Injury:
    region: Region
    side: Side
    onset: date
    severity: int
    resolved: date | None = None
    days_off_running: int = 0
    notes: str = ""
    id: int | None = None
    athlete_id: int | None = None

    def validate(self, today: date) -> None:
        check_year(self.onset, "onset")
        if self.onset > today:
            raise ValidationError(
                f"onset {self.onset.isoformat()} is in the future (today is {today.isoformat()})",
                "onset",
            )
        if self.resolved is not None:
            if self.resolved < self.onset:
                raise ValidationError("resolved date is before the onset", "resolved")
            if self.resolved > today:
                raise ValidationError(
                    f"resolved date {self.resolved.isoformat()} is in the future", "resolved"
                )
        if not 0 <= self.severity <= 10:
            raise ValidationError(f"severity {self.severity} must be 0 to 10", "severity")
        if self.days_off_running < 0:
            raise ValidationError("days off running cannot be negative", "days_off_running")
        # Days off so far: none before the onset, none after today.
        since_onset = (today - self.onset).days + 1
        if self.days_off_running > since_onset:
            raise ValidationError(
                f"days off running {self.days_off_running} is more than the {since_onset} days "
                f"from the onset {self.onset.isoformat()} to today",
                "days_off_running",
            )
        check_length(self.notes, MAX_NOTES_CHARS, "the notes", "notes")

    def is_active(self, on: date) -> bool:
        return self.onset <= on and (self.resolved is None or self.resolved > on)


@dataclass(frozen=True)
class Race:
    name: str
    date: date
    distance_m: float
    goal_s: int | None = None
    result_s: int | None = None
    id: int | None = None
    athlete_id: int | None = None
    activity_id: int | None = None

    def validate(self, today: dt.date) -> None:
        if not self.name.strip():
            raise ValidationError("the race name must not be empty", "name")
        check_length(self.name, MAX_NAME_CHARS, "the race name", "name")
        check_year(self.date, "date")
        if not 100 <= self.distance_m <= 400_000:
            raise ValidationError(
                f"distance {self.distance_m:g} m is out of range (100 m to 400 km)", "distance"
            )
        if self.result_s is not None:
            if self.date > today:
                raise ValidationError("a result was given for a race in the future", "result")
            _check_race_time(self.result_s, "result", self.distance_m)
        if self.goal_s is not None:
            _check_race_time(self.goal_s, "goal", self.distance_m)

    @property
    def is_goal(self) -> bool:
        return self.result_s is None


def _check_race_time(seconds: int, what: str, distance_m: float) -> None:
    if seconds <= 0:
        raise ValidationError(f"the {what} time must be positive", what)
    if seconds >= MAX_RESULT_S:
        raise ValidationError(f"the {what} time must be under 24 hours", what)
    fastest_s = world_record_time_s(distance_m)
    if seconds < fastest_s:
        raise ValidationError(
            f"the {what} time {format_duration(seconds)} for {distance_label(distance_m)} is "
            f"faster than world-record pace (at least {format_duration(math.ceil(fastest_s))})",
            what,
        )


def world_record_time_s(distance_m: float) -> float:
    """The fastest plausible time over `distance_m`: at the world-record pace of the longest
    record distance up to it (a longer race is never run at a shorter one's record pace), so
    exactly the record over a record distance."""
    record_m, record_s = WORLD_RECORDS_S[0]
    for metres, seconds in WORLD_RECORDS_S:
        if metres <= distance_m:
            record_m, record_s = metres, seconds
    return record_s * distance_m / record_m


def check_length(text: str, limit: int, what: str, field: str) -> None:
    """Text at most `limit` characters long."""
    if len(text) > limit:
        raise ValidationError(f"{what} is {len(text):,} characters long; at most {limit:,}", field)


def check_year(day: date, what: str) -> None:
    """A date from `EARLIEST_YEAR` to `LATEST_YEAR`."""
    if day.year < EARLIEST_YEAR:
        raise ValidationError(f"{what} {day.isoformat()} is before {EARLIEST_YEAR}", what)
    if day.year > LATEST_YEAR:
        raise ValidationError(f"{what} {day.isoformat()} is after {LATEST_YEAR}", what)


def parse_distance_m(text: str) -> float:
    """`5k`, `10k`, `half`, `marathon` or metres."""
    key = text.strip().lower()
    if key in RACE_DISTANCES_M:
        return RACE_DISTANCES_M[key]
    try:
        metres = float(key)
    except ValueError:
        names = ", ".join(RACE_DISTANCES_M)
        raise ValidationError(
            f"unknown distance {text!r}; use {names} or a number of metres", "distance"
        ) from None
    if metres <= 0:
        raise ValidationError("distance must be positive", "distance")
    return metres


_TIME_SEPARATORS = re.compile(r"[:. ]")


def parse_duration_s(text: str) -> int:
    """`H:MM:SS` or `MM:SS` to seconds. Dots or spaces may stand for the colons (`1.45.30`,
    `48 30`): a phone's number pad has a dot but no colon. Then minutes and seconds must have
    two digits each, so a decimal such as `45.5` is refused rather than guessed at."""
    value = text.strip()
    parts = _TIME_SEPARATORS.split(value)
    if not 2 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValidationError(f"time {text!r} is not H:MM:SS", "time")
    if ":" not in value and not all(len(p) == 2 for p in parts[1:]):
        raise ValidationError(
            f"time {text!r} is not H:MM:SS (with dots, give minutes and seconds two digits "
            "each: 45.05 for 45:05)",
            "time",
        )
    numbers = [int(p) for p in parts]
    if len(numbers) == 2:
        numbers.insert(0, 0)
    hours, minutes, seconds = numbers
    if minutes >= 60 or seconds >= 60:
        raise ValidationError(f"time {text!r} has minutes or seconds of 60 or more", "time")
    return hours * 3600 + minutes * 60 + seconds


def format_duration(seconds: float) -> str:
    total = int(round(seconds))
    return f"{total // 3600}:{total % 3600 // 60:02d}:{total % 60:02d}"


def distance_label(distance_m: float) -> str:
    for label, metres in RACE_DISTANCES_M.items():
        if abs(metres - distance_m) < 1:
            return label
    return f"{distance_m:g} m"
