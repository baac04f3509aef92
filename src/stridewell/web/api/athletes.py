"""/api/v1/athletes: athletes, their injuries and races, and the demo athlete."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from stridewell.services.athletes import (
    athlete_from_text,
    athlete_to_dict,
    athlete_with_changes,
    create_athlete,
    list_athletes,
    update_athlete,
)
from stridewell.services.injuries import add_injury, injury_from_text, injury_to_dict, list_injuries
from stridewell.services.races import (
    add_race,
    delete_race,
    get_race,
    list_races,
    race_from_text,
    race_to_dict,
    race_with_changes,
    update_race,
)
from stridewell.web.access import (
    AuthorisedAthlete,
    ViewerDep,
    claim_for_viewer,
    require_may_add_athlete,
)
from stridewell.web.api.errors import ERROR_RESPONSES, ApiError
from stridewell.web.api.pagination import Page
from stridewell.web.api.schemas import AthleteChanges, AthleteIn, InjuryIn, RaceIn
from stridewell.web.demo import add_demo_athlete
from stridewell.web.downloads import (
    JSON_MEDIA_TYPE,
    ZIP_MEDIA_TYPE,
    athlete_archive_response,
    backup_response,
)
from stridewell.web.ids import Id
from stridewell.web.state import web_state

router = APIRouter(tags=["athletes"], responses=ERROR_RESPONSES)


@router.get("/athletes", summary="List athletes")
def get_athletes(request: Request, viewer: ViewerDep, page: Page) -> dict[str, Any]:
    with web_state(request).database.session() as session:
        visible = [a for a in list_athletes(session) if a.id is not None and viewer.may_see(a.id)]
    items = [athlete_to_dict(athlete) for athlete in page.slice(visible)]
    return page.envelope("athletes", items, len(visible))


@router.post("/athletes", status_code=201, summary="Add an athlete")
def post_athlete(
    request: Request, viewer: ViewerDep, body: AthleteIn, response: Response
) -> dict[str, Any]:
    state = web_state(request)
    require_may_add_athlete(viewer)
    athlete = athlete_from_text(**body.model_dump())
    with state.database.session() as session:
        stored = create_athlete(session, athlete, state.today())
        claim_for_viewer(session, viewer, stored)
    response.headers["location"] = f"{request.scope.get('root_path', '')}/athletes/{stored.id}"
    return {"athlete": athlete_to_dict(stored)}


@router.get("/athletes/{athlete_id}", summary="An athlete with their injuries and races")
def get_athlete(request: Request, athlete: AuthorisedAthlete) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    with state.database.session() as session:
        injuries = list_injuries(session, athlete.id)
        races = list_races(session, athlete.id)
    return {
        "athlete": athlete_to_dict(athlete),
        "injuries": [injury_to_dict(injury, state.today()) for injury in injuries],
        "races": [race_to_dict(race) for race in races],
    }


@router.patch(
    "/athletes/{athlete_id}",
    summary="Change an athlete's profile",
    description="Send only what changes. A new max HR, rest HR or sex makes the load watch "
    "measure the heart-rate streams again.",
)
def patch_athlete(
    request: Request, athlete: AuthorisedAthlete, body: AthleteChanges
) -> dict[str, Any]:
    state = web_state(request)
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise ApiError(422, "nothing to change: send at least one field")
    with state.database.session() as session:
        stored = update_athlete(session, athlete_with_changes(athlete, changes), state.today())
    return {"athlete": athlete_to_dict(stored)}


@router.get("/athletes/{athlete_id}/injuries", summary="An athlete's injuries, oldest first")
def get_injuries(request: Request, athlete: AuthorisedAthlete, page: Page) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    with state.database.session() as session:
        injuries = list_injuries(session, athlete.id)
    items = [injury_to_dict(injury, state.today()) for injury in page.slice(injuries)]
    return page.envelope("injuries", items, len(injuries))


@router.post("/athletes/{athlete_id}/injuries", status_code=201, summary="Record an injury")
def post_injury(request: Request, athlete: AuthorisedAthlete, body: InjuryIn) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    injury = injury_from_text(**body.model_dump())
    with state.database.session() as session:
        stored = add_injury(session, athlete.id, injury, state.today())
    return {"injury": injury_to_dict(stored, state.today())}


@router.get("/athletes/{athlete_id}/races", summary="An athlete's races by date")
def get_races(request: Request, athlete: AuthorisedAthlete, page: Page) -> dict[str, Any]:
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        races = list_races(session, athlete.id)
    items = [race_to_dict(race) for race in page.slice(races)]
    return page.envelope("races", items, len(races))


@router.post("/athletes/{athlete_id}/races", status_code=201, summary="Add a race or a result")
def post_race(request: Request, athlete: AuthorisedAthlete, body: RaceIn) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    race = race_from_text(
        name=body.name,
        race_date=body.date,
        distance=body.distance,
        goal=body.goal,
        result=body.result,
    )
    with state.database.session() as session:
        stored = add_race(session, athlete.id, race, state.today())
    return {"race": race_to_dict(stored)}


class RaceChanges(BaseModel):
    """Only the fields sent change; `null` clears the goal or the result."""

    model_config = ConfigDict(extra="forbid")

    name: str | None = None
    date: str | None = Field(default=None, description="YYYY-MM-DD")
    distance: str | None = Field(default=None, description="5k, 10k, half, marathon or metres")
    goal: str | None = Field(default=None, description="H:MM:SS", examples=["3:20:00"])
    result: str | None = Field(
        default=None,
        description="H:MM:SS; a goal race given its result becomes a past result",
        examples=["3:18:42"],
    )


@router.patch(
    "/athletes/{athlete_id}/races/{race_id}",
    summary="Change a race, or give a goal race its result",
    description="Send only what changes. A goal race given its result becomes a past result "
    "(the same race, not a second one); a result for a future race is refused.",
)
def patch_race(
    request: Request, athlete: AuthorisedAthlete, race_id: Id, body: RaceChanges
) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise ApiError(422, "nothing to change: send at least one field")
    with state.database.session() as session:
        race = race_with_changes(get_race(session, athlete.id, race_id), changes)
        stored = update_race(session, athlete.id, race, state.today())
    return {"race": race_to_dict(stored)}


@router.delete(
    "/athletes/{athlete_id}/races/{race_id}",
    status_code=204,
    summary="Delete a race",
    description="A plan aimed at it keeps its sessions.",
)
def delete_race_by_id(request: Request, athlete: AuthorisedAthlete, race_id: Id) -> Response:
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        delete_race(session, athlete.id, race_id)
    return Response(status_code=204)


@router.get(
    "/athletes/{athlete_id}/export.zip",
    summary="Everything about an athlete as CSV files in a zip",
    description="The files of `stridewell export csv --athlete ID` and a README. With "
    "`samples=true` also each activity's samples as `samples/activity-<id>.csv` (much larger).",
    response_class=Response,
    responses={200: {"content": {ZIP_MEDIA_TYPE: {}}}},
)
def get_athlete_export(
    request: Request, athlete: AuthorisedAthlete, samples: bool = False
) -> Response:
    return athlete_archive_response(request, athlete, samples=samples)


@router.get(
    "/backup",
    summary="The whole database as a backup (admins, or a personal install without accounts)",
    description="What `stridewell export json` writes, for `stridewell import-backup`: every "
    "athlete and every account. 403 `forbidden` for athletes and coaches.",
    response_class=Response,
    responses={200: {"content": {JSON_MEDIA_TYPE: {}}}},
)
def get_backup(request: Request, viewer: ViewerDep) -> Response:
    return backup_response(request, viewer)


@router.post("/demo", status_code=201, summary="Add the demo athlete (empty database only)")
def post_demo(request: Request, viewer: ViewerDep) -> dict[str, Any]:
    state = web_state(request)
    require_may_add_athlete(viewer)
    with state.database.session() as session:
        athlete = add_demo_athlete(session, state.today())
        if athlete is not None:
            claim_for_viewer(session, viewer, athlete)
    if athlete is None:
        raise ApiError(409, "the demo athlete can only be added to an empty database")
    return {"athlete": athlete_to_dict(athlete)}
