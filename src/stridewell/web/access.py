"""Who is asking, and which athlete a page is about.

A database without accounts is a personal install: the viewer is the person at this computer
and may see every athlete, with no login. Once an account exists (`stridewell user add`), every
page and API call needs a session: a signed cookie naming the user, when it was issued and a
fingerprint of their password hash (so a new password ends every other session). Each handler
asks `Viewer.may_see`, so per-athlete authorisation holds everywhere.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request, Response
from sqlalchemy.orm import Session

from stridewell.domain.accounts import User, may_add_athlete, may_manage_accounts, normalise_email
from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.services.accounts import (
    accounts_enabled,
    authenticate,
    claim_new_athlete,
    get_user,
    session_stamp,
    visible_athletes,
)
from stridewell.services.athletes import get_athlete, resolve_athlete
from stridewell.services.errors import AmbiguousAthleteError, NoAthleteError, NotFoundError
from stridewell.web.ids import Id
from stridewell.web.state import web_state

ATHLETE_COOKIE = "stridewell_athlete"
_ATHLETE_PURPOSE = "athlete"
_ATHLETE_COOKIE_AGE_S = 365 * 24 * 3600
SESSION_COOKIE = "stridewell_session"
_SESSION_PURPOSE = "session"
# A session lasts two weeks from sign-in (OWASP Session Management: an absolute timeout).
SESSION_AGE_S = 14 * 24 * 3600


@dataclass(frozen=True)
class Viewer:
    """The person making the request."""

    user: User | None = None  # None: local mode, no accounts
    athlete_ids: frozenset[int] | None = None  # the athletes they may see; None: all of them

    @property
    def user_id(self) -> int | None:
        return None if self.user is None else self.user.id

    def may_see(self, athlete_id: int) -> bool:
        return self.athlete_ids is None or athlete_id in self.athlete_ids

    def may_add_athlete(self) -> bool:
        return self.user is None or may_add_athlete(self.user)


LOCAL_VIEWER = Viewer()


class OnboardingNeeded(Exception):
    """No athlete yet: the page sends the user to the welcome page."""


class AthleteChoiceNeeded(Exception):
    """Several athletes and none chosen: the page sends the user to the chooser."""


class LoginNeeded(Exception):
    """Accounts are on and this request has no valid session."""


class TooManyAttempts(Exception):
    """The login rate limit holds this address or client back for `wait_s` more seconds."""

    def __init__(self, wait_s: float) -> None:
        super().__init__(f"too many failed sign-ins; wait {wait_s:.0f} s")
        self.wait_s = wait_s


class NotAllowed(Exception):
    """The signed-in user may not do this (e.g. an athlete account adding a second athlete)."""


def current_viewer(request: Request) -> Viewer:
    """Local mode: everyone here sees everything. With accounts: the signed-in user, or
    `LoginNeeded`. Every router depends on this, so no page or API call skips it."""
    cached = getattr(request.state, "viewer", None)
    if isinstance(cached, Viewer):
        return cached
    state = web_state(request)
    with state.database.session() as session:
        if not accounts_enabled(session):
            viewer = LOCAL_VIEWER
        else:
            user = _session_user(request, session)
            if user is None:
                raise LoginNeeded()
            viewer = Viewer(user, visible_athletes(session, user))
    request.state.viewer = viewer
    return viewer


ViewerDep = Annotated[Viewer, Depends(current_viewer)]


def admin_viewer(viewer: ViewerDep) -> Viewer:
    """The signed-in admin; anyone else (and a personal install, which has no accounts to
    manage) gets `NotAllowed`: the 403 page, or 403 `forbidden` from the API."""
    if not may_manage_accounts(viewer.user):
        raise NotAllowed("only an admin manages accounts")
    return viewer


AdminViewer = Annotated[Viewer, Depends(admin_viewer)]


def start_session(request: Request, response: Response, user: User) -> None:
    """Sign `user` in on this browser."""
    assert user.id is not None
    with web_state(request).database.session() as session:
        stamp = session_stamp(session, user.id)
    value = f"{user.id}:{int(time.time())}:{stamp}"
    response.set_cookie(
        SESSION_COOKIE,
        web_state(request).signer.sign(_SESSION_PURPOSE, value),
        max_age=SESSION_AGE_S,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


def check_sign_in(request: Request, email: str, password: str) -> User | None:
    """The user these credentials belong to (None: wrong), counted by the login rate limit;
    `TooManyAttempts` while it holds the address or this client back. Pages and API share it."""
    state = web_state(request)
    try:
        key = normalise_email(email)
    except ValidationError:
        key = email.strip().lower()
    client = request.client.host if request.client else "unknown"
    wait_s = state.login_throttle.wait_s(key, client)
    if wait_s > 0:
        raise TooManyAttempts(wait_s)
    with state.database.session() as session:
        user = authenticate(session, email, password)
    if user is None:
        state.login_throttle.failed(key, client)
    else:
        state.login_throttle.succeeded(key)
    return user


def end_session(response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE)
    response.delete_cookie(ATHLETE_COOKIE)


def _session_user(request: Request, session: Session) -> User | None:
    value = web_state(request).signer.unsign(_SESSION_PURPOSE, request.cookies.get(SESSION_COOKIE))
    if value is None:
        return None
    user_text, issued_text, stamp = (value.split(":") + ["", "", ""])[:3]
    if not user_text.isdigit() or not issued_text.isdigit():
        return None
    if time.time() - int(issued_text) > SESSION_AGE_S:
        return None
    user_id = int(user_text)
    if session_stamp(session, user_id) != stamp:
        return None  # the user is gone or has a new password since
    try:
        return get_user(session, user_id)
    except NotFoundError:
        return None


def claim_for_viewer(session: Session, viewer: Viewer, athlete: Athlete) -> None:
    """Give the athlete just created to whoever created them (a coach, an athlete account)."""
    if viewer.user is not None and athlete.id is not None:
        claim_new_athlete(session, viewer.user, athlete.id)


def require_may_add_athlete(viewer: Viewer) -> None:
    if not viewer.may_add_athlete():
        raise NotAllowed("an athlete account has one profile; a coach or an admin adds others")


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
        if viewer.athlete_ids is not None:
            return _only_visible(session, viewer.athlete_ids)
        try:
            athlete = resolve_athlete(session, None)
        except NoAthleteError:
            raise OnboardingNeeded() from None
        except AmbiguousAthleteError:
            raise AthleteChoiceNeeded() from None
    if athlete.id is None or not viewer.may_see(athlete.id):
        raise AthleteChoiceNeeded()
    return athlete


def _only_visible(session: Session, athlete_ids: frozenset[int]) -> Athlete:
    """A signed-in user's athlete when they see exactly one; else onboarding or the chooser."""
    if not athlete_ids:
        raise OnboardingNeeded()
    if len(athlete_ids) > 1:
        raise AthleteChoiceNeeded()
    (only,) = athlete_ids
    try:
        return get_athlete(session, only)
    except NotFoundError:
        raise OnboardingNeeded() from None


CurrentAthlete = Annotated[Athlete, Depends(current_athlete)]


def authorised_athlete(athlete_id: Id, request: Request, viewer: ViewerDep) -> Athlete:
    """The athlete named in an API path, if the viewer may see them (else: not found)."""
    if not viewer.may_see(athlete_id):
        # Not "forbidden": an outsider should not learn which ids exist.
        raise NotFoundError(f"no athlete with id {athlete_id}")
    with web_state(request).database.session() as session:
        return get_athlete(session, athlete_id)


AuthorisedAthlete = Annotated[Athlete, Depends(authorised_athlete)]
