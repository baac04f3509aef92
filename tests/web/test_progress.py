"""The Progress page and its JSON twins (/api/v1/load, /records, /insights, /progress):
charts with captions and the numbers beside them, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine

from stridewell.domain.load.report import ACWR_CAVEAT
from stridewell.domain.strength_log import SetEntry, SorenessContext, SorenessEntry, StrengthSession
from stridewell.domain.vocab import Region
from stridewell.services.insights import insights, insights_to_dict
from stridewell.services.load import load_watch, load_watch_to_dict
from stridewell.services.records import records, records_to_dict
from stridewell.services.runs import log_manual_run
from stridewell.services.soreness import log_soreness
from stridewell.services.strength_log import log_strength_session
from stridewell.store.db import unit_of_work
from stridewell.web import charts
from tests.conftest import TODAY
from tests.web.conftest import Web
from tests.web.html import field_error, page_text, parse, text_of
from tests.web.test_static import contrast

# Eight weeks of training up to the week before TODAY (Wednesday 11 March 2026); the last
# one doubles the running.
FIRST_MONDAY = date(2026, 1, 12)
RUN_DAYS = (1, 3, 6)  # Tuesday, Thursday, Sunday
STRENGTH_DAYS = (0, 4)  # Monday, Friday


def week(number: int) -> date:
    return FIRST_MONDAY + timedelta(weeks=number)


def train(engine: Engine) -> None:
    """Ada's record: runs, two strength sessions a week with a rising hip thrust, soreness
    after runs that moves from the quads to the glutes, and an IT-band injury."""
    with unit_of_work(engine) as session:
        for number in range(8):
            run_km = 30.0 if number < 7 else 60.0
            for offset in RUN_DAYS:
                day = week(number) + timedelta(days=offset)
                if day > TODAY:
                    continue
                distance = run_km / len(RUN_DAYS)
                log_manual_run(
                    session, 1, TODAY, day=day, distance_km=distance,
                    duration_s=int(distance * 330), rpe=5, name=f"Run {day.isoformat()}",
                )  # fmt: skip
            if number in (2, 3):
                continue  # two weeks without the gym
            for offset in STRENGTH_DAYS:
                day = week(number) + timedelta(days=offset)
                if day > TODAY:
                    continue
                load_kg = 60.0 + 5 * number
                sets = tuple(
                    SetEntry("hip-thrust", reps=8, load_kg=load_kg, rpe=8) for _ in range(3)
                )
                log_strength_session(
                    session, 1, StrengthSession(day, sets, duration_s=2700, rpe=7), TODAY
                )
        for number, (quad, glute) in enumerate(((6, 2), (5, 3), (3, 3), (2, 4))):
            day = week(2 * number) + timedelta(days=RUN_DAYS[-1])
            entries = [
                SorenessEntry(day, SorenessContext.POST_RUN, Region.QUAD, quad),
                SorenessEntry(day, SorenessContext.POST_RUN, Region.GLUTE, glute),
            ]
            log_soreness(session, 1, entries, TODAY)


@pytest.fixture
def trained_web(ada_web: Web, engine: Engine) -> Web:
    train(engine)
    injury = {
        "region": "it_band",
        "side": "right",
        "onset": week(2).isoformat(),
        "resolved": week(4).isoformat(),
        "severity": 4,
    }
    assert ada_web.api("POST", "/athletes/1/injuries", json=injury).status_code == 201
    race = {"name": "City 10k", "date": "2025-10-05", "distance": "10k", "result": "0:46:30"}
    assert ada_web.api("POST", "/athletes/1/races", json=race).status_code == 201
    return ada_web


def figure(text: str, name: str) -> dict[str, Any]:
    scripts = parse(text).xpath(f"//script[@id='figure-{name}']")
    assert scripts, f"no figure {name!r} on the page"
    data = json.loads(scripts[0].text)
    assert isinstance(data, dict)
    return data


def chart_block(text: str, name: str) -> Any:
    (block,) = parse(text).xpath(f"//figure[.//div[@id='chart-{name}']]")
    return block


# --- the JSON twins ----------------------------------------------------------------------------


def test_load_records_and_insights_answer_as_the_cli_json(trained_web: Web, engine: Engine) -> None:
    with unit_of_work(engine) as session:
        cli_load = load_watch_to_dict(load_watch(session, 1, TODAY, days=30))
        cli_records = records_to_dict(records(session, 1, TODAY))
        cli_insights = insights_to_dict(insights(session, 1, TODAY))
    assert trained_web.api("GET", "/load", params={"days": 30}).json() == cli_load
    assert trained_web.api("GET", "/records").json() == cli_records
    assert trained_web.api("GET", "/insights").json() == cli_insights


def test_the_load_answer_holds_the_training_that_was_logged(trained_web: Web) -> None:
    load = trained_web.api("GET", "/load", params={"days": 60}).json()
    assert set(load) >= {"as_of", "days", "weeks", "flags", "caveat"}
    assert load["as_of"] == TODAY.isoformat() and len(load["days"]) == 60
    by_day = {day["date"]: day for day in load["days"]}
    a_run_day = (week(5) + timedelta(days=1)).isoformat()
    assert by_day[a_run_day]["run_km"] == pytest.approx(10.0)
    assert set(load["days"][0]) >= {
        "date", "load", "run_km", "acute", "chronic", "acwr", "acwr_ewma", "ctl", "atl", "tsb",
    }  # fmt: skip
    weeks = {w["week_start"]: w for w in load["weeks"]}
    assert weeks[week(5).isoformat()]["run_km"] == pytest.approx(30.0)
    # Twice the usual running: flagged in words, with the caveat that it predicts nothing.
    assert any(flag["code"] == "ramp_high" for flag in load["flags"])
    assert load["caveat"] == ACWR_CAVEAT

    as_of = trained_web.api("GET", "/load", params={"as_of": week(3).isoformat(), "days": 7})
    assert as_of.json()["days"][-1]["date"] == week(3).isoformat()


def test_the_insights_answer_shows_the_soreness_shift_and_strength(trained_web: Web) -> None:
    data = trained_web.api("GET", "/insights").json()
    indexes = [point["index"] for point in data["soreness_index"]]
    assert indexes == pytest.approx([6 / 8, 5 / 8, 3 / 6, 2 / 6])
    (hip_thrust,) = data["strength"]["e1rm"]
    assert hip_thrust["exercise"] == "hip-thrust"
    assert hip_thrust["latest_kg"] > hip_thrust["points"][0]["e1rm_kg"]


def test_bad_parameters_are_refused_with_the_field(trained_web: Web) -> None:
    cases = [
        ("/load", {"as_of": "yesterday"}, "as_of"),
        ("/load", {"as_of": (TODAY + timedelta(days=1)).isoformat()}, "as_of"),
        ("/load", {"days": 0}, "days"),
        ("/insights", {"adherence_weeks": 9}, "adherence_weeks"),
        ("/progress", {"weeks": 7}, "weeks"),
    ]
    for path, params, field in cases:
        response = trained_web.api("GET", path, params=params)
        assert response.status_code == 422, (path, params, response.text)
        assert response.json()["error"]["field"] == field, (path, params)


def test_the_progress_answer_has_the_timeline_of_strength_weeks(trained_web: Web) -> None:
    data = trained_web.api("GET", "/progress", params={"weeks": 12}).json()
    assert data["weeks"] == 12 and data["as_of"] == TODAY.isoformat()
    assert set(data) >= {"load", "records", "insights", "strength_weeks", "injuries"}
    weeks = {w["week_start"]: w for w in data["strength_weeks"]}
    assert weeks[week(1).isoformat()] == {
        "week_start": week(1).isoformat(), "sessions": 2, "adherent": True,
    }  # fmt: skip
    assert weeks[week(2).isoformat()]["sessions"] == 0
    assert not weeks[week(2).isoformat()]["adherent"]
    # The timeline runs up to this week, which has no session yet.
    assert data["strength_weeks"][-1] == {
        "week_start": week(8).isoformat(), "sessions": 0, "adherent": False,
    }  # fmt: skip
    assert [i["region"] for i in data["injuries"]] == ["it_band"]
    assert data["records"]["pbs"][0]["distance"] == "10k"


# --- the page ------------------------------------------------------------------------------------


def test_the_progress_page_draws_every_chart_with_a_caption_and_its_numbers(
    trained_web: Web,
) -> None:
    response = trained_web.get("/progress")
    assert response.status_code == 200
    text = response.text
    names = ("volume", "acwr", "fitness", "e1rm", "hard_sets", "injuries", "soreness")
    for name in names:
        block = chart_block(text, name)
        caption = block.xpath(".//figcaption")
        assert caption and len(text_of(caption[0])) > 40, name
        numbers = block.xpath(".//details//table//tr")
        assert len(numbers) > 1, f"{name}: no table of numbers"
        data = figure(text, name)["data"]
        assert data and any(trace.get("x") for trace in data), name
    assert parse(text).xpath("//script[@src='/static/plotly.min.js']")
    acwr_caption = text_of(chart_block(text, "acwr").xpath(".//figcaption")[0])
    assert ACWR_CAVEAT.lower() in acwr_caption.lower()


def test_the_page_charts_hold_the_logged_numbers(trained_web: Web) -> None:
    text = trained_web.get("/progress", params={"weeks": "12"}).text
    volume = figure(text, "volume")["data"][0]
    km_by_week = dict(zip(volume["x"], volume["y"], strict=True))
    assert km_by_week[week(5).isoformat()] == pytest.approx(30.0)
    volume_rows = [text_of(row) for row in chart_block(text, "volume").xpath(".//tbody/tr")]
    assert any(row.startswith(week(5).isoformat()) and "30.0 km" in row for row in volume_rows)

    e1rm = figure(text, "e1rm")["data"]
    assert [trace["name"] for trace in e1rm] == ["Barbell hip thrust"]
    assert e1rm[0]["y"] == sorted(e1rm[0]["y"])  # heavier every week

    heat = figure(text, "hard_sets")["data"][0]
    glutes = heat["y"].index("Gluteus maximus")
    column = heat["x"].index(week(1).isoformat())
    assert heat["z"][glutes][column] == 6  # 3 hard sets, twice

    timeline = figure(text, "injuries")
    onsets = [t for t in timeline["data"] if t.get("name") == "Injury onset"]
    assert onsets and onsets[0]["x"] == [week(2).isoformat()]
    spans = [s for s in timeline["layout"]["shapes"] if s["type"] == "rect"]
    assert [(s["x0"], s["x1"]) for s in spans] == [(week(2).isoformat(), week(4).isoformat())]

    soreness = figure(text, "soreness")["data"][0]
    assert soreness["y"] == pytest.approx([0.75, 0.62, 0.5, 0.33], abs=0.01)

    records = parse(text).xpath("//section[@aria-labelledby='records']")[0]
    assert "0:46:30" in text_of(records) and "Marathon" in text_of(records)


def test_a_runner_without_a_record_sees_what_would_fill_the_page(ada_web: Web) -> None:
    response = ada_web.get("/progress")
    assert response.status_code == 200
    text = page_text(response.text)
    assert "No runs or strength sessions in this period" in text
    assert "No personal bests yet" in text
    assert not parse(response.text).xpath("//script[@src='/static/plotly.min.js']")


def test_an_unknown_period_is_refused_next_to_its_field(trained_web: Web) -> None:
    response = trained_web.get("/progress", params={"weeks": "5"})
    assert response.status_code == 422
    assert "Choose one of the periods" in (field_error(response.text, "weeks") or "")
    assert parse(response.text).xpath("//script[@id='figure-volume']")  # shown for 6 months


@pytest.mark.parametrize("colour", sorted(set(charts.SERIES_COLOURS)))
def test_chart_colours_stand_out_on_white(colour: str) -> None:
    # WCAG 2.1 1.4.11: lines and marks a reader needs, at least 3:1 against the background.
    assert contrast(colour, "#ffffff") >= 3.0
