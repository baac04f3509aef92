"""Activities with their streams (one compressed blob), laps and best efforts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from stridewell.domain.activities import Activity, BestEffort, Lap, Streams
from stridewell.store.models import ActivityRow, ActivityStreamRow, BestEffortRow, LapRow
from stridewell.store.streams import FORMAT_VERSION, decode_streams, encode_streams


@dataclass(frozen=True)
class StoredActivity:
    id: int
    athlete_id: int
    activity: Activity
    source_sha256: str | None
    source_path: str | None
    load: float | None
    samples: int  # stored count: right even when the streams were not loaded


class ActivityRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self,
        athlete_id: int,
        activity: Activity,
        *,
        source_sha256: str | None = None,
        source_index: int = 0,
        source_path: str | None = None,
        load: float | None = None,
        imported_utc: datetime | None = None,
    ) -> int:
        """Insert one activity with its streams, laps and best efforts; returns its id.

        A second activity with the same `source_sha256` for the same athlete violates a unique
        constraint (IntegrityError): check `find_by_source` first for a friendly duplicate.
        """
        row = ActivityRow(
            athlete_id=athlete_id,
            source_kind=activity.source_kind,
            source_sha256=source_sha256,
            source_index=source_index,
            source_path=source_path,
            sport=activity.sport,
            sub_sport=activity.sub_sport,
            start_utc=activity.start_utc,
            tz_offset_s=activity.tz_offset_s,
            elapsed_s=activity.elapsed_s,
            moving_s=activity.moving_s,
            distance_m=activity.distance_m,
            ascent_m=activity.ascent_m,
            avg_hr=activity.avg_hr,
            max_hr=activity.max_hr,
            avg_cadence=activity.avg_cadence,
            rpe=activity.rpe,
            load=load,
            name=activity.name,
            description=activity.description,
            gear=activity.gear,
            device=activity.device,
            samples=activity.samples,
            hr_zone_s=list(activity.hr_zone_s),
            notes=list(activity.notes),
            imported_utc=imported_utc or datetime.now(UTC),
        )
        if activity.streams.columns:
            row.stream = ActivityStreamRow(
                format_version=FORMAT_VERSION, data=encode_streams(activity.streams)
            )
        row.laps = [
            LapRow(
                lap_index=index,
                start_utc=lap.start_utc,
                elapsed_s=lap.elapsed_s,
                distance_m=lap.distance_m,
                moving_s=lap.moving_s,
                avg_hr=lap.avg_hr,
                max_hr=lap.max_hr,
            )
            for index, lap in enumerate(activity.laps)
        ]
        row.best_efforts = [
            BestEffortRow(
                distance_m=effort.distance_m,
                label=effort.label,
                time_s=effort.time_s,
                start_offset_s=effort.start_offset_s,
            )
            for effort in activity.best_efforts
        ]
        self.session.add(row)
        self.session.flush()
        return row.id

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

    def delete(self, activity_ids: Sequence[int]) -> int:
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
    activity = Activity(
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
        streams=streams,
        laps=tuple(
            Lap(
                start_utc=lap.start_utc,
                elapsed_s=lap.elapsed_s,
                distance_m=lap.distance_m,
                moving_s=lap.moving_s,
                avg_hr=lap.avg_hr,
                max_hr=lap.max_hr,
            )
            for lap in row.laps
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
    return StoredActivity(
        id=row.id,
        athlete_id=row.athlete_id,
        activity=activity,
        source_sha256=row.source_sha256,
        source_path=row.source_path,
        load=row.load,
        samples=row.samples,
    )
