"""Logging a strength session at the gym: from a planned session or free, set by set; and one
logged session with its sets, which can be deleted.

The sheet is one form: ticked rows are the sets done. "Add" puts another exercise on the sheet
and keeps everything typed so far; "Save" stores the session with its sets in one transaction,
or shows each problem next to its field and saves nothing.
"""

from __future__ import annotations

from datetime import date, timedelta

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.domain.exercises.model import Exercise
from stridewell.domain.strength_log import StrengthSession, exercise_by_slug
from stridewell.services import parsing
from stridewell.services.errors import NotFoundError
from stridewell.services.exercises import list_exercises
from stridewell.services.planned_sessions import (
    PlannedSessionOnFile,
    planned_session_at,
    planned_session_by_id,
)
from stridewell.services.plans import latest_plan
from stridewell.services.strength_log import (
    delete_strength_session,
    duration_s,
    get_strength_session,
    list_strength_sessions,
    log_strength_session,
    strength_session_to_dict,
)
from stridewell.web.access import CurrentAthlete
from stridewell.web.forms import GENERAL, FormState
from stridewell.web.ids import Id, parse_id
from stridewell.web.log_choices import RPE_CHOICES
from stridewell.web.pages.activities import confirmed_removal
from stridewell.web.plan_calendar import SessionRef, session_refs
from stridewell.web.rendering import CheckedForm, render, see_other
from stridewell.web.state import web_state
from stridewell.web.strength_sheet import (
    append_rows,
    done_sets,
    free_rows,
    last_sets,
    last_time_text,
    planned_sheet,
    sheet_exercises,
    sheet_form,
)

router = APIRouter(include_in_schema=False)

SESSION_FIELDS = ("date", "duration", "rpe", "notes", "add_exercise")
# The domain's names for the session's fields, where they differ from the form's.
SESSION_ALIASES = {"duration (minutes)": "duration", "planned_session": GENERAL, "sets": GENERAL}
# Loads from this far back prefill the sheet ("start from last time").
HISTORY_DAYS = 180
# Planned strength sessions this close to today are offered as a start.
NEARBY_DAYS = 3
ADD_ACTION = "add"


@router.get("/log/strength", response_class=HTMLResponse, name="log_strength")
def strength_page(request: Request, athlete: CurrentAthlete) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    planned_text = request.query_params.get("planned", "")
    today = state.today()
    if not planned_text:
        return _sheet_page(request, athlete, sheet_form([], {"date": today.isoformat()}))
    planned_id = parse_id(planned_text, "planned session")
    if planned_id is None:
        raise NotFoundError(f"no planned session {planned_text!r}")
    with state.database.session() as session:
        planned = planned_session_by_id(session, athlete.id, planned_id)
    return _planned_page(request, athlete, planned)


@router.get("/log/strength/{day}/{number}", response_class=HTMLResponse, name="log_planned_session")
def planned_strength_page(
    request: Request, athlete: CurrentAthlete, day: str, number: str
) -> Response:
    """The sheet for the plan's `number`-th session on `day` (the plan pages link here)."""
    assert athlete.id is not None
    try:
        when = date.fromisoformat(day)
    except ValueError:
        raise NotFoundError(f"{day!r} is not a date") from None
    if not number.isdigit():
        raise NotFoundError(f"no session number {number!r}")
    with web_state(request).database.session() as session:
        planned = planned_session_at(session, athlete.id, when, int(number))
    return _planned_page(request, athlete, planned)


@router.post("/log/strength")
def save_strength(request: Request, athlete: CurrentAthlete, form: CheckedForm) -> Response:
    entered = FormState.from_form(form)
    if entered.value("action") == ADD_ACTION:
        return _add_exercise(request, athlete, entered)
    if _store(request, athlete, entered):
        return see_other("/log?saved=strength")
    return _sheet_page(request, athlete, entered, status_code=422)


@router.get("/log/strength/{session_id}", response_class=HTMLResponse, name="strength_session")
def logged_session_page(request: Request, athlete: CurrentAthlete, session_id: Id) -> Response:
    """A logged session with its sets, and the form that deletes it."""
    return _logged_page(request, athlete, session_id, FormState())


@router.post("/log/strength/{session_id}/delete")
def remove_logged_session(
    request: Request, athlete: CurrentAthlete, session_id: Id, form: CheckedForm
) -> Response:
    athlete_id = athlete.id
    assert athlete_id is not None
    return confirmed_removal(
        request,
        form,
        "Yes, delete this session",
        lambda session: delete_strength_session(session, athlete_id, session_id),
        lambda entered: _logged_page(request, athlete, session_id, entered, status_code=422),
        "/log?removed=strength",
    )


def _logged_page(
    request: Request,
    athlete: Athlete,
    session_id: int,
    delete_form: FormState,
    *,
    status_code: int = 200,
) -> Response:
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        logged = get_strength_session(session, athlete.id, session_id)
        planned = None
        if logged.planned_session_id is not None:
            try:
                planned = planned_session_by_id(session, athlete.id, logged.planned_session_id)
            except NotFoundError:
                planned = None  # its plan was replaced since
    return render(
        request,
        "strength_session.html",
        {
            "logged": logged,
            "sets": strength_session_to_dict(logged)["sets"],
            "planned": planned,
            "delete_form": delete_form,
        },
        athlete=athlete,
        status_code=status_code,
    )


def _planned_page(request: Request, athlete: Athlete, planned: PlannedSessionOnFile) -> Response:
    if planned.session.kind != "strength":
        raise NotFoundError(
            f"the session on {planned.session.date.isoformat()} is a {planned.session.kind} "
            "session, not a strength session"
        )
    today = web_state(request).today()
    # At the gym the session is logged the day it is done: today, even for another day's plan.
    form = planned_sheet(planned.session, planned.id, _history(request, athlete), today)
    return _sheet_page(request, athlete, form, planned=planned)


def _add_exercise(request: Request, athlete: Athlete, entered: FormState) -> Response:
    text = entered.text("add_exercise")
    if text is not None:
        try:
            exercise = find_exercise(text)
        except ValidationError as error:
            entered.errors["add_exercise"] = str(error)
            return _sheet_page(request, athlete, entered, status_code=422)
        # The same exercise again carries on its set numbers.
        done_before = max(
            (len(e.rows) for e in sheet_exercises(entered) if e.slug == exercise.slug), default=0
        )
        rows = free_rows(exercise, last_sets(_history(request, athlete)))
        sides = len({row["side"] for row in rows})
        for row in rows:
            row["number"] = str(int(row["number"]) + done_before // sides)
        append_rows(entered, rows)
        entered.values["add_exercise"] = [""]
    return _sheet_page(request, athlete, entered)


def find_exercise(text: str) -> Exercise:
    """The library exercise a person typed: its name, an alias, its slug, or the one match."""
    wanted = _words(text)
    found = list_exercises(text=text)
    for exercise in found:
        if wanted in {_words(name) for name in (exercise.name, exercise.slug, *exercise.aliases)}:
            return exercise
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        shown = ", ".join(exercise.name for exercise in found[:5])
        more = "…" if len(found) > 5 else ""
        raise ValidationError(
            f"{text!r} matches {len(found)} exercises ({shown}{more}); choose one from the list",
            "add_exercise",
        )
    try:
        return exercise_by_slug(text)
    except ValidationError as error:
        raise ValidationError(str(error), "add_exercise") from None


def _words(text: str) -> str:
    """`Hip-thrust`, `hip_thrust` and `hip  thrust` all read `hip thrust`."""
    return " ".join(text.lower().replace("-", " ").replace("_", " ").split())


def _store(request: Request, athlete: Athlete, entered: FormState) -> bool:
    """Save the sheet's ticked sets as one session; False with the form's errors if refused."""
    state = web_state(request)
    assert athlete.id is not None
    today = state.today()
    sets, errors = done_sets(entered)
    entered.errors.update(errors)
    if not sets and not errors:
        entered.errors[GENERAL] = "tick the sets you did (nothing is ticked yet)"
    strength = _session_fields(entered, today)
    if entered.errors or strength is None:
        return False
    planned_text = entered.value("planned_session")
    try:
        with state.database.session() as session:
            log_strength_session(
                session,
                athlete.id,
                StrengthSession(
                    date=strength.date,
                    sets=sets,
                    duration_s=strength.duration_s,
                    rpe=strength.rpe,
                    planned_session_id=parse_id(planned_text, "planned session"),
                    notes=strength.notes,
                ),
                today,
            )
    except ValidationError as error:
        entered.reject(error, SESSION_FIELDS, SESSION_ALIASES)
        return False
    except NotFoundError as error:
        entered.errors[GENERAL] = str(error)
        return False
    return True


def _session_fields(entered: FormState, today: date) -> StrengthSession | None:
    """Date, duration, session RPE and notes, each error next to its field (all at once)."""
    day, seconds, rpe = today, None, None
    try:
        day = parsing.iso_date(entered.text("date") or today.isoformat(), "date")
    except ValidationError as error:
        entered.reject(error, SESSION_FIELDS, SESSION_ALIASES)
    duration_text = entered.text("duration")
    try:
        seconds = None if duration_text is None else duration_s(duration_text)
    except ValidationError as error:
        entered.reject(ValidationError(str(error), "duration"), SESSION_FIELDS, {})
    try:
        rpe = entered.number("rpe", "session RPE")
    except ValidationError as error:
        entered.reject(error, SESSION_FIELDS, {})
    if entered.errors:
        return None
    return StrengthSession(
        date=day, sets=(), duration_s=seconds, rpe=rpe, notes=entered.value("notes").strip()
    )


def _history(request: Request, athlete: Athlete) -> list[StrengthSession]:
    state = web_state(request)
    assert athlete.id is not None
    start = state.today() - timedelta(days=HISTORY_DAYS)
    with state.database.session() as session:
        return list_strength_sessions(session, athlete.id, start=start)


def _sheet_page(
    request: Request,
    athlete: Athlete,
    form: FormState,
    *,
    planned: PlannedSessionOnFile | None = None,
    status_code: int = 200,
) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    today = state.today()
    with state.database.session() as session:
        if planned is None:
            try:
                planned_id = parse_id(form.value("planned_session"), "planned session")
                if planned_id is not None:
                    planned = planned_session_by_id(session, athlete.id, planned_id)
            except NotFoundError:
                planned = None
        plan = latest_plan(session, athlete.id)
        history = list_strength_sessions(
            session, athlete.id, start=today - timedelta(days=HISTORY_DAYS)
        )
    nearby: list[SessionRef] = (
        []
        if plan is None or form.value("rows") not in ("", "0")
        else [
            ref
            for ref in session_refs(plan)
            if ref.session.kind == "strength"
            and abs((ref.session.date - today).days) <= NEARBY_DAYS
        ]
    )
    return render(
        request,
        "log_strength.html",
        {
            "form": form,
            "sheet": sheet_exercises(form),
            "planned": planned,
            "nearby": nearby,
            "last_time": last_time_text(last_sets(history)),
            "library": list_exercises(),
            "rpe_choices": RPE_CHOICES,
        },
        athlete=athlete,
        status_code=status_code,
    )
