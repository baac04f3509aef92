"""Owning your data from the browser: the athlete's zip and the full backup, from the profile
page and /api/v1, with accounts deciding who may download what (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, date, datetime

from sqlalchemy import Engine

from stridewell.services.backup import read_backup, restore_backup
from stridewell.store.db import open_engine, unit_of_work
from stridewell.store.migrate import upgrade
from tests.web.conftest import Web
from tests.web.test_accounts import athlete, sign_in, user
from tests.web.test_activities import add_activity, steady_run


def names_in(archive: zipfile.ZipFile, table: str) -> list[str]:
    text = archive.read(f"{table}.csv").decode("utf-8")
    return [row["name"] for row in csv.DictReader(io.StringIO(text))]


def test_the_profile_page_offers_the_downloads(ada_web: Web) -> None:
    page = ada_web.get("/profile").text
    assert 'action="/profile/data.zip"' in page
    assert 'name="samples"' in page
    assert 'href="/plan.ics"' in page
    # A personal install (no accounts): whoever is at this computer owns all of it.
    assert 'href="/backup.json"' in page


def test_the_zip_holds_the_athletes_data_and_on_request_the_samples(
    ada_web: Web, engine: Engine
) -> None:
    run_id = add_activity(engine, 1, steady_run(datetime(2026, 3, 1, 8, tzinfo=UTC), 600), "x")
    response = ada_web.get("/profile/data.zip")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert 'filename="stridewell-ada-' in response.headers["content-disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert names_in(archive, "athletes") == ["Ada"]
    assert "samples/" not in " ".join(archive.namelist())

    with_samples = ada_web.get("/profile/data.zip?samples=1")
    archive = zipfile.ZipFile(io.BytesIO(with_samples.content))
    assert "-with-samples.zip" in with_samples.headers["content-disposition"]
    samples = archive.read(f"samples/activity-{run_id}.csv").decode("utf-8").splitlines()
    assert samples[0].startswith("t,distance") and len(samples) == 601


def test_the_backup_from_the_browser_restores_into_an_empty_database(ada_web: Web) -> None:
    response = ada_web.get("/backup.json")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    backup = read_backup(io.StringIO(response.text))
    empty = open_engine("sqlite://")
    upgrade(empty)
    with unit_of_work(empty) as session:
        summary = restore_backup(session, backup)
    assert summary.rows["athlete"] == 1
    empty.dispose()


def test_the_api_gives_the_same_downloads(ada_web: Web) -> None:
    response = ada_web.api("GET", "/athletes/1/export.zip?samples=true")
    assert response.status_code == 200
    assert names_in(zipfile.ZipFile(io.BytesIO(response.content)), "athletes") == ["Ada"]
    backup = ada_web.api("GET", "/backup")
    assert json.loads(backup.text)["format"] == "stridewell-backup"
    missing = ada_web.api("GET", "/athletes/99/export.zip")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    document = ada_web.api("GET", "/openapi.json").json()
    assert "/athletes/{athlete_id}/export.zip" in document["paths"]
    assert "/backup" in document["paths"]


def test_with_accounts_each_downloads_only_what_is_theirs(
    web: Web, engine: Engine, today: date
) -> None:
    ada, bo = athlete(engine, today, "Ada"), athlete(engine, today, "Bo")
    user(engine, "ada@club.example", "athlete", ada)
    user(engine, "admin@club.example", "admin")

    sign_in(web, "ada@club.example")
    archive = zipfile.ZipFile(io.BytesIO(web.get("/profile/data.zip").content))
    assert names_in(archive, "athletes") == ["Ada"]
    assert 'href="/backup.json"' not in web.get("/profile").text
    refused = web.get("/backup.json")
    assert refused.status_code == 403
    assert "stridewell-backup" not in refused.text
    api_refused = web.api("GET", "/backup")
    assert api_refused.status_code == 403
    assert api_refused.json()["error"]["code"] == "forbidden"
    # Another athlete's data is not found, as if they did not exist.
    assert web.api("GET", f"/athletes/{bo}/export.zip").status_code == 404

    web.client.cookies.clear()
    sign_in(web, "admin@club.example")
    backup = read_backup(io.StringIO(web.get("/backup.json").text))
    assert {row[1] for row in backup["tables"]["user"]["rows"]} == {
        "ada@club.example",
        "admin@club.example",
    }
