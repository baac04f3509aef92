"""/api/v1/activities: the athlete's activities listed with filters, one in full, upload, and
corrections (RPE, name, a manual run's numbers) or removal.

These endpoints are about one athlete: `?athlete_id=N`, or by default the athlete chosen in
this browser, else the only one (as the pages). Another athlete's activity is "not found".
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, File, Query, Request, Response, UploadFile
from pydantic import BaseModel, ConfigDict, Field

from stridewell.domain.athletes import Athlete
from stridewell.services import parsing
from stridewell.services.activity_browser import (
    activity_detail,
    activity_filter,
    activity_item,
    detail_to_dict,
    find_activities,
    item_to_dict,
)
from stridewell.services.imports import report_to_dict
from stridewell.services.runs import correct_activity, delete_activity, set_activity_rpe
from stridewell.services.uploads import UploadedFile, import_uploads
from stridewell.web.access import (
    AthleteChoiceNeeded,
    OnboardingNeeded,
    ViewerDep,
    authorised_athlete,
    current_athlete,
)
from stridewell.web.api.errors import ERROR_RESPONSES, ApiError
from stridewell.web.api.pagination import Page
from stridewell.web.ids import Id
from stridewell.web.state import web_state

router = APIRouter(tags=["activities"], responses=ERROR_RESPONSES)


def query_athlete(
    request: Request,
    viewer: ViewerDep,
    athlete_id: Annotated[
        Id | None,
        Query(
            description="The athlete; default: the one chosen in this browser, else the only one."
        ),
    ] = None,
) -> Athlete:
    """The athlete an endpoint without an id in its path is about."""
    if athlete_id is not None:
        return authorised_athlete(athlete_id, request, viewer)
    try:
        return current_athlete(request, viewer)
    except OnboardingNeeded:
        raise ApiError(404, "no athlete yet: add one with POST /api/v1/athletes") from None
    except AthleteChoiceNeeded:
        raise ApiError(
            422, "there are several athletes: choose one with athlete_id", field="athlete_id"
        ) from None


QueryAthlete = Annotated[Athlete, Depends(query_athlete)]


@router.get("/activities", summary="The athlete's activities, newest first, with filters")
def get_activities(
    request: Request,
    athlete: QueryAthlete,
    page: Page,
    sport: Annotated[str | None, Query(description="Only this sport, e.g. running")] = None,
    first: Annotated[
        str | None, Query(alias="from", description="From this local day (YYYY-MM-DD)")
    ] = None,
    last: Annotated[
        str | None, Query(alias="to", description="Up to this local day (YYYY-MM-DD)")
    ] = None,
    q: Annotated[
        str | None, Query(description="Words in the name, description, file, device or gear")
    ] = None,
) -> dict[str, Any]:
    filters = activity_filter(sport=sport, first=first, last=last, text=q)
    with web_state(request).database.session() as session:
        listing = find_activities(session, athlete, filters, limit=page.limit, offset=page.offset)
    items = [item_to_dict(item) for item in listing.items]
    return page.envelope("activities", items, listing.total)


@router.get(
    "/activities/{activity_id}",
    summary="One activity: summary, laps, best efforts, km splits and chart streams",
    description="Streams are reduced to at most 2,000 points (means of consecutive samples); "
    "missing values are null.",
)
def get_activity(request: Request, athlete: QueryAthlete, activity_id: Id) -> dict[str, Any]:
    with web_state(request).database.session() as session:
        detail = activity_detail(session, athlete, activity_id)
    return detail_to_dict(detail)


@router.post(
    "/activities",
    summary="Upload activity files (multipart) and import them",
    description="Send one or more files as `files` (FIT, GPX, TCX, .gz, or zips of them). "
    "The answer is the report of `stridewell import --format json`: a file imported before "
    "counts as a duplicate and adds nothing; a broken one is listed under `failed`.",
)
def post_activities(
    request: Request,
    athlete: QueryAthlete,
    files: Annotated[list[UploadFile], File(description="The activity files")],
) -> dict[str, Any]:
    refuse_cross_site(request)
    uploads = [
        UploadedFile(upload.filename or "", upload.file)
        for upload in files
        if upload.filename or (upload.size or 0) > 0
    ]
    report = import_uploads(web_state(request).database.session, athlete, uploads)
    return report_to_dict(report)


class ActivityChanges(BaseModel):
    """Only the fields sent change."""

    model_config = ConfigDict(extra="forbid")

    rpe: float | None = Field(
        default=None, description="Session RPE, 0 to 10 (foster2001); null clears it", examples=[6]
    )
    name: str | None = Field(default=None, description="null or a blank clears it")
    date: str | None = Field(default=None, description="YYYY-MM-DD; runs logged by hand only")
    distance_km: float | None = Field(default=None, description="Runs logged by hand only")
    duration: str | None = Field(
        default=None, description="H:MM:SS or MM:SS; runs logged by hand only"
    )


# An imported activity's day, distance and time come from its file; these cannot be cleared.
_REQUIRED_CHANGES = ("date", "distance_km", "duration")


@router.patch(
    "/activities/{activity_id}",
    summary="Correct an activity: its RPE and name; a manual run's date, distance and duration",
    description="Send only what changes. The load watch follows at once: an RPE gives a "
    "session without heart rate its load (RPE × minutes). Changing the date, distance or "
    "duration of an imported activity is refused (422): they come from its file.",
)
def patch_activity(
    request: Request, athlete: QueryAthlete, activity_id: Id, body: ActivityChanges
) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise ApiError(422, "nothing to change: send at least one field")
    for key in _REQUIRED_CHANGES:
        if key in changes and changes[key] is None:
            raise ApiError(422, f"{key} cannot be cleared", field=key)
    day = parsing.iso_date(changes["date"], "date") if "date" in changes else None
    seconds = parsing.duration_s(changes["duration"], "duration") if "duration" in changes else None
    with state.database.session() as session:
        if set(changes) - {"rpe"}:
            correct_activity(
                session,
                athlete.id,
                activity_id,
                state.today(),
                day=day,
                distance_km=changes.get("distance_km"),
                duration_s=seconds,
                name=(changes["name"] or "") if "name" in changes else None,
            )
        if "rpe" in changes:
            set_activity_rpe(session, athlete.id, activity_id, changes["rpe"])
        item = activity_item(session, athlete, activity_id)
    return {"activity": item_to_dict(item)}


@router.delete(
    "/activities/{activity_id}",
    status_code=204,
    summary="Delete an activity with its samples, laps and best efforts",
    description="A race recorded by it keeps its result. The file can be imported again.",
)
def delete_activity_by_id(request: Request, athlete: QueryAthlete, activity_id: Id) -> Response:
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        delete_activity(session, athlete.id, activity_id)
    return Response(status_code=204)


def refuse_cross_site(request: Request) -> None:
    """A form on another site can post multipart without asking first; refuse what a browser
    says came from another origin (scripts and the app's own pages are unaffected)."""
    if request.headers.get("sec-fetch-site", "").lower() == "cross-site":
        raise ApiError(403, "uploads from another site are refused")
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise ApiError(403, "uploads from another site are refused")
