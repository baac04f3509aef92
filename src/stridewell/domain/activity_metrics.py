"""What an activity file does not state, derived from its streams at import.

`derive` fills the summary (distance, moving time, ascent, heart-rate statistics and zones, cadence)
and, for runs, the best efforts over the standard distances that feed personal bests and race
predictions. It never overwrites a value the file stated. The rules, each with its reason:

- distance: the device's own total; else the end of the distance stream; else great-circle steps
  between positions; else the laps' sum.
- moving time: an interval between two samples counts as moving when the mean speed over it is at
  least 0.5 m/s (1.0 m/s on a bike), about 33 min/km, slower than any running or walking pace but
  above GPS drift while standing. A long gap is judged by the same rule, so an auto-pause (little
  distance over a long time) counts as stopped and a GPS dropout mid-run (steady distance) as
  moving. Without a distance stream, intervals up to 30 s count as moving and longer ones as pauses.
- ascent: altitude smoothed by a centred 5-sample moving average, then climbs summed with a 1 m
  hysteresis (a rise counts once the altitude is 1 m above the last reference point; a drop of
  1 m resets the reference). Against the devices' own totals in the 47 corpus FIT files that
  state one, this lands at a median of 1.00 (every run within 0.91-1.10), where summing every
  positive step overcounts by a fifth and a bare 2 m threshold spreads twice as wide.
- heart rate: time-weighted over sample intervals up to 30 s; zones by % of max HR 50-60, 60-70,
  70-80, 80-90, 90-100 (Edwards 1993); below 50 % counts in no zone.
- best efforts: the fastest stretch covering each standard distance, found from the distance
  stream with linear interpolation between samples, using elapsed time (pauses inside count).
"""

from __future__ import annotations

import dataclasses

import numpy as np

from stridewell.domain.activities import Activity, BestEffort, FloatArray, Streams
from stridewell.domain.geo import cumulative_distance_m
from stridewell.domain.performance import STANDARD_DISTANCES_M

# The efforts found in each run are the distances personal bests are kept for.
BEST_EFFORT_DISTANCES_M: dict[str, float] = STANDARD_DISTANCES_M
MOVING_SPEED_MPS = 0.5
MOVING_SPEED_BY_SPORT_MPS: dict[str, float] = {"cycling": 1.0}
MAX_SAMPLE_GAP_S = 30.0
ASCENT_HYSTERESIS_M = 1.0
ASCENT_SMOOTHING_SAMPLES = 5
# Edwards 1993: zones by % of max HR, lower bounds of zones 1-5; zone 5 is open-ended.
HR_ZONE_LOWER_FRACTIONS = (0.5, 0.6, 0.7, 0.8, 0.9)
# Faster than Usain Bolt's 100 m average (10.4 m/s): a step like this is a GPS jump, not running.
MAX_RUN_SPEED_MPS = 12.5
# Garmin's TCX, GPX and FIT files count running cadence per foot (strides); we store steps.
STRIDE_CADENCE_MAX = 120.0


def derive(activity: Activity, max_hr: float | None = None) -> Activity:
    """The activity with what its streams imply filled in; values the file stated are kept.

    `max_hr` is the athlete's maximum heart rate for the zones; without it the activity's own
    maximum is used (which places an easy run's peak in zone 5, so pass the athlete's when known).
    """
    streams = activity.streams
    columns = dict(streams.columns)
    t = columns.get("t")
    if "distance" not in columns or not streams.has("distance"):
        lat, lon = columns.get("lat"), columns.get("lon")
        if lat is not None and lon is not None and streams.has("lat") and streams.has("lon"):
            columns["distance"] = cumulative_distance_m(lat, lon)
    distance = columns.get("distance")
    hr = columns.get("hr")
    cadence = columns.get("cadence")
    if activity.is_run and cadence is not None and _looks_like_strides(cadence):
        cadence = cadence * 2.0
        columns["cadence"] = cadence

    changes: dict[str, object] = {"streams": Streams(columns)}
    if activity.elapsed_s is None and t is not None and np.isfinite(t).any():
        changes["elapsed_s"] = float(np.nanmax(t) - np.nanmin(t))
    if activity.distance_m is None:
        changes["distance_m"] = _distance_m(activity, distance)
    stated_elapsed = changes.get("elapsed_s", activity.elapsed_s)
    elapsed = float(stated_elapsed) if isinstance(stated_elapsed, float | int) else None
    # Some devices state a timer time longer than the whole activity; moving time can never
    # exceed elapsed time, so such a value is recomputed from the streams (and said so).
    impossible = (
        activity.moving_s is not None and elapsed is not None and activity.moving_s > elapsed + 1
    )
    if (activity.moving_s is None or impossible) and t is not None and np.isfinite(t).any():
        threshold = MOVING_SPEED_BY_SPORT_MPS.get(activity.sport, MOVING_SPEED_MPS)
        changes["moving_s"] = moving_time_s(t, distance, threshold)
    elif impossible:
        changes["moving_s"] = elapsed
    if impossible:
        changes["notes"] = (
            *activity.notes,
            f"the file's moving time ({activity.moving_s:.0f} s) exceeded its elapsed time "
            f"({elapsed:.0f} s); moving time recomputed",
        )
    altitude = columns.get("altitude")
    if activity.ascent_m is None and altitude is not None and np.isfinite(altitude).any():
        changes["ascent_m"] = ascent_m(altitude)
    if hr is not None and np.isfinite(hr).any():
        weights = _sample_weights_s(t) if t is not None else np.ones_like(hr)
        if activity.avg_hr is None:
            changes["avg_hr"] = _weighted_mean(hr, weights)
        if activity.max_hr is None:
            changes["max_hr"] = float(np.nanmax(hr))
        zone_max = max_hr if max_hr else float(np.nanmax(hr))
        changes["hr_zone_s"] = hr_zone_seconds(hr, weights, zone_max)
    if activity.avg_cadence is None and cadence is not None:
        moving_cadence = cadence[np.isfinite(cadence) & (cadence > 0)]
        if moving_cadence.shape[0]:
            changes["avg_cadence"] = float(moving_cadence.mean())
    if activity.is_run and t is not None and distance is not None:
        changes["best_efforts"] = best_efforts(t, distance)
    return dataclasses.replace(activity, **changes)  # type: ignore[arg-type]


def moving_time_s(
    t_s: FloatArray, distance_m: FloatArray | None, min_speed_mps: float = MOVING_SPEED_MPS
) -> float:
    """Seconds spent moving (see the module docstring for the rule)."""
    if distance_m is None or not np.isfinite(distance_m).any():
        t = _increasing(t_s[np.isfinite(t_s)])
        dt = np.diff(t)
        return float(dt[dt <= MAX_SAMPLE_GAP_S].sum())
    keep = np.isfinite(t_s) & np.isfinite(distance_m)
    t, d = t_s[keep], distance_m[keep]
    order = _increasing_mask(t)
    t, d = t[order], d[order]
    dt = np.diff(t)
    dd = np.diff(d)
    moving = (dt > 0) & (dd >= min_speed_mps * dt)
    return float(dt[moving].sum())


def ascent_m(altitude_m: FloatArray, hysteresis_m: float = ASCENT_HYSTERESIS_M) -> float:
    """Total climb, smoothed, with a hysteresis that ignores wiggles under `hysteresis_m`."""
    altitude = altitude_m[np.isfinite(altitude_m)]
    if altitude.shape[0] >= ASCENT_SMOOTHING_SAMPLES:
        window = np.full(ASCENT_SMOOTHING_SAMPLES, 1.0 / ASCENT_SMOOTHING_SAMPLES)
        altitude = np.convolve(altitude, window, mode="valid")
    if altitude.shape[0] < 2:
        return 0.0
    reference = float(altitude[0])
    climbed = 0.0
    # A Python loop: the reference point depends on the path so far, which numpy cannot express
    # without one; it is one comparison per sample.
    for value in altitude.tolist():
        if value >= reference + hysteresis_m:
            climbed += value - reference
            reference = value
        elif value <= reference - hysteresis_m:
            reference = value
    return climbed


def hr_zone_seconds(
    hr_bpm: FloatArray, weights_s: FloatArray, max_hr_bpm: float
) -> tuple[float, ...]:
    """Seconds in the five Edwards zones (50-60, 60-70, 70-80, 80-90, 90+ % of max HR)."""
    if max_hr_bpm <= 0:
        return (0.0,) * len(HR_ZONE_LOWER_FRACTIONS)
    fraction = hr_bpm / max_hr_bpm
    edges = np.asarray(HR_ZONE_LOWER_FRACTIONS + (np.inf,))
    zone = np.searchsorted(edges, fraction, side="right") - 1  # -1 below zone 1
    valid = np.isfinite(fraction) & (zone >= 0) & (zone < len(HR_ZONE_LOWER_FRACTIONS))
    seconds = np.bincount(
        zone[valid], weights=weights_s[valid], minlength=len(HR_ZONE_LOWER_FRACTIONS)
    )
    return tuple(float(s) for s in seconds[: len(HR_ZONE_LOWER_FRACTIONS)])


def best_efforts(
    t_s: FloatArray,
    distance_m: FloatArray,
    distances_m: dict[str, float] = BEST_EFFORT_DISTANCES_M,
) -> tuple[BestEffort, ...]:
    """Fastest time over each standard distance the stream covers, shortest distance first.

    With linear interpolation between samples, the time to cover a distance is piecewise linear
    in where the stretch starts, so its minimum has one end on a sample: we try every sample as
    the start (end interpolated) and every sample as the end (start interpolated), O(n log n).
    """
    keep = np.isfinite(t_s) & np.isfinite(distance_m)
    t, d = t_s[keep], distance_m[keep]
    order = _increasing_mask(t)
    t, d = t[order], d[order]
    if t.shape[0] < 2:
        return ()
    step = np.diff(d)
    dt = np.diff(t)
    # Steps faster than any human can run are GPS jumps; they add no distance here.
    glitch = (step < 0) | (step > MAX_RUN_SPEED_MPS * np.maximum(dt, 1.0))
    step = np.where(glitch, 0.0, step)
    cumulative = np.concatenate(([0.0], np.cumsum(step)))
    total = float(cumulative[-1])
    efforts = []
    for label, length in sorted(distances_m.items(), key=lambda item: item[1]):
        if length > total:
            break
        effort = _fastest_stretch(t, cumulative, length)
        if effort is not None:
            time_s, start_s = effort
            efforts.append(BestEffort(length, label, time_s, start_s))
    return tuple(efforts)


def _fastest_stretch(t: FloatArray, d: FloatArray, length: float) -> tuple[float, float] | None:
    """(duration, start time) of the quickest stretch of `length` metres along (t, d)."""
    n = t.shape[0]
    best_time = np.inf
    best_start = 0.0
    # Starts on samples: the end is where d first reaches d[i] + length.
    end_index = np.searchsorted(d, d + length, side="left")
    ok = (end_index < n) & (end_index > 0)
    if ok.any():
        i = np.flatnonzero(ok)
        j = end_index[ok]
        end_t = _interpolate_time(t, d, j, d[i] + length)
        durations = end_t - t[i]
        k = int(np.argmin(durations))
        best_time, best_start = float(durations[k]), float(t[i[k]])
    # Ends on samples: the start is the last point where d is still d[j] - length.
    start_index = np.searchsorted(d, d - length, side="right")
    ok = (d - length >= d[0]) & (start_index > 0) & (start_index < n)
    if ok.any():
        j = np.flatnonzero(ok)
        i = start_index[ok]
        start_t = _interpolate_time(t, d, i, d[j] - length)
        durations = t[j] - start_t
        k = int(np.argmin(durations))
        if durations[k] < best_time:
            best_time, best_start = float(durations[k]), float(start_t[k])
    if not np.isfinite(best_time):
        return None
    return best_time, best_start


def _interpolate_time(
    t: FloatArray, d: FloatArray, upper: np.ndarray, target: FloatArray
) -> FloatArray:
    """Time at which distance reaches `target`, between samples upper-1 and upper."""
    lower = upper - 1
    span = d[upper] - d[lower]
    fraction = np.divide(target - d[lower], span, out=np.ones_like(span), where=span > 0)
    return np.asarray(t[lower] + fraction * (t[upper] - t[lower]))


def _distance_m(activity: Activity, distance: FloatArray | None) -> float | None:
    if distance is not None and np.isfinite(distance).any():
        return float(np.nanmax(distance))
    lap_distances = [lap.distance_m for lap in activity.laps if lap.distance_m is not None]
    if lap_distances:
        return float(sum(lap_distances))
    return None


def _looks_like_strides(cadence: FloatArray) -> bool:
    moving = cadence[np.isfinite(cadence) & (cadence > 0)]
    return bool(moving.shape[0]) and float(np.median(moving)) < STRIDE_CADENCE_MAX


def _sample_weights_s(t_s: FloatArray) -> FloatArray:
    """Seconds each sample stands for: the interval to the next one, none across long pauses."""
    forward = np.diff(t_s, append=np.nan)
    weights = np.where(
        np.isfinite(forward) & (forward > 0) & (forward <= MAX_SAMPLE_GAP_S), forward, 0.0
    )
    return np.asarray(weights)


def _weighted_mean(values: FloatArray, weights: FloatArray) -> float:
    finite = np.isfinite(values)
    total_weight = float(weights[finite].sum())
    if total_weight > 0:
        return float((values[finite] * weights[finite]).sum() / total_weight)
    return float(values[finite].mean())


def _increasing_mask(t: FloatArray) -> np.ndarray:
    """Samples whose time is not before any earlier sample's (drops clock jumps backwards)."""
    if t.shape[0] == 0:
        return np.zeros(0, dtype=bool)
    running_max = np.maximum.accumulate(t)
    return np.asarray(t >= running_max)


def _increasing(t: FloatArray) -> FloatArray:
    return np.asarray(t[_increasing_mask(t)], dtype=np.float64)
