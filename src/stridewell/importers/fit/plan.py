"""How the messages of one layout become value columns, with a constant number of numpy calls.

A `Plan` is built once per layout (and resolution of its developer fields) and cached on the
layout, which is itself cached across files: files from one device repeat the same definitions.
Decoding a group is then: gather the messages as a structured array (a view when they form one
regular run), cast every numeric field to float64 in one structured `astype`, turn each base
type's invalid sentinel into NaN with one comparison against a row of sentinels, keep the raw
values of fields with components, and apply scale, offset and the FIT-to-Unix epoch shift to the
leading block of columns that need them. Columns are views into that matrix.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from .columns import ColumnInfo, RawMessages, field_name
from .layout import DevField, dev_base
from .profile import FIT_EPOCH_UNIX_S, BaseType
from .scanner import Group

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
AnyArray = npt.NDArray[np.generic]


@dataclass(frozen=True, slots=True)
class _Slot:
    name: str
    info: ColumnInfo
    start: int  # first column in the float matrix
    width: int  # elements (2-D column when > 1)


@dataclass(frozen=True, slots=True)
class Plan:
    dtype: np.dtype[np.void]  # the message as stored: header byte + fields
    numeric: np.dtype[np.void] | None  # the numeric fields only, same offsets and size
    packed: np.dtype[np.void]  # the same fields as float64
    width: int  # float matrix columns
    sentinels: FloatArray  # invalid value per matrix column (NaN where none)
    byte_blocks: tuple[tuple[int, int], ...]  # (start, width) of byte arrays: all-0xFF = missing
    slots: tuple[_Slot, ...]
    columns: tuple[tuple[str, int | slice], ...]  # column name -> index into the matrix
    info: dict[str, ColumnInfo]
    strings: tuple[tuple[str, str, ColumnInfo], ...]  # (structured key, column name, info)
    scaled_width: int  # the first matrix columns, which need scale or shift
    scales: FloatArray | None  # per scaled column; None when nothing is scaled
    offsets: FloatArray | None  # subtracted after scaling (FIT epoch shift for date_time)
    sources: tuple[_Slot, ...]  # fields with components, kept raw for their expansion


def plan_for(group: Group) -> Plan:
    layout = group.layout
    plan = layout.plans.get(group.dev)
    if plan is None:
        plan = layout.plans[group.dev] = _build(group)
    return plan


def _build(group: Group) -> Plan:
    layout = group.layout
    dtype = layout.dtype(group.dev)
    entries: list[tuple[str, str, BaseType, int, ColumnInfo]] = []
    for i, fdef in enumerate(layout.fields):
        if fdef.size:
            name = field_name(layout.spec, fdef.num)
            info = ColumnInfo(fdef.base, layout.spec.fields.get(fdef.num))
            entries.append((f"f{i}", name, fdef.base, fdef.count, info))
    for i, (ddef, dev) in enumerate(zip(layout.dev_fields, group.dev, strict=False)):
        if dev is not None and ddef.size:
            base = dev_base(dev, ddef.size)
            count = 1 if base.is_string else ddef.size // base.size
            entries.append((f"d{i}", _dev_name(dev), base, count, ColumnInfo(base, dev=dev)))
    # Fields that need scaling or an epoch shift go first, so those steps touch one block.
    entries.sort(key=lambda e: _scale_and_shift(e[4]) == (1.0, 0.0))
    numeric_keys: list[str] = []
    formats: list[tuple[type[np.float64], tuple[int, ...]]] = []
    sentinels: list[float] = []
    byte_blocks: list[tuple[int, int]] = []
    slots: list[_Slot] = []
    strings: list[tuple[str, str, ColumnInfo]] = []
    scales: list[float] = []
    shifts: list[float] = []
    start = 0
    for key, name, base, count, info in entries:
        if base.is_string:
            strings.append((key, name, info))
            continue
        numeric_keys.append(key)
        formats.append((np.float64, () if count == 1 else (count,)))
        invalid = np.nan if base.invalid is None else float(base.invalid)
        if base.is_byte and count > 1:
            byte_blocks.append((start, count))
            invalid = np.nan  # judged on the whole block instead
        sentinels.extend([invalid] * count)
        scale, shift = _scale_and_shift(info)
        scales.extend([scale] * count)
        shifts.extend([shift] * count)
        slots.append(_Slot(name, info, start, count))
        start += count
    scaled_width = sum(
        1 for scale, shift in zip(scales, shifts, strict=True) if (scale, shift) != (1.0, 0.0)
    )
    packed = np.dtype({"names": numeric_keys, "formats": formats})
    numeric = None
    if numeric_keys:
        fields: Mapping[str, Any] = dtype.fields or {}
        numeric = np.dtype(
            {
                "names": numeric_keys,
                "formats": [fields[k][0] for k in numeric_keys],
                "offsets": [fields[k][1] for k in numeric_keys],
                "itemsize": dtype.itemsize,
            }
        )
    columns = tuple(
        (s.name, s.start if s.width == 1 else slice(s.start, s.start + s.width)) for s in slots
    )
    return Plan(
        dtype=dtype,
        numeric=numeric,
        packed=packed,
        width=start,
        sentinels=np.array(sentinels, dtype=np.float64),
        byte_blocks=tuple(byte_blocks),
        slots=tuple(slots),
        columns=columns,
        info={**{s.name: s.info for s in slots}, **{name: info for _, name, info in strings}},
        strings=tuple(strings),
        scaled_width=scaled_width,
        scales=np.array(scales[:scaled_width]) if any(v != 1.0 for v in scales) else None,
        offsets=np.array(shifts[:scaled_width]) if any(v != 0.0 for v in shifts) else None,
        sources=tuple(s for s in slots if s.info.spec is not None and s.info.spec.components),
    )


def _scale_and_shift(info: ColumnInfo) -> tuple[float, float]:
    """Physical value = raw / scale - shift (the profile's scale and offset; epoch for times)."""
    if info.spec is not None:
        if info.spec.scaled:
            return info.spec.scale, info.spec.offset
        if info.spec.is_date_time:
            return 1.0, -float(FIT_EPOCH_UNIX_S)
    elif info.dev is not None:
        return info.dev.scale, info.dev.offset
    return 1.0, 0.0


def _dev_name(dev: DevField) -> str:
    return "dev:" + dev.name


def decode_group(data: bytes, group: Group, keep_headers: bool) -> RawMessages:
    """Columns of one group's messages: NaN where invalid, scale/offset applied, Unix times."""
    plan = plan_for(group)
    offsets = group.offsets()
    headers = np.frombuffer(data, dtype=np.uint8)[offsets] if keep_headers else None
    result = RawMessages(group.layout.spec, offsets, headers)
    result.info = dict(plan.info)
    if plan.numeric is not None:
        records = _gather(data, plan.numeric, offsets, group)
        matrix = records.astype(plan.packed).view(np.float64)
        matrix = matrix.reshape(offsets.size, plan.width)
        np.copyto(matrix, np.nan, where=matrix == plan.sentinels)
        for start, width in plan.byte_blocks:
            block = matrix[:, start : start + width]
            block[(block == 255.0).all(axis=1)] = np.nan
        for slot in plan.sources:
            raw = matrix[:, slot.start : slot.start + slot.width]
            result.raw[slot.name] = raw[:, 0].copy() if slot.width == 1 else raw.copy()
        scaled = matrix[:, : plan.scaled_width]
        if plan.scales is not None:
            scaled /= plan.scales
        if plan.offsets is not None:
            scaled -= plan.offsets
        columns = result.columns
        for name, index in plan.columns:
            columns[name] = matrix[:, index]
    if plan.strings:
        records = _gather(data, plan.dtype, offsets, group)
        for key, name, _ in plan.strings:
            texts = [b.split(b"\0", 1)[0].decode("utf-8", "replace") or None for b in records[key]]
            result.columns[name] = np.array(texts, dtype=object)
    return result


def _gather(data: bytes, dtype: np.dtype[np.void], offsets: IntArray, group: Group) -> Any:
    """The group's messages as a structured array (typed `Any`: fields are indexed by name)."""
    if len(group.starts) == 1:  # one message or one regular run of them: a view, no copy
        stride = group.runs[0][2] if group.runs else dtype.itemsize
        return np.ndarray(
            shape=(offsets.size,), dtype=dtype, buffer=data, offset=group.starts[0],
            strides=(stride,),
        )  # fmt: skip
    # Rows of bytes starting at every byte of the file (overlapping, no copy); picking rows is a
    # plain memory copy per message, several times faster than indexing a structured view.
    size = dtype.itemsize
    rows: npt.NDArray[np.uint8] = np.ndarray(
        shape=(len(data) - size + 1, size), dtype=np.uint8, buffer=data, strides=(1, 1)
    )
    return np.ndarray(shape=(offsets.size,), dtype=dtype, buffer=rows[offsets])
