"""Logging a strength session from the web: the planned sheet, ticking sets, free logging, and
refusals that save nothing."""

from __future__ import annotations

from typing import Any

import pytest

from stridewell.domain.exercises.lookup import by_slug
from tests.conftest import TODAY
from tests.web.conftest import Web
from tests.web.html import field_error, labelled_controls_missing, links, page_text, parse
from tests.web.log_forms import (
    PlannedStrength,
    latest_planned_strength,
    logged_sessions,
    new_sessions,
    plan_from_this_monday,
    row_indices,
    save,
    sheet_values,
    tick,
)


@pytest.fixture
def planned(demo_web: Web) -> PlannedStrength:
    return latest_planned_strength(plan_from_this_monday(demo_web))


def first_number(reps: str) -> str:
    return "".join(ch for ch in reps.split("-")[0] if ch.isdigit())


def test_the_planned_session_becomes_a_sheet_of_sets(
    demo_web: Web, planned: PlannedStrength
) -> None:
    page = demo_web.get(planned.log_path)
    assert page.status_code == 200
    values = sheet_values(page.text)
    doc = parse(page.text)
    assert planned.session["title"] in page_text(page.text)
    for exercise in planned.session["exercises"]:
        rows = row_indices(values, exercise["slug"])
        sides = ["left", "right"] if exercise["per_side"] else ["both"]
        assert len(rows) == exercise["sets"] * len(sides)
        assert [values[f"set-{i}-side"] for i in rows] == sides * exercise["sets"]
        for index in rows:
            if exercise["hold_s"] is not None:
                assert values[f"set-{index}-hold_s"] == str(exercise["hold_s"])
                assert f"set-{index}-reps" not in values
            else:  # the low end of the range, to adjust
                assert values[f"set-{index}-reps"] == first_number(exercise["reps"])
            row = doc.xpath(f'//input[@name="set-{index}-done"]/ancestor::li[1]')[0]
            assert row.get("data-rest-s") == str(exercise["rest_s"])
    assert not any(name.endswith("-done") for name in values), "nothing is ticked yet"
    assert values["date"] == TODAY.isoformat()
    assert values["planned_session"].isdigit()
    assert labelled_controls_missing(page.text) == []


def test_the_session_page_today_and_the_log_link_to_the_sheet(
    demo_web: Web, planned: PlannedStrength
) -> None:
    session_page = demo_web.get(f"/plan/sessions/{planned.day.isoformat()}/{planned.number}")
    assert planned.log_path in links(session_page.text, "/log/")
    assert planned.day == TODAY, "the plan from this Monday has a strength session today"
    assert planned.log_path in links(demo_web.get("/").text, "/log/")
    assert planned.log_path in links(demo_web.get("/log").text, "/log/")


def test_ticked_sets_are_saved_with_what_was_typed(demo_web: Web, planned: PlannedStrength) -> None:
    before = logged_sessions(demo_web)  # the demo runner's twelve weeks
    values = sheet_values(demo_web.get(planned.log_path).text)
    first = planned.session["exercises"][0]
    rows = row_indices(values, first["slug"])
    ticked = tick(values, *rows[:2], load_kg="12.5", rpe="7")
    ticked.update(duration="42", rpe="6", notes="felt strong")
    response = save(demo_web, ticked)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/log?saved=strength"
    [stored] = new_sessions(demo_web, before)
    assert stored["date"] == TODAY.isoformat()
    assert stored["duration_s"] == 42 * 60 and stored["rpe"] == 6
    assert stored["notes"] == "felt strong"
    assert stored["planned_session_id"] == int(values["planned_session"])
    assert [s["exercise"] for s in stored["sets"]] == [first["slug"]] * 2
    assert [s["side"] for s in stored["sets"]] == [values[f"set-{i}-side"] for i in rows[:2]]
    assert all(s["load_kg"] == 12.5 and s["rpe"] == 7 for s in stored["sets"])
    confirmation = page_text(demo_web.get("/log?saved=strength").text)
    assert "Strength session saved" in confirmation
    assert "2 sets" in confirmation
    assert f"Done ✓ {planned.session['title']}" in confirmation


def test_next_time_the_sheet_starts_from_last_times_load(
    demo_web: Web, planned: PlannedStrength
) -> None:
    values = sheet_values(demo_web.get(planned.log_path).text)
    slug = planned.session["exercises"][0]["slug"]
    rows = row_indices(values, slug)
    assert save(demo_web, tick(values, rows[0], load_kg="20")).status_code == 303
    again = demo_web.get(planned.log_path)
    refilled = sheet_values(again.text)
    side = values[f"set-{rows[0]}-side"]
    same_side = [i for i in row_indices(refilled, slug) if refilled[f"set-{i}-side"] == side]
    assert {refilled[f"set-{i}-load_kg"] for i in same_side} == {"20"}
    assert "Last time" in page_text(again.text)


def test_bad_sets_are_refused_next_to_their_fields_and_nothing_is_saved(
    demo_web: Web, planned: PlannedStrength
) -> None:
    before = logged_sessions(demo_web)
    values = sheet_values(demo_web.get(planned.log_path).text)
    exercise = next(e for e in planned.session["exercises"] if e["hold_s"] is None)
    rows = row_indices(values, exercise["slug"])
    ticked = tick(values, rows[0], reps="lots")
    ticked = tick(ticked, rows[1], rpe="12")
    ticked = tick(ticked, rows[2], load_kg="-5")
    ticked["duration"] = "soon"
    response = save(demo_web, ticked)
    assert response.status_code == 422
    name = exercise["name"]
    reps_error = field_error(response.text, f"set-{rows[0]}-reps")
    assert reps_error is not None and "whole number" in reps_error and name in reps_error
    rpe_error = field_error(response.text, f"set-{rows[1]}-rpe")
    assert rpe_error is not None and "0 to 10" in rpe_error
    load_error = field_error(response.text, f"set-{rows[2]}-load_kg")
    assert load_error is not None and "0 to 500 kg" in load_error
    duration_error = field_error(response.text, "duration")
    assert duration_error is not None and "not a number" in duration_error
    assert "Nothing was saved" in page_text(response.text)
    # What was typed comes back, ticks included, so it can be corrected.
    again = sheet_values(response.text)
    assert again[f"set-{rows[0]}-reps"] == "lots" and again[f"set-{rows[0]}-done"] == "1"
    assert logged_sessions(demo_web) == before


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"date": "2026-03-12"}, "date", "in the future"),
        ({"date": "yesterday"}, "date", "not a date"),
        ({"duration": "0:00:30"}, "duration", "out of range"),
    ],
)
def test_bad_session_fields_are_refused_next_to_them(
    demo_web: Web, planned: PlannedStrength, changes: dict[str, str], field: str, words: str
) -> None:
    before = logged_sessions(demo_web)
    values = sheet_values(demo_web.get(planned.log_path).text)
    row = row_indices(values, planned.session["exercises"][0]["slug"])[0]
    response = save(demo_web, {**tick(values, row), **changes})
    assert response.status_code == 422
    message = field_error(response.text, field)
    assert message is not None and words in message
    assert logged_sessions(demo_web) == before


def test_a_sheet_with_nothing_ticked_saves_nothing(demo_web: Web, planned: PlannedStrength) -> None:
    before = logged_sessions(demo_web)
    response = save(demo_web, sheet_values(demo_web.get(planned.log_path).text))
    assert response.status_code == 422
    assert "Tick the sets you did" in page_text(response.text)
    assert logged_sessions(demo_web) == before


def test_a_ticked_set_without_reps_is_refused(demo_web: Web, planned: PlannedStrength) -> None:
    before = logged_sessions(demo_web)
    values = sheet_values(demo_web.get(planned.log_path).text)
    exercise = next(e for e in planned.session["exercises"] if e["hold_s"] is None)
    row = row_indices(values, exercise["slug"])[0]
    response = save(demo_web, tick(values, row, reps=""))
    assert response.status_code == 422
    message = field_error(response.text, f"set-{row}-reps")
    assert message is not None and "give the reps" in message.lower()
    assert logged_sessions(demo_web) == before


def test_the_sheet_needs_the_forms_csrf_token(demo_web: Web, planned: PlannedStrength) -> None:
    before = logged_sessions(demo_web)
    values = sheet_values(demo_web.get(planned.log_path).text)
    row = row_indices(values, planned.session["exercises"][0]["slug"])[0]
    ticked = tick(values, row)
    del ticked["csrf_token"]
    response = save(demo_web, ticked)
    assert response.status_code == 403
    assert "Nothing was saved" in response.text
    assert save(demo_web, {**ticked, "csrf_token": "forged"}).status_code == 403
    assert logged_sessions(demo_web) == before


def test_free_logging_adds_exercises_by_name_and_keeps_what_was_typed(demo_web: Web) -> None:
    before = logged_sessions(demo_web)
    start = demo_web.get("/log/strength")
    assert start.status_code == 200
    values = sheet_values(start.text)
    assert values["rows"] == "0"
    copenhagen = by_slug("copenhagen-plank")
    added = save(demo_web, {**values, "add_exercise": copenhagen.name.upper()}, action="add")
    assert added.status_code == 200
    values = sheet_values(added.text)
    rows = row_indices(values, copenhagen.slug)
    sides = 2 if copenhagen.unilateral else 1
    assert rows and len(rows) % sides == 0
    values = tick(values, rows[0], hold_s="25")
    # Adding a second exercise keeps the first one's tick and values.
    again = save(demo_web, {**values, "add_exercise": "single-leg-rdl"}, action="add")
    assert again.status_code == 200
    kept = sheet_values(again.text)
    assert kept[f"set-{rows[0]}-done"] == "1" and kept[f"set-{rows[0]}-hold_s"] == "25"
    assert row_indices(kept, by_slug("single-leg-rdl").slug)
    assert kept["add_exercise"] == ""
    assert save(demo_web, kept).status_code == 303
    [stored] = new_sessions(demo_web, before)
    assert stored["planned_session_id"] is None
    assert stored["sets"] == [
        {
            "exercise": copenhagen.slug,
            "name": copenhagen.name,
            "side": kept[f"set-{rows[0]}-side"],
            "reps": None,
            "load_kg": None,
            "hold_s": 25,
            "rpe": None,
        }
    ]


def test_adding_the_same_exercise_again_carries_on_its_set_numbers(demo_web: Web) -> None:
    values = sheet_values(demo_web.get("/log/strength").text)
    once = sheet_values(save(demo_web, {**values, "add_exercise": "hip thrust"}, "add").text)
    twice = sheet_values(save(demo_web, {**once, "add_exercise": "hip thrust"}, "add").text)
    rows = row_indices(twice, "hip-thrust")
    numbers = [int(twice[f"set-{i}-number"]) for i in rows]
    assert numbers == list(range(1, len(rows) + 1))


@pytest.mark.parametrize(
    ("text", "words"),
    [("bridge", "matches"), ("zzzz-unknown", "unknown exercise")],
)
def test_an_exercise_that_is_not_clear_is_refused_next_to_the_search(
    demo_web: Web, text: str, words: str
) -> None:
    values = sheet_values(demo_web.get("/log/strength").text)
    response = save(demo_web, {**values, "add_exercise": text}, action="add")
    assert response.status_code == 422
    message = field_error(response.text, "add_exercise")
    assert message is not None and words in message.lower()
    assert sheet_values(response.text)["rows"] == "0"


def test_a_planned_session_that_is_not_strength_or_not_there_is_not_found(
    demo_web: Web,
) -> None:
    plan = plan_from_this_monday(demo_web)
    sessions = [s for week in plan["weeks"] for s in week["sessions"]]
    run = next(s for s in sessions if s["kind"] == "run")
    number = [s for s in sessions if s["date"] == run["date"]].index(run) + 1
    for path in (
        f"/log/strength/{run['date']}/{number}",
        "/log/strength/2001-01-01/1",
        "/log/strength/not-a-day/1",
        "/log/strength?planned=999999",
        "/log/strength?planned=abc",
    ):
        assert demo_web.get(path).status_code == 404, path


def test_a_planned_session_opens_by_its_id_too(demo_web: Web, planned: PlannedStrength) -> None:
    planned_id = sheet_values(demo_web.get(planned.log_path).text)["planned_session"]
    page = demo_web.get(f"/log/strength?planned={planned_id}")
    assert page.status_code == 200
    assert sheet_values(page.text)["planned_session"] == planned_id
    assert planned.session["title"] in page_text(page.text)


def draft(web: Web, planned: PlannedStrength) -> Any:
    return web.api(
        "GET", f"/athletes/1/log/strength/planned/{planned.day.isoformat()}/{planned.number}"
    )


def test_the_api_gives_the_same_prefilled_sheet(demo_web: Web, planned: PlannedStrength) -> None:
    response = draft(demo_web, planned)
    assert response.status_code == 200, response.text
    body = response.json()
    page_values = sheet_values(demo_web.get(planned.log_path).text)
    assert body["planned_session_id"] == int(page_values["planned_session"])
    assert [e["exercise"] for e in body["exercises"]] == [
        e["slug"] for e in planned.session["exercises"]
    ]
    for exercise, prescribed in zip(body["exercises"], planned.session["exercises"], strict=True):
        sides = 2 if prescribed["per_side"] else 1
        assert len(exercise["sets"]) == prescribed["sets"] * sides
        assert exercise["rest_s"] == prescribed["rest_s"]
