"""Runs logged by hand (for runners without a watch file), and corrections to any activity:
its RPE and name, a manual run's day, distance and duration, or removing it."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity
from stridewell.domain.athletes import (
    MAX_NAME_CHARS,
    ValidationError,
    check_length,
    format_duration,
)
from stridewell.domain.load import local_date
from stridewell.domain.strength_log import (
    check_not_before_logs_began,
    check_not_future,
    check_rpe,
)
from stridewell.services.athletes import get_athlete
from stridewell.services.errors import NotFoundError
from stridewell.store.repositories.activities import ActivityRepository, StreamLoad
from stridewell.store.repositories.logs import ActivityRpeRepository

MAX_RUN_KM = 400.0
MAX_RUN_S = 48 * 3600
# Faster than this over any distance is beyond the world records (about 2:37/km for 5 km): the
# distance or the duration was mistyped.
MIN_PACE_S_PER_KM = 150.0
# A hand-logged run has a day but no clock time; noon keeps it on that local day in any zone.
MANUAL_START = time(12, 0)
MANUAL_SOURCE = "manual"


def manual_run(
    *,
    day: date,
    distance_km: float,
    duration_s: int,
    timezone: str,
    rpe: float | None = None,
    name: str | None = None,
) -> Activity:
    """A run typed in by hand, as an activity without streams; bad values raise
    `ValidationError`."""
    if not (math.isfinite(distance_km) and 0 < distance_km <= MAX_RUN_KM):
        raise ValidationError(
            f"distance {distance_km:g} km must be above 0 and at most {MAX_RUN_KM:g} km",
            "distance_km",
        )
    if not 0 < duration_s <= MAX_RUN_S:
        raise ValidationError(
            f"duration {format_duration(duration_s)} must be above 0 and at most 48 hours",
            "duration",
        )
    pace_s_per_km = duration_s / distance_km
    if pace_s_per_km < MIN_PACE_S_PER_KM:
        raise ValidationError(
            f"{distance_km:g} km in {format_duration(duration_s)} is "
            f"{_pace(pace_s_per_km)}/km, faster than any world record; "
            "check the distance and duration",
            "duration",
        )
    check_rpe(rpe)
    check_not_before_logs_began(day)
    if name is not None:
        check_length(name.strip(), MAX_NAME_CHARS, "the name", "name")
    start_local = datetime.combine(day, MANUAL_START, tzinfo=ZoneInfo(timezone))
    offset = start_local.utcoffset()
    return Activity(
        source_kind=MANUAL_SOURCE,
        sport="running",
        start_utc=start_local.astimezone(ZoneInfo("UTC")),
        tz_offset_s=None if offset is None else int(offset.total_seconds()),
        elapsed_s=float(duration_s),
        moving_s=float(duration_s),
        distance_m=distance_km * 1000.0,
        rpe=rpe,
        name=name.strip() if name and name.strip() else None,
    )


def log_manual_run(
    session: Session,
    athlete_id: int,
    today: date,
    *,
    day: date,
    distance_km: float,
    duration_s: int,
    rpe: float | None = None,
    name: str | None = None,
) -> int:
    """Store a hand-logged run as an activity (source "manual"); returns the activity id."""
    athlete = get_athlete(session, athlete_id)
    check_not_future(day, today)
    activity = manual_run(
        day=day,
        distance_km=distance_km,
        duration_s=duration_s,
        timezone=athlete.timezone,
        rpe=rpe,
        name=name,
    )
    # No samples, so no heart-rate stream: its load comes from its RPE or distance.
    return ActivityRepository(session).add(athlete_id, activity, load=StreamLoad(None))


def set_activity_rpe(
    session: Session, athlete_id: int, activity_id: int, rpe: float | None
) -> None:
    """Rate an activity of the athlete (session RPE, 0–10, foster2001); None clears it."""
    get_athlete(session, athlete_id)
    check_rpe(rpe)
    repository = ActivityRpeRepository(session)
    if repository.owner(activity_id) != athlete_id:
        raise NotFoundError(f"no activity with id {activity_id} for this athlete")
    repository.set_rpe(activity_id, rpe)


def correct_activity(
    session: Session,
    athlete_id: int,
    activity_id: int,
    today: date,
    *,
    day: date | None = None,
    distance_km: float | None = None,
    duration_s: int | None = None,
    name: str | None = None,
) -> None:
    """Correct what was typed in by hand; None leaves a field as it is, a blank name clears it.

    A manual run's day, distance and duration are checked as for a new one. An imported
    activity's day, distance and duration come from its file: changing them is refused
    (`ValidationError` naming the field); its name may change, and its RPE (`set_activity_rpe`).
    The load watch reads these columns on every request, so it follows at once.
    """
    athlete = get_athlete(session, athlete_id)
    repository = ActivityRepository(session)
    stored = repository.get(activity_id, with_streams=False)
    if stored is None or stored.athlete_id != athlete_id:
        raise NotFoundError(f"no activity with id {activity_id} for this athlete")
    activity = stored.activity
    new_name = activity.name if name is None else (name.strip() or None)
    if new_name is not None:
        check_length(new_name, MAX_NAME_CHARS, "the name", "name")
    if activity.source_kind != MANUAL_SOURCE:
        for field, value in (("date", day), ("distance_km", distance_km), ("duration", duration_s)):
            if value is not None:
                raise ValidationError(
                    f"the {_FIELD_WORDS[field]} of an imported activity comes from its file; "
                    "only its RPE and name can be changed",
                    field,
                )
        repository.update_summary(activity_id, replace(activity, name=new_name))
        return
    if day is not None:
        check_not_future(day, today)
    zone = activity.tz_offset_s if activity.tz_offset_s is not None else athlete.timezone
    corrected = manual_run(
        day=day if day is not None else local_date(activity.start_utc, zone),
        distance_km=(activity.distance_m or 0.0) / 1000.0 if distance_km is None else distance_km,
        duration_s=round(activity.elapsed_s or 0.0) if duration_s is None else duration_s,
        timezone=athlete.timezone,
        rpe=activity.rpe,
        name=new_name,
    )
    if day is None:  # the same day: keep the stored start, whatever the zone is now
        corrected = replace(
            corrected, start_utc=activity.start_utc, tz_offset_s=activity.tz_offset_s
        )
    repository.update_summary(activity_id, corrected)


def delete_activity(session: Session, athlete_id: int, activity_id: int) -> None:
    """Remove one of the athlete's activities (imported or manual) with its samples, laps and
    best efforts. A race that named it as its recording keeps its result; a file removed this
    way can be imported again."""
    get_athlete(session, athlete_id)
    repository = ActivityRepository(session)
    if repository.owner(activity_id) != athlete_id:
        raise NotFoundError(f"no activity with id {activity_id} for this athlete")
    repository.delete([activity_id])


def is_manual(activity: Activity) -> bool:
    """Typed in by hand, so its day, distance and duration may be corrected."""
    return activity.source_kind == MANUAL_SOURCE


_FIELD_WORDS = {"date": "day", "distance_km": "distance", "duration": "duration"}


def _pace(s_per_km: float) -> str:
    seconds = round(s_per_km)
    return f"{seconds // 60}:{seconds % 60:02d}"
