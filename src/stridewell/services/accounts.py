"""Accounts: add users, check passwords, link coaches to athletes, and who may see whom.

Passwords are hashed with Argon2id (RFC 9106, the "low memory" profile argon2-cffi uses by
default: 3 passes over 64 MiB). A database with no accounts is a personal, local-first
install and needs no login; the first account turns logins on for the web app.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from stridewell.domain.accounts import (
    Role,
    User,
    check_an_admin_remains,
    check_password,
    normalise_email,
    parse_role,
    visible_athlete_ids,
)
from stridewell.domain.athletes import ValidationError
from stridewell.services.errors import NotFoundError, ServiceError
from stridewell.store.models import CoachAthleteRow, UserRow
from stridewell.store.repositories.athletes import AthleteRepository
from stridewell.store.repositories.users import UserRepository

# Module-level so tests can swap in argon2's cheapest parameters; production keeps the default.
HASHER = PasswordHasher()
_STAMP_CHARS = 16


class AccountExistsError(ServiceError):
    """An account with this email address exists already."""


@dataclass(frozen=True)
class Account:
    """A user as an admin sees them: the account and the athletes linked to it as a coach."""

    user: User
    coached_athlete_ids: frozenset[int]


def accounts_enabled(session: Session) -> bool:
    return UserRepository(session).any()


def add_user(
    session: Session,
    email: str,
    password: str,
    role: str | Role,
    athlete_id: int | None = None,
) -> User:
    """A new account; the email must be new and the password strong enough."""
    address = normalise_email(email)
    chosen_role = role if isinstance(role, Role) else parse_role(role)
    check_password(password, address)
    users = UserRepository(session)
    if users.by_email(address) is not None:
        raise AccountExistsError(f"an account for {address} exists already")
    if athlete_id is not None:
        _require_own_athlete(session, athlete_id)
    return users.add(User(None, address, chosen_role, athlete_id), HASHER.hash(password))


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The user whose email and password these are, else None (never says which was wrong)."""
    try:
        address = normalise_email(email)
    except ValidationError:
        address = ""
    users = UserRepository(session)
    found = users.by_email(address) if address else None
    if found is None:
        _spend_a_verification(password)  # an unknown address takes as long as a wrong password
        return None
    user, stored_hash = found
    try:
        HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if HASHER.check_needs_rehash(stored_hash):
        assert user.id is not None
        users.set_password_hash(user.id, HASHER.hash(password))
    return user


def change_password(session: Session, user_id: int, current: str, new: str) -> None:
    """Replace the password of `user_id` after checking the current one."""
    user = get_user(session, user_id)
    if authenticate(session, user.email, current) is None:
        raise ValidationError("the current password is not right", "current_password")
    set_password(session, user.email, new)


def set_password(session: Session, email: str, new: str) -> User:
    """Replace a user's password (an administrator resetting it). Other sessions end."""
    user = get_user_by_email(session, email)
    check_password(new, user.email)
    assert user.id is not None
    UserRepository(session).set_password_hash(user.id, HASHER.hash(new))
    return user


def get_user(session: Session, user_id: int) -> User:
    user = UserRepository(session).get(user_id)
    if user is None:
        raise NotFoundError(f"no user with id {user_id}")
    return user


def get_user_by_email(session: Session, email: str) -> User:
    address = normalise_email(email)
    found = UserRepository(session).by_email(address)
    if found is None:
        raise NotFoundError(f"no account for {address}")
    return found[0]


def list_users(session: Session) -> list[User]:
    return UserRepository(session).all()


def list_accounts(session: Session) -> list[Account]:
    """Every account with the athletes linked to it, in the order they were added."""
    links: dict[int, set[int]] = {}
    for coach_id, athlete_id in session.execute(
        select(CoachAthleteRow.coach_id, CoachAthleteRow.athlete_id)
    ):
        links.setdefault(coach_id, set()).add(athlete_id)
    return [Account(user, frozenset(links.get(user.id or 0, ()))) for user in list_users(session)]


def get_account(session: Session, user_id: int) -> Account:
    user = get_user(session, user_id)
    return Account(user, UserRepository(session).coached_athlete_ids(user_id))


def remove_user(session: Session, email: str, *, last_account_may_go: bool = True) -> User:
    """Remove an account; never the last admin while other accounts remain. Removing the last
    account of all turns sign-in off, unless `last_account_may_go` is False."""
    user = get_user_by_email(session, email)
    _check_an_admin_remains(session, user, None, last_account_may_go=last_account_may_go)
    assert user.id is not None
    UserRepository(session).delete(user.id)
    return user


def set_role(session: Session, email: str, role: str) -> User:
    """Change what an account may do; the last admin stays an admin."""
    user = get_user_by_email(session, email)
    new_role = parse_role(role)
    _check_an_admin_remains(session, user, new_role)
    assert user.id is not None
    return UserRepository(session).set_role(user.id, new_role)


def set_own_athlete(session: Session, email: str, athlete_id: int | None) -> User:
    """Make `athlete_id` the user's own profile (None: they have none)."""
    user = get_user_by_email(session, email)
    if athlete_id is not None:
        _require_own_athlete(session, athlete_id)
    assert user.id is not None
    return UserRepository(session).set_athlete(user.id, athlete_id)


def link_coach(session: Session, coach_email: str, athlete_id: int) -> bool:
    """Let a coach see and plan for an athlete; False when the link existed already."""
    coach = get_user_by_email(session, coach_email)
    if coach.role is not Role.COACH:
        raise ValidationError(f"{coach.email} is not a coach (role {coach.role.value})", "role")
    _require_athlete(session, athlete_id)
    assert coach.id is not None
    return UserRepository(session).link(coach.id, athlete_id)


def unlink_coach(session: Session, coach_email: str, athlete_id: int) -> bool:
    coach = get_user_by_email(session, coach_email)
    assert coach.id is not None
    return UserRepository(session).unlink(coach.id, athlete_id)


def visible_athletes(session: Session, user: User) -> frozenset[int] | None:
    """The athlete ids `user` may see now (None: every athlete)."""
    assert user.id is not None
    coached = (
        UserRepository(session).coached_athlete_ids(user.id)
        if user.role is Role.COACH
        else frozenset[int]()
    )
    return visible_athlete_ids(user, coached)


def claim_new_athlete(session: Session, user: User, athlete_id: int) -> None:
    """After `user` created an athlete: a coach coaches them, an athlete account owns them."""
    assert user.id is not None
    users = UserRepository(session)
    if user.role is Role.COACH:
        users.link(user.id, athlete_id)
    elif user.role is Role.ATHLETE and user.athlete_id is None:
        users.set_athlete(user.id, athlete_id)


def session_stamp(session: Session, user_id: int) -> str | None:
    """A short fingerprint of the stored password hash: a session cookie carries it, so
    changing the password ends every other session. None when the user is gone."""
    stored = UserRepository(session).password_hash(user_id)
    if stored is None:
        return None
    return hashlib.sha256(stored.encode()).hexdigest()[:_STAMP_CHARS]


def user_to_dict(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "role": user.role.value,
        "athlete_id": user.athlete_id,
    }


def account_to_dict(account: Account) -> dict[str, Any]:
    """`user_to_dict` and the athletes the account is linked to as a coach (by id)."""
    return {
        **user_to_dict(account.user),
        "coached_athlete_ids": sorted(account.coached_athlete_ids),
    }


def _require_athlete(session: Session, athlete_id: int) -> None:
    if AthleteRepository(session).get(athlete_id) is None:
        raise NotFoundError(f"no athlete with id {athlete_id}")


def _require_own_athlete(session: Session, athlete_id: int) -> None:
    """The athlete given as a user's own is a value they typed: a bad one names its field."""
    if AthleteRepository(session).get(athlete_id) is None:
        raise ValidationError(f"no athlete with id {athlete_id}", "athlete_id")


def _check_an_admin_remains(
    session: Session, user: User, new_role: Role | None, *, last_account_may_go: bool = True
) -> None:
    if user.role is not Role.ADMIN:
        return
    # Lock the admin rows, so two admins demoting each other at once cannot both pass the check
    # and leave nobody in charge (PostgreSQL; SQLite refuses the second overlapping writer).
    session.execute(select(UserRow.id).where(UserRow.role == Role.ADMIN.value).with_for_update())
    check_an_admin_remains(
        list_users(session), user, new_role, last_account_may_go=last_account_may_go
    )


_DUMMY_HASH: list[str] = []


def _spend_a_verification(password: str) -> None:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(HASHER.hash("not a password anyone has"))
    try:
        HASHER.verify(_DUMMY_HASH[0], password)
    except (VerificationError, InvalidHashError):
        pass
