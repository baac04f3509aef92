"""One error shape for every error of the API: `{"error": {"code", "message", "field"}}`.

Validation (domain or request) → 422 with the field, malformed JSON → 400, unknown athlete,
race, plan or exercise → 404, a request the data forbids → 409, and anything unexpected →
500 `server_error` (logged with its traceback; its unit of work rolled back).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from stridewell.domain.athletes import ValidationError
from stridewell.services.database import DatabaseError
from stridewell.services.errors import NotFoundError, ServiceError
from stridewell.web.access import LoginNeeded, NotAllowed
from stridewell.web.errors import SERVER_ERROR_MESSAGE, UnexpectedErrorMiddleware

_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
}


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorResponse(BaseModel):
    """What every error answer of the API looks like."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "Not found"},
    422: {"model": ErrorResponse, "description": "Invalid input; `field` names the culprit"},
    500: {"model": ErrorResponse, "description": "A fault on the server; nothing was saved"},
}


class ApiError(Exception):
    """An API answer other than success, raised where the handler knows it."""

    def __init__(self, status: int, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.field = field


def error_response(status: int, message: str, field: str | None = None) -> JSONResponse:
    code = _CODES.get(status, "error" if status < 500 else "server_error")
    body = {"error": {"code": code, "message": message, "field": field}}
    return JSONResponse(body, status_code=status)


def install_error_handlers(api: FastAPI) -> None:
    api.add_exception_handler(ApiError, _api_error)
    api.add_exception_handler(LoginNeeded, _login_needed)
    api.add_exception_handler(NotAllowed, _not_allowed)
    api.add_exception_handler(ValidationError, _validation_error)
    api.add_exception_handler(NotFoundError, _not_found)
    api.add_exception_handler(DatabaseError, _database_error)
    api.add_exception_handler(ServiceError, _service_error)
    api.add_exception_handler(RequestValidationError, _request_validation_error)
    api.add_exception_handler(HTTPException, _http_exception)
    api.add_middleware(UnexpectedErrorMiddleware, respond=server_error_response)


def server_error_response(request: Request) -> JSONResponse:
    """The answer to an exception no handler expected (`UnexpectedErrorMiddleware`)."""
    return error_response(500, SERVER_ERROR_MESSAGE)


async def _api_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ApiError)
    return error_response(error.status, str(error), error.field)


async def _login_needed(request: Request, error: Exception) -> JSONResponse:
    return error_response(401, "sign in first (POST /api/v1/session)")


async def _not_allowed(request: Request, error: Exception) -> JSONResponse:
    return error_response(403, str(error))


async def _validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ValidationError)
    return error_response(422, str(error), error.field)


async def _not_found(request: Request, error: Exception) -> JSONResponse:
    return error_response(404, str(error))


async def _database_error(request: Request, error: Exception) -> JSONResponse:
    return error_response(503, str(error))


async def _service_error(request: Request, error: Exception) -> JSONResponse:
    return error_response(409, str(error))


async def _request_validation_error(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, RequestValidationError)
    problems = list(error.errors())
    if not problems:
        return error_response(422, "the request is not valid")
    first = problems[0]
    if first.get("type") == "json_invalid":
        return error_response(400, "the request body is not valid JSON")
    if tuple(first.get("loc", ())) == ("body",) and not _is_json(request):
        # Only JSON is read: a form another site posts cannot write through the API.
        return error_response(415, "send the body as JSON (Content-Type: application/json)")
    field = _field_name(first.get("loc", ()))
    message = str(first.get("msg", "is not valid"))
    return error_response(422, f"{field}: {message}" if field else message, field)


async def _http_exception(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, HTTPException)
    message = error.detail if isinstance(error.detail, str) else "request failed"
    # Our messages start lower case; units such as MiB stay as written.
    message = message.rstrip(".")
    response = error_response(error.status_code, message[:1].lower() + message[1:])
    if error.headers:
        response.headers.update(error.headers)
    return response


def _is_json(request: Request) -> bool:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def _field_name(location: Any) -> str | None:
    """`("body", "birth_year")` → `birth_year`; `("query", "limit")` → `limit`."""
    parts = [str(part) for part in location if part not in ("body", "query", "path", "header")]
    return ".".join(parts) or None
