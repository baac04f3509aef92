"""Who is asking, and which athlete a page is about.

Local single-user mode needs no login: the viewer is the person at this computer and may see
every athlete. The accounts slice replaces `current_viewer` with one built from a signed
session cookie (user, role, coached athletes); every handler already asks `may_see`, so
per-athlete authorisation then holds everywhere without touching the handlers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request, Response

from stridewell.domain.athletes import Athlete
from stridewell.services.athletes import get_athlete, resolve_athlete
from stridewell.services.errors import AmbiguousAthleteError, NoAthleteError, NotFoundError
from stridewell.web.state import web_state

ATHLETE_COOKIE = "stridewell_athlete"
_ATHLETE_PURPOSE = "athlete"
_ATHLETE_COOKIE_AGE_S = 365 * 24 * 3600


@dataclass(frozen=True)
class Viewer:
    """The person making the request."""

    user_id: int | None = None  # None: local mode, no accounts
    athlete_ids: frozenset[int] | None = None  # the athletes they may see; None: all of them

    def may_see(self, athlete_id: int) -> bool:
        return self.athlete_ids is None or athlete_id in self.athlete_ids


LOCAL_VIEWER = Viewer()


class OnboardingNeeded(Exception):
    """No athlete yet: the page sends the user to the welcome page."""


class AthleteChoiceNeeded(Exception):
    """Several athletes and none chosen: the page sends the user to the chooser."""


def current_viewer(request: Request) -> Viewer:
    """Local mode: everyone at this computer may see every athlete."""
    return LOCAL_VIEWER


ViewerDep = Annotated[Viewer, Depends(current_viewer)]


def chosen_athlete_id(request: Request) -> int | None:
    """The athlete picked in this browser (signed cookie), if any."""
    value = web_state(request).signer.unsign(_ATHLETE_PURPOSE, request.cookies.get(ATHLETE_COOKIE))
    return int(value) if value is not None and value.isdigit() else None


def remember_athlete(request: Request, response: Response, athlete_id: int) -> None:
    """Make `athlete_id` this browser's athlete (a signed cookie, kept for a year)."""
    response.set_cookie(
        ATHLETE_COOKIE,
        web_state(request).signer.sign(_ATHLETE_PURPOSE, str(athlete_id)),
        max_age=_ATHLETE_COOKIE_AGE_S,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


def current_athlete(request: Request, viewer: ViewerDep) -> Athlete:
    """The athlete a page shows: the one chosen in this browser, else the only one."""
    state = web_state(request)
    chosen = chosen_athlete_id(request)
    with state.database.session() as session:
        if chosen is not None and viewer.may_see(chosen):
            try:
                return get_athlete(session, chosen)
            except NotFoundError:
                pass  # chosen earlier, since deleted: fall back to the usual choice
        try:
            athlete = resolve_athlete(session, None)
        except NoAthleteError:
            raise OnboardingNeeded() from None
        except AmbiguousAthleteError:
            raise AthleteChoiceNeeded() from None
    if athlete.id is None or not viewer.may_see(athlete.id):
        raise AthleteChoiceNeeded()
    return athlete


CurrentAthlete = Annotated[Athlete, Depends(current_athlete)]


def authorised_athlete(athlete_id: int, request: Request, viewer: ViewerDep) -> Athlete:
    """The athlete named in an API path, if the viewer may see them (else: not found)."""
    if not viewer.may_see(athlete_id):
        # Not "forbidden": an outsider should not learn which ids exist.
        raise NotFoundError(f"no athlete with id {athlete_id}")
    with web_state(request).database.session() as session:
        return get_athlete(session, athlete_id)


AuthorisedAthlete = Annotated[Athlete, Depends(authorised_athlete)]
