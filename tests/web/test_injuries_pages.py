"""The injuries page (add, update, mark healed) and the return-to-run page (readiness checks and
the pain of each walk-run session)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.conftest import TODAY
from tests.web.conftest import Web
from tests.web.html import field_error, labelled_controls_missing, links, page_text

ACHILLES = {"region": "achilles", "side": "left", "onset": "2026-02-20", "severity": "5"}
CHECKS = {
    "check_date": "2026-03-04",
    "walk_pain": "0",
    "single_leg_squat_pain": "2",
    "jog_on_spot_pain": "1",
    "hop_pain": "1",
}


def injuries(web: Web) -> list[dict[str, Any]]:
    return list(web.api("GET", "/athletes/1/injuries").json()["injuries"])


def rehab(web: Web) -> dict[str, Any]:
    response = web.api("GET", "/athletes/1/rehab")
    assert response.status_code == 200, response.text
    return dict(response.json())


def add_achilles(web: Web) -> dict[str, Any]:
    assert web.submit("/injuries", "/injuries", ACHILLES).status_code == 303
    return next(i for i in injuries(web) if i["region"] == "achilles")


def test_an_injury_is_added_and_listed_first_while_active(ada_web: Web) -> None:
    response = ada_web.submit(
        "/injuries",
        "/injuries",
        {
            "region": "knee",
            "side": "right",
            "onset": "2025-05-01",
            "resolved": "2025-06-01",
            "severity": "4",
            "days_off_running": "20",
        },
    )
    assert response.status_code == 303
    add_achilles(ada_web)
    page = ada_web.get("/injuries")
    text = page_text(page.text)
    assert text.index("Achilles (left)") < text.index("Knee (right)")
    assert "active" in text and "20 days off running" in text
    [achilles] = [i for i in injuries(ada_web) if i["region"] == "achilles"]
    assert f"/injuries/{achilles['id']}" in links(page.text, "/injuries/")
    assert f"/rehab?injury={achilles['id']}" in links(page.text, "/rehab")
    assert labelled_controls_missing(page.text) == []


def test_a_bad_injury_is_refused_next_to_its_field(ada_web: Web) -> None:
    response = ada_web.submit("/injuries", "/injuries", {**ACHILLES, "severity": "15"})
    assert response.status_code == 422
    message = field_error(response.text, "severity")
    assert message is not None and "0 to 10" in message
    assert injuries(ada_web) == []


def test_an_injury_is_updated_and_marked_healed_in_one_go(ada_web: Web) -> None:
    injury = add_achilles(ada_web)
    page = f"/injuries/{injury['id']}"
    assert labelled_controls_missing(ada_web.get(page).text) == []
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    form = {
        "severity": "3",
        "days_off_running": "12",
        "notes": "calf raises",
        "resolved": yesterday,
    }
    response = ada_web.submit(page, page, form)
    assert response.status_code == 303, response.text
    [changed] = injuries(ada_web)
    assert changed == {
        **injury,
        "severity": 3,
        "days_off_running": 12,
        "notes": "calf raises",
        "resolved": yesterday,
        "active": False,
    }


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"severity": "11"}, "severity", "0 to 10"),
        ({"days_off_running": "-2"}, "days_off_running", "negative"),
        ({"resolved": "2026-01-01"}, "resolved", "before the onset"),
        ({"resolved": "soon"}, "resolved", "not a date"),
    ],
)
def test_a_bad_update_changes_nothing(
    ada_web: Web, changes: dict[str, str], field: str, words: str
) -> None:
    injury = add_achilles(ada_web)
    page = f"/injuries/{injury['id']}"
    form = {"severity": "2", "days_off_running": "4", "notes": "better", **changes}
    response = ada_web.submit(page, page, form)
    assert response.status_code == 422
    message = field_error(response.text, field)
    assert message is not None and words in message
    assert injuries(ada_web) == [injury], "the update is not half-saved with a bad heal date"


def test_an_unknown_injury_is_not_found(ada_web: Web) -> None:
    assert ada_web.get("/injuries/999").status_code == 404
    assert ada_web.get("/injuries/abc").status_code == 404


def test_without_an_injury_the_return_to_run_page_says_so(ada_web: Web) -> None:
    text = page_text(ada_web.get("/rehab").text)
    assert "No injury needs a return to run" in text


def test_the_return_to_run_page_walks_the_runner_up_the_stages(ada_web: Web) -> None:
    add_achilles(ada_web)
    page = ada_web.get("/rehab")
    text = page_text(page.text)
    assert "Readiness checks" in text and "stridewell" not in text
    assert labelled_controls_missing(page.text) == []
    response = ada_web.submit("/rehab", "/rehab/readiness", CHECKS)
    assert response.status_code == 303, response.text
    assert rehab(ada_web)["stage"] == 1
    text = page_text(ada_web.get("/rehab").text)
    assert "Stage 1 of" in text and "Log a walk-run session" in text
    during = {"date": "2026-03-05", "stage": "1", "pain_during": "1"}
    assert ada_web.submit("/rehab", "/rehab/sessions", during).status_code == 303
    morning = {"date": "2026-03-05", "stage": "1", "pain_next_morning": "0", "settled_24h": "yes"}
    assert ada_web.submit("/rehab", "/rehab/sessions", morning).status_code == 303
    report = rehab(ada_web)
    assert report["green_sessions"] == 1
    assert [h["gate"] for h in report["history"]] == ["green"]
    assert "Green" in page_text(ada_web.get("/rehab").text)


@pytest.mark.parametrize(
    ("action", "form", "field", "words"),
    [
        ("/rehab/readiness", {**CHECKS, "hop_pain": "12"}, "hop_pain", "0 to 10"),
        ("/rehab/readiness", {**CHECKS, "walk_pain": ""}, "walk_pain", "required"),
        ("/rehab/readiness", {**CHECKS, "check_date": "2026-01-01"}, "check_date", "onset"),
        (
            "/rehab/sessions",
            {"date": "2026-03-05", "stage": "1", "pain_during": "1"},
            "stage",
            "readiness checks first",
        ),
    ],
)
def test_bad_pain_logs_are_refused_next_to_their_field(
    ada_web: Web, action: str, form: dict[str, str], field: str, words: str
) -> None:
    add_achilles(ada_web)
    before = rehab(ada_web)
    response = ada_web.submit("/rehab", action, form)
    assert response.status_code == 422
    message = field_error(response.text, field)
    assert message is not None and words in message
    assert "stridewell" not in message
    assert rehab(ada_web) == before


def test_empty_readiness_checks_are_marked_at_every_test(ada_web: Web) -> None:
    add_achilles(ada_web)
    empty = {name: "" for name in CHECKS if name.endswith("_pain")}
    response = ada_web.submit("/rehab", "/rehab/readiness", {**CHECKS, **empty})
    assert response.status_code == 422
    for name in empty:
        message = field_error(response.text, name)
        assert message is not None and "required" in message, name


def test_a_stage_session_form_error_sits_next_to_its_field(ada_web: Web) -> None:
    add_achilles(ada_web)
    assert ada_web.submit("/rehab", "/rehab/readiness", CHECKS).status_code == 303
    before = rehab(ada_web)
    form = {"date": "2026-03-05", "stage": "1", "pain_during": "1", "pain_next_morning": "15"}
    response = ada_web.submit("/rehab", "/rehab/sessions", form)
    assert response.status_code == 422
    message = field_error(response.text, "pain_next_morning")
    assert message is not None and "0 to 10" in message
    assert rehab(ada_web) == before
