from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from stridewell.domain.accounts import LastAdminError, Role
from stridewell.domain.athletes import ValidationError
from stridewell.services.accounts import (
    AccountExistsError,
    account_to_dict,
    accounts_enabled,
    add_user,
    authenticate,
    change_password,
    claim_new_athlete,
    get_account,
    link_coach,
    list_accounts,
    list_users,
    remove_user,
    session_stamp,
    set_own_athlete,
    set_password,
    set_role,
    unlink_coach,
    visible_athletes,
)
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.errors import NotFoundError
from stridewell.store.models import UserRow

PASSWORD = "tempo Tuesday 42"


def _athlete(session: Session, today: date, name: str) -> int:
    athlete = create_athlete(session, athlete_from_text(name=name, sex="F", birth_year=1990), today)
    assert athlete.id is not None
    return athlete.id


def test_the_first_account_turns_accounts_on(session: Session) -> None:
    assert not accounts_enabled(session)
    user = add_user(session, " Admin@Club.Example ", PASSWORD, "admin")
    assert user.email == "admin@club.example" and user.role is Role.ADMIN
    assert accounts_enabled(session)
    assert list_users(session) == [user]


def test_passwords_are_stored_as_argon2id_hashes_only(session: Session) -> None:
    add_user(session, "a@club.example", PASSWORD, "athlete")
    stored = session.execute(select(UserRow)).scalar_one()
    assert stored.password_hash.startswith("$argon2id$")
    assert PASSWORD not in stored.password_hash


def test_an_address_has_one_account_whatever_its_case(session: Session) -> None:
    add_user(session, "coach@club.example", PASSWORD, "coach")
    with pytest.raises(AccountExistsError):
        add_user(session, "COACH@club.example", PASSWORD, "coach")


def test_sign_in_needs_the_right_address_and_password(session: Session) -> None:
    user = add_user(session, "maren@club.example", PASSWORD, "athlete")
    assert authenticate(session, "Maren@club.example", PASSWORD) == user
    assert authenticate(session, "maren@club.example", PASSWORD.upper()) is None
    assert authenticate(session, "nobody@club.example", PASSWORD) is None
    assert authenticate(session, "not an address", PASSWORD) is None


def test_a_new_password_replaces_the_old_and_changes_the_session_stamp(session: Session) -> None:
    user = add_user(session, "maren@club.example", PASSWORD, "athlete")
    assert user.id is not None
    stamp = session_stamp(session, user.id)
    with pytest.raises(ValidationError) as raised:
        change_password(session, user.id, "wrong password", "a brand new one 7")
    assert raised.value.field == "current_password"
    change_password(session, user.id, PASSWORD, "a brand new one 7")
    assert authenticate(session, "maren@club.example", PASSWORD) is None
    assert authenticate(session, "maren@club.example", "a brand new one 7") == user
    assert session_stamp(session, user.id) != stamp
    set_password(session, "maren@club.example", "reset by the admin 1")
    assert authenticate(session, "maren@club.example", "reset by the admin 1") == user


def test_coaches_see_their_athletes_and_athletes_themselves(session: Session, today: date) -> None:
    ada, bo, cy = (_athlete(session, today, name) for name in ("Ada", "Bo", "Cy"))
    coach = add_user(session, "coach@club.example", PASSWORD, "coach")
    runner = add_user(session, "bo@club.example", PASSWORD, "athlete", athlete_id=bo)
    admin = add_user(session, "admin@club.example", PASSWORD, "admin")
    assert link_coach(session, "coach@club.example", ada)
    assert not link_coach(session, "coach@club.example", ada)  # already
    link_coach(session, "coach@club.example", cy)
    assert visible_athletes(session, coach) == {ada, cy}
    assert visible_athletes(session, runner) == {bo}
    assert visible_athletes(session, admin) is None
    assert unlink_coach(session, "coach@club.example", cy)
    assert visible_athletes(session, coach) == {ada}


def test_only_coaches_are_linked_to_athletes(session: Session, today: date) -> None:
    ada = _athlete(session, today, "Ada")
    add_user(session, "bo@club.example", PASSWORD, "athlete")
    with pytest.raises(ValidationError, match="not a coach"):
        link_coach(session, "bo@club.example", ada)
    add_user(session, "coach@club.example", PASSWORD, "coach")
    with pytest.raises(NotFoundError):
        link_coach(session, "coach@club.example", 999)


def test_a_new_athlete_belongs_to_whoever_created_it(session: Session, today: date) -> None:
    coach = add_user(session, "coach@club.example", PASSWORD, "coach")
    runner = add_user(session, "bo@club.example", PASSWORD, "athlete")
    ada = _athlete(session, today, "Ada")
    bo = _athlete(session, today, "Bo")
    claim_new_athlete(session, coach, ada)
    claim_new_athlete(session, runner, bo)
    assert visible_athletes(session, coach) == {ada}
    refreshed = authenticate(session, "bo@club.example", PASSWORD)
    assert refreshed is not None and refreshed.athlete_id == bo


def test_removing_an_account_keeps_the_athletes(session: Session, today: date) -> None:
    ada = _athlete(session, today, "Ada")
    add_user(session, "coach@club.example", PASSWORD, "coach")
    link_coach(session, "coach@club.example", ada)
    remove_user(session, "coach@club.example")
    assert list_users(session) == []
    assert not accounts_enabled(session)
    with pytest.raises(NotFoundError):
        remove_user(session, "coach@club.example")


def test_the_last_admin_is_neither_demoted_nor_removed_while_accounts_remain(
    session: Session,
) -> None:
    add_user(session, "admin@club.example", PASSWORD, "admin")
    add_user(session, "coach@club.example", PASSWORD, "coach")
    with pytest.raises(LastAdminError) as raised:
        set_role(session, "admin@club.example", "coach")
    assert raised.value.field == "role"
    with pytest.raises(LastAdminError):
        remove_user(session, "admin@club.example")
    assert [u.role for u in list_users(session)] == [Role.ADMIN, Role.COACH]
    set_role(session, "coach@club.example", "admin")
    set_role(session, "admin@club.example", "athlete")  # another admin remains
    remove_user(session, "admin@club.example")
    with pytest.raises(LastAdminError, match="open the app to anyone"):
        remove_user(session, "coach@club.example", last_account_may_go=False)
    remove_user(session, "coach@club.example")  # the CLI's way back to a personal install
    assert not accounts_enabled(session)


def test_an_unknown_own_athlete_is_a_field_error(session: Session, today: date) -> None:
    with pytest.raises(ValidationError, match="no athlete with id 9") as raised:
        add_user(session, "bo@club.example", PASSWORD, "athlete", athlete_id=9)
    assert raised.value.field == "athlete_id"
    add_user(session, "bo@club.example", PASSWORD, "athlete")
    with pytest.raises(ValidationError) as raised:
        set_own_athlete(session, "bo@club.example", 9)
    assert raised.value.field == "athlete_id"


def test_accounts_come_with_their_coach_links(session: Session, today: date) -> None:
    ada, bo = (_athlete(session, today, name) for name in ("Ada", "Bo"))
    coach = add_user(session, "coach@club.example", PASSWORD, "coach")
    add_user(session, "bo@club.example", PASSWORD, "athlete", athlete_id=bo)
    link_coach(session, "coach@club.example", ada)
    link_coach(session, "coach@club.example", bo)
    listed = list_accounts(session)
    assert [(a.user.email, a.coached_athlete_ids) for a in listed] == [
        ("coach@club.example", {ada, bo}),
        ("bo@club.example", frozenset()),
    ]
    assert coach.id is not None
    assert get_account(session, coach.id) == listed[0]
    assert account_to_dict(listed[0]) == {
        "id": coach.id,
        "email": "coach@club.example",
        "role": "coach",
        "athlete_id": None,
        "coached_athlete_ids": sorted([ada, bo]),
    }
