"""Plans: build one from what the store knows about the athlete, keep it, plan again from a
day on (keeping the weeks already lived), show it as JSON."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from stridewell.domain.adherence import RECENT_WEEKS, recent_weekly_km
from stridewell.domain.athletes import Race, ValidationError, format_duration
from stridewell.domain.performance import training_paces, vdot
from stridewell.domain.planning import rules
from stridewell.domain.planning.model import (
    ExercisePrescription,
    Paces,
    Plan,
    PlannedSession,
    PlanRequest,
    PlanWeek,
)
from stridewell.domain.planning.planner import PlanningError, generate_plan
from stridewell.services.adherence import done_runs
from stridewell.services.athletes import get_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.injuries import list_injuries
from stridewell.services.races import get_race, list_races, next_goal_race
from stridewell.store.repositories import PlanRepository

Planner = Callable[[PlanRequest], Plan]

MAX_PLAN_WEEKS = 104
MAX_START_IN_PAST = timedelta(weeks=4)
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
    _check_start(start_day, today)
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


def _check_start(start: date, today: date) -> None:
    """A plan may begin a few weeks back (to line up with a week already under way, or a
    restart the athlete forgot to record), not further: weeks long past cannot be trained, and
    an injury's return-to-run weeks would land in them instead of now."""
    earliest = today - MAX_START_IN_PAST
    if start < earliest:
        raise ValidationError(
            f"the plan cannot start on {start.isoformat()}: at the earliest"
            f" {earliest.isoformat()}, four weeks ago (log past training instead)",
            "start",
        )


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


class ReplanReason(StrEnum):
    """Why a plan is made again from a date on."""

    ILL = "ill"
    INJURED = "injured"
    OVERREACHED = "overreached"
    OTHER = "other"


# After an illness or a spell of doing too much, the new part starts from about 70 % of the
# recent weekly volume and the planner's ramp brings it back: our convention, in the spirit of
# a deload week (deload) and of gradual increases (ramp10), not a finding of its own.
REDUCED_RESTART_SHARE = 0.7
# "injured" needs an injury on record: active on the re-plan day, or resolved within the
# planner's return-to-run window (return_to_run).
RECENT_INJURY = timedelta(days=rules.RETURN_WINDOW_DAYS)
_REASON_WORDS = {
    ReplanReason.ILL: "after illness",
    ReplanReason.INJURED: "after an injury",
    ReplanReason.OVERREACHED: "after doing too much",
    ReplanReason.OTHER: "on request",
}


@dataclass(frozen=True)
class Replan:
    """A plan made again from `start`: the weeks before come from the previous plan."""

    plan: Plan
    previous_plan_id: int
    start: date
    reason: ReplanReason
    recent_weekly_km: float | None  # average of the last weeks of running, when any is on record
    weekly_km: float  # the current volume the planner was given
    kept_weeks: int  # weeks (whole or in part) kept from the previous plan


def regenerate_plan(
    session: Session,
    athlete_id: int,
    today: date,
    *,
    start: date | None = None,
    reason: ReplanReason = ReplanReason.OTHER,
    planner: Planner = generate_plan,
) -> Replan:
    """Plan again from `start` (default today) after illness, injury or doing too much.

    The latest plan stays stored as it was; a new plan is stored that keeps the earlier plan's
    sessions before `start`, turns its remaining days of that week into rest days, and continues
    with what the planner makes from today's inputs: active injuries (→ return to run), the goal
    race, and the average weekly running of the last four weeks (the profile's volume when no run
    is on record), cut to 70 % after illness or overreaching.
    """
    athlete = get_athlete(session, athlete_id)
    previous = PlanRepository(session).latest(athlete_id)
    if previous is None:
        raise NotFoundError("no plan to regenerate yet; make one with `stridewell plan generate`")
    cut = start or today
    _check_start(cut, today)
    injuries = tuple(list_injuries(session, athlete_id))
    if reason is ReplanReason.INJURED and not any(
        injury.is_active(cut)
        or (injury.resolved is not None and cut - RECENT_INJURY <= injury.resolved <= cut)
        for injury in injuries
    ):
        raise ValidationError(
            f"no injury is on record around {cut.isoformat()}; add it with"
            " `stridewell injury add` so the new plan starts with a return to run",
            "reason",
        )
    recent_km = recent_weekly_km(
        done_runs(session, athlete, cut - timedelta(weeks=RECENT_WEEKS), cut - timedelta(days=1)),
        cut,
    )
    current_km = athlete.weekly_km if recent_km is None else recent_km
    if reason in (ReplanReason.ILL, ReplanReason.OVERREACHED):
        current_km *= REDUCED_RESTART_SHARE
    current_km = round(min(current_km, 300.0), 1)
    race = _replan_race(session, athlete_id, previous.plan.race, cut)
    request = PlanRequest(
        athlete=athlete,
        start=cut,
        today=today,
        injuries=injuries,
        race=race,
        weekly_km=current_km,
        paces=paces_from_results(list_races(session, athlete_id), today),
    )
    try:
        fresh = planner(request)
    except PlanningError as error:
        raise ValidationError(str(error), "plan") from None
    words = _REASON_WORDS[reason]
    volume_from = (
        f"{RECENT_WEEKS} weeks of running on record"
        if recent_km is not None
        else "your profile (no run on record in the last weeks)"
    )
    rest_why = (
        f"Re-planned on {cut.isoformat()} {words}: rest, or walk easily, until the new plan"
        f" starts on {fresh.start.isoformat()}."
    )
    note = (
        f"Re-planned from {cut.isoformat()} {words}: the weeks before keep the earlier plan;"
        f" the new part starts from {current_km:g} km a week (from {volume_from})."
    )
    plan, kept = _splice(previous.plan, fresh, cut, rest_why, note)
    if plan.athlete_id is None:
        plan = replace(plan, athlete_id=athlete_id)
    inputs = {
        "start": cut.isoformat(),
        "today": today.isoformat(),
        "race_id": race.id if race is not None else None,
        "weeks": None,
        "weekly_km": current_km,
        "injury_ids": [injury.id for injury in injuries],
        "regenerated_from_plan_id": previous.id,
        "reason": reason.value,
        "recent_weekly_km": recent_km,
    }
    PlanRepository(session).add(athlete_id, plan, inputs)
    return Replan(
        plan=plan,
        previous_plan_id=previous.id,
        start=cut,
        reason=reason,
        recent_weekly_km=recent_km,
        weekly_km=current_km,
        kept_weeks=kept,
    )


def replan_to_dict(replan: Replan) -> dict[str, Any]:
    """The plan JSON of design.md plus `replan`: what the new part was made from."""
    return {
        **plan_to_dict(replan.plan),
        "replan": {
            "from": replan.start.isoformat(),
            "reason": replan.reason.value,
            "previous_plan_id": replan.previous_plan_id,
            "recent_weekly_km": replan.recent_weekly_km,
            "weekly_km": replan.weekly_km,
            "kept_weeks": replan.kept_weeks,
        },
    }


def _replan_race(session: Session, athlete_id: int, race: Race | None, cut: date) -> Race | None:
    """The previous plan's goal race while it is still ahead and without a result, else the next."""
    if race is not None and race.id is not None:
        try:
            current = get_race(session, athlete_id, race.id)
        except NotFoundError:
            current = None
        if current is not None and current.is_goal and current.date >= cut:
            return current
    return next_goal_race(session, athlete_id, cut)


def _splice(old: Plan, new: Plan, cut: date, rest_why: str, note: str) -> tuple[Plan, int]:
    """The old plan's sessions before `cut`, rest days up to the new plan, then the new plan.

    Returns the plan and how many of its weeks come (whole or in part) from the old plan.
    """
    weeks = []
    kept = 0
    for week in old.weeks:
        if week.start >= new.start:
            break
        weeks.append(_keep_before(week, cut, rest_why, note))
        kept += 1
    for week in new.weeks:
        if week.start < cut:
            # The planner starts on the Monday before `cut` when the race is that week: the days
            # before `cut` keep what the old plan had on them.
            earlier = tuple(s for s in old.sessions() if week.start <= s.date < cut)
            later = tuple(s for s in week.sessions if s.date >= cut)
            week = _with_sessions(week, earlier + later, week.why)
            kept += 1 if earlier else 0
        weeks.append(week)
    numbered = tuple(replace(week, index=i) for i, week in enumerate(weeks, start=1))
    spliced = Plan(
        athlete_id=new.athlete_id,
        start=numbered[0].start if numbered else new.start,
        end=new.end,
        race=new.race,
        weeks=numbered,
        notes=(*new.notes, note),
    )
    return spliced, kept


def _keep_before(week: PlanWeek, cut: date, rest_why: str, note: str) -> PlanWeek:
    """The week as it was when it ended before `cut`; else its days from `cut` on made rest."""
    last_day = week.start + timedelta(days=6)
    if last_day < cut:
        return week
    before = tuple(s for s in week.sessions if s.date < cut)
    first_rest = max(cut, week.start)
    rest = tuple(
        PlannedSession(first_rest + timedelta(days=i), "rest", "Rest", rest_why)
        for i in range((last_day - first_rest).days + 1)
    )
    return _with_sessions(week, before + rest, f"{week.why} {note}".strip())


def _with_sessions(week: PlanWeek, sessions: tuple[PlannedSession, ...], why: str) -> PlanWeek:
    """`week` holding `sessions`, with its running volume and strength count to match."""
    return replace(
        week,
        sessions=sessions,
        run_km=round(sum((s.run.distance_km for s in sessions if s.run is not None), 0.0), 1),
        strength_sessions=sum(1 for s in sessions if s.kind == "strength"),
        why=why,
    )


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
