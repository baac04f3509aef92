"""Streams reduced for charts, kilometre splits and the list's filters (no database needed
for the first two; the list itself is tested through the web API on both backends)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from stridewell.domain.activities import Streams
from stridewell.domain.athletes import ValidationError
from stridewell.services.activity_browser import activity_filter, chart_streams, km_splits


def _streams(seconds: int, speed_m_s: float = 2.5) -> Streams:
    t = np.arange(seconds, dtype=np.float64)
    return Streams(
        {
            "t": t,
            "distance": t * speed_m_s,
            "hr": np.where(t < seconds / 2, 140.0, 160.0),
            "altitude": 50.0 + t * 0.01,
        }
    )


@given(samples=st.integers(1, 20_000), max_points=st.integers(2, 3_000))
def test_a_chart_never_has_more_points_than_asked_nor_more_than_samples(
    samples: int, max_points: int
) -> None:
    chart = chart_streams(_streams(samples), max_points)
    assert chart.points == min(samples, max_points)
    assert chart.samples == samples
    for values in (chart.distance_km, chart.time_s, chart.hr_bpm, chart.altitude_m):
        assert values.shape == (chart.points,)
    assert np.all(np.diff(chart.time_s) > 0)


def test_speed_comes_from_distance_when_the_file_has_none() -> None:
    chart = chart_streams(_streams(7200, speed_m_s=2.5), 500)
    assert chart.x == "distance"
    finite = chart.pace_s_per_km[np.isfinite(chart.pace_s_per_km)]
    assert finite == pytest.approx(np.full(finite.shape, 400.0))  # 2.5 m/s = 6:40/km
    # Each point is a bucket's mean: the last sits half a bucket (14.4 samples) before the end.
    bucket_km = 7200 / 500 * 2.5 / 1000
    assert chart.distance_km[-1] == pytest.approx(7199 * 2.5 / 1000 - bucket_km / 2, abs=0.01)


def test_missing_samples_stay_missing_and_standing_still_has_no_pace() -> None:
    t = np.arange(10, dtype=np.float64)
    hr = np.full(10, np.nan)
    streams = Streams({"t": t, "speed": np.array([3.0] * 5 + [0.1] * 5), "hr": hr})
    chart = chart_streams(streams, 10)
    assert chart.x == "time" and not chart.has("hr_bpm")
    assert np.isfinite(chart.pace_s_per_km[:5]).all()
    assert np.isnan(chart.pace_s_per_km[5:]).all()


def test_no_samples_no_chart() -> None:
    assert chart_streams(Streams(), 2000).points == 0
    assert km_splits(Streams()) == ()


def test_kilometre_splits_add_up_to_the_activity() -> None:
    splits = km_splits(_streams(2000, speed_m_s=2.5))  # 4997.5 m in 1999 s
    assert [s.number for s in splits] == [1, 2, 3, 4, 5]
    assert [round(s.distance_m, 1) for s in splits] == [1000, 1000, 1000, 1000, 997.5]
    assert sum(s.time_s for s in splits) == pytest.approx(1999)
    assert splits[0].pace_s_per_km == pytest.approx(400)
    assert splits[0].avg_hr == 140 and splits[-1].avg_hr == 160
    assert splits[0].elevation_change_m == pytest.approx(4.0)


def test_a_stub_of_a_last_kilometre_joins_the_one_before() -> None:
    splits = km_splits(_streams(809, speed_m_s=2.5))  # 2020 m
    assert [round(s.distance_m) for s in splits] == [1000, 1020]


def test_filters_read_what_a_person_typed() -> None:
    found = activity_filter(sport=" running ", first="2026-01-01", last="", text="  ")
    assert found.sport == "running" and found.first_day == date(2026, 1, 1)
    assert found.last_day is None and found.text is None and not found.is_empty
    assert activity_filter().is_empty
    with pytest.raises(ValidationError) as bad:
        activity_filter(first="1 Jan")
    assert bad.value.field == "from"
    with pytest.raises(ValidationError) as backwards:
        activity_filter(first="2026-02-01", last="2026-01-01")
    assert backwards.value.field == "to"
