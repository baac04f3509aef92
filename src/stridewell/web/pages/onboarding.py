"""Onboarding on an empty database: profile, injuries, races, first plan — or the demo runner.

Each step is one form and one transaction: a rejected form saves nothing and comes back with
the message next to the field at fault.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.domain.planning.phases import monday_on_or_after
from stridewell.services.athletes import create_athlete, list_athletes
from stridewell.services.injuries import add_injury, list_injuries
from stridewell.services.races import add_race, list_races
from stridewell.web.access import (
    CurrentAthlete,
    ViewerDep,
    claim_for_viewer,
    remember_athlete,
    require_may_add_athlete,
)
from stridewell.web.demo import add_demo_athlete
from stridewell.web.forms import FormState
from stridewell.web.pages.athlete_forms import (
    athlete_from_form,
    injury_defaults,
    injury_from_form,
    profile_defaults,
    race_defaults,
    race_from_form,
    reject_injury,
    reject_profile,
    reject_race,
)
from stridewell.web.rendering import CheckedForm, render, see_other
from stridewell.web.state import web_state

router = APIRouter(include_in_schema=False)

STEPS = ("Profile", "Injuries", "Races", "Plan")


@router.get("/welcome", response_class=HTMLResponse)
def welcome(request: Request) -> Response:
    with web_state(request).database.session() as session:
        has_athletes = bool(list_athletes(session))
    return render(request, "welcome.html", {"has_athletes": has_athletes, "demo_error": None})


@router.post("/onboarding/demo")
def load_demo(request: Request, viewer: ViewerDep, form: CheckedForm) -> Response:
    state = web_state(request)
    require_may_add_athlete(viewer)
    with state.database.session() as session:
        athlete = add_demo_athlete(session, state.today())
        if athlete is not None:
            claim_for_viewer(session, viewer, athlete)
    if athlete is None or athlete.id is None:
        return render(
            request,
            "welcome.html",
            {
                "has_athletes": True,
                "demo_error": "The demo runner can only be added to an empty database.",
            },
            status_code=409,
        )
    return choose_and_go(request, athlete, "/")


@router.get("/onboarding/profile", response_class=HTMLResponse)
def profile_form(request: Request) -> Response:
    return _profile_page(request, profile_defaults())


@router.post("/onboarding/profile")
def create_profile(request: Request, viewer: ViewerDep, form: CheckedForm) -> Response:
    state = web_state(request)
    require_may_add_athlete(viewer)
    entered = FormState.from_form(form)
    try:
        athlete = athlete_from_form(entered)
        with state.database.session() as session:
            stored = create_athlete(session, athlete, state.today())
            claim_for_viewer(session, viewer, stored)
    except ValidationError as error:
        reject_profile(entered, error, state.today())
        return _profile_page(request, entered, status_code=422)
    return choose_and_go(request, stored, "/onboarding/injuries")


@router.get("/onboarding/injuries", response_class=HTMLResponse)
def injuries_step(request: Request, athlete: CurrentAthlete) -> Response:
    return _injuries_page(request, athlete, injury_defaults(web_state(request).today()))


@router.post("/onboarding/injuries")
def add_injury_step(request: Request, athlete: CurrentAthlete, form: CheckedForm) -> Response:
    entered = FormState.from_form(form)
    error = save_injury(request, athlete, entered)
    if error is not None:
        return _injuries_page(request, athlete, error, status_code=422)
    return see_other("/onboarding/injuries")


@router.get("/onboarding/races", response_class=HTMLResponse)
def races_step(request: Request, athlete: CurrentAthlete) -> Response:
    return _races_page(request, athlete, race_defaults())


@router.post("/onboarding/races")
def add_race_step(request: Request, athlete: CurrentAthlete, form: CheckedForm) -> Response:
    entered = FormState.from_form(form)
    error = save_race(request, athlete, entered)
    if error is not None:
        return _races_page(request, athlete, error, status_code=422)
    return see_other("/onboarding/races")


@router.get("/onboarding/plan", response_class=HTMLResponse)
def plan_step(request: Request, athlete: CurrentAthlete) -> Response:
    return render(
        request,
        "onboarding_plan.html",
        {
            "steps": STEPS,
            "step": 4,
            "form": FormState(),
            # Plans begin on a Monday (domain.planning.planner.plan_start).
            "first_day": monday_on_or_after(web_state(request).today()),
        },
        athlete=athlete,
    )


def save_injury(request: Request, athlete: Athlete, entered: FormState) -> FormState | None:
    """Store the injury form's injury; None on success, else the form with its error."""
    state = web_state(request)
    assert athlete.id is not None
    try:
        injury = injury_from_form(entered)
        with state.database.session() as session:
            add_injury(session, athlete.id, injury, state.today())
    except ValidationError as error:
        reject_injury(entered, error, state.today())
        return entered
    return None


def save_race(request: Request, athlete: Athlete, entered: FormState) -> FormState | None:
    """Store the race form's race; None on success, else the form with its error."""
    state = web_state(request)
    assert athlete.id is not None
    try:
        race = race_from_form(entered)
        with state.database.session() as session:
            add_race(session, athlete.id, race, state.today())
    except ValidationError as error:
        reject_race(entered, error, state.today())
        return entered
    return None


def choose_and_go(request: Request, athlete: Athlete, path: str) -> Response:
    """Redirect to `path` with `athlete` remembered as this browser's athlete."""
    assert athlete.id is not None
    response = see_other(path)
    remember_athlete(request, response, athlete.id)
    return response


def _profile_page(request: Request, form: FormState, status_code: int = 200) -> Response:
    return render(
        request,
        "onboarding_profile.html",
        {"steps": STEPS, "step": 1, "form": form},
        status_code=status_code,
    )


def _injuries_page(
    request: Request, athlete: Athlete, form: FormState, status_code: int = 200
) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    with state.database.session() as session:
        injuries = list_injuries(session, athlete.id)
    return render(
        request,
        "onboarding_injuries.html",
        {"steps": STEPS, "step": 2, "form": form, "injuries": injuries},
        athlete=athlete,
        status_code=status_code,
    )


def _races_page(
    request: Request, athlete: Athlete, form: FormState, status_code: int = 200
) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    with state.database.session() as session:
        races = list_races(session, athlete.id)
    return render(
        request,
        "onboarding_races.html",
        {"steps": STEPS, "step": 3, "form": form, "races": races},
        athlete=athlete,
        status_code=status_code,
    )
