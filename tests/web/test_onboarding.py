"""Onboarding in the browser's shoes: an empty database leads to the profile, injuries, races
and a first plan; bad input comes back with the message next to the field, nothing saved."""

from __future__ import annotations

import pytest

from tests.web.conftest import PROFILE, Web
from tests.web.html import field_error, labelled_controls_missing, page_text


def athlete_count(web: Web) -> int:
    return int(web.api("GET", "/athletes").json()["total"])


def test_an_empty_database_sends_every_page_to_the_welcome(web: Web) -> None:
    for path in ("/", "/plan", "/profile"):
        response = web.get(path)
        assert response.status_code == 303
        assert response.headers["location"] == "/welcome"
    welcome = web.get("/welcome")
    assert "Create your profile" in welcome.text
    assert "Load the demo runner" in welcome.text


def test_creating_a_profile_stores_the_athlete_and_moves_on_to_injuries(web: Web) -> None:
    response = web.submit("/onboarding/profile", "/onboarding/profile", PROFILE)
    assert response.status_code == 303
    assert response.headers["location"] == "/onboarding/injuries"
    athletes = web.api("GET", "/athletes").json()["athletes"]
    assert [(a["name"], a["days"], a["long_run_day"]) for a in athletes] == [
        ("Ada", ["tue", "thu", "sat", "sun"], "sun")
    ]
    assert athletes[0]["equipment"] == ["bodyweight", "band", "dumbbell"]
    assert athletes[0]["timezone"] == "Europe/Oslo"
    # The browser now knows its athlete: Today no longer sends it to the welcome page.
    assert web.get("/").status_code == 200


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"birth_year": "2030"}, "birth_year", "not plausible"),
        ({"birth_year": "nineteen"}, "birth_year", "whole number"),
        ({"name": "  "}, "name", "must not be empty"),
        ({"sex": ""}, "sex", "female, male or other"),
        ({"weekly_km": "500"}, "weekly_km", "out of range"),
        ({"days": []}, "days", "at least one training day"),
        ({"long_run_day": "mon"}, "long_run_day", "not one of the training days"),
        ({"timezone": "Mars/Olympus"}, "timezone", "unknown time zone"),
    ],
)
def test_a_bad_profile_is_refused_next_to_its_field_and_nothing_is_saved(
    web: Web, changes: dict[str, object], field: str, words: str
) -> None:
    response = web.submit("/onboarding/profile", "/onboarding/profile", {**PROFILE, **changes})
    assert response.status_code == 422
    message = field_error(response.text, field)
    assert message is not None and words.lower() in message.lower()
    assert "Nothing was saved" in page_text(response.text)
    assert athlete_count(web) == 0


def test_a_refused_profile_keeps_what_was_typed(web: Web) -> None:
    response = web.submit(
        "/onboarding/profile", "/onboarding/profile", {**PROFILE, "birth_year": "2030"}
    )
    assert 'value="Ada"' in response.text
    assert 'value="Europe/Oslo"' in response.text
    assert 'name="days" value="thu" checked' in response.text
    assert 'name="days" value="mon" checked' not in response.text


def test_injuries_and_races_are_added_one_form_at_a_time(ada_web: Web) -> None:
    injury = {
        "region": "it_band",
        "side": "right",
        "onset": "2025-06-01",
        "resolved": "2025-07-15",
        "severity": "5",
        "days_off_running": "21",
        "notes": "Outside of the knee from 8 km on",
    }
    response = ada_web.submit("/onboarding/injuries", "/onboarding/injuries", injury)
    assert response.status_code == 303
    listed = page_text(ada_web.get("/onboarding/injuries").text)
    assert "IT band (right)" in listed and "21 days off running" in listed

    race = {
        "name": "Oslo Marathon",
        "date": "2026-09-20",
        "distance": "marathon",
        "goal": "3:30:00",
    }
    assert ada_web.submit("/onboarding/races", "/onboarding/races", race).status_code == 303
    assert "Oslo Marathon" in page_text(ada_web.get("/onboarding/races").text)

    ada = ada_web.api("GET", "/athletes").json()["athletes"][0]
    stored = ada_web.api("GET", f"/athletes/{ada['id']}").json()
    assert [(i["region"], i["days_off_running"]) for i in stored["injuries"]] == [("it_band", 21)]
    assert [(r["name"], r["goal"]) for r in stored["races"]] == [("Oslo Marathon", "3:30:00")]


@pytest.mark.parametrize(
    ("form", "field", "words"),
    [
        ({"region": "", "side": "left", "onset": "2026-01-01", "severity": "3"}, "region", "where"),
        (
            {"region": "knee", "side": "left", "onset": "2026-05-01", "severity": "3"},
            "onset",
            "future",
        ),
        (
            {"region": "knee", "side": "left", "onset": "2026-01-01", "severity": "11"},
            "severity",
            "0 to 10",
        ),
        (
            {
                "region": "knee",
                "side": "left",
                "onset": "2026-01-10",
                "resolved": "2026-01-02",
                "severity": "2",
            },
            "resolved",
            "before the onset",
        ),
    ],
)
def test_a_bad_injury_is_refused_next_to_its_field(
    ada_web: Web, form: dict[str, str], field: str, words: str
) -> None:
    response = ada_web.submit("/onboarding/injuries", "/onboarding/injuries", form)
    assert response.status_code == 422
    message = field_error(response.text, field)
    assert message is not None and words.lower() in message.lower()
    ada = ada_web.api("GET", "/athletes").json()["athletes"][0]
    assert ada_web.api("GET", f"/athletes/{ada['id']}/injuries").json()["total"] == 0


@pytest.mark.parametrize(
    ("form", "field", "words"),
    [
        (
            {"name": "City 10k", "date": "2026-05-01", "distance": "10k", "goal": "forty"},
            "goal",
            "H:MM:SS",
        ),
        ({"name": "Old one", "date": "2025-05-01", "distance": "10k"}, "result", "in the past"),
        (
            {"name": "Ultra", "date": "2026-05-01", "distance": "other", "distance_m": ""},
            "distance_m",
            "metres",
        ),
        (
            {"name": "Tiny", "date": "2026-05-01", "distance": "other", "distance_m": "50"},
            "distance_m",
            "out of range",
        ),
        ({"name": "", "date": "2026-05-01", "distance": "5k"}, "name", "must not be empty"),
    ],
)
def test_a_bad_race_is_refused_next_to_its_field(
    ada_web: Web, form: dict[str, str], field: str, words: str
) -> None:
    response = ada_web.submit("/onboarding/races", "/onboarding/races", form)
    assert response.status_code == 422
    message = field_error(response.text, field)
    assert message is not None and words.lower() in message.lower()


def plan_json_first_day(web: Web) -> str:
    weeks = web.api("GET", "/athletes/1/plan").json()["plan"]["weeks"]
    return str(weeks[0]["sessions"][0]["date"])


def test_the_last_step_generates_the_first_plan(ada_web: Web) -> None:
    page = ada_web.get("/onboarding/plan")
    assert "Generate my plan" in page.text
    # Today is Wednesday 11 March: the plan's first day is the next Monday, and it says so.
    assert "starts on Monday 16 March 2026" in page_text(page.text)
    response = ada_web.submit("/onboarding/plan", "/plan/generate", {})
    assert response.status_code == 303
    plan = ada_web.get("/plan")
    assert "Week 1" in plan.text
    assert plan_json_first_day(ada_web) == "2026-03-16"
    assert "/plan/sessions/" in plan.text


def test_the_demo_runner_is_loaded_with_her_plan(demo_web: Web) -> None:
    today = demo_web.get("/")
    assert today.status_code == 200
    assert "Maren Holt" in today.text
    assert "Autumn Marathon" in page_text(today.text)
    assert demo_web.api("GET", "/athletes/1/plan").status_code == 200


def test_the_demo_runner_only_joins_an_empty_database(ada_web: Web) -> None:
    assert "Load the demo runner" not in ada_web.get("/welcome").text
    # A welcome page left open in another tab still posts: the server refuses.
    response = ada_web.submit("/profile", "/onboarding/demo", {})
    assert response.status_code == 409
    assert "empty database" in page_text(response.text)
    assert athlete_count(ada_web) == 1


@pytest.mark.parametrize(
    "path", ["/onboarding/profile", "/onboarding/injuries", "/onboarding/races", "/profile"]
)
def test_every_form_control_has_a_label(ada_web: Web, path: str) -> None:
    response = ada_web.get(path)
    assert response.status_code == 200
    assert labelled_controls_missing(response.text) == []


def test_a_rejected_profile_shows_every_field_at_fault_at_once(web: Web) -> None:
    """Not one error per try: an empty name, no sex, a birth year in letters and a time zone
    that does not exist are all marked on the first send, and nothing is saved."""
    response = web.submit(
        "/onboarding/profile",
        "/onboarding/profile",
        {**PROFILE, "name": "", "sex": "", "birth_year": "nineteen", "timezone": "Mars/Base"},
    )
    assert response.status_code == 422
    for name in ("name", "sex", "birth_year", "timezone"):
        assert field_error(response.text, name), name
    assert field_error(response.text, "weekly_km") is None
    assert web.api("GET", "/athletes").json()["total"] == 0


def test_a_rejected_injury_and_race_show_every_field_at_fault(ada_web: Web) -> None:
    injury = ada_web.submit(
        "/onboarding/injuries",
        "/onboarding/injuries",
        {"region": "", "side": "left", "onset": "someday", "severity": "11"},
    )
    assert injury.status_code == 422
    for name in ("region", "onset", "severity"):
        assert field_error(injury.text, name), name
    race = ada_web.submit(
        "/onboarding/races",
        "/onboarding/races",
        {"name": "", "date": "2027-05-02", "distance": "marathon", "goal": "0:01:00"},
    )
    assert race.status_code == 422
    for name in ("name", "goal"):
        assert field_error(race.text, name), name
