"""GPX import: every corpus GPX file against EXPECTED.json, and small files made for edge cases."""

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
from stridewell.domain.geo import haversine_m
from stridewell.importers import xml_safety
from stridewell.importers.gpx import parse_gpx

CORPUS = (Path(__file__).parents[2] / ".." / "shared" / "corpus").resolve()
GPX11 = "http://www.topografix.com/GPX/1/1"
TPX = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"


@cache
def expected() -> dict[str, Any]:
    files: dict[str, Any] = json.loads((CORPUS / "EXPECTED.json").read_text())["files"]
    return files


def corpus_gpx() -> list[str]:
    return sorted(p.name for p in (CORPUS / "gpx").glob("*.gpx")) if CORPUS.is_dir() else []


def reference_for(name: str) -> dict[str, Any]:
    entry = expected()[f"gpx/{name}"]
    if entry.get("valid"):
        return dict(entry)
    assert "lenient" in entry, "the corpus has no GPX that must fail; update this test if it does"
    return dict(entry["lenient"])


def iso_z(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}")
@pytest.mark.parametrize("name", corpus_gpx())
def test_corpus_file_matches_reference(name: str) -> None:
    reference = reference_for(name)
    data = (CORPUS / "gpx" / name).read_bytes()
    if reference["trackpoint_count"] == 0 or reference["start_time"] is None:
        # Routes, waypoints, metadata only, or a track drawn without times: valid, no activity.
        with pytest.raises(NoActivityInFile):
            parse_gpx(data)
        return
    (activity,) = parse_gpx(data)
    derived = derive(activity)
    assert activity.samples == reference["trackpoint_count"]
    assert iso_z(activity.start_utc) == reference["start_time"]
    end = datetime.fromisoformat(reference["end_time"].replace("Z", "+00:00"))
    start = datetime.fromisoformat(reference["start_time"].replace("Z", "+00:00"))
    assert activity.elapsed_s == pytest.approx((end - start).total_seconds(), rel=0.005, abs=0.01)
    assert derived.distance_m == pytest.approx(
        reference["haversine_distance_m"], rel=0.005, abs=0.1
    )
    positioned = np.isfinite(activity.streams.columns["lat"]).sum()
    assert positioned == reference["points_with_position"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}")
def test_strava_gpx_with_undeclared_prefix_imports_with_a_note() -> None:
    # Strava wrote <gpxdata:cadence> without declaring gpxdata; EXPECTED gives lenient values.
    (activity,) = parse_gpx((CORPUS / "gpx" / "sportslib__runs__6037744996.gpx").read_bytes())
    assert activity.sport == "running"  # Strava's <type>9</type>
    assert any("gpxdata" in note for note in activity.notes)
    cadence = activity.streams.columns["cadence"]
    assert np.isfinite(cadence).all() and cadence[:3].tolist() == [43.0, 44.0, 83.0]


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}")
def test_garmin_track_point_extension_gives_heart_rate_and_cadence() -> None:
    (activity,) = parse_gpx((CORPUS / "gpx" / "sportslib__gpx__garmin.gpx").read_bytes())
    columns = activity.streams.columns
    assert columns["hr"][:3].tolist() == [61.0, 53.0, 53.0]  # ns3:hr
    assert columns["cadence"][:3].tolist() == [0.0, 81.0, 80.0]  # ns3:cad
    assert activity.device == "Garmin Connect"


def gpx(body: str, *, extra_ns: str = "", version: str = "1.1") -> bytes:
    namespace = GPX11 if version == "1.1" else "http://www.topografix.com/GPX/1/0"
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="{version}" creator="test" '
        f'xmlns="{namespace}" xmlns:gpxtpx="{TPX}"{extra_ns}>{body}</gpx>'
    ).encode()


def point(lat: float, lon: float, time: str | None = None, inner: str = "") -> str:
    stamp = f"<time>{time}</time>" if time else ""
    return f'<trkpt lat="{lat}" lon="{lon}">{stamp}{inner}</trkpt>'


def test_segments_are_summed_separately_and_gaps_between_them_not_counted() -> None:
    first = point(0.0, 0.0, "2024-05-01T08:00:00Z") + point(0.0, 0.001, "2024-05-01T08:00:30Z")
    # The second segment starts 1 km away: that jump was not travelled on the recording.
    second = point(0.009, 0.001, "2024-05-01T08:05:00Z") + point(
        0.009, 0.002, "2024-05-01T08:05:30Z"
    )
    data = gpx(
        f"<trk><name>Two parts</name><trkseg>{first}</trkseg><trkseg>{second}</trkseg></trk>"
    )
    (activity,) = parse_gpx(data)
    steps = haversine_m([0.0, 0.009], [0.0, 0.001], [0.0, 0.009], [0.001, 0.002])
    assert derive(activity).distance_m == pytest.approx(float(steps.sum()), rel=1e-9)
    assert float(steps.sum()) < 250  # the 1 km between the segments is left out
    assert activity.elapsed_s == 330.0
    assert activity.name == "Two parts"
    assert activity.start_utc == datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


def test_extensions_under_any_prefix_fill_heart_rate_cadence_and_power() -> None:
    garmin = (
        "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>141</gpxtpx:hr>"
        "<gpxtpx:cad>88</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions>"
    )
    strava = "<extensions><power>250</power><heartrate>150</heartrate></extensions>"
    body = (
        "<trk><type>running</type><trkseg>"
        + point(51.0, 0.0, "2024-05-01T08:00:00Z", garmin)
        + point(51.0, 0.0001, "2024-05-01T08:00:01Z", strava)
        + point(51.0, 0.0002, "2024-05-01T08:00:02Z")
        + "</trkseg></trk>"
    )
    (activity,) = parse_gpx(gpx(body))
    columns = activity.streams.columns
    np.testing.assert_array_equal(columns["hr"], [141.0, 150.0, np.nan])
    np.testing.assert_array_equal(columns["cadence"], [88.0, np.nan, np.nan])
    np.testing.assert_array_equal(columns["power"], [np.nan, 250.0, np.nan])
    assert activity.sport == "running"


def test_times_with_offsets_fractions_and_no_zone_are_utc() -> None:
    body = (
        "<trk><trkseg>"
        + point(1.0, 1.0, "2024-05-01T10:00:00.5+02:00")
        + point(1.0, 1.001, "2024-05-01T08:00:02.1234567Z")
        + point(1.0, 1.002, "2024-05-01T08:00:04")
        + "</trkseg></trk>"
    )
    (activity,) = parse_gpx(gpx(body))
    assert activity.start_utc == datetime(2024, 5, 1, 8, 0, 0, 500000, tzinfo=UTC)
    assert activity.tz_offset_s == 7200
    np.testing.assert_allclose(activity.streams.columns["t"], [0.0, 1.623456, 3.5])


def test_gpx_1_0_track_imports() -> None:
    body = (
        "<trk><trkseg>"
        + point(45.0, 14.0, "2013-01-01T12:00:04Z", "<ele>75.1</ele>")
        + point(45.0, 14.001, "2013-01-01T12:00:09Z", "<ele>76.0</ele>")
        + "</trkseg></trk>"
    )
    (activity,) = parse_gpx(gpx(body, version="1.0"))
    assert activity.streams.columns["altitude"].tolist() == [75.1, 76.0]
    assert activity.elapsed_s == 5.0


def test_points_without_time_keep_their_place_and_position() -> None:
    body = (
        "<trk><trkseg>"
        + point(1.0, 1.0)
        + point(1.0, 1.001, "2024-05-01T08:00:10Z")
        + point(1.0, 1.002)
        + point(1.0, 1.003, "2024-05-01T08:00:40Z")
        + "</trkseg></trk>"
    )
    (activity,) = parse_gpx(gpx(body))
    assert activity.samples == 4
    np.testing.assert_array_equal(activity.streams.columns["t"], [np.nan, 0.0, np.nan, 30.0])
    assert activity.start_utc == datetime(2024, 5, 1, 8, 0, 10, tzinfo=UTC)


def test_route_and_waypoints_only_hold_no_activity() -> None:
    route = '<rte><rtept lat="1" lon="1"/><rtept lat="1" lon="2"/></rte><wpt lat="1" lon="1"/>'
    with pytest.raises(NoActivityInFile, match="routes or waypoints"):
        parse_gpx(gpx(route))
    with pytest.raises(NoActivityInFile, match="no track points"):
        parse_gpx(gpx("<metadata><name>empty</name></metadata>"))


def test_track_without_any_timestamp_is_a_drawn_route_not_an_activity() -> None:
    body = "<trk><trkseg>" + point(1.0, 1.0) + point(1.0, 1.1) + "</trkseg></trk>"
    with pytest.raises(NoActivityInFile, match="no timestamps"):
        parse_gpx(gpx(body))


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&lol9;</name></trk></gpx>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><name>&secret;</name>
<trkseg><trkpt lat="1" lon="1"><time>2024-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "xxe"])
def test_entity_declarations_are_refused(data: bytes) -> None:
    with pytest.raises(ActivityFileError) as raised:
        parse_gpx(data)
    assert str(raised.value) == "XML entity declarations are not allowed"


def test_an_external_dtd_is_never_fetched() -> None:
    body = "<trk><trkseg>" + point(1.0, 1.0, "2024-01-01T00:00:00Z") + "</trkseg></trk>"
    data = gpx(body).replace(
        b"<gpx ", b'<!DOCTYPE gpx SYSTEM "http://127.0.0.1:9/never.dtd">\n<gpx ', 1
    )
    (activity,) = parse_gpx(data)  # no network, no DTD: the file reads as if it had none
    assert activity.samples == 1


def test_truncated_file_fails_whole_with_one_line() -> None:
    body = "<trk><trkseg>" + "".join(
        point(1.0, 1.0 + i / 1000, f"2024-01-01T00:00:{i:02d}Z") for i in range(40)
    )
    data = gpx(body + "</trkseg></trk>")
    cut = data[: len(data) // 2]
    with pytest.raises(ActivityFileError) as raised:
        parse_gpx(cut)
    message = str(raised.value)
    assert message.startswith("GPX file is truncated") and "\n" not in message


def test_undeclared_encoding_bytes_fail_naming_utf8() -> None:
    data = gpx("<trk><name>caf\xe9</name></trk>").replace("caf\xe9".encode(), b"caf\xe9")
    with pytest.raises(ActivityFileError, match="not valid UTF-8"):
        parse_gpx(data)


def test_declared_latin1_file_reads() -> None:
    body = "<trk><name>Caf\xe9 run</name><trkseg>" + point(1.0, 1.0, "2024-01-01T00:00:00Z")
    text = (
        gpx(body + "</trkseg></trk>").decode().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    )
    (activity,) = parse_gpx(text.encode("latin-1"))
    assert activity.name == "Caf\xe9 run"


def test_non_numeric_coordinate_is_a_specific_error() -> None:
    body = "<trk><trkseg>" + point(1.0, 1.0, "2024-01-01T00:00:00Z")
    data = gpx(body + "</trkseg></trk>").replace(b'lat="1.0"', b'lat="north"')
    with pytest.raises(ActivityFileError, match="non-numeric lat value: 'north'"):
        parse_gpx(data)


def test_other_xml_is_not_a_gpx() -> None:
    with pytest.raises(ActivityFileError, match="root element is <kml>"):
        parse_gpx(b"<?xml version='1.0'?><kml><Document/></kml>")


def test_streaming_and_whole_document_reads_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "<trk><trkseg>" + "".join(
        point(1.0, 1.0 + i / 1000, f"2024-01-01T00:00:{i:02d}Z", "<ele>5</ele>" if i % 3 else "")
        for i in range(50)
    )
    data = gpx(
        body + "</trkseg><trkseg>" + point(2.0, 2.0, "2024-01-01T00:01:00Z") + "</trkseg></trk>"
    )
    (whole,) = parse_gpx(data)
    monkeypatch.setattr(xml_safety, "WHOLE_DOCUMENT_MAX_BYTES", 0)  # force iterparse
    (streamed,) = parse_gpx(data)
    assert whole.start_utc == streamed.start_utc and whole.samples == streamed.samples == 51
    for name, column in whole.streams.columns.items():
        np.testing.assert_array_equal(column, streamed.streams.columns[name])


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}")
def test_every_corpus_file_reads_the_same_streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Large files stream point by point; the corpus read that way must not change a value."""
    results = {}
    for name in corpus_gpx():
        try:
            results[name] = parse_gpx((CORPUS / "gpx" / name).read_bytes())
        except NoActivityInFile:
            continue
    monkeypatch.setattr(xml_safety, "WHOLE_DOCUMENT_MAX_BYTES", 0)
    for name, (whole,) in results.items():
        (streamed,) = parse_gpx((CORPUS / "gpx" / name).read_bytes())
        assert (streamed.start_utc, streamed.samples, streamed.notes) == (
            whole.start_utc,
            whole.samples,
            whole.notes,
        )
        assert streamed.streams.columns.keys() == whole.streams.columns.keys()
        for column, values in whole.streams.columns.items():
            np.testing.assert_array_equal(values, streamed.streams.columns[column], err_msg=name)
