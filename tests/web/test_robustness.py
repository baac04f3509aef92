"""Numbers too large for the database, and errors nobody expected: never a bare 500.

An id past what an `integer` column holds is refused in the API (422 naming the parameter) and
not found on a page (404); a form number past it is refused next to its field; an exception
no handler expects is logged and answered in the API's error shape or as a styled page, with
its transaction rolled back. On SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine

from stridewell.domain.athletes import Injury
from stridewell.store.repositories import InjuryRepository
from stridewell.web.api.pagination import MAX_OFFSET
from stridewell.web.ids import MAX_ID
from tests.web.conftest import Web
from tests.web.html import field_error, page_text, parse
from tests.web.test_accounts import sign_in, user
from tests.web.test_api import assert_error

# Past PostgreSQL's `integer` (the id columns), past SQLite's INTEGER, and far past both.
TOO_LARGE = [2**31, 2**63, 10**30]
INJURY = {"region": "achilles", "side": "left", "onset": "2026-02-20", "severity": 5}
SERVER_ERROR = {
    "error": {
        "code": "server_error",
        "message": "something went wrong on our side; nothing was saved",
        "field": None,
    }
}


def add_injury(web: Web) -> dict[str, Any]:
    response = web.api("POST", "/athletes/1/injuries", json=INJURY)
    assert response.status_code == 201, response.text
    return dict(response.json()["injury"])


def injuries(web: Web) -> list[dict[str, Any]]:
    return list(web.api("GET", "/athletes/1/injuries").json()["injuries"])


def heading(response: Any) -> str:
    return " ".join(parse(response.text).xpath("//h1")[0].text_content().split())


# --- the API ---------------------------------------------------------------------------------

# (method, path with {id}, the parameter's name, body)
API_IDS: list[tuple[str, str, str, dict[str, Any] | None]] = [
    ("GET", "/athletes/{id}", "athlete_id", None),
    ("PATCH", "/athletes/{id}", "athlete_id", {"name": "Bea"}),
    ("GET", "/athletes/{id}/injuries", "athlete_id", None),
    ("POST", "/athletes/{id}/injuries", "athlete_id", INJURY),
    ("GET", "/athletes/{id}/races", "athlete_id", None),
    ("GET", "/athletes/{id}/plan", "athlete_id", None),
    ("GET", "/athletes/{id}/log/strength", "athlete_id", None),
    ("GET", "/athletes/{id}/log/soreness", "athlete_id", None),
    ("GET", "/athletes/{id}/rehab", "athlete_id", None),
    ("GET", "/activities/{id}", "activity_id", None),
    ("PATCH", "/athletes/1/injuries/{id}", "injury_id", {"severity": 2}),
    ("POST", "/athletes/1/injuries/{id}/resolve", "injury_id", {"resolved": "2026-03-01"}),
    ("GET", "/activities?athlete_id={id}", "athlete_id", None),
    ("GET", "/athletes/1/rehab?injury={id}", "injury", None),
    ("PATCH", "/activities/{id}", "activity_id", {"rpe": 5}),
    ("DELETE", "/activities/{id}", "activity_id", None),
    ("GET", "/athletes/1/log/strength/{id}", "session_id", None),
    ("DELETE", "/athletes/1/log/strength/{id}", "session_id", None),
    ("DELETE", "/athletes/1/log/soreness/{id}", "entry_id", None),
    ("PATCH", "/athletes/1/races/{id}", "race_id", {"name": "Parkrun"}),
    ("DELETE", "/athletes/1/races/{id}", "race_id", None),
    ("GET", "/athletes/{id}/export.zip", "athlete_id", None),
]


@pytest.mark.parametrize(("method", "path", "name", "body"), API_IDS)
def test_an_id_too_large_for_the_database_is_refused_with_its_name(
    ada_web: Web, method: str, path: str, name: str, body: dict[str, Any] | None
) -> None:
    add_injury(ada_web)
    for value in TOO_LARGE:
        response = ada_web.api(method, path.format(id=value), json=body)
        message = assert_error(response, 422, "validation_error", name)
        assert name in message
    # The largest id the database holds is merely unknown.
    response = ada_web.api(method, path.format(id=MAX_ID), json=body)
    assert_error(response, 404, "not_found", None)
    assert len(injuries(ada_web)) == 1


@pytest.mark.parametrize(
    "path",
    [
        "/activities",
        "/athletes/1/log/strength",
        "/athletes/1/log/soreness",
        "/athletes",
        "/athletes/1/injuries",
        "/exercises",
    ],
)
def test_an_offset_past_any_list_is_refused_and_the_largest_is_an_empty_page(
    ada_web: Web, path: str
) -> None:
    for value in (MAX_OFFSET + 1, *TOO_LARGE[1:]):
        response = ada_web.api("GET", path, params={"offset": value})
        assert_error(response, 422, "validation_error", "offset")
    response = ada_web.api("GET", path, params={"offset": MAX_OFFSET})
    assert response.status_code == 200, response.text
    assert response.json()["offset"] == MAX_OFFSET
    assert [value for key, value in response.json().items() if isinstance(value, list)] == [[]]


SETS = [{"exercise": "clamshell", "reps": 12}]
PAINS = {"walk_pain": 0, "single_leg_squat_pain": 1, "jog_on_spot_pain": 1, "hop_pain": 1}


def test_body_numbers_too_large_are_refused_with_their_field(ada_web: Web) -> None:
    injury = add_injury(ada_web)
    plan_before = ada_web.api("GET", "/athletes/1/plan").json()
    for value in TOO_LARGE:
        refuse_body_numbers(ada_web, f"/athletes/1/injuries/{injury['id']}", value)
    assert injuries(ada_web) == [injury]
    assert ada_web.api("GET", "/athletes/1/log/strength").json()["total"] == 0
    assert ada_web.api("GET", "/athletes/1/plan").json() == plan_before


def refuse_body_numbers(web: Web, base: str, value: int) -> None:
    cases: list[tuple[str, str, dict[str, Any], str]] = [
        ("POST", "/athletes/1/plan", {"race_id": value}, "race_id"),
        (
            "POST",
            "/athletes/1/log/strength",
            {"planned_session_id": value, "sets": SETS},
            "planned_session_id",
        ),
        (
            "POST",
            "/athletes/1/rehab/log",
            {"injury_id": value, "date": "2026-03-10", "stage": 1, "pain_during": 1},
            "injury_id",
        ),
        ("POST", "/athletes/1/rehab/readiness", {"injury_id": value, **PAINS}, "injury_id"),
        (
            "POST",
            "/athletes/1/injuries",
            {**INJURY, "days_off_running": value},
            "days_off_running",
        ),
        ("PATCH", base, {"days_off_running": value}, "days_off_running"),
        (
            "POST",
            f"{base}/resolve",
            {"resolved": "2026-03-01", "days_off_running": value},
            "days_off_running",
        ),
    ]
    for method, path, body, field in cases:
        assert_error(web.api(method, path, json=body), 422, "validation_error", field)


# --- the pages -------------------------------------------------------------------------------


def test_a_page_for_an_id_no_row_can_have_is_not_found(ada_web: Web) -> None:
    add_injury(ada_web)
    for text in (str(2**31), str(2**63), "9" * 5000, "0"):
        for path in (
            f"/activities/{text}",
            f"/injuries/{text}",
            f"/log/strength?planned={text}",
            f"/rehab?injury={text}",
        ):
            response = ada_web.get(path)
            assert response.status_code == 404, path
            assert heading(response) == "Not found"


def test_a_page_address_with_an_id_that_is_no_number_is_not_found(ada_web: Web) -> None:
    for path in ("/activities/²", "/injuries/²", "/injuries/1.5", "/activities/-1"):
        response = ada_web.get(path)
        assert response.status_code == 404, path
        assert heading(response) == "Not found"


def test_a_page_number_too_large_shows_the_first_page(ada_web: Web) -> None:
    for text in (str(2**63), "9" * 5000, "²"):
        response = ada_web.get(f"/activities?page={text}")
        assert response.status_code == 200
        assert heading(response) == "Activities"


def test_a_form_number_too_large_is_refused_next_to_its_field(ada_web: Web) -> None:
    injury = add_injury(ada_web)
    page = f"/injuries/{injury['id']}"
    for text in (str(2**31), str(10**30), "9" * 5000):
        form = {**INJURY, "severity": "5", "days_off_running": text}
        for response in (
            ada_web.submit("/injuries", "/injuries", form),
            ada_web.submit(page, page, {"severity": "2", "days_off_running": text}),
        ):
            assert response.status_code == 422
            message = field_error(response.text, "days_off_running")
            assert message is not None and "must be a whole number between" in message
    assert injuries(ada_web) == [injury]


def test_a_form_id_too_large_is_not_found_and_saves_nothing(demo_web: Web) -> None:
    plan_before = demo_web.api("GET", "/athletes/1/plan").json()
    injuries_before = injuries(demo_web)
    strength_before = demo_web.api("GET", "/athletes/1/log/strength").json()["total"]
    for text in (str(2**31), str(10**30), "9" * 5000):
        refuse_form_ids(demo_web, text)
    assert demo_web.api("GET", "/athletes/1/log/strength").json()["total"] == strength_before
    assert demo_web.api("GET", "/athletes/1/plan").json() == plan_before
    assert injuries(demo_web) == injuries_before


def refuse_form_ids(web: Web, text: str) -> None:
    strength = {
        "rows": "1",
        "planned_session": text,
        "set-0-exercise": "clamshell",
        "set-0-side": "both",
        "set-0-number": "1",
        "set-0-kind": "reps",
        "set-0-reps": "5",
        "set-0-done": "1",
        "date": "2026-03-10",
    }
    response = web.submit("/log/strength", "/log/strength", strength)
    assert response.status_code == 422
    assert "no planned session with id" in page_text(response.text).lower()
    response = web.submit("/plan", "/plan/generate", {"race": text})
    assert response.status_code == 422
    message = field_error(response.text, "race")
    assert message is not None and "no race with id" in message.lower()
    rehab = {"injury": text, "date": "2026-03-10", "stage": "1", "pain_during": "1"}
    assert web.submit("/rehab", "/rehab/sessions", rehab).status_code == 404
    assert web.submit("/rehab", "/rehab/readiness", {"injury": text}).status_code == 404
    assert web.submit("/athletes", "/athletes/choose", {"athlete_id": text}).status_code == 404


def test_a_tampered_strength_sheet_is_refused_quickly(ada_web: Web) -> None:
    """A row count of 10**25 once kept the server looping over empty rows for good."""
    row = {"set-0-exercise": "clamshell", "set-0-number": "9" * 5000, "set-0-rest_s": "²"}
    for rows in (str(10**25), "9" * 5000, "²", "1"):
        form = {"rows": rows, **row, "date": "2026-03-10"}
        response = ada_web.submit("/log/strength", "/log/strength", form)
        assert response.status_code == 422
        assert "tick the sets you did" in page_text(response.text).lower()
    assert ada_web.api("GET", "/athletes/1/log/strength").json()["total"] == 0


# --- the unexpected --------------------------------------------------------------------------


@pytest.fixture
def failing_save(monkeypatch: pytest.MonkeyPatch) -> None:
    """Storing an injury writes its row, then fails as a bug would: the row must not stay."""
    add = InjuryRepository.add

    def add_then_fail(self: InjuryRepository, athlete_id: int, injury: Injury) -> Injury:
        stored = add(self, athlete_id, injury)
        assert stored.id is not None  # the INSERT has gone to the database
        raise RuntimeError("a bug after the write")

    monkeypatch.setattr(InjuryRepository, "add", add_then_fail)


def test_an_unexpected_error_in_the_api_is_a_500_in_the_error_shape(
    ada_web: Web, failing_save: None, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR, logger="stridewell.web.errors"):
        response = ada_web.api("POST", "/athletes/1/injuries", json=INJURY)
    assert response.status_code == 500
    assert response.json() == SERVER_ERROR
    assert response.headers["x-content-type-options"] == "nosniff"
    [record] = [r for r in caplog.records if r.name == "stridewell.web.errors"]
    assert "POST /api/v1/athletes/1/injuries" in record.getMessage()
    assert record.exc_info is not None and isinstance(record.exc_info[1], RuntimeError)
    assert injuries(ada_web) == [], "the write before the error was rolled back"


def test_an_unexpected_error_on_a_page_is_a_styled_500_page(
    ada_web: Web, failing_save: None, caplog: pytest.LogCaptureFixture
) -> None:
    form = {**INJURY, "severity": "5"}
    with caplog.at_level(logging.ERROR, logger="stridewell.web.errors"):
        response = ada_web.submit("/injuries", "/injuries", form)
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert heading(response) == "Something went wrong"
    assert "Something went wrong on our side; nothing was saved." in page_text(response.text)
    assert parse(response.text).xpath('//a[@href="/"]'), "the page leads back"
    [record] = [r for r in caplog.records if r.name == "stridewell.web.errors"]
    assert "POST /injuries" in record.getMessage()
    assert record.exc_info is not None and isinstance(record.exc_info[1], RuntimeError)
    assert injuries(ada_web) == []


def test_the_app_answers_normally_after_an_unexpected_error(
    ada_web: Web, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr("stridewell.web.api.athletes.list_races", fail)
    assert ada_web.api("GET", "/athletes/1").json() == SERVER_ERROR
    monkeypatch.undo()
    assert ada_web.api("GET", "/athletes/1").status_code == 200
    assert ada_web.get("/").status_code == 200


def test_account_ids_too_large_are_refused_for_an_admin(
    web: Web, engine: Engine, today: date
) -> None:
    user(engine, "admin@club.example", "admin")
    sign_in(web, "admin@club.example")
    for value in TOO_LARGE:
        assert_error(web.api("GET", f"/users/{value}"), 422, "validation_error", "user_id")
        assert_error(
            web.api("PUT", f"/users/1/athletes/{value}"), 422, "validation_error", "athlete_id"
        )
        assert web.get(f"/admin/users/{value}").status_code == 404
    assert_error(web.api("GET", f"/users/{MAX_ID}"), 404, "not_found", None)
