"""Importing activity files through the service: counts, duplicates, failures, the pool, and
the whole shared corpus against its reference values."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from stridewell.domain.athletes import Athlete
from stridewell.domain.load import HeartRateProfile, streams_load
from stridewell.domain.vocab import Sex
from stridewell.importers.items import ImportItem
from stridewell.services import imports
from stridewell.services.athletes import create_athlete
from stridewell.services.imports import import_paths, report_to_dict
from stridewell.store.db import unit_of_work
from stridewell.store.models import ActivityRow, ActivityStreamRow
from stridewell.store.repositories import ActivityRepository

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
EXPECTED: dict[str, Any] = json.loads((CORPUS / "EXPECTED.json").read_text())["files"]
RUN_FIT = CORPUS / "fit" / "fitparse__2013-02-06-12-11-14.fit"
MULTISPORT = CORPUS / "fit" / "fitparse__activity-large-fenxi2-multisport.fit"
TRUNCATED = CORPUS / "fit" / "fitparse__activity-unexpected-eof.fit"
WORKOUT = CORPUS / "fit" / "fitparse__WorkoutRepeatSteps.fit"
STRAVA = CORPUS / "other" / "assembled__strava_export_sample.zip"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not found")


@pytest.fixture
def athlete_id(engine: Engine, today: Any) -> int:
    with unit_of_work(engine) as session:
        athlete = create_athlete(session, Athlete(name="Runner", sex=Sex.F, birth_year=1990), today)
    assert athlete.id is not None
    return athlete.id


def sessions_for(engine: Engine) -> Any:
    @contextmanager
    def factory() -> Iterator[Session]:
        with unit_of_work(engine) as session:
            yield session

    return factory


def count_activities(engine: Engine) -> int:
    with unit_of_work(engine) as session:
        return int(session.scalar(select(func.count()).select_from(ActivityRow)) or 0)


def test_import_reports_each_file_and_stores_whole_activities(
    engine: Engine, athlete_id: int
) -> None:
    report = import_paths(
        sessions_for(engine), athlete_id, [RUN_FIT, MULTISPORT, TRUNCATED, WORKOUT], workers=1
    )
    data = report_to_dict(report)
    assert data["failed"] == [
        {"path": str(TRUNCATED), "error": "FIT file truncated at byte 768 (expected 771)"}
    ]
    assert [s["path"] for s in data["skipped"]] == [str(WORKOUT)]
    assert "workout" in data["skipped"][0]["reason"]
    multisport = [a for a in data["activities"] if a["path"] == str(MULTISPORT)]
    expected = EXPECTED[f"fit/{MULTISPORT.name}"]
    assert len(multisport) == expected["session_count"] > 1
    run = next(a for a in data["activities"] if a["path"] == str(RUN_FIT))
    reference = EXPECTED[f"fit/{RUN_FIT.name}"]
    assert run["sport"] == "running"
    assert datetime.fromisoformat(run["start"]) == datetime.fromisoformat(
        reference["start_time"].replace("Z", "+00:00")
    )
    assert run["distance_m"] == pytest.approx(reference["total_distance_m"], rel=0.005)
    assert run["samples"] == reference["record_count"]
    assert data["imported"] == count_activities(engine) == 1 + len(multisport)
    with unit_of_work(engine) as session:
        streams = session.scalar(select(func.count()).select_from(ActivityStreamRow))
    assert streams == data["imported"]  # one columnar blob per activity, not a row per sample


def test_import_keeps_what_each_hr_stream_gives_for_the_load_watch(engine: Engine) -> None:
    """Each activity's heart-rate stream is measured at import for the athlete's HR profile
    and kept with it: the number equals a measurement of the stream as stored, and an
    activity without heart rate is marked as giving none."""
    with unit_of_work(engine) as session:
        athlete = create_athlete(
            session, Athlete(name="R", sex=Sex.F, birth_year=1990, max_hr=190, rest_hr=50),
            date(2026, 3, 11),
        )  # fmt: skip
    assert athlete.id is not None
    files = [RUN_FIT, MULTISPORT, CORPUS / "gpx" / "gpxpy__Mojstrovka.gpx"]
    report = import_paths(sessions_for(engine), athlete.id, files, workers=1)
    profile = HeartRateProfile(max_hr_bpm=190, rest_hr_bpm=50, sex=Sex.F)
    measured = []
    with unit_of_work(engine) as session:
        repository = ActivityRepository(session)
        for item in report.imported:
            stored = repository.get(item.id)
            assert stored is not None and stored.stream_load is not None
            found = streams_load(stored.activity.streams, profile)
            assert stored.stream_load.load == (None if found is None else found[0])
            measured.append(stored.stream_load.load is not None)
    assert measured.count(False) == 1 and measured.count(True) >= 2  # the GPX track: no HR


def test_second_import_adds_nothing(engine: Engine, athlete_id: int) -> None:
    first = import_paths(sessions_for(engine), athlete_id, [RUN_FIT, MULTISPORT], workers=1)
    second = import_paths(sessions_for(engine), athlete_id, [RUN_FIT, MULTISPORT], workers=1)
    assert len(first.imported) > 0
    assert second.imported == []
    assert second.duplicates == [str(RUN_FIT), str(MULTISPORT)]
    assert count_activities(engine) == len(first.imported)


def test_same_content_twice_in_one_run_is_one_activity(
    engine: Engine, athlete_id: int, tmp_path: Path
) -> None:
    copy = tmp_path / "copy-of-run.fit"
    copy.write_bytes(RUN_FIT.read_bytes())
    report = import_paths(sessions_for(engine), athlete_id, [RUN_FIT, copy], workers=1)
    assert len(report.imported) == 1
    assert report.duplicates == [str(copy)]


def test_strava_export_joins_csv_and_reports_the_missing_file(
    engine: Engine, athlete_id: int
) -> None:
    report = import_paths(sessions_for(engine), athlete_id, [STRAVA], workers=1)
    data = report_to_dict(report)
    assert any("missing from the export" in f["error"] for f in data["failed"])
    names = {a["name"] for a in data["activities"]}
    assert None not in names  # every activity carries its name from activities.csv
    csv_only = [a for a in data["activities"] if a["source_kind"] == "csv"]
    assert csv_only, "a row without a file still becomes an activity"
    again = import_paths(sessions_for(engine), athlete_id, [STRAVA], workers=1)
    assert again.imported == [] and len(again.duplicates) == len(report.imported)


class _FailingRepository:
    """Stores the first activity of a file, then fails: the file must leave nothing behind."""

    def __init__(self, session: Session) -> None:
        from stridewell.store.repositories.activities import ActivityRepository

        self.inner = ActivityRepository(session)
        self.calls = 0

    def add(self, *args: Any, **kwargs: Any) -> int:
        from sqlalchemy.exc import OperationalError

        self.calls += 1
        if kwargs.get("source_index", 0) >= 1:
            raise OperationalError("INSERT", {}, Exception("disk full"))
        return self.inner.add(*args, **kwargs)


def test_a_file_that_fails_to_store_leaves_no_half_activity(
    engine: Engine, athlete_id: int
) -> None:
    writer_report = imports.ImportReport()
    writer = imports._Writer(
        sessions_for(engine),
        athlete_id,
        writer_report,
        lambda: datetime.now(UTC),
        repository=_FailingRepository,
    )
    outcome = imports.process_item(ImportItem(str(MULTISPORT), source=MULTISPORT))
    single = imports.process_item(ImportItem(str(RUN_FIT), source=RUN_FIT))
    writer.add(outcome)
    writer.add(single)
    writer.flush()
    assert [p.path for p in writer_report.failed] == [str(MULTISPORT)]
    assert "disk full" in writer_report.failed[0].message
    assert [i.path for i in writer_report.imported] == [str(RUN_FIT)]
    assert count_activities(engine) == 1


def test_pool_and_single_process_give_the_same_activities(
    sqlite_engine: Engine, today: Any
) -> None:
    folder = CORPUS / "tcx"
    results = []
    for workers in (1, 2):
        with unit_of_work(sqlite_engine) as session:
            athlete = create_athlete(
                session, Athlete(name=f"W{workers}", sex=Sex.X, birth_year=1990), today
            )
        assert athlete.id is not None
        report = import_paths(sessions_for(sqlite_engine), athlete.id, [folder], workers=workers)
        data = report_to_dict(report)
        for activity in data["activities"]:
            activity.pop("id")
        results.append(data)
    assert len(results[0]["activities"]) >= imports.POOL_THRESHOLD
    assert results[0] == results[1]


@pytest.mark.slow
def test_whole_corpus_matches_the_reference_values(sqlite_engine: Engine, today: Any) -> None:
    """Every valid file imports with the reference start, distance and elapsed time; every
    invalid one fails or is skipped with a reason (EXPECTED.json, ../shared/corpus)."""
    with unit_of_work(sqlite_engine) as session:
        athlete = create_athlete(session, Athlete(name="All", sex=Sex.F, birth_year=1985), today)
    assert athlete.id is not None
    report = import_paths(sessions_for(sqlite_engine), athlete.id, [CORPUS], workers=2)
    prefix = str(CORPUS) + "/"
    by_path: dict[str, list[dict[str, Any]]] = {}
    for activity in report_to_dict(report)["activities"]:
        by_path.setdefault(activity["path"].removeprefix(prefix), []).append(activity)
    problems = {p.path.removeprefix(prefix): p.message for p in report.failed + report.skipped}
    # The corpus holds some files twice (inside zips too): the same content imports once.
    duplicates = {path.removeprefix(prefix) for path in report.duplicates}
    for key, expected in EXPECTED.items():
        if expected["format"] == "csv" or key in duplicates:
            continue
        if expected.get("valid") is False and "lenient" not in expected:
            if key in by_path:
                # A bad-CRC FIT file is salvaged with a note (policy in importers/fit/activity).
                assert all(any("salvaged" in n for n in a["notes"]) for a in by_path[key]), key
            else:
                assert key in problems, f"{key}: invalid file neither failed nor skipped"
            continue
        if key in problems:
            assert expected.get("session_count", 1) == 0 or expected.get(
                "file_type", "activity"
            ) != "activity" or expected.get("trackpoint_count", 1) == 0 or "time" in problems[
                key
            ] or "track" in problems[key], f"{key}: {problems[key]}"
            continue
        assert key in by_path, f"{key} was not imported"
        starts = sorted(datetime.fromisoformat(a["start"]) for a in by_path[key])
        reference = expected.get("lenient", expected)
        start_text = reference.get("start_time") or ""
        if start_text and not start_text.startswith("relative:"):
            first = datetime.fromisoformat(start_text.replace("Z", "+00:00"))
            assert starts[0] == first, key
        sessions = [s for s in expected.get("sessions", []) if s.get("total_elapsed_time_s")]
        if sessions and len(sessions) == len(by_path[key]):
            for session, activity in zip(sessions, by_path[key], strict=True):
                assert activity["elapsed_s"] == pytest.approx(
                    session["total_elapsed_time_s"], rel=0.005, abs=1
                ), key
