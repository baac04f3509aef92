"""The plan as an iCalendar file, for a phone's or laptop's calendar app."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from stridewell.domain.athletes import Athlete
from stridewell.services.data_archive import athlete_slug
from stridewell.services.exports import plan_calendar
from stridewell.web.access import CurrentAthlete
from stridewell.web.state import web_state

router = APIRouter(include_in_schema=False)

ICAL_MEDIA_TYPE = "text/calendar; charset=utf-8"


@router.get("/plan.ics", name="plan_ical")
def plan_ical(request: Request, athlete: CurrentAthlete) -> Response:
    return calendar_response(request, athlete)


def calendar_response(request: Request, athlete: Athlete) -> Response:
    """The athlete's latest plan as a download (NotFoundError while there is no plan)."""
    assert athlete.id is not None
    with web_state(request).database.session() as session:
        calendar = plan_calendar(session, athlete.id)
    return Response(
        calendar.ical,
        media_type=ICAL_MEDIA_TYPE,
        headers={
            "content-disposition": f'attachment; filename="{calendar_filename(athlete)}"',
            "cache-control": "no-store",
        },
    )


def calendar_filename(athlete: Athlete) -> str:
    """`stridewell-maren-holt.ics`: only letters, digits and dashes, safe in a header."""
    return f"stridewell-{athlete_slug(athlete.name, athlete.id)}.ics"
