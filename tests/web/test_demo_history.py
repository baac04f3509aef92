"""The demo runner loaded from the welcome page comes with twelve weeks of training: Progress
draws every chart, Activities lists her runs, and each run opens like an imported one."""

from __future__ import annotations

from tests.web.conftest import Web
from tests.web.html import links, page_text, parse, text_of
from tests.web.test_progress import chart_block, figure

CHARTS = ("volume", "acwr", "fitness", "e1rm", "hard_sets", "injuries", "soreness")


def test_the_progress_answer_has_her_twelve_weeks(demo_web: Web) -> None:
    data = demo_web.api("GET", "/progress", params={"weeks": 12}).json()
    load = data["load"]
    assert sum(1 for week in load["weeks"] if week["run_km"] > 0) == 12
    assert any(day["acwr"] is not None for day in load["days"])
    assert load["days"][-1]["ctl"] > 0 and load["flags"] == []
    insights = data["insights"]
    assert len(insights["soreness_index"]) == 12
    assert insights["strength"]["e1rm"] and insights["strength"]["hard_sets_per_muscle"]
    assert sum(week["sessions"] for week in data["strength_weeks"]) == 24
    assert len(data["injuries"]) == 5
    assert {pb["source"] for pb in data["records"]["pbs"]} == {"race", "best_effort"}


def test_the_progress_page_draws_every_chart_for_her(demo_web: Web) -> None:
    response = demo_web.get("/progress")
    assert response.status_code == 200
    text = response.text
    assert "No runs or strength sessions in this period" not in page_text(text)
    for name in CHARTS:
        data = figure(text, name)["data"]
        assert data and any(trace.get("x") for trace in data), name
        assert len(chart_block(text, name).xpath(".//details//table//tr")) > 1, name
    soreness = figure(text, "soreness")["data"][0]["y"]
    assert soreness[0] > soreness[-1]  # from the quads towards the glutes


def test_her_runs_are_listed_and_open_like_imported_ones(demo_web: Web) -> None:
    listing = demo_web.get("/activities")
    assert "60 activities" in page_text(listing.text)
    opened = [link for link in links(listing.text, "/activities/") if link[-1].isdigit()]
    assert len(opened) > 1
    page = demo_web.get(opened[0])  # the newest: last Sunday's long run
    assert page.status_code == 200
    doc = parse(page.text)
    for name in ("pace", "hr", "elevation"):
        assert figure(page.text, name)["data"][0]["y"], name
    efforts = doc.xpath("//section[@aria-labelledby='best-efforts']//tbody/tr/th")
    assert [th.text_content() for th in efforts] == [
        "400 m", "1 km", "1 mile", "5 km", "10 km", "Half marathon",
    ]  # fmt: skip
    text = text_of(doc.xpath("//main")[0])
    assert "bpm average" in text and "File" not in text
    # Recorded, not typed in: only the effort and name can change, not the day or distance.
    assert not doc.xpath("//input[@name='distance_km']")
