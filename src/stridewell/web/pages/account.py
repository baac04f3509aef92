"""Sign in, sign out and change one's password (only when the database has accounts)."""

from __future__ import annotations

import math

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from stridewell.domain.athletes import ValidationError
from stridewell.services.accounts import accounts_enabled, change_password
from stridewell.web.access import (
    TooManyAttempts,
    ViewerDep,
    check_sign_in,
    end_session,
    start_session,
)
from stridewell.web.forms import GENERAL, FormState
from stridewell.web.rendering import CheckedForm, render, see_other
from stridewell.web.state import web_state

# Not behind the login requirement: these pages are how one gets past it.
router = APIRouter(include_in_schema=False)
# Behind it: only a signed-in user has a password to change.
account_router = APIRouter(include_in_schema=False)

PASSWORD_FIELDS = ("current_password", "password", "password_again")


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> Response:
    with web_state(request).database.session() as session:
        if not accounts_enabled(session):
            return see_other("/")
    return _login_page(request, FormState.initial({"email": "", "next": safe_next(next)}))


@router.post("/login")
def login(request: Request, form: CheckedForm) -> Response:
    entered = FormState.from_form(form)
    entered.values["next"] = [safe_next(entered.value("next"))]
    try:
        user = check_sign_in(request, entered.value("email"), entered.value("password"))
    except TooManyAttempts as held_back:
        minutes = max(1, math.ceil(held_back.wait_s / 60))
        entered.errors[GENERAL] = (
            f"Too many failed sign-ins. Try again in {minutes} minute{'s' * (minutes != 1)}."
        )
        return _login_page(request, entered, status_code=429)
    if user is None:
        entered.errors["password"] = "The email address or the password is not right."
        return _login_page(request, entered, status_code=401)
    response = see_other(entered.value("next"))
    start_session(request, response, user)
    return response


@router.post("/logout")
def logout(request: Request, form: CheckedForm) -> Response:
    response = see_other("/login")
    end_session(response)
    return response


@account_router.get("/account", response_class=HTMLResponse)
def account_page(request: Request, viewer: ViewerDep) -> Response:
    if viewer.user is None:
        return see_other("/")
    return _account_page(request, viewer, FormState(), saved=request.query_params.get("saved"))


@account_router.post("/account/password")
def new_password(request: Request, viewer: ViewerDep, form: CheckedForm) -> Response:
    if viewer.user is None or viewer.user.id is None:
        return see_other("/")
    entered = FormState.from_form(form)
    if entered.value("password") != entered.value("password_again"):
        entered.errors["password_again"] = "The two new passwords are not the same."
        return _account_page(request, viewer, entered, status_code=422)
    try:
        with web_state(request).database.session() as session:
            current, new = entered.value("current_password"), entered.value("password")
            change_password(session, viewer.user.id, current, new)
    except ValidationError as error:
        entered.reject(error, PASSWORD_FIELDS, {})
        return _account_page(request, viewer, entered, status_code=422)
    response = see_other("/account?saved=1")
    start_session(request, response, viewer.user)  # the old cookie no longer matches
    return response


def safe_next(target: str) -> str:
    """Where to go after signing in: a path on this site only (no open redirect)."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _login_page(request: Request, form: FormState, *, status_code: int = 200) -> Response:
    form.values.pop("password", None)  # never sent back to the browser
    return render(request, "login.html", {"form": form}, status_code=status_code)


def _account_page(
    request: Request,
    viewer: ViewerDep,
    form: FormState,
    *,
    status_code: int = 200,
    saved: str | None = None,
) -> Response:
    for name in PASSWORD_FIELDS:
        form.values.pop(name, None)
    return render(
        request,
        "account.html",
        {"form": form, "user": viewer.user, "saved": bool(saved)},
        status_code=status_code,
    )
