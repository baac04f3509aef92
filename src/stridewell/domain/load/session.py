"""The load of one session: the formulas, and the rule that picks one per session.

Every load is a non-negative number in "arbitrary units"; which method produced it travels with
it as `LoadSource`. The methods are not on one scale (an easy hour is roughly 80–120 Banister
TRIMP, 120–180 Edwards, 180–300 session-RPE units — Foster 2001 found the session-RPE score
consistently higher than the HR score), so ratios such as ACWR are most trustworthy when one
method dominates a channel. docs/science.md#foster2001, #banister_trimp, #edwards1993.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date

import numpy as np
import numpy.typing as npt

from stridewell.domain.activities import Activity, Streams
from stridewell.domain.load.dates import TimeZoneLike, local_date
from stridewell.domain.load.model import Channel, HeartRateProfile, LoadEntry, LoadSource
from stridewell.domain.vocab import Sex

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

# A gap between samples longer than this is a pause (auto-pause, traffic lights) or a dropout;
# counting it would book standing still as work at the HR of the next sample.
MAX_SAMPLE_GAP_S = 30.0
# HR-based load is used only when the strap covered most of the recorded time; a stream with
# long holes would undercount the session.
MIN_HR_COVERAGE = 0.75

# Banister TRIMP weighting (a, b) by sex (Morton, Fitz-Clarke & Banister 1990). For an unknown
# or unstated sex we use the values Runalyze uses, which sit between the two.
TRIMP_FACTORS: dict[Sex | None, tuple[float, float]] = {
    Sex.M: (0.64, 1.92),
    Sex.F: (0.86, 1.67),
    Sex.X: (0.725215, 1.795),
    None: (0.725215, 1.795),
}

# Our conventions (docs/science.md#load_scales), not findings: they put a session that has no better
# measure on roughly the scale of its channel's usual method.
# An easy kilometre (~6 min at ~55–65 % of HR reserve) is about 8 Banister TRIMP.
CARDIO_LOAD_PER_KM = 8.0
# Running impact on muscles and tendons: a 10 km run weighs about as much as a 40-minute
# strength session at RPE 5 (200 session-RPE units).
RUN_IMPACT_LOAD_PER_KM = 20.0
# 4,000 kg lifted ≈ 200 units, the session-RPE of a moderate 40-minute gym session.
TONNAGE_LOAD_PER_KG = 0.05

UNKNOWN_HR_PROFILE = HeartRateProfile()


def session_rpe_load(rpe: float, minutes: float) -> float:
    """Foster 2001 session-RPE load: CR-10 rating (asked ~30 min after) × session minutes."""
    if not 0 <= rpe <= 10:
        raise ValueError(f"RPE must be 0 to 10 (CR-10 scale), not {rpe!r}")
    if not math.isfinite(minutes) or minutes < 0:
        raise ValueError(f"minutes must be a finite number ≥ 0, not {minutes!r}")
    return float(rpe * minutes)


def _intervals(
    t_s: npt.ArrayLike, hr_bpm: npt.ArrayLike, max_gap_s: float
) -> tuple[FloatArray, FloatArray, BoolArray]:
    """(Δt in minutes, HR at the interval's end, mask of intervals with a valid HR).

    Each interval between consecutive samples takes the HR recorded at its end: a device logs
    the value it measured over the second just gone. Intervals that are not positive or longer
    than `max_gap_s` are dropped as pauses.
    """
    t = np.asarray(t_s, dtype=np.float64)
    hr = np.asarray(hr_bpm, dtype=np.float64)
    if t.ndim != 1 or t.shape != hr.shape:
        raise ValueError("t_s and hr_bpm must be one-dimensional and of the same length")
    if t.shape[0] < 2:
        empty = np.zeros(0, dtype=np.float64)
        return empty, empty, np.zeros(0, dtype=bool)
    dt_s = np.diff(t)
    recorded = np.isfinite(dt_s) & (dt_s > 0) & (dt_s <= max_gap_s)
    dt_s = dt_s[recorded]
    hr_end = hr[1:][recorded]
    # Devices write 0 for "no reading".
    has_hr = np.isfinite(hr_end) & (hr_end > 0)
    return dt_s / 60.0, hr_end, has_hr


def hr_coverage(
    t_s: npt.ArrayLike, hr_bpm: npt.ArrayLike, max_gap_s: float = MAX_SAMPLE_GAP_S
) -> float:
    """Share (0–1) of the recorded time that has a heart-rate reading."""
    dt_min, _, has_hr = _intervals(t_s, hr_bpm, max_gap_s)
    total = float(dt_min.sum())
    return float(dt_min[has_hr].sum()) / total if total > 0 else 0.0


def _check_hr_profile(rest_hr: float, max_hr: float) -> None:
    if not 0 <= rest_hr < max_hr:
        raise ValueError(f"need 0 ≤ rest HR < max HR, got rest {rest_hr!r}, max {max_hr!r}")


def banister_weight(
    hr: FloatArray, rest_hr: float, max_hr: float, sex: Sex | None
) -> FloatArray:
    """Banister's weighting of each HR value: x · a · e^(b·x), x = (HR − rest) / (max − rest)."""
    a, b = TRIMP_FACTORS[sex]
    # HR below rest adds nothing; HR above the stated max is clipped so a stale max HR cannot
    # make the exponential run away.
    x = np.clip((hr - rest_hr) / (max_hr - rest_hr), 0.0, 1.0)
    weight: FloatArray = x * a * np.exp(b * x)
    return weight


def banister_trimp(
    t_s: npt.ArrayLike,
    hr_bpm: npt.ArrayLike,
    rest_hr: float,
    max_hr: float,
    sex: Sex | None,
    *,
    max_gap_s: float = MAX_SAMPLE_GAP_S,
) -> float:
    """Banister TRIMP = Σ Δt[min] · x · a · e^(b·x), x = (HR − rest) / (max − rest).

    a, b = 0.64, 1.92 for men, 0.86, 1.67 for women, 0.725215, 1.795 otherwise (Runalyze).
    Δt comes from the time stream; gaps over `max_gap_s` and samples without HR are skipped.
    """
    _check_hr_profile(rest_hr, max_hr)
    dt_min, hr, has_hr = _intervals(t_s, hr_bpm, max_gap_s)
    if not has_hr.any():
        return 0.0
    return float((dt_min[has_hr] * banister_weight(hr[has_hr], rest_hr, max_hr, sex)).sum())


def banister_trimp_avg_hr(
    minutes: float, avg_hr_bpm: float, rest_hr: float, max_hr: float, sex: Sex | None
) -> float:
    """Banister's original form: the whole session at its average HR (no stream needed)."""
    _check_hr_profile(rest_hr, max_hr)
    if not math.isfinite(minutes) or minutes < 0:
        raise ValueError(f"minutes must be a finite number ≥ 0, not {minutes!r}")
    weight = banister_weight(np.array([avg_hr_bpm], dtype=np.float64), rest_hr, max_hr, sex)
    return float(minutes * weight[0])


def edwards_trimp(
    t_s: npt.ArrayLike,
    hr_bpm: npt.ArrayLike,
    max_hr: float,
    *,
    max_gap_s: float = MAX_SAMPLE_GAP_S,
) -> float:
    """Edwards 1993: Σ minutes in zone × zone weight.

    Zones by % of max HR: 50–60 → 1, 60–70 → 2, 70–80 → 3, 80–90 → 4, 90–100 → 5 (lower bound
    included); below 50 % counts 0, above 100 % counts 5.
    """
    if max_hr <= 0:
        raise ValueError(f"max HR must be positive, not {max_hr!r}")
    dt_min, hr, has_hr = _intervals(t_s, hr_bpm, max_gap_s)
    if not has_hr.any():
        return 0.0
    # hr·100/max (not hr/max·100) keeps zone edges such as 114/190 = 60 % exact.
    percent = hr[has_hr] * 100.0 / max_hr
    weight = np.clip(np.floor((percent - 40.0) / 10.0), 0.0, 5.0)
    return float((dt_min[has_hr] * weight).sum())


def cardio_distance_load(distance_m: float) -> float:
    """Fallback cardio load for a run with no HR and no RPE: km × CARDIO_LOAD_PER_KM."""
    return _per_km(distance_m) * CARDIO_LOAD_PER_KM


def run_impact_load(distance_m: float) -> float:
    """Musculoskeletal load of running, by distance: km × RUN_IMPACT_LOAD_PER_KM."""
    return _per_km(distance_m) * RUN_IMPACT_LOAD_PER_KM


def _per_km(distance_m: float) -> float:
    if not math.isfinite(distance_m) or distance_m < 0:
        raise ValueError(f"distance must be a finite number ≥ 0, not {distance_m!r}")
    return distance_m / 1000.0


def tonnage_kg(sets: Iterable[tuple[int, float | None]]) -> float:
    """Σ reps × kg over (reps, load_kg) pairs; body-weight sets (load None) add nothing."""
    total = 0.0
    for reps, load_kg in sets:
        if reps < 0 or (load_kg is not None and load_kg < 0):
            raise ValueError("reps and load must not be negative")
        total += reps * (load_kg or 0.0)
    return total


def tonnage_load(tonnage: float) -> float:
    """Fallback strength load from tonnage: kg × TONNAGE_LOAD_PER_KG."""
    if not math.isfinite(tonnage) or tonnage < 0:
        raise ValueError(f"tonnage must be a finite number ≥ 0, not {tonnage!r}")
    return tonnage * TONNAGE_LOAD_PER_KG


def hr_stream_load(
    t_s: npt.ArrayLike, hr_bpm: npt.ArrayLike, profile: HeartRateProfile
) -> tuple[float, LoadSource] | None:
    """The cardio load a heart-rate stream gives, and its method: Banister TRIMP when rest and
    max HR are known, Edwards TRIMP when only max HR is; None when the stream covers under 75 %
    of the recorded time or max HR is unknown (the first and third choices of `cardio_load`).

    Only this part of a session's load needs its samples; the rest comes from its summary.
    """
    max_hr, rest_hr = profile.max_hr_bpm, profile.rest_hr_bpm
    if max_hr is None or hr_coverage(t_s, hr_bpm) < MIN_HR_COVERAGE:
        return None
    if rest_hr is not None:
        return banister_trimp(t_s, hr_bpm, rest_hr, max_hr, profile.sex), LoadSource.TRIMP
    return edwards_trimp(t_s, hr_bpm, max_hr), LoadSource.EDWARDS


def streams_load(streams: Streams, profile: HeartRateProfile) -> tuple[float, LoadSource] | None:
    """`hr_stream_load` of an activity's time and heart-rate columns (None without them)."""
    t, hr = streams.get("t"), streams.get("hr")
    if t is None or hr is None or not streams.has("hr"):
        return None
    return hr_stream_load(t, hr, profile)


def cardio_load(
    *,
    duration_s: float | None,
    rpe: float | None = None,
    t_s: npt.ArrayLike | None = None,
    hr_bpm: npt.ArrayLike | None = None,
    avg_hr_bpm: float | None = None,
    distance_m: float | None = None,
    is_run: bool = True,
    profile: HeartRateProfile = UNKNOWN_HR_PROFILE,
    stream_load: tuple[float, LoadSource] | None = None,
) -> tuple[float, LoadSource] | None:
    """The cardio load of one session and the method used, first that the data allows:

    1. Banister TRIMP from the HR stream (stream covers ≥ 75 % of the time; rest and max HR known)
    2. Banister TRIMP from the average HR (average HR, duration, rest and max HR known)
    3. Edwards TRIMP from the HR stream (max HR known, rest HR not)
    4. session RPE × minutes (RPE and duration known)
    5. distance × CARDIO_LOAD_PER_KM (runs only)

    HR first because it measures the session rather than recalls it; the Banister forms before
    Edwards so most sessions share one scale. None when nothing can be measured.
    `stream_load` is the stream's `hr_stream_load` measured earlier, in place of `t_s` and
    `hr_bpm` (a stream never gives Edwards when rest HR is known, so 2 cannot come between).
    """
    max_hr, rest_hr = profile.max_hr_bpm, profile.rest_hr_bpm
    if stream_load is None and t_s is not None and hr_bpm is not None:
        stream_load = hr_stream_load(t_s, hr_bpm, profile)
    if stream_load is not None:
        return stream_load
    if (
        avg_hr_bpm is not None
        and duration_s is not None
        and max_hr is not None
        and rest_hr is not None
    ):
        load = banister_trimp_avg_hr(duration_s / 60.0, avg_hr_bpm, rest_hr, max_hr, profile.sex)
        return load, LoadSource.TRIMP_AVG_HR
    if rpe is not None and duration_s is not None:
        return session_rpe_load(rpe, duration_s / 60.0), LoadSource.SRPE
    if is_run and distance_m is not None:
        return cardio_distance_load(distance_m), LoadSource.DISTANCE
    return None


def run_load_entries(
    day: date,
    *,
    distance_m: float | None,
    duration_s: float | None,
    rpe: float | None = None,
    t_s: npt.ArrayLike | None = None,
    hr_bpm: npt.ArrayLike | None = None,
    avg_hr_bpm: float | None = None,
    profile: HeartRateProfile = UNKNOWN_HR_PROFILE,
    is_run: bool = True,
    stream_load: tuple[float, LoadSource] | None = None,
) -> tuple[LoadEntry, ...]:
    """The entries of one endurance session: cardio (see `cardio_load`) and, for a run, its
    impact on the musculoskeletal channel by distance. Both carry the run's kilometres."""
    run_km = (distance_m or 0.0) / 1000.0 if is_run else 0.0
    entries: list[LoadEntry] = []
    cardio = cardio_load(
        duration_s=duration_s,
        rpe=rpe,
        t_s=t_s,
        hr_bpm=hr_bpm,
        avg_hr_bpm=avg_hr_bpm,
        distance_m=distance_m,
        is_run=is_run,
        profile=profile,
        stream_load=stream_load,
    )
    if cardio is not None:
        entries.append(LoadEntry(day, Channel.CARDIO, cardio[0], run_km, cardio[1]))
    if is_run and distance_m is not None and distance_m > 0:
        entries.append(
            LoadEntry(
                day, Channel.MUSCULOSKELETAL, run_impact_load(distance_m), run_km,
                LoadSource.DISTANCE,
            )
        )
    return tuple(entries)


def activity_load_entries(
    activity: Activity, profile: HeartRateProfile, timezone: TimeZoneLike
) -> tuple[LoadEntry, ...]:
    """`run_load_entries` for an imported activity, on its local day.

    The offset the file recorded wins over the athlete's home zone: a race abroad belongs to
    the day it was run there. Duration is moving time when known (stops are not training).
    """
    tz: TimeZoneLike = activity.tz_offset_s if activity.tz_offset_s is not None else timezone
    return run_load_entries(
        local_date(activity.start_utc, tz),
        distance_m=activity.distance_m,
        duration_s=activity.moving_s if activity.moving_s is not None else activity.elapsed_s,
        rpe=activity.rpe,
        avg_hr_bpm=activity.avg_hr,
        profile=profile,
        is_run=activity.is_run,
        stream_load=streams_load(activity.streams, profile),
    )


def strength_load_entry(
    day: date,
    *,
    duration_s: float | None,
    rpe: float | None,
    tonnage: float | None = None,
) -> LoadEntry | None:
    """A strength session on the musculoskeletal channel: session RPE × minutes when rated,
    else tonnage × TONNAGE_LOAD_PER_KG; None when neither is known (log an RPE)."""
    if rpe is not None and duration_s is not None:
        return LoadEntry(
            day, Channel.MUSCULOSKELETAL, session_rpe_load(rpe, duration_s / 60.0), 0.0,
            LoadSource.SRPE,
        )
    if tonnage is not None and tonnage > 0:
        return LoadEntry(
            day, Channel.MUSCULOSKELETAL, tonnage_load(tonnage), 0.0, LoadSource.TONNAGE
        )
    return None
