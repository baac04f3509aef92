"""Every real FIT file of the shared corpus, against the reference values in EXPECTED.json.

The references come from Garmin's SDK (fitdecode where the SDK cannot read a file). Counts must
match exactly; distance and elapsed time within 0.5 %; start times exactly. Files the corpus marks
invalid must fail with one specific line; valid files without an activity are "no activity".
"""

from __future__ import annotations

import gzip
import json
import zipfile
from collections.abc import Iterator
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from stridewell.domain.activities import ActivityFileError, NoActivityInFile
from stridewell.importers.fit import decode_fit, fit_to_activities

CORPUS = (Path(__file__).parents[2] / ".." / "shared" / "corpus").resolve()
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}"),
]


@cache
def expected() -> dict[str, Any]:
    files: dict[str, Any] = json.loads((CORPUS / "EXPECTED.json").read_text())["files"]
    return files


def _fit_members() -> Iterator[str]:
    """Keys of EXPECTED.json for FIT files: plain, and inside zip / gz containers."""
    if not CORPUS.is_dir():
        return
    for key, entry in expected().items():
        if entry.get("format") == "fit":
            yield key


def read(key: str) -> bytes:
    """The bytes of a corpus entry, opening zip and gz containers as the key says."""
    path, _, member = key.partition("!")
    if member:
        with zipfile.ZipFile(CORPUS / path) as archive:
            data = archive.read(member)
    else:
        data = (CORPUS / path).read_bytes()
    return gzip.decompress(data) if (member or path).endswith(".gz") else data


KEYS = sorted(_fit_members())


def test_the_corpus_has_fit_files_inside_and_outside_containers() -> None:
    assert len([k for k in KEYS if k.startswith("fit/")]) >= 100
    assert any("!" in k for k in KEYS) and any(k.endswith(".fit.gz") for k in KEYS)


@pytest.mark.parametrize("key", KEYS)
def test_decoded_counts_match_the_reference(key: str) -> None:
    entry = expected()[key]
    data = read(key)
    if not entry["valid"]:
        with pytest.raises(ActivityFileError) as error:
            decode_fit(data)
        message = str(error.value)
        assert message and "\n" not in message
        return
    fit = decode_fit(data)
    assert fit.count("record") == entry["record_count"]
    assert fit.data_message_count == entry["data_message_count"]
    assert fit.count("session") == entry["session_count"]


@pytest.mark.parametrize("key", KEYS)
def test_activities_match_the_reference_sessions(key: str) -> None:
    entry = expected()[key]
    data = read(key)
    if not entry["valid"]:
        with pytest.raises(ActivityFileError):
            fit_to_activities(data)
        return
    if entry["file_type"] not in ("activity", None) or (
        entry["session_count"] == 0 and entry["record_count"] == 0
    ):
        with pytest.raises(NoActivityInFile, match="^FIT file type="):
            fit_to_activities(data)
        return
    try:
        activities = fit_to_activities(data)
    except NoActivityInFile as reason:  # records without any timestamp: nothing to place in time
        assert entry["session_count"] == 0, reason
        return
    if entry["session_count"] == 0:
        assert len(activities) == 1
        assert "no session message: summary built from the records" in activities[0].notes
        return
    assert len(activities) == entry["session_count"]
    for activity, session in zip(activities, entry["sessions"], strict=True):
        assert activity.sport == (session["sport"] or "generic")
        _check_start(activity.start_utc, session["start_time"], activity.notes)
        _check_close(activity.distance_m, session["total_distance_m"])
        _check_close(activity.elapsed_s, session["total_elapsed_time_s"])
    if "fitdecode" in entry["reference"] and "CRC" in json.dumps(entry.get("parser_errors")):
        assert all(a.notes[0].startswith("salvaged: FIT file CRC mismatch") for a in activities)


def _check_start(start: datetime, reference: str | None, notes: tuple[str, ...]) -> None:
    if reference is None:
        return
    if reference.startswith("relative:"):  # device clock not set: placed by its local time
        assert any(note.startswith("device clock not set") for note in notes)
        return
    assert start == datetime.fromisoformat(reference.replace("Z", "+00:00"))


def _check_close(value: float | None, reference: float | None) -> None:
    if reference is None:
        return
    assert value is not None
    assert value == pytest.approx(reference, rel=0.005, abs=0.01)


def test_records_of_a_multisport_file_fall_into_their_sessions() -> None:
    activities = fit_to_activities(read("fit/muktihari__triathlon_summary_last.fit"))
    assert [a.sport for a in activities] == [
        "swimming", "transition", "cycling", "transition", "running",
    ]  # fmt: skip
    records = expected()["fit/muktihari__triathlon_summary_last.fit"]["record_count"]
    samples = sum(a.samples for a in activities)
    assert 0.99 * records <= samples <= records  # no record counted twice at a boundary
    run = activities[-1]
    assert run.streams.has("lat") and run.streams.has("hr")
    t = run.streams.columns["t"]
    assert run.elapsed_s is not None
    assert t[0] >= 0 and t[-1] <= run.elapsed_s


def test_compressed_timestamp_file_matches_the_local_time_it_records() -> None:
    # fitdecode shows activity.local_timestamp 2012-02-13 12:21:03 at device time 17221751 s and
    # the session starting at device time 17217864 s, i.e. 3887 s earlier.
    (run,) = fit_to_activities(read("fit/fitparse__compressed-speed-distance.fit"))
    assert run.start_utc.isoformat() == "2012-02-13T11:16:16+00:00"
    assert run.distance_m == pytest.approx(10248.67)
    assert run.streams.columns["distance"][-1] == pytest.approx(10248.6875)  # accumulated


def test_swim_heart_rate_comes_from_the_strap_memory() -> None:
    (swim,) = fit_to_activities(read("fit/tormoder__activity_poolswim_with_hr.fit"))
    hr = swim.streams.columns["hr"]
    assert swim.sport == "swimming"
    assert (hr > 60).mean() > 0.9 and hr.max() < 220
    assert swim.avg_hr is not None and abs(float(hr[hr > 0].mean()) - swim.avg_hr) < 10


def test_running_cadence_is_in_steps_per_minute() -> None:
    (run,) = fit_to_activities(read("fit/gc__runs__14211916346_ACTIVITY.fit"))
    assert run.avg_cadence is not None and 150 < run.avg_cadence < 200
    cadence = run.streams.columns["cadence"]
    assert 150 < float(cadence[cadence > 100].mean()) < 200


def test_developer_fields_reach_the_streams() -> None:
    (ride,) = fit_to_activities(read("fit/gc__coretemp__FR55-CoreTemp-Walk.fit"))
    core = ride.streams.get("dev:core_temperature")
    assert core is not None and 35 < float(core[0]) < 40
