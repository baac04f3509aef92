"""/api/v1/users: accounts, their roles, own athletes and coach links — for admins only, the
same service calls as the Users page and `stridewell user`. Password hashes never leave the
server."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi import APIRouter, Request, Response

from stridewell.domain.accounts import LastAdminError
from stridewell.services.accounts import (
    AccountExistsError,
    account_to_dict,
    add_user,
    get_account,
    get_user,
    link_coach,
    list_accounts,
    remove_user,
    set_own_athlete,
    set_password,
    set_role,
    unlink_coach,
)
from stridewell.web.access import AdminViewer, end_session, start_session
from stridewell.web.api.errors import ERROR_RESPONSES, ApiError, ErrorResponse
from stridewell.web.api.pagination import Page
from stridewell.web.api.schemas import UserChanges, UserIn
from stridewell.web.ids import Id
from stridewell.web.state import web_state

router = APIRouter(
    tags=["users"],
    responses={
        **ERROR_RESPONSES,
        403: {"model": ErrorResponse, "description": "The signed-in user is not an admin"},
        409: {
            "model": ErrorResponse,
            "description": "The address has an account already, or the change would leave "
            "the accounts without an admin",
        },
    },
)


@router.get("/users", summary="List the accounts with their coach links")
def get_users(request: Request, viewer: AdminViewer, page: Page) -> dict[str, Any]:
    with web_state(request).database.session() as session:
        accounts = list_accounts(session)
    items = [account_to_dict(account) for account in page.slice(accounts)]
    return page.envelope("users", items, len(accounts))


@router.post("/users", status_code=201, summary="Add an account")
def post_user(
    request: Request, viewer: AdminViewer, body: UserIn, response: Response
) -> dict[str, Any]:
    with _conflicts(), web_state(request).database.session() as session:
        user = add_user(session, body.email, body.password, body.role, body.athlete_id)
        assert user.id is not None
        account = get_account(session, user.id)
    response.headers["location"] = f"{request.scope.get('root_path', '')}/users/{user.id}"
    return {"user": account_to_dict(account)}


@router.get("/users/{user_id}", summary="One account with its coach links")
def get_one_user(request: Request, viewer: AdminViewer, user_id: Id) -> dict[str, Any]:
    with web_state(request).database.session() as session:
        account = get_account(session, user_id)
    return {"user": account_to_dict(account)}


@router.patch(
    "/users/{user_id}",
    summary="Change an account's role, own athlete or password",
    description="Send only what changes; `athlete_id: null` clears the own athlete. A new "
    "password ends the account's sessions. Nothing changes when one field is refused.",
)
def patch_user(
    request: Request, viewer: AdminViewer, user_id: Id, body: UserChanges, response: Response
) -> dict[str, Any]:
    changes = body.model_dump(exclude_unset=True)
    if not changes:
        raise ApiError(422, "nothing to change: send at least one field")
    with _conflicts(), web_state(request).database.session() as session:
        email = get_user(session, user_id).email
        if "role" in changes:
            set_role(session, email, changes["role"] or "")
        if "athlete_id" in changes:
            set_own_athlete(session, email, changes["athlete_id"])
        if "password" in changes:
            set_password(session, email, changes["password"] or "")
        account = get_account(session, user_id)
    if "password" in changes and user_id == viewer.user_id:
        start_session(request, response, account.user)  # the old cookie no longer matches
    return {"user": account_to_dict(account)}


@router.delete(
    "/users/{user_id}",
    status_code=204,
    summary="Remove an account (its athletes stay)",
    description="The last admin cannot be removed while other accounts remain, nor the last "
    "account of all (that would turn sign-in off; `stridewell user remove` can).",
)
def delete_user(request: Request, viewer: AdminViewer, user_id: Id) -> Response:
    with _conflicts(), web_state(request).database.session() as session:
        email = get_user(session, user_id).email
        remove_user(session, email, last_account_may_go=False)
    response = Response(status_code=204)
    if user_id == viewer.user_id:
        end_session(response)
    return response


@router.put(
    "/users/{user_id}/athletes/{athlete_id}",
    summary="Let a coach see and plan for an athlete",
)
def put_coach_link(
    request: Request, viewer: AdminViewer, user_id: Id, athlete_id: Id
) -> dict[str, Any]:
    with web_state(request).database.session() as session:
        link_coach(session, get_user(session, user_id).email, athlete_id)
        account = get_account(session, user_id)
    return {"user": account_to_dict(account)}


@router.delete(
    "/users/{user_id}/athletes/{athlete_id}",
    status_code=204,
    summary="Stop a coach from seeing an athlete",
)
def delete_coach_link(
    request: Request, viewer: AdminViewer, user_id: Id, athlete_id: Id
) -> Response:
    with web_state(request).database.session() as session:
        email = get_user(session, user_id).email
        removed = unlink_coach(session, email, athlete_id)
    if not removed:
        raise ApiError(404, f"{email} does not coach athlete {athlete_id}")
    return Response(status_code=204)


@contextmanager
def _conflicts() -> Iterator[None]:
    """Refusals the data makes (not the input's form) are 409, still naming the field."""
    try:
        yield
    except LastAdminError as error:
        raise ApiError(409, str(error), field=error.field) from None
    except AccountExistsError as error:
        raise ApiError(409, str(error), field="email") from None
