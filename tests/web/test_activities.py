"""Activities on the web: uploading watch files, the list with filters, one activity's charts,
laps and best efforts — as pages and as /api/v1, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import Engine

from stridewell.domain.activities import Activity, Streams
from stridewell.services.activity_browser import MAX_CHART_POINTS
from stridewell.store.db import unit_of_work
from stridewell.store.repositories.activities import ActivityRepository
from tests.web.conftest import PROFILE, Web
from tests.web.html import field_error, labelled_controls_missing, links, page_text, parse

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus"
GOOD_FIT = CORPUS / "fit" / "fitparse__2013-02-06-12-11-14.fit"
CORRUPT_FIT = CORPUS / "fit" / "fitparse__activity-unexpected-eof.fit"
EXPECTED = json.loads((CORPUS / "EXPECTED.json").read_text(encoding="utf-8"))["files"]
GOOD_EXPECTED = EXPECTED["fit/fitparse__2013-02-06-12-11-14.fit"]


def upload_page(web: Web, *files: tuple[str, bytes]) -> Any:
    """Post files through the upload page's form, as a browser without script does."""
    token = web.token("/activities/upload")
    return web.client.post(
        "/activities/upload",
        data={"csrf_token": token},
        files=[("files", (name, content)) for name, content in files],
    )


def upload_api(web: Web, *files: tuple[str, bytes], **params: Any) -> Any:
    return web.api(
        "POST",
        "/activities",
        params=params,
        files=[("files", (name, content)) for name, content in files],
    )


def good_file() -> tuple[str, bytes]:
    return ("morning-run.fit", GOOD_FIT.read_bytes())


def add_activity(engine: Engine, athlete_id: int, activity: Activity, sha: str) -> int:
    with unit_of_work(engine) as session:
        return ActivityRepository(session).add(athlete_id, activity, source_sha256=sha)


def steady_run(start: datetime, samples: int, speed_m_s: float = 3.0, **fields: Any) -> Activity:
    """A run at an even pace, one sample a second, heart rate rising from 120 by 1 bpm a
    minute."""
    t = np.arange(samples, dtype=np.float64)
    streams = Streams(
        {
            "t": t,
            "distance": t * speed_m_s,
            "speed": np.full(samples, speed_m_s),
            "hr": 120.0 + t / 60.0,
            "altitude": 100.0 + np.sin(t / 600.0) * 20.0,
        }
    )
    return Activity(
        source_kind="fit",
        sport=fields.pop("sport", "running"),
        start_utc=start,
        tz_offset_s=fields.pop("tz_offset_s", 0),
        elapsed_s=float(samples),
        moving_s=float(samples),
        distance_m=samples * speed_m_s,
        streams=streams,
        **fields,
    )


# --- upload ----------------------------------------------------------------------------------


def test_a_watch_file_uploaded_on_the_page_is_imported_and_listed(ada_web: Web) -> None:
    response = upload_page(ada_web, good_file())
    assert response.status_code == 200, response.text
    result = page_text(response.text)
    assert "1 imported" in result and "0 failed" in result
    imported = links(response.text, "/activities/")
    assert len(imported) == 1
    # The file keeps the name it was uploaded under, never the temporary folder's.
    assert "morning-run.fit" in result and "/tmp" not in response.text

    listing = page_text(ada_web.get("/activities").text)
    assert "1 activity" in listing
    assert "Wed 6 Feb 2013" in listing
    assert f"{GOOD_EXPECTED['total_distance_m'] / 1000:.2f} km" in listing
    assert imported[0] in links(ada_web.get("/activities").text, "/activities/")


def test_a_corrupt_file_fails_alone_with_its_reason(ada_web: Web) -> None:
    response = upload_page(ada_web, ("broken.fit", CORRUPT_FIT.read_bytes()), good_file())
    assert response.status_code == 200
    doc = parse(response.text)
    failed = [
        " ".join(li.text_content().split())
        for li in doc.xpath("//ul[contains(@class, 'problem-list')]/li")
    ]
    assert len(failed) == 1
    assert failed[0].startswith("broken.fit:") and "truncated" in failed[0]
    assert "1 imported" in page_text(response.text)
    assert ada_web.api("GET", "/activities").json()["total"] == 1


def test_the_api_upload_answers_like_stridewell_import(ada_web: Web) -> None:
    response = upload_api(ada_web, good_file(), ("broken.fit", CORRUPT_FIT.read_bytes()))
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["imported"] == 1 and report["duplicates"] == 0 and report["skipped"] == []
    assert report["failed"] == [{"path": "broken.fit", "error": report["failed"][0]["error"]}]
    assert "truncated" in report["failed"][0]["error"]
    (activity,) = report["activities"]
    assert activity["path"] == "morning-run.fit"
    assert activity["sport"] == GOOD_EXPECTED["sport"]
    assert activity["start"].startswith(GOOD_EXPECTED["start_time"].removesuffix("Z"))
    assert activity["distance_m"] == pytest.approx(GOOD_EXPECTED["total_distance_m"], rel=0.01)
    assert activity["elapsed_s"] == pytest.approx(GOOD_EXPECTED["total_elapsed_time_s"], abs=2)
    assert activity["samples"] == GOOD_EXPECTED["record_count"]
    for key in ("id", "moving_s", "best_efforts"):
        assert key in activity


def test_uploading_the_same_file_again_adds_nothing(ada_web: Web) -> None:
    first = upload_api(ada_web, good_file()).json()
    again = upload_api(ada_web, ("renamed-copy.fit", GOOD_FIT.read_bytes())).json()
    assert first["imported"] == 1
    assert again["imported"] == 0 and again["duplicates"] == 1
    assert again["duplicate_paths"] == ["renamed-copy.fit"]
    page = upload_page(ada_web, good_file())
    assert "0 imported" in page_text(page.text) and "1 duplicate" in page_text(page.text)
    assert ada_web.api("GET", "/activities").json()["total"] == 1


def test_an_upload_without_a_file_is_refused_next_to_the_field(ada_web: Web) -> None:
    token = ada_web.token("/activities/upload")
    response = ada_web.client.post(
        "/activities/upload",
        data={"csrf_token": token},
        files=[("files", ("", b""))],  # what a form sends with no file chosen
    )
    assert response.status_code == 422
    assert "choose at least one" in (field_error(response.text, "files") or "").lower()
    refused = upload_api(ada_web)
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "files"


def test_an_upload_without_the_forms_token_or_from_another_site_saves_nothing(
    ada_web: Web,
) -> None:
    forged = ada_web.client.post("/activities/upload", files=[("files", good_file())])
    assert forged.status_code == 403
    cross_site = ada_web.client.post(
        "/api/v1/activities",
        files=[("files", good_file())],
        headers={"origin": "https://evil.example"},
    )
    assert cross_site.status_code == 403
    assert cross_site.json()["error"]["code"] == "forbidden"
    assert ada_web.api("GET", "/activities").json()["total"] == 0


# --- one activity ----------------------------------------------------------------------------


def test_the_activity_api_gives_laps_best_efforts_splits_and_streams(ada_web: Web) -> None:
    activity_id = upload_api(ada_web, good_file()).json()["activities"][0]["id"]
    detail = ada_web.api("GET", f"/activities/{activity_id}").json()
    assert detail["activity"]["id"] == activity_id
    assert len(detail["laps"]) == 5
    assert sum(lap["distance_m"] for lap in detail["laps"]) == pytest.approx(
        GOOD_EXPECTED["total_distance_m"], rel=0.01
    )
    assert [e["distance"] for e in detail["best_efforts"]] == ["400m", "1k", "1mile"]
    splits = detail["splits"]
    assert [s["number"] for s in splits] == [1, 2, 3, 4, 5]
    assert sum(s["distance_m"] for s in splits) == pytest.approx(4835.4, abs=1)
    assert sum(s["time_s"] for s in splits) == pytest.approx(
        GOOD_EXPECTED["total_elapsed_time_s"], abs=5
    )
    streams = detail["streams"]
    assert streams["points"] == streams["samples"] == GOOD_EXPECTED["record_count"]
    for name in ("distance_km", "time_s", "pace_s_per_km", "hr_bpm", "altitude_m"):
        assert len(streams[name]) == streams["points"]
    assert max(v for v in streams["hr_bpm"] if v is not None) == 171
    assert streams["distance_km"][-1] == pytest.approx(4.835, abs=0.01)


def test_a_long_activity_is_reduced_to_two_thousand_points_keeping_its_shape(
    ada_web: Web, engine: Engine
) -> None:
    samples = 3 * 3600  # three hours at one sample a second
    start = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    activity_id = add_activity(engine, 1, steady_run(start, samples, 3.0), "a" * 64)
    streams = ada_web.api("GET", f"/activities/{activity_id}").json()["streams"]
    assert streams["samples"] == samples
    assert streams["points"] == MAX_CHART_POINTS
    # 3 m/s is 5:33/km all the way; heart rate climbs 1 bpm a minute, 120 → 300 over 3 h.
    assert all(p == pytest.approx(1000 / 3, abs=0.1) for p in streams["pace_s_per_km"])
    assert streams["hr_bpm"] == sorted(streams["hr_bpm"])
    assert streams["hr_bpm"][0] == pytest.approx(120, abs=0.1)
    assert streams["hr_bpm"][-1] == pytest.approx(120 + samples / 60, abs=0.2)
    assert streams["distance_km"][-1] == pytest.approx(samples * 3 / 1000, abs=0.01)

    page = ada_web.get(f"/activities/{activity_id}")
    figure = json.loads(parse(page.text).xpath("//script[@id='figure-pace']")[0].text)
    assert len(figure["data"][0]["x"]) == MAX_CHART_POINTS
    assert "each the mean of about 6 samples" in page_text(page.text)


def test_the_activity_page_shows_charts_data_summary_laps_and_best_efforts(ada_web: Web) -> None:
    activity_id = upload_api(ada_web, good_file()).json()["activities"][0]["id"]
    page = ada_web.get(f"/activities/{activity_id}")
    assert page.status_code == 200
    doc = parse(page.text)
    for name in ("pace", "hr", "elevation"):
        chart = doc.xpath(f"//div[@id='chart-{name}']")
        assert chart and chart[0].get("data-figure") == f"figure-{name}"
        figure = json.loads(doc.xpath(f"//script[@id='figure-{name}']")[0].text)
        assert len(figure["data"][0]["y"]) == GOOD_EXPECTED["record_count"]
    hr = json.loads(doc.xpath("//script[@id='figure-hr']")[0].text)
    assert max(v for v in hr["data"][0]["y"] if v is not None) == 171
    text = page_text(page.text)
    assert "Wednesday 6 February 2013" in text
    assert "4.84 km" in text and "147 bpm average, 171 max" in text
    laps = doc.xpath("//section[@aria-labelledby='laps']//tbody/tr")
    assert len(laps) == 5
    efforts = doc.xpath("//section[@aria-labelledby='best-efforts']//tbody/tr/th")
    assert [th.text_content() for th in efforts] == ["400 m", "1 km", "1 mile"]
    splits = doc.xpath("//section[@aria-labelledby='splits']//tbody/tr")
    assert len(splits) == 5
    assert doc.xpath("//script[@src='/static/plotly.min.js']")


def test_another_athletes_activity_is_not_found(ada_web: Web, engine: Engine) -> None:
    activity_id = upload_api(ada_web, good_file()).json()["activities"][0]["id"]
    other = ada_web.api("POST", "/athletes", json={**_api_profile(), "name": "Bo"}).json()
    bo_id = other["athlete"]["id"]

    hidden = ada_web.api("GET", f"/activities/{activity_id}", params={"athlete_id": bo_id})
    assert hidden.status_code == 404
    assert hidden.json()["error"]["code"] == "not_found"
    assert ada_web.api("GET", "/activities", params={"athlete_id": bo_id}).json()["total"] == 0
    mine = ada_web.api("GET", f"/activities/{activity_id}", params={"athlete_id": 1})
    assert mine.status_code == 200
    # This browser chose Ada when she onboarded: her activities by default.
    assert ada_web.api("GET", "/activities").json()["total"] == 1

    chosen = ada_web.submit("/athletes", "/athletes/choose", {"athlete_id": str(bo_id)})
    assert chosen.status_code == 303
    assert ada_web.get(f"/activities/{activity_id}").status_code == 404
    assert ada_web.get("/activities/not-a-number").status_code == 404
    assert ada_web.api("GET", "/activities").json()["total"] == 0

    # Two athletes, none chosen and none named: the API asks which one.
    ada_web.client.cookies.clear()
    ambiguous = ada_web.api("GET", "/activities")
    assert ambiguous.status_code == 422
    assert ambiguous.json()["error"]["field"] == "athlete_id"


def _api_profile() -> dict[str, Any]:
    return {"name": PROFILE["name"], "sex": PROFILE["sex"], "birth_year": 1988}


# --- the list ------------------------------------------------------------------------------


def _archive(engine: Engine) -> None:
    """Runs and rides on known days: names, sports and offsets to filter by."""
    first = datetime(2026, 1, 5, 7, 0, tzinfo=UTC)
    for index in range(25):
        sport = "cycling" if index % 5 == 4 else "running"
        name = "Parkrun" if index % 10 == 3 else f"Session {index}"
        activity = steady_run(first + timedelta(days=index), 600, name=name, sport=sport)
        add_activity(engine, 1, activity, f"{index:064d}")
    late = steady_run(
        datetime(2026, 1, 31, 23, 30, tzinfo=UTC), 600, name="Night run", tz_offset_s=3600
    )
    add_activity(engine, 1, late, "f" * 64)


def test_the_list_filters_by_sport_day_and_words_newest_first(ada_web: Web, engine: Engine) -> None:
    _archive(engine)
    everything = ada_web.api("GET", "/activities", params={"limit": 200}).json()
    assert everything["total"] == 26
    starts = [a["start"] for a in everything["activities"]]
    assert starts == sorted(starts, key=lambda s: datetime.fromisoformat(s), reverse=True)

    rides = ada_web.api("GET", "/activities", params={"sport": "cycling"}).json()
    assert rides["total"] == 5 and {a["sport"] for a in rides["activities"]} == {"cycling"}

    parkruns = ada_web.api("GET", "/activities", params={"q": "parkrun"}).json()
    assert [a["name"] for a in parkruns["activities"]] == ["Parkrun", "Parkrun", "Parkrun"]

    # 23:30 UTC on 31 January is 1 February where the night run was (the file says +1 h).
    february = ada_web.api("GET", "/activities", params={"from": "2026-02-01"}).json()
    assert [a["name"] for a in february["activities"]] == ["Night run"]
    late_january = ada_web.api(
        "GET", "/activities", params={"from": "2026-01-29", "to": "2026-01-31"}
    ).json()
    assert [a["name"] for a in late_january["activities"]] == ["Session 24"]


def test_the_list_pages_and_rejects_a_bad_date(ada_web: Web, engine: Engine) -> None:
    _archive(engine)
    first = ada_web.api("GET", "/activities", params={"limit": 10}).json()
    second = ada_web.api("GET", "/activities", params={"limit": 10, "offset": 10}).json()
    assert first["total"] == second["total"] == 26
    assert len(first["activities"]) == len(second["activities"]) == 10
    assert not {a["id"] for a in first["activities"]} & {a["id"] for a in second["activities"]}

    refused = ada_web.api("GET", "/activities", params={"from": "2026-02-30"})
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "from"
    backwards = ada_web.api("GET", "/activities", params={"from": "2026-02-02", "to": "2026-01-01"})
    assert backwards.status_code == 422 and backwards.json()["error"]["field"] == "to"

    page = ada_web.get("/activities", params={"from": "someday"})
    assert page.status_code == 422
    assert "not a date" in (field_error(page.text, "from") or "")


def test_the_list_page_pages_through_and_keeps_its_filters(ada_web: Web, engine: Engine) -> None:
    _archive(engine)
    page_one = ada_web.get("/activities", params={"sport": "running"})
    doc = parse(page_one.text)
    assert len(doc.xpath("//ol[contains(@class, 'activity-list')]/li")) == 20
    assert "21 activities, page 1 of 2" in page_text(page_one.text)
    older = doc.xpath("//a[@rel='next']/@href")
    assert older == ["/activities?sport=running&page=2"]
    page_two = parse(ada_web.get(older[0]).text)
    assert len(page_two.xpath("//ol[contains(@class, 'activity-list')]/li")) == 1
    assert page_two.xpath("//a[@rel='prev']/@href") == ["/activities?sport=running"]
    selected = page_two.xpath("//select[@name='sport']/option[@selected]/@value")
    assert selected == ["running"]


def test_the_activity_pages_label_every_control(ada_web: Web) -> None:
    for path in ("/activities", "/activities/upload"):
        response = ada_web.get(path)
        assert response.status_code == 200
        assert labelled_controls_missing(response.text) == []
    upload = parse(ada_web.get("/activities/upload").text)
    (file_input,) = upload.xpath("//input[@type='file']")
    assert file_input.get("multiple") is not None
    assert re.search(r"\.fit.*\.gpx.*\.tcx.*\.zip.*\.gz", file_input.get("accept"))
    assert upload.xpath("//form[@enctype='multipart/form-data']/@action") == ["/activities/upload"]


def test_without_an_athlete_the_pages_send_to_the_welcome_and_the_api_says_so(web: Web) -> None:
    assert web.get("/activities").headers["location"] == "/welcome"
    missing = web.api("GET", "/activities")
    assert missing.status_code == 404 and "no athlete" in missing.json()["error"]["message"]
