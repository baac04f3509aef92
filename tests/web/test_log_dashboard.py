"""Today's numbers move when the runner logs: strength done this week, load and form, the active
injury and its return-to-run stage."""

from __future__ import annotations

import math

import pytest

from stridewell.web.templating import sentence
from tests.web.conftest import Web
from tests.web.html import page_text
from tests.web.log_forms import (
    latest_planned_strength,
    plan_from_this_monday,
    row_indices,
    save,
    sheet_values,
    tick,
)


def test_logging_a_strength_session_moves_the_week_and_the_load(demo_web: Web) -> None:
    plan = plan_from_this_monday(demo_web)
    planned = latest_planned_strength(plan)
    strength_this_week = sum(1 for s in plan["weeks"][0]["sessions"] if s["kind"] == "strength")
    before = page_text(demo_web.get("/").text)
    assert f"Strength {strength_this_week} 0" in before
    # The demo runner's twelve weeks are in the load already; nothing is logged today.
    load_before = demo_web.api("GET", "/athletes/1/today").json()["load"]
    assert f"Fatigue (ATL) {load_before['atl']:.0f}" in before

    values = sheet_values(demo_web.get(planned.log_path).text)
    rows = row_indices(values, planned.session["exercises"][0]["slug"])
    done = tick(values, *rows, load_kg="10")
    done.update(duration="50", rpe="7")
    assert save(demo_web, done).status_code == 303

    after = page_text(demo_web.get("/").text)
    assert f"Strength {strength_this_week} 1" in after
    today = demo_web.api("GET", "/athletes/1/today").json()
    assert today["week"]["done"]["strength"] == 1
    # foster2001: 50 min at RPE 7 is 350 units today; fatigue (7-day) takes more of it than
    # fitness (42-day). Form is yesterday's fitness minus fatigue: it moves tomorrow.
    load = today["load"]
    assert load["atl"] - load_before["atl"] == pytest.approx(350 * (1 - math.exp(-1 / 7)))
    assert load["ctl"] - load_before["ctl"] == pytest.approx(350 * (1 - math.exp(-1 / 42)))
    assert f"Fatigue (ATL) {load['atl']:.0f}" in after and "Form (TSB)" in after
    assert sentence(today["load"]["caveat"]) in after  # the ACWR caveat, in words


def test_the_load_card_waits_for_the_first_session(ada_web: Web) -> None:
    text = page_text(ada_web.get("/").text)
    assert "Form (TSB)" not in text and "Fatigue (ATL)" not in text
    assert "once runs and sessions are logged" in text
    assert ada_web.api("GET", "/athletes/1/today").json()["load"] is None
    run = {"date": "2026-03-10", "distance_km": "8.5", "duration": "0:49:00", "rpe": "3"}
    assert ada_web.submit("/log/run", "/log/run", run).status_code == 303
    text = page_text(ada_web.get("/").text)
    assert "Form (TSB)" in text and "Fatigue (ATL)" in text
    assert "once runs and sessions are logged" not in text


def test_a_logged_run_counts_on_today(demo_web: Web) -> None:
    plan = plan_from_this_monday(demo_web)
    runs_this_week = sum(1 for s in plan["weeks"][0]["sessions"] if s["kind"] == "run")
    assert f"Runs {runs_this_week} 0" in page_text(demo_web.get("/").text)
    run = {"date": "2026-03-10", "distance_km": "8.5", "duration": "0:49:00", "rpe": "3"}
    assert demo_web.submit("/log/run", "/log/run", run).status_code == 303
    text = page_text(demo_web.get("/").text)
    assert f"Runs {runs_this_week} 1" in text
    assert "8.5 km" in text.split("This week", 1)[1]


def test_an_injury_and_its_return_to_run_stage_show_on_today(demo_web: Web) -> None:
    assert "No active injury" in page_text(demo_web.get("/").text)
    injury = {"region": "calf", "side": "right", "onset": "2026-02-25", "severity": "4"}
    assert demo_web.submit("/injuries", "/injuries", injury).status_code == 303
    text = page_text(demo_web.get("/").text)
    assert "Calf (right)" in text
    assert "Return to run: stage 0, readiness checks" in text
    checks = {
        "check_date": "2026-03-10",
        "walk_pain": "0",
        "single_leg_squat_pain": "1",
        "jog_on_spot_pain": "0",
        "hop_pain": "2",
    }
    assert demo_web.submit("/rehab", "/rehab/readiness", checks).status_code == 303
    text = page_text(demo_web.get("/").text)
    assert "Return to run: stage 1, walk" in text
