"""Heart rate stored by a chest strap in `hr` messages, put back onto the records.

Straps that cannot transmit under water (HRM-Swim, HRM-Tri, HRM-Pro) store beats and hand them
to the watch afterwards as `hr` messages; the records of a swim then carry no heart rate. Garmin's
SDK merges these into the records by default; fitdecode and fitparse do not. We merge them, so a
swim or the swim leg of a triathlon has a heart-rate stream and counts in HR-based load, but only
into records that have no heart rate of their own.

Following the SDK (hr_mesg_utils): an `hr` message with a timestamp anchors the strap's
event_timestamp clock to real time; every beat gets anchor_time + (event_timestamp - anchor_event);
a record's value is the rounded mean of the beats in (previous record, this record]. Where no
beat falls in that interval, the last beat is carried forward for up to 5 s (the SDK fills gaps
up to 5 s too, in 250 ms steps that also enter its averages; ours differs only around gaps).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from .decoder import FitFile

FloatArray = npt.NDArray[np.float64]

_CARRY_S = 5.0


def beats(fit: FitFile) -> tuple[FloatArray, FloatArray]:
    """Times (Unix s) and bpm of every beat in the file's hr messages, sorted by time."""
    hr = fit.messages.get("hr")
    empty = np.empty(0)
    if hr is None:
        return empty, empty
    events = _matrix(hr.get("event_timestamp"), hr.count)
    bpm = _matrix(hr.get("filtered_bpm"), hr.count)
    stamps = _vector(hr.get("timestamp"), hr.count)
    fraction = np.nan_to_num(_vector(hr.get("fractional_timestamp"), hr.count))
    if events is None or bpm is None:
        return empty, empty
    width = min(events.shape[1], bpm.shape[1])
    events, bpm = events[:, :width], bpm[:, :width]
    is_anchor = ~np.isnan(stamps)
    anchor_row = np.maximum.accumulate(np.where(is_anchor, np.arange(hr.count), -1))
    usable = anchor_row >= 0
    anchor_time = np.where(usable, (stamps + fraction)[anchor_row], np.nan)
    anchor_event = np.where(usable, events[anchor_row, 0], np.nan)
    times = anchor_time[:, None] + (events - anchor_event[:, None])
    keep = ~np.isnan(times) & ~np.isnan(bpm)
    order = np.argsort(times[keep], kind="stable")
    return times[keep][order], bpm[keep][order]


def fill_from_beats(
    record_t: FloatArray, record_hr: FloatArray, beat_t: FloatArray, beat_bpm: FloatArray
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """Records' heart rate with gaps filled from beats; also which records were filled."""
    missing = np.isnan(record_hr) & ~np.isnan(record_t)
    if beat_t.size == 0 or not missing.any():
        return record_hr, np.zeros(record_hr.size, dtype=bool)
    previous_t = np.concatenate(([-np.inf], record_t[:-1]))
    first = np.searchsorted(beat_t, previous_t, side="right")
    last = np.searchsorted(beat_t, record_t, side="right")
    running = np.concatenate(([0.0], np.cumsum(beat_bpm)))
    count = last - first
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = (running[last] - running[first]) / count
    value = np.where(count > 0, np.floor(mean + 0.5), np.nan)
    # No beat in the interval: carry the last beat forward for up to 5 s.
    before = last - 1
    carried = np.where(
        (before >= 0) & (record_t - beat_t[np.maximum(before, 0)] <= _CARRY_S),
        beat_bpm[np.maximum(before, 0)],
        np.nan,
    )
    value = np.where(count > 0, value, carried)
    filled = missing & ~np.isnan(value)
    result = record_hr.copy()
    result[filled] = value[filled]
    return result, filled


def _matrix(column: npt.NDArray[np.generic] | None, rows: int) -> FloatArray | None:
    if column is None or column.dtype == object:
        return None
    return np.asarray(column, dtype=np.float64).reshape(rows, -1)


def _vector(column: npt.NDArray[np.generic] | None, rows: int) -> FloatArray:
    if column is None or column.dtype == object:
        return np.full(rows, np.nan)
    values = np.asarray(column, dtype=np.float64)
    return values if values.ndim == 1 else values[:, 0]
