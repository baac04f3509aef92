"""Browsing stored activities: a filtered, paginated list, and one activity in full with its
streams reduced to what a chart in a browser can draw.

The list reads summary columns (and best efforts) for one page at a time, so a ten-year
archive stays quick; the detail reads the one activity's stream blob.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from stridewell.domain.activities import Activity, BestEffort, FloatArray, Lap, Streams
from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.domain.load import local_date
from stridewell.domain.load.dates import as_tzinfo
from stridewell.services import parsing
from stridewell.services.errors import NotFoundError
from stridewell.services.imports import activity_summary
from stridewell.store.models import ActivityRow
from stridewell.store.repositories.activities import ActivityRepository, activity_from_row

# A browser draws a few thousand points per line without effort; more only costs bytes.
MAX_CHART_POINTS = 2000
# Below this speed the runner is standing (≈ 33 min/km): no pace is drawn there.
MIN_MOVING_SPEED_M_S = 0.5
# A local day can start up to 14 h before or 12 h after midnight UTC (UTC+14 … UTC−12).
_UTC_MARGIN = timedelta(hours=14)
# Sports whose speed reads best as a pace (minutes per km); the rest as km/h.
PACE_SPORTS = frozenset(
    {"running", "run", "trail_running", "treadmill", "walking", "hiking", "walk"}
)
# What the list's words are looked for in.
_SEARCHED_COLUMNS = (
    ActivityRow.name,
    ActivityRow.description,
    ActivityRow.source_path,
    ActivityRow.device,
    ActivityRow.gear,
    ActivityRow.sport,
)
_SPLIT_M = 1000.0
# A last split shorter than this is a stub of GPS noise, not worth a row.
_MIN_LAST_SPLIT_M = 50.0


@dataclass(frozen=True)
class ActivityFilter:
    """What the list is narrowed to; None means "any"."""

    sport: str | None = None
    first_day: date | None = None  # local days, both included
    last_day: date | None = None
    text: str | None = None  # words in the name, description, file, device or gear

    def __post_init__(self) -> None:
        if self.first_day and self.last_day and self.first_day > self.last_day:
            raise ValidationError(
                f"the range ends ({self.last_day.isoformat()}) before it starts "
                f"({self.first_day.isoformat()})",
                "to",
            )

    @property
    def is_empty(self) -> bool:
        return not (self.sport or self.first_day or self.last_day or self.text)


@dataclass(frozen=True)
class ActivityItem:
    """One stored activity as a summary (no streams, no laps)."""

    id: int
    path: str | None
    activity: Activity
    samples: int
    local_start: datetime  # in the activity's own time zone (else the athlete's)

    @property
    def local_day(self) -> date:
        return self.local_start.date()


@dataclass(frozen=True)
class ActivityListing:
    total: int  # matching activities, on every page
    items: tuple[ActivityItem, ...]  # this page, newest first


@dataclass(frozen=True)
class ChartStreams:
    """An activity's streams reduced to at most `MAX_CHART_POINTS` points (bucket means).

    Arrays hold NaN where the activity has no value; `x` is "distance" when the activity has a
    distance stream, else "time".
    """

    x: str
    distance_km: FloatArray
    time_s: FloatArray
    speed_m_s: FloatArray
    hr_bpm: FloatArray
    altitude_m: FloatArray
    samples: int  # before reduction

    @property
    def points(self) -> int:
        return int(self.time_s.shape[0])

    @property
    def pace_s_per_km(self) -> FloatArray:
        with np.errstate(divide="ignore", invalid="ignore"):
            pace: FloatArray = np.where(
                self.speed_m_s >= MIN_MOVING_SPEED_M_S, 1000.0 / self.speed_m_s, np.nan
            )
        return pace

    def has(self, name: str) -> bool:
        values: FloatArray = getattr(self, name)
        return bool(np.isfinite(values).any())


@dataclass(frozen=True)
class Split:
    """One kilometre of the activity (the last one may be shorter)."""

    number: int
    distance_m: float
    time_s: float
    avg_hr: float | None
    elevation_change_m: float | None

    @property
    def pace_s_per_km(self) -> float | None:
        return self.time_s / self.distance_m * 1000.0 if self.distance_m > 0 else None


@dataclass(frozen=True)
class ActivityDetail:
    id: int
    athlete_id: int
    path: str | None
    activity: Activity  # with laps and best efforts
    samples: int
    local_start: datetime
    chart: ChartStreams
    splits: tuple[Split, ...]

    @property
    def local_day(self) -> date:
        return self.local_start.date()

    @property
    def shows_pace(self) -> bool:
        return self.activity.sport in PACE_SPORTS


def activity_filter(
    *,
    sport: str | None = None,
    first: str | None = None,
    last: str | None = None,
    text: str | None = None,
) -> ActivityFilter:
    """A filter from what a person typed (form fields, query parameters); blank means any.

    Dates are YYYY-MM-DD; a bad one is a ValidationError naming `from` or `to`.
    """

    def blank(value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    first_text, last_text = blank(first), blank(last)
    return ActivityFilter(
        sport=blank(sport),
        first_day=None if first_text is None else parsing.iso_date(first_text, "from"),
        last_day=None if last_text is None else parsing.iso_date(last_text, "to"),
        text=blank(text),
    )


def find_activities(
    session: Session,
    athlete: Athlete,
    query: ActivityFilter,
    *,
    limit: int,
    offset: int = 0,
) -> ActivityListing:
    """The athlete's activities that match `query`, newest first: `limit` from `offset`."""
    assert athlete.id is not None
    if limit < 1 or offset < 0:
        raise ValidationError("limit must be at least 1 and offset at least 0", "limit")
    conditions = [ActivityRow.athlete_id == athlete.id]
    if query.sport:
        conditions.append(ActivityRow.sport == query.sport)
    for word in (query.text or "").split():
        pattern = "%" + _escape_like(word) + "%"
        conditions.append(
            or_(*(column.ilike(pattern, escape="\\") for column in _SEARCHED_COLUMNS))
        )
    if query.first_day is not None:
        since = datetime.combine(query.first_day, time(), UTC) - _UTC_MARGIN
        conditions.append(ActivityRow.start_utc >= since)
    if query.last_day is not None:
        until = datetime.combine(query.last_day + timedelta(days=1), time(), UTC) + _UTC_MARGIN
        conditions.append(ActivityRow.start_utc < until)
    newest_first = (ActivityRow.start_utc.desc(), ActivityRow.id.desc())
    if query.first_day is None and query.last_day is None:
        # No days to decide in Python: the database counts and pages.
        total = session.scalar(select(func.count(ActivityRow.id)).where(*conditions)) or 0
        page_ids = list(
            session.scalars(
                select(ActivityRow.id)
                .where(*conditions)
                .order_by(*newest_first)
                .limit(limit)
                .offset(offset)
            )
        )
    else:
        # The SQL range is 14 h wider on both sides; the local day decides exactly.
        candidates = select(ActivityRow.id, ActivityRow.start_utc, ActivityRow.tz_offset_s)
        matching = [
            activity_id
            for activity_id, start_utc, tz_offset_s in session.execute(
                candidates.where(*conditions).order_by(*newest_first)
            )
            if _in_days(_local_day(start_utc, tz_offset_s, athlete), query)
        ]
        total, page_ids = len(matching), matching[offset : offset + limit]
    rows = session.scalars(
        select(ActivityRow)
        .where(ActivityRow.id.in_(page_ids))
        .options(selectinload(ActivityRow.best_efforts))
    )
    by_id = {
        row.id: ActivityItem(
            row.id,
            row.source_path,
            activity_from_row(row, with_laps=False),
            row.samples,
            _local_start(row.start_utc, row.tz_offset_s, athlete),
        )
        for row in rows
    }
    return ActivityListing(total, tuple(by_id[activity_id] for activity_id in page_ids))


def activity_sports(session: Session, athlete_id: int) -> list[str]:
    """The sports the athlete has activities of, most frequent first."""
    count = func.count(ActivityRow.id)
    query = (
        select(ActivityRow.sport, count)
        .where(ActivityRow.athlete_id == athlete_id)
        .group_by(ActivityRow.sport)
        .order_by(count.desc(), ActivityRow.sport)
    )
    return [sport for sport, _ in session.execute(query)]


def activity_item(session: Session, athlete: Athlete, activity_id: int) -> ActivityItem:
    """One of the athlete's activities as a summary (no streams); another athlete's is "not
    found", as in `activity_detail`."""
    stored = ActivityRepository(session).get(activity_id, with_streams=False)
    if stored is None or stored.athlete_id != athlete.id:
        raise NotFoundError(f"no activity with id {activity_id}")
    activity = stored.activity
    return ActivityItem(
        stored.id,
        stored.source_path,
        activity,
        stored.samples,
        _local_start(activity.start_utc, activity.tz_offset_s, athlete),
    )


def activity_detail(
    session: Session, athlete: Athlete, activity_id: int, *, max_points: int = MAX_CHART_POINTS
) -> ActivityDetail:
    """One of the athlete's activities with laps, best efforts, chart streams and km splits.

    Another athlete's activity is "not found", as one that does not exist: an outsider does
    not learn which ids exist.
    """
    stored = ActivityRepository(session).get(activity_id, with_streams=True)
    if stored is None or stored.athlete_id != athlete.id:
        raise NotFoundError(f"no activity with id {activity_id}")
    activity = stored.activity
    return ActivityDetail(
        id=stored.id,
        athlete_id=stored.athlete_id,
        path=stored.source_path,
        activity=activity,
        samples=stored.samples,
        local_start=_local_start(activity.start_utc, activity.tz_offset_s, athlete),
        chart=chart_streams(activity.streams, max_points),
        splits=km_splits(activity.streams),
    )


# --- streams for charts ----------------------------------------------------------------------


def chart_streams(streams: Streams, max_points: int = MAX_CHART_POINTS) -> ChartStreams:
    """`streams` reduced to at most `max_points` points, each the mean of consecutive samples.

    Means (not every n-th sample) keep the shape of pace and heart rate without the noise of
    single GPS fixes; missing samples (NaN) are left out of each mean.
    """
    if max_points < 2:
        raise ValueError("a chart needs at least 2 points")
    samples = len(streams)
    t = streams.get("t")
    if samples == 0 or t is None:
        empty = np.array([], dtype=np.float64)
        return ChartStreams("time", empty, empty, empty, empty, empty, 0)
    distance = streams.get("distance")
    speed = streams.get("speed")
    if (speed is None or not np.isfinite(speed).any()) and distance is not None:
        speed = _speed_from_distance(t, distance)
    starts = np.linspace(0, samples, min(samples, max_points) + 1).astype(np.int64)[:-1]

    def reduced(values: FloatArray | None) -> FloatArray:
        if values is None:
            return np.full(starts.shape[0], np.nan)
        return _bucket_means(values, starts)

    distance_km = reduced(distance) / 1000.0
    return ChartStreams(
        x="distance" if np.isfinite(distance_km).any() else "time",
        distance_km=distance_km,
        time_s=reduced(t),
        speed_m_s=reduced(speed),
        hr_bpm=reduced(streams.get("hr")),
        altitude_m=reduced(streams.get("altitude")),
        samples=samples,
    )


def _bucket_means(values: FloatArray, starts: npt.NDArray[np.int64]) -> FloatArray:
    finite = np.isfinite(values)
    sums = np.add.reduceat(np.where(finite, values, 0.0), starts)
    counts = np.add.reduceat(finite.astype(np.int64), starts)
    with np.errstate(divide="ignore", invalid="ignore"):
        means: FloatArray = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)
    return means


def _speed_from_distance(t: FloatArray, distance: FloatArray) -> FloatArray:
    """Speed between consecutive samples where the file recorded none (GPX, some TCX)."""
    speed = np.full(t.shape[0], np.nan)
    if t.shape[0] < 2:
        return speed
    with np.errstate(divide="ignore", invalid="ignore"):
        step: FloatArray = np.diff(distance) / np.diff(t)
    step[~np.isfinite(step) | (step < 0)] = np.nan
    speed[1:] = step
    return speed


def km_splits(streams: Streams) -> tuple[Split, ...]:
    """Time, mean heart rate and elevation change of each kilometre, from the full streams."""
    t = streams.get("t")
    distance = streams.get("distance")
    if t is None or distance is None:
        return ()
    known = np.isfinite(t) & np.isfinite(distance)
    if known.sum() < 2:
        return ()
    t_known, d_known = t[known], np.maximum.accumulate(distance[known])
    total_m = float(d_known[-1])
    edges = [*np.arange(0.0, total_m, _SPLIT_M).tolist(), total_m]
    if len(edges) > 2 and edges[-1] - edges[-2] < _MIN_LAST_SPLIT_M:
        edges.pop(-2)  # fold a stub into the kilometre before it
    times = np.interp(edges, d_known, t_known)
    hr = streams.get("hr")
    altitude = streams.get("altitude")
    alt_known = None if altitude is None else altitude[known]
    alt_ok = alt_known is not None and bool(np.isfinite(alt_known).any())
    altitudes = (
        np.interp(edges, d_known[np.isfinite(alt_known)], alt_known[np.isfinite(alt_known)])
        if alt_ok and alt_known is not None
        else None
    )
    splits = []
    for number, (first, last) in enumerate(zip(edges, edges[1:], strict=False), start=1):
        if last <= first:
            continue
        avg_hr = None
        if hr is not None:
            inside = hr[known][(d_known >= first) & (d_known <= last)]
            inside = inside[np.isfinite(inside)]
            avg_hr = float(inside.mean()) if inside.size else None
        splits.append(
            Split(
                number=number,
                distance_m=float(last - first),
                time_s=float(times[number] - times[number - 1]),
                avg_hr=avg_hr,
                elevation_change_m=None
                if altitudes is None
                else float(altitudes[number] - altitudes[number - 1]),
            )
        )
    return tuple(splits)


# --- JSON -----------------------------------------------------------------------------------


def item_to_dict(item: ActivityItem) -> dict[str, Any]:
    """The same fields as `stridewell activities --format json`."""
    return activity_summary(item.id, item.path, item.activity, item.samples)


def detail_to_dict(detail: ActivityDetail) -> dict[str, Any]:
    activity = detail.activity
    chart = detail.chart
    return {
        "activity": activity_summary(detail.id, detail.path, activity, detail.samples),
        "laps": [_lap_dict(number, lap) for number, lap in enumerate(activity.laps, start=1)],
        "best_efforts": [_effort_dict(effort) for effort in activity.best_efforts],
        "splits": [_split_dict(split) for split in detail.splits],
        "streams": {
            "points": chart.points,
            "samples": chart.samples,
            "x": chart.x,
            "distance_km": _numbers(chart.distance_km, 3),
            "time_s": _numbers(chart.time_s, 1),
            "pace_s_per_km": _numbers(chart.pace_s_per_km, 1),
            "speed_m_s": _numbers(chart.speed_m_s, 2),
            "hr_bpm": _numbers(chart.hr_bpm, 1),
            "altitude_m": _numbers(chart.altitude_m, 1),
        },
    }


def _numbers(values: FloatArray, digits: int) -> list[float | None]:
    """NaN → None (JSON has no NaN), rounded so the answer is not needlessly long."""
    rounded = np.round(values, digits)
    return [None if not np.isfinite(v) else float(v) for v in rounded.tolist()]


def _lap_dict(number: int, lap: Lap) -> dict[str, Any]:
    return {
        "number": number,
        "start_utc": lap.start_utc.isoformat(),
        "elapsed_s": lap.elapsed_s,
        "moving_s": lap.moving_s,
        "distance_m": lap.distance_m,
        "avg_hr": lap.avg_hr,
        "max_hr": lap.max_hr,
    }


def _effort_dict(effort: BestEffort) -> dict[str, Any]:
    return {
        "distance": effort.label,
        "distance_m": effort.distance_m,
        "time_s": round(effort.time_s, 1),
        "start_offset_s": round(effort.start_offset_s, 1),
    }


def _split_dict(split: Split) -> dict[str, Any]:
    pace = split.pace_s_per_km
    return {
        "number": split.number,
        "distance_m": round(split.distance_m, 1),
        "time_s": round(split.time_s, 1),
        "pace_s_per_km": None if pace is None else round(pace, 1),
        "avg_hr": None if split.avg_hr is None else round(split.avg_hr, 1),
        "elevation_change_m": None
        if split.elevation_change_m is None
        else round(split.elevation_change_m, 1),
    }


# --- helpers ---------------------------------------------------------------------------------


def _local_day(start_utc: datetime, tz_offset_s: int | None, athlete: Athlete) -> date:
    """The local day as the load watch books it: the file's offset, else the athlete's zone."""
    return local_date(start_utc, _zone(tz_offset_s, athlete))


def _local_start(start_utc: datetime, tz_offset_s: int | None, athlete: Athlete) -> datetime:
    return start_utc.astimezone(as_tzinfo(_zone(tz_offset_s, athlete)))


def _zone(tz_offset_s: int | None, athlete: Athlete) -> int | str:
    return tz_offset_s if tz_offset_s is not None else athlete.timezone


def _in_days(day: date, query: ActivityFilter) -> bool:
    if query.first_day is not None and day < query.first_day:
        return False
    return query.last_day is None or day <= query.last_day


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
