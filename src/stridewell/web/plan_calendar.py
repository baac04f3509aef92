"""A stored plan arranged for people: sessions addressed by day and number, the current week.

Planned sessions are addressed as `/plan/sessions/<date>/<n>`: the n-th session (1-based)
on that day of the athlete's latest plan, so a link survives a page reload but points into
the newest plan after a regenerate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from stridewell.domain.exercises.lookup import UnknownExerciseError, by_slug
from stridewell.domain.exercises.model import Exercise
from stridewell.domain.planning.model import Plan, PlannedSession, PlanWeek
from stridewell.domain.vocab import RunType
from stridewell.services.plans import plan_to_dict


@dataclass(frozen=True)
class SessionRef:
    """One planned session and its address."""

    session: PlannedSession
    number: int  # 1-based among the sessions on its day

    @property
    def path(self) -> str:
        return session_path(self.session.date, self.number)

    @property
    def log_path(self) -> str | None:
        """Where the athlete logs this session: the strength logger with the session's sets, the
        run form filled in from the plan, the return-to-run page for a walk-run stage; a rest
        day has nothing to log."""
        planned = self.session
        if planned.kind == "strength":
            return f"/log/strength/{planned.date.isoformat()}/{self.number}"
        if planned.run is None:
            return None
        if planned.run.type is RunType.WALK_RUN:
            return "/rehab"
        query = urlencode(
            {
                "date": planned.date.isoformat(),
                "distance_km": f"{planned.run.distance_km:g}",
                "name": planned.title,
            }
        )
        return f"/log/run?{query}"


def session_path(day: date, number: int) -> str:
    return f"/plan/sessions/{day.isoformat()}/{number}"


@dataclass(frozen=True)
class CalendarWeek:
    week: PlanWeek
    sessions: tuple[SessionRef, ...]
    is_current: bool
    is_past: bool

    @property
    def end(self) -> date:
        return self.week.start + timedelta(days=6)


def session_refs(plan: Plan) -> list[SessionRef]:
    """Every session of the plan in order, each with its number on its day."""
    refs: list[SessionRef] = []
    count_by_day: dict[date, int] = {}
    for session in plan.sessions():
        count_by_day[session.date] = count_by_day.get(session.date, 0) + 1
        refs.append(SessionRef(session, count_by_day[session.date]))
    return refs


def calendar_weeks(plan: Plan, today: date) -> list[CalendarWeek]:
    refs = session_refs(plan)
    weeks = []
    for week in plan.weeks:
        end = week.start + timedelta(days=6)
        weeks.append(
            CalendarWeek(
                week=week,
                sessions=tuple(ref for ref in refs if week.start <= ref.session.date <= end),
                is_current=week.start <= today <= end,
                is_past=end < today,
            )
        )
    return weeks


def find_session(plan: Plan, day: date, number: int) -> SessionRef | None:
    for ref in session_refs(plan):
        if ref.session.date == day and ref.number == number:
            return ref
    return None


def library_exercise(slug: str) -> Exercise | None:
    """The library entry behind a prescription (None for a slug the library no longer has)."""
    try:
        return by_slug(slug)
    except UnknownExerciseError:
        return None


def session_to_dict(plan: Plan, ref: SessionRef) -> dict[str, Any]:
    """A session in the plan JSON shape, with its number, address and each exercise's cues."""
    day = ref.session.date.isoformat()
    same_day = [
        session
        for week in plan_to_dict(plan)["plan"]["weeks"]
        for session in week["sessions"]
        if session["date"] == day
    ]
    data = dict(same_day[ref.number - 1])
    data["number"] = ref.number
    data["path"] = ref.path
    data["exercises"] = [
        {**exercise, "cues": _cues(exercise["slug"])} for exercise in data["exercises"]
    ]
    return data


def _cues(slug: str) -> list[str]:
    exercise = library_exercise(slug)
    return [] if exercise is None else list(exercise.cues)
