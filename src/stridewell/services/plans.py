"""Plans: build one from what the store knows about the athlete, keep it, show it as JSON."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from stridewell.domain.athletes import Race, ValidationError, format_duration
from stridewell.domain.performance import training_paces, vdot
from stridewell.domain.planning.model import (
    ExercisePrescription,
    Paces,
    Plan,
    PlannedSession,
    PlanRequest,
    PlanWeek,
)
from stridewell.domain.planning.planner import PlanningError, generate_plan
from stridewell.services.athletes import get_athlete
from stridewell.services.injuries import list_injuries
from stridewell.services.races import get_race, list_races, next_goal_race
from stridewell.store.repositories import PlanRepository

Planner = Callable[[PlanRequest], Plan]

MAX_PLAN_WEEKS = 104
# Race results older than this say little about today's fitness.
PACE_RESULT_MAX_AGE = timedelta(days=730)


def build_plan(
    session: Session,
    athlete_id: int,
    today: date,
    *,
    race_id: int | None = None,
    start: date | None = None,
    weeks: int | None = None,
    weekly_km: float | None = None,
    planner: Planner = generate_plan,
) -> Plan:
    """Plan the athlete's training, store the plan with its sessions, and return it.

    The goal race is `race_id`, or else the nearest future race without a result (none: an
    open-ended plan). The plan starts at `start` (default today); the planner aligns weeks.
    `planner` is the domain planner unless a test passes another.
    """
    athlete = get_athlete(session, athlete_id)
    race = _goal_race(session, athlete_id, race_id, today)
    if weeks is not None and not 1 <= weeks <= MAX_PLAN_WEEKS:
        raise ValidationError(f"weeks must be between 1 and {MAX_PLAN_WEEKS}", "weeks")
    if weekly_km is not None and not 0 <= weekly_km <= 300:
        raise ValidationError(
            f"weekly running volume {weekly_km:g} km is out of range (0 to 300)", "weekly_km"
        )
    start_day = start or today
    if race is not None and race.date < start_day:
        raise ValidationError(
            f"the race on {race.date.isoformat()} is before the plan start {start_day.isoformat()}",
            "start",
        )
    request = PlanRequest(
        athlete=athlete,
        start=start_day,
        today=today,
        injuries=tuple(list_injuries(session, athlete_id)),
        race=race,
        weeks=weeks,
        weekly_km=weekly_km,
        paces=paces_from_results(list_races(session, athlete_id), today),
    )
    try:
        plan = planner(request)
    except PlanningError as error:
        # A request the planner cannot plan is the user's to change, not a bug.
        raise ValidationError(str(error), "plan") from None
    if plan.athlete_id is None:
        plan = replace(plan, athlete_id=athlete_id)
    inputs = {
        "start": start_day.isoformat(),
        "today": today.isoformat(),
        "race_id": race.id if race is not None else None,
        "weeks": weeks,
        "weekly_km": weekly_km,
        "injury_ids": [injury.id for injury in request.injuries],
    }
    PlanRepository(session).add(athlete_id, plan, inputs)
    return plan


def latest_plan(session: Session, athlete_id: int) -> Plan | None:
    """The athlete's most recently generated plan, or None."""
    get_athlete(session, athlete_id)
    stored = PlanRepository(session).latest(athlete_id)
    return None if stored is None else stored.plan


def paces_from_results(races: list[Race], today: date) -> Paces:
    """Training paces from the best recent race result (Daniels & Gilbert VDOT), else defaults.

    Each pace is the middle of its Daniels zone (E, M, T, I).
    """
    recent = [
        race
        for race in races
        if race.result_s is not None and today - PACE_RESULT_MAX_AGE <= race.date <= today
    ]
    if not recent:
        return Paces()
    best = max(recent, key=lambda race: vdot(race.distance_m, float(race.result_s or 0)))
    best_vdot = vdot(best.distance_m, float(best.result_s or 0))
    zones = {
        pace.zone: (pace.fast_s_per_km + pace.slow_s_per_km) / 2
        for pace in training_paces(best_vdot)
    }
    return Paces(
        easy_s_per_km=zones["E"],
        marathon_s_per_km=zones["M"],
        threshold_s_per_km=zones["T"],
        interval_s_per_km=zones["I"],
        source=(
            f"VDOT {best_vdot:.1f} from {best.name} on {best.date.isoformat()}"
            f" ({format_duration(best.result_s or 0)})"
        ),
    )


def _goal_race(session: Session, athlete_id: int, race_id: int | None, today: date) -> Race | None:
    if race_id is None:
        return next_goal_race(session, athlete_id, today)
    race = get_race(session, athlete_id, race_id)
    if not race.is_goal:
        raise ValidationError(
            f"race {race_id} ({race.name}) already has a result; plan for a goal race", "race"
        )
    return race


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan JSON of design.md: `{"plan": {athlete_id, start, end, race, weeks: […]}}`."""
    return {
        "plan": {
            "athlete_id": plan.athlete_id,
            "start": plan.start.isoformat(),
            "end": plan.end.isoformat(),
            "race": None if plan.race is None else _race_dict(plan.race),
            "weeks": [_week_dict(week) for week in plan.weeks],
            "notes": list(plan.notes),
        }
    }


def _race_dict(race: Race) -> dict[str, Any]:
    return {
        "id": race.id,
        "name": race.name,
        "date": race.date.isoformat(),
        "distance_m": race.distance_m,
        "goal_s": race.goal_s,
    }


def _week_dict(week: PlanWeek) -> dict[str, Any]:
    return {
        "index": week.index,
        "start": week.start.isoformat(),
        "phase": week.phase.value,
        "run_km": week.run_km,
        "strength_sessions": week.strength_sessions,
        "deload": week.deload,
        "why": week.why,
        "sessions": [_session_dict(session) for session in week.sessions],
    }


def _session_dict(session: PlannedSession) -> dict[str, Any]:
    run = session.run
    return {
        "date": session.date.isoformat(),
        "kind": session.kind,
        "title": session.title,
        "why": session.why,
        "run": None
        if run is None
        else {
            "type": run.type.value,
            "distance_km": run.distance_km,
            "duration_min": run.duration_min,
            "why": run.why,
            "description": run.description,
        },
        "exercises": [_exercise_dict(exercise) for exercise in session.exercises],
    }


def _exercise_dict(exercise: ExercisePrescription) -> dict[str, Any]:
    return {
        "slug": exercise.slug,
        "name": exercise.name,
        "category": exercise.category.value,
        "sets": exercise.sets,
        "reps": exercise.reps,
        "hold_s": exercise.hold_s,
        "per_side": exercise.per_side,
        "intensity": exercise.intensity,
        "rest_s": exercise.rest_s,
        "why": exercise.why,
    }
