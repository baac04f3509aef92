"""Great-circle distances."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from stridewell.domain.geo import EARTH_RADIUS_M, cumulative_distance_m, haversine_m

latitudes = st.floats(min_value=-89.9, max_value=89.9)
longitudes = st.floats(min_value=-180.0, max_value=180.0)


def test_one_degree_of_latitude_is_a_ninetieth_of_a_quarter_meridian() -> None:
    assert float(haversine_m(0.0, 0.0, 1.0, 0.0)) == pytest.approx(EARTH_RADIUS_M * math.pi / 180)


def test_known_city_pair() -> None:
    # London (51.5074, -0.1278) to Paris (48.8566, 2.3522): the usual 343.56 km great circle.
    assert float(haversine_m(51.5074, -0.1278, 48.8566, 2.3522)) == pytest.approx(343_560, rel=1e-4)


def test_antipodes_are_half_a_circumference_apart() -> None:
    assert float(haversine_m(10.0, 20.0, -10.0, -160.0)) == pytest.approx(math.pi * EARTH_RADIUS_M)


@given(latitudes, longitudes, latitudes, longitudes)
def test_distance_is_symmetric_and_never_negative(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    there = float(haversine_m(lat1, lon1, lat2, lon2))
    back = float(haversine_m(lat2, lon2, lat1, lon1))
    assert there >= 0.0
    assert there == pytest.approx(back, abs=1e-6)
    assert there <= math.pi * EARTH_RADIUS_M + 1e-6


def test_cumulative_distance_skips_unpositioned_points_and_segment_gaps() -> None:
    lat = np.array([0.0, np.nan, 0.0, 0.0, 0.0])
    lon = np.array([0.0, np.nan, 0.001, 0.5, 0.501])
    step = float(haversine_m(0.0, 0.0, 0.0, 0.001))
    whole = cumulative_distance_m(lat, lon)
    assert whole[:3].tolist() == [0.0, 0.0, pytest.approx(step)]
    split = cumulative_distance_m(lat, lon, segment_starts=[3])
    # Point 3 starts a new segment: the 55 km jump to it is not counted.
    np.testing.assert_allclose(split, [0.0, 0.0, step, step, 2 * step], rtol=1e-9)


def test_cumulative_distance_of_too_few_points_is_zero() -> None:
    assert cumulative_distance_m(np.array([1.0]), np.array([1.0])).tolist() == [0.0]
    assert cumulative_distance_m(np.array([np.nan, 1.0]), np.array([1.0, np.nan])).tolist() == [
        0.0,
        0.0,
    ]
