"""The Today page's data: built once, shown as HTML by the page and as JSON by the API.

It gathers what the services know about today: the plan's sessions, this week planned against
done (adherence), PBs (records), the load watch's latest numbers and flags, and the
return-to-run stage of an active injury. A section with nothing to show is None, and the page
says what would fill it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from stridewell.domain.athletes import Athlete, Injury, Race, distance_label
from stridewell.domain.load.report import ACWR_CAVEAT
from stridewell.domain.planning.model import Plan
from stridewell.services.adherence import plan_adherence
from stridewell.services.errors import NotFoundError
from stridewell.services.injuries import injury_to_dict, list_injuries
from stridewell.services.load import flag_to_dict, load_watch
from stridewell.services.plans import latest_plan
from stridewell.services.races import list_races, next_goal_race, race_to_dict
from stridewell.services.records import records, records_to_dict
from stridewell.services.rehab import rehab_report
from stridewell.web.plan_calendar import (
    CalendarWeek,
    SessionRef,
    calendar_weeks,
    session_refs,
    session_to_dict,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

UPCOMING_COUNT = 3
# The load watch looks back this far for Today; its averages still use the whole record.
LOAD_DAYS = 28
# Flags older than this are history, not news.
RECENT_FLAG_DAYS = 7


@dataclass(frozen=True)
class WeekProgress:
    """This week's plan, and what was done (None until logging and adherence exist)."""

    planned_runs: int
    planned_strength: int
    planned_run_km: float
    done_runs: int | None = None
    done_strength: int | None = None
    done_run_km: float | None = None

    @property
    def has_done(self) -> bool:
        return self.done_runs is not None


@dataclass(frozen=True)
class TodaySummary:
    day: date
    plan: Plan | None
    sessions: tuple[SessionRef, ...]
    upcoming: tuple[SessionRef, ...]
    week: CalendarWeek | None
    progress: WeekProgress | None
    goal_race: Race | None
    results: tuple[Race, ...]  # the best result at each race distance
    active_injuries: tuple[Injury, ...]
    records: dict[str, Any] | None = None  # `stridewell records` JSON, when there is a PB
    load: dict[str, Any] | None = None  # latest load numbers and recent flags
    return_to_run: dict[str, Any] | None = None  # the stage for an active injury

    @property
    def days_to_race(self) -> int | None:
        return None if self.goal_race is None else (self.goal_race.date - self.day).days


def build_today(session: Session, athlete: Athlete, day: date) -> TodaySummary:
    assert athlete.id is not None
    plan = latest_plan(session, athlete.id)
    races = list_races(session, athlete.id)
    injuries = list_injuries(session, athlete.id)
    refs = session_refs(plan) if plan is not None else []
    week = (
        next((week for week in calendar_weeks(plan, day) if week.is_current), None)
        if plan is not None
        else None
    )
    active = tuple(injury for injury in injuries if injury.is_active(day))
    found = records(session, athlete.id, day)
    return TodaySummary(
        day=day,
        plan=plan,
        sessions=tuple(ref for ref in refs if ref.session.date == day),
        upcoming=tuple(
            ref for ref in refs if ref.session.date > day and ref.session.kind != "rest"
        )[:UPCOMING_COUNT],
        week=week,
        progress=None if week is None else _with_done(session, athlete.id, week, day),
        goal_race=next_goal_race(session, athlete.id, day),
        results=best_results(races),
        active_injuries=active,
        records=records_to_dict(found) if found.pbs else None,
        load=_load_state(session, athlete.id, day),
        return_to_run=_return_to_run(session, athlete.id, day) if active else None,
    )


def _with_done(session: Session, athlete_id: int, week: CalendarWeek, day: date) -> WeekProgress:
    """The week's plan, with what is on record as done so far (adherence)."""
    progress = planned_progress(week)
    done = next(
        (w for w in plan_adherence(session, athlete_id, day) if w.week_start == week.week.start),
        None,
    )
    if done is None:
        return progress
    return replace(
        progress,
        done_runs=done.done_runs,
        done_strength=done.done_strength,
        done_run_km=round(done.done_run_km, 1),
    )


def _load_state(session: Session, athlete_id: int, day: date) -> dict[str, Any] | None:
    """Today's form (TSB), fitness, fatigue and ACWR with the flags of the last week."""
    watch = load_watch(session, athlete_id, day, days=LOAD_DAYS)
    if not watch.sessions:
        return None
    latest = watch.combined.days[-1]
    since = day - timedelta(days=RECENT_FLAG_DAYS)
    return {
        "date": latest.date.isoformat(),
        "ctl": latest.ctl,
        "atl": latest.atl,
        "tsb": latest.tsb,
        "acwr": latest.acwr,
        "flags": [flag_to_dict(flag) for flag in watch.flags if flag.flag.date > since],
        "caveat": ACWR_CAVEAT,
    }


def _return_to_run(session: Session, athlete_id: int, day: date) -> dict[str, Any] | None:
    try:
        report = rehab_report(session, athlete_id, day)
    except NotFoundError:
        return None
    status = report.status
    return {
        "injury_id": report.injury.id,
        "stage": status.stage,
        "description": status.stage_description,
        "cleared": status.cleared,
        "next_action": status.next_action,
        "next_date": None if status.next_date is None else status.next_date.isoformat(),
    }


def planned_progress(week: CalendarWeek) -> WeekProgress:
    kinds = [ref.session.kind for ref in week.sessions]
    return WeekProgress(
        planned_runs=kinds.count("run"),
        planned_strength=kinds.count("strength"),
        planned_run_km=week.week.run_km,
    )


def best_results(races: list[Race]) -> tuple[Race, ...]:
    """The fastest race result at each distance, shortest distance first."""
    best: dict[str, Race] = {}
    for race in races:
        if race.result_s is None:
            continue
        label = distance_label(race.distance_m)
        current = best.get(label)
        if current is None or race.result_s < (current.result_s or 0):
            best[label] = race
    return tuple(sorted(best.values(), key=lambda race: race.distance_m))


def today_to_dict(summary: TodaySummary) -> dict[str, Any]:
    plan = summary.plan
    progress = summary.progress
    return {
        "date": summary.day.isoformat(),
        "has_plan": plan is not None,
        "sessions": [] if plan is None else [session_to_dict(plan, r) for r in summary.sessions],
        "upcoming": [] if plan is None else [session_to_dict(plan, r) for r in summary.upcoming],
        "week": None
        if summary.week is None or progress is None
        else {
            "index": summary.week.week.index,
            "start": summary.week.week.start.isoformat(),
            "phase": summary.week.week.phase.value,
            "planned": {
                "runs": progress.planned_runs,
                "strength": progress.planned_strength,
                "run_km": progress.planned_run_km,
            },
            "done": None
            if not progress.has_done
            else {
                "runs": progress.done_runs,
                "strength": progress.done_strength,
                "run_km": progress.done_run_km,
            },
        },
        "goal_race": None
        if summary.goal_race is None
        else {**race_to_dict(summary.goal_race), "days_to_go": summary.days_to_race},
        "results": [race_to_dict(race) for race in summary.results],
        "active_injuries": [injury_to_dict(i, summary.day) for i in summary.active_injuries],
        "records": summary.records,
        "load": summary.load,
        "return_to_run": summary.return_to_run,
    }
