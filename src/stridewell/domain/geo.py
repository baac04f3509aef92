"""Distances on the Earth's surface, vectorised over numpy arrays of degrees.

The haversine formula on a sphere of the IUGG mean radius. Its error against the ellipsoid is below
0.5 % everywhere, far under GPS noise, and it is what the corpus reference values use.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from stridewell.domain.activities import FloatArray

# IUGG mean Earth radius R1 = (2a + b) / 3 (Moritz 1980, Geodetic Reference System 1980).
EARTH_RADIUS_M = 6_371_008.8


def haversine_m(
    lat1_deg: npt.ArrayLike,
    lon1_deg: npt.ArrayLike,
    lat2_deg: npt.ArrayLike,
    lon2_deg: npt.ArrayLike,
) -> FloatArray:
    """Great-circle distance in metres between pairs of points (NaN where a coordinate is NaN)."""
    lat1 = np.radians(np.asarray(lat1_deg, dtype=np.float64))
    lat2 = np.radians(np.asarray(lat2_deg, dtype=np.float64))
    dlat = lat2 - lat1
    dlon = np.radians(
        np.asarray(lon2_deg, dtype=np.float64) - np.asarray(lon1_deg, dtype=np.float64)
    )
    a = np.sin(dlat / 2.0) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin(dlon / 2.0) ** 2
    # Rounding can push `a` a hair past 1 for antipodal points; arcsin would then give NaN.
    return np.asarray(2.0 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))))


def cumulative_distance_m(
    lat_deg: FloatArray, lon_deg: FloatArray, segment_starts: Sequence[int] = ()
) -> FloatArray:
    """Distance travelled up to each point, in great-circle steps between positioned points.

    Points without a position add nothing and carry the distance so far. No distance is counted
    across the start of a segment (the indexes in `segment_starts`): a GPX track segment begins
    after the device lost its fix or was paused, and the straight line across the gap was not
    travelled on the recorded route.
    """
    n = int(lat_deg.shape[0])
    distance = np.zeros(n, dtype=np.float64)
    positioned = np.flatnonzero(np.isfinite(lat_deg) & np.isfinite(lon_deg))
    if positioned.shape[0] < 2:
        return distance
    steps = haversine_m(
        lat_deg[positioned[:-1]],
        lon_deg[positioned[:-1]],
        lat_deg[positioned[1:]],
        lon_deg[positioned[1:]],
    )
    if len(segment_starts):
        segment_of_point = np.zeros(n, dtype=np.int64)
        starts = np.asarray([s for s in segment_starts if 0 < s < n], dtype=np.int64)
        segment_of_point[starts] = 1
        segment_of_point = np.cumsum(segment_of_point)
        crosses_gap = segment_of_point[positioned[1:]] != segment_of_point[positioned[:-1]]
        steps[crosses_gap] = 0.0
    at_positioned = np.concatenate(([0.0], np.cumsum(steps)))
    # Carry the last value forward over points that have no position.
    owner = np.searchsorted(positioned, np.arange(n), side="right") - 1
    has_owner = owner >= 0
    distance[has_owner] = at_positioned[owner[has_owner]]
    return distance
