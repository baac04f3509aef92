"""Today: the day's sessions, this week, the goal race, results on file, active injuries."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from stridewell.web.access import CurrentAthlete
from stridewell.web.rendering import render
from stridewell.web.state import web_state
from stridewell.web.today import build_today

router = APIRouter(include_in_schema=False)


@router.get("/", response_class=HTMLResponse)
def today_page(request: Request, athlete: CurrentAthlete) -> Response:
    state = web_state(request)
    with state.database.session() as session:
        summary = build_today(session, athlete, state.today())
    return render(request, "dashboard.html", {"summary": summary}, athlete=athlete)
