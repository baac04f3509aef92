"""The plan calendar, generating a plan, and one planned session with its exercises."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.routing import NoMatchFound

from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.services import parsing
from stridewell.services.errors import NotFoundError
from stridewell.services.plans import build_plan, latest_plan
from stridewell.services.races import list_races
from stridewell.web.access import CurrentAthlete
from stridewell.web.choices import Choice
from stridewell.web.forms import FormState
from stridewell.web.ids import parse_id
from stridewell.web.plan_calendar import calendar_weeks, find_session, library_exercise
from stridewell.web.rendering import CheckedForm, render, see_other
from stridewell.web.state import web_state

router = APIRouter(include_in_schema=False)

GENERATE_FIELDS = ("race", "start", "weeks", "weekly_km")
# The iCalendar download (pages/calendar_file.py); the link shows while that route exists.
ICAL_ROUTE_NAME = "plan_ical"
# The logging slice names its "log this planned session" page so (path params: day, number).


@router.get("/plan", response_class=HTMLResponse)
def plan_page(request: Request, athlete: CurrentAthlete) -> Response:
    return _plan_page(request, athlete, _generate_defaults(request))


@router.post("/plan/generate")
def generate(request: Request, athlete: CurrentAthlete, form: CheckedForm) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    entered = FormState.from_form(form)
    try:
        race_text = entered.text("race")
        start_text = entered.text("start")
        with state.database.session() as session:
            build_plan(
                session,
                athlete.id,
                state.today(),
                race_id=None if race_text is None else _race_id(race_text),
                start=None if start_text is None else parsing.iso_date(start_text, "start"),
                weeks=entered.integer("weeks", "Weeks"),
                weekly_km=entered.number("weekly_km", "Weekly running"),
            )
    except (ValidationError, NotFoundError) as error:
        field = error.field if isinstance(error, ValidationError) else "race"
        entered.reject(ValidationError(str(error), field), GENERATE_FIELDS, {})
        return _plan_page(request, athlete, entered, status_code=422)
    return see_other("/plan#this-week")


@router.get("/plan/sessions/{day}/{number}", response_class=HTMLResponse)
def session_page(request: Request, athlete: CurrentAthlete, day: str, number: str) -> Response:
    assert athlete.id is not None
    try:
        when = date.fromisoformat(day)
    except ValueError:
        raise NotFoundError(f"{day!r} is not a date") from None
    if not number.isdigit():
        raise NotFoundError(f"no session number {number!r}")
    with web_state(request).database.session() as session:
        plan = latest_plan(session, athlete.id)
    ref = None if plan is None else find_session(plan, when, int(number))
    if plan is None or ref is None:
        raise NotFoundError(f"the plan has no session {number} on {when.isoformat()}")
    week = next((w for w in calendar_weeks(plan, when) if w.is_current), None)
    return render(
        request,
        "plan_session.html",
        {
            "ref": ref,
            "week": week,
            "library": {e.slug: library_exercise(e.slug) for e in ref.session.exercises},
            "log_url": ref.log_path,
        },
        athlete=athlete,
    )


def _plan_page(
    request: Request, athlete: Athlete, form: FormState, status_code: int = 200
) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    with state.database.session() as session:
        plan = latest_plan(session, athlete.id)
        races = list_races(session, athlete.id)
    today = state.today()
    weeks = [] if plan is None else calendar_weeks(plan, today)
    focus = next((w.week.index for w in weeks if not w.is_past), None)
    return render(
        request,
        "plan.html",
        {
            "plan": plan,
            "weeks": weeks,
            # The week to jump to (this one, or the first to come) is open, with the next.
            "focus_week": focus,
            "open_weeks": set() if focus is None else {focus, focus + 1},
            "race_choices": [
                Choice(str(race.id), f"{race.name} ({race.date.isoformat()})")
                for race in races
                if race.is_goal and race.date >= today
            ],
            "form": form,
            "ical_url": _route_path(request, ICAL_ROUTE_NAME),
        },
        athlete=athlete,
        status_code=status_code,
    )


def _generate_defaults(request: Request) -> FormState:
    return FormState.initial({"start": web_state(request).today().isoformat()})


def _race_id(text: str) -> int:
    race_id = parse_id(text, "race")
    if race_id is None:
        raise ValidationError(f"unknown race {text!r}", "race")
    return race_id


def _route_path(request: Request, name: str, **params: str) -> str | None:
    """The path of a named route, or None while no slice has added it."""
    try:
        return str(request.app.url_path_for(name, **params))
    except NoMatchFound:
        return None
