from __future__ import annotations

import pytest

from stridewell.domain.accounts import (
    LastAdminError,
    Role,
    User,
    check_an_admin_remains,
    check_password,
    may_add_athlete,
    may_manage_accounts,
    normalise_email,
    parse_role,
    visible_athlete_ids,
)
from stridewell.domain.athletes import ValidationError


def test_email_addresses_are_trimmed_and_lower_cased() -> None:
    assert normalise_email("  Maren@Club.Example ") == "maren@club.example"


@pytest.mark.parametrize("text", ["", "maren", "maren@club", "a b@club.example", "@club.example"])
def test_malformed_email_addresses_are_refused_naming_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as raised:
        normalise_email(text)
    assert raised.value.field == "email"


@pytest.mark.parametrize(
    ("password", "fault"),
    [
        ("short1", "at least 10"),
        ("x" * 257, "at most 256"),
        ("maren@club.example", "email"),
        ("MarenMaren", None),  # fine: not the address
        ("aaaaaaaaaaaa", "repeat"),
    ],
)
def test_passwords_must_be_long_and_not_the_address(password: str, fault: str | None) -> None:
    if fault is None:
        check_password(password, "maren@club.example")
        return
    with pytest.raises(ValidationError, match=fault) as raised:
        check_password(password, "maren@club.example")
    assert raised.value.field == "password"


def test_the_local_part_of_the_address_is_no_password() -> None:
    with pytest.raises(ValidationError):
        check_password("maren.berg", "Maren.Berg@club.example")


def test_roles_parse_case_insensitively_and_name_the_choices() -> None:
    assert parse_role(" Coach ") is Role.COACH
    with pytest.raises(ValidationError, match="athlete, coach, admin"):
        parse_role("owner")


def test_who_sees_whom() -> None:
    coached = frozenset({4, 5})
    assert visible_athlete_ids(User(1, "a@x.example", Role.ADMIN), coached) is None
    assert visible_athlete_ids(User(2, "c@x.example", Role.COACH, 9), coached) == {4, 5, 9}
    assert visible_athlete_ids(User(3, "r@x.example", Role.ATHLETE, 7), coached) == {7}
    assert visible_athlete_ids(User(3, "r@x.example", Role.ATHLETE), coached) == frozenset()


def test_an_athlete_account_adds_its_one_profile_only() -> None:
    assert may_add_athlete(User(3, "r@x.example", Role.ATHLETE))
    assert not may_add_athlete(User(3, "r@x.example", Role.ATHLETE, 7))
    assert may_add_athlete(User(2, "c@x.example", Role.COACH, 9))


def test_only_an_admin_manages_accounts() -> None:
    assert may_manage_accounts(User(1, "a@x.example", Role.ADMIN))
    assert not may_manage_accounts(User(2, "c@x.example", Role.COACH))
    assert not may_manage_accounts(None)  # a personal install has no accounts to manage


ADMIN = User(1, "a@x.example", Role.ADMIN)
COACH = User(2, "c@x.example", Role.COACH)
OTHER_ADMIN = User(3, "b@x.example", Role.ADMIN)


@pytest.mark.parametrize(
    ("accounts", "target", "new_role", "allowed"),
    [
        ([ADMIN, COACH], ADMIN, Role.COACH, False),  # demoting the only admin
        ([ADMIN, COACH], ADMIN, None, False),  # removing the only admin, a coach remains
        ([ADMIN], ADMIN, Role.ATHLETE, False),  # the account would stay, without an admin
        ([ADMIN], ADMIN, None, True),  # the last account: a personal install again
        ([ADMIN, COACH], ADMIN, Role.ADMIN, True),  # no change
        ([ADMIN, OTHER_ADMIN, COACH], ADMIN, None, True),
        ([ADMIN, OTHER_ADMIN], ADMIN, Role.COACH, True),
        ([ADMIN, COACH], COACH, None, True),
        ([COACH, User(4, "r@x.example", Role.ATHLETE)], COACH, None, True),  # none to keep
    ],
)
def test_the_last_admin_stays_while_accounts_remain(
    accounts: list[User], target: User, new_role: Role | None, allowed: bool
) -> None:
    if allowed:
        check_an_admin_remains(accounts, target, new_role)
        return
    with pytest.raises(LastAdminError, match="only admin") as raised:
        check_an_admin_remains(accounts, target, new_role)
    assert raised.value.field == "role"


def test_the_web_app_keeps_the_last_account() -> None:
    with pytest.raises(LastAdminError, match="open the app to anyone"):
        check_an_admin_remains([ADMIN], ADMIN, None, last_account_may_go=False)
    check_an_admin_remains([COACH], COACH, None, last_account_may_go=False)  # not an admin
