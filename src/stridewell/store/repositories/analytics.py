"""Read-only queries for the load watch, records and insights.

Built for long archives (thousands of activities, tens of thousands of sets and best efforts):
rows are read as plain columns, never as ORM objects; the stream blobs — the bulk of the
bytes — only for the activities that need them, reduced to the columns the load formulas use
(time and heart rate); and what can be decided in the database (the fastest effort at each
distance, the sets an e1RM can come from) is.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar, TypeVarTuple

import numpy as np
import numpy.typing as npt
from sqlalchemy import BigInteger, Row, Select, and_, case, func, null, or_, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from stridewell.domain.activities import Activity, Streams
from stridewell.domain.load.dates import TimeZoneLike, local_day_numbers
from stridewell.domain.performance import MAX_E1RM_REPS
from stridewell.domain.strength_log import (
    SetEntry,
    SorenessContext,
    SorenessEntry,
    StrengthSession,
)
from stridewell.domain.vocab import Region, Side
from stridewell.store.models import (
    ActivityRow,
    ActivityStreamRow,
    BestEffortRow,
    SetEntryRow,
    SorenessRow,
    StrengthSessionRow,
)
from stridewell.store.repositories.activities import (
    StoredActivity,
    StreamLoad,
    stream_load_from_column,
)
from stridewell.store.repositories.logs import StrengthLogRepository, side_from_code
from stridewell.store.streams import decode_streams

# The stream columns the load formulas read; the rest (positions, altitude…) are dropped after
# decoding so a long range does not hold every sample in memory.
LOAD_STREAM_COLUMNS = ("t", "hr")
# Stream blobs are read this many activities at a time (a bounded IN list, bounded memory).
STREAM_BATCH = 200

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

_Query = TypeVar("_Query", bound=Select[*tuple[Any, ...]])
_Columns = TypeVarTuple("_Columns")

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


@dataclass(frozen=True, eq=False)
class ActivityTable:
    """Activities as columns, one entry per activity, oldest first: what the load watch and
    the insights read of ten years of them (summaries and the stored stream load; no
    streams, laps or best efforts). Unknown numbers are NaN."""

    id: IntArray
    start_unix_s: IntArray  # the start in whole seconds since 1970-01-01 UTC
    tz_offset_s: list[int | None]  # the offset the file recorded
    # The local day (date.toordinal()): by the file's offset, else the athlete's home zone.
    local_day: IntArray
    sport: list[str]
    distance_m: FloatArray
    duration_s: FloatArray  # moving time when known (stops are not training), else elapsed
    avg_hr: FloatArray
    rpe: FloatArray
    # activity.load as stored: NaN not measured yet, NO_STREAM_LOAD measured and none, else
    # the stream's load (see store/repositories/activities.py).
    load: FloatArray
    name: list[str | None]

    def __len__(self) -> int:
        return int(self.id.shape[0])

    @property
    def is_run(self) -> BoolArray:
        """`Activity.is_run` of each activity."""
        return np.array([sport in RUN_SPORTS for sport in self.sport], dtype=bool)

    def stream_load(self, index: int) -> StreamLoad | None:
        """What the stream of activity `index` gives, when measured (None: not yet)."""
        value = float(self.load[index])
        return None if math.isnan(value) else stream_load_from_column(value)

    def take(self, kept: BoolArray) -> ActivityTable:
        """The activities where `kept` is true, in the same order."""
        chosen = np.flatnonzero(kept).tolist()
        return ActivityTable(
            id=self.id[kept],
            start_unix_s=self.start_unix_s[kept],
            tz_offset_s=[self.tz_offset_s[i] for i in chosen],
            local_day=self.local_day[kept],
            sport=[self.sport[i] for i in chosen],
            distance_m=self.distance_m[kept],
            duration_s=self.duration_s[kept],
            avg_hr=self.avg_hr[kept],
            rpe=self.rpe[kept],
            load=self.load[kept],
            name=[self.name[i] for i in chosen],
        )


# Activity.is_run's sports, for activities read as columns rather than as Activity objects.
RUN_SPORTS = frozenset({"running", "run", "trail_running", "treadmill"})


class unix_seconds(FunctionElement[int]):
    """A UTC timestamp column as whole seconds since 1970 (rounded down), computed by the
    database: reading ten years of start times as numbers skips building a datetime each."""

    type = BigInteger()
    inherit_cache = True


@compiles(unix_seconds, "sqlite")
def _unix_seconds_sqlite(element: unix_seconds, compiler: Any, **kw: Any) -> str:
    # UTCDateTime keeps SQLite times as naive UTC text, which strftime reads as UTC.
    return f"CAST(strftime('%s', {compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(unix_seconds)
def _unix_seconds(element: unix_seconds, compiler: Any, **kw: Any) -> str:
    return f"CAST(FLOOR(EXTRACT(EPOCH FROM {compiler.process(element.clauses, **kw)})) AS BIGINT)"


_TABLE_COLUMNS = (
    ActivityRow.id,
    unix_seconds(ActivityRow.start_utc),
    ActivityRow.tz_offset_s,
    ActivityRow.sport,
    ActivityRow.distance_m,
    func.coalesce(ActivityRow.moving_s, ActivityRow.elapsed_s),
    ActivityRow.avg_hr,
    ActivityRow.rpe,
    ActivityRow.load,
    ActivityRow.name,
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


@dataclass(frozen=True, eq=False)
class StrengthLoadTable:
    """Strength sessions as columns, by date: what their load needs, without their sets."""

    id: IntArray
    day: IntArray  # the session's date, as date.toordinal()
    duration_s: FloatArray
    rpe: FloatArray
    # Σ reps × kg, summed by the database for the sessions without RPE and duration only
    # (the others are loaded by session RPE); NaN for those.
    tonnage_kg: FloatArray

    def __len__(self) -> int:
        return int(self.id.shape[0])


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
        return {
            int(activity_id): _load_columns(blob)
            for activity_id, blob in self.session.execute(query)
        }

    def activity_table(
        self, athlete_id: int, home_zone: TimeZoneLike, *, end_utc: datetime | None = None
    ) -> ActivityTable:
        """The athlete's activities starting before `end_utc` (None: all), oldest first, as
        columns, each with its local day (`home_zone` where the file recorded no offset): one
        query of plain columns, turned into arrays without a Python object per activity."""
        query = _in_range(
            select(*_TABLE_COLUMNS).where(ActivityRow.athlete_id == athlete_id),
            None,
            end_utc,
        ).order_by(ActivityRow.start_utc, ActivityRow.id)
        rows = self._rows(query)
        columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) or [()] * len(_TABLE_COLUMNS)
        ids, starts, offsets, sports, distance, duration, avg_hr, rpe, load, names = columns
        start_unix_s = np.array(starts, dtype=np.int64)
        return ActivityTable(
            id=np.array(ids, dtype=np.int64),
            start_unix_s=start_unix_s,
            tz_offset_s=list(offsets),
            local_day=local_day_numbers(start_unix_s, offsets, home_zone),
            sport=list(sports),
            distance_m=_floats(distance),
            duration_s=_floats(duration),
            avg_hr=_floats(avg_hr),
            rpe=_floats(rpe),
            load=_floats(load),
            name=list(names),
        )

    def _rows(self, query: Select[*_Columns]) -> Sequence[Row[*_Columns]]:
        """The rows of a plain-column query, executed on the connection and fetched at once:
        the ORM adds nothing to tuples but time per row. Objects added to the session are
        flushed first."""
        self.session.flush()
        return self.session.connection().execute(query).all()

    def load_streams(self, activity_ids: Iterable[int]) -> Iterator[tuple[int, Streams]]:
        """The time and heart-rate streams of these activities (those that have streams), read
        `STREAM_BATCH` blobs at a time."""
        ids = sorted(set(activity_ids))
        for first in range(0, len(ids), STREAM_BATCH):
            batch = ids[first : first + STREAM_BATCH]
            query = select(ActivityStreamRow.activity_id, ActivityStreamRow.data).where(
                ActivityStreamRow.activity_id.in_(batch)
            )
            for activity_id, blob in self.session.execute(query):
                yield int(activity_id), _load_columns(blob)

    def best_efforts(
        self,
        athlete_id: int,
        *,
        ranges: Iterable[tuple[datetime | None, datetime | None]] = ((None, None),),
    ) -> list[EffortRecord]:
        """Every best effort of the athlete's activities starting in any of the [start, end)
        `ranges` (None: open), in one query (no ORM objects), by start time."""
        query = (
            select(*_EFFORT_COLUMNS)
            .join(ActivityRow, ActivityRow.id == BestEffortRow.activity_id)
            .where(ActivityRow.athlete_id == athlete_id)
            .where(or_(*(_range_clause(start, end) for start, end in ranges)))
            .order_by(ActivityRow.start_utc, BestEffortRow.id)
        )
        return [EffortRecord(*row) for row in self._rows(query)]

    def fastest_efforts(
        self, athlete_id: int, *, end_utc: datetime, recent_utc: datetime | None = None
    ) -> list[EffortRecord]:
        """The fastest best effort at each stored distance among the athlete's activities
        starting before `end_utc`, and (with `recent_utc`) among those starting from
        `recent_utc` on, with every effort that ties one: the database finds the minima in one
        pass, so a long archive sends a handful of rows instead of all of them. Efforts with a
        zero time or distance are left out."""
        valid = (
            ActivityRow.athlete_id == athlete_id,
            BestEffortRow.time_s > 0,
            BestEffortRow.distance_m > 0,
            ActivityRow.start_utc < end_utc,
        )
        recent = true() if recent_utc is None else ActivityRow.start_utc >= recent_utc
        minima = (
            select(
                BestEffortRow.distance_m,
                func.min(BestEffortRow.time_s),
                func.min(case((recent, BestEffortRow.time_s))),
            )
            .join(ActivityRow, ActivityRow.id == BestEffortRow.activity_id)
            .where(*valid)
            .group_by(BestEffortRow.distance_m)
        )
        wanted = []
        for distance_m, fastest_s, recent_s in self._rows(minima):
            wanted.append(
                and_(BestEffortRow.distance_m == distance_m, BestEffortRow.time_s == fastest_s)
            )
            if recent_s is not None and recent_s != fastest_s:
                wanted.append(
                    and_(
                        BestEffortRow.distance_m == distance_m,
                        BestEffortRow.time_s == recent_s,
                        recent,
                    )
                )
        if not wanted:
            return []
        query = (
            select(*_EFFORT_COLUMNS)
            .join(ActivityRow, ActivityRow.id == BestEffortRow.activity_id)
            .where(*valid, or_(*wanted))
            .order_by(ActivityRow.start_utc, BestEffortRow.id)
        )
        return [EffortRecord(*row) for row in self._rows(query)]

    def strength_sessions(
        self, athlete_id: int, *, start: date | None = None, end: date | None = None
    ) -> list[StrengthSession]:
        """The athlete's strength sessions dated in [start, end] with their sets, by date."""
        return StrengthLogRepository(self.session).list_for(athlete_id, start, end)

    def strength_load_table(self, athlete_id: int, *, end: date | None = None) -> StrengthLoadTable:
        """Every strength session up to `end`, by date, as the columns its load needs, in one
        query: the load watch reads years of sessions, and building each set as an object
        would dominate. Tonnage is summed by the database, and only for sessions without RPE
        and duration: the others are loaded by session RPE (domain.load.strength_load_entry)."""
        rated = and_(
            StrengthSessionRow.rpe.is_not(None), StrengthSessionRow.duration_s.is_not(None)
        )
        tonnage = (
            select(
                func.coalesce(
                    func.sum(
                        func.coalesce(SetEntryRow.reps, 0) * func.coalesce(SetEntryRow.load_kg, 0.0)
                    ),
                    0.0,
                )
            )
            .where(SetEntryRow.session_id == StrengthSessionRow.id)
            .correlate(StrengthSessionRow)
            .scalar_subquery()
        )
        query = (
            select(
                StrengthSessionRow.id,
                StrengthSessionRow.date,
                StrengthSessionRow.duration_s,
                StrengthSessionRow.rpe,
                case((rated, null()), else_=tonnage),
            )
            .where(StrengthSessionRow.athlete_id == athlete_id)
            .order_by(StrengthSessionRow.date, StrengthSessionRow.id)
        )
        if end is not None:
            query = query.where(StrengthSessionRow.date <= end)
        rows = self._rows(query)
        columns: list[tuple[Any, ...]] = list(zip(*rows, strict=True)) or [()] * 5
        ids, days, duration, rpe, tonnage_kg = columns
        return StrengthLoadTable(
            id=np.array(ids, dtype=np.int64),
            day=np.array([day.toordinal() for day in days], dtype=np.int64),
            duration_s=_floats(duration),
            rpe=_floats(rpe),
            tonnage_kg=_floats(tonnage_kg),
        )

    def strength_dates(self, athlete_id: int, *, end: date | None = None) -> list[date]:
        """The date of every strength session up to `end`, oldest first (one narrow query)."""
        query = select(StrengthSessionRow.date).where(StrengthSessionRow.athlete_id == athlete_id)
        if end is not None:
            query = query.where(StrengthSessionRow.date <= end)
        return [row[0] for row in self._rows(query.order_by(StrengthSessionRow.date))]

    def strength_sets(
        self,
        athlete_id: int,
        *,
        start: date | None = None,
        end: date | None = None,
    ) -> list[StrengthSession]:
        """The athlete's strength sessions dated in [start, end] with their sets, by date, read
        as plain columns in one query (no ORM objects). Only the sessions that have sets are
        listed."""
        query = (
            select(
                StrengthSessionRow.id,
                StrengthSessionRow.date,
                StrengthSessionRow.duration_s,
                StrengthSessionRow.rpe,
                SetEntryRow.exercise_slug,
                SetEntryRow.side,
                SetEntryRow.reps,
                SetEntryRow.load_kg,
                SetEntryRow.hold_s,
                SetEntryRow.rpe,
            )
            .join(SetEntryRow, SetEntryRow.session_id == StrengthSessionRow.id)
            .where(StrengthSessionRow.athlete_id == athlete_id)
            .order_by(StrengthSessionRow.date, StrengthSessionRow.id, SetEntryRow.order)
        )
        if start is not None:
            query = query.where(StrengthSessionRow.date >= start)
        if end is not None:
            query = query.where(StrengthSessionRow.date <= end)
        sessions: list[StrengthSession] = []
        current: tuple[Any, ...] | None = None
        sets: list[SetEntry] = []
        for row in self._rows(query):
            if current is None or row[0] != current[0]:
                if current is not None:
                    sessions.append(_strength_session(athlete_id, current, sets))
                current, sets = tuple(row[:4]), []
            sets.append(SetEntry(row[4], side_from_code(row[5]), row[6], row[7], row[8], row[9]))
        if current is not None:
            sessions.append(_strength_session(athlete_id, current, sets))
        return sessions

    def e1rm_sets(self, athlete_id: int, *, end: date | None = None) -> list[tuple[date, SetEntry]]:
        """The sets up to `end` that can be a day's best e1RM, with their day, in the order
        they were done (domain.insights.e1rm_progression_of_sets): loaded, 1 to MAX_E1RM_REPS
        reps, and of the sets of one exercise with as many reps on one day the heaviest, the
        first of them. Both estimates grow with the load at a given number of reps, and a later
        set of equal estimate never replaces an earlier one, so the rest cannot change the
        result. Slug, side, reps and load only (the rest of the set is not read)."""
        ranked = select(
            SetEntryRow.id,
            func.row_number()
            .over(
                partition_by=(
                    StrengthSessionRow.date,
                    SetEntryRow.exercise_slug,
                    SetEntryRow.reps,
                ),
                order_by=(
                    SetEntryRow.load_kg.desc(),
                    StrengthSessionRow.id,
                    SetEntryRow.order,
                    SetEntryRow.id,
                ),
            )
            .label("place"),
        ).join(StrengthSessionRow, StrengthSessionRow.id == SetEntryRow.session_id)
        ranked = _in_days(ranked, athlete_id, None, end).where(
            SetEntryRow.load_kg > 0,
            SetEntryRow.reps >= 1,
            SetEntryRow.reps <= MAX_E1RM_REPS,
        )
        first = ranked.subquery()
        query = (
            select(
                StrengthSessionRow.date,
                SetEntryRow.exercise_slug,
                SetEntryRow.side,
                SetEntryRow.reps,
                SetEntryRow.load_kg,
            )
            .join(SetEntryRow, SetEntryRow.session_id == StrengthSessionRow.id)
            .join(first, first.c.id == SetEntryRow.id)
            .where(first.c.place == 1)
            .order_by(StrengthSessionRow.date, StrengthSessionRow.id, SetEntryRow.order)
        )
        return [
            (day, SetEntry(slug, side_from_code(side), reps, load_kg))
            for day, slug, side, reps, load_kg in self._rows(query)
        ]

    def soreness(
        self,
        athlete_id: int,
        *,
        start: date | None = None,
        end: date | None = None,
        contexts: frozenset[SorenessContext] | None = None,
        regions: frozenset[Region] | None = None,
    ) -> list[SorenessEntry]:
        """The athlete's soreness scores dated in [start, end], by date; only those logged in
        `contexts` for `regions` when given (None: all). Plain columns, no ORM objects."""
        query = select(
            SorenessRow.id,
            SorenessRow.date,
            SorenessRow.context,
            SorenessRow.region,
            SorenessRow.side,
            SorenessRow.score,
        ).where(SorenessRow.athlete_id == athlete_id)
        if start is not None:
            query = query.where(SorenessRow.date >= start)
        if end is not None:
            query = query.where(SorenessRow.date <= end)
        if contexts is not None:
            query = query.where(SorenessRow.context.in_(sorted(c.value for c in contexts)))
        if regions is not None:
            query = query.where(SorenessRow.region.in_(sorted(r.value for r in regions)))
        query = query.order_by(SorenessRow.date, SorenessRow.id)
        return [
            SorenessEntry(
                id=row_id,
                athlete_id=athlete_id,
                date=day,
                context=SorenessContext(context),
                region=Region(region),
                side=Side(side),
                score=score,
            )
            for row_id, day, context, region, side, score in self._rows(query)
        ]


_EFFORT_COLUMNS = (
    BestEffortRow.activity_id,
    ActivityRow.start_utc,
    ActivityRow.tz_offset_s,
    BestEffortRow.label,
    BestEffortRow.distance_m,
    BestEffortRow.time_s,
)


def _floats(values: tuple[float | None, ...]) -> FloatArray:
    """A float column (None becomes NaN)."""
    return np.array(values, dtype=np.float64).reshape(len(values))


def _load_columns(blob: bytes) -> Streams:
    columns = decode_streams(bytes(blob)).columns
    return Streams({name: columns[name] for name in LOAD_STREAM_COLUMNS if name in columns})


def _strength_session(
    athlete_id: int, row: tuple[Any, ...], sets: list[SetEntry]
) -> StrengthSession:
    session_id, day, duration_s, rpe = row
    return StrengthSession(
        date=day,
        sets=tuple(sets),
        duration_s=duration_s,
        rpe=rpe,
        id=session_id,
        athlete_id=athlete_id,
    )


def _in_days(query: _Query, athlete_id: int, start: date | None, end: date | None) -> _Query:
    """`query` limited to the athlete's strength sessions dated from `start` to `end`."""
    query = query.where(StrengthSessionRow.athlete_id == athlete_id)
    if start is not None:
        query = query.where(StrengthSessionRow.date >= start)
    if end is not None:
        query = query.where(StrengthSessionRow.date <= end)
    return query


def _range_clause(start_utc: datetime | None, end_utc: datetime | None) -> Any:
    """Activities starting in [start_utc, end_utc); None leaves that end open."""
    clauses = []
    if start_utc is not None:
        clauses.append(ActivityRow.start_utc >= start_utc)
    if end_utc is not None:
        clauses.append(ActivityRow.start_utc < end_utc)
    return and_(true(), *clauses)


def _in_range(query: _Query, start_utc: datetime | None, end_utc: datetime | None) -> _Query:
    """`query` limited to activities starting in [start_utc, end_utc)."""
    if start_utc is not None:
        query = query.where(ActivityRow.start_utc >= start_utc)
    if end_utc is not None:
        query = query.where(ActivityRow.start_utc < end_utc)
    return query
