"""Changing a profile: the edit form and PATCH /api/v1/athletes/{id}, on both backends."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from stridewell.services.accounts import add_user
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.store.db import unit_of_work
from tests.web.conftest import PROFILE, Web
from tests.web.html import field_error, page_text


def edit(web: Web, **changes: str | list[str]) -> object:
    return web.submit("/profile/edit", "/profile/edit", {**PROFILE, **changes})


def test_the_edit_form_shows_the_profile_and_saves_changes(ada_web: Web) -> None:
    form = ada_web.get("/profile/edit").text
    assert 'value="Ada"' in form and 'value="1988"' in form
    response = edit(ada_web, max_hr="186", rest_hr="52", equipment=["bodyweight", "barbell"])
    assert response.status_code == 303 and response.headers["location"] == "/profile?saved=1"
    profile = page_text(ada_web.get("/profile?saved=1").text)
    assert "max 186, resting 52" in profile and "Profile saved" in profile
    athlete = ada_web.api("GET", "/athletes/1").json()["athlete"]
    assert athlete["max_hr"] == 186 and athlete["equipment"] == ["bodyweight", "barbell"]


def test_a_bad_edit_is_refused_next_to_the_field_and_saves_nothing(ada_web: Web) -> None:
    response = edit(ada_web, max_hr="300", weekly_km="50")
    assert response.status_code == 422
    assert "out of range" in (field_error(response.text, "max_hr") or "")
    athlete = ada_web.api("GET", "/athletes/1").json()["athlete"]
    assert athlete["max_hr"] is None and athlete["weekly_km"] == 35
    wrong_day = edit(ada_web, days=["mon", "wed"], long_run_day="sun")
    assert "not one of the training days" in (field_error(wrong_day.text, "long_run_day") or "")


def test_the_api_changes_only_the_fields_sent(ada_web: Web) -> None:
    response = ada_web.api("PATCH", "/athletes/1", json={"max_hr": 190, "days": ["tue", "sat"]})
    assert response.status_code == 200
    athlete = response.json()["athlete"]
    assert athlete["max_hr"] == 190 and athlete["days"] == ["tue", "sat"]
    assert athlete["long_run_day"] == "sat" and athlete["name"] == "Ada"
    cleared = ada_web.api("PATCH", "/athletes/1", json={"max_hr": None}).json()["athlete"]
    assert cleared["max_hr"] is None
    bad = ada_web.api("PATCH", "/athletes/1", json={"experience": "elite"})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "experience"
    assert ada_web.api("PATCH", "/athletes/1", json={}).status_code == 422
    assert ada_web.api("PATCH", "/athletes/9", json={"max_hr": 180}).status_code == 404


def test_only_who_may_see_an_athlete_may_change_them(ada_web: Web, engine: Engine) -> None:
    with unit_of_work(engine) as session:
        create_athlete(
            session, athlete_from_text(name="Bo", sex="M", birth_year=1980), date(2026, 1, 1)
        )
        add_user(session, "ada@club.example", "ada's long password", "athlete", 1)
    ada_web.submit(
        "/login",
        "/login",
        {"email": "ada@club.example", "password": "ada's long password", "next": "/"},
    )
    assert ada_web.api("PATCH", "/athletes/2", json={"max_hr": 180}).status_code == 404
    assert ada_web.api("PATCH", "/athletes/1", json={"max_hr": 180}).status_code == 200
