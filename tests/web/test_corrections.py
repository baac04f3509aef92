"""Correcting and deleting what a runner logged, as pages and as /api/v1: activities (RPE, a
manual run's numbers, deletion with their samples, laps and best efforts), strength sessions,
soreness scores and races — each refusal naming its field and saving nothing, each deletion
confirmed, each only within the athletes the viewer may see (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from stridewell.domain.activities import BestEffort, Lap
from stridewell.store.models import ActivityStreamRow, BestEffortRow, LapRow
from tests.conftest import TODAY
from tests.web.conftest import Web
from tests.web.html import field_error, labelled_controls_missing, links, page_text
from tests.web.test_accounts import club, sign_in  # noqa: F401  (club is a fixture)
from tests.web.test_activities import add_activity, steady_run
from tests.web.test_api import add_ada, assert_error

YESTERDAY = TODAY - timedelta(days=1)
# Yesterday 07:00 UTC, 30 minutes at 3 m/s, with heart rate; Ada has no max HR on her profile,
# so the heart rate gives no load and the run is measured by its RPE, else by its distance.
RUN_START = datetime.combine(YESTERDAY, datetime.min.time(), UTC) + timedelta(hours=7)
HARD_SESSION = {
    "date": YESTERDAY.isoformat(),
    "duration": "0:40:00",
    "rpe": 7,
    "sets": [
        {"exercise": "single-leg-rdl", "side": "left", "reps": 8, "load_kg": 16, "rpe": 8},
        {"exercise": "single-leg-rdl", "side": "right", "reps": 8, "load_kg": 16, "rpe": 8},
        {"exercise": "hip-thrust", "side": "both", "reps": 10, "load_kg": 40, "rpe": 8},
    ],
}


def imported_run(engine: Engine, athlete_id: int = 1, sha: str = "run-1") -> int:
    """A 30-minute run from a watch file, with a lap and a 5 km best effort."""
    lap = Lap(start_utc=RUN_START, elapsed_s=1800.0, distance_m=5400.0)
    effort = BestEffort(distance_m=5000.0, label="5k", time_s=1666.7, start_offset_s=0.0)
    run = steady_run(RUN_START, 1800, laps=(lap,), best_efforts=(effort,))
    return add_activity(engine, athlete_id, run, sha)


def day_load(web: Web, **params: Any) -> dict[str, Any]:
    """Yesterday's row of the load watch (`load`, `run_km`, …)."""
    response = web.api("GET", "/load", params=params)
    assert response.status_code == 200, response.text
    return next(row for row in response.json()["days"] if row["date"] == YESTERDAY.isoformat())


def children(engine: Engine, activity_id: int) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            row.__tablename__: int(
                connection.scalar(
                    select(func.count()).select_from(row).where(row.activity_id == activity_id)
                )
                or 0
            )
            for row in (ActivityStreamRow, LapRow, BestEffortRow)
        }


def hard_sets(web: Web) -> float:
    insights = web.api("GET", "/insights").json()
    return float(sum(row["hard_sets"] for row in insights["strength"]["hard_sets_per_muscle"]))


# --- activities: API -------------------------------------------------------------------------


def test_deleting_an_activity_removes_it_its_children_and_its_load(
    web: Web, engine: Engine
) -> None:
    add_ada(web)
    activity_id = imported_run(engine)
    kept_id = add_activity(engine, 1, steady_run(RUN_START - timedelta(days=3), 1200), "run-0")
    assert web.api("GET", "/activities").json()["total"] == 2
    assert day_load(web)["load"] > 0
    assert children(engine, activity_id) == {"activity_stream": 1, "lap": 1, "best_effort": 1}

    response = web.api("DELETE", f"/activities/{activity_id}")

    assert response.status_code == 204 and response.content == b""
    listed = web.api("GET", "/activities").json()
    assert [item["id"] for item in listed["activities"]] == [kept_id]
    assert_error(web.api("GET", f"/activities/{activity_id}"), 404, "not_found", None)
    assert day_load(web)["load"] == 0 and day_load(web)["run_km"] == 0
    assert children(engine, activity_id) == {"activity_stream": 0, "lap": 0, "best_effort": 0}
    assert_error(web.api("DELETE", f"/activities/{activity_id}"), 404, "not_found", None)


def test_an_rpe_on_an_imported_activity_changes_the_load_watch(web: Web, engine: Engine) -> None:
    add_ada(web)
    activity_id = imported_run(engine)
    by_distance = day_load(web)["load"]

    response = web.api("PATCH", f"/activities/{activity_id}", json={"rpe": 6})

    assert response.status_code == 200, response.text
    activity = response.json()["activity"]
    assert activity["id"] == activity_id and activity["rpe"] == 6
    assert activity["source_kind"] == "fit" and activity["distance_m"] == 5400
    by_rpe = day_load(web)["load"]
    assert by_rpe != by_distance and by_rpe > 0
    assert web.api("GET", f"/activities/{activity_id}").json()["activity"]["rpe"] == 6
    cleared = web.api("PATCH", f"/activities/{activity_id}", json={"rpe": None})
    assert cleared.status_code == 200 and cleared.json()["activity"]["rpe"] is None
    assert day_load(web)["load"] == pytest.approx(by_distance)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"rpe": 11}, "rpe"),
        ({"rpe": -1}, "rpe"),
        ({"rpe": 6, "distance_km": 5}, "distance_km"),  # an imported run's distance is its file's
        ({"duration": "0:20:00"}, "duration"),
        ({"date": YESTERDAY.isoformat()}, "date"),
        ({"colour": "red"}, "colour"),
        ({}, None),
    ],
)
def test_a_bad_activity_change_is_refused_with_its_field_and_changes_nothing(
    web: Web, engine: Engine, body: dict[str, Any], field: str | None
) -> None:
    add_ada(web)
    activity_id = imported_run(engine)
    before = web.api("GET", f"/activities/{activity_id}").json()["activity"]
    load_before = day_load(web)

    response = web.api("PATCH", f"/activities/{activity_id}", json=body)

    assert_error(response, 422, "validation_error", field)
    assert web.api("GET", f"/activities/{activity_id}").json()["activity"] == before
    assert day_load(web) == load_before


def test_a_mistyped_manual_run_is_corrected_through_the_api(web: Web) -> None:
    add_ada(web)
    run = {"date": YESTERDAY.isoformat(), "distance_km": 80, "duration": "8:00:00", "rpe": 4}
    activity_id = web.api("POST", "/athletes/1/log/run", json=run).json()["run"]["id"]
    assert day_load(web)["run_km"] == pytest.approx(80)
    too_fast = web.api("PATCH", f"/activities/{activity_id}", json={"duration": "0:10:00"})
    assert_error(too_fast, 422, "validation_error", "duration")

    response = web.api(
        "PATCH",
        f"/activities/{activity_id}",
        json={"distance_km": 8, "duration": "0:45:00", "name": "Canal loop"},
    )

    assert response.status_code == 200, response.text
    activity = response.json()["activity"]
    assert (activity["distance_m"], activity["elapsed_s"], activity["name"]) == (
        8000,
        2700,
        "Canal loop",
    )
    assert activity["rpe"] == 4
    assert day_load(web)["run_km"] == pytest.approx(8)


# --- strength sessions and soreness: API ---------------------------------------------------------


def test_deleting_a_strength_session_changes_hard_sets_and_adherence(web: Web) -> None:
    add_ada(web)
    planned = web.api("POST", "/athletes/1/plan", json={"start": "2026-03-09", "weeks": 4})
    assert planned.status_code == 201, planned.text
    logged = web.api("POST", "/athletes/1/log/strength", json=HARD_SESSION)
    assert logged.status_code == 201, logged.text
    session_id = logged.json()["session"]["id"]
    shown = web.api("GET", f"/athletes/1/log/strength/{session_id}")
    assert shown.status_code == 200 and shown.json() == logged.json()
    assert hard_sets(web) > 0
    assert web.api("GET", "/athletes/1/today").json()["week"]["done"]["strength"] == 1

    response = web.api("DELETE", f"/athletes/1/log/strength/{session_id}")

    assert response.status_code == 204
    assert hard_sets(web) == 0
    done = web.api("GET", "/athletes/1/today").json()["week"]["done"]
    assert done is None or done["strength"] == 0
    assert web.api("GET", "/athletes/1/log/strength").json()["total"] == 0
    path = f"/athletes/1/log/strength/{session_id}"
    assert_error(web.api("GET", path), 404, "not_found", None)
    assert_error(web.api("DELETE", path), 404, "not_found", None)


def test_deleting_a_soreness_score_keeps_the_rest(web: Web) -> None:
    add_ada(web)
    body = {
        "context": "morning",
        "scores": [{"region": "quad", "side": "left", "score": 6}, {"region": "glute", "score": 2}],
    }
    quad, glute = web.api("POST", "/athletes/1/log/soreness", json=body).json()["soreness"]
    response = web.api("DELETE", f"/athletes/1/log/soreness/{quad['id']}")
    assert response.status_code == 204
    assert web.api("GET", "/athletes/1/log/soreness").json()["soreness"] == [glute]
    again = web.api("DELETE", f"/athletes/1/log/soreness/{quad['id']}")
    assert_error(again, 404, "not_found", None)


# --- races: API ------------------------------------------------------------------------------


def test_a_goal_race_given_its_result_stays_one_race(web: Web) -> None:
    add_ada(web)
    body = {"name": "Club 10k", "date": TODAY.isoformat(), "distance": "10k", "goal": "0:48:00"}
    goal = web.api("POST", "/athletes/1/races", json=body).json()["race"]
    path = f"/athletes/1/races/{goal['id']}"

    response = web.api("PATCH", path, json={"result": "0:47:12"})

    assert response.status_code == 200, response.text
    race = response.json()["race"]
    assert race == {**goal, "result_s": 47 * 60 + 12, "result": "0:47:12"}
    assert web.api("GET", "/athletes/1/races").json()["races"] == [race]
    assert web.api("GET", "/athletes/1/today").json()["goal_race"] is None


def test_bad_race_changes_are_refused_and_a_race_is_deleted(web: Web) -> None:
    add_ada(web)
    body = {"name": "Autumn", "date": "2026-10-04", "distance": "marathon", "goal": "3:20:00"}
    goal = web.api("POST", "/athletes/1/races", json=body).json()["race"]
    path = f"/athletes/1/races/{goal['id']}"
    for change, field in (
        ({"result": "3:18:00"}, "result"),  # not run yet
        ({"name": None}, "name"),
        ({"distance": "far"}, "distance"),
        ({"date": "2026-02-30"}, "date"),
        ({"id": 7}, "id"),
    ):
        assert_error(web.api("PATCH", path, json=change), 422, "validation_error", field)
    assert web.api("GET", "/athletes/1/races").json()["races"] == [goal]
    cleared = web.api("PATCH", path, json={"goal": None}).json()["race"]
    assert cleared["goal"] is None

    assert web.api("DELETE", path).status_code == 204
    assert web.api("GET", "/athletes/1/races").json()["races"] == []
    assert_error(web.api("DELETE", path), 404, "not_found", None)


# --- authorisation ---------------------------------------------------------------------------


def test_a_coach_cannot_change_or_delete_what_another_athlete_logged(
    web: Web,
    engine: Engine,
    club: dict[str, int],  # noqa: F811
) -> None:
    cy = club["Cy"]
    cy_run = imported_run(engine, cy, "cy-run")
    sign_in(web, "cy@club.example")
    race = web.api(
        "POST",
        f"/athletes/{cy}/races",
        json={"name": "Cy's 5k", "date": "2026-02-01", "distance": "5k", "result": "0:22:00"},
    ).json()["race"]
    strength = web.api("POST", f"/athletes/{cy}/log/strength", json=HARD_SESSION).json()
    strength_id = strength["session"]["id"]
    web.submit("/account", "/logout", {})

    sign_in(web, "coach@club.example")
    web.submit("/athletes", "/athletes/choose", {"athlete_id": str(club["Ada"])})
    refused = [
        web.api("DELETE", f"/activities/{cy_run}"),
        web.api("DELETE", f"/activities/{cy_run}", params={"athlete_id": cy}),
        web.api("PATCH", f"/activities/{cy_run}", json={"rpe": 2}),
        web.api("PATCH", f"/activities/{cy_run}", params={"athlete_id": cy}, json={"rpe": 2}),
        web.api("DELETE", f"/athletes/{cy}/races/{race['id']}"),
        web.api("PATCH", f"/athletes/{cy}/races/{race['id']}", json={"name": "Mine"}),
        web.api("DELETE", f"/athletes/{club['Ada']}/races/{race['id']}"),
        web.api("DELETE", f"/athletes/{cy}/log/strength/{strength_id}"),
        web.api("DELETE", f"/athletes/{club['Ada']}/log/strength/{strength_id}"),
        # The pages act on the athlete chosen in this browser: Cy's ids are not found there.
        web.submit("/profile", f"/activities/{cy_run}/delete", {"confirm": "yes"}),
        web.submit("/profile", f"/activities/{cy_run}/rpe", {"rpe": "2"}),
        web.submit("/profile", f"/log/strength/{strength_id}/delete", {"confirm": "yes"}),
        web.submit("/profile", f"/profile/races/{race['id']}/delete", {"confirm": "yes"}),
    ]
    assert [response.status_code for response in refused] == [404] * len(refused)
    web.submit("/account", "/logout", {})

    sign_in(web, "cy@club.example")
    assert web.api("GET", f"/activities/{cy_run}").json()["activity"]["rpe"] is None
    assert web.api("GET", f"/athletes/{cy}/races").json()["races"] == [race]
    assert web.api("GET", f"/athletes/{cy}/log/strength").json()["total"] == 1


# --- pages -----------------------------------------------------------------------------------


def test_the_activity_page_sets_the_effort_and_deletes_after_confirmation(
    ada_web: Web, engine: Engine
) -> None:
    activity_id = imported_run(engine)
    page_path = f"/activities/{activity_id}"
    page = ada_web.get(page_path)
    assert page.status_code == 200
    assert "Effort (RPE)" in page_text(page.text) and "Correct this run" not in page.text
    assert labelled_controls_missing(page.text) == []
    by_distance = day_load(ada_web)["load"]

    refused = ada_web.submit(page_path, f"{page_path}/rpe", {"rpe": "11"})
    assert refused.status_code == 422
    assert "0 to 10" in (field_error(refused.text, "rpe") or "")
    saved = ada_web.submit(page_path, f"{page_path}/rpe", {"rpe": "7"})
    assert saved.status_code == 303 and saved.headers["location"] == f"{page_path}?saved=rpe"
    shown = ada_web.get(saved.headers["location"])
    assert "Effort saved." in page_text(shown.text) and "7 / 10" in page_text(shown.text)
    assert day_load(ada_web)["load"] != by_distance

    unconfirmed = ada_web.submit(page_path, f"{page_path}/delete", {})
    assert unconfirmed.status_code == 422
    assert "tick" in (field_error(unconfirmed.text, "confirm") or "").lower()
    assert ada_web.get(page_path).status_code == 200
    forged = ada_web.client.post(f"{page_path}/delete", data={"confirm": "yes"})
    assert forged.status_code == 403
    deleted = ada_web.submit(page_path, f"{page_path}/delete", {"confirm": "yes"})
    assert deleted.status_code == 303 and deleted.headers["location"] == "/activities?deleted=1"
    listing = page_text(ada_web.get(deleted.headers["location"]).text)
    assert "Activity deleted." in listing and "No activities yet" in listing
    assert ada_web.get(page_path).status_code == 404
    assert day_load(ada_web)["load"] == 0


def test_an_imported_activity_is_renamed_on_its_page(ada_web: Web, engine: Engine) -> None:
    activity_id = imported_run(engine)
    page_path = f"/activities/{activity_id}"
    too_long = ada_web.submit(page_path, f"{page_path}/rpe", {"rpe": "5", "name": "x" * 101})
    assert too_long.status_code == 422
    assert field_error(too_long.text, "name")
    renamed = ada_web.submit(page_path, f"{page_path}/rpe", {"rpe": "5", "name": "Parkrun"})
    assert renamed.status_code == 303
    (item,) = ada_web.api("GET", "/activities").json()["activities"]
    assert item["name"] == "Parkrun" and item["rpe"] == 5


def test_a_manual_run_is_corrected_on_its_page(ada_web: Web) -> None:
    run = {"date": YESTERDAY.isoformat(), "distance_km": "80", "duration": "7:30:00"}
    assert ada_web.submit("/log/run", "/log/run", run).status_code == 303
    (item,) = ada_web.api("GET", "/activities").json()["activities"]
    page_path = f"/activities/{item['id']}"
    page = ada_web.get(page_path)
    assert "Correct this run" in page_text(page.text)
    assert 'value="80"' in page.text and 'value="7:30:00"' in page.text
    assert labelled_controls_missing(page.text) == []

    form = {"date": YESTERDAY.isoformat(), "distance_km": "eight", "duration": "0:44:00"}
    refused = ada_web.submit(page_path, f"{page_path}/run", form)
    assert refused.status_code == 422
    assert "number" in (field_error(refused.text, "distance_km") or "")
    tomorrow = {**form, "distance_km": "8", "date": (TODAY + timedelta(days=1)).isoformat()}
    refused = ada_web.submit(page_path, f"{page_path}/run", tomorrow)
    assert refused.status_code == 422 and "future" in (field_error(refused.text, "date") or "")
    assert ada_web.api("GET", "/activities").json()["activities"] == [item]

    saved = ada_web.submit(page_path, f"{page_path}/run", {**form, "distance_km": "8"})
    assert saved.status_code == 303
    assert "Run corrected." in page_text(ada_web.get(saved.headers["location"]).text)
    (corrected,) = ada_web.api("GET", "/activities").json()["activities"]
    assert corrected["distance_m"] == 8000 and corrected["elapsed_s"] == 44 * 60
    assert day_load(ada_web)["run_km"] == pytest.approx(8)


def test_a_logged_strength_session_is_opened_from_the_log_and_deleted(ada_web: Web) -> None:
    session_id = ada_web.api("POST", "/athletes/1/log/strength", json=HARD_SESSION).json()[
        "session"
    ]["id"]
    page_path = f"/log/strength/{session_id}"
    assert page_path in links(ada_web.get("/log").text, "/log/strength/")
    page = ada_web.get(page_path)
    assert page.status_code == 200
    text = page_text(page.text)
    assert "Single-leg Romanian deadlift" in text or "single-leg" in text.lower()
    assert "16 kg" in text and "Delete this session" in text
    assert ada_web.get("/log/strength/999999").status_code == 404

    unconfirmed = ada_web.submit(page_path, f"{page_path}/delete", {})
    assert unconfirmed.status_code == 422 and field_error(unconfirmed.text, "confirm")
    deleted = ada_web.submit(page_path, f"{page_path}/delete", {"confirm": "yes"})
    assert deleted.status_code == 303 and deleted.headers["location"] == "/log?removed=strength"
    assert "Strength session deleted." in page_text(ada_web.get("/log?removed=strength").text)
    assert ada_web.api("GET", "/athletes/1/log/strength").json()["total"] == 0


def test_a_soreness_score_is_opened_from_the_log_and_deleted(ada_web: Web) -> None:
    body = {"context": "post_run", "scores": [{"region": "quad", "side": "left", "score": 6}]}
    (quad,) = ada_web.api("POST", "/athletes/1/log/soreness", json=body).json()["soreness"]
    page_path = f"/log/soreness/{quad['id']}"
    assert page_path in links(ada_web.get("/log").text, "/log/soreness/")
    assert "6 / 10" in page_text(ada_web.get(page_path).text)
    deleted = ada_web.submit(page_path, f"{page_path}/delete", {"confirm": "yes"})
    assert deleted.status_code == 303 and deleted.headers["location"] == "/log?removed=soreness"
    assert ada_web.api("GET", "/athletes/1/log/soreness").json()["total"] == 0
    assert ada_web.get(page_path).status_code == 404


def test_a_race_is_edited_and_deleted_from_the_profile(ada_web: Web) -> None:
    race = {"name": "Club 10k", "date": TODAY.isoformat(), "distance": "10k", "goal": "0:48:00"}
    assert ada_web.submit("/profile", "/profile/races", race).status_code == 303
    (goal,) = ada_web.api("GET", "/athletes/1/races").json()["races"]
    edit_path = f"/profile/races/{goal['id']}"
    assert edit_path in links(ada_web.get("/profile").text, "/profile/races/")
    page = ada_web.get(edit_path)
    assert page.status_code == 200
    assert 'value="Club 10k"' in page.text and 'value="0:48:00"' in page.text
    assert labelled_controls_missing(page.text) == []

    future = {**race, "date": "2026-10-04", "result": "0:47:12"}
    refused = ada_web.submit(edit_path, edit_path, future)
    assert refused.status_code == 422 and field_error(refused.text, "result")
    saved = ada_web.submit(edit_path, edit_path, {**race, "result": "0:47:12"})
    assert saved.status_code == 303 and saved.headers["location"] == "/profile?race=updated#races"
    profile = page_text(ada_web.get("/profile?race=updated").text)
    assert "Race saved." in profile and "result 0:47:12" in profile
    (result,) = ada_web.api("GET", "/athletes/1/races").json()["races"]
    assert result["id"] == goal["id"] and result["result"] == "0:47:12"

    unconfirmed = ada_web.submit(edit_path, f"{edit_path}/delete", {})
    assert unconfirmed.status_code == 422 and field_error(unconfirmed.text, "confirm")
    deleted = ada_web.submit(edit_path, f"{edit_path}/delete", {"confirm": "yes"})
    assert deleted.status_code == 303
    assert ada_web.api("GET", "/athletes/1/races").json()["races"] == []
    assert "Race deleted." in page_text(ada_web.get("/profile?race=deleted").text)


def test_an_id_no_row_can_have_deletes_nothing(ada_web: Web, engine: Engine) -> None:
    activity_id = imported_run(engine)
    huge = "9" * 20
    for path in (
        f"/activities/{huge}",
        f"/athletes/1/log/strength/{huge}",
        f"/athletes/1/log/soreness/{huge}",
        f"/athletes/1/races/{huge}",
    ):
        response = ada_web.api("DELETE", path)
        assert response.status_code in (404, 422), (path, response.text)
    for path in (f"/activities/{huge}/delete", f"/log/strength/{huge}/delete"):
        assert ada_web.submit("/profile", path, {"confirm": "yes"}).status_code == 404, path
    assert ada_web.get(f"/profile/races/{huge}").status_code == 404
    assert ada_web.api("GET", "/activities").json()["activities"][0]["id"] == activity_id
