"""The columns of each global message, from the decoded groups of its layouts.

Steps, in order (all per global message, in file order):
1. `plan.decode_group` turns each group's messages into float64 columns (NaN = invalid), with
   scale, offset and the Unix epoch applied; fields with components are also kept raw;
2. `merge` joins the groups of one global message, restoring file order;
3. `fill_timestamps` dates the messages with compressed-timestamp headers (across all messages);
4. `expand_components` fills component targets (speed -> enhanced_speed, distance from
   compressed_speed_distance, hr event timestamps…), accumulating where the profile says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from .layout import DevField
from .profile import (
    BASE_TYPES_BY_NAME,
    BaseType,
    Component,
    FieldSpec,
    MessageSpec,
)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
U8Array = npt.NDArray[np.uint8]
AnyArray = npt.NDArray[np.generic]

TIMESTAMP_FIELD = 253
_UINT32 = BASE_TYPES_BY_NAME["uint32"]


@dataclass(frozen=True, slots=True)
class ColumnInfo:
    base: BaseType
    spec: FieldSpec | None = None
    dev: DevField | None = None

    @property
    def units(self) -> str:
        return self.spec.units if self.spec else self.dev.units if self.dev else ""


@dataclass(slots=True)
class RawMessages:
    """All messages of one global message number, as physical values in file order."""

    spec: MessageSpec
    offsets: IntArray
    headers: U8Array | None  # record header bytes; kept only when the file has compressed ones
    columns: dict[str, AnyArray] = field(default_factory=dict)
    info: dict[str, ColumnInfo] = field(default_factory=dict)
    raw: dict[str, FloatArray] = field(default_factory=dict)  # component sources, unscaled

    @property
    def count(self) -> int:
        return int(self.offsets.size)


def field_name(spec: MessageSpec, num: int) -> str:
    profile = spec.fields.get(num)
    if profile is not None:
        return profile.name
    return "timestamp" if num == TIMESTAMP_FIELD else f"unknown_{num}"


def merge(spec: MessageSpec, parts: list[RawMessages]) -> RawMessages:
    """One global message's groups as one set of columns in file order."""
    if len(parts) == 1:
        return parts[0]
    offsets = np.concatenate([p.offsets for p in parts])
    order = None
    if offsets.size > 1 and bool((offsets[1:] < offsets[:-1]).any()):
        order = np.argsort(offsets, kind="stable")
        offsets = offsets[order]
    headers = None
    if all(p.headers is not None for p in parts):
        headers = np.concatenate([p.headers for p in parts if p.headers is not None])
        if order is not None:
            headers = headers[order]
    result = RawMessages(spec, offsets, headers)
    names: dict[str, ColumnInfo] = {}
    for p in parts:
        for name, info in p.info.items():
            names.setdefault(name, info)
    counts = [p.count for p in parts]
    for name, info in names.items():
        column = _stack([p.columns.get(name) for p in parts], counts)
        result.columns[name] = column if order is None else column[order]
        result.info[name] = info
    for name in dict.fromkeys(name for p in parts for name in p.raw):  # first-seen order
        raw = _stack([p.raw.get(name) for p in parts], counts).astype(np.float64, copy=False)
        result.raw[name] = raw if order is None else raw[order]
    return result


def _stack(pieces: list[AnyArray | None], counts: list[int]) -> AnyArray:
    """One column from the groups' pieces: NaN (None for text) where a group lacks the field."""
    present = [p for p in pieces if p is not None]
    if any(p.dtype == object for p in present):
        return np.concatenate(
            [
                np.full(n, None, dtype=object)
                if p is None
                else p.astype(object).reshape(n, -1)[:, 0]
                for p, n in zip(pieces, counts, strict=True)
            ]
        )
    width = max(1 if p.ndim == 1 else p.shape[1] for p in present)
    if width == 1:
        return np.concatenate(
            [np.full(n, np.nan) if p is None else p for p, n in zip(pieces, counts, strict=True)]
        )
    padded = []
    for p, n in zip(pieces, counts, strict=True):
        block = np.full((n, width), np.nan)
        if p is not None:
            block[:, : (1 if p.ndim == 1 else p.shape[1])] = p.reshape(n, -1)
        padded.append(block)
    return np.concatenate(padded)


def fill_timestamps(messages: list[RawMessages]) -> None:
    """Timestamps of compressed-timestamp headers, from the last full timestamp before them.

    The header holds the low 5 bits of the time; each message (full or compressed) moves the
    reference forward, so within a stretch after a full timestamp T:
    t_k = t_(k-1) + ((offset_k - low5(t_(k-1))) mod 32), i.e. T plus a cumulative sum.
    Columns already count from the Unix epoch; the FIT epoch is 631065600 s later, a multiple of
    32, so the low 5 bits are the same in both.
    """
    if any(m.headers is None for m in messages):
        return  # the scan saw no compressed header
    offsets, anchors, is_compressed, owners, headers = [], [], [], [], []
    for index, m in enumerate(messages):
        assert m.headers is not None
        compressed = (m.headers & 0x80) != 0
        stamp = m.columns.get("timestamp")
        full = np.full(m.count, np.nan) if stamp is None or stamp.ndim != 1 else stamp
        keep = compressed | ~np.isnan(full)
        offsets.append(m.offsets[keep])
        anchors.append(np.where(compressed, np.nan, full)[keep])
        is_compressed.append(compressed[keep])
        owners.append(np.full(int(keep.sum()), index))
        headers.append(m.headers[keep])
    order = np.argsort(np.concatenate(offsets), kind="stable")
    anchor = np.concatenate(anchors)[order]
    compressed_all = np.concatenate(is_compressed)[order]
    header_all = np.concatenate(headers)[order].astype(np.int64)
    low5 = np.where(compressed_all, header_all & 0x1F, np.nan_to_num(anchor).astype(np.int64) & 31)
    previous_low5 = np.concatenate([[0], low5[:-1]])
    delta = np.where(compressed_all, (low5 - previous_low5) & 31, 0)
    segment = np.cumsum(~compressed_all) - 1  # index of the last full timestamp
    starts = np.flatnonzero(~compressed_all)
    running = np.cumsum(delta)
    base = np.full(low5.size, np.nan)
    valid = segment >= 0
    base[valid] = anchor[starts[segment[valid]]] - running[starts[segment[valid]]]
    stamps = base + running
    owner_all = np.concatenate(owners)[order]
    for index, m in enumerate(messages):
        assert m.headers is not None
        compressed = (m.headers & 0x80) != 0
        if not compressed.any():
            continue
        mine = (owner_all == index) & compressed_all
        column = m.columns.get("timestamp")
        if column is None or column.ndim != 1:
            column = m.columns["timestamp"] = np.full(m.count, np.nan)
            m.info["timestamp"] = ColumnInfo(_UINT32, m.spec.fields.get(TIMESTAMP_FIELD))
        rows = np.flatnonzero(compressed)  # file order within m matches the global order
        column[rows] = stamps[mine]


def expand_components(m: RawMessages) -> None:
    """Fill component targets (enhanced_speed, distance from compressed_speed_distance…)."""
    for num, values in _expand_components(m).items():
        _fill(m, m.spec.fields[num], values)


def _expand_components(m: RawMessages) -> dict[int, FloatArray]:
    """Physical values of every component target (by field number), from the raw sources."""
    if not m.raw:  # only fields with components are kept raw
        return {}
    fields = m.spec.fields
    targets: dict[int, FloatArray] = {}
    chained: dict[int, FloatArray] = {}  # raw values of targets that have components themselves
    queue = [s for s in (m.info[name].spec for name in m.raw) if s is not None and s.components]
    seen: set[int] = set()
    while queue:
        source = queue.pop(0)
        if source.num in seen:
            continue
        seen.add(source.num)
        column = m.raw.get(source.name)
        if column is None:
            column = chained.get(source.num)
        if column is None or column.dtype == object:
            continue
        by_target: dict[int, list[tuple[Component, FloatArray]]] = {}
        for component, values in _split_bits(column, _base_of(m, source), source.components):
            by_target.setdefault(component.target_num, []).append((component, values))
        for target_num, parts in by_target.items():
            target = fields[target_num]
            values = _target_values(m, target, parts)
            previous = targets.get(target_num)
            targets[target_num] = values if previous is None else _prefer(previous, values)
            if target.components:
                scaled = target.scaled
                chained[target_num] = (values + target.offset) * target.scale if scaled else values
                queue.append(target)
    return targets


def _base_of(m: RawMessages, spec: FieldSpec) -> BaseType:
    info = m.info.get(spec.name)
    if info is not None:
        return info.base
    return BASE_TYPES_BY_NAME.get(spec.base_type, _UINT32)


def _split_bits(
    column: FloatArray, base: BaseType, components: tuple[Component, ...]
) -> list[tuple[Component, FloatArray]]:
    """Each component's bits, as float (NaN where the source is missing)."""
    if column.ndim == 1 and len(components) == 1 and components[0].bits >= base.size * 8:
        return [(components[0], column)]  # the whole value, e.g. speed -> enhanced_speed
    valid = ~np.isnan(column) if column.ndim == 1 else ~np.isnan(column).all(axis=1)
    ints = np.nan_to_num(column).astype(np.uint64)
    if column.ndim == 1 and base.size * 8 <= 64:
        total_bits = base.size * 8

        def take(start: int, bits: int) -> npt.NDArray[np.uint64]:
            return (ints >> np.uint64(start)) & np.uint64((1 << bits) - 1)

    else:
        as_bytes = ints.reshape(ints.shape[0], -1).astype(f"<u{max(base.size, 1)}")
        bits_matrix = np.unpackbits(as_bytes.view(np.uint8), axis=1, bitorder="little")
        total_bits = bits_matrix.shape[1]

        def take(start: int, bits: int) -> npt.NDArray[np.uint64]:
            weights = np.uint64(1) << np.arange(bits, dtype=np.uint64)
            return bits_matrix[:, start : start + bits].astype(np.uint64) @ weights

    result = []
    start = 0
    for component in components:
        if start + component.bits > total_bits:
            break
        values = take(start, component.bits).astype(np.float64)
        values[~valid] = np.nan
        result.append((component, values))
        start += component.bits
    return result


def _target_values(
    m: RawMessages, target: FieldSpec, parts: list[tuple[Component, FloatArray]]
) -> FloatArray:
    """Physical values of one target from its components, accumulated if the profile says so."""
    first = parts[0][0]
    if len(parts) == 1 and not first.accumulate:
        values = parts[0][1]
        if first.scale == 1.0 and first.offset == 0.0:
            return values.copy()
        return values / first.scale - first.offset
    matrix = np.stack([values for _, values in parts], axis=1)
    if first.accumulate:
        direct = m.columns.get(target.name)
        resets = None
        if direct is not None and direct.dtype != object:
            values = direct.astype(np.float64, copy=False)
            physical = values if values.ndim == 1 else _last_valid(values)
            resets = (physical + first.offset) * first.scale
        matrix = _accumulate(matrix, first.bits, resets)
    physical_matrix = matrix / first.scale - first.offset
    return physical_matrix[:, 0] if physical_matrix.shape[1] == 1 else physical_matrix


def _last_valid(matrix: FloatArray) -> FloatArray:
    filled = np.where(np.isnan(matrix), -np.inf, np.arange(matrix.shape[1]))
    last = filled.argmax(axis=1)
    values: FloatArray = matrix[np.arange(matrix.shape[0]), last]
    return values


def _accumulate(matrix: FloatArray, bits: int, resets: FloatArray | None) -> FloatArray:
    """The SDK's accumulator, vectorised: a running sum of (value - previous) mod 2**bits.

    A message that carries the target field directly restarts the sum at that value; within a
    message the direct value comes first, then the components in order.
    """
    n, width = matrix.shape
    sequence = np.full((n, width + 1), np.nan)
    sequence[:, 1:] = matrix
    if resets is not None:
        sequence[:, 0] = resets
    flat = sequence.ravel()
    present = np.flatnonzero(~np.isnan(flat))
    if present.size == 0:
        return matrix
    values = flat[present].astype(np.int64)
    is_reset = (present % (width + 1)) == 0
    is_reset[0] = True  # the first value starts the accumulator
    mask = (1 << bits) - 1
    delta = np.zeros(values.size, dtype=np.int64)
    delta[1:] = (values[1:] - values[:-1]) & mask
    delta[is_reset] = 0
    running = np.cumsum(delta)
    segment_start = np.flatnonzero(is_reset)
    segment = np.cumsum(is_reset) - 1
    accumulated = values[segment_start][segment] + running - running[segment_start][segment]
    out = np.full(flat.size, np.nan)
    out[present] = accumulated
    return out.reshape(n, width + 1)[:, 1:]


def _prefer(first: FloatArray, second: FloatArray) -> FloatArray:
    if first.shape != second.shape:
        return first
    return np.where(np.isnan(first), second, first)


def _fill(m: RawMessages, target: FieldSpec, values: FloatArray) -> None:
    """Write component values over the target field, as the SDK and fitdecode do."""
    name = target.name
    existing = m.columns.get(name)
    if existing is None or existing.dtype == object:
        m.columns[name] = values
        m.info[name] = ColumnInfo(BASE_TYPES_BY_NAME.get(target.base_type, _UINT32), target)
        return
    if existing.ndim == 1 and values.ndim == 1:
        np.copyto(existing, values, where=~np.isnan(values))
        return
    wide = values.reshape(values.shape[0], -1)
    width = max(existing.shape[1] if existing.ndim == 2 else 1, wide.shape[1])
    merged = np.full((existing.shape[0], width), np.nan)
    merged[:, : (1 if existing.ndim == 1 else existing.shape[1])] = existing.reshape(
        existing.shape[0], -1
    )
    expanded = ~np.isnan(wide).all(axis=1)
    merged[expanded, :] = np.nan
    merged[expanded, : wide.shape[1]] = wide[expanded]
    m.columns[name] = merged
