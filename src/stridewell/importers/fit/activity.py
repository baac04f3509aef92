"""FIT file -> domain activities: one `Activity` per session (a triathlon gives five).

Choices, each visible to the runner:

* Damage. A file whose message structure is intact but whose file CRC does not match is kept,
  with the note "salvaged: FIT file CRC mismatch: stored 0x…, computed 0x…": every message still
  decoded inside its declared bounds, and the reference decoders read such files (the corpus has
  two, identical to a good file but for the CRC bytes). Structural damage — truncation, a bad
  header or header CRC, a message past the end of the data, an undeclared local message type —
  is rejected by the decoder with the precise reason, because nothing after the damage can be
  placed reliably.
* No activity. A valid file of another type (settings, workout, weight, monitoring…) or an
  activity file with neither sessions nor records raises `NoActivityInFile`, so the importer lists
  it as skipped rather than failed.
* Sessions. Each session's records are those timed within [start, start + total_elapsed_time]
  (a record on the boundary goes to the later session). A session without records still becomes
  an activity from its summary. Records without any session become one activity (with a note).
* Running cadence. FIT stores strides per minute for running (`avg_running_cadence` in the
  profile); runners count steps, so running cadence is doubled to steps per minute.
* Heart rate from `hr` messages fills records without heart rate (see `heart_rate`), as Garmin's
  SDK does for swims with a chest strap; fitdecode and fitparse leave those records empty.
* Device clock not set. Times below 0x10000000 count from power-on; the start is then taken from
  the activity message's local time, with no UTC offset, and said so in a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt

from stridewell.domain.activities import (
    DEV_PREFIX,
    Activity,
    ActivityFileError,
    Lap,
    NoActivityInFile,
    Streams,
)

from . import heart_rate
from .decoder import FitFile, FitMessages, decode_fit
from .profile import FIT_EPOCH_UNIX_S, RELATIVE_TIME_LIMIT, SEMICIRCLE_DEG, TYPES, enum_name

FloatArray = npt.NDArray[np.float64]

_RELATIVE_BELOW = FIT_EPOCH_UNIX_S + RELATIVE_TIME_LIMIT
_GARMIN_FAMILY = {"garmin", "dynastream", "dynastream_oem", "tacx"}  # use garmin_product names
_STRIDE_SPORTS = {"running"}  # cadence in strides per minute (profile: avg_running_cadence)


def fit_to_activities(data: bytes | bytearray | memoryview) -> list[Activity]:
    """Activities in a FIT byte string: one per session."""
    return activities_from_fit(decode_fit(data))


def activities_from_fit(fit: FitFile) -> list[Activity]:
    """Activities in a decoded FIT file (see the module docstring for the choices made)."""
    _require_activity(fit)
    file_notes = tuple(f"salvaged: {problem}" for problem in fit.problems)
    clock = _Clock.of(fit)
    file_notes += clock.notes
    records = _Records.of(fit, clock)
    common = _Common(_device(fit), None if clock.shift_s else _tz_offset(fit), file_notes)
    sessions = fit.messages.get("session")
    if sessions is None or sessions.count == 0:
        return [_from_records(fit, records, clock, common)]
    starts = [_session_start(sessions, i, records, clock, fit) for i in range(sessions.count)]
    files = _file_index(sessions)
    timed = [(s, f) for s, f in zip(starts, files, strict=True) if s is not None]
    result = []
    for i, start in enumerate(starts):
        if start is None:
            raise ActivityFileError(f"FIT session {i + 1} has no start time and no timed records")
        later = [s for s, f in timed if f == files[i] and s > start]
        elapsed = _session_elapsed(sessions, i, start, clock)
        window = _Window(start, elapsed, min(later, default=None), files[i])
        result.append(_from_session(fit, sessions, i, window, records, clock, common))
    return result


def _file_index(messages: FitMessages) -> list[int]:
    """Which chained file each message came from (all 0 for a single file)."""
    if messages.file_index is None:
        return [0] * messages.count
    return [int(v) for v in messages.file_index]


@dataclass(frozen=True)
class _Window:
    """A session's time span; a record at `next_start` belongs to the next session."""

    start: float
    elapsed: float | None
    next_start: float | None
    file_index: int = 0  # chained file of the session: its records and laps come from it

    @property
    def end(self) -> float:
        return self.start + (self.elapsed or 0.0)


def _require_activity(fit: FitFile) -> None:
    types = _values(fit.column("file_id", "type"))
    named = [n for n in (enum_name("file", v) for v in types) if n is not None]
    if named and "activity" not in named:
        raise NoActivityInFile(f"FIT file type={named[0]} holds no activity")
    if fit.count("session") == 0 and fit.count("record") == 0:
        kind = named[0] if named else "unknown"
        raise NoActivityInFile(f"FIT file type={kind} holds no session and no records")


@dataclass(frozen=True)
class _Clock:
    """How the file's times map to UTC; `shift_s` is non-zero only for device-relative times."""

    shift_s: float
    notes: tuple[str, ...]

    @staticmethod
    def of(fit: FitFile) -> _Clock:
        reference = _first(fit.column("session", "start_time"))
        if reference is None:
            reference = _first(fit.column("record", "timestamp"))
        if reference is None or reference >= _RELATIVE_BELOW:
            return _Clock(0.0, ())
        local = _first(fit.column("activity", "local_timestamp"))
        stamp = _first(fit.column("activity", "timestamp"))
        if local is None or stamp is None or local < _RELATIVE_BELOW:
            raise ActivityFileError(
                "FIT file has no absolute time: the device clock was not set and no local time "
                "was recorded"
            )
        return _Clock(
            local - stamp,
            (
                "device clock not set: times count from power-on; start taken from the local "
                "time in the activity message, UTC offset unknown",
            ),
        )

    def utc(self, value: float) -> float:
        return value + self.shift_s if value < _RELATIVE_BELOW else value


class _Records:
    """Per-record arrays of the whole file, times in UTC seconds."""

    def __init__(
        self,
        t: FloatArray,
        columns: dict[str, FloatArray],
        hr_from_beats: npt.NDArray[np.bool_] | None = None,
        file_index: npt.NDArray[np.int64] | None = None,
    ) -> None:
        self.t = t
        self.columns = columns
        self.hr_from_beats = hr_from_beats  # records whose heart rate came from hr messages
        self.file_index = file_index

    @staticmethod
    def of(fit: FitFile, clock: _Clock) -> _Records:
        rec = fit.messages.get("record")
        if rec is None:
            return _Records(np.empty(0), {})
        t = _vector(rec, "timestamp")
        if clock.shift_s:
            t = np.where(t < _RELATIVE_BELOW, t + clock.shift_s, t)
        columns = {
            "distance": _vector(rec, "distance"),
            "speed": _prefer(_vector(rec, "enhanced_speed"), _vector(rec, "speed")),
            "hr": _vector(rec, "heart_rate"),
            "cadence": _cadence(rec),
            "altitude": _prefer(_vector(rec, "enhanced_altitude"), _vector(rec, "altitude")),
            "lat": _vector(rec, "position_lat") * SEMICIRCLE_DEG,
            "lon": _vector(rec, "position_long") * SEMICIRCLE_DEG,
            "power": _vector(rec, "power"),
        }
        for name, column in rec.columns.items():
            if name.startswith(DEV_PREFIX) and column.dtype != object and column.ndim == 1:
                columns[name] = np.asarray(column, dtype=np.float64)
        filled = None
        beat_t, beat_bpm = heart_rate.beats(fit)
        if beat_t.size:
            beat_t = np.where(beat_t < _RELATIVE_BELOW, beat_t + clock.shift_s, beat_t)
            columns["hr"], filled = heart_rate.fill_from_beats(t, columns["hr"], beat_t, beat_bpm)
        return _Records(t, columns, filled, rec.file_index)

    def notes(self, rows: npt.NDArray[np.int64]) -> tuple[str, ...]:
        if self.hr_from_beats is None or not self.hr_from_beats[rows].any():
            return ()
        count = int(self.hr_from_beats[rows].sum())
        return (f"heart rate of {count} records taken from the strap's stored beats",)

    def window(self, window: _Window) -> npt.NDArray[np.int64]:
        """Indices of the records timed inside a session's window."""
        inside = (self.t >= window.start) & (self.t <= window.end)
        if window.next_start is not None:
            inside &= self.t < window.next_start
        if self.file_index is not None:
            inside &= self.file_index == window.file_index
        return np.flatnonzero(inside)

    def streams(self, rows: npt.NDArray[np.int64], start: float, running: bool) -> Streams:
        order: npt.NDArray[np.int64] | slice = rows
        t = self.t[rows]
        if rows[-1] - rows[0] + 1 == rows.size:  # one stretch of the file: slices, no gathers
            order = slice(int(rows[0]), int(rows[-1]) + 1)
        if bool((t[1:] < t[:-1]).any()):
            order = rows[np.argsort(t, kind="stable")]
        columns = {"t": self.t[order] - start}
        for name, values in self.columns.items():
            picked = values[order] * 2.0 if name == "cadence" and running else values[order]
            if np.isfinite(picked).any():  # a copy: activities never share stream memory
                columns[name] = picked.copy() if isinstance(order, slice) else picked
        return Streams(columns)


@dataclass(frozen=True)
class _Common:
    """What every activity of the file shares."""

    device: str | None
    tz_offset_s: int | None
    notes: tuple[str, ...]


def _from_session(
    fit: FitFile,
    sessions: FitMessages,
    i: int,
    window: _Window,
    records: _Records,
    clock: _Clock,
    common: _Common,
) -> Activity:
    sport = enum_name("sport", _value(sessions, "sport", i)) or "generic"
    running = sport in _STRIDE_SPORTS
    rows = records.window(window)
    streams = records.streams(rows, window.start, running) if rows.size else Streams()
    cadence = _value(sessions, "avg_cadence", i)
    if cadence is not None:
        cadence += _value(sessions, "avg_fractional_cadence", i) or 0.0
        if running:
            cadence *= 2.0
    return Activity(
        source_kind="fit",
        sport=sport,
        sub_sport=enum_name("sub_sport", _value(sessions, "sub_sport", i)),
        start_utc=_datetime(window.start),
        tz_offset_s=common.tz_offset_s,
        elapsed_s=window.elapsed,
        moving_s=_value(sessions, "total_timer_time", i),
        distance_m=_value(sessions, "total_distance", i),
        ascent_m=_value(sessions, "total_ascent", i),
        avg_hr=_value(sessions, "avg_heart_rate", i),
        max_hr=_value(sessions, "max_heart_rate", i),
        avg_cadence=cadence,
        device=common.device,
        streams=streams,
        laps=_laps(fit, window, clock),
        notes=common.notes + records.notes(rows),
    )


def _from_records(fit: FitFile, records: _Records, clock: _Clock, common: _Common) -> Activity:
    timed = np.flatnonzero(~np.isnan(records.t))
    if timed.size == 0:
        raise NoActivityInFile(
            f"FIT file holds {fit.count('record')} records without timestamps and no session"
        )
    start = float(records.t[timed].min())
    end = float(records.t[timed].max())
    sport = enum_name("sport", _first(fit.column("sport", "sport"))) or "generic"
    running = sport in _STRIDE_SPORTS
    streams = records.streams(timed, start, running)
    distance = streams.get("distance")
    return Activity(
        source_kind="fit",
        sport=sport,
        sub_sport=enum_name("sub_sport", _first(fit.column("sport", "sub_sport"))),
        start_utc=_datetime(start),
        tz_offset_s=common.tz_offset_s,
        elapsed_s=end - start,
        distance_m=float(np.nanmax(distance)) if distance is not None else None,
        device=common.device,
        streams=streams,
        laps=_laps(fit, _Window(start, end - start, None), clock),
        notes=common.notes
        + records.notes(timed)
        + ("no session message: summary built from the records",),
    )


def _session_start(
    sessions: FitMessages, i: int, records: _Records, clock: _Clock, fit: FitFile
) -> float | None:
    start = _value(sessions, "start_time", i)
    if start is not None:
        return clock.utc(start)
    stamp = _value(sessions, "timestamp", i)
    elapsed = _value(sessions, "total_elapsed_time", i)
    if stamp is not None and elapsed is not None:
        return clock.utc(stamp) - elapsed
    if sessions.count == 1 and records.t.size and not np.isnan(records.t).all():
        return float(np.nanmin(records.t))
    for message, field in (("activity", "timestamp"), ("file_id", "time_created")):
        value = _first(fit.column(message, field))
        if value is not None:
            return clock.utc(value)
    return None


def _session_elapsed(
    sessions: FitMessages, i: int, start: float | None, clock: _Clock
) -> float | None:
    elapsed = _value(sessions, "total_elapsed_time", i)
    if elapsed is not None:
        return elapsed
    stamp = _value(sessions, "timestamp", i)
    if stamp is not None and start is not None:
        return max(clock.utc(stamp) - start, 0.0)
    return None


def _laps(fit: FitFile, window: _Window, clock: _Clock) -> tuple[Lap, ...]:
    """The laps that start inside the session's window (and its chained file)."""
    laps = fit.messages.get("lap")
    if laps is None:
        return ()
    starts = _vector(laps, "start_time")
    if clock.shift_s:
        starts = np.where(starts < _RELATIVE_BELOW, starts + clock.shift_s, starts)
    elapsed = _vector(laps, "total_elapsed_time")
    inside = (starts >= window.start) & (starts <= window.end) & ~np.isnan(elapsed)
    if window.next_start is not None:
        inside &= starts < window.next_start
    if laps.file_index is not None:
        inside &= laps.file_index == window.file_index
    rows = np.flatnonzero(inside)
    fields = ("total_distance", "total_timer_time", "avg_heart_rate", "max_heart_rate")
    values = [_vector(laps, name)[rows].tolist() for name in fields]
    return tuple(
        Lap(
            start_utc=_datetime(float(starts[row])),
            elapsed_s=float(elapsed[row]),
            distance_m=_number(values[0][k]),
            moving_s=_number(values[1][k]),
            avg_hr=_number(values[2][k]),
            max_hr=_number(values[3][k]),
        )
        for k, row in enumerate(rows.tolist())
    )


def _number(value: float) -> float | None:
    return None if value != value else value  # NaN -> None


def _device(fit: FitFile) -> str | None:
    """ "maker product" of the recording device: file_id, else the creator's device_info."""
    for message in ("file_id", "device_info"):
        found = fit.messages.get(message)
        if found is None:
            continue
        row = 0
        if message == "device_info":  # the creator is device_index 0
            index = _vector(found, "device_index")
            creators = np.flatnonzero(index == 0)
            if creators.size == 0:
                continue
            row = int(creators[0])
        name = _device_name(found, row)
        if name is not None:
            return name
    return None


def _device_name(messages: FitMessages, row: int) -> str | None:
    maker_value = _value(messages, "manufacturer", row)
    maker = TYPES["manufacturer"].get(int(maker_value)) if maker_value is not None else None
    if maker is None:  # absent or a number the profile does not name
        return None
    product_value = _value(messages, "product", row)
    product = None
    if product_value is not None:
        table = "garmin_product" if maker in _GARMIN_FAMILY else ""
        product = enum_name(table, product_value) if table else str(int(product_value))
    name = _text(messages, "product_name", row)
    return " ".join(part for part in (maker, name or product) if part)


def _tz_offset(fit: FitFile) -> int | None:
    local = _first(fit.column("activity", "local_timestamp"))
    stamp = _first(fit.column("activity", "timestamp"))
    if local is None or stamp is None:
        return None
    offset = round((local - stamp) / 900.0) * 900  # zones are whole quarter hours
    return offset if abs(offset) <= 14 * 3600 else None


def _vector(messages: FitMessages, field: str) -> FloatArray:
    column = messages.get(field)
    if column is None or column.dtype == object:
        return np.full(messages.count, np.nan)
    values = np.asarray(column, dtype=np.float64)
    return values if values.ndim == 1 else values[:, 0]


def _cadence(rec: FitMessages) -> FloatArray:
    cadence = _vector(rec, "cadence")
    if "fractional_cadence" in rec.columns:
        cadence = cadence + np.nan_to_num(_vector(rec, "fractional_cadence"))
    return cadence


def _prefer(first: FloatArray, second: FloatArray) -> FloatArray:
    return np.where(np.isnan(first), second, first)


def _value(messages: FitMessages, field: str, i: int) -> float | None:
    column = messages.get(field)
    if column is None or column.dtype == object:
        return None
    value = column[i] if column.ndim == 1 else column[i, 0]
    return None if np.isnan(value) else float(value)


def _values(column: npt.NDArray[np.generic] | None) -> FloatArray:
    """A column as one float per message (the first element of array fields); NaN = missing."""
    if column is None or column.dtype == object or column.size == 0:
        return np.empty(0)
    return np.asarray(column, dtype=np.float64).reshape(column.shape[0], -1)[:, 0]


def _first(column: npt.NDArray[np.generic] | None) -> float | None:
    values = _values(column)
    finite = values[~np.isnan(values)]
    return float(finite[0]) if finite.size else None


def _text(messages: FitMessages, field: str, i: int) -> str | None:
    column = messages.get(field)
    if column is None or column.dtype != object or not column[i]:
        return None
    return str(column[i])


def _datetime(unix_s: float) -> datetime:
    return datetime.fromtimestamp(unix_s, tz=UTC)
