"""Accounts on the web: sign-in, per-athlete authorisation, the rate limit and sessions —
pages and /api/v1, on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from stridewell.services.accounts import add_user, link_coach
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.store.db import unit_of_work
from stridewell.web.access import SESSION_COOKIE
from tests.web.conftest import PROFILE, Web, make_app
from tests.web.html import field_error, page_text
from tests.web.test_activities import add_activity, steady_run

PASSWORD = "long run Sunday 30k"


def athlete(engine: Engine, today: date, name: str) -> int:
    with unit_of_work(engine) as session:
        stored = create_athlete(
            session, athlete_from_text(name=name, sex="F", birth_year=1990), today
        )
    assert stored.id is not None
    return stored.id


def user(engine: Engine, email: str, role: str, athlete_id: int | None = None) -> None:
    with unit_of_work(engine) as session:
        add_user(session, email, PASSWORD, role, athlete_id)


def shown_athlete(html: str) -> str | None:
    """The athlete named in the page header."""
    found = re.search(r'class="who"[^>]*>([^<]+)<', html)
    return found.group(1) if found else None


def sign_in(web: Web, email: str, password: str = PASSWORD, next: str = "/") -> object:
    return web.submit(
        f"/login?next={next}", "/login", {"email": email, "password": password, "next": next}
    )


@pytest.fixture
def club(web: Web, engine: Engine, today: date) -> dict[str, int]:
    """Three athletes; a coach of Ada and Bo, Cy with her own account, and an admin."""
    ids = {name: athlete(engine, today, name) for name in ("Ada", "Bo", "Cy")}
    user(engine, "coach@club.example", "coach")
    user(engine, "cy@club.example", "athlete", ids["Cy"])
    user(engine, "admin@club.example", "admin")
    with unit_of_work(engine) as session:
        link_coach(session, "coach@club.example", ids["Ada"])
        link_coach(session, "coach@club.example", ids["Bo"])
    return ids


def test_without_accounts_nobody_signs_in(web: Web) -> None:
    assert web.get("/").headers["location"] == "/welcome"
    assert web.get("/login").headers["location"] == "/"
    assert web.api("GET", "/me").json() == {"accounts": False, "user": None, "athlete_ids": None}


def test_with_accounts_every_page_and_api_call_needs_a_session(
    web: Web, club: dict[str, int]
) -> None:
    for path in ("/", "/plan", "/progress", "/exercises", "/welcome", "/athletes"):
        response = web.get(path)
        assert response.status_code == 303, path
        assert response.headers["location"] == f"/login?next={path}"
    for path in ("/athletes", f"/athletes/{club['Ada']}", "/exercises", "/load", "/me"):
        response = web.api("GET", path)
        assert response.status_code == 401, path
        assert response.json()["error"]["code"] == "unauthenticated"
    # Static files and the sign-in page itself stay reachable.
    assert web.get("/static/app.css").status_code == 200
    assert web.get("/login").status_code == 200


def test_a_wrong_password_is_refused_next_to_the_field_and_gives_no_session(
    web: Web, club: dict[str, int]
) -> None:
    response = sign_in(web, "coach@club.example", "not the password")
    assert response.status_code == 401
    assert "not right" in field_error((response.text), "password")
    assert 'value="not the password"' not in response.text
    assert SESSION_COOKIE not in web.client.cookies
    assert web.get("/").status_code == 303


def test_signing_in_returns_to_the_page_asked_for_and_never_off_site(
    web: Web, club: dict[str, int]
) -> None:
    response = sign_in(web, "cy@club.example", next="/progress")
    assert response.status_code == 303 and response.headers["location"] == "/progress"
    for hostile in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        response = sign_in(web, "cy@club.example", next=hostile)
        assert urlsplit(response.headers["location"]).netloc == ""
        assert response.headers["location"] == "/"


def test_an_athlete_account_sees_only_its_own_athlete(
    web: Web, engine: Engine, club: dict[str, int]
) -> None:
    sign_in(web, "cy@club.example")
    page = web.get("/")
    assert page.status_code == 200
    assert shown_athlete(page.text) == "Cy" and "cy@club.example" in page.text
    listed = web.api("GET", "/athletes").json()
    assert [item["name"] for item in listed["athletes"]] == ["Cy"]
    assert web.api("GET", f"/athletes/{club['Ada']}").status_code == 404
    assert web.api("GET", "/load", params={"athlete_id": club["Bo"]}).status_code == 404
    # Choosing another athlete in the browser does not widen what she sees.
    web.submit("/athletes", "/athletes/choose", {"athlete_id": str(club["Ada"])})
    assert shown_athlete(web.get("/").text) == "Cy"
    # An athlete account has one profile: it cannot add another.
    response = web.api("POST", "/athletes", json={"name": "Dee", "sex": "F", "birth_year": 1990})
    assert response.status_code == 403 and response.json()["error"]["code"] == "forbidden"
    assert web.submit("/onboarding/profile", "/onboarding/profile", PROFILE).status_code == 403
    # …and is not offered to.
    assert "/onboarding/profile" not in web.get("/athletes").text


def test_a_coach_chooses_among_their_athletes_and_adds_new_ones(
    web: Web, club: dict[str, int]
) -> None:
    sign_in(web, "coach@club.example")
    assert web.get("/").headers["location"] == "/athletes"  # two athletes: choose one
    chooser = page_text(web.get("/athletes").text)
    assert "Ada" in chooser and "Bo" in chooser and "Cy" not in chooser
    assert web.api("GET", f"/athletes/{club['Cy']}").status_code == 404
    created = web.api("POST", "/athletes", json={"name": "Dee", "sex": "F", "birth_year": 1995})
    assert created.status_code == 201
    new_id = created.json()["athlete"]["id"]
    assert sorted(web.api("GET", "/me").json()["athlete_ids"]) == sorted(
        [club["Ada"], club["Bo"], new_id]
    )


def test_an_admin_sees_everyone(web: Web, club: dict[str, int]) -> None:
    sign_in(web, "admin@club.example")
    names = [item["name"] for item in web.api("GET", "/athletes").json()["athletes"]]
    assert names == ["Ada", "Bo", "Cy"]
    assert web.api("GET", "/me").json()["athlete_ids"] is None


def test_a_new_athlete_account_onboards_its_own_profile(
    web: Web, engine: Engine, club: dict[str, int]
) -> None:
    user(engine, "dee@club.example", "athlete")
    sign_in(web, "dee@club.example")
    assert web.get("/").headers["location"] == "/welcome"
    assert web.submit("/onboarding/profile", "/onboarding/profile", PROFILE).status_code == 303
    assert web.api("GET", "/me").json()["athlete_ids"] == [club["Cy"] + 1]
    assert web.get("/").status_code == 200


def test_signing_out_ends_the_session(web: Web, club: dict[str, int]) -> None:
    sign_in(web, "cy@club.example")
    assert web.get("/").status_code == 200
    response = web.submit("/account", "/logout", {})
    assert response.status_code == 303 and response.headers["location"] == "/login"
    assert web.get("/").status_code == 303


def test_a_tampered_or_stale_cookie_is_no_session(
    web: Web, engine: Engine, today: date, club: dict[str, int]
) -> None:
    sign_in(web, "cy@club.example")
    cookie = web.client.cookies[SESSION_COOKIE].strip('"')
    user_id, rest = cookie.split(":", 1)
    web.client.cookies.clear()
    web.client.cookies.set(SESSION_COOKIE, f"{int(user_id) - 1}:{rest}")  # someone else's id
    assert web.get("/").status_code == 303
    web.client.cookies.clear()
    web.client.cookies.set(SESSION_COOKIE, cookie)  # the real one still works
    assert web.get("/").status_code == 200
    # A cookie signed with another server's key is no good either.
    with TestClient(make_app(engine, today), follow_redirects=False) as other:
        other.app.state.web.signer = type(other.app.state.web.signer)("another-key-entirely-1")
        other.cookies.set(SESSION_COOKIE, cookie)
        assert other.get("/").status_code == 303


def test_a_new_password_signs_out_other_browsers(
    web: Web, engine: Engine, today: date, club: dict[str, int]
) -> None:
    sign_in(web, "cy@club.example")
    with TestClient(make_app(engine, today), follow_redirects=False) as laptop_client:
        laptop = Web(laptop_client)
        sign_in(laptop, "cy@club.example")
        assert laptop.get("/").status_code == 200
        mismatch = web.submit(
            "/account",
            "/account/password",
            {"current_password": PASSWORD, "password": "new one 12345", "password_again": "x"},
        )
        assert mismatch.status_code == 422
        assert "not the same" in field_error((mismatch.text), "password_again")
        changed = web.submit(
            "/account",
            "/account/password",
            {
                "current_password": PASSWORD,
                "password": "new one 12345",
                "password_again": "new one 12345",
            },
        )
        assert changed.status_code == 303
        assert web.get("/").status_code == 200  # this browser got a fresh session
        assert laptop.get("/").status_code == 303  # the other one is signed out


def test_too_many_failures_make_the_address_wait(web: Web, club: dict[str, int]) -> None:
    for _ in range(5):
        assert sign_in(web, "cy@club.example", "guess guess guess").status_code == 401
    blocked = sign_in(web, "cy@club.example")  # even the right password waits now
    assert blocked.status_code == 429
    assert "Too many failed sign-ins" in blocked.text
    assert SESSION_COOKIE not in web.client.cookies
    api = web.api("POST", "/session", json={"email": "cy@club.example", "password": PASSWORD})
    assert api.status_code == 429 and api.json()["error"]["code"] == "too_many_requests"
    # Another address from the same browser is not locked out by Cy's failures.
    assert sign_in(web, "coach@club.example").status_code == 303


def test_the_api_signs_in_and_out_with_the_same_cookie(web: Web, club: dict[str, int]) -> None:
    wrong = web.api("POST", "/session", json={"email": "cy@club.example", "password": "nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["field"] == "password"
    right = web.api("POST", "/session", json={"email": "CY@club.example", "password": PASSWORD})
    assert right.status_code == 200
    assert right.json()["user"] == {
        "id": right.json()["user"]["id"],
        "email": "cy@club.example",
        "role": "athlete",
        "athlete_id": club["Cy"],
    }
    assert web.api("GET", "/me").json()["athlete_ids"] == [club["Cy"]]
    assert web.api("DELETE", "/session").status_code == 204
    assert web.api("GET", "/me").status_code == 401


def test_the_api_changes_a_password_and_signs_out_other_clients(
    web: Web, engine: Engine, today: date, club: dict[str, int]
) -> None:
    assert (
        web.api("PUT", "/me/password", json={"current_password": "x", "password": "y"}).status_code
        == 401
    )
    web.api("POST", "/session", json={"email": "cy@club.example", "password": PASSWORD})
    with TestClient(make_app(engine, today), follow_redirects=False) as script_client:
        script = Web(script_client)
        script.api("POST", "/session", json={"email": "cy@club.example", "password": PASSWORD})
        assert script.api("GET", "/me").status_code == 200
        wrong = web.api(
            "PUT", "/me/password", json={"current_password": "nope", "password": "new one 12345"}
        )
        assert wrong.status_code == 422
        assert wrong.json()["error"]["field"] == "current_password"
        weak = web.api("PUT", "/me/password", json={"current_password": PASSWORD, "password": "a"})
        assert weak.status_code == 422 and weak.json()["error"]["field"] == "password"
        assert script.api("GET", "/me").status_code == 200, "a refused change ends nothing"
        changed = web.api(
            "PUT", "/me/password", json={"current_password": PASSWORD, "password": "new one 12345"}
        )
        assert changed.status_code == 204
        assert web.api("GET", "/me").status_code == 200  # a fresh cookie for this client
        assert script.api("GET", "/me").status_code == 401  # the other one is signed out
    web.api("DELETE", "/session")
    again = web.api(
        "POST", "/session", json={"email": "cy@club.example", "password": "new one 12345"}
    )
    assert again.status_code == 200


def test_without_accounts_there_is_no_password_to_change(web: Web) -> None:
    response = web.api("PUT", "/me/password", json={"current_password": "a", "password": "b"})
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "conflict"


def test_another_athletes_activity_is_not_found_for_a_coach_who_does_not_coach_them(
    web: Web, engine: Engine, club: dict[str, int]
) -> None:
    cy_run = add_activity(
        engine, club["Cy"], steady_run(datetime(2026, 3, 1, 8, tzinfo=UTC), 1800), "cy-run"
    )
    sign_in(web, "cy@club.example")
    assert web.api("GET", f"/activities/{cy_run}").status_code == 200
    assert web.get(f"/activities/{cy_run}").status_code == 200
    web.submit("/account", "/logout", {})
    sign_in(web, "coach@club.example")
    web.submit("/athletes", "/athletes/choose", {"athlete_id": str(club["Ada"])})
    assert web.api("GET", f"/activities/{cy_run}").status_code == 404
    as_cy = web.api("GET", f"/activities/{cy_run}", params={"athlete_id": club["Cy"]})
    assert as_cy.status_code == 404
    assert web.get(f"/activities/{cy_run}").status_code == 404
    assert web.api("GET", "/activities", params={"athlete_id": club["Cy"]}).status_code == 404
