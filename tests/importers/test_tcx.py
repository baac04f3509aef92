"""TCX import: every corpus TCX file against EXPECTED.json, and small files made for edge cases."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from stridewell.domain.activities import ActivityFileError, NoActivityInFile
from stridewell.domain.activity_metrics import derive
from stridewell.importers import xml_safety
from stridewell.importers.tcx import parse_tcx

CORPUS = (Path(__file__).parents[2] / ".." / "shared" / "corpus").resolve()
TCD = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
AX = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"
# The reference sums positions per <Track>; a TCX starts a Track per lap, and the runner kept
# running between laps, so we count the step from one lap's last point to the next lap's first.
# In this Suunto file the 13 lap boundaries carry 167 m (checked by hand, point by point).
ACROSS_LAPS_M = {"sportslib__tcx__unknown_example.tcx": 5025.2}


@cache
def expected() -> dict[str, Any]:
    files: dict[str, Any] = json.loads((CORPUS / "EXPECTED.json").read_text())["files"]
    return files


def corpus_tcx() -> list[str]:
    return sorted(p.name for p in (CORPUS / "tcx").glob("*.tcx")) if CORPUS.is_dir() else []


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}")
@pytest.mark.parametrize("name", corpus_tcx())
def test_corpus_file_matches_reference(name: str) -> None:
    entry = expected()[f"tcx/{name}"]
    reference = entry if entry.get("valid") else entry["lenient"]
    activities = [derive(a) for a in parse_tcx((CORPUS / "tcx" / name).read_bytes())]
    first = activities[0]
    assert sum(a.samples for a in activities) == reference["trackpoint_count"]
    assert first.start_utc == parse_time(reference["start_time"])
    positioned = sum(int(np.isfinite(a.streams.columns.get("lat", [])).sum()) for a in activities)
    assert positioned == reference["points_with_position"]
    last = activities[-1]
    span_s = (parse_time(reference["end_time"]) - first.start_utc).total_seconds()
    assert (last.start_utc - first.start_utc).total_seconds() + (last.elapsed_s or 0) == (
        pytest.approx(span_s, rel=0.005)
    )
    if len(activities) > 1:
        return  # per-activity totals are checked by hand below
    if name in ACROSS_LAPS_M:
        assert first.distance_m == pytest.approx(ACROSS_LAPS_M[name], rel=0.001)
    elif reference.get("device_distance_m") is not None:
        assert first.distance_m == pytest.approx(reference["device_distance_m"], rel=0.005)
    elif "device_distance_m" not in reference:
        # A lenient block gives only the positions' sum; the file's own distance (which we
        # keep) runs 0.5 % above it on the Polar file.
        assert first.distance_m == pytest.approx(reference["haversine_distance_m"], rel=0.01)
    elif reference["haversine_distance_m"]:
        assert first.distance_m == pytest.approx(reference["haversine_distance_m"], rel=0.005)
    else:  # a pool swim: no positions, no distance stream; the laps say how far
        assert first.distance_m == pytest.approx(reference["lap_distance_sum_m"], rel=0.005)
    if "lap_count" in reference:
        assert len(first.laps) == reference["lap_count"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}")
def test_multisport_session_gives_one_activity_per_sport() -> None:
    data = (CORPUS / "tcx" / "gc__rides__activity_165850259_multi-session.tcx").read_bytes()
    activities = [derive(a) for a in parse_tcx(data)]
    assert [a.sport for a in activities] == ["running", "cycling", "running", "cycling"]
    assert [a.start_utc.date().isoformat() for a in activities] == [
        "2011-11-29",
        "2011-12-01",
        "2011-12-04",
        "2011-12-07",
    ]
    # The runs carry the device's distance (laps: 7651.0 and 9405.0 m); the rides recorded none.
    assert activities[0].distance_m == pytest.approx(7651.0, rel=0.005)
    assert activities[2].distance_m == pytest.approx(9405.0, rel=0.001)
    assert activities[1].distance_m == 0.0
    assert all(a.device == "Forerunner305 (Unit ID 3815748186)" for a in activities)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}")
@pytest.mark.parametrize(
    ("name", "note"),
    [
        ("runpandas__malformed.tcx", "declared the XML namespace prefix 'xsi'"),
        ("sportslib__runs__6281425038.tcx", "removed whitespace before the XML declaration"),
    ],
)
def test_known_quirks_import_with_a_note(name: str, note: str) -> None:
    (activity,) = parse_tcx((CORPUS / "tcx" / name).read_bytes())
    assert any(note in line for line in activity.notes)
    assert activity.sport == "running"


def tcx(activities: str, *, namespace: str = TCD) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase xmlns="{namespace}" '
        f'xmlns:ns3="{AX}"><Activities>{activities}</Activities></TrainingCenterDatabase>'
    ).encode()


def trackpoint(time: str, *, lat: float | None = None, extra: str = "") -> str:
    position = (
        f"<Position><LatitudeDegrees>{lat}</LatitudeDegrees>"
        f"<LongitudeDegrees>{lat}</LongitudeDegrees></Position>"
        if lat is not None
        else ""
    )
    return f"<Trackpoint><Time>{time}</Time>{position}{extra}</Trackpoint>"


def lap(start: str, seconds: float, metres: float, points: str, hr: str = "") -> str:
    return (
        f'<Lap StartTime="{start}"><TotalTimeSeconds>{seconds}</TotalTimeSeconds>'
        f"<DistanceMeters>{metres}</DistanceMeters>{hr}<Track>{points}</Track></Lap>"
    )


def test_laps_trackpoints_and_extensions() -> None:
    extra = (
        "<DistanceMeters>{d}</DistanceMeters><HeartRateBpm><Value>{hr}</Value></HeartRateBpm>"
        "<Extensions><ns3:TPX><ns3:Speed>3.1</ns3:Speed><ns3:RunCadence>86</ns3:RunCadence>"
        "<ns3:Watts>240</ns3:Watts></ns3:TPX></Extensions>"
    )
    lap1 = lap(
        "2024-03-01T07:00:00Z",
        10,
        31,
        trackpoint("2024-03-01T07:00:00Z", lat=50.0, extra=extra.format(d=0, hr=120))
        + trackpoint("2024-03-01T07:00:10Z", lat=50.0002, extra=extra.format(d=31, hr=130)),
        hr="<AverageHeartRateBpm><Value>125</Value></AverageHeartRateBpm>"
        "<MaximumHeartRateBpm><Value>130</Value></MaximumHeartRateBpm>",
    )
    lap2 = lap(
        "2024-03-01T07:00:10Z",
        5,
        15,
        trackpoint("2024-03-01T07:00:15Z", extra=extra.format(d=46, hr=140)),
    )
    data = tcx(
        f'<Activity Sport="Running"><Id>2024-03-01T07:00:00Z</Id>{lap1}{lap2}'
        "<Notes>Hill reps</Notes><Creator><Name>Forerunner 965</Name></Creator></Activity>"
    )
    (activity,) = parse_tcx(data)
    columns = activity.streams.columns
    assert activity.sport == "running" and activity.samples == 3
    assert activity.description == "Hill reps" and activity.device == "Forerunner 965"
    assert columns["t"].tolist() == [0.0, 10.0, 15.0]
    assert columns["distance"].tolist() == [0.0, 31.0, 46.0]
    assert columns["hr"].tolist() == [120.0, 130.0, 140.0]
    assert columns["cadence"].tolist() == [86.0, 86.0, 86.0]  # RunCadence, strides a minute
    assert columns["power"].tolist() == [240.0, 240.0, 240.0]
    assert columns["speed"].tolist() == [3.1, 3.1, 3.1]
    np.testing.assert_array_equal(columns["lat"], [50.0, 50.0002, np.nan])
    assert [(lap.elapsed_s, lap.distance_m) for lap in activity.laps] == [(10, 31), (5, 15)]
    assert (activity.laps[0].avg_hr, activity.laps[0].max_hr) == (125, 130)
    assert activity.laps[1].avg_hr is None
    derived = derive(activity)
    assert derived.distance_m == 46.0  # the device's own cumulative distance
    assert derived.avg_cadence == 172.0  # steps a minute


def test_activity_with_laps_but_no_trackpoints_keeps_lap_totals() -> None:
    body = lap("2024-03-01T07:00:00Z", 600, 2000, "") + lap("2024-03-01T07:10:00Z", 300, 1000, "")
    (activity,) = parse_tcx(tcx(f'<Activity Sport="Other"><Id>x</Id>{body}</Activity>'))
    assert activity.sport == "generic"
    assert activity.samples == 0
    assert activity.elapsed_s == 900.0
    assert derive(activity).distance_m == 3000.0


def test_file_without_namespace_reads_the_same() -> None:
    body = lap("2024-03-01T07:00:00Z", 2, 5, trackpoint("2024-03-01T07:00:00Z", lat=1.0))
    data = tcx(f'<Activity Sport="Biking"><Id>x</Id>{body}</Activity>', namespace="")
    data = data.replace(b' xmlns=""', b"")
    (activity,) = parse_tcx(data)
    assert activity.sport == "cycling" and activity.samples == 1


def test_courses_and_empty_files_hold_no_activity() -> None:
    course = (
        "<Courses><Course><Name>Loop</Name><Track>"
        + trackpoint("2024-03-01T07:00:00Z", lat=1.0)
        + "</Track></Course></Courses>"
    )
    data = tcx("").replace(b"<Activities></Activities>", course.encode())
    with pytest.raises(NoActivityInFile, match="courses"):
        parse_tcx(data)
    with pytest.raises(NoActivityInFile, match="no activity"):
        parse_tcx(tcx(""))


def test_truncated_tcx_fails_whole() -> None:
    points = "".join(trackpoint(f"2024-03-01T07:00:{i:02d}Z", lat=1.0) for i in range(30))
    laps = lap("2024-03-01T07:00:00Z", 30, 9, points)
    data = tcx(f'<Activity Sport="Running"><Id>x</Id>{laps}</Activity>')
    with pytest.raises(ActivityFileError, match="^TCX file is truncated"):
        parse_tcx(data[: int(len(data) * 0.7)])


def test_unreadable_time_is_a_specific_error() -> None:
    body = lap("2024-03-01T07:00:00Z", 2, 5, trackpoint("yesterday at noon", lat=1.0))
    with pytest.raises(ActivityFileError, match="unreadable time: 'yesterday at noon'"):
        parse_tcx(tcx(f'<Activity Sport="Running"><Id>x</Id>{body}</Activity>'))


def test_entity_bomb_is_refused() -> None:
    data = tcx("").replace(
        b"<TrainingCenterDatabase",
        b'<!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><TrainingCenterDatabase',
    )
    with pytest.raises(ActivityFileError, match="^XML entity declarations are not allowed$"):
        parse_tcx(data)


def test_streaming_and_whole_document_reads_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    extra = "<HeartRateBpm><Value>150</Value></HeartRateBpm>"
    points = [
        trackpoint(
            f"2024-03-01T07:{i // 60:02d}:{i % 60:02d}Z",
            lat=1.0 + i / 1e4,
            extra=extra if i % 4 else "",
        )
        for i in range(90)
    ]
    laps = lap("2024-03-01T07:00:00Z", 60, 200, "".join(points[:60])) + lap(
        "2024-03-01T07:01:00Z", 30, 100, "".join(points[60:])
    )
    data = tcx(f'<Activity Sport="Running"><Id>x</Id>{laps}</Activity>' * 2)
    whole = parse_tcx(data)
    monkeypatch.setattr(xml_safety, "WHOLE_DOCUMENT_MAX_BYTES", 0)
    streamed = parse_tcx(data)
    assert len(whole) == len(streamed) == 2
    for a, b in zip(whole, streamed, strict=True):
        assert a.start_utc == b.start_utc and a.laps == b.laps
        for name, column in a.streams.columns.items():
            np.testing.assert_array_equal(column, b.streams.columns[name])


def test_lap_start_time_with_offset_is_utc() -> None:
    body = lap("2024-03-01T09:00:00+02:00", 1, 1, "")
    (activity,) = parse_tcx(tcx(f'<Activity Sport="Running"><Id>x</Id>{body}</Activity>'))
    assert activity.start_utc == datetime(2024, 3, 1, 7, 0, tzinfo=UTC)


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}")
def test_every_corpus_file_reads_the_same_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Large files stream point by point; the corpus read that way must not change a value."""
    results = {name: parse_tcx((CORPUS / "tcx" / name).read_bytes()) for name in corpus_tcx()}
    monkeypatch.setattr(xml_safety, "WHOLE_DOCUMENT_MAX_BYTES", 0)
    for name, whole in results.items():
        streamed = parse_tcx((CORPUS / "tcx" / name).read_bytes())
        assert [(a.start_utc, a.samples, a.laps, a.notes) for a in streamed] == [
            (a.start_utc, a.samples, a.laps, a.notes) for a in whole
        ]
        for a, b in zip(whole, streamed, strict=True):
            assert a.streams.columns.keys() == b.streams.columns.keys()
            for column, values in a.streams.columns.items():
                np.testing.assert_array_equal(values, b.streams.columns[column], err_msg=name)
