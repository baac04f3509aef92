"""Pages as HTML responses, and the CSRF check every HTML form goes through."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.datastructures import FormData

from stridewell.domain.athletes import Athlete
from stridewell.web.signing import new_nonce
from stridewell.web.state import web_state

CSRF_COOKIE = "stridewell_csrf"
CSRF_FIELD = "csrf_token"
_NONCE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# The nonce outlives the browser session: a phone that restores a tab after a restart still
# holds that page's token, so an hour of sets logged at the gym is not refused as "expired".
# Safe to keep: a token only proves the form came from this site to this browser, and writes
# from other sites are refused anyway (middleware.SameOriginWritesMiddleware).
CSRF_COOKIE_AGE_S = 365 * 24 * 3600


class CsrfError(Exception):
    """A form arrived without the token of this browser's CSRF cookie."""


def render(
    request: Request,
    template: str,
    context: dict[str, Any],
    *,
    athlete: Athlete | None = None,
    status_code: int = 200,
) -> HTMLResponse:
    """Render a page with what every page needs; gives the browser a CSRF nonce if it has none."""
    state = web_state(request)
    nonce = request.cookies.get(CSRF_COOKIE)
    fresh = nonce is None or not _NONCE_PATTERN.match(nonce)
    if fresh or nonce is None:
        nonce = new_nonce()
    page = state.templates.get_template(template).render(
        {
            "request_path": request.url.path,
            "csrf_field": CSRF_FIELD,
            "csrf_token": state.signer.csrf_token(nonce),
            "today": state.today(),
            "athlete": athlete,
            "signed_in": _signed_in_user(request),
            **context,
        }
    )
    response = HTMLResponse(page, status_code=status_code)
    # Pages hold personal data and per-browser tokens: never cache them.
    response.headers["cache-control"] = "no-store"
    if fresh:
        response.set_cookie(
            CSRF_COOKIE,
            nonce,
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
            path="/",
            max_age=CSRF_COOKIE_AGE_S,
        )
    return response


def _signed_in_user(request: Request) -> Any:
    """The account behind this request, if accounts are on (set by `access.current_viewer`)."""
    viewer = getattr(request.state, "viewer", None)
    return getattr(viewer, "user", None)


def see_other(path: str) -> RedirectResponse:
    """The redirect after a successful form post (so a reload does not post it again)."""
    return RedirectResponse(path, status_code=303)


async def checked_form(request: Request) -> FormData:
    """The posted form, once its CSRF token matches this browser's cookie."""
    form = await request.form()
    token = form.get(CSRF_FIELD)
    nonce = request.cookies.get(CSRF_COOKIE)
    if not isinstance(token, str) or not web_state(request).signer.csrf_valid(nonce, token):
        raise CsrfError()
    return form


CheckedForm = Annotated[FormData, Depends(checked_form)]
