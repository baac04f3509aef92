"""/api/v1/load, /records, /insights and /progress: the JSON of `stridewell load`, `records`
and `insights` (`--format json`), and everything the Progress page draws."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from stridewell.domain.athletes import ValidationError
from stridewell.domain.insights import AdherenceRule
from stridewell.services import parsing
from stridewell.services.insights import insights, insights_to_dict
from stridewell.services.load import DEFAULT_DAYS, MAX_DAYS, load_watch, load_watch_to_dict
from stridewell.services.records import records, records_to_dict
from stridewell.web.api.activities import QueryAthlete
from stridewell.web.api.errors import ERROR_RESPONSES
from stridewell.web.pages.progress import (
    DEFAULT_WEEKS,
    PERIOD_WEEKS,
    build_progress,
    progress_to_dict,
)
from stridewell.web.state import web_state

router = APIRouter(tags=["progress"], responses=ERROR_RESPONSES)

AsOf = Annotated[str | None, Query(description="Report as of this day (YYYY-MM-DD; default today)")]


@router.get("/load", summary="Training load: days, weeks and flags (as `stridewell load`)")
def get_load(
    request: Request,
    athlete: QueryAthlete,
    as_of: AsOf = None,
    days: Annotated[int, Query(ge=1, le=MAX_DAYS, description="Days in the series")] = DEFAULT_DAYS,
) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    day = None if as_of is None else parsing.iso_date(as_of, "as_of")
    with state.database.session() as session:
        watch = load_watch(session, athlete.id, state.today(), as_of=day, days=days)
    return load_watch_to_dict(watch)


@router.get("/records", summary="PBs, race predictions and paces (as `stridewell records`)")
def get_records(request: Request, athlete: QueryAthlete) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    with state.database.session() as session:
        return records_to_dict(records(session, athlete.id, state.today()))


@router.get(
    "/insights",
    summary="Injuries vs strength adherence, soreness index, strength (as `stridewell insights`)",
)
def get_insights(
    request: Request,
    athlete: QueryAthlete,
    as_of: AsOf = None,
    adherence_sessions: Annotated[
        int, Query(ge=1, description="Strength sessions a week that count")
    ] = 2,
    adherence_weeks: Annotated[int, Query(ge=1, description="Weeks that must reach it…")] = 4,
    adherence_window: Annotated[int, Query(ge=1, description="…out of this many weeks")] = 6,
) -> dict[str, Any]:
    state = web_state(request)
    assert athlete.id is not None
    try:
        rule = AdherenceRule(adherence_sessions, adherence_weeks, adherence_window)
    except ValueError as error:
        raise ValidationError(f"adherence rule: {error}", "adherence_weeks") from None
    day = None if as_of is None else parsing.iso_date(as_of, "as_of")
    with state.database.session() as session:
        found = insights(session, athlete.id, state.today(), as_of=day, rule=rule)
    return insights_to_dict(found)


@router.get("/progress", summary="Everything the Progress page draws, as JSON")
def get_progress(
    request: Request,
    athlete: QueryAthlete,
    weeks: Annotated[
        int,
        Query(description="The period: " + ", ".join(str(n) for n in PERIOD_WEEKS) + " weeks"),
    ] = DEFAULT_WEEKS,
) -> dict[str, Any]:
    state = web_state(request)
    with state.database.session() as session:
        progress = build_progress(session, athlete, state.today(), weeks)
    return progress_to_dict(progress)
