"""Managing accounts on the web (admins only): the Users pages and /api/v1/users, on SQLite and
PostgreSQL — who may, field errors that save nothing, the last admin, and sessions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from stridewell.services.accounts import authenticate, list_accounts
from stridewell.store.db import unit_of_work
from tests.web.conftest import Web, make_app
from tests.web.html import (
    field_error,
    labelled_controls_missing,
    links,
    page_text,
    parse,
    text_of,
)
from tests.web.test_accounts import athlete, sign_in, user

NEW_PASSWORD = "intervals 6x800 hard"


def accounts(engine: Engine) -> list[tuple[str, str, int | None, list[int]]]:
    """Every account as (email, role, own athlete, coached athletes), straight from the store."""
    with unit_of_work(engine) as session:
        return [
            (a.user.email, a.user.role.value, a.user.athlete_id, sorted(a.coached_athlete_ids))
            for a in list_accounts(session)
        ]


def account_row(text: str, email: str) -> dict[str, str]:
    """The cells of an account's row in the Users table, by their (phone) labels."""
    rows = parse(text).xpath(f'//table[@class="accounts"]//tr[th[contains(., "{email}")]]')
    assert len(rows) == 1, email
    return {cell.get("data-label"): text_of(cell) for cell in rows[0].xpath("td")}


def user_id(engine: Engine, email: str) -> int:
    with unit_of_work(engine) as session:
        found = [a.user.id for a in list_accounts(session) if a.user.email == email]
    assert found and found[0] is not None, email
    return found[0]


@pytest.fixture
def club(web: Web, engine: Engine, today: date) -> dict[str, int]:
    """Athletes Ada and Bo; an admin, a coach of nobody yet, and Bo's own account."""
    ids = {name: athlete(engine, today, name) for name in ("Ada", "Bo")}
    user(engine, "admin@club.example", "admin")
    user(engine, "coach@club.example", "coach")
    user(engine, "bo@club.example", "athlete", ids["Bo"])
    return ids


@pytest.fixture
def admin(web: Web, club: dict[str, int]) -> Web:
    """The test client, signed in as the admin."""
    assert sign_in(web, "admin@club.example").status_code == 303
    return web


@pytest.fixture
def second_browser(engine: Engine, today: date) -> Iterator[Web]:
    """Another browser on the same database (someone else, signed in elsewhere)."""
    with TestClient(make_app(engine, today), follow_redirects=False) as client:
        yield Web(client)


def add_form(**changes: str) -> dict[str, str]:
    return {
        "email": "dee@club.example",
        "role": "coach",
        "password": NEW_PASSWORD,
        "athlete_id": "",
        **changes,
    }


# Who may --------------------------------------------------------------------------------


@pytest.mark.parametrize("email", ["coach@club.example", "bo@club.example"])
def test_only_an_admin_reaches_the_users_api_and_nothing_changes_for_others(
    web: Web, engine: Engine, club: dict[str, int], email: str
) -> None:
    sign_in(web, email)
    before = accounts(engine)
    coach = user_id(engine, "coach@club.example")
    attempts: list[tuple[str, str, dict[str, Any]]] = [
        ("GET", "/users", {}),
        ("GET", f"/users/{coach}", {}),
        ("POST", "/users", {"json": {"email": "x@club.example", "password": NEW_PASSWORD}}),
        ("POST", "/users", {"json": {"email": "not an address"}}),  # refused before validation
        ("PATCH", f"/users/{coach}", {"json": {"role": "admin"}}),
        ("PUT", f"/users/{coach}/athletes/{club['Ada']}", {}),
        ("DELETE", f"/users/{coach}/athletes/{club['Ada']}", {}),
        ("DELETE", f"/users/{coach}", {}),
    ]
    for method, path, options in attempts:
        response = web.api(method, path, **options)
        assert response.status_code == 403, (method, path)
        assert response.json()["error"]["code"] == "forbidden"
    assert accounts(engine) == before


def test_a_coach_has_no_users_page_nor_link_and_cannot_post_to_it(
    web: Web, engine: Engine, club: dict[str, int]
) -> None:
    sign_in(web, "coach@club.example")
    assert "/admin/users" not in links(web.get("/exercises").text)
    page = web.get("/admin/users")
    assert page.status_code == 403 and "only an admin manages accounts" in page.text.lower()
    assert web.get(f"/admin/users/{user_id(engine, 'bo@club.example')}").status_code == 403
    before = accounts(engine)
    token = web.token("/account")
    added = web.client.post("/admin/users", data={**add_form(), "csrf_token": token})
    assert added.status_code == 403
    promoted = web.client.post(
        f"/admin/users/{user_id(engine, 'coach@club.example')}/role",
        data={"role": "admin", "csrf_token": token},
    )
    assert promoted.status_code == 403
    assert accounts(engine) == before


def test_a_personal_install_has_no_accounts_to_manage_from_the_web(web: Web) -> None:
    # Whoever reaches a server without accounts must not make themselves its admin.
    assert web.get("/admin/users").status_code == 403
    created = web.api("POST", "/users", json={"email": "me@x.example", "password": NEW_PASSWORD})
    assert created.status_code == 403
    assert web.api("GET", "/me").json()["accounts"] is False


def test_the_admin_sees_every_account_and_the_nav_link(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    page = admin.get("/admin/users")
    assert page.status_code == 200
    assert "/admin/users" in links(admin.get("/exercises").text)
    text = page_text(page.text)
    for email in ("admin@club.example", "coach@club.example", "bo@club.example"):
        assert email in text
    assert account_row(page.text, "bo@club.example") == {
        "Role": "Athlete",
        "Own athlete": "Bo",
        "Coached athletes": "—",
    }
    assert labelled_controls_missing(page.text) == []
    detail = admin.get(f"/admin/users/{user_id(engine, 'coach@club.example')}")
    assert detail.status_code == 200
    assert labelled_controls_missing(detail.text) == []
    assert admin.get("/admin/users/999").status_code == 404


# The API ----------------------------------------------------------------------------------


def test_accounts_are_listed_paginated_without_password_hashes(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    listed = admin.api("GET", "/users", params={"limit": 2, "offset": 1})
    assert listed.status_code == 200
    body = listed.json()
    assert (body["total"], body["limit"], body["offset"]) == (3, 2, 1)
    assert [item["email"] for item in body["users"]] == ["coach@club.example", "bo@club.example"]
    assert body["users"][1] == {
        "id": user_id(engine, "bo@club.example"),
        "email": "bo@club.example",
        "role": "athlete",
        "athlete_id": club["Bo"],
        "coached_athlete_ids": [],
    }
    assert "argon2" not in listed.text and "hash" not in listed.text
    assert admin.api("GET", "/users", params={"limit": 0}).json()["error"]["field"] == "limit"


def test_the_api_adds_changes_links_and_removes_an_account(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    created = admin.api(
        "POST",
        "/users",
        json={"email": " Dee@Club.example ", "password": NEW_PASSWORD, "role": "coach"},
    )
    assert created.status_code == 201, created.text
    dee = created.json()["user"]
    assert dee["email"] == "dee@club.example" and dee["coached_athlete_ids"] == []
    assert created.headers["location"] == f"/api/v1/users/{dee['id']}"
    assert "hash" not in created.text

    linked = admin.api("PUT", f"/users/{dee['id']}/athletes/{club['Ada']}")
    assert linked.status_code == 200
    assert linked.json()["user"]["coached_athlete_ids"] == [club["Ada"]]
    assert admin.api("PUT", f"/users/{dee['id']}/athletes/{club['Ada']}").status_code == 200
    assert admin.api("PUT", f"/users/{dee['id']}/athletes/999").status_code == 404

    changed = admin.api(
        "PATCH", f"/users/{dee['id']}", json={"athlete_id": club["Bo"], "password": "xxxxxyz123"}
    )
    assert changed.status_code == 200
    assert changed.json()["user"]["athlete_id"] == club["Bo"]
    with unit_of_work(engine) as session:
        assert authenticate(session, "dee@club.example", "xxxxxyz123") is not None
    cleared = admin.api("PATCH", f"/users/{dee['id']}", json={"athlete_id": None})
    assert cleared.json()["user"]["athlete_id"] is None
    assert admin.api("GET", f"/users/{dee['id']}").json()["user"]["coached_athlete_ids"] == [
        club["Ada"]
    ]

    assert admin.api("DELETE", f"/users/{dee['id']}/athletes/{club['Ada']}").status_code == 204
    again = admin.api("DELETE", f"/users/{dee['id']}/athletes/{club['Ada']}")
    assert again.status_code == 404 and "does not coach" in again.json()["error"]["message"]
    assert admin.api("DELETE", f"/users/{dee['id']}").status_code == 204
    assert admin.api("GET", f"/users/{dee['id']}").status_code == 404
    assert "dee@club.example" not in [row[0] for row in accounts(engine)]


@pytest.mark.parametrize(
    ("body", "status", "field", "words"),
    [
        ({"email": "dee"}, 422, "email", "not an email address"),
        ({"email": ""}, 422, "email", "required"),
        ({"role": "owner"}, 422, "role", "athlete, coach, admin"),
        ({"password": "short"}, 422, "password", "at least 10"),
        ({"password": "dee@club.example"}, 422, "password", "email"),
        ({"athlete_id": 999}, 422, "athlete_id", "no athlete with id 999"),
        ({"email": "COACH@club.example"}, 409, "email", "exists already"),
        ({"is_admin": True}, 422, "is_admin", "extra"),
    ],
)
def test_a_bad_new_account_names_its_field_and_nothing_is_saved(
    admin: Web,
    engine: Engine,
    club: dict[str, int],
    body: dict[str, Any],
    status: int,
    field: str,
    words: str,
) -> None:
    before = accounts(engine)
    sent = {"email": "dee@club.example", "password": NEW_PASSWORD, "role": "coach", **body}
    response = admin.api("POST", "/users", json=sent)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["field"] == field and words in error["message"].lower()
    assert accounts(engine) == before


def test_a_change_refused_in_one_field_changes_no_other(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    coach = user_id(engine, "coach@club.example")
    before = accounts(engine)
    response = admin.api(
        "PATCH",
        f"/users/{coach}",
        json={"role": "admin", "athlete_id": club["Ada"], "password": "short"},
    )
    assert response.status_code == 422 and response.json()["error"]["field"] == "password"
    assert accounts(engine) == before
    for body, field in (({"role": "boss"}, "role"), ({"athlete_id": 999}, "athlete_id")):
        refused = admin.api("PATCH", f"/users/{coach}", json=body)
        assert refused.status_code == 422 and refused.json()["error"]["field"] == field
    assert admin.api("PATCH", f"/users/{coach}", json={}).status_code == 422
    assert admin.api("PATCH", "/users/999", json={"role": "coach"}).status_code == 404
    assert accounts(engine) == before


def test_only_a_coach_is_linked_to_athletes(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    bo = user_id(engine, "bo@club.example")
    response = admin.api("PUT", f"/users/{bo}/athletes/{club['Ada']}")
    assert response.status_code == 422 and response.json()["error"]["field"] == "role"
    assert accounts(engine)[2][3] == []


def test_the_api_keeps_an_admin_while_accounts_remain(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    me = user_id(engine, "admin@club.example")
    before = accounts(engine)
    for method, body in (("PATCH", {"role": "coach"}), ("DELETE", None)):
        response = admin.api(method, f"/users/{me}", json=body)
        assert response.status_code == 409, method
        error = response.json()["error"]
        assert error["code"] == "conflict" and error["field"] == "role"
        assert "only admin" in error["message"]
    assert accounts(engine) == before
    # With a second admin, the first may step down.
    coach = user_id(engine, "coach@club.example")
    assert admin.api("PATCH", f"/users/{coach}", json={"role": "admin"}).status_code == 200
    assert admin.api("PATCH", f"/users/{me}", json={"role": "coach"}).status_code == 200
    assert admin.api("GET", "/users").status_code == 403  # a coach now, at once


def test_the_last_account_is_not_removed_from_the_web(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    for email in ("coach@club.example", "bo@club.example"):
        assert admin.api("DELETE", f"/users/{user_id(engine, email)}").status_code == 204
    response = admin.api("DELETE", f"/users/{user_id(engine, 'admin@club.example')}")
    assert response.status_code == 409
    assert "open the app to anyone" in response.json()["error"]["message"]
    assert [row[0] for row in accounts(engine)] == ["admin@club.example"]


def test_the_users_api_is_in_the_openapi_document(web: Web) -> None:
    paths = web.api("GET", "/openapi.json").json()["paths"]
    assert set(paths["/users"]) == {"get", "post"}
    assert set(paths["/users/{user_id}"]) == {"get", "patch", "delete"}
    assert set(paths["/users/{user_id}/athletes/{athlete_id}"]) == {"put", "delete"}
    assert paths["/users"]["post"]["responses"]["403"]["content"]["application/json"]
    schemas = web.api("GET", "/openapi.json").json()["components"]["schemas"]
    assert "UserIn" in schemas and "UserChanges" in schemas


# The pages --------------------------------------------------------------------------------


def test_the_page_adds_an_account_and_opens_it(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    response = admin.submit(
        "/admin/users", "/admin/users", add_form(role="athlete", athlete_id=str(club["Ada"]))
    )
    assert response.status_code == 303
    dee = user_id(engine, "dee@club.example")
    assert response.headers["location"] == f"/admin/users/{dee}?saved=added"
    page = admin.get(response.headers["location"])
    assert "Account added" in page_text(page.text)
    assert ("dee@club.example", "athlete", club["Ada"], []) in accounts(engine)
    assert NEW_PASSWORD not in page.text


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"email": "dee"}, "email", "is not an email address"),
        ({"email": "Coach@club.example"}, "email", "exists already"),
        ({"role": "owner"}, "role", "Role must be one of"),
        ({"password": "short"}, "password", "at least 10 characters"),
        ({"athlete_id": "999"}, "athlete_id", "No athlete with id 999"),
        ({"athlete_id": "Ada"}, "athlete_id", "must be a whole number"),
    ],
)
def test_a_bad_new_account_on_the_page_is_shown_next_to_its_field(
    admin: Web,
    engine: Engine,
    club: dict[str, int],
    changes: dict[str, str],
    field: str,
    words: str,
) -> None:
    before = accounts(engine)
    response = admin.submit("/admin/users", "/admin/users", add_form(**changes))
    assert response.status_code == 422
    assert words in (field_error(response.text, field) or "")
    assert NEW_PASSWORD not in response.text  # never sent back
    assert "Nothing was saved" in response.text
    assert accounts(engine) == before


def test_the_page_changes_role_own_athlete_and_password(
    admin: Web, engine: Engine, club: dict[str, int], second_browser: Web
) -> None:
    bo = user_id(engine, "bo@club.example")
    page = f"/admin/users/{bo}"
    assert sign_in(second_browser, "bo@club.example").status_code == 303

    refused = admin.submit(page, f"{page}/role", {"role": "owner"})
    assert refused.status_code == 422
    assert "Role must be one of" in (field_error(refused.text, "role") or "")
    assert admin.submit(page, f"{page}/role", {"role": "coach"}).status_code == 303
    refused = admin.submit(page, f"{page}/athlete", {"own_athlete_id": "999"})
    assert "No athlete with id 999" in (field_error(refused.text, "own_athlete_id") or "")
    assert admin.submit(page, f"{page}/athlete", {"own_athlete_id": ""}).status_code == 303
    assert accounts(engine)[2] == ("bo@club.example", "coach", None, [])

    refused = admin.submit(page, f"{page}/password", {"password": "bobobobobo"})
    assert refused.status_code == 422
    assert "repeat" in (field_error(refused.text, "password") or "")
    assert second_browser.api("GET", "/me").status_code == 200  # nothing changed
    saved = admin.submit(page, f"{page}/password", {"password": NEW_PASSWORD})
    assert saved.headers["location"] == f"{page}?saved=password"
    assert second_browser.api("GET", "/me").status_code == 401  # her old session has ended
    assert sign_in(second_browser, "bo@club.example", NEW_PASSWORD).status_code == 303


def test_an_admin_who_resets_their_own_password_stays_signed_in(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    page = f"/admin/users/{user_id(engine, 'admin@club.example')}"
    assert admin.submit(page, f"{page}/password", {"password": NEW_PASSWORD}).status_code == 303
    assert admin.get("/admin/users").status_code == 200


def test_a_linked_athlete_is_seen_by_the_coach_until_unlinked(
    admin: Web, engine: Engine, club: dict[str, int], second_browser: Web
) -> None:
    coach = user_id(engine, "coach@club.example")
    page = f"/admin/users/{coach}"
    sign_in(second_browser, "coach@club.example")
    assert second_browser.api("GET", "/me").json()["athlete_ids"] == []
    assert second_browser.get("/").headers["location"] == "/welcome"

    refused = admin.submit(page, f"{page}/athletes", {"coached_athlete_id": ""})
    assert "is required" in (field_error(refused.text, "coached_athlete_id") or "")
    gone = admin.submit(page, f"{page}/athletes", {"coached_athlete_id": "999"})
    assert "No athlete with id 999" in (field_error(gone.text, "coached_athlete_id") or "")
    linked = admin.submit(page, f"{page}/athletes", {"coached_athlete_id": str(club["Ada"])})
    assert linked.status_code == 303
    assert "Ada" in page_text(admin.get("/admin/users").text)

    assert second_browser.api("GET", "/me").json()["athlete_ids"] == [club["Ada"]]
    home = second_browser.get("/")
    assert home.status_code == 200 and 'class="who"' in home.text and "Ada" in home.text
    assert second_browser.api("GET", f"/athletes/{club['Ada']}").status_code == 200

    unlinked = admin.submit(page, f"{page}/athletes/{club['Ada']}/unlink", {})
    assert unlinked.status_code == 303
    assert second_browser.api("GET", f"/athletes/{club['Ada']}").status_code == 404


def test_a_non_coach_page_offers_no_link_and_a_forged_link_is_refused(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    bo = user_id(engine, "bo@club.example")
    page = admin.get(f"/admin/users/{bo}")
    assert 'name="coached_athlete_id"' not in page.text
    assert "Only a coach is linked" in page_text(page.text)
    forged = admin.submit(
        f"/admin/users/{bo}",
        f"/admin/users/{bo}/athletes",
        {"coached_athlete_id": str(club["Ada"])},
    )
    assert forged.status_code == 422 and "is not a coach" in page_text(forged.text)
    assert accounts(engine)[2][3] == []


def test_removal_needs_the_confirmation(admin: Web, engine: Engine, club: dict[str, int]) -> None:
    coach = user_id(engine, "coach@club.example")
    page = f"/admin/users/{coach}"
    unconfirmed = admin.submit(page, f"{page}/remove", {})
    assert unconfirmed.status_code == 422
    assert "Tick the box to confirm" in (field_error(unconfirmed.text, "confirm") or "")
    assert "coach@club.example" in [row[0] for row in accounts(engine)]
    removed = admin.submit(page, f"{page}/remove", {"confirm": "yes"})
    assert removed.headers["location"] == "/admin/users?saved=removed"
    assert "coach@club.example" not in [row[0] for row in accounts(engine)]
    assert admin.get(page).status_code == 404


def test_a_removed_users_session_stops_working(
    admin: Web, engine: Engine, club: dict[str, int], second_browser: Web
) -> None:
    sign_in(second_browser, "bo@club.example")
    assert second_browser.get("/").status_code == 200
    bo = user_id(engine, "bo@club.example")
    removed = admin.submit(f"/admin/users/{bo}", f"/admin/users/{bo}/remove", {"confirm": "yes"})
    assert removed.status_code == 303
    assert second_browser.get("/").headers["location"] == "/login?next=/"
    assert second_browser.api("GET", "/me").status_code == 401
    assert sign_in(second_browser, "bo@club.example").status_code == 401


def test_the_page_keeps_an_admin_while_accounts_remain(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    me = user_id(engine, "admin@club.example")
    page = f"/admin/users/{me}"
    before = accounts(engine)
    demoted = admin.submit(page, f"{page}/role", {"role": "athlete"})
    assert demoted.status_code == 422
    assert "only admin" in (field_error(demoted.text, "role") or "")
    removed = admin.submit(page, f"{page}/remove", {"confirm": "yes"})
    assert removed.status_code == 422
    assert "only admin" in (field_error(removed.text, "confirm") or "")
    assert accounts(engine) == before
    # Another admin first; then stepping down sends them home, where they are a coach.
    coach = user_id(engine, "coach@club.example")
    promoted = admin.submit(
        f"/admin/users/{coach}", f"/admin/users/{coach}/role", {"role": "admin"}
    )
    assert promoted.status_code == 303
    stepped_down = admin.submit(page, f"{page}/role", {"role": "coach"})
    assert stepped_down.headers["location"] == "/"
    assert admin.get("/admin/users").status_code == 403


def test_an_admin_who_removes_their_own_account_is_signed_out(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    coach = user_id(engine, "coach@club.example")
    admin.submit(f"/admin/users/{coach}", f"/admin/users/{coach}/role", {"role": "admin"})
    me = user_id(engine, "admin@club.example")
    removed = admin.submit(f"/admin/users/{me}", f"/admin/users/{me}/remove", {"confirm": "yes"})
    assert removed.headers["location"] == "/login"
    assert admin.get("/admin/users").headers["location"].startswith("/login")


def test_another_site_cannot_manage_accounts(
    admin: Web, engine: Engine, club: dict[str, int]
) -> None:
    before = accounts(engine)
    coach = user_id(engine, "coach@club.example")
    token = admin.token("/admin/users")
    for headers in (
        {"sec-fetch-site": "cross-site", "origin": "https://evil.example"},
        {"origin": "https://evil.example"},  # an older browser: Origin only
    ):
        page = admin.client.post(
            "/admin/users", data={**add_form(), "csrf_token": token}, headers=headers
        )
        assert page.status_code == 403 and "other sites" in page.text
        role = admin.client.post(
            f"/admin/users/{coach}/role",
            data={"role": "admin", "csrf_token": token},
            headers=headers,
        )
        assert role.status_code == 403
        api = admin.api(
            "POST",
            "/users",
            json={"email": "dee@club.example", "password": NEW_PASSWORD},
            headers=headers,
        )
        assert api.status_code == 403 and api.json()["error"]["code"] == "forbidden"
        assert admin.api("DELETE", f"/users/{coach}", headers=headers).status_code == 403
    # A form without this browser's token is refused too.
    forged = admin.client.post("/admin/users", data={**add_form(), "csrf_token": "x" * 40})
    assert forged.status_code == 403 and "expired" in forged.text
    assert accounts(engine) == before
