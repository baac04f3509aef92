"""Strava bulk exports: activities.csv joined to its files, as a zip and as a folder."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from stridewell.domain.activities import ActivityFileError
from stridewell.importers import (
    ParsedItem,
    close_archives,
    iter_import_items,
    parse_item,
    read_strava_export,
)
from stridewell.importers.strava_export import parse_activities_csv

CORPUS = (Path(__file__).parents[2] / ".." / "shared" / "corpus").resolve()
SAMPLE = CORPUS / "other" / "assembled__strava_export_sample.zip"
needs_sample = pytest.mark.skipif(not SAMPLE.is_file(), reason=f"no sample export at {SAMPLE}")

HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,"
    "Distance,Max Heart Rate,Relative Effort,Commute,Activity Private Note,Activity Gear,Filename,"
    "Athlete Weight,Bike Weight,Elapsed Time,Moving Time,Distance,Max Speed,Average Speed,"
    "Elevation Gain,Elevation Loss,Perceived Exertion"
)


@pytest.fixture(autouse=True)
def _close_archives() -> Any:
    yield
    close_archives()


@needs_sample
def test_sample_export_joins_rows_to_files_and_reports_the_missing_one() -> None:
    export = read_strava_export(SAMPLE)
    shown = [item.path.rsplit("!", 1)[1] for item in export.items()]
    assert shown == [
        "activities/2067489619.fit.gz",
        "activities/14582164182.fit.gz",
        "activities/1681613317.gpx",
        "activities/1000000004.tcx.gz",
        "activities.csv#1000000005",
        "activities/1000000006.fit.gz",
    ]
    assert [item.metadata.name for item in export.files if item.metadata] == [
        "Afternoon Run",
        "Night Ride",
        "Afternoon Run",
        "Evening Run",
    ]
    (problem,) = export.problems
    assert problem.error == (
        "activities/1000000006.fit.gz listed in activities.csv is missing from the export"
    )


@needs_sample
def test_sample_export_imports_through_the_walker() -> None:
    results: dict[str, ParsedItem] = {}
    failures: dict[str, str] = {}
    for item in iter_import_items([SAMPLE]):
        try:
            results[item.path.rsplit("!", 1)[1]] = parse_item(item)
        except ActivityFileError as error:
            failures[item.path.rsplit("!", 1)[1]] = str(error)
    tcx = results["activities/1000000004.tcx.gz"].activities[0]
    assert (tcx.source_kind, tcx.sport, tcx.name) == ("tcx", "running", "Evening Run")
    assert tcx.start_utc == datetime(2012, 12, 26, 21, 29, 53, tzinfo=UTC)
    gpx = results["activities/1681613317.gpx"].activities[0]
    assert (gpx.sport, gpx.name, gpx.samples) == ("running", "Afternoon Run", 1038)
    gym = results["activities.csv#1000000005"].activities[0]
    assert (gym.source_kind, gym.sport, gym.sub_sport) == ("csv", "training", "strength_training")
    assert gym.name == "Evening Weight Training"
    assert gym.start_utc == datetime(2021, 3, 3, 18, 30, tzinfo=UTC)
    assert (gym.elapsed_s, gym.moving_s, gym.distance_m) == (2700.0, 2700.0, 0.0)
    assert list(failures) == ["activities/1000000006.fit.gz"]
    # Importing the export again gives the same identities, so nothing is imported twice.
    again = {parse_item(item).sha256 for item in read_strava_export(SAMPLE).items()[:5]}
    assert again == {parsed.sha256 for parsed in results.values()}


@needs_sample
def test_unzipped_export_folder_reads_the_same(tmp_path: Path) -> None:
    with zipfile.ZipFile(SAMPLE) as archive:
        archive.extractall(tmp_path / "export_123")
    from_zip = [item.path.rsplit("!", 1)[1] for item in read_strava_export(SAMPLE).items()]
    items = list(iter_import_items([tmp_path]))
    assert [
        item.path.removeprefix(str(tmp_path / "export_123") + "/") for item in items
    ] == from_zip
    assert parse_item(items[2]).activities[0].name == "Afternoon Run"


def test_csv_fields_dates_units_rpe_and_gear() -> None:
    rows = parse_activities_csv(
        (
            HEADER
            + "\n"
            + '11,"Jan 2, 2024, 12:05:09 AM",Tempo,Run,"3 x 2 km, felt strong",1800,'
            + '6.01,171,55,false,,Pegasus 40,activities/11.fit.gz,,,1800.0,1750.0,"6,012.5",,,'
            + "35.2,30,7\n"
            + '12,"Dec 31, 2023, 12:30:00 PM",Spin,Virtual Ride,,3600,20.5,,,,,,,,,,,,,,,,11\n'
        ).encode("utf-8-sig")
    )
    tempo, spin = rows
    assert tempo.start_utc == datetime(2024, 1, 2, 0, 5, 9, tzinfo=UTC)
    assert spin.start_utc == datetime(2023, 12, 31, 12, 30, tzinfo=UTC)
    assert tempo.distance_m == 6012.5  # the second Distance column is metres
    assert spin.distance_m == 20500.0  # only the first (km) is filled
    assert (tempo.elapsed_s, tempo.moving_s, tempo.max_hr, tempo.ascent_m) == (
        1800,
        1750,
        171,
        35.2,
    )
    assert tempo.metadata.description == "3 x 2 km, felt strong"
    assert (tempo.metadata.rpe, tempo.metadata.gear) == (7.0, "Pegasus 40")
    assert spin.metadata.rpe is None  # 11 is off Strava's 1-10 scale
    assert (spin.metadata.sport, spin.metadata.sub_sport) == ("cycling", "virtual_activity")
    assert tempo.filename == "activities/11.fit.gz" and spin.filename is None


def test_csv_that_is_not_strava_is_refused() -> None:
    with pytest.raises(ActivityFileError, match="no 'Activity ID' column"):
        parse_activities_csv(b"date,km\n2024-01-01,5\n")
    with pytest.raises(ActivityFileError, match="not valid UTF-8"):
        parse_activities_csv(b"Activity ID,Filename\n1,caf\xe9.gpx\n")


def test_row_naming_a_file_outside_the_export_fails(tmp_path: Path) -> None:
    (tmp_path / "activities").mkdir()
    (tmp_path / "activities.csv").write_text(
        "Activity ID,Activity Date,Activity Type,Filename\n"
        '7,"Mar 4, 2021, 7:00:00 AM",Run,../../secret.gpx\n'
        '8,"someday",Run,\n'
    )
    export = read_strava_export(tmp_path)
    assert [item.error for item in export.problems] == [
        "activities.csv names a file outside the export: ../../secret.gpx",
        "activities.csv line 3: activity 8 has no readable date",
    ]
    assert export.files == () and export.csv_only == ()


def test_files_no_row_names_are_still_imported(tmp_path: Path) -> None:
    (tmp_path / "activities").mkdir()
    (tmp_path / "activities" / "99.gpx").write_bytes(b"<gpx/>")
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "photo.jpg").write_bytes(b"\xff\xd8")
    (tmp_path / "activities.csv").write_text(HEADER + "\n")
    export = read_strava_export(tmp_path)
    assert [item.path for item in export.items()] == [str(tmp_path / "activities" / "99.gpx")]
    assert export.files[0].metadata is None
