"""Accounts for a club or coaching service: who a user is, and which athletes they may see.

Pure rules only; hashing passwords and storing users live in `services.accounts`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from stridewell.domain.athletes import ValidationError


class Role(StrEnum):
    """What a user may do (design.md: user.role athlete|coach|admin)."""

    ATHLETE = "athlete"  # their own profile only
    COACH = "coach"  # their own profile and the athletes linked to them
    ADMIN = "admin"  # everyone


# NIST SP 800-63B §5.1.1.2: at least 8 characters for a memorised secret chosen by the user;
# we ask for 10 because these accounts guard health data. Very long inputs are capped so
# hashing one cannot be used to tie up the server.
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 256
MAX_EMAIL_CHARS = 320  # RFC 5321: 64 (local part) + 1 + 255 (domain)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class User:
    id: int | None
    email: str
    role: Role
    athlete_id: int | None = None  # the user's own athlete profile, if they have one


def normalise_email(text: str) -> str:
    """The address as stored: trimmed and lower-cased, or a ValidationError naming the fault."""
    email = text.strip().lower()
    if not email:
        raise ValidationError("an email address is required", "email")
    if len(email) > MAX_EMAIL_CHARS or not _EMAIL.match(email):
        raise ValidationError(f"{text.strip()!r} is not an email address", "email")
    return email


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        choices = ", ".join(role.value for role in Role)
        raise ValidationError(f"role must be one of {choices}, not {text!r}", "role") from None


def check_password(password: str, email: str = "") -> None:
    """Reject passwords too short, too long, or that merely repeat the email address."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValidationError(
            f"the password must have at least {MIN_PASSWORD_CHARS} characters", "password"
        )
    if len(password) > MAX_PASSWORD_CHARS:
        raise ValidationError(
            f"the password must have at most {MAX_PASSWORD_CHARS} characters", "password"
        )
    lowered = password.lower()
    if email and (lowered == email.lower() or lowered == email.split("@")[0].lower()):
        raise ValidationError("the password must not be the email address", "password")
    if len(set(password)) < 3:
        raise ValidationError("the password must not repeat one or two characters", "password")


class LastAdminError(ValidationError):
    """The change would leave the remaining accounts without an admin to manage them."""


def may_manage_accounts(user: User | None) -> bool:
    """Only an admin adds, changes and removes accounts (a personal install has none to manage)."""
    return user is not None and user.role is Role.ADMIN


def check_an_admin_remains(
    accounts: Sequence[User],
    user: User,
    new_role: Role | None,
    *,
    last_account_may_go: bool = True,
) -> None:
    """Refuse to remove (`new_role` None) or demote the last admin while accounts remain: nobody
    could then manage them. Removing the very last account makes a personal install again
    (`last_account_may_go`); the web app refuses that, since every page would then open to
    whoever reaches the server without signing in."""
    if user.role is not Role.ADMIN or new_role is Role.ADMIN:
        return
    if any(other.role is Role.ADMIN and other.id != user.id for other in accounts):
        return
    others = [other for other in accounts if other.id != user.id]
    if new_role is not None:
        raise LastAdminError(
            f"{user.email} is the only admin: make another account admin first", "role"
        )
    if others:
        raise LastAdminError(
            f"{user.email} is the only admin: make another account admin before removing it",
            "role",
        )
    if not last_account_may_go:
        raise LastAdminError(
            f"{user.email} is the last account: removing it would open the app to anyone "
            "without signing in (`stridewell user remove` on the server does that)",
            "role",
        )


def visible_athlete_ids(user: User, coached: frozenset[int]) -> frozenset[int] | None:
    """The athletes `user` may see (None: all of them). `coached`: athletes linked to a coach."""
    own = frozenset() if user.athlete_id is None else frozenset({user.athlete_id})
    if user.role is Role.ADMIN:
        return None
    if user.role is Role.COACH:
        return own | coached
    return own


def may_add_athlete(user: User) -> bool:
    """Admins and coaches add athletes; an athlete account may create its one profile."""
    return user.role is not Role.ATHLETE or user.athlete_id is None
