"""The profile page (who, injuries, races, with forms to add more), one race to edit or delete,
and the athlete chooser."""

from __future__ import annotations

from dataclasses import replace

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from stridewell.domain.athletes import (
    RACE_DISTANCES_M,
    Athlete,
    Race,
    ValidationError,
    distance_label,
    format_duration,
)
from stridewell.services.athletes import get_athlete, list_athletes, update_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.injuries import list_injuries
from stridewell.services.races import delete_race, get_race, list_races, update_race
from stridewell.web.access import CurrentAthlete, ViewerDep, chosen_athlete_id, current_viewer
from stridewell.web.downloads import athlete_archive_response, backup_response, may_download_backup
from stridewell.web.forms import FormState
from stridewell.web.ids import Id, parse_id
from stridewell.web.pages.activities import confirmed_removal
from stridewell.web.pages.athlete_forms import (
    OTHER_DISTANCE,
    athlete_from_form,
    injury_defaults,
    profile_values,
    race_defaults,
    race_from_form,
    reject_profile,
    reject_race,
)
from stridewell.web.pages.onboarding import choose_and_go, save_injury, save_race
from stridewell.web.rendering import CheckedForm, render, see_other
from stridewell.web.state import web_state

router = APIRouter(include_in_schema=False)

RACE_MESSAGES = {"updated": "Race saved.", "deleted": "Race deleted."}


@router.get("/profile", response_class=HTMLResponse)
def profile(request: Request, athlete: CurrentAthlete) -> Response:
    return _profile_page(request, athlete)


@router.get("/profile/edit", response_class=HTMLResponse)
def edit_form(request: Request, athlete: CurrentAthlete) -> Response:
    return _edit_page(request, athlete, profile_values(athlete))


@router.post("/profile/edit")
def edit(request: Request, athlete: CurrentAthlete, form: CheckedForm) -> Response:
    state = web_state(request)
    entered = FormState.from_form(form)
    try:
        changed = replace(athlete_from_form(entered), id=athlete.id, units=athlete.units)
        with state.database.session() as session:
            update_athlete(session, changed, state.today())
    except ValidationError as error:
        reject_profile(entered, error, state.today())
        return _edit_page(request, athlete, entered, status_code=422)
    return see_other("/profile?saved=1")


def _edit_page(
    request: Request, athlete: Athlete, form: FormState, *, status_code: int = 200
) -> Response:
    return render(
        request, "profile_edit.html", {"form": form}, athlete=athlete, status_code=status_code
    )


@router.post("/profile/injuries")
def add_injury(request: Request, athlete: CurrentAthlete, form: CheckedForm) -> Response:
    error = save_injury(request, athlete, FormState.from_form(form))
    if error is not None:
        return _profile_page(request, athlete, injury_form=error, status_code=422)
    return see_other("/profile#injuries")


@router.post("/profile/races")
def add_race(request: Request, athlete: CurrentAthlete, form: CheckedForm) -> Response:
    error = save_race(request, athlete, FormState.from_form(form))
    if error is not None:
        return _profile_page(request, athlete, race_form=error, status_code=422)
    return see_other("/profile#races")


@router.get("/profile/races/{race_id}", response_class=HTMLResponse)
def race_page(request: Request, athlete: CurrentAthlete, race_id: Id) -> Response:
    """One race: its form filled in (to correct it, or give a goal race its result), and the
    form that deletes it."""
    race = _race(request, athlete, race_id)
    return _race_page(request, athlete, race, race_values(race), FormState())


@router.post("/profile/races/{race_id}")
def change_race(
    request: Request, athlete: CurrentAthlete, race_id: Id, form: CheckedForm
) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    race = _race(request, athlete, race_id)
    entered = FormState.from_form(form)
    try:
        changed = replace(race_from_form(entered), id=race.id)
        with state.database.session() as session:
            update_race(session, athlete.id, changed, state.today())
    except ValidationError as error:
        reject_race(entered, error, state.today())
        return _race_page(request, athlete, race, entered, FormState(), status_code=422)
    return see_other("/profile?race=updated#races")


@router.post("/profile/races/{race_id}/delete")
def remove_race(
    request: Request, athlete: CurrentAthlete, race_id: Id, form: CheckedForm
) -> Response:
    athlete_id = athlete.id
    assert athlete_id is not None
    race = _race(request, athlete, race_id)
    return confirmed_removal(
        request,
        form,
        f"Yes, delete {race.name}",
        lambda session: delete_race(session, athlete_id, race_id),
        lambda entered: _race_page(
            request, athlete, race, race_values(race), entered, status_code=422
        ),
        "/profile?race=deleted#races",
    )


def race_values(race: Race) -> FormState:
    """The race form filled in with what is stored."""
    label = distance_label(race.distance_m)
    standard = label in RACE_DISTANCES_M
    return FormState.initial(
        {
            "name": race.name,
            "date": race.date.isoformat(),
            "distance": label if standard else OTHER_DISTANCE,
            "distance_m": "" if standard else f"{race.distance_m:g}",
            "goal": "" if race.goal_s is None else format_duration(race.goal_s),
            "result": "" if race.result_s is None else format_duration(race.result_s),
        }
    )


def _race(request: Request, athlete: Athlete, race_id: int) -> Race:
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        return get_race(session, athlete.id, race_id)


def _race_page(
    request: Request,
    athlete: Athlete,
    race: Race,
    form: FormState,
    delete_form: FormState,
    *,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "race.html",
        {"race": race, "form": form, "delete_form": delete_form},
        athlete=athlete,
        status_code=status_code,
    )


@router.get("/profile/data.zip", name="athlete_data_zip")
def data_zip(request: Request, athlete: CurrentAthlete) -> Response:
    return athlete_archive_response(
        request, athlete, samples=request.query_params.get("samples") == "1"
    )


@router.get("/backup.json", name="backup_json")
def backup(request: Request, viewer: ViewerDep) -> Response:
    return backup_response(request, viewer)


@router.get("/athletes", response_class=HTMLResponse)
def athletes(request: Request, viewer: ViewerDep) -> Response:
    with web_state(request).database.session() as session:
        visible = [a for a in list_athletes(session) if a.id is not None and viewer.may_see(a.id)]
    if not visible:
        return see_other("/welcome")
    return render(
        request, "athletes.html", {"athletes": visible, "chosen_id": chosen_athlete_id(request)}
    )


@router.post("/athletes/choose")
def choose(request: Request, viewer: ViewerDep, form: CheckedForm) -> Response:
    raw = form.get("athlete_id")
    athlete_id = parse_id(raw, "athlete") if isinstance(raw, str) else None
    if athlete_id is None or not viewer.may_see(athlete_id):
        raise NotFoundError("no such athlete")
    with web_state(request).database.session() as session:
        athlete = get_athlete(session, athlete_id)
    return choose_and_go(request, athlete, "/")


def _profile_page(
    request: Request,
    athlete: Athlete,
    *,
    injury_form: FormState | None = None,
    race_form: FormState | None = None,
    status_code: int = 200,
) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    with state.database.session() as session:
        injuries = list_injuries(session, athlete.id)
        races = list_races(session, athlete.id)
    return render(
        request,
        "profile.html",
        {
            "injuries": injuries,
            "races": races,
            "injury_form": injury_form or injury_defaults(state.today()),
            "race_form": race_form or race_defaults(),
            "saved": request.query_params.get("saved") == "1",
            "race_message": RACE_MESSAGES.get(request.query_params.get("race", "")),
            "may_download_backup": may_download_backup(current_viewer(request)),
        },
        athlete=athlete,
        status_code=status_code,
    )
