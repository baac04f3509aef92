"""Derived activity data: distance, moving time, ascent, heart rate, cadence and best efforts."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from statistics import median

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stridewell.domain.activities import Activity, Lap, Streams
from stridewell.domain.activity_metrics import (
    ascent_m,
    best_efforts,
    derive,
    hr_zone_seconds,
    moving_time_s,
)

START = datetime(2024, 4, 7, 9, 0, tzinfo=UTC)
CORPUS = (Path(__file__).parents[2] / ".." / "shared" / "corpus").resolve()


def run(columns: dict[str, list[float] | np.ndarray], sport: str = "running") -> Activity:
    streams = Streams({k: np.asarray(v, dtype=np.float64) for k, v in columns.items()})
    return Activity(source_kind="gpx", sport=sport, start_utc=START, streams=streams)


def paced(pace_s_per_km: list[float], step_s: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """Time and distance for consecutive kilometres at the given paces, sampled every step_s."""
    speeds = np.repeat(
        [1000.0 / p for p in pace_s_per_km], [int(p / step_s) for p in pace_s_per_km]
    )
    t = np.arange(speeds.shape[0] + 1) * step_s
    d = np.concatenate(([0.0], np.cumsum(speeds * step_s)))
    return t, d


def efforts_by_label(t: np.ndarray, d: np.ndarray) -> dict[str, tuple[float, float]]:
    return {e.label: (e.time_s, e.start_offset_s) for e in best_efforts(t, d)}


def test_even_pace_gives_proportional_efforts_up_to_the_distance_run() -> None:
    t, d = paced([300.0, 300.0, 300.0])  # 3 km at 5:00/km
    efforts = efforts_by_label(t, d)
    assert list(efforts) == ["400m", "1k", "1mile"]  # nothing longer than 3 km
    assert efforts["400m"][0] == pytest.approx(120.0)
    assert efforts["1k"][0] == pytest.approx(300.0)
    assert efforts["1mile"][0] == pytest.approx(1609.344 * 0.3)


def test_the_fast_middle_kilometre_is_found_where_it_is() -> None:
    t, d = paced([300.0, 240.0, 300.0])
    time_s, start_s = efforts_by_label(t, d)["1k"]
    assert time_s == pytest.approx(240.0)
    assert start_s == pytest.approx(300.0)


def test_boundaries_between_samples_are_interpolated() -> None:
    t, d = paced([300.0, 300.0], step_s=7.0)  # samples every 7 s do not fall on 400 m marks
    efforts = efforts_by_label(t, d)
    assert efforts["400m"][0] == pytest.approx(120.0)
    assert efforts["1k"][0] == pytest.approx(300.0)


def test_a_gps_jump_does_not_make_a_record() -> None:
    t, d = paced([300.0, 300.0, 300.0])
    d = d.copy()
    d[1000:] += 500.0  # one second covering 500 m
    assert efforts_by_label(t, d)["1k"][0] == pytest.approx(300.0)


def test_samples_without_time_or_distance_are_ignored() -> None:
    t, d = paced([300.0, 300.0])
    t, d = t.copy(), d.copy()
    t[5], d[10] = np.nan, np.nan
    assert efforts_by_label(t, d)["1k"][0] == pytest.approx(300.0)
    assert best_efforts(np.array([0.0]), np.array([0.0])) == ()


stretches = st.lists(
    st.tuples(st.floats(1.0, 30.0), st.floats(0.0, 7.0)), min_size=2, max_size=120
)  # (seconds, metres per second) for each interval


@settings(max_examples=60, deadline=None)
@given(stretches, st.floats(0.6, 4.0))  # keeps every speed under the GPS-jump cap
def test_effort_properties(steps: list[tuple[float, float]], scale: float) -> None:
    dt = np.array([s for s, _ in steps])
    speed = np.array([v for _, v in steps])
    t = np.concatenate(([0.0], np.cumsum(dt)))
    d = np.concatenate(([0.0], np.cumsum(dt * speed)))
    efforts = best_efforts(t, d, {"a": 100.0, "b": 250.0, "c": 400.0})
    times = [e.time_s for e in efforts]
    assert times == sorted(times)  # a longer distance never takes less time
    top_speed = float(speed.max())
    for effort in efforts:
        assert effort.distance_m <= d[-1] + 1e-9
        assert effort.time_s >= effort.distance_m / top_speed - 1e-6  # no faster than the fastest
        assert 0.0 <= effort.start_offset_s <= t[-1] - effort.time_s + 1e-6
    slower = best_efforts(t * scale, d, {"a": 100.0, "b": 250.0, "c": 400.0})
    assert [e.time_s for e in slower] == pytest.approx([x * scale for x in times])


def test_moving_time_leaves_out_stops_and_auto_pause_gaps() -> None:
    t, d = paced([300.0, 300.0])  # 10 min running, then:
    standing = np.arange(1, 301) + t[-1]  # 5 min standing still, recorded
    t2 = np.concatenate((t, standing, [standing[-1] + 600.0]))  # then 10 min paused, 1 sample
    d2 = np.concatenate((d, np.full(300, d[-1]), [d[-1] + 3.0]))
    assert moving_time_s(t2, d2) == pytest.approx(600.0)


def test_moving_time_counts_a_gps_dropout_while_running() -> None:
    t = np.array([0.0, 1.0, 2.0, 32.0, 33.0])
    d = np.array([0.0, 3.0, 6.0, 96.0, 99.0])  # 30 s without samples at 3 m/s
    assert moving_time_s(t, d) == pytest.approx(33.0)


def test_moving_time_without_distance_drops_long_gaps() -> None:
    t = np.array([0.0, 10.0, 20.0, 620.0, 630.0])
    assert moving_time_s(t, None) == pytest.approx(30.0)


def test_ascent_ignores_noise_and_counts_real_climbs() -> None:
    rng = np.random.default_rng(7)
    flat = 100.0 + rng.uniform(-0.9, 0.9, 2000)
    assert ascent_m(flat) == 0.0
    hill = np.concatenate(
        (np.linspace(100, 150, 500), np.linspace(150, 120, 300), np.linspace(120, 160, 400))
    )
    assert ascent_m(hill) == pytest.approx(90.0, abs=2.0)
    assert ascent_m(np.array([np.nan, 5.0])) == 0.0


def test_hr_zones_follow_percent_of_max() -> None:
    hr = np.array([90.0, 110.0, 130.0, 150.0, 170.0, 190.0, 210.0, np.nan])
    weights = np.full(8, 10.0)
    # Max 200: 45 % (no zone), 55, 65, 75, 85, 95, 105 % (zone 5), and a missing sample.
    assert hr_zone_seconds(hr, weights, 200.0) == (10.0, 10.0, 10.0, 10.0, 20.0)


def test_derive_fills_what_the_file_left_out() -> None:
    t = np.arange(0.0, 601.0)
    lat = np.full(601, 45.0)
    lon = np.linspace(7.0, 7.0 + 2000.0 / (111_195 * np.cos(np.radians(45.0))), 601)
    hr = np.full(601, 150.0)
    cadence = np.full(601, 85.0)  # strides a minute, as Garmin writes for runs
    activity = derive(
        run({"t": t, "lat": lat, "lon": lon, "hr": hr, "cadence": cadence}), max_hr=200
    )
    assert activity.distance_m == pytest.approx(2000.0, rel=0.002)
    assert activity.elapsed_s == 600.0 and activity.moving_s == 600.0
    assert activity.avg_hr == 150.0 and activity.max_hr == 150.0
    assert activity.hr_zone_s == (0.0, 0.0, 600.0, 0.0, 0.0)  # 75 % of 200
    assert activity.avg_cadence == 170.0
    assert [e.label for e in activity.best_efforts] == ["400m", "1k", "1mile"]
    assert "distance" in activity.streams.columns


def test_derive_keeps_what_the_file_stated_and_is_idempotent() -> None:
    t, d = paced([300.0, 300.0])
    stated = Activity(
        source_kind="fit",
        sport="running",
        start_utc=START,
        distance_m=2010.0,
        elapsed_s=700.0,
        streams=Streams({"t": t, "distance": d, "cadence": np.full(t.shape, 172.0)}),
    )
    once = derive(stated)
    assert (once.distance_m, once.elapsed_s) == (2010.0, 700.0)
    assert once.avg_cadence == 172.0  # already steps a minute: left alone
    twice = derive(once)
    assert twice.best_efforts == once.best_efforts and twice.moving_s == once.moving_s
    np.testing.assert_array_equal(twice.streams.columns["cadence"], once.streams.columns["cadence"])


def test_best_efforts_only_for_runs_and_laps_fill_a_missing_distance() -> None:
    t, d = paced([200.0, 200.0])
    ride = derive(run({"t": t, "distance": d}, sport="cycling"))
    assert ride.best_efforts == () and ride.distance_m == pytest.approx(2000.0)
    swim = Activity(
        source_kind="tcx",
        sport="swimming",
        start_utc=START,
        laps=(Lap(START, 60.0, 100.0), Lap(START, 60.0, 50.0)),
        streams=Streams({"t": np.arange(120.0)}),
    )
    assert derive(swim).distance_m == 150.0


def corpus_runs_with_device_ascent() -> list[str]:
    """Corpus FIT runs (under 400 KB, to keep the SDK's decoding quick) whose device climbed."""
    if not (CORPUS / "EXPECTED.json").is_file():
        return []
    files = json.loads((CORPUS / "EXPECTED.json").read_text())["files"]
    return sorted(
        key.removeprefix("fit/")
        for key, entry in files.items()
        if key.startswith("fit/")
        and entry.get("sport") == "running"
        and (CORPUS / key).stat().st_size < 400_000
    )


@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "fit").is_dir(), reason=f"no shared corpus at {CORPUS}")
def test_ascent_lands_near_the_devices_own_totals() -> None:
    """The devices' session totals (barometric, mostly) against ours on their altitude records."""
    from garmin_fit_sdk import Decoder, Stream

    ratios = {}
    for name in corpus_runs_with_device_ascent():
        data = bytearray((CORPUS / "fit" / name).read_bytes())
        messages, _ = Decoder(Stream.from_byte_array(data)).read()
        device = sum(s.get("total_ascent") or 0 for s in messages.get("session_mesgs", []))
        altitude = np.array(
            [
                np.nan
                if (value := r.get("enhanced_altitude", r.get("altitude"))) is None
                else value
                for r in messages.get("record_mesgs", [])
            ],
            dtype=np.float64,
        )
        if device >= 30 and np.isfinite(altitude).sum() >= 100:
            ratios[name] = ascent_m(altitude) / device
    assert len(ratios) >= 6
    assert 0.95 <= median(ratios.values()) <= 1.05
    assert all(0.85 <= ratio <= 1.15 for ratio in ratios.values()), ratios


def test_moving_time_never_exceeds_elapsed_time() -> None:
    """A device stating more timer time than elapsed time (seen on a real Garmin file) gets its
    moving time recomputed from the streams, with a note."""
    t = np.arange(0.0, 601.0)
    activity = Activity(
        source_kind="fit",
        sport="cycling",
        start_utc=datetime(2025, 2, 19, tzinfo=UTC),
        elapsed_s=600.0,
        moving_s=1000.0,
        streams=Streams({"t": t, "distance": t * 5.0}),
    )
    derived = derive(activity)
    assert derived.moving_s == pytest.approx(600.0)
    assert any("exceeded its elapsed time" in note for note in derived.notes)
