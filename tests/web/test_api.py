"""/api/v1: the same services as the pages, as JSON; one error shape; paginated lists."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import Web
from tests.web.html import page_text

ADA = {
    "name": "Ada",
    "sex": "F",
    "birth_year": 1988,
    "weekly_km": 35,
    "equipment": ["bodyweight", "band"],
    "days": ["tue", "thu", "sat", "sun"],
    "long_run_day": "sun",
}


def add_ada(web: Web) -> dict[str, Any]:
    response = web.api("POST", "/athletes", json=ADA)
    assert response.status_code == 201, response.text
    athlete = response.json()["athlete"]
    assert response.headers["location"] == f"/api/v1/athletes/{athlete['id']}"
    return dict(athlete)


def assert_error(response: Any, status: int, code: str, field: str | None) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "field"}
    assert body["error"]["code"] == code
    assert body["error"]["field"] == field
    message = body["error"]["message"]
    assert isinstance(message, str) and message
    return message


def test_an_athlete_is_created_listed_and_shown(web: Web) -> None:
    ada = add_ada(web)
    assert ada["name"] == "Ada" and ada["days"] == ["tue", "thu", "sat", "sun"]
    listed = web.api("GET", "/athletes").json()
    assert listed == {"athletes": [ada], "total": 1, "limit": 50, "offset": 0}
    shown = web.api("GET", f"/athletes/{ada['id']}").json()
    assert shown == {"athlete": ada, "injuries": [], "races": []}


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"birth_year": 2030}, "birth_year", "not plausible"),
        ({"sex": "Q"}, "sex", "unknown sex"),
        ({"days": ["mon", "funday"]}, "day", "unknown day"),
        ({"long_run_day": "mon"}, "long_run_day", "not one of the training days"),
        ({"equipment": ["trampoline"]}, "equipment", "unknown equipment"),
        ({"birth_year": "soon"}, "birth_year", "integer"),
        ({"favourite_colour": "blue"}, "favourite_colour", "Extra inputs"),
    ],
)
def test_bad_athletes_are_refused_with_the_field_and_nothing_is_saved(
    web: Web, changes: dict[str, Any], field: str, words: str
) -> None:
    message = assert_error(
        web.api("POST", "/athletes", json={**ADA, **changes}), 422, "validation_error", field
    )
    assert words in message
    assert web.api("GET", "/athletes").json()["total"] == 0


def test_a_missing_field_and_malformed_json_are_told_apart(web: Web) -> None:
    body = {key: value for key, value in ADA.items() if key != "name"}
    assert_error(web.api("POST", "/athletes", json=body), 422, "validation_error", "name")
    response = web.api(
        "POST", "/athletes", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_error(response, 400, "bad_request", None)


@pytest.mark.parametrize(
    "request_body",
    [
        {
            "content": b'{"name": "A", "sex": "F", "birth_year": 1980}',
            "headers": {"content-type": "text/plain"},
        },
        {"data": {"name": "A", "sex": "F", "birth_year": "1980"}},
    ],
    ids=["text-plain", "form"],
)
def test_only_json_bodies_are_read_so_other_sites_cannot_post(
    web: Web, request_body: dict[str, Any]
) -> None:
    response = web.api("POST", "/athletes", **request_body)
    assert "application/json" in assert_error(response, 415, "unsupported_media_type", None)
    assert web.api("GET", "/athletes").json()["total"] == 0


def test_unknown_things_are_404_in_the_same_shape(web: Web) -> None:
    assert_error(web.api("GET", "/athletes/99"), 404, "not_found", None)
    assert_error(web.api("GET", "/athletes/99/injuries"), 404, "not_found", None)
    assert_error(web.api("GET", "/exercises/no-such-move"), 404, "not_found", None)
    assert_error(web.api("GET", "/no/such/endpoint"), 404, "not_found", None)
    assert_error(web.api("DELETE", "/athletes"), 405, "method_not_allowed", None)


def test_injuries_are_added_and_listed_with_pagination(web: Web) -> None:
    ada = add_ada(web)
    for month in (1, 2, 3):
        response = web.api(
            "POST",
            f"/athletes/{ada['id']}/injuries",
            json={
                "region": "knee",
                "side": "left",
                "onset": f"2025-0{month}-01",
                "severity": month,
            },
        )
        assert response.status_code == 201
        assert response.json()["injury"]["onset"] == f"2025-0{month}-01"
    page = web.api(
        "GET", f"/athletes/{ada['id']}/injuries", params={"limit": 2, "offset": 1}
    ).json()
    assert page["total"] == 3 and page["limit"] == 2 and page["offset"] == 1
    assert [i["severity"] for i in page["injuries"]] == [2, 3]
    beyond = web.api("GET", f"/athletes/{ada['id']}/injuries", params={"offset": 10}).json()
    assert beyond["injuries"] == [] and beyond["total"] == 3


@pytest.mark.parametrize(
    ("params", "field"),
    [({"limit": 0}, "limit"), ({"limit": 201}, "limit"), ({"offset": -1}, "offset")],
)
def test_bad_pagination_is_a_validation_error(web: Web, params: dict[str, int], field: str) -> None:
    assert_error(web.api("GET", "/exercises", params=params), 422, "validation_error", field)


def test_a_bad_injury_names_its_field(web: Web) -> None:
    ada = add_ada(web)
    response = web.api(
        "POST",
        f"/athletes/{ada['id']}/injuries",
        json={"region": "elbow", "side": "left", "onset": "2025-01-01", "severity": 3},
    )
    assert "unknown region" in assert_error(response, 422, "validation_error", "region")


def test_races_and_a_plan_for_the_goal_race(web: Web) -> None:
    ada = add_ada(web)
    base = f"/athletes/{ada['id']}"
    past = {"name": "Club 10k", "date": "2025-11-02", "distance": "10k", "result": "0:44:30"}
    goal = {"name": "Spring Half", "date": "2026-05-17", "distance": "half", "goal": "1:38:00"}
    assert web.api("POST", f"{base}/races", json=past).status_code == 201
    created = web.api("POST", f"{base}/races", json=goal)
    assert created.status_code == 201
    race = created.json()["race"]
    assert (race["distance"], race["goal"]) == ("half", "1:38:00")
    assert web.api("GET", f"{base}/races").json()["total"] == 2

    assert_error(web.api("GET", f"{base}/plan"), 404, "not_found", None)
    plan = web.api("POST", f"{base}/plan", json={}).json()["plan"]
    assert plan["race"]["name"] == "Spring Half"
    assert plan["weeks"][-1]["sessions"], "the plan runs up to the race"
    assert web.api("GET", f"{base}/plan").json()["plan"] == plan


def test_a_plan_request_the_planner_cannot_meet_is_refused_with_its_field(web: Web) -> None:
    ada = add_ada(web)
    response = web.api("POST", f"/athletes/{ada['id']}/plan", json={"weeks": 0})
    assert "between 1 and 104" in assert_error(response, 422, "validation_error", "weeks")
    response = web.api("POST", f"/athletes/{ada['id']}/plan", json={"race_id": 42})
    assert_error(response, 404, "not_found", None)
    response = web.api("POST", f"/athletes/{ada['id']}/plan", json={"start": "someday"})
    assert_error(response, 422, "validation_error", "start")


def test_a_planned_session_comes_with_its_exercise_cues(demo_web: Web) -> None:
    plan = demo_web.api("GET", "/athletes/1/plan").json()["plan"]
    strength = next(s for w in plan["weeks"] for s in w["sessions"] if s["kind"] == "strength")
    response = demo_web.api("GET", f"/athletes/1/plan/sessions/{strength['date']}/1")
    session = response.json()["session"]
    if session["kind"] != "strength":  # a run came first that day
        session = demo_web.api("GET", f"/athletes/1/plan/sessions/{strength['date']}/2").json()[
            "session"
        ]
    assert session["title"] == strength["title"]
    assert session["path"].startswith("/plan/sessions/")
    assert all(exercise["cues"] for exercise in session["exercises"])
    assert_error(
        demo_web.api("GET", "/athletes/1/plan/sessions/2001-01-01/1"), 404, "not_found", None
    )
    assert_error(
        demo_web.api("GET", "/athletes/1/plan/sessions/yesterday/1"), 422, "validation_error", "day"
    )


def test_the_plan_as_an_icalendar_file(demo_web: Web) -> None:
    response = demo_web.api("GET", "/athletes/1/plan.ics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert "BEGIN:VEVENT" in response.text
    assert_error(demo_web.api("GET", "/athletes/7/plan.ics"), 404, "not_found", None)


def test_today_as_json_matches_the_page(demo_web: Web) -> None:
    today = demo_web.api("GET", "/athletes/1/today").json()
    assert today["date"] == "2026-03-11"
    assert today["has_plan"] is True
    assert today["goal_race"]["name"] == "Autumn Marathon" and today["goal_race"]["days_to_go"] > 0
    assert [r["result"] for r in today["results"]] == ["3:24:06"]
    assert today["active_injuries"] == []
    pbs = {pb["distance"]: pb for pb in today["records"]["pbs"]}
    assert (pbs["marathon"]["time_s"], pbs["marathon"]["source"]) == (12246.0, "race")
    # Her twelve weeks of runs give best efforts up to the half marathon of her longest run.
    assert list(pbs) == ["400m", "1k", "1mile", "5k", "10k", "half", "marathon"]
    assert {pb["source"] for pb in pbs.values() if pb["distance"] != "marathon"} == {"best_effort"}
    # Her history's load, without warnings; no return to run under way.
    assert today["load"]["date"] == "2026-03-11" and today["load"]["flags"] == []
    assert today["load"]["ctl"] > 0 and today["return_to_run"] is None
    page = page_text(demo_web.get("/").text)
    assert f"Fitness (CTL) {today['load']['ctl']:.0f}" in page
    assert f"Fatigue (ATL) {today['load']['atl']:.0f}" in page


def test_the_demo_endpoint_refuses_a_database_with_athletes(web: Web) -> None:
    assert web.api("POST", "/demo").status_code == 201
    assert_error(web.api("POST", "/demo"), 409, "conflict", None)


def test_exercises_filter_and_paginate_like_the_cli(web: Web) -> None:
    everything = web.api("GET", "/exercises", params={"limit": 200}).json()
    assert everything["total"] == len(everything["exercises"]) > 100
    band = web.api(
        "GET", "/exercises", params={"equipment": "band", "muscle": "gluteus_medius"}
    ).json()
    assert 0 < band["total"] < everything["total"]
    for exercise in band["exercises"]:
        assert "gluteus_medius" in exercise["primary_muscles"] + exercise["secondary_muscles"]
        assert {"band", "bodyweight"} & set(exercise["equipment"])
    second_page = web.api("GET", "/exercises", params={"limit": 10, "offset": 10}).json()
    assert second_page["exercises"] == everything["exercises"][10:20]
    response = web.api("GET", "/exercises", params={"category": "yoga"})
    assert "unknown category" in assert_error(response, 422, "validation_error", "category")


def test_one_exercise_in_full(web: Web) -> None:
    exercise = web.api("GET", "/exercises/wall-sit").json()["exercise"]
    assert exercise["why_runners"].startswith("A quiet, joint-friendly way")
    assert exercise["default_dose"] == {"sets": 3, "reps": None, "hold_s": 45}
    assert exercise["cues"]


def test_the_openapi_document_describes_the_api(web: Web) -> None:
    document = web.api("GET", "/openapi.json").json()
    paths = document["paths"]
    for path in (
        "/athletes",
        "/athletes/{athlete_id}",
        "/athletes/{athlete_id}/injuries",
        "/athletes/{athlete_id}/races",
        "/athletes/{athlete_id}/plan",
        "/athletes/{athlete_id}/today",
        "/exercises",
        "/exercises/{slug}",
    ):
        assert path in paths
    assert not any(path.startswith(("/plan", "/welcome", "/onboarding")) for path in paths)
    errors = paths["/athletes"]["post"]["responses"]["422"]["content"]["application/json"]
    assert errors["schema"]["$ref"].endswith("/ErrorResponse")
    assert web.get("/openapi.json").status_code == 404  # only under /api/v1
