"""Activities: the list with filters, uploading files, and one activity with its charts, its
effort (RPE), a manual run's corrections, and deleting it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData, UploadFile

from stridewell.domain.athletes import Athlete, ValidationError, format_duration
from stridewell.services import parsing
from stridewell.services.activity_browser import (
    ActivityDetail,
    ActivityListing,
    activity_detail,
    activity_filter,
    activity_sports,
    find_activities,
)
from stridewell.services.imports import report_to_dict
from stridewell.services.records import format_pace
from stridewell.services.runs import correct_activity, delete_activity, is_manual, set_activity_rpe
from stridewell.services.uploads import UploadedFile, import_uploads
from stridewell.web.access import CurrentAthlete
from stridewell.web.charts import activity_figures, clock
from stridewell.web.choices import Choice
from stridewell.web.forms import FormState
from stridewell.web.ids import Id
from stridewell.web.log_choices import RPE_CHOICES
from stridewell.web.rendering import CheckedForm, CsrfError, checked_form, render, see_other
from stridewell.web.state import web_state

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 20
FILTER_FIELDS = ("q", "sport", "from", "to")
UPLOAD_FIELD = "files"
ACCEPTED_SUFFIXES = (".fit", ".gpx", ".tcx", ".zip", ".gz")
RUN_FIELDS = ("date", "distance_km", "duration", "name")
CONFIRM_FIELD = "confirm"
SAVED_MESSAGES = {"rpe": "Effort saved.", "run": "Run corrected."}


@router.get("/activities", response_class=HTMLResponse)
def activities_page(request: Request, athlete: CurrentAthlete) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    query = FormState.initial(
        {key: value for key, value in request.query_params.items() if key in FILTER_FIELDS}
    )
    page = _page_number(request.query_params.get("page"))
    listing = ActivityListing(0, ())
    with state.database.session() as session:
        try:
            filters = activity_filter(
                sport=query.text("sport"),
                first=query.text("from"),
                last=query.text("to"),
                text=query.text("q"),
            )
            listing = find_activities(
                session, athlete, filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
            )
        except ValidationError as error:
            query.reject(error, FILTER_FIELDS, {})
        sports = activity_sports(session, athlete.id)
    last_page = max(1, -(-listing.total // PAGE_SIZE))
    return render(
        request,
        "activities.html",
        {
            "form": query,
            "listing": listing,
            "sport_choices": [
                Choice(sport, sport.replace("_", " ").capitalize()) for sport in sports
            ],
            "filtered": any(query.text(name) for name in FILTER_FIELDS),
            "more_filters_open": any(
                query.text(name) or name in query.errors for name in ("sport", "from", "to")
            ),
            "page": page,
            "last_page": last_page,
            "newer_url": _page_url(query, page - 1) if page > 1 else None,
            "older_url": _page_url(query, page + 1) if page < last_page else None,
            "first_number": (page - 1) * PAGE_SIZE + 1,
            "deleted": request.query_params.get("deleted") == "1",
            **display_helpers(),
        },
        athlete=athlete,
        status_code=422 if query.errors else 200,
    )


@router.get("/activities/upload", response_class=HTMLResponse)
def upload_page(request: Request, athlete: CurrentAthlete) -> Response:
    return _upload_page(request, athlete, FormState(), None)


async def upload_form(request: Request) -> AsyncIterator[FormData]:
    """The upload form once its CSRF token is checked; its spooled files are closed when the
    request is done, refused or not."""
    try:
        form = await checked_form(request)
    except CsrfError:
        await (await request.form()).close()
        raise
    try:
        yield form
    finally:
        await form.close()


UploadForm = Annotated[FormData, Depends(upload_form)]


@router.post("/activities/upload", response_class=HTMLResponse)
def upload(request: Request, athlete: CurrentAthlete, form: UploadForm) -> Response:
    entered = FormState()
    try:
        report = import_uploads(
            web_state(request).database.session, athlete, uploaded_files(form, UPLOAD_FIELD)
        )
    except ValidationError as error:
        entered.reject(error, (UPLOAD_FIELD,), {})
        return _upload_page(request, athlete, entered, None, status_code=422)
    return _upload_page(request, athlete, entered, report_to_dict(report))


@router.get("/activities/{activity_id}", response_class=HTMLResponse)
def activity_page(request: Request, athlete: CurrentAthlete, activity_id: Id) -> Response:
    with web_state(request).database.session() as session:
        detail = activity_detail(session, athlete, activity_id)
    return render(
        request,
        "activity.html",
        {
            "detail": detail,
            "figures": activity_figures(detail.chart, detail.shows_pace),
            **display_helpers(),
            **correction_forms(request, detail, {}),
        },
        athlete=athlete,
    )


@router.post("/activities/{activity_id}/rpe")
def save_effort(
    request: Request, athlete: CurrentAthlete, activity_id: Id, form: CheckedForm
) -> Response:
    """The session RPE of any activity: the load watch measures a run without heart rate by it
    (RPE × minutes); a blank clears it. An imported activity's name comes on the same form."""
    state = web_state(request)
    assert athlete.id is not None
    entered = FormState.from_form(form)
    try:
        rpe = entered.number("rpe", "Effort (RPE)")
        with state.database.session() as session:
            set_activity_rpe(session, athlete.id, activity_id, rpe)
            if "name" in entered.values:  # an imported activity's name is on the same form
                name = entered.value("name")
                correct_activity(session, athlete.id, activity_id, state.today(), name=name)
    except ValidationError as error:
        entered.reject(error, ("rpe", "name"), {})
        return _activity_page(request, athlete, activity_id, {"rpe": entered}, status_code=422)
    return see_other(f"/activities/{activity_id}?saved=rpe")


@router.post("/activities/{activity_id}/run")
def correct_run(
    request: Request, athlete: CurrentAthlete, activity_id: Id, form: CheckedForm
) -> Response:
    """A run logged by hand: its day, distance, time and name, checked as for a new one."""
    state = web_state(request)
    assert athlete.id is not None
    entered = FormState.from_form(form)
    try:
        day_text = entered.text("date")
        if day_text is None:
            raise ValidationError("give the day of the run", "date")
        distance_km = entered.number("distance_km", "distance")
        if distance_km is None:
            raise ValidationError("give the distance in km", "distance_km")
        duration_text = entered.text("duration")
        if duration_text is None:
            raise ValidationError("give the time it took (H:MM:SS or MM:SS)", "duration")
        day = parsing.iso_date(day_text, "date")
        seconds = parsing.duration_s(duration_text, "duration")
        with state.database.session() as session:
            correct_activity(
                session,
                athlete.id,
                activity_id,
                state.today(),
                day=day,
                distance_km=distance_km,
                duration_s=seconds,
                name=entered.value("name"),
            )
    except ValidationError as error:
        entered.reject(error, RUN_FIELDS, {})
        return _activity_page(request, athlete, activity_id, {"run": entered}, status_code=422)
    return see_other(f"/activities/{activity_id}?saved=run")


@router.post("/activities/{activity_id}/delete")
def remove_activity(
    request: Request, athlete: CurrentAthlete, activity_id: Id, form: CheckedForm
) -> Response:
    """Delete the activity with its samples, laps and best efforts, once the box is ticked."""
    athlete_id = athlete.id
    assert athlete_id is not None
    return confirmed_removal(
        request,
        form,
        "Yes, delete this activity",
        lambda session: delete_activity(session, athlete_id, activity_id),
        lambda entered: _activity_page(
            request, athlete, activity_id, {"delete": entered}, status_code=422
        ),
        "/activities?deleted=1",
    )


def confirmed_removal(
    request: Request,
    form: FormData,
    label: str,
    remove: Callable[[Session], object],
    refused: Callable[[FormState], Response],
    done: str,
) -> Response:
    """A removal form's answer: without its box (`label`) ticked, `refused` shows the page
    again with the message next to the box and nothing is deleted; else `remove` runs in one
    unit of work and the browser goes on to `done`."""
    entered = FormState.from_form(form)
    if not entered.checked(CONFIRM_FIELD, "yes"):
        entered.errors[CONFIRM_FIELD] = f"tick “{label}” first; nothing was deleted"
        return refused(entered)
    with web_state(request).database.session() as session:
        remove(session)
    return see_other(done)


def correction_forms(
    request: Request, detail: ActivityDetail, sent: dict[str, FormState]
) -> dict[str, Any]:
    """The effort, correction and delete forms of the activity page: as `sent` (refused, with
    their errors), else filled in with what is stored."""
    activity = detail.activity
    effort: dict[str, str] = {"rpe": "" if activity.rpe is None else f"{activity.rpe:g}"}
    if not is_manual(activity):  # a manual run's name is in its correction form
        effort["name"] = activity.name or ""
    rpe_form = sent.get("rpe") or FormState.initial(effort)
    run_form = None
    if is_manual(activity):
        run_form = sent.get("run") or FormState.initial(
            {
                "date": detail.local_day.isoformat(),
                "distance_km": f"{(activity.distance_m or 0.0) / 1000:g}",
                "duration": format_duration(activity.elapsed_s or 0.0),
                "name": activity.name or "",
            }
        )
    return {
        "rpe_form": rpe_form,
        "rpe_choices": rpe_choices(rpe_form.value("rpe")),
        "run_form": run_form,
        "delete_form": sent.get("delete") or FormState(),
        "saved": SAVED_MESSAGES.get(request.query_params.get("saved", "")),
    }


def rpe_choices(current: str) -> list[Choice]:
    """The CR-10 scale, plus a stored value between its steps (6.5 from the command line)."""
    choices = list(RPE_CHOICES)
    if current and current not in {choice.value for choice in choices}:
        choices.append(Choice(current, current))
    return choices


def _activity_page(
    request: Request,
    athlete: Athlete,
    activity_id: int,
    sent: dict[str, FormState],
    *,
    status_code: int = 200,
) -> Response:
    with web_state(request).database.session() as session:
        detail = activity_detail(session, athlete, activity_id)
    return render(
        request,
        "activity.html",
        {
            "detail": detail,
            "figures": activity_figures(detail.chart, detail.shows_pace),
            **display_helpers(),
            **correction_forms(request, detail, sent),
        },
        athlete=athlete,
        status_code=status_code,
    )


def uploaded_files(form: FormData, field: str) -> list[UploadedFile]:
    """The files posted under `field`; the empty part a form sends with no file chosen is
    left out."""
    files = []
    for value in form.getlist(field):
        if isinstance(value, UploadFile) and (value.filename or (value.size or 0) > 0):
            files.append(UploadedFile(value.filename or "", value.file))
    return files


def display_helpers() -> dict[str, Any]:
    """Formatting for the activity templates (numbers as a runner reads them)."""
    return {
        "pace_text": pace_text,
        "km_text": km_text,
        "clock": clock,
        "distance_name": distance_name,
    }


DISTANCE_NAMES = {
    "400m": "400 m",
    "1k": "1 km",
    "1mile": "1 mile",
    "5k": "5 km",
    "10k": "10 km",
    "half": "Half marathon",
    "marathon": "Marathon",
}


def distance_name(label: str) -> str:
    """A best-effort or race distance label for people: `10k` → `10 km`."""
    return DISTANCE_NAMES.get(label, label)


def pace_text(distance_m: float | None, time_s: float | None) -> str:
    if not distance_m or not time_s or distance_m <= 0:
        return "–"
    return format_pace(time_s / distance_m * 1000.0)


def km_text(distance_m: float | None) -> str:
    return "–" if distance_m is None else f"{distance_m / 1000:.2f} km"


def _upload_page(
    request: Request,
    athlete: Athlete,
    form: FormState,
    report: dict[str, Any] | None,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "upload.html",
        {
            "form": form,
            "report": report,
            "accept": ",".join(ACCEPTED_SUFFIXES),
            "field": UPLOAD_FIELD,
            **display_helpers(),
        },
        athlete=athlete,
        status_code=status_code,
    )


def _page_number(text: str | None) -> int:
    """The page asked for; the first for anything else, e.g. a number whose offset would
    overflow the database (no athlete has a million pages of activities)."""
    if text is None or not (text.isascii() and text.isdigit()) or len(text) > 6:
        return 1
    return max(int(text), 1)


def _page_url(query: FormState, page: int) -> str:
    params = {name: value for name in FILTER_FIELDS if (value := query.text(name))}
    if page > 1:
        params["page"] = str(page)
    return "/activities" + ("?" + urlencode(params) if params else "")
