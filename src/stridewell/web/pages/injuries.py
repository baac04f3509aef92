"""Injuries (add, update, mark healed) and the return to run: readiness checks and the pain of
each walk-run session, with where the runner stands on the ladder."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from stridewell.domain.athletes import Athlete, Injury, ValidationError
from stridewell.domain.rehab import (
    LAST_STAGE,
    READINESS_TESTS,
    SAFE_PAIN,
    STAGES,
    ReadinessCheck,
)
from stridewell.services import parsing
from stridewell.services.errors import NotFoundError
from stridewell.services.injuries import get_injury, list_injuries, resolve_injury, update_injury
from stridewell.services.rehab import (
    RehabReport,
    choose_injury,
    log_readiness,
    log_rehab_session,
    rehab_report,
    yes_no,
)
from stridewell.web.access import CurrentAthlete
from stridewell.web.choices import Choice
from stridewell.web.forms import FormState
from stridewell.web.ids import Id, parse_id
from stridewell.web.log_choices import PAIN_CHOICES, YES_NO_CHOICES, for_the_page
from stridewell.web.pages.athlete_forms import INJURY_FIELDS, injury_defaults
from stridewell.web.pages.onboarding import save_injury
from stridewell.web.rendering import CheckedForm, render, see_other
from stridewell.web.state import web_state

router = APIRouter(include_in_schema=False)

UPDATE_FIELDS = ("severity", "days_off_running", "notes", "resolved")
READINESS_FIELDS = ("check_date", *(f"{name}_pain" for name, _ in READINESS_TESTS), "check_notes")
# The domain names a readiness pain "single leg squat pain"; the form, `single_leg_squat_pain`.
READINESS_ALIASES = {
    **{f"{name.replace('_', ' ')} pain": f"{name}_pain" for name, _ in READINESS_TESTS},
    "date": "check_date",
}
# A set of checks that passes: each field is checked alone inside it (FormState.reject_each).
READINESS_BASELINE = {f"{name}_pain": "0" for name, _ in READINESS_TESTS}
SESSION_FIELDS = ("date", "stage", "pain_during", "pain_next_morning", "settled_24h", "notes")
SESSION_ALIASES = {
    "pain during": "pain_during",
    "next-morning pain": "pain_next_morning",
    "settled": "settled_24h",
}


# --- injuries ------------------------------------------------------------------------------


@router.get("/injuries", response_class=HTMLResponse)
def injuries_page(request: Request, athlete: CurrentAthlete) -> Response:
    return _injuries_page(request, athlete, injury_defaults(web_state(request).today()))


@router.post("/injuries")
def add_injury(request: Request, athlete: CurrentAthlete, form: CheckedForm) -> Response:
    entered = FormState.from_form(form)
    error = save_injury(request, athlete, entered)
    if error is not None:
        return _injuries_page(request, athlete, error, status_code=422)
    return see_other("/injuries")


@router.get("/injuries/{injury_id}", response_class=HTMLResponse)
def injury_page(request: Request, athlete: CurrentAthlete, injury_id: Id) -> Response:
    injury = _injury(request, athlete, injury_id)
    form = FormState.initial(
        {
            "severity": str(injury.severity),
            "days_off_running": str(injury.days_off_running),
            "notes": injury.notes,
            "resolved": "" if injury.resolved is None else injury.resolved.isoformat(),
        }
    )
    return _injury_page(request, athlete, injury, form)


@router.post("/injuries/{injury_id}")
def change_injury(
    request: Request, athlete: CurrentAthlete, injury_id: Id, form: CheckedForm
) -> Response:
    """Update severity, days off and notes, and mark it healed when a date is given: together,
    in one transaction."""
    state = web_state(request)
    assert athlete.id is not None
    injury = _injury(request, athlete, injury_id)
    assert injury.id is not None
    entered = FormState.from_form(form)
    today = state.today()
    try:
        severity = entered.required_integer("severity", "Severity")
        days_off = entered.integer("days_off_running", "Days off running") or 0
        resolved_text = entered.text("resolved")
        resolved = None if resolved_text is None else parsing.iso_date(resolved_text, "resolved")
        with state.database.session() as session:
            update_injury(
                session,
                athlete.id,
                injury.id,
                today,
                severity=severity,
                notes=entered.value("notes"),
                days_off_running=days_off,
            )
            if resolved is not None:
                resolve_injury(session, athlete.id, injury.id, resolved, today)
    except ValidationError as error:
        entered.reject(error, UPDATE_FIELDS, {})
        return _injury_page(request, athlete, injury, entered, status_code=422)
    return see_other("/injuries")


def _injury(request: Request, athlete: Athlete, injury_id: int) -> Injury:
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        return get_injury(session, athlete.id, injury_id)


def _injuries_page(
    request: Request, athlete: Athlete, form: FormState, status_code: int = 200
) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    today = state.today()
    with state.database.session() as session:
        injuries = list_injuries(session, athlete.id)
    # Active ones first, then the most recent.
    ordered = sorted(injuries, key=lambda i: (not i.is_active(today), -i.onset.toordinal()))
    return render(
        request,
        "injuries.html",
        {"injuries": ordered, "form": form, "injury_fields": INJURY_FIELDS},
        athlete=athlete,
        status_code=status_code,
    )


def _injury_page(
    request: Request, athlete: Athlete, injury: Injury, form: FormState, status_code: int = 200
) -> Response:
    return render(
        request,
        "injury.html",
        {"injury": injury, "form": form},
        athlete=athlete,
        status_code=status_code,
    )


# --- return to run ---------------------------------------------------------------------------


@router.get("/rehab", response_class=HTMLResponse)
def rehab_page(request: Request, athlete: CurrentAthlete) -> Response:
    state = web_state(request)
    today = state.today()
    report = _report(request, athlete)
    readiness = FormState.initial({"check_date": today.isoformat()})
    stage = 1 if report is None else min(max(report.status.stage, 1), LAST_STAGE)
    session_form = FormState.initial({"date": today.isoformat(), "stage": str(stage)})
    return _rehab_page(request, athlete, report, readiness, session_form)


@router.post("/rehab/readiness")
def save_readiness(request: Request, athlete: CurrentAthlete, form: CheckedForm) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    entered = FormState.from_form(form)
    today = state.today()
    report = _report(request, athlete, entered.value("injury"))
    if report is None:
        raise NotFoundError("no injury needs a return to run")
    assert report.injury.id is not None
    try:
        check = _readiness_check(entered, today)
        with state.database.session() as session:
            log_readiness(session, athlete.id, report.injury.id, check, today)
    except ValidationError as error:
        entered.reject(_page_words(error), READINESS_FIELDS, READINESS_ALIASES)
        entered.reject_each(
            lambda form: _readiness_check(form, today).validate(),
            READINESS_BASELINE,
            READINESS_FIELDS,
            READINESS_ALIASES,
        )
        return _rehab_page(request, athlete, report, entered, _session_defaults(report, today), 422)
    return see_other(f"/rehab?injury={report.injury.id}#status")


def _readiness_check(entered: FormState, today: date) -> ReadinessCheck:
    """The readiness checks as typed (parsed; `ReadinessCheck.validate` checks the ranges)."""
    pains = [
        entered.required_integer(f"{name}_pain", what.capitalize())
        for name, what in READINESS_TESTS
    ]
    return ReadinessCheck(
        date=parsing.iso_date(entered.text("check_date") or today.isoformat(), "date"),
        walk_pain=pains[0],
        single_leg_squat_pain=pains[1],
        jog_on_spot_pain=pains[2],
        hop_pain=pains[3],
        notes=entered.value("check_notes"),
    )


@router.post("/rehab/sessions")
def save_session(request: Request, athlete: CurrentAthlete, form: CheckedForm) -> Response:
    state = web_state(request)
    assert athlete.id is not None
    entered = FormState.from_form(form)
    today = state.today()
    report = _report(request, athlete, entered.value("injury"))
    if report is None:
        raise NotFoundError("no injury needs a return to run")
    assert report.injury.id is not None
    try:
        day = parsing.iso_date(entered.text("date") or today.isoformat(), "date")
        settled = entered.text("settled_24h")
        with state.database.session() as session:
            log_rehab_session(
                session,
                athlete.id,
                report.injury.id,
                today,
                day=day,
                stage=entered.required_integer("stage", "Stage"),
                pain_during=entered.integer("pain_during", "Pain during"),
                pain_next_morning=entered.integer("pain_next_morning", "Next-morning pain"),
                settled_24h=None if settled is None else yes_no(settled, "settled"),
                notes=entered.text("notes"),
            )
    except ValidationError as error:
        entered.reject(_page_words(error), SESSION_FIELDS, SESSION_ALIASES)
        readiness = FormState.initial({"check_date": today.isoformat()})
        return _rehab_page(request, athlete, report, readiness, entered, 422)
    return see_other(f"/rehab?injury={report.injury.id}#status")


def _report(
    request: Request, athlete: Athlete, injury_text: str | None = None
) -> RehabReport | None:
    """The report for the injury asked for (`?injury=` or the form), else the one a return to
    run is about; None when no injury needs one."""
    state = web_state(request)
    assert athlete.id is not None
    text = injury_text if injury_text is not None else request.query_params.get("injury", "")
    injury_id = parse_id(text, "injury")
    with state.database.session() as session:
        try:
            injury = choose_injury(session, athlete.id, injury_id, state.today())
        except NotFoundError:
            if injury_id is not None:
                raise
            return None
        assert injury.id is not None
        return rehab_report(session, athlete.id, state.today(), injury.id)


def _page_words(error: ValidationError) -> ValidationError:
    return ValidationError(for_the_page(str(error)), error.field)


def _session_defaults(report: RehabReport, today: date) -> FormState:
    stage = min(max(report.status.stage, 1), LAST_STAGE)
    return FormState.initial({"date": today.isoformat(), "stage": str(stage)})


def _rehab_page(
    request: Request,
    athlete: Athlete,
    report: RehabReport | None,
    readiness: FormState,
    session_form: FormState,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "rehab.html",
        {
            "report": report,
            "next_action": "" if report is None else for_the_page(report.status.next_action),
            "strength_message": "" if report is None else for_the_page(report.strength.message),
            "readiness_form": readiness,
            "session_form": session_form,
            "tests": READINESS_TESTS,
            "stages": STAGES,
            "safe_pain": SAFE_PAIN,
            "pain_choices": PAIN_CHOICES,
            "yes_no": YES_NO_CHOICES,
            "stage_choices": [
                Choice(str(number), f"Stage {number}") for number in range(1, LAST_STAGE + 1)
            ],
        },
        athlete=athlete,
        status_code=status_code,
    )
