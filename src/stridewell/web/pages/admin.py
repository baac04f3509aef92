"""Users (admins only): the accounts of a club or coaching service. Add one; change its role,
password and own athlete; link a coach to athletes; remove it. The same service calls as
`stridewell user` and /api/v1/users, so the rules (and their messages) are the same."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.orm import Session

from stridewell.domain.accounts import Role, User, may_manage_accounts
from stridewell.domain.athletes import ValidationError
from stridewell.services.accounts import (
    AccountExistsError,
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
from stridewell.services.athletes import list_athletes
from stridewell.services.errors import NotFoundError
from stridewell.web.access import AdminViewer, Viewer, start_session
from stridewell.web.choices import Choice
from stridewell.web.forms import FormState
from stridewell.web.ids import Id
from stridewell.web.rendering import CheckedForm, render, see_other
from stridewell.web.state import web_state

router = APIRouter(include_in_schema=False)

ROLE_CHOICES = tuple(Choice(role.value, role.value.capitalize()) for role in Role)
ROLE_HINT = (
    "An athlete sees their own profile; a coach, the athletes linked to them; an admin, "
    "everyone, and manages the accounts."
)
ADD_FIELDS = ("email", "role", "password", "athlete_id")
# One form per change on an account's page, each with field names no other form there uses.
FORM_FIELDS: dict[str, tuple[str, ...]] = {
    "role": ("role",),
    "athlete": ("own_athlete_id",),
    "link": ("coached_athlete_id",),
    "password": ("password",),
    "remove": ("confirm",),
}
# The services' field names, where a form calls the field otherwise. The last-admin rule names
# the role; on the removal form it belongs next to the confirmation.
FORM_ALIASES: dict[str, dict[str, str]] = {
    "athlete": {"athlete_id": "own_athlete_id"},
    "remove": {"role": "confirm"},
}
SAVED = {
    "added": "Account added. Tell them their address and password; they can change the "
    "password under Your account.",
    "role": "Role changed.",
    "athlete": "Own athlete saved.",
    "linked": "Athlete linked: the coach sees them from their next page.",
    "unlinked": "Athlete unlinked.",
    "password": "Password set. Their sessions in other browsers have ended.",
    "removed": "Account removed. The athletes it saw stay.",
}
T = TypeVar("T")


@router.get("/admin/users", response_class=HTMLResponse)
def users_page(request: Request, viewer: AdminViewer) -> Response:
    return _users_page(request, FormState.initial({"role": "athlete"}))


@router.post("/admin/users")
def add(request: Request, viewer: AdminViewer, form: CheckedForm) -> Response:
    entered = FormState.from_form(form)
    try:
        athlete_id = entered.integer("athlete_id", "The own athlete")
        with web_state(request).database.session() as session:
            user = add_user(
                session,
                entered.value("email"),
                entered.value("password"),
                entered.value("role"),
                athlete_id,
            )
    except ValidationError as error:
        entered.reject(error, ADD_FIELDS, {})
        return _users_page(request, entered, status_code=422)
    except AccountExistsError as error:
        entered.errors["email"] = str(error)
        return _users_page(request, entered, status_code=422)
    return see_other(f"/admin/users/{user.id}?saved=added")


@router.get("/admin/users/{user_id}", response_class=HTMLResponse)
def user_page(request: Request, viewer: AdminViewer, user_id: Id) -> Response:
    return _user_page(request, viewer, user_id, {})


@router.post("/admin/users/{user_id}/role")
def change_role(request: Request, viewer: AdminViewer, user_id: Id, form: CheckedForm) -> Response:
    entered = FormState.from_form(form)
    changed = _change(
        request,
        viewer,
        user_id,
        ("role", entered),
        lambda session, user: set_role(session, user.email, entered.value("role")),
    )
    if isinstance(changed, Response):
        return changed
    if user_id == viewer.user_id and not may_manage_accounts(changed):
        return see_other("/")  # no longer an admin: this page is not theirs any more
    return see_other(f"/admin/users/{user_id}?saved=role")


@router.post("/admin/users/{user_id}/athlete")
def change_own_athlete(
    request: Request, viewer: AdminViewer, user_id: Id, form: CheckedForm
) -> Response:
    entered = FormState.from_form(form)

    def save(session: Session, user: User) -> User:
        athlete_id = entered.integer("own_athlete_id", "The athlete")
        return set_own_athlete(session, user.email, athlete_id)

    changed = _change(request, viewer, user_id, ("athlete", entered), save)
    if isinstance(changed, Response):
        return changed
    return see_other(f"/admin/users/{user_id}?saved=athlete")


@router.post("/admin/users/{user_id}/athletes")
def link(request: Request, viewer: AdminViewer, user_id: Id, form: CheckedForm) -> Response:
    entered = FormState.from_form(form)

    def save(session: Session, user: User) -> bool:
        athlete_id = entered.required_integer("coached_athlete_id", "The athlete")
        try:
            return link_coach(session, user.email, athlete_id)
        except NotFoundError as error:  # chosen from the list, but deleted since
            raise ValidationError(str(error), "coached_athlete_id") from None

    changed = _change(request, viewer, user_id, ("link", entered), save)
    if isinstance(changed, Response):
        return changed
    return see_other(f"/admin/users/{user_id}?saved=linked#coaching")


@router.post("/admin/users/{user_id}/athletes/{athlete_id}/unlink")
def unlink(
    request: Request, viewer: AdminViewer, user_id: Id, athlete_id: Id, form: CheckedForm
) -> Response:
    with web_state(request).database.session() as session:
        unlink_coach(session, get_user(session, user_id).email, athlete_id)
    return see_other(f"/admin/users/{user_id}?saved=unlinked#coaching")


@router.post("/admin/users/{user_id}/password")
def new_password(
    request: Request, viewer: AdminViewer, user_id: Id, form: CheckedForm
) -> Response:
    entered = FormState.from_form(form)
    changed = _change(
        request,
        viewer,
        user_id,
        ("password", entered),
        lambda session, user: set_password(session, user.email, entered.value("password")),
    )
    if isinstance(changed, Response):
        return changed
    response = see_other(f"/admin/users/{user_id}?saved=password")
    if user_id == viewer.user_id and viewer.user is not None:
        start_session(request, response, viewer.user)  # their own: keep this browser signed in
    return response


@router.post("/admin/users/{user_id}/remove")
def remove(request: Request, viewer: AdminViewer, user_id: Id, form: CheckedForm) -> Response:
    entered = FormState.from_form(form)

    def save(session: Session, user: User) -> User:
        if not entered.checked("confirm", "yes"):
            raise ValidationError("tick the box to confirm the removal", "confirm")
        return remove_user(session, user.email, last_account_may_go=False)

    changed = _change(request, viewer, user_id, ("remove", entered), save)
    if isinstance(changed, Response):
        return changed
    if user_id == viewer.user_id:
        return see_other("/login")  # their own account is gone, and with it the session
    return see_other("/admin/users?saved=removed")


def _change(
    request: Request,
    viewer: Viewer,
    user_id: int,
    form: tuple[str, FormState],
    change: Callable[[Session, User], T],
) -> T | Response:
    """`change` applied to the account in one transaction, or — refused — nothing saved and the
    page again, with the message next to the field of the form that was sent."""
    name, entered = form
    try:
        with web_state(request).database.session() as session:
            return change(session, get_user(session, user_id))
    except ValidationError as error:
        entered.reject(error, FORM_FIELDS[name], FORM_ALIASES.get(name, {}))
        return _user_page(request, viewer, user_id, {name: entered}, status_code=422)


def _users_page(request: Request, form: FormState, *, status_code: int = 200) -> Response:
    form.values.pop("password", None)  # never sent back to the browser
    with web_state(request).database.session() as session:
        accounts = list_accounts(session)
        athletes = list_athletes(session)
    return render(
        request,
        "admin_users.html",
        {
            "accounts": accounts,
            "athlete_names": {athlete.id: athlete.name for athlete in athletes},
            "athlete_choices": [Choice(str(a.id), a.name) for a in athletes],
            "roles": ROLE_CHOICES,
            "role_hint": ROLE_HINT,
            "form": form,
            "saved": SAVED.get(request.query_params.get("saved", "")),
        },
        status_code=status_code,
    )


def _user_page(
    request: Request,
    viewer: Viewer,
    user_id: int,
    sent: dict[str, FormState],
    *,
    status_code: int = 200,
) -> Response:
    with web_state(request).database.session() as session:
        account = get_account(session, user_id)
        athletes = list_athletes(session)
    user = account.user
    initial = {
        "role": FormState.initial({"role": user.role.value}),
        "athlete": FormState.initial(
            {"own_athlete_id": "" if user.athlete_id is None else str(user.athlete_id)}
        ),
    }
    forms = {name: sent.get(name) or initial.get(name) or FormState() for name in FORM_FIELDS}
    forms["password"].values.pop("password", None)  # never sent back to the browser
    return render(
        request,
        "admin_user.html",
        {
            "account": account,
            "user": user,
            "is_self": user.id == viewer.user_id,
            "athlete_names": {athlete.id: athlete.name for athlete in athletes},
            "athlete_choices": [Choice(str(a.id), a.name) for a in athletes],
            "link_choices": [
                Choice(str(a.id), a.name)
                for a in athletes
                if a.id not in account.coached_athlete_ids
            ],
            "roles": ROLE_CHOICES,
            "role_hint": ROLE_HINT,
            "forms": forms,
            "saved": SAVED.get(request.query_params.get("saved", "")),
        },
        status_code=status_code,
    )
