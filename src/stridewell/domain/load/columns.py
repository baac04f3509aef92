"""The loads of many sessions at once, as numpy columns.

The rules are session.py's (`cardio_load`, `run_load_entries`, `strength_load_entry`, with
their sources); this module applies them to a whole archive in a few array operations instead
of one call per session, which is what a ten-year record needs on every page view. A test holds
the two to the same answers.

Columns use NaN for an unknown value; a session without an entry in a channel has NaN load and
source NO_SOURCE there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from stridewell.domain.load.model import HeartRateProfile, LoadSource
from stridewell.domain.load.session import (
    CARDIO_LOAD_PER_KM,
    RUN_IMPACT_LOAD_PER_KM,
    TONNAGE_LOAD_PER_KG,
    UNKNOWN_HR_PROFILE,
    banister_weight,
)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

# Source codes: the position in SOURCES; NO_SOURCE for "no entry".
SOURCES: tuple[LoadSource, ...] = tuple(LoadSource)
NO_SOURCE = -1
_CODE = {source: code for code, source in enumerate(SOURCES)}


@dataclass(frozen=True, eq=False)
class EnduranceColumns:
    """Endurance sessions (imported or hand-logged activities), one row each."""

    is_run: BoolArray
    distance_m: FloatArray
    duration_s: FloatArray  # moving time when known, else elapsed
    rpe: FloatArray
    avg_hr_bpm: FloatArray
    # What each HR stream gives (`hr_stream_load`); NaN where it gives nothing or was not read.
    stream_load: FloatArray

    def __len__(self) -> int:
        return int(self.is_run.shape[0])


@dataclass(frozen=True, eq=False)
class ChannelColumns:
    """One channel's entry of each session: its load, method (code into SOURCES) and km."""

    load: FloatArray
    source: IntArray
    run_km: FloatArray

    @property
    def present(self) -> BoolArray:
        present: BoolArray = self.source != NO_SOURCE
        return present

    def source_of(self, index: int) -> LoadSource | None:
        code = int(self.source[index])
        return None if code == NO_SOURCE else SOURCES[code]


def stream_source(profile: HeartRateProfile) -> LoadSource:
    """The method a stream's load was measured by for this profile (see `hr_stream_load`)."""
    return LoadSource.TRIMP if profile.rest_hr_bpm is not None else LoadSource.EDWARDS


def endurance_loads(
    sessions: EnduranceColumns, profile: HeartRateProfile = UNKNOWN_HR_PROFILE
) -> tuple[ChannelColumns, ChannelColumns]:
    """(cardio, musculoskeletal) entries of every session: `run_load_entries` row by row.

    Cardio, first that applies: the stream's load; Banister TRIMP from the average HR (rest and
    max HR known); session RPE × minutes; for a run, distance × CARDIO_LOAD_PER_KM.
    Musculoskeletal: a run's distance × RUN_IMPACT_LOAD_PER_KM. Both carry the run's km.
    """
    n = len(sessions)
    distance = sessions.distance_m
    known_distance = ~np.isnan(distance)
    run_km = np.where(sessions.is_run & known_distance, distance / 1000.0, 0.0)

    load = np.full(n, np.nan)
    source = np.full(n, NO_SOURCE, dtype=np.int64)
    todo = np.ones(n, dtype=bool)

    def take(mask: BoolArray, values: FloatArray, method: LoadSource) -> None:
        nonlocal todo
        chosen = todo & mask
        load[chosen] = values[chosen]
        source[chosen] = _CODE[method]
        todo = todo & ~chosen

    with np.errstate(invalid="ignore"):
        take(~np.isnan(sessions.stream_load), sessions.stream_load, stream_source(profile))
        minutes = sessions.duration_s / 60.0
        known_minutes = ~np.isnan(minutes)
        max_hr, rest_hr = profile.max_hr_bpm, profile.rest_hr_bpm
        if max_hr is not None and rest_hr is not None:
            with_hr = known_minutes & ~np.isnan(sessions.avg_hr_bpm)
            hr = np.where(with_hr, sessions.avg_hr_bpm, rest_hr)
            weight = banister_weight(hr, rest_hr, max_hr, profile.sex)
            take(with_hr, minutes * weight, LoadSource.TRIMP_AVG_HR)
        take(known_minutes & ~np.isnan(sessions.rpe), sessions.rpe * minutes, LoadSource.SRPE)
        take(
            sessions.is_run & known_distance,
            distance / 1000.0 * CARDIO_LOAD_PER_KM,
            LoadSource.DISTANCE,
        )
        cardio = ChannelColumns(load, source, np.where(source != NO_SOURCE, run_km, np.nan))

        impact = sessions.is_run & known_distance & (distance > 0)
        musculoskeletal = ChannelColumns(
            np.where(impact, distance / 1000.0 * RUN_IMPACT_LOAD_PER_KM, np.nan),
            np.where(impact, _CODE[LoadSource.DISTANCE], NO_SOURCE).astype(np.int64),
            np.where(impact, run_km, np.nan),
        )
    _check(cardio, "cardio")
    _check(musculoskeletal, "musculoskeletal")
    return cardio, musculoskeletal


def strength_loads(
    duration_s: FloatArray, rpe: FloatArray, tonnage_kg: FloatArray
) -> ChannelColumns:
    """The musculoskeletal entry of every strength session (`strength_load_entry`): session
    RPE × minutes when rated, else tonnage × TONNAGE_LOAD_PER_KG when above 0, else none."""
    n = int(duration_s.shape[0])
    load = np.full(n, np.nan)
    source = np.full(n, NO_SOURCE, dtype=np.int64)
    with np.errstate(invalid="ignore"):
        rated = ~np.isnan(rpe) & ~np.isnan(duration_s)
        lifted = ~rated & (tonnage_kg > 0)
    load[rated] = rpe[rated] * (duration_s[rated] / 60.0)
    source[rated] = _CODE[LoadSource.SRPE]
    load[lifted] = tonnage_kg[lifted] * TONNAGE_LOAD_PER_KG
    source[lifted] = _CODE[LoadSource.TONNAGE]
    columns = ChannelColumns(load, source, np.where(rated | lifted, 0.0, np.nan))
    _check(columns, "strength")
    return columns


def daily_sum(days: IntArray, values: FloatArray, start: date, end: date) -> FloatArray:
    """`values` added up per day from `start` to `end` (0 on days without any), in the order
    given (so that the sums are those of `daily_series` over the same entries, to the last
    bit); `days` holds each value's day as `date.toordinal()`. Values outside the range and
    NaN values are left out."""
    length = max((end - start).days + 1, 0)
    index = days - start.toordinal()
    kept = ~np.isnan(values) & (index >= 0) & (index < length)
    sums = np.bincount(index[kept], weights=values[kept], minlength=length)
    return np.asarray(sums, dtype=np.float64)


def _check(columns: ChannelColumns, what: str) -> None:
    """The checks the one-session functions make: every load a finite number ≥ 0."""
    loads = columns.load[columns.present]
    if not np.all(np.isfinite(loads) & (loads >= 0)):
        raise ValueError(f"{what} loads must be finite numbers ≥ 0 (check RPE, times, distances)")
