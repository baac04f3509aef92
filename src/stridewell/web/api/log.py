"""/api/v1/athletes/{id}/log: strength sessions set by set, runs by hand, and soreness.

The same services as the log pages; a refused set names its place, e.g. `sets.2.reps`.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from stridewell.domain.athletes import ValidationError
from stridewell.domain.strength_log import SetEntry, StrengthSession
from stridewell.services import parsing
from stridewell.services.planned_sessions import planned_session_at
from stridewell.services.runs import log_manual_run
from stridewell.services.soreness import (
    count_soreness,
    delete_soreness,
    list_soreness,
    log_soreness,
    soreness_from_text,
    soreness_to_dict,
)
from stridewell.services.strength_log import (
    count_strength_sessions,
    delete_strength_session,
    duration_s,
    get_strength_session,
    list_strength_sessions,
    log_strength_session,
    strength_session_to_dict,
)
from stridewell.web.access import AuthorisedAthlete
from stridewell.web.api.errors import ERROR_RESPONSES, ApiError
from stridewell.web.api.pagination import Page
from stridewell.web.ids import Id
from stridewell.web.state import web_state
from stridewell.web.strength_sheet import planned_sheet, set_entry, sheet_to_dict

router = APIRouter(tags=["log"], responses=ERROR_RESPONSES)


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SetIn(_Body):
    exercise: str = Field(description="Library slug or name", examples=["band-clamshell"])
    side: str = Field(default="both", description="left, right or both")
    reps: int | None = Field(default=None, examples=[15])
    load_kg: float | None = None
    hold_s: int | None = Field(default=None, description="For timed holds instead of reps")
    rpe: float | None = Field(default=None, description="0 to 10")


class StrengthIn(_Body):
    date: str | None = Field(default=None, description="YYYY-MM-DD; default today")
    duration: str | None = Field(default=None, description="Minutes or H:MM:SS", examples=["45"])
    rpe: float | None = Field(default=None, description="Session RPE, 0 to 10 (foster2001)")
    planned_session_id: Id | None = Field(
        default=None, description="The planned session this fulfils"
    )
    notes: str = ""
    sets: list[SetIn] = Field(min_length=1)


class RunIn(_Body):
    date: str | None = Field(default=None, description="YYYY-MM-DD; default today")
    distance_km: float = Field(examples=[8.5])
    duration: str = Field(description="H:MM:SS or MM:SS", examples=["0:48:30"])
    rpe: float | None = Field(default=None, description="0 to 10")
    name: str | None = None


class ScoreIn(_Body):
    region: str = Field(examples=["quad"])
    side: str = Field(default="both", description="left, right or both")
    score: int = Field(description="0 (not sore) to 10", examples=[4])


class SorenessIn(_Body):
    date: str | None = Field(default=None, description="YYYY-MM-DD; default today")
    context: str = Field(description="morning, post_run, post_race or post_strength")
    scores: list[ScoreIn] = Field(min_length=1)


@router.post(
    "/athletes/{athlete_id}/log/strength", status_code=201, summary="Log a strength session"
)
def post_strength(request: Request, athlete: AuthorisedAthlete, body: StrengthIn) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    today = state.today()
    strength = StrengthSession(
        date=parsing.iso_date(body.date or today.isoformat(), "date"),
        sets=tuple(_set(index, entry) for index, entry in enumerate(body.sets)),
        duration_s=None if body.duration is None else _duration_s(body.duration),
        rpe=body.rpe,
        planned_session_id=body.planned_session_id,
        notes=body.notes.strip(),
    )
    with state.database.session() as session:
        stored = log_strength_session(session, athlete.id, strength, today)
    return {"session": strength_session_to_dict(stored)}


@router.get("/athletes/{athlete_id}/log/strength", summary="Logged strength sessions, oldest first")
def get_strength(
    request: Request,
    athlete: AuthorisedAthlete,
    page: Page,
    start: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
    end: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
) -> dict[str, Any]:
    assert athlete.id is not None
    first, last = _range(start, end)
    with web_state(request).database.session() as session:
        total = count_strength_sessions(session, athlete.id, first, last)
        found = list_strength_sessions(
            session, athlete.id, first, last, limit=page.limit, offset=page.offset
        )
    items = [strength_session_to_dict(item) for item in found]
    return page.envelope("sessions", items, total)


@router.get(
    "/athletes/{athlete_id}/log/strength/planned/{day}/{number}",
    summary="A planned strength session as a sheet to log: each set prefilled",
)
def get_strength_draft(
    request: Request, athlete: AuthorisedAthlete, day: date, number: int
) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    today = state.today()
    with state.database.session() as session:
        planned = planned_session_at(session, athlete.id, day, number)
        history = list_strength_sessions(session, athlete.id)
    if planned.session.kind != "strength":
        raise ApiError(404, f"session {number} on {day.isoformat()} is not a strength session")
    draft = sheet_to_dict(planned_sheet(planned.session, planned.id, history, today))
    return {"title": planned.session.title, "planned_date": day.isoformat(), **draft}


@router.post("/athletes/{athlete_id}/log/run", status_code=201, summary="Log a run by hand")
def post_run(request: Request, athlete: AuthorisedAthlete, body: RunIn) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    today = state.today()
    day = parsing.iso_date(body.date or today.isoformat(), "date")
    seconds = parsing.duration_s(body.duration, "duration")
    with state.database.session() as session:
        activity_id = log_manual_run(
            session,
            athlete.id,
            today,
            day=day,
            distance_km=body.distance_km,
            duration_s=seconds,
            rpe=body.rpe,
            name=body.name,
        )
    return {
        "run": {
            "id": activity_id,
            "date": day.isoformat(),
            "distance_km": body.distance_km,
            "duration_s": seconds,
            "rpe": body.rpe,
        }
    }


@router.post(
    "/athletes/{athlete_id}/log/soreness", status_code=201, summary="Log soreness by region"
)
def post_soreness(request: Request, athlete: AuthorisedAthlete, body: SorenessIn) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    today = state.today()
    entries = soreness_from_text(
        day=body.date or today.isoformat(),
        context=body.context,
        regions=[item.region for item in body.scores],
        sides=[item.side for item in body.scores],
        scores=[item.score for item in body.scores],
    )
    with state.database.session() as session:
        stored = log_soreness(session, athlete.id, entries, today)
    return {"soreness": [soreness_to_dict(entry) for entry in stored]}


@router.get("/athletes/{athlete_id}/log/soreness", summary="Soreness scores, oldest first")
def get_soreness(
    request: Request,
    athlete: AuthorisedAthlete,
    page: Page,
    start: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
    end: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
) -> dict[str, Any]:
    assert athlete.id is not None
    first, last = _range(start, end)
    with web_state(request).database.session() as session:
        total = count_soreness(session, athlete.id, first, last)
        found = list_soreness(
            session, athlete.id, first, last, limit=page.limit, offset=page.offset
        )
    items = [soreness_to_dict(entry) for entry in found]
    return page.envelope("soreness", items, total)


@router.get(
    "/athletes/{athlete_id}/log/strength/{session_id}",
    summary="One logged strength session with its sets",
)
def get_strength_session_by_id(
    request: Request, athlete: AuthorisedAthlete, session_id: Id
) -> dict[str, Any]:
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        found = get_strength_session(session, athlete.id, session_id)
    return {"session": strength_session_to_dict(found)}


@router.delete(
    "/athletes/{athlete_id}/log/strength/{session_id}",
    status_code=204,
    summary="Delete a logged strength session with its sets",
    description="Its planned session counts as not done again; the load watch, hard sets and "
    "adherence no longer count it.",
)
def delete_strength_session_by_id(
    request: Request, athlete: AuthorisedAthlete, session_id: Id
) -> Response:
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        delete_strength_session(session, athlete.id, session_id)
    return Response(status_code=204)


@router.delete(
    "/athletes/{athlete_id}/log/soreness/{entry_id}",
    status_code=204,
    summary="Delete one soreness score",
    description="The other regions logged with it stay.",
)
def delete_soreness_by_id(request: Request, athlete: AuthorisedAthlete, entry_id: Id) -> Response:
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        delete_soreness(session, athlete.id, entry_id)
    return Response(status_code=204)


def _set(index: int, entry: SetIn) -> SetEntry:
    """One set of the body; an error names it as `sets.<index>.<field>`."""
    try:
        return set_entry(
            exercise=entry.exercise,
            side=entry.side,
            reps=entry.reps,
            load_kg=entry.load_kg,
            hold_s=entry.hold_s,
            rpe=entry.rpe,
        )
    except ValidationError as error:
        field = error.field if error.field in SetIn.model_fields else "exercise"
        raise ValidationError(f"set {index + 1}: {error}", f"sets.{index}.{field}") from None


def _duration_s(text: str) -> int:
    try:
        return duration_s(text)
    except ValidationError as error:
        raise ValidationError(str(error), "duration") from None


def _range(start: str | None, end: str | None) -> tuple[date | None, date | None]:
    return (
        None if start is None else parsing.iso_date(start, "from"),
        None if end is None else parsing.iso_date(end, "to"),
    )
