"""Read-only queries for the load watch, records and insights.

Built for long archives (thousands of activities): summaries are read as plain columns in one
query, and the stream blobs — the bulk of the bytes — only for the activities that need them,
reduced to the columns the load formulas use (time and heart rate).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity, Streams
from stridewell.domain.strength_log import SorenessEntry, StrengthSession
from stridewell.store.models import (
    ActivityRow,
    ActivityStreamRow,
    BestEffortRow,
    SetEntryRow,
    StrengthSessionRow,
)
from stridewell.store.repositories.activities import StoredActivity
from stridewell.store.repositories.logs import SorenessRepository, StrengthLogRepository
from stridewell.store.streams import decode_streams

# The stream columns the load formulas read; the rest (positions, altitude…) are dropped after
# decoding so a long range does not hold every sample in memory.
LOAD_STREAM_COLUMNS = ("t", "hr")

_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])

_SUMMARY_COLUMNS = (
    ActivityRow.id,
    ActivityRow.athlete_id,
    ActivityRow.source_kind,
    ActivityRow.source_sha256,
    ActivityRow.source_path,
    ActivityRow.sport,
    ActivityRow.sub_sport,
    ActivityRow.start_utc,
    ActivityRow.tz_offset_s,
    ActivityRow.elapsed_s,
    ActivityRow.moving_s,
    ActivityRow.distance_m,
    ActivityRow.avg_hr,
    ActivityRow.max_hr,
    ActivityRow.rpe,
    ActivityRow.load,
    ActivityRow.name,
    ActivityRow.samples,
)


@dataclass(frozen=True)
class EffortRecord:
    """One best effort inside an imported activity, with what is needed to date it."""

    activity_id: int
    start_utc: datetime
    tz_offset_s: int | None
    label: str
    distance_m: float
    time_s: float


@dataclass(frozen=True)
class StrengthLoadRecord:
    """What the load of a strength session needs, without its sets: Σ reps × kg is summed by
    the database."""

    id: int
    date: date
    duration_s: int | None
    rpe: float | None
    tonnage_kg: float


class AnalyticsRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def activities(
        self,
        athlete_id: int,
        *,
        start_utc: datetime | None = None,
        end_utc: datetime | None = None,
        streams_from_utc: datetime | None = None,
    ) -> list[StoredActivity]:
        """The athlete's activities starting in [start_utc, end_utc), oldest first, as summaries.

        Activities that start at or after `streams_from_utc` also carry their time and heart-rate
        streams (None: no streams at all). Two queries whatever the number of activities.
        """
        query = _in_range(
            select(*_SUMMARY_COLUMNS).where(ActivityRow.athlete_id == athlete_id),
            start_utc,
            end_utc,
        ).order_by(ActivityRow.start_utc, ActivityRow.id)
        streams: dict[int, Streams] = {}
        if streams_from_utc is not None:
            streams_start = max(streams_from_utc, start_utc or streams_from_utc)
            streams = self._load_streams(athlete_id, streams_start, end_utc)
        stored = []
        for row in self.session.execute(query).mappings():
            activity = Activity(
                source_kind=row["source_kind"],
                sport=row["sport"],
                start_utc=row["start_utc"],
                tz_offset_s=row["tz_offset_s"],
                elapsed_s=row["elapsed_s"],
                moving_s=row["moving_s"],
                distance_m=row["distance_m"],
                avg_hr=row["avg_hr"],
                max_hr=row["max_hr"],
                rpe=row["rpe"],
                name=row["name"],
                sub_sport=row["sub_sport"],
                streams=streams.get(row["id"], Streams()),
            )
            stored.append(
                StoredActivity(
                    id=row["id"],
                    athlete_id=row["athlete_id"],
                    activity=activity,
                    source_sha256=row["source_sha256"],
                    source_path=row["source_path"],
                    load=row["load"],
                    samples=row["samples"],
                )
            )
        return stored

    def _load_streams(
        self, athlete_id: int, start_utc: datetime, end_utc: datetime | None
    ) -> dict[int, Streams]:
        query = _in_range(
            select(ActivityStreamRow.activity_id, ActivityStreamRow.data)
            .join(ActivityRow, ActivityRow.id == ActivityStreamRow.activity_id)
            .where(ActivityRow.athlete_id == athlete_id),
            start_utc,
            end_utc,
        )
        kept: dict[int, Streams] = {}
        for activity_id, blob in self.session.execute(query):
            columns = decode_streams(bytes(blob)).columns
            kept[int(activity_id)] = Streams(
                {name: columns[name] for name in LOAD_STREAM_COLUMNS if name in columns}
            )
        return kept

    def best_efforts(self, athlete_id: int) -> list[EffortRecord]:
        """Every best effort of the athlete's activities, in one query (no ORM objects)."""
        query = (
            select(
                BestEffortRow.activity_id,
                ActivityRow.start_utc,
                ActivityRow.tz_offset_s,
                BestEffortRow.label,
                BestEffortRow.distance_m,
                BestEffortRow.time_s,
            )
            .join(ActivityRow, ActivityRow.id == BestEffortRow.activity_id)
            .where(ActivityRow.athlete_id == athlete_id)
            .order_by(ActivityRow.start_utc, BestEffortRow.id)
        )
        return [EffortRecord(*row) for row in self.session.execute(query)]

    def strength_sessions(
        self, athlete_id: int, *, start: date | None = None, end: date | None = None
    ) -> list[StrengthSession]:
        """The athlete's strength sessions dated in [start, end] with their sets, by date."""
        return StrengthLogRepository(self.session).list_for(athlete_id, start, end)

    def strength_loads(
        self, athlete_id: int, *, end: date | None = None
    ) -> list[StrengthLoadRecord]:
        """Every strength session up to `end` as a load record, in one aggregate query (the
        load watch reads years of sessions; building each set as an object would dominate)."""
        tonnage = (
            select(
                SetEntryRow.session_id,
                func.sum(
                    func.coalesce(SetEntryRow.reps, 0) * func.coalesce(SetEntryRow.load_kg, 0.0)
                ).label("tonnage_kg"),
            )
            .group_by(SetEntryRow.session_id)
            .subquery()
        )
        query = (
            select(
                StrengthSessionRow.id,
                StrengthSessionRow.date,
                StrengthSessionRow.duration_s,
                StrengthSessionRow.rpe,
                func.coalesce(tonnage.c.tonnage_kg, 0.0),
            )
            .outerjoin(tonnage, tonnage.c.session_id == StrengthSessionRow.id)
            .where(StrengthSessionRow.athlete_id == athlete_id)
            .order_by(StrengthSessionRow.date, StrengthSessionRow.id)
        )
        if end is not None:
            query = query.where(StrengthSessionRow.date <= end)
        return [
            StrengthLoadRecord(row[0], row[1], row[2], row[3], float(row[4]))
            for row in self.session.execute(query)
        ]

    def soreness(
        self, athlete_id: int, *, start: date | None = None, end: date | None = None
    ) -> list[SorenessEntry]:
        """The athlete's soreness scores dated in [start, end], by date."""
        return SorenessRepository(self.session).list_for(athlete_id, start, end)


def _in_range(query: _Query, start_utc: datetime | None, end_utc: datetime | None) -> _Query:
    """`query` limited to activities starting in [start_utc, end_utc)."""
    if start_utc is not None:
        query = query.where(ActivityRow.start_utc >= start_utc)
    if end_utc is not None:
        query = query.where(ActivityRow.start_utc < end_utc)
    return query
