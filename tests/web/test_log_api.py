"""/api/v1 logging, injuries and return to run: the same services as the pages, one error shape,
and nothing saved when a request is refused (on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.conftest import TODAY
from tests.web.conftest import Web
from tests.web.test_api import add_ada, assert_error

YESTERDAY = (TODAY - timedelta(days=1)).isoformat()

SESSION = {
    "date": YESTERDAY,
    "duration": "0:45:00",
    "rpe": 7,
    "notes": "  hips felt good ",
    "sets": [
        {"exercise": "band-clamshell", "side": "left", "reps": 15, "rpe": 6},
        {"exercise": "Band clamshell", "side": "right", "reps": 14},
        {"exercise": "single-leg-rdl", "side": "left", "reps": 8, "load_kg": 16},
        {"exercise": "copenhagen-plank", "side": "r", "hold_s": 25},
    ],
}


def post(web: Web, path: str, body: dict[str, Any]) -> Any:
    return web.api("POST", f"/athletes/1{path}", json=body)


def strength_total(web: Web) -> int:
    return int(web.api("GET", "/athletes/1/log/strength").json()["total"])


def test_a_strength_session_is_logged_and_listed(web: Web) -> None:
    add_ada(web)
    response = post(web, "/log/strength", SESSION)
    assert response.status_code == 201, response.text
    stored = response.json()["session"]
    assert stored["date"] == YESTERDAY and stored["duration_s"] == 2700 and stored["rpe"] == 7
    assert stored["notes"] == "hips felt good"
    assert [(s["exercise"], s["side"]) for s in stored["sets"]] == [
        ("band-clamshell", "left"),
        ("band-clamshell", "right"),
        ("single-leg-rdl", "left"),
        ("copenhagen-plank", "right"),
    ]
    assert stored["tonnage_kg"] == 8 * 16
    listed = web.api("GET", "/athletes/1/log/strength").json()
    assert listed == {"sessions": [stored], "total": 1, "limit": 50, "offset": 0}
    empty = web.api("GET", f"/athletes/1/log/strength?from={TODAY.isoformat()}").json()
    assert empty["total"] == 0


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"sets": [{"exercise": "band-clamshell", "reps": 150}]}, "sets.0.reps", "1 to 100"),
        (
            {"sets": [{"exercise": "glute-bridge", "reps": 10}, {"exercise": "wall-sit-x"}]},
            "sets.1.exercise",
            "unknown exercise",
        ),
        ({"sets": [{"exercise": "glute-bridge", "side": "middle", "reps": 8}]}, "sets.0.side", ""),
        ({"sets": [{"exercise": "glute-bridge"}]}, "sets.0.reps", "give reps or a hold"),
        ({"sets": [{"exercise": "glute-bridge", "reps": "ten"}]}, "sets.0.reps", "integer"),
        ({"sets": []}, "sets", "at least 1"),
        ({"rpe": 11}, "rpe", "0 to 10"),
        ({"duration": "forever"}, "duration", "not a number"),
        ({"date": (TODAY + timedelta(days=1)).isoformat()}, "date", "in the future"),
        ({"planned_session_id": 999}, None, "no planned session"),
    ],
)
def test_a_bad_strength_session_is_refused_with_its_field(
    web: Web, change: dict[str, Any], field: str | None, words: str
) -> None:
    add_ada(web)
    response = post(web, "/log/strength", {**SESSION, **change})
    status, code = (404, "not_found") if field is None else (422, "validation_error")
    message = assert_error(response, status, code, field)
    assert words in message
    assert strength_total(web) == 0


def test_a_run_is_logged_and_counts_as_done_this_week(demo_web: Web) -> None:
    response = demo_web.submit("/plan", "/plan/generate", {"start": "2026-03-09"})
    assert response.status_code == 303
    before = demo_web.api("GET", "/athletes/1/today").json()
    # Her twelve weeks of history end last Sunday: nothing done this week, a load already.
    assert before["week"]["done"]["runs"] == 0 and before["load"] is not None
    run = {"date": YESTERDAY, "distance_km": 8.4, "duration": "0:47:10", "rpe": 4}
    response = post(demo_web, "/log/run", run)
    assert response.status_code == 201, response.text
    assert response.json()["run"]["duration_s"] == 47 * 60 + 10
    after = demo_web.api("GET", "/athletes/1/today").json()
    assert after["week"]["done"]["runs"] == 1
    assert after["week"]["done"]["run_km"] == 8.4
    assert after["load"]["atl"] > before["load"]["atl"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"distance_km": 0}, "distance_km"),
        ({"duration": "1:2:3:4"}, "duration"),
        ({"distance_km": 42.2, "duration": "0:50:00"}, "duration"),  # faster than a record
        ({"rpe": -1}, "rpe"),
        ({"date": "2026-13-01"}, "date"),
    ],
)
def test_a_bad_run_is_refused_with_its_field(web: Web, change: dict[str, Any], field: str) -> None:
    add_ada(web)
    run = {"date": YESTERDAY, "distance_km": 8.4, "duration": "0:47:10", **change}
    assert_error(post(web, "/log/run", run), 422, "validation_error", field)
    assert web.api("GET", "/athletes/1/today").json()["load"] is None


def test_soreness_is_logged_and_listed(web: Web) -> None:
    add_ada(web)
    body = {
        "context": "morning",
        "scores": [
            {"region": "quads", "side": "left", "score": 6},
            {"region": "glute", "score": 2},
        ],
    }
    response = post(web, "/log/soreness", body)
    assert response.status_code == 201, response.text
    stored = response.json()["soreness"]
    assert [(s["region"], s["side"], s["score"], s["date"]) for s in stored] == [
        ("quad", "left", 6, TODAY.isoformat()),
        ("glute", "both", 2, TODAY.isoformat()),
    ]
    listed = web.api("GET", "/athletes/1/log/soreness?limit=1&offset=1").json()
    assert listed == {"soreness": [stored[1]], "total": 2, "limit": 1, "offset": 1}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"scores": [{"region": "quad", "score": 11}]}, "score"),
        ({"scores": [{"region": "elbow", "score": 3}]}, "region"),
        ({"scores": [{"region": "quad", "score": 3}, {"region": "quads", "score": 4}]}, "region"),
        ({"context": "lunchtime"}, "context"),
        ({"scores": []}, "scores"),
    ],
)
def test_bad_soreness_is_refused_with_its_field(
    web: Web, change: dict[str, Any], field: str
) -> None:
    add_ada(web)
    body = {"context": "post_run", "scores": [{"region": "calf", "score": 2}], **change}
    assert_error(post(web, "/log/soreness", body), 422, "validation_error", field)
    assert web.api("GET", "/athletes/1/log/soreness").json()["total"] == 0


def add_injury(web: Web, **changes: Any) -> dict[str, Any]:
    body = {"region": "achilles", "side": "left", "onset": "2026-02-20", "severity": 5, **changes}
    response = post(web, "/injuries", body)
    assert response.status_code == 201, response.text
    return dict(response.json()["injury"])


def test_an_injury_is_updated_and_resolved(web: Web) -> None:
    add_ada(web)
    injury = add_injury(web)
    path = f"/athletes/1/injuries/{injury['id']}"
    changed = web.api("PATCH", path, json={"severity": 3, "days_off_running": 9})
    assert changed.status_code == 200, changed.text
    assert changed.json()["injury"] == {**injury, "severity": 3, "days_off_running": 9}
    resolved = post(web, f"/injuries/{injury['id']}/resolve", {"resolved": YESTERDAY})
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["injury"]["resolved"] == YESTERDAY
    assert resolved.json()["injury"]["active"] is False
    [listed] = web.api("GET", "/athletes/1/injuries").json()["injuries"]
    assert listed == resolved.json()["injury"]


def test_bad_injury_changes_are_refused_and_change_nothing(web: Web) -> None:
    add_ada(web)
    injury = add_injury(web)
    path = f"/athletes/1/injuries/{injury['id']}"
    assert_error(web.api("PATCH", path, json={"severity": 12}), 422, "validation_error", "severity")
    assert_error(
        post(web, f"/injuries/{injury['id']}/resolve", {"resolved": "2026-01-01"}),
        422,
        "validation_error",
        "resolved",
    )
    assert_error(web.api("PATCH", path, json={"colour": "red"}), 422, "validation_error", "colour")
    assert_error(web.api("PATCH", "/athletes/1/injuries/999", json={}), 404, "not_found", None)
    assert web.api("GET", "/athletes/1/injuries").json()["injuries"] == [injury]


def test_another_athletes_injury_is_not_found(web: Web) -> None:
    add_ada(web)
    injury = add_injury(web)
    other = web.api("POST", "/athletes", json={"name": "Bo", "sex": "M", "birth_year": 1990})
    assert other.status_code == 201
    other_id = other.json()["athlete"]["id"]
    response = web.api("PATCH", f"/athletes/{other_id}/injuries/{injury['id']}", json={})
    assert_error(response, 404, "not_found", None)


def test_the_return_to_run_goes_through_readiness_and_pain_gates(web: Web) -> None:
    add_ada(web)
    assert_error(web.api("GET", "/athletes/1/rehab"), 404, "not_found", None)
    injury = add_injury(web, onset="2026-02-01")
    rehab = web.api("GET", "/athletes/1/rehab").json()
    assert rehab["injury"]["id"] == injury["id"] and rehab["stage"] == 0
    too_soon = {"date": "2026-03-05", "stage": 1, "pain_during": 1}
    message = assert_error(post(web, "/rehab/log", too_soon), 422, "validation_error", "stage")
    assert "readiness" in message
    checks = {
        "date": "2026-03-04",
        "walk_pain": 0,
        "single_leg_squat_pain": 2,
        "jog_on_spot_pain": 1,
        "hop_pain": 1,
    }
    response = post(web, "/rehab/readiness", checks)
    assert response.status_code == 201, response.text
    assert response.json()["rehab"]["stage"] == 1
    logged = post(web, "/rehab/log", too_soon)
    assert logged.status_code == 201, logged.text
    assert logged.json()["session"]["gate"] == "pending"
    morning = {"date": "2026-03-05", "stage": 1, "pain_next_morning": 0, "settled_24h": True}
    done = post(web, "/rehab/log", morning)
    assert done.json()["session"]["gate"] == "green"
    assert done.json()["rehab"]["green_sessions"] == 1
    assert web.api("GET", "/athletes/1/rehab").json()["history"][0]["gate"] == "green"


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/rehab/log", {"date": "2026-03-05", "stage": 1, "pain_during": 14}, "pain_during"),
        (
            "/rehab/log",
            {"date": "2026-03-05", "stage": 1, "pain_during": 1, "pain_next_morning": 11},
            "pain_next_morning",
        ),
        (
            "/rehab/readiness",
            {"walk_pain": 0, "single_leg_squat_pain": 11, "jog_on_spot_pain": 0, "hop_pain": 0},
            "single_leg_squat_pain",
        ),
        ("/rehab/log", {"date": "2026-01-05", "stage": 1, "pain_during": 1}, "date"),
    ],
)
def test_bad_pain_logs_are_refused_with_the_bodys_field(
    web: Web, path: str, body: dict[str, Any], field: str
) -> None:
    add_ada(web)
    add_injury(web, onset="2026-02-01")
    checks = {"walk_pain": 0, "single_leg_squat_pain": 0, "jog_on_spot_pain": 0, "hop_pain": 0}
    assert post(web, "/rehab/readiness", {"date": "2026-03-01", **checks}).status_code == 201
    before = web.api("GET", "/athletes/1/rehab").json()
    assert_error(post(web, path, body), 422, "validation_error", field)
    assert web.api("GET", "/athletes/1/rehab").json() == before


def test_the_logging_routes_are_in_the_openapi_document(web: Web) -> None:
    paths = web.api("GET", "/openapi.json").json()["paths"]
    for path in (
        "/athletes/{athlete_id}/log/strength",
        "/athletes/{athlete_id}/log/run",
        "/athletes/{athlete_id}/log/soreness",
        "/athletes/{athlete_id}/injuries/{injury_id}",
        "/athletes/{athlete_id}/injuries/{injury_id}/resolve",
        "/athletes/{athlete_id}/rehab",
        "/athletes/{athlete_id}/rehab/log",
        "/athletes/{athlete_id}/rehab/readiness",
    ):
        assert path in paths
