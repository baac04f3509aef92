"""Reading per-point columns out of a GPX track segment or TCX track, fast.

One walk over the container visits only the elements that matter: libxml2 filters the tags in C
and hands over the points and their field elements in document order, each point before its
fields, so every text lands in its point's row with no search. This beats one XPath query per
field (each a full pass with node-set bookkeeping) and, by far, visiting every element in Python.
Fields in vendor extensions match by local name in any namespace (`{*}hr`), so Garmin's
TrackPointExtension, Strava's plain or undeclared-prefix elements and Cluetrust's gpxdata all
arrive without listing namespaces first. When a point holds the same field twice (Strava writes
`<gpxdata:cadence>` and `<cadence>`, with the same value), the last one counts. Timestamps are
converted in one numpy call.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import numpy.typing as npt

from stridewell.domain.activities import ActivityFileError, FloatArray

DatetimeArray = npt.NDArray[np.datetime64]

_OFFSET_LINE_END = re.compile(r"[+-]\d\d:?\d\d(?:\n|$)")
_ZONE_SUFFIX = re.compile(r"(?:([Zz])|([+-]\d\d:?\d\d))$")


class PointColumns:
    """Reads text columns from the points under one container element (a segment, a track)."""

    def __init__(
        self,
        namespace: str,
        point: str,
        fields: Mapping[str, str],
        extension_fields: Mapping[str, str] | None = None,
        attributes: Sequence[str] = (),
    ) -> None:
        """`fields`: element local name in the document's `namespace` -> column;
        `extension_fields`: element local name in any namespace -> column; `attributes` of the
        point element, read into columns of the same name. Each field name must occur only at
        its place in a point (true of GPX and TCX), since the walk matches names, not paths."""
        prefix = f"{{{namespace}}}" if namespace else ""
        self._point_tag = f"{prefix}{point}"
        # Tag -> column for the document's own fields (extension tags are resolved as met).
        self._columns = {f"{prefix}{local}": column for local, column in fields.items()}
        self._by_local = dict(extension_fields or {})
        self._tags = (
            self._point_tag,
            *(f"{prefix}{local}" for local in fields),
            *(f"{{*}}{local}" for local in self._by_local),
        )
        self._attributes = tuple(attributes)
        self._column_names = {*fields.values(), *self._by_local.values(), *self._attributes}

    def read(self, container: Any) -> tuple[int, dict[str, list[str]]]:
        """Number of points and, per field found in any of them, one text per point ('' if none)."""
        # Row 0 takes anything met before the first point; rows 1.. are the points, which are
        # the container's children (with few others), so their number bounds the rows.
        rows = len(container) + 1
        columns = {name: [""] * rows for name in self._column_names}
        # The loop below runs once per element of interest: tags map straight to their lists.
        lists = {tag: columns[column] for tag, column in self._columns.items()}
        point_tag, attributes = self._point_tag, self._attributes
        row = 0
        for element in container.iter(*self._tags):
            tag = element.tag
            values = lists.get(tag)
            if values is None:
                if tag == point_tag:
                    row += 1
                    for name in attributes:
                        columns[name][row] = element.get(name) or ""
                    continue
                column = self._by_local.get(tag.rpartition("}")[2])
                if column is None:
                    continue
                values = lists[tag] = columns[column]  # an extension tag, met first here
            values[row] = element.text or ""
        found: dict[str, list[str]] = {}
        for name, values in columns.items():
            del values[row + 1 :]
            del values[0]
            if any(values):
                found[name] = values
        return row, found

    def read_point(self, point: Any) -> dict[str, str]:
        """One point's texts by column (for streaming, where points come one at a time)."""
        texts = {name: value for name in self._attributes if (value := point.get(name))}
        for element in point.iter(*self._tags[1:]):
            tag = element.tag
            column = self._columns.get(tag) or self._by_local.get(tag.rpartition("}")[2])
            if column is not None:
                texts[column] = element.text or ""
        return texts


def rows_to_columns(rows: list[dict[str, str]]) -> tuple[int, dict[str, list[str]]]:
    """Points read one by one (`PointColumns.read_point`) as columns, like `PointColumns.read`."""
    names = {name for row in rows for name, text in row.items() if text}
    return len(rows), {name: [row.get(name, "") for row in rows] for name in names}


def float_column(texts: Sequence[str], field: str, kind: str) -> FloatArray:
    """Texts as float64, NaN where blank; a text that is not a number is an error."""
    if "" in texts:  # points without the field
        texts = [text or "nan" for text in texts]
    try:
        values = np.array(texts, dtype=np.float64)
    except ValueError:
        values = np.array([_float_or_nan(text, field, kind) for text in texts])
    values[~np.isfinite(values)] = np.nan
    return values


def parse_timestamps(texts: Sequence[str], kind: str) -> tuple[DatetimeArray, int | None]:
    """ISO 8601 texts as UTC datetime64[us] (NaT where blank) and the first one's UTC offset.

    Most files write UTC with a 'Z' (or no zone, which GPX and TCX define as UTC); those take one
    numpy call. Texts with numeric offsets are split per text, then converted together.
    """
    if not texts:
        return np.zeros(0, dtype="datetime64[us]"), None
    joined = "\n".join(texts)
    offset = _OFFSET_LINE_END.search(joined)
    if offset is None:
        bare = joined.replace("Z\n", "\n").replace("z\n", "\n").rstrip("Zz")
        if "Z" not in bare and "z" not in bare:  # else spaces around a 'Z': the careful path
            try:
                return np.array(bare.split("\n"), dtype="datetime64[us]"), None
            except ValueError:
                pass  # an unreadable text: the careful path below names it
    else:
        # One offset throughout (a device writes its own zone on every point): strip it at once.
        suffix = offset.group().rstrip("\n")
        if all(text.endswith(suffix) for text in texts if text):
            bare = (joined + "\n").replace(suffix + "\n", "\n")
            try:
                local = np.array(bare[:-1].split("\n"), dtype="datetime64[us]")
            except ValueError:
                pass
            else:
                offset_s = _offset_s(suffix)
                utc = np.asarray(local - np.timedelta64(offset_s, "s"), dtype="datetime64[us]")
                return utc, offset_s
    return _parse_timestamps_one_by_one(texts, kind)


def parse_timestamp(text: str | None, kind: str) -> datetime | None:
    """One ISO 8601 time as an aware UTC datetime, None when blank."""
    if text is None or not text.strip():
        return None
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        axis = time_axis([text], kind)
        return axis.start_utc if axis is not None else None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _offset_s(suffix: str) -> int:
    sign = -1 if suffix[0] == "-" else 1
    digits = suffix[1:].replace(":", "")
    return sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60)


def _parse_timestamps_one_by_one(
    texts: Sequence[str], kind: str
) -> tuple[DatetimeArray, int | None]:
    bases: list[str] = []
    offsets_s = np.zeros(len(texts), dtype=np.int64)
    first_offset_s: int | None = None
    seen_first = False
    for index, raw in enumerate(texts):
        text = raw.strip()
        match = _ZONE_SUFFIX.search(text) if text else None
        offset_s: int | None = None
        if match is not None:
            text = text[: match.start()]
            if match.group(2):
                offset_s = _offset_s(match.group())
                offsets_s[index] = offset_s
        if text and not seen_first:
            seen_first = True
            first_offset_s = offset_s
        bases.append(text)
    try:
        local = np.array(bases, dtype="datetime64[us]")
    except ValueError:
        for raw, base in zip(texts, bases, strict=True):
            try:
                np.datetime64(base, "us")
            except ValueError:
                raise ActivityFileError(
                    f"{kind} file has an unreadable time: {raw.strip()!r}"
                ) from None
        raise
    return local - offsets_s.astype("timedelta64[s]"), first_offset_s


def _float_or_nan(text: str, field: str, kind: str) -> float:
    stripped = text.strip()
    if not stripped:
        return float("nan")
    try:
        return float(stripped)
    except ValueError:
        raise ActivityFileError(
            f"{kind} file has a non-numeric {field} value: {stripped!r}"
        ) from None


@dataclass(frozen=True)
class TimeAxis:
    """Where a recording starts and each point's seconds since then (NaN for untimed points)."""

    start_utc: datetime
    t_s: FloatArray
    elapsed_s: float  # last timestamped point minus the first, in document order
    tz_offset_s: int | None


def time_axis(texts: Sequence[str], kind: str) -> TimeAxis | None:
    """The time axis of points with these time texts, or None when none has a time."""
    times, tz_offset_s = parse_timestamps(texts, kind)
    timed = np.flatnonzero(~np.isnat(times))
    if timed.shape[0] == 0:
        return None
    first = times[timed[0]]
    offsets_us = (times - first).astype("timedelta64[us]").astype(np.int64)
    t_s = np.where(np.isnat(times), np.nan, offsets_us / 1e6)
    start_us = int(first.astype("datetime64[us]").astype(np.int64))
    start_utc = _EPOCH + timedelta(microseconds=start_us)
    elapsed_s = max(0.0, float(t_s[timed[-1]]))
    return TimeAxis(start_utc, np.asarray(t_s, dtype=np.float64), elapsed_s, tz_offset_s)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
