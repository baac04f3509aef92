"""Format sniffing by content: FIT, GPX, TCX, gzip, and one-line errors for everything else."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime
from pathlib import Path

import pytest

import stridewell.importers.fit as fit_package
from stridewell.domain.activities import Activity, ActivityFileError
from stridewell.importers import ImportItem, parse_bytes, parse_item
from stridewell.importers.items import ActivityMetadata

GPX = (
    b'<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
    b"<trk><type>9</type><trkseg>"
    b'<trkpt lat="1" lon="1"><time>2024-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>'
)
TCX = (
    b'<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
    b'<Activities><Activity Sport="Running"><Id>2024-01-01T00:00:00Z</Id>'
    b'<Lap StartTime="2024-01-01T00:00:00Z"><TotalTimeSeconds>60</TotalTimeSeconds><Track>'
    b"<Trackpoint><Time>2024-01-01T00:00:00Z</Time></Trackpoint></Track></Lap></Activity>"
    b"</Activities></TrainingCenterDatabase>"
)


@pytest.mark.parametrize(("name", "data"), [("run.tcx", GPX), ("run.gpx", TCX), ("x", GPX)])
def test_content_decides_not_the_name(name: str, data: bytes) -> None:
    (activity,) = parse_bytes(name, data)
    assert activity.source_kind == ("gpx" if data is GPX else "tcx")
    assert activity.sport == "running"


def test_gzip_is_unwrapped_first() -> None:
    (activity,) = parse_bytes("run.gpx.gz", gzip.compress(GPX))
    assert activity.start_utc == datetime(2024, 1, 1, tzinfo=UTC)


def test_fit_goes_to_the_fit_decoder(monkeypatch: pytest.MonkeyPatch) -> None:
    header = bytes([14, 0x20, 0, 0, 0, 0, 0, 0]) + b".FIT" + b"\0\0"
    seen: list[bytes] = []

    def decoder(data: bytes) -> list[Activity]:
        seen.append(data)
        return []

    monkeypatch.setattr(fit_package, "fit_to_activities", decoder)
    assert parse_bytes("ride.gpx", header) == []
    assert seen == [header]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("run.fit", b"", "empty file"),
        ("run.gpx.gz", gzip.compress(b"", mtime=0), "empty file (inside its gzip wrapping)"),
        (
            "run.gpx",
            b" \n\t ",
            "unrecognised file format: the file holds only whitespace (named .gpx)",
        ),
        (
            "map.gpx",
            b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
            "unrecognised file format: a PNG image (named .gpx), not a FIT, GPX or TCX file",
        ),
        (
            "blob.bin",
            bytes(range(256)) * 4,
            "unrecognised file format: binary data that is not UTF-8 text, "
            "not a FIT, GPX or TCX file",
        ),
        (
            "notes.txt",
            "Laufen macht Spaß".encode(),
            "unrecognised file format: text that is not XML, not a FIT, GPX or TCX file",
        ),
        (
            "run.fit",
            b"\x0e\x10\0\0\0\0\0\0NOPE" + b"\0" * 20,
            "unrecognised file format: the FIT header lacks its '.FIT' signature at byte 8",
        ),
        (
            "route.kml",
            b"<?xml version='1.0'?><kml xmlns='http://www.opengis.net/kml/2.2'/>",
            "unrecognised file format: an XML document with root <kml>, neither GPX nor TCX",
        ),
    ],
)
def test_what_is_not_an_activity_file_says_what_it_is(name: str, data: bytes, message: str) -> None:
    with pytest.raises(ActivityFileError) as raised:
        parse_bytes(name, data)
    assert str(raised.value) == message


def test_export_metadata_is_laid_over_the_file(tmp_path: Path) -> None:
    path = tmp_path / "run.gpx"
    path.write_bytes(GPX)
    metadata = ActivityMetadata(
        name="Parkrun", sport="running", sub_sport="trail", rpe=8.0, gear="Speedgoat"
    )
    (activity,) = parse_item(ImportItem(str(path), source=path, metadata=metadata)).activities
    assert (activity.name, activity.sport, activity.sub_sport) == ("Parkrun", "running", "trail")
    assert (activity.rpe, activity.gear) == (8.0, "Speedgoat")
    untyped = ActivityMetadata(name="Commute")
    (kept,) = parse_item(ImportItem(str(path), source=path, metadata=untyped)).activities
    assert (kept.name, kept.sport) == ("Commute", "running")  # the file's <type>9</type> stays


def test_listed_activity_keeps_a_stable_identity() -> None:
    listed = Activity(
        source_kind="csv", sport="training", start_utc=datetime(2024, 1, 1, tzinfo=UTC)
    )
    first = parse_item(ImportItem("a.zip!activities.csv#5", listed=listed, listed_key="strava:5"))
    second = parse_item(ImportItem("b/activities.csv#5", listed=listed, listed_key="strava:5"))
    assert first.sha256 == second.sha256
    assert first.activities == (listed,)
