"""The log: what to log today (strength, a run, soreness, return to run), recent entries, and the
run form."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.domain.strength_log import SorenessEntry, StrengthSession
from stridewell.services import parsing
from stridewell.services.errors import NotFoundError
from stridewell.services.planned_sessions import planned_session_at
from stridewell.services.plans import latest_plan
from stridewell.services.rehab import RehabReport, rehab_report
from stridewell.services.runs import log_manual_run
from stridewell.services.soreness import list_soreness
from stridewell.services.strength_log import list_strength_sessions
from stridewell.web.access import CurrentAthlete
from stridewell.web.forms import FormState
from stridewell.web.log_choices import RPE_CHOICES, for_the_page
from stridewell.web.plan_calendar import SessionRef, session_refs
from stridewell.web.rendering import CheckedForm, render, see_other
from stridewell.web.state import web_state

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

router = APIRouter(include_in_schema=False)

RUN_FIELDS = ("date", "distance_km", "duration", "rpe", "name")
RECENT_DAYS = 14
RECENT_COUNT = 5
# A run's name taken from the link of a planned run: a plan's titles are short.
MAX_PREFILLED_NAME = 100
SAVED_MESSAGES = {
    "strength": "Strength session saved.",
    "run": "Run saved.",
    "soreness": "Soreness saved.",
}
REMOVED_MESSAGES = {
    "strength": "Strength session deleted.",
    "soreness": "Soreness score deleted.",
}


@router.get("/log", response_class=HTMLResponse)
def log_page(request: Request, athlete: CurrentAthlete) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    today = state.today()
    since = today - timedelta(days=RECENT_DAYS)
    with state.database.session() as session:
        plan = latest_plan(session, athlete.id)
        strength = list_strength_sessions(session, athlete.id, start=since)
        soreness = list_soreness(session, athlete.id, start=since)
        try:
            rehab = rehab_report(session, athlete.id, today)
        except NotFoundError:
            rehab = None
        today_refs = [
            ref for ref in ([] if plan is None else session_refs(plan)) if ref.session.date == today
        ]
        planned_today = [
            (ref, _logged(session, athlete.id, ref, strength))
            for ref in today_refs
            if ref.session.kind == "strength"
        ]
        runs_today = [ref for ref in today_refs if ref.session.kind == "run" and ref.log_path]
    if rehab is not None and not _rehab_under_way(rehab, today):
        rehab = None  # a long-healed injury: nothing to log for it today
    return render(
        request,
        "log.html",
        {
            "saved": SAVED_MESSAGES.get(request.query_params.get("saved", "")),
            "removed": REMOVED_MESSAGES.get(request.query_params.get("removed", "")),
            "planned_today": planned_today,
            "runs_today": runs_today,
            "strength": list(reversed(strength))[:RECENT_COUNT],
            "soreness_days": _soreness_by_day(soreness),
            "rehab": rehab,
            "rehab_next": "" if rehab is None else for_the_page(rehab.status.next_action),
        },
        athlete=athlete,
    )


@router.get("/log/run", response_class=HTMLResponse)
def run_page(request: Request, athlete: CurrentAthlete) -> Response:
    """The run form, filled in from the query when it comes from a planned run
    (`SessionRef.log_path`): date, distance and name; anything unreadable is left out."""
    today = web_state(request).today()
    query = request.query_params
    values = {"date": today.isoformat()}
    try:
        values["date"] = date.fromisoformat(query.get("date", "")).isoformat()
    except ValueError:
        pass
    distance = query.get("distance_km", "")
    if _is_plain_number(distance):
        values["distance_km"] = distance
    name = query.get("name", "").strip()
    if name:
        values["name"] = name[:MAX_PREFILLED_NAME]
    return _run_page(request, athlete, FormState.initial(values))


def _is_plain_number(text: str) -> bool:
    try:
        return 0 < float(text) < 1000 and text.replace(".", "", 1).isdigit()
    except ValueError:
        return False


@router.post("/log/run")
def save_run(request: Request, athlete: CurrentAthlete, form: CheckedForm) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    entered = FormState.from_form(form)
    today = state.today()
    try:
        day = parsing.iso_date(entered.text("date") or today.isoformat(), "date")
        distance_km = entered.number("distance_km", "distance")
        if distance_km is None:
            raise ValidationError("give the distance in km", "distance_km")
        duration_text = entered.text("duration")
        if duration_text is None:
            raise ValidationError("give the time it took (H:MM:SS or MM:SS)", "duration")
        seconds = parsing.duration_s(duration_text, "duration")
        rpe = entered.number("rpe", "RPE")
        with state.database.session() as session:
            log_manual_run(
                session,
                athlete.id,
                today,
                day=day,
                distance_km=distance_km,
                duration_s=seconds,
                rpe=rpe,
                name=entered.text("name"),
            )
    except ValidationError as error:
        entered.reject(error, RUN_FIELDS, {})
        return _run_page(request, athlete, entered, status_code=422)
    return see_other("/log?saved=run")


def _logged(
    session: Session, athlete_id: int, ref: SessionRef, logged: list[StrengthSession]
) -> bool:
    """Whether a logged session names this planned session."""
    planned = planned_session_at(session, athlete_id, ref.session.date, ref.number)
    return any(entry.planned_session_id == planned.id for entry in logged)


def _rehab_under_way(report: RehabReport, today: date) -> bool:
    """The injury still hurts, or a return to run has been started and not finished."""
    status = report.status
    started = bool(status.history or status.readiness)
    return report.injury.is_active(today) or (started and not status.cleared)


def _run_page(
    request: Request, athlete: Athlete, form: FormState, status_code: int = 200
) -> Response:
    return render(
        request,
        "log_run.html",
        {"form": form, "rpe_choices": RPE_CHOICES},
        athlete=athlete,
        status_code=status_code,
    )


def _soreness_by_day(entries: list[SorenessEntry]) -> list[tuple[date, list[SorenessEntry]]]:
    """Scores grouped by day, newest day first."""
    days: dict[date, list[SorenessEntry]] = {}
    for entry in entries:
        days.setdefault(entry.date, []).append(entry)
    return sorted(days.items(), key=lambda item: item[0], reverse=True)[:RECENT_COUNT]
