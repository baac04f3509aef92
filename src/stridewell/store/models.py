"""The database tables (SQLAlchemy 2 typed models) for the whole data model of design.md.

Rows are named `*Row` so they are never confused with the domain value objects that the
repositories map them to. Vocabulary terms are stored as their string values (not database
enums) so adding a term never needs a migration. Every foreign key to an owner cascades on
delete; optional references (a race's activity, a plan's race) are set to NULL instead.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from stridewell.store.types import UTCDateTime

# Deterministic constraint names, so migrations can refer to them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dt.datetime: UTCDateTime(), float: Float(), str: Text()}


def _owner(table: str) -> Any:
    """A required, indexed reference to the row that owns this one; deleting the owner cascades."""
    return mapped_column(ForeignKey(f"{table}.id", ondelete="CASCADE"), index=True)


def _optional_ref(table: str) -> Any:
    """An optional reference that becomes NULL when the referred row is deleted."""
    return mapped_column(ForeignKey(f"{table}.id", ondelete="SET NULL"), nullable=True, index=True)


# --- core (migration 0001) ---------------------------------------------------------------------


class AthleteRow(Base):
    __tablename__ = "athlete"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    sex: Mapped[str] = mapped_column(String(1))
    birth_year: Mapped[int]
    units: Mapped[str] = mapped_column(String(2))
    max_hr: Mapped[int | None]
    rest_hr: Mapped[int | None]
    timezone: Mapped[str] = mapped_column(String(64))
    experience: Mapped[str] = mapped_column(String(20))
    equipment: Mapped[list[str]] = mapped_column(JSON)  # Equipment terms
    weekly_availability: Mapped[dict[str, Any]] = mapped_column(JSON)  # {days, long_run_day}
    weekly_km: Mapped[float]
    created_utc: Mapped[dt.datetime]


class UserRow(Base):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str]
    role: Mapped[str] = mapped_column(String(10))  # athlete | coach | admin
    athlete_id: Mapped[int | None] = _optional_ref("athlete")  # the user's own profile
    created_utc: Mapped[dt.datetime]


class CoachAthleteRow(Base):
    __tablename__ = "coach_athlete"

    coach_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    athlete_id: Mapped[int] = mapped_column(
        ForeignKey("athlete.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class InjuryRow(Base):
    __tablename__ = "injury"

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _owner("athlete")
    region: Mapped[str] = mapped_column(String(20))
    side: Mapped[str] = mapped_column(String(5))
    onset: Mapped[dt.date] = mapped_column(Date)
    resolved: Mapped[dt.date | None] = mapped_column(Date)
    severity: Mapped[int]  # 0-10
    days_off_running: Mapped[int]
    notes: Mapped[str]


class RaceRow(Base):
    __tablename__ = "race"

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _owner("athlete")
    name: Mapped[str] = mapped_column(String(200))
    date: Mapped[dt.date] = mapped_column(Date)
    distance_m: Mapped[float]
    goal_s: Mapped[int | None]
    result_s: Mapped[int | None]
    # The recorded activity of the race; the constraint arrives with the activity table (0002).
    activity_id: Mapped[int | None] = _optional_ref("activity")


class PlanRow(Base):
    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _owner("athlete")
    created_utc: Mapped[dt.datetime]
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date] = mapped_column(Date)
    race_id: Mapped[int | None] = _optional_ref("race")
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON)  # what the plan was built from
    weeks: Mapped[list[dict[str, Any]]] = mapped_column(JSON)  # week headers: phase, km, why…
    notes: Mapped[list[str]] = mapped_column(JSON)

    sessions: Mapped[list[PlannedSessionRow]] = relationship(
        back_populates="plan",
        order_by="PlannedSessionRow.order",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class PlannedSessionRow(Base):
    __tablename__ = "planned_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = _owner("plan")
    week_index: Mapped[int]
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))  # strength | run | rest
    order: Mapped[int]  # position within the plan
    body: Mapped[dict[str, Any]] = mapped_column(JSON)  # title, why, run, exercises

    plan: Mapped[PlanRow] = relationship(back_populates="sessions")


# --- activities and logging (migration 0002) -------------------------------------------------


class ActivityRow(Base):
    __tablename__ = "activity"
    __table_args__ = (
        # Import is idempotent by content hash, per athlete (design.md, safety); a multisport
        # file yields one activity per session, told apart by `source_index` (migration 0003).
        UniqueConstraint("athlete_id", "source_sha256", "source_index"),
        Index("ix_activity_athlete_start", "athlete_id", "start_utc"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = mapped_column(ForeignKey("athlete.id", ondelete="CASCADE"))
    source_kind: Mapped[str] = mapped_column(String(16))  # fit | gpx | tcx | csv | manual
    source_sha256: Mapped[str | None] = mapped_column(String(64))
    source_index: Mapped[int] = mapped_column(default=0, server_default="0")
    source_path: Mapped[str | None]
    sport: Mapped[str] = mapped_column(String(40))
    sub_sport: Mapped[str | None] = mapped_column(String(40))
    start_utc: Mapped[dt.datetime]
    tz_offset_s: Mapped[int | None]
    elapsed_s: Mapped[float | None]
    moving_s: Mapped[float | None]
    distance_m: Mapped[float | None]
    ascent_m: Mapped[float | None]
    avg_hr: Mapped[float | None]
    max_hr: Mapped[float | None]
    avg_cadence: Mapped[float | None]
    rpe: Mapped[float | None]
    load: Mapped[float | None]
    name: Mapped[str | None]
    description: Mapped[str | None]
    gear: Mapped[str | None]
    device: Mapped[str | None]
    samples: Mapped[int]
    hr_zone_s: Mapped[list[float]] = mapped_column(JSON)  # seconds in zones 1..5
    notes: Mapped[list[str]] = mapped_column(JSON)
    imported_utc: Mapped[dt.datetime]

    stream: Mapped[ActivityStreamRow | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )
    laps: Mapped[list[LapRow]] = relationship(
        order_by="LapRow.lap_index", cascade="all, delete-orphan", passive_deletes=True
    )
    best_efforts: Mapped[list[BestEffortRow]] = relationship(
        order_by="BestEffortRow.id", cascade="all, delete-orphan", passive_deletes=True
    )


class ActivityStreamRow(Base):
    """All samples of one activity as one compressed columnar blob (see store/streams.py)."""

    __tablename__ = "activity_stream"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity.id", ondelete="CASCADE"), primary_key=True
    )
    format_version: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary)


class LapRow(Base):
    __tablename__ = "lap"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = _owner("activity")
    lap_index: Mapped[int]
    start_utc: Mapped[dt.datetime]
    elapsed_s: Mapped[float]
    distance_m: Mapped[float | None]
    moving_s: Mapped[float | None]
    avg_hr: Mapped[float | None]
    max_hr: Mapped[float | None]


class BestEffortRow(Base):
    __tablename__ = "best_effort"

    id: Mapped[int] = mapped_column(primary_key=True)
    activity_id: Mapped[int] = _owner("activity")
    distance_m: Mapped[float]
    label: Mapped[str] = mapped_column(String(16))  # 400m, 1k, 1mile, 5k, 10k, half, marathon
    time_s: Mapped[float]
    start_offset_s: Mapped[float]


class StrengthSessionRow(Base):
    __tablename__ = "strength_session"

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _owner("athlete")
    date: Mapped[dt.date] = mapped_column(Date)
    planned_session_id: Mapped[int | None] = _optional_ref("planned_session")
    duration_s: Mapped[int | None]
    rpe: Mapped[float | None]
    notes: Mapped[str]

    sets: Mapped[list[SetEntryRow]] = relationship(
        order_by="SetEntryRow.order", cascade="all, delete-orphan", passive_deletes=True
    )


class SetEntryRow(Base):
    __tablename__ = "set_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _owner("strength_session")
    exercise_slug: Mapped[str] = mapped_column(String(80))
    order: Mapped[int]
    side: Mapped[str] = mapped_column(String(4))  # L | R | both
    reps: Mapped[int | None]
    load_kg: Mapped[float | None]
    hold_s: Mapped[int | None]
    rpe: Mapped[float | None]


class SorenessRow(Base):
    __tablename__ = "soreness"

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _owner("athlete")
    date: Mapped[dt.date] = mapped_column(Date)
    # a SorenessContext value: morning, post_run, post_race, post_strength
    context: Mapped[str] = mapped_column(String(40))
    region: Mapped[str] = mapped_column(String(20))
    side: Mapped[str] = mapped_column(String(5))
    score: Mapped[int]  # 0-10


CORE_TABLES = ("athlete", "user", "coach_athlete", "injury", "race", "plan", "planned_session")
ACTIVITY_TABLES = (
    "activity",
    "activity_stream",
    "lap",
    "best_effort",
    "strength_session",
    "set_entry",
    "soreness",
)


# --- return to run (migration 0004) ------------------------------------------------------------


class RehabLogRow(Base):
    """One return-to-run entry: a walk-run session at a stage with its pain answers, or (stage 0)
    the readiness checks, whose per-test pains are kept in `checks`."""

    __tablename__ = "rehab_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    athlete_id: Mapped[int] = _owner("athlete")
    injury_id: Mapped[int] = _owner("injury")
    date: Mapped[dt.date] = mapped_column(Date)
    stage: Mapped[int]  # 0 = readiness checks, 1.. = walk-run stage
    pain_during: Mapped[int]  # 0-10 (readiness: the worst test)
    pain_next_morning: Mapped[int | None]  # 0-10
    pain_24h_settled: Mapped[bool | None]
    checks: Mapped[dict[str, int] | None] = mapped_column(JSON)  # readiness: pain per test
    notes: Mapped[str]


REHAB_TABLES = ("rehab_log",)
