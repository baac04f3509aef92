"""/api/v1/athletes/{id}/plan and /today: the latest plan, generating one, and today's view."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request, Response

from stridewell.services import parsing
from stridewell.services.plans import build_plan, latest_plan, plan_to_dict
from stridewell.web.access import AuthorisedAthlete
from stridewell.web.api.errors import ERROR_RESPONSES, ApiError
from stridewell.web.api.schemas import PlanIn
from stridewell.web.pages.calendar_file import ICAL_MEDIA_TYPE, calendar_response
from stridewell.web.plan_calendar import find_session, session_to_dict
from stridewell.web.state import web_state
from stridewell.web.today import build_today, today_to_dict

router = APIRouter(tags=["plans"], responses=ERROR_RESPONSES)


@router.get("/athletes/{athlete_id}/plan", summary="The athlete's latest plan")
def get_plan(request: Request, athlete: AuthorisedAthlete) -> dict[str, Any]:
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        plan = latest_plan(session, athlete.id)
    if plan is None:
        raise ApiError(404, f"athlete {athlete.id} has no plan yet")
    return plan_to_dict(plan)


@router.post("/athletes/{athlete_id}/plan", status_code=201, summary="Generate a new plan")
def post_plan(request: Request, athlete: AuthorisedAthlete, body: PlanIn) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    start = None if body.start is None else parsing.iso_date(body.start, "start")
    with state.database.session() as session:
        plan = build_plan(
            session,
            athlete.id,
            state.today(),
            race_id=body.race_id,
            start=start,
            weeks=body.weeks,
            weekly_km=body.weekly_km,
        )
    return plan_to_dict(plan)


@router.get(
    "/athletes/{athlete_id}/plan.ics",
    summary="The latest plan as an iCalendar file",
    response_class=Response,
    responses={200: {"content": {ICAL_MEDIA_TYPE: {}}}},
)
def get_plan_ical(request: Request, athlete: AuthorisedAthlete) -> Response:
    return calendar_response(request, athlete)


@router.get(
    "/athletes/{athlete_id}/plan/sessions/{day}/{number}",
    summary="One planned session, with each exercise's cues",
)
def get_session(
    request: Request, athlete: AuthorisedAthlete, day: date, number: int
) -> dict[str, Any]:
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        plan = latest_plan(session, athlete.id)
    ref = None if plan is None else find_session(plan, day, number)
    if plan is None or ref is None:
        raise ApiError(404, f"the plan has no session {number} on {day.isoformat()}")
    return {"session": session_to_dict(plan, ref)}


@router.get("/athletes/{athlete_id}/today", summary="Today's sessions, week, race and injuries")
def get_today(request: Request, athlete: AuthorisedAthlete) -> dict[str, Any]:
    state = web_state(request)
    with state.database.session() as session:
        summary = build_today(session, athlete, state.today())
    return today_to_dict(summary)
