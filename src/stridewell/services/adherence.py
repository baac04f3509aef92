"""Plan adherence: the latest plan's weeks against the runs and strength sessions on record."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from stridewell.domain.adherence import DoneRun, DoneStrength, WeekAdherence, weekly_adherence
from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.domain.load import local_date
from stridewell.services.athletes import get_athlete
from stridewell.services.errors import NotFoundError
from stridewell.store.models import PlannedSessionRow, StrengthSessionRow
from stridewell.store.repositories import ActivityRepository, PlanRepository

# A local day can start up to 14 h before or 12 h after midnight UTC (UTC+14 … UTC−12).
_UTC_MARGIN = timedelta(hours=14)


def done_runs(session: Session, athlete: Athlete, first: date, last: date) -> list[DoneRun]:
    """The athlete's running activities on local days `first` to `last` (both included).

    The day is the local day where the run happened when the file recorded its offset, else the
    day in the athlete's time zone (as the load watch books it).
    """
    assert athlete.id is not None
    start_utc = datetime.combine(first, time(), UTC) - _UTC_MARGIN
    end_utc = datetime.combine(last + timedelta(days=1), time(), UTC) + _UTC_MARGIN
    runs = []
    for stored in ActivityRepository(session).list_for(athlete.id, start_utc, end_utc):
        activity = stored.activity
        if not activity.is_run:
            continue
        tz = activity.tz_offset_s if activity.tz_offset_s is not None else athlete.timezone
        day = local_date(activity.start_utc, tz)
        if first <= day <= last:
            runs.append(DoneRun(date=day, distance_km=(activity.distance_m or 0.0) / 1000.0))
    return runs


def logged_strength(
    session: Session, athlete_id: int, first: date, last: date
) -> list[DoneStrength]:
    """The athlete's logged strength sessions dated `first` to `last`, oldest first."""
    query = (
        select(StrengthSessionRow.date, StrengthSessionRow.planned_session_id)
        .where(
            StrengthSessionRow.athlete_id == athlete_id,
            StrengthSessionRow.date >= first,
            StrengthSessionRow.date <= last,
        )
        .order_by(StrengthSessionRow.date, StrengthSessionRow.id)
    )
    return [
        DoneStrength(date=day, planned_session_id=planned_id)
        for day, planned_id in session.execute(query)
    ]


def plan_adherence(
    session: Session, athlete_id: int, today: date, weeks: int | None = None
) -> list[WeekAdherence]:
    """Planned against done for the latest plan's weeks up to today (the last `weeks` of them).

    Strength sessions logged a few days outside a week can still be booked in it when they name
    the planned session, so the logs are read with a week's margin on both sides.
    """
    if weeks is not None and weeks < 1:
        raise ValidationError("weeks must be at least 1", "weeks")
    athlete = get_athlete(session, athlete_id)
    stored = PlanRepository(session).latest(athlete_id)
    if stored is None:
        raise NotFoundError("no plan yet; make one with `stridewell plan generate`")
    plan = stored.plan
    last = min(today, plan.end)
    if last < plan.start:
        return []
    margin = timedelta(days=7)
    query = select(PlannedSessionRow.id, PlannedSessionRow.date).where(
        PlannedSessionRow.plan_id == stored.id, PlannedSessionRow.kind == "strength"
    )
    strength_dates = {session_id: day for session_id, day in session.execute(query)}
    result = weekly_adherence(
        plan,
        done_runs(session, athlete, plan.start, last),
        logged_strength(session, athlete_id, plan.start - margin, min(today, last + margin)),
        today,
        strength_dates,
    )
    return result if weeks is None else result[-weeks:]


def adherence_to_dict(weeks: list[WeekAdherence]) -> dict[str, Any]:
    """`{"weeks": [{week_start, phase, planned/done run km and runs, strength, percentages}]}`."""
    return {
        "weeks": [
            {
                "week_start": week.week_start.isoformat(),
                "phase": week.phase.value,
                "planned_run_km": week.planned_run_km,
                "done_run_km": week.done_run_km,
                "planned_runs": week.planned_runs,
                "done_runs": week.done_runs,
                "planned_strength": week.planned_strength,
                "done_strength": week.done_strength,
                "run_pct": week.run_pct,
                "strength_pct": week.strength_pct,
                "partial": week.partial,
            }
            for week in weeks
        ]
    }
