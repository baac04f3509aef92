"""Signing in and out through the API (the same session cookie the pages use)."""

from __future__ import annotations

import math
from typing import Any

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from stridewell.domain.accounts import MAX_EMAIL_CHARS, MAX_PASSWORD_CHARS
from stridewell.services.accounts import change_password, user_to_dict
from stridewell.web.access import (
    TooManyAttempts,
    ViewerDep,
    check_sign_in,
    end_session,
    start_session,
)
from stridewell.web.api.errors import ERROR_RESPONSES, ApiError
from stridewell.web.state import web_state

# Public: this is how an API client gets a session.
router = APIRouter(tags=["session"], responses=ERROR_RESPONSES)
# Behind the login.
me_router = APIRouter(tags=["session"], responses=ERROR_RESPONSES)


class LoginIn(BaseModel):
    email: str = Field(max_length=MAX_EMAIL_CHARS)
    password: str = Field(max_length=MAX_PASSWORD_CHARS)


class PasswordIn(BaseModel):
    current_password: str = Field(max_length=MAX_PASSWORD_CHARS)
    password: str = Field(max_length=MAX_PASSWORD_CHARS, description="The new password.")


@router.post("/session", summary="Sign in; the answer sets the session cookie")
def post_session(request: Request, body: LoginIn, response: Response) -> dict[str, Any]:
    try:
        user = check_sign_in(request, body.email, body.password)
    except TooManyAttempts as held_back:
        message = f"too many failed sign-ins; try again in {math.ceil(held_back.wait_s)} s"
        raise ApiError(429, message) from None
    if user is None:
        raise ApiError(401, "the email address or the password is not right", field="password")
    start_session(request, response, user)
    return {"user": user_to_dict(user)}


@router.delete("/session", status_code=204, summary="Sign out")
def delete_session() -> Response:
    response = Response(status_code=204)
    end_session(response)
    return response


@me_router.get("/me", summary="Who is signed in, and which athletes they may see")
def get_me(viewer: ViewerDep) -> dict[str, Any]:
    return {
        "accounts": viewer.user is not None,
        "user": None if viewer.user is None else user_to_dict(viewer.user),
        "athlete_ids": None if viewer.athlete_ids is None else sorted(viewer.athlete_ids),
    }


@me_router.put(
    "/me/password",
    status_code=204,
    summary="Change your password",
    description="Every other session of the account ends; the answer sets a new cookie for "
    "this one. 422 with the field when the current password is wrong or the new one too weak.",
)
def put_password(request: Request, viewer: ViewerDep, body: PasswordIn) -> Response:
    if viewer.user is None or viewer.user.id is None:
        raise ApiError(409, "this install has no accounts, so there is no password to change")
    with web_state(request).database.session() as session:
        change_password(session, viewer.user.id, body.current_password, body.password)
    response = Response(status_code=204)
    start_session(request, response, viewer.user)  # the old cookie no longer matches
    return response
