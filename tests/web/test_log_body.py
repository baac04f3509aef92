"""The log hub, the run form and the soreness form: saved through the services, refused next to
the field at fault with nothing saved, and never without the form's CSRF token."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import TODAY
from tests.web.conftest import Web
from tests.web.html import field_error, labelled_controls_missing, page_text, parse

RUN = {"date": TODAY.isoformat(), "distance_km": "8,5", "duration": "0:48:30", "rpe": "4"}


def soreness_rows(web: Web) -> list[dict[str, Any]]:
    """Every soreness score of athlete 1 (the demo runner's history too)."""
    body = web.api("GET", "/athletes/1/log/soreness", params={"limit": 200}).json()
    assert body["total"] == len(body["soreness"]), "one page holds them all"
    return list(body["soreness"])


def load_of(web: Web) -> Any:
    return web.api("GET", "/athletes/1/today").json()["load"]


def test_the_log_offers_every_kind_of_entry(demo_web: Web) -> None:
    page = demo_web.get("/log")
    assert page.status_code == 200
    hrefs = {a.get("href") for a in parse(page.text).xpath("//main//a")}
    assert {"/log/strength", "/log/run", "/log/soreness", "/rehab", "/injuries"} <= hrefs
    nav = parse(page.text).xpath('//nav[@aria-label="Main"]//a[@aria-current="page"]')
    assert [a.text_content() for a in nav] == ["Log"]


@pytest.mark.parametrize("path", ["/log", "/log/run", "/log/soreness", "/log/strength"])
def test_every_logging_form_labels_its_controls(demo_web: Web, path: str) -> None:
    page = demo_web.get(path)
    assert page.status_code == 200
    assert labelled_controls_missing(page.text) == []


def test_a_run_is_saved_and_loads_the_week(demo_web: Web) -> None:
    before = load_of(demo_web)  # the demo runner's twelve weeks, nothing today
    assert before is not None
    response = demo_web.submit("/log/run", "/log/run", RUN)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/log?saved=run"
    assert "Run saved" in page_text(demo_web.get("/log?saved=run").text)
    load = load_of(demo_web)
    assert load is not None
    assert load["atl"] - before["atl"] > load["ctl"] - before["ctl"] > 0


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"distance_km": ""}, "distance_km", "give the distance"),
        ({"distance_km": "far"}, "distance_km", "must be a number"),
        ({"distance_km": "900"}, "distance_km", "at most 400 km"),
        ({"duration": ""}, "duration", "give the time"),
        ({"duration": "an hour"}, "duration", "duration"),
        ({"distance_km": "21.1", "duration": "0:30:00"}, "duration", "world record"),
        ({"rpe": "11"}, "rpe", "0 to 10"),
        ({"date": "2026-03-12"}, "date", "in the future"),
    ],
)
def test_a_bad_run_is_refused_next_to_its_field(
    demo_web: Web, changes: dict[str, str], field: str, words: str
) -> None:
    before = load_of(demo_web), demo_web.api("GET", "/activities").json()["total"]
    response = demo_web.submit("/log/run", "/log/run", {**RUN, **changes})
    assert response.status_code == 422
    message = field_error(response.text, field)
    assert message is not None and words in message.lower()
    assert "Nothing was saved" in page_text(response.text)
    assert (load_of(demo_web), demo_web.api("GET", "/activities").json()["total"]) == before


def test_soreness_is_saved_by_region_and_side(demo_web: Web) -> None:
    before = soreness_rows(demo_web)  # the demo runner's history
    scores = {"score-quad-left": "6", "score-quad-right": "4", "score-lower_back-both": "0"}
    response = demo_web.submit(
        "/log/soreness",
        "/log/soreness",
        {"date": TODAY.isoformat(), "context": "post_run", **scores, "score-calf-left": ""},
    )
    assert response.status_code == 303, response.text
    stored = [row for row in soreness_rows(demo_web) if row not in before]
    assert all(row["date"] == TODAY.isoformat() for row in stored)
    assert sorted((s["region"], s["side"], s["score"], s["context"]) for s in stored) == [
        ("lower_back", "both", 0, "post_run"),
        ("quad", "left", 6, "post_run"),
        ("quad", "right", 4, "post_run"),
    ]
    hub = page_text(demo_web.get("/log?saved=soreness").text)
    assert "Soreness saved" in hub and "Quad (left) 6/10" in hub


def test_the_soreness_form_lists_every_region_with_a_score_per_side(demo_web: Web) -> None:
    doc = parse(demo_web.get("/log/soreness").text)
    names = set(doc.xpath('//select[starts-with(@name, "score-")]/@name'))
    regions = {name.split("-")[1] for name in names}
    assert len(regions) == 13
    assert "score-knee-left" in names and "score-knee-right" in names
    assert "score-lower_back-both" in names and "score-lower_back-left" not in names
    options = doc.xpath('//select[@name="score-quad-left"]/option/@value')
    assert options == ["", *[str(score) for score in range(11)]]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({}, "scores", "score at least one region"),
        ({"score-quad-left": "11"}, "score-quad-left", "0 to 10"),
        ({"score-glute-right": "sore"}, "score-glute-right", "whole number"),
        ({"score-quad-left": "3", "context": "lunch"}, "context", "unknown"),
        ({"score-quad-left": "3", "date": "2026-03-12"}, "date", "in the future"),
    ],
)
def test_bad_soreness_is_refused_next_to_its_field(
    demo_web: Web, changes: dict[str, str], field: str, words: str
) -> None:
    before = soreness_rows(demo_web)
    form = {"date": TODAY.isoformat(), "context": "morning", **changes}
    response = demo_web.submit("/log/soreness", "/log/soreness", form)
    assert response.status_code == 422
    if field == "scores":
        assert words in page_text(response.text).lower()
    else:
        message = field_error(response.text, field)
        assert message is not None and words in message.lower()
    assert soreness_rows(demo_web) == before


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("/log/run", RUN),
        ("/log/soreness", {"context": "morning", "score-quad-left": "5"}),
        ("/log/strength", {"action": "save", "rows": "0"}),
        ("/injuries", {"region": "knee", "side": "left", "onset": "2026-03-01", "severity": "3"}),
        ("/rehab/readiness", {"walk_pain": "0"}),
        ("/rehab/sessions", {"stage": "1", "pain_during": "1"}),
    ],
)
def test_every_logging_form_needs_its_csrf_token(
    demo_web: Web, action: str, data: dict[str, str]
) -> None:
    before = (load_of(demo_web), soreness_rows(demo_web), demo_web.api("GET", "/athletes/1"))
    response = demo_web.client.post(action, data=data)
    assert response.status_code == 403
    assert "The form has expired" in response.text
    forged = demo_web.client.post(action, data={**data, "csrf_token": "not-the-token"})
    assert forged.status_code == 403
    after = (load_of(demo_web), soreness_rows(demo_web), demo_web.api("GET", "/athletes/1"))
    assert after[:2] == before[:2] and after[2].json() == before[2].json()
