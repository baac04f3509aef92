"""Activities with their streams (one compressed blob), laps and best efforts.

Rows are written with Core INSERT statements (one for the activity, one executemany per child
table), not as objects through the unit of work: an import writes thousands of activities, and
the unit of work's bookkeeping per object cost more than the inserts themselves. The new rows are
not in the session's identity map (reads select them from the database), and since Core
statements do not autoflush, `add` flushes objects added to the session earlier first.

`activity.load` keeps the one part of an activity's load that needs its samples: the cardio
load its heart-rate stream gives for the athlete's HR profile (domain.load.hr_stream_load), so
the load watch never decodes years of streams. NULL means "not measured yet" (the load watch
measures and stores it when it needs it); NO_STREAM_LOAD means "measured: the stream gives
none" (no HR, too patchy, no max HR on the profile). The value depends on the athlete's max
HR, rest HR and sex: `forget_stream_loads` clears it when those change.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session, selectinload

from stridewell.domain.activities import Activity, BestEffort, Lap, Streams
from stridewell.store.models import ActivityRow, ActivityStreamRow, BestEffortRow, LapRow
from stridewell.store.streams import FORMAT_VERSION, decode_streams, encode_streams

_TABLES = ActivityRow.metadata.tables
_ACTIVITIES = _TABLES[ActivityRow.__tablename__]
_STREAMS = _TABLES[ActivityStreamRow.__tablename__]
_LAPS = _TABLES[LapRow.__tablename__]
_BEST_EFFORTS = _TABLES[BestEffortRow.__tablename__]
# Values come with each execution, so the statement is compiled once, not once per activity.
_INSERT_ACTIVITY = insert(_ACTIVITIES).returning(_ACTIVITIES.c.id)
_SET_LOAD = (
    update(_ACTIVITIES)
    .where(_ACTIVITIES.c.id == bindparam("activity_id"))
    .values(load=bindparam("stored_load"))
)
# activity.load for "measured, and the heart-rate stream gives no load" (loads are never < 0).
# Stream blobs fetched at a time when reading many (each can be ~100 kB).
_STREAM_READ_ROWS = 100
NO_STREAM_LOAD = -1.0


@dataclass(frozen=True)
class StreamLoad:
    """The cardio load an activity's heart-rate stream gives for the athlete's HR profile, as
    measured (`load` None: the stream gives none). Which method it is follows from the profile:
    Banister TRIMP when rest HR is known, else Edwards."""

    load: float | None

    def stored(self) -> float:
        if self.load is not None and not self.load >= 0:
            raise ValueError(f"a stream load must be ≥ 0, not {self.load!r}")
        return NO_STREAM_LOAD if self.load is None else self.load


def stream_load_from_column(value: float | None) -> StreamLoad | None:
    """The stored `activity.load` read back; None when it was not measured."""
    if value is None:
        return None
    return StreamLoad(None if value < 0 else float(value))


@dataclass(frozen=True)
class EncodedActivity:
    """An activity ready to store: its streams already encoded as the stored blob.

    Encoding (float narrowing, byte shuffle, zlib) is most of the cost of storing an activity;
    an import does it in its worker processes, and sends the compact blob to the one process
    that writes instead of the raw sample arrays. `activity` carries no streams.
    """

    activity: Activity
    samples: int
    stream_blob: bytes | None


def stored_columns(streams: Streams, names: Sequence[str]) -> Streams:
    """The columns `names` of `streams` as the database will give them back: the blob keeps
    heart rate and the like as float32 where that moves no sample beyond its tolerance
    (store/streams.py), so a load measured at import equals one measured from the stored blob."""
    kept = {name: streams.columns[name] for name in names if name in streams.columns}
    return decode_streams(encode_streams(Streams(kept))) if kept else Streams()


def encode_activity(activity: Activity) -> EncodedActivity:
    blob = encode_streams(activity.streams) if activity.streams.columns else None
    return EncodedActivity(replace(activity, streams=Streams()), activity.samples, blob)


@dataclass(frozen=True)
class StoredActivity:
    id: int
    athlete_id: int
    activity: Activity
    source_sha256: str | None
    source_path: str | None
    load: float | None  # as stored: see `stream_load`
    samples: int  # stored count: right even when the streams were not loaded

    @property
    def stream_load(self) -> StreamLoad | None:
        """What the heart-rate stream gives, when measured (see the module docstring)."""
        return stream_load_from_column(self.load)


class ActivityRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self,
        athlete_id: int,
        activity: Activity | EncodedActivity,
        *,
        source_sha256: str | None = None,
        source_index: int = 0,
        source_path: str | None = None,
        load: float | StreamLoad | None = None,
        imported_utc: datetime | None = None,
    ) -> int:
        """Insert one activity with its streams, laps and best efforts; returns its id.

        `load` is what its heart-rate stream gives for the athlete's HR profile when the caller
        measured it (a `StreamLoad`, or the stored number as a backup holds it; see the module
        docstring); None leaves it to the load watch to measure.

        A second activity with the same `source_sha256` for the same athlete violates a unique
        constraint (IntegrityError): check `find_by_source` first for a friendly duplicate.
        """
        encoded = activity if isinstance(activity, EncodedActivity) else encode_activity(activity)
        summary = encoded.activity
        self.session.flush()  # rows added earlier as objects (the athlete) go in first
        values = {
            "athlete_id": athlete_id,
            "source_kind": summary.source_kind,
            "source_sha256": source_sha256,
            "source_index": source_index,
            "source_path": source_path,
            "sport": summary.sport,
            "sub_sport": summary.sub_sport,
            "start_utc": summary.start_utc,
            "tz_offset_s": summary.tz_offset_s,
            "elapsed_s": summary.elapsed_s,
            "moving_s": summary.moving_s,
            "distance_m": summary.distance_m,
            "ascent_m": summary.ascent_m,
            "avg_hr": summary.avg_hr,
            "max_hr": summary.max_hr,
            "avg_cadence": summary.avg_cadence,
            "rpe": summary.rpe,
            "load": load.stored() if isinstance(load, StreamLoad) else load,
            "name": summary.name,
            "description": summary.description,
            "gear": summary.gear,
            "device": summary.device,
            "samples": encoded.samples,
            "hr_zone_s": list(summary.hr_zone_s),
            "notes": list(summary.notes),
            "imported_utc": imported_utc or datetime.now(UTC),
        }
        activity_id = int(self.session.execute(_INSERT_ACTIVITY, values).scalar_one())
        if encoded.stream_blob is not None:
            self._insert(
                _STREAMS,
                [
                    {
                        "activity_id": activity_id,
                        "format_version": FORMAT_VERSION,
                        "data": encoded.stream_blob,
                    }
                ],
            )
        self._insert(
            _LAPS,
            [
                {
                    "activity_id": activity_id,
                    "lap_index": index,
                    "start_utc": lap.start_utc,
                    "elapsed_s": lap.elapsed_s,
                    "distance_m": lap.distance_m,
                    "moving_s": lap.moving_s,
                    "avg_hr": lap.avg_hr,
                    "max_hr": lap.max_hr,
                }
                for index, lap in enumerate(summary.laps)
            ],
        )
        self._insert(
            _BEST_EFFORTS,
            [
                {
                    "activity_id": activity_id,
                    "distance_m": effort.distance_m,
                    "label": effort.label,
                    "time_s": effort.time_s,
                    "start_offset_s": effort.start_offset_s,
                }
                for effort in summary.best_efforts
            ],
        )
        return activity_id

    def _insert(self, table: Table, rows: list[dict[str, Any]]) -> None:
        if rows:
            self.session.execute(insert(table), rows)

    def find_by_source(self, athlete_id: int, source_sha256: str) -> int | None:
        """The id of the athlete's activity imported from a file with this content hash."""
        query = select(ActivityRow.id).where(
            ActivityRow.athlete_id == athlete_id, ActivityRow.source_sha256 == source_sha256
        )
        return self.session.scalar(query)

    def known_sources(self, athlete_id: int) -> set[str]:
        """Content hashes of every file already imported for the athlete (one query)."""
        query = select(ActivityRow.source_sha256).where(
            ActivityRow.athlete_id == athlete_id, ActivityRow.source_sha256.is_not(None)
        )
        return {sha for sha in self.session.scalars(query) if sha is not None}

    def get(self, activity_id: int, with_streams: bool = True) -> StoredActivity | None:
        options = [selectinload(ActivityRow.laps), selectinload(ActivityRow.best_efforts)]
        if with_streams:
            options.append(selectinload(ActivityRow.stream))
        query = select(ActivityRow).where(ActivityRow.id == activity_id).options(*options)
        row = self.session.scalar(query)
        return None if row is None else _stored(row, with_streams)

    def list_for(
        self,
        athlete_id: int,
        start_utc: datetime | None = None,
        end_utc: datetime | None = None,
    ) -> list[StoredActivity]:
        """The athlete's activities by start time, without streams (summaries, laps, efforts)."""
        query = (
            select(ActivityRow)
            .where(ActivityRow.athlete_id == athlete_id)
            .order_by(ActivityRow.start_utc, ActivityRow.id)
            .options(selectinload(ActivityRow.laps), selectinload(ActivityRow.best_efforts))
        )
        if start_utc is not None:
            query = query.where(ActivityRow.start_utc >= start_utc)
        if end_utc is not None:
            query = query.where(ActivityRow.start_utc < end_utc)
        return [_stored(row, with_streams=False) for row in self.session.scalars(query)]

    def streams(self, activity_id: int) -> Streams:
        row = self.session.get(ActivityStreamRow, activity_id)
        return Streams() if row is None else decode_streams(row.data)

    def athlete_streams(self, athlete_id: int) -> Iterator[tuple[int, Streams]]:
        """Every stream of the athlete's activities, by activity id, decoded one at a time
        (blobs fetched `_STREAM_READ_ROWS` at a time: ten years of them never sit in memory)."""
        query = (
            select(ActivityStreamRow.activity_id, ActivityStreamRow.data)
            .join(ActivityRow, ActivityRow.id == ActivityStreamRow.activity_id)
            .where(ActivityRow.athlete_id == athlete_id)
            .order_by(ActivityStreamRow.activity_id)
            .execution_options(yield_per=_STREAM_READ_ROWS)
        )
        for activity_id, blob in self.session.execute(query):
            yield int(activity_id), decode_streams(blob)

    def set_stream_loads(self, loads: dict[int, StreamLoad]) -> None:
        """Store measured stream loads by activity id (one statement, in id order)."""
        if loads:
            self.session.execute(
                _SET_LOAD,
                [
                    {"activity_id": activity_id, "stored_load": loads[activity_id].stored()}
                    for activity_id in sorted(loads)
                ],
            )

    def forget_stream_loads(self, athlete_id: int) -> int:
        """Mark every stream load of the athlete as not measured (their HR profile changed);
        returns how many were cleared."""
        result = self.session.execute(
            update(_ACTIVITIES)
            .where(_ACTIVITIES.c.athlete_id == athlete_id, _ACTIVITIES.c.load.is_not(None))
            .values(load=None)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def owner(self, activity_id: int) -> int | None:
        """The id of the athlete the activity belongs to (None: no such activity)."""
        return self.session.scalar(
            select(ActivityRow.athlete_id).where(ActivityRow.id == activity_id)
        )

    def update_summary(self, activity_id: int, activity: Activity) -> bool:
        """Store the fields a person may correct by hand (start, time zone offset, times,
        distance, RPE, name) from `activity`; False when there is no such activity. Streams,
        laps, best efforts and the stored stream load stay as they are."""
        row = self.session.get(ActivityRow, activity_id)
        if row is None:
            return False
        row.start_utc = activity.start_utc
        row.tz_offset_s = activity.tz_offset_s
        row.elapsed_s = activity.elapsed_s
        row.moving_s = activity.moving_s
        row.distance_m = activity.distance_m
        row.rpe = activity.rpe
        row.name = activity.name
        self.session.flush()
        return True

    def delete(self, activity_ids: Sequence[int]) -> int:
        """Delete activities with their stream, laps and best efforts (the database cascades);
        a race recorded by one keeps its result, its `activity_id` set to NULL. Returns how many
        were deleted."""
        rows = self.session.scalars(select(ActivityRow).where(ActivityRow.id.in_(activity_ids)))
        count = 0
        for row in rows:
            self.session.delete(row)
            count += 1
        self.session.flush()
        return count


def _stored(row: ActivityRow, with_streams: bool) -> StoredActivity:
    streams = Streams()
    if with_streams and row.stream is not None:
        streams = decode_streams(row.stream.data)
    activity = activity_from_row(row, streams=streams)
    return StoredActivity(
        id=row.id,
        athlete_id=row.athlete_id,
        activity=activity,
        source_sha256=row.source_sha256,
        source_path=row.source_path,
        load=row.load,
        samples=row.samples,
    )


def activity_from_row(
    row: ActivityRow, *, streams: Streams | None = None, with_laps: bool = True
) -> Activity:
    """The domain activity of a stored row; `with_laps=False` leaves the laps unloaded (lists)."""
    return Activity(
        source_kind=row.source_kind,
        sport=row.sport,
        start_utc=row.start_utc,
        tz_offset_s=row.tz_offset_s,
        elapsed_s=row.elapsed_s,
        moving_s=row.moving_s,
        distance_m=row.distance_m,
        ascent_m=row.ascent_m,
        avg_hr=row.avg_hr,
        max_hr=row.max_hr,
        avg_cadence=row.avg_cadence,
        name=row.name,
        description=row.description,
        rpe=row.rpe,
        gear=row.gear,
        sub_sport=row.sub_sport,
        device=row.device,
        streams=streams if streams is not None else Streams(),
        laps=tuple(
            Lap(
                start_utc=lap.start_utc,
                elapsed_s=lap.elapsed_s,
                distance_m=lap.distance_m,
                moving_s=lap.moving_s,
                avg_hr=lap.avg_hr,
                max_hr=lap.max_hr,
            )
            for lap in (row.laps if with_laps else ())
        ),
        best_efforts=tuple(
            BestEffort(
                distance_m=effort.distance_m,
                label=effort.label,
                time_s=effort.time_s,
                start_offset_s=effort.start_offset_s,
            )
            for effort in row.best_efforts
        ),
        hr_zone_s=tuple(row.hr_zone_s),
        notes=tuple(row.notes),
    )
