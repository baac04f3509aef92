"""What the athlete logs by hand: strength sessions with their sets, and soreness scores.

Value objects with their validation, so the CLI, the web and a backup import reject the same
bad input with the same one-line words (see `ValidationError`).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import StrEnum

from stridewell.domain.athletes import (
    MAX_NOTES_CHARS,
    ValidationError,
    check_length,
    format_duration,
)
from stridewell.domain.exercises.lookup import UnknownExerciseError, by_slug
from stridewell.domain.exercises.model import Exercise
from stridewell.domain.vocab import Region, Side, parse_term

# Plausible ranges; anything outside is a typing slip, not a training session.
REPS_MAX = 100
LOAD_KG_MAX = 500.0
HOLD_S_MAX = 600
RPE_MAX = 10.0  # CR-10 scale (foster2001)
SCORE_MAX = 10
SESSION_DURATION_S_MAX = 6 * 3600
# Training logs start in 1970 at the earliest: no runner logs older sessions, so an earlier
# date is a mistyped year (1900 for 2000), and it would stretch the load series over a
# century, decaying the dashboard's fitness and fatigue to 1e-323.
EARLIEST_LOG_DATE = dt.date(1970, 1, 1)

# How runners name sore spots, mapped onto the region vocabulary of design.md.
REGION_ALIASES: dict[str, Region] = {
    "quads": Region.QUAD,
    "quadriceps": Region.QUAD,
    "thigh": Region.QUAD,
    "glutes": Region.GLUTE,
    "buttock": Region.GLUTE,
    "buttocks": Region.GLUTE,
    "hamstrings": Region.HAMSTRING,
    "hammy": Region.HAMSTRING,
    "calves": Region.CALF,
    "hips": Region.HIP,
    "knees": Region.KNEE,
    "itb": Region.IT_BAND,
    "it_bands": Region.IT_BAND,
    "iliotibial_band": Region.IT_BAND,
    "shins": Region.SHIN,
    "feet": Region.FOOT,
    "ankles": Region.ANKLE,
    "achilles_tendon": Region.ACHILLES,
    "back": Region.LOWER_BACK,
    "low_back": Region.LOWER_BACK,
    "groins": Region.GROIN,
}

_SIDE_ALIASES = {"l": Side.LEFT, "r": Side.RIGHT, "b": Side.BOTH}


class SorenessContext(StrEnum):
    """When a soreness score was taken."""

    MORNING = "morning"
    POST_RUN = "post_run"
    POST_RACE = "post_race"
    POST_STRENGTH = "post_strength"


def normalise_term(text: str) -> str:
    """`IT band`, `it-band` and `It_Band` all become `it_band`."""
    return "_".join(text.strip().lower().replace("-", " ").replace("_", " ").split())


def soreness_region(text: str) -> Region:
    """A region from the vocabulary, or one of the everyday names runners use for it."""
    key = normalise_term(text)
    if key in REGION_ALIASES:
        return REGION_ALIASES[key]
    try:
        return parse_term(Region, key, "region")
    except ValueError:
        allowed = ", ".join(region.value for region in Region)
        raise ValidationError(
            f"unknown region {text!r}; expected one of: {allowed} (plurals such as quads work)",
            "region",
        ) from None


def side_term(text: str) -> Side:
    """left, right or both (also l, r, b)."""
    key = normalise_term(text)
    if key in _SIDE_ALIASES:
        return _SIDE_ALIASES[key]
    try:
        return parse_term(Side, key, "side")
    except ValueError as error:
        raise ValidationError(str(error), "side") from None


def exercise_by_slug(text: str) -> Exercise:
    """The library exercise named by `text` (`Glute bridge` finds `glute-bridge`); the error
    suggests the closest slugs."""
    canonical = "-".join(text.strip().lower().replace("_", " ").split())
    try:
        return by_slug(canonical)
    except UnknownExerciseError:
        pass
    try:  # the suggestions are best made from what was typed
        return by_slug(text.strip())
    except UnknownExerciseError as error:
        raise ValidationError(str(error), "exercise") from None


def check_rpe(rpe: float | None, what: str = "RPE") -> None:
    if rpe is not None and not (math.isfinite(rpe) and 0 <= rpe <= RPE_MAX):
        raise ValidationError(f"{what} {rpe:g} must be 0 to {RPE_MAX:g}", "rpe")


def check_not_future(day: dt.date, today: dt.date, what: str = "date") -> None:
    if day > today:
        raise ValidationError(
            f"{what} {day.isoformat()} is in the future (today is {today.isoformat()})", what
        )


def check_log_date(day: dt.date, today: dt.date, what: str = "date") -> None:
    """The day of something logged: from `EARLIEST_LOG_DATE` up to today."""
    check_not_before_logs_began(day, what)
    check_not_future(day, today, what)


def check_not_before_logs_began(day: dt.date, what: str = "date") -> None:
    if day < EARLIEST_LOG_DATE:
        raise ValidationError(f"{what} {day.isoformat()} is before {EARLIEST_LOG_DATE.year}", what)


@dataclass(frozen=True)
class SetEntry:
    """One set: reps (with an optional load) or a timed hold, on one side or both."""

    exercise_slug: str
    side: Side = Side.BOTH
    reps: int | None = None
    load_kg: float | None = None
    hold_s: int | None = None
    rpe: float | None = None

    def validate(self) -> None:
        exercise_by_slug(self.exercise_slug)
        where = f"{self.exercise_slug}: "
        if self.reps is None and self.hold_s is None:
            raise ValidationError(f"{where}give reps or a hold time", "reps")
        if self.reps is not None and not 1 <= self.reps <= REPS_MAX:
            raise ValidationError(f"{where}reps {self.reps} must be 1 to {REPS_MAX}", "reps")
        if self.load_kg is not None and not (
            math.isfinite(self.load_kg) and 0 <= self.load_kg <= LOAD_KG_MAX
        ):
            raise ValidationError(
                f"{where}load {self.load_kg:g} kg must be 0 to {LOAD_KG_MAX:g} kg", "load_kg"
            )
        if self.hold_s is not None and not 1 <= self.hold_s <= HOLD_S_MAX:
            raise ValidationError(
                f"{where}hold {self.hold_s} s must be 1 to {HOLD_S_MAX} s", "hold_s"
            )
        check_rpe(self.rpe, f"{where}set RPE")


@dataclass(frozen=True)
class StrengthSession:
    """A strength session as done: its sets, and the session RPE × duration that loads it."""

    date: dt.date
    sets: tuple[SetEntry, ...]
    duration_s: int | None = None
    rpe: float | None = None  # session RPE, CR-10, rated ~30 min after (foster2001)
    planned_session_id: int | None = None
    notes: str = ""
    id: int | None = None
    athlete_id: int | None = None

    def validate(self, today: dt.date) -> None:
        check_log_date(self.date, today)
        if not self.sets:
            raise ValidationError(
                "a strength session needs at least one set (--set or --file)", "sets"
            )
        if self.duration_s is not None and not 60 <= self.duration_s <= SESSION_DURATION_S_MAX:
            raise ValidationError(
                f"duration {format_duration(self.duration_s)} is out of range (1 minute to "
                f"{SESSION_DURATION_S_MAX // 3600} hours)",
                "duration",
            )
        check_rpe(self.rpe, "session RPE")
        check_length(self.notes, MAX_NOTES_CHARS, "the notes", "notes")
        for entry in self.sets:
            entry.validate()

    @property
    def tonnage_kg(self) -> float:
        """Σ reps × kg; body-weight and timed sets add nothing (load_scales)."""
        return sum((entry.reps or 0) * (entry.load_kg or 0.0) for entry in self.sets)


@dataclass(frozen=True)
class SorenessEntry:
    """How sore one region (and side) was, 0 (none) to 10 (worst imaginable)."""

    date: dt.date
    context: SorenessContext
    region: Region
    score: int
    side: Side = Side.BOTH
    id: int | None = None
    athlete_id: int | None = None

    def validate(self, today: dt.date) -> None:
        check_log_date(self.date, today)
        if not 0 <= self.score <= SCORE_MAX:
            raise ValidationError(
                f"{self.region.value} score {self.score} must be 0 to {SCORE_MAX}", "score"
            )


def check_distinct_regions(entries: tuple[SorenessEntry, ...]) -> None:
    """One score per region and side in a single log."""
    seen: set[tuple[Region, Side]] = set()
    for entry in entries:
        key = (entry.region, entry.side)
        if key in seen:
            raise ValidationError(
                f"{entry.region.value} ({entry.side.value}) is scored twice", "region"
            )
        seen.add(key)


# Context names people and older data use for the four moments a score is taken.
CONTEXT_ALIASES: dict[str, SorenessContext] = {
    "after_run": SorenessContext.POST_RUN,
    "after_long_run": SorenessContext.POST_RUN,
    "post_long_run": SorenessContext.POST_RUN,
    "run": SorenessContext.POST_RUN,
    "after_race": SorenessContext.POST_RACE,
    "race": SorenessContext.POST_RACE,
    "after_strength": SorenessContext.POST_STRENGTH,
    "after_gym": SorenessContext.POST_STRENGTH,
    "post_gym": SorenessContext.POST_STRENGTH,
    "strength": SorenessContext.POST_STRENGTH,
}


def soreness_context_term(text: str) -> SorenessContext:
    """morning, post_run, post_race or post_strength (`post-run`, `after race` work too)."""
    key = normalise_term(text)
    if key in CONTEXT_ALIASES:
        return CONTEXT_ALIASES[key]
    try:
        return parse_term(SorenessContext, key, "context")
    except ValueError as error:
        raise ValidationError(str(error), "context") from None
