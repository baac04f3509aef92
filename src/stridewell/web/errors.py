"""What a page shows when something goes wrong: the next step, or an error page in words.

An exception no handler expects is logged with its traceback and answered with a 500 page
(`UnexpectedErrorMiddleware`; the API has its own answer in its error shape). The unit of
work it interrupted has been rolled back by then (`store.db.unit_of_work`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import PlainTextResponse, Response
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from stridewell.services.database import DatabaseError
from stridewell.services.errors import NotFoundError
from stridewell.web.access import AthleteChoiceNeeded, LoginNeeded, NotAllowed, OnboardingNeeded
from stridewell.web.rendering import CsrfError, render, see_other

logger = logging.getLogger(__name__)

SERVER_ERROR_MESSAGE = "something went wrong on our side; nothing was saved"


class UnexpectedErrorMiddleware:
    """Answers an exception that no exception handler took with `respond(request)`, after
    logging it once with its traceback.

    Starlette's own last resort answers plain text and raises the exception again (so the
    server logs it a second time); this one sits inside the app's other middleware, so its
    answer still gets the security headers. An exception after the answer has started cannot
    be answered: it goes on to the server.
    """

    def __init__(self, app: ASGIApp, respond: Callable[[Request], Response]) -> None:
        self.app = app
        self.respond = respond

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def noting_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, noting_send)
        except Exception:
            if started:
                raise
            logger.exception("unexpected error answering %s %s", scope["method"], scope["path"])
            await self.respond(Request(scope))(scope, receive, send)


def install_page_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(LoginNeeded, _login)
    app.add_exception_handler(NotAllowed, _not_allowed)
    app.add_exception_handler(OnboardingNeeded, _onboarding)
    app.add_exception_handler(AthleteChoiceNeeded, _choose_athlete)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(CsrfError, _csrf)
    app.add_exception_handler(DatabaseError, _database)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_middleware(UnexpectedErrorMiddleware, respond=server_error_page)


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


async def _invalid_request(request: Request, error: Exception) -> Response:
    """A page address with a part that cannot be (an id of letters, or one beyond any the
    database holds) leads nowhere; other parts are a request the page cannot read."""
    assert isinstance(error, RequestValidationError)
    problems = list(error.errors())
    first = problems[0] if problems else {}
    if tuple(first.get("loc", ()))[:1] == ("path",):
        return error_page(request, 404, "Not found", "there is no page at this address")
    return error_page(request, 422, "Error", "the request is not valid")


def server_error_page(request: Request) -> Response:
    """The styled 500 page; plain text if even that cannot be rendered."""
    try:
        return error_page(
            request,
            500,
            "Something went wrong",
            SERVER_ERROR_MESSAGE,
            hint="Try again. If it keeps happening, tell whoever runs this server: "
            "the details are in its log.",
        )
    except Exception:
        logger.exception("the error page could not be rendered either")
        return PlainTextResponse(f"{SERVER_ERROR_MESSAGE.capitalize()}.", status_code=500)


def error_page(
    request: Request, status: int, title: str, message: str, *, hint: str = ""
) -> Response:
    return render(
        request,
        "error.html",
        {"title": title, "message": message, "hint": hint},
        status_code=status,
    )
