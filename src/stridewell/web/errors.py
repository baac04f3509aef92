"""What a page shows when something goes wrong: the next step, or an error page in words."""

from __future__ import annotations

from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from stridewell.services.database import DatabaseError
from stridewell.services.errors import NotFoundError
from stridewell.web.access import AthleteChoiceNeeded, LoginNeeded, NotAllowed, OnboardingNeeded
from stridewell.web.rendering import CsrfError, render, see_other


def install_page_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(LoginNeeded, _login)
    app.add_exception_handler(NotAllowed, _not_allowed)
    app.add_exception_handler(OnboardingNeeded, _onboarding)
    app.add_exception_handler(AthleteChoiceNeeded, _choose_athlete)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(CsrfError, _csrf)
    app.add_exception_handler(DatabaseError, _database)
    app.add_exception_handler(HTTPException, _http)


async def _login(request: Request, error: Exception) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if request.method != "GET":
        target = "/"  # a form posted after the session ended: start again from the dashboard
    return see_other(f"/login?next={quote(target, safe='/')}")


async def _not_allowed(request: Request, error: Exception) -> Response:
    return error_page(request, 403, "Not allowed", str(error))


async def _onboarding(request: Request, error: Exception) -> Response:
    return see_other("/welcome")


async def _choose_athlete(request: Request, error: Exception) -> Response:
    return see_other("/athletes")


async def _not_found(request: Request, error: Exception) -> Response:
    return error_page(request, 404, "Not found", str(error))


async def _csrf(request: Request, error: Exception) -> Response:
    return error_page(
        request,
        403,
        "The form has expired",
        "Nothing was saved. Go back, reload the page and send the form again.",
    )


async def _database(request: Request, error: Exception) -> Response:
    return error_page(request, 503, "The database cannot be used", str(error))


async def _http(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    titles = {404: "Not found", 405: "Not allowed", 413: "Too large"}
    detail = error.detail if isinstance(error.detail, str) else ""
    return error_page(request, error.status_code, titles.get(error.status_code, "Error"), detail)


def error_page(request: Request, status: int, title: str, message: str) -> Response:
    return render(request, "error.html", {"title": title, "message": message}, status_code=status)
