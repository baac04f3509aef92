"""How the messages of one layout become value columns, with a constant number of numpy calls.

A `Plan` is built once per layout (and resolution of its developer fields) and cached on the
layout, which is itself cached across files: files from one device repeat the same definitions.
Decoding a group is then: gather the messages as a structured array (a view when they form one
regular run), cast every numeric value to float64 in one structured assignment, turn each base
type's invalid sentinel into NaN with one comparison against a column of sentinels, keep the raw
values of fields with components, and apply scale, offset and the FIT-to-Unix epoch shift to the
leading block of columns that need them. Columns are views into that float block.

The float block is column-major once a group holds a few thousand values (messages × columns):
the target of the cast is then a structured view whose field j sits at byte 8·j·n of the block
and whose records overlap, 8 bytes apart, so each field is cast as one contiguous stream and the
later steps run along whole columns, several times faster than on the strided columns of
float64 records. Below that, building the view's dtype costs more than it saves, and the cast
goes to float64 records, a dtype shared by all layouts of the same widths. Groups of up to four
messages skip the structured cast, whose fixed cost is about ten microseconds, and go through
Python numbers (`tolist`). All three give the same values. Array fields take one structured
field per element (up to `_SPLIT_MAX` elements; longer arrays stay numpy sub-arrays, and their
plans take the float64 records).

Building a plan is on the path of every file whose device has not been met yet, so its per-field
work is done once per field definition instead: what a (field number, size, base type) triple
means in a message — column name, profile entry, numpy formats, sentinels, scale — is a `_Field`
shared by every layout of that message and byte order (the corpus's 17,800 field definitions
are 2,800 distinct triples). The structured dtypes name their fields by position (numpy casts
between structured dtypes field by field, in order).
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate, chain
from operator import attrgetter, itemgetter
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from .columns import ColumnInfo, RawMessages, field_name
from .layout import DevField, Layout, dev_base, field_base
from .profile import FIT_EPOCH_UNIX_S, BaseType
from .scanner import Group

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
AnyArray = npt.NDArray[np.generic]

_SPLIT_MAX = 16  # array fields up to this many elements get one structured field per element
# Values (messages x columns) from which a group is cast column-major: below, building its dtype
# costs more than working along strided columns (measured on corpus layouts).
_COLUMN_MAJOR_VALUES = 2048
_COLUMN_MAJOR_BYTES = 1 << 31  # larger float blocks are cast row-major (dtype itemsize limit)
# Messages up to which a group's values go through Python numbers (`tolist`): a structured cast
# has a fixed cost of about ten microseconds, `tolist` costs about two per message.
_LIST_MAX = 4


@dataclass(slots=True)  # not frozen: its __init__ is on the path of every new layout
class Plan:
    formats: tuple[np.dtype[Any], ...]  # numeric structured fields (a value or sub-array each)
    places: tuple[int, ...]  # their offsets in the record, whose first byte is the header
    itemsize: int  # record bytes, header included
    big_endian: bool
    shapes: tuple[int, ...]  # values in each structured field
    width: int  # float columns
    sentinels: FloatArray  # invalid value per column, shape (width, 1) (NaN where none)
    byte_blocks: tuple[tuple[int, int], ...]  # (start, width) of byte arrays: all-0xFF = missing
    names: tuple[str, ...]  # column name of each numeric field, in column order
    spans: tuple[tuple[int, int], ...] | None  # their (first column, width); None: one each
    info: dict[str, ColumnInfo]
    text: np.dtype[np.void] | None  # the string fields, at their offsets in the record
    strings: tuple[str, ...]  # column name of each field of `text`
    scaled_width: int  # the first columns, which need scale or shift
    scales: FloatArray | None  # per scaled column, shape (scaled_width, 1); None when unscaled
    offsets: FloatArray | None  # subtracted after scaling (FIT epoch shift for date_time)
    sources: tuple[tuple[str, int, int], ...]  # (name, start, width) of fields with components
    numeric: np.dtype[np.void] | None = None  # see `numeric_dtype`

    @property
    def column_major(self) -> bool:
        """Whether every structured field holds one value (no numpy sub-arrays)."""
        return len(self.shapes) == self.width

    def numeric_dtype(self) -> np.dtype[np.void]:
        """The records to cast: `formats` at `places` (built when first needed)."""
        if self.numeric is None:
            self.numeric = np.dtype(
                {
                    "names": _names(len(self.formats)),
                    "formats": self.formats,
                    "offsets": self.places,
                    "itemsize": self.itemsize,
                }
            )
        return self.numeric


# Kinds of field, in the order a plan takes them: fields that need scaling or an epoch shift go
# first, so those steps touch one block of columns.
_EMPTY, _SCALED, _PLAIN, _SCALED_TEXT, _TEXT = range(5)


@dataclass(frozen=True, slots=True)
class _Stored:
    """How a field is stored: its structured fields and their float64 targets."""

    count: int  # values (1 for strings)
    formats: tuple[np.dtype[Any], ...]  # one structured field per value, or one sub-array
    deltas: tuple[int, ...]  # byte offset of each structured field inside the field
    shapes: tuple[int, ...]  # values in each structured field
    sentinels: tuple[float, ...]  # invalid value of each value
    byte_block: bool  # a byte array: missing when every byte is 0xFF, judged on the whole block


class _Field:
    """What one field definition means in one message and byte order (see the module docstring)."""

    __slots__ = (
        "kind", "name", "info", "count", "formats", "deltas", "shapes", "sentinels",
        "byte_block", "scales", "shifts", "has_components", "row",
    )  # fmt: skip

    def __init__(self, name: str, info: ColumnInfo, size: int, stored: _Stored) -> None:
        self.name = name
        self.info = info
        self.count = stored.count
        self.formats = stored.formats
        self.deltas = stored.deltas
        self.shapes = stored.shapes
        self.sentinels = stored.sentinels
        self.byte_block = stored.byte_block
        scale, shift = _scale_and_shift(info)
        scaled = (scale, shift) != (1.0, 0.0)
        if size == 0:
            self.kind = _EMPTY  # holds nothing
        elif info.base.is_string:
            self.kind = _SCALED_TEXT if scaled else _TEXT
        else:
            self.kind = _SCALED if scaled else _PLAIN
        self.scales = (scale,) * self.count
        self.shifts = (shift,) * self.count
        self.has_components = info.spec is not None and bool(info.spec.components)
        # What a plan takes from a one-value field, transposed in one step (see `_build`).
        self.row: tuple[Any, ...] | None = None
        if self.count:
            first = (self.formats[0], self.sentinels[0])
            self.row = (name, info, self.count, *first, scale, shift, self.has_components)


_STORED: dict[tuple[BaseType, int, bool], _Stored] = {}  # (base, size, big-endian) -> storage
# (global message number, big-endian) -> field definition bytes -> their meaning
_FIELDS: dict[tuple[int, bool], dict[bytes, _Field]] = {}
_FIELDS_LIMIT = 1 << 16  # distinct field definitions kept (damaged files can invent many)
_field_count = 0
_INFOS: dict[tuple[int, int], ColumnInfo] = {}  # (base type, id of profile field) -> column info
_PACKED: dict[tuple[int, ...], np.dtype[np.void]] = {}  # values per structured field -> target
_NAMES = [f"f{i}" for i in range(256)]  # positional names of structured fields (grows on demand)
_FLOAT64 = np.dtype(np.float64)
_SPLITTERS: dict[int, Callable[[bytes], tuple[bytes, ...]]] = {}  # fields -> definition splitter
_FIRST = itemgetter(0)
_KIND = attrgetter("kind")
_ROW = attrgetter("row")


def plan_for(group: Group) -> Plan:
    layout = group.layout
    if not group.dev:
        plan: Plan | None = layout.plan
        if plan is None:
            plan = layout.plan = _build(group)
        return plan
    if layout.dev_plans is None:
        layout.dev_plans = {}
    plan = layout.dev_plans.get(group.dev)
    if plan is None:
        plan = layout.dev_plans[group.dev] = _build(group)
    return plan


def _build(group: Group) -> Plan:
    layout = group.layout
    raw = layout.field_bytes
    known = _FIELDS.get((layout.global_num, layout.big_endian))
    if known is None:
        known = _FIELDS[(layout.global_num, layout.big_endian)] = {}
    # The steps below go over the fields inside C (map, zip, sort) rather than in Python loops,
    # about twice as fast: a plan is built for every layout met for the first time.
    found = list(map(known.get, _splitter(len(raw) // 3)(raw)))
    fields = cast("list[_Field]", found)
    if None in found:  # definitions met for the first time
        fields = [f or _learn(known, layout, 3 * i) for i, f in enumerate(found)]
    # (kind, field, offset of its first byte in the record, whose first byte is the header)
    entries = list(zip(map(_KIND, fields), fields, accumulate(raw[1::3], initial=1), strict=False))
    if group.dev:
        for d, dev in zip(layout.dev_fields, group.dev, strict=False):
            if dev is not None:
                field = _dev_field(dev, d.size, layout.big_endian)
                entries.append((field.kind, field, 1 + d.offset))
    entries.sort(key=_FIRST)  # stable: by kind, each kind in the order of the definition
    kinds = list(map(_FIRST, entries))
    first = kinds.count(_EMPTY)
    scaled_fields = kinds.count(_SCALED)
    last = first + scaled_fields + kinds.count(_PLAIN)
    numeric, strings = entries[first:last], entries[last:]
    fields_: tuple[_Field, ...] = ()
    places: tuple[int, ...] = ()
    names: tuple[str, ...] = ()
    infos: tuple[ColumnInfo, ...] = ()
    counts: tuple[int, ...] = ()
    formats: tuple[np.dtype[Any], ...] = ()
    sentinels: tuple[float, ...] = ()
    scales: tuple[float, ...] = ()
    shifts: tuple[float, ...] = ()
    components: tuple[bool, ...] = ()
    if numeric:
        _, fields_, places = zip(*numeric, strict=True)
        names, infos, counts, formats, sentinels, scales, shifts, components = zip(
            *map(_ROW, fields_), strict=True
        )
    scales, shifts = scales[:scaled_fields], shifts[:scaled_fields]
    width = sum(counts)
    shapes = counts
    spans = None
    byte_blocks: tuple[tuple[int, int], ...] = ()
    starts: range | list[int] = range(width)
    if width != len(counts):  # array fields: a block of columns each
        starts = list(accumulate(counts, initial=0))
        spans = tuple(zip(starts, counts, strict=False))
        byte_blocks = tuple(
            (start, f.count) for f, start in zip(fields_, starts, strict=False) if f.byte_block
        )
        shapes = tuple(chain.from_iterable(f.shapes for f in fields_))
        formats = tuple(chain.from_iterable(f.formats for f in fields_))
        places = tuple(o + d for f, o in zip(fields_, places, strict=True) for d in f.deltas)
        sentinels = tuple(chain.from_iterable(f.sentinels for f in fields_))
        scales = tuple(chain.from_iterable(f.scales for f in fields_[:scaled_fields]))
        shifts = tuple(chain.from_iterable(f.shifts for f in fields_[:scaled_fields]))
    info = dict(zip(names, infos, strict=True))
    if strings:
        info.update((f.name, f.info) for _, f, _ in strings)
    sources: tuple[tuple[str, int, int], ...] = ()
    if True in components:
        sources = tuple(
            (f.name, start, f.count)
            for f, start in zip(fields_, starts, strict=False)
            if f.has_components
        )
    return Plan(
        formats=formats,
        places=places,
        itemsize=1 + layout.size,
        big_endian=layout.big_endian,
        shapes=shapes,
        width=width,
        sentinels=np.array(sentinels, dtype=np.float64).reshape(width, 1),
        byte_blocks=byte_blocks,
        names=names,
        spans=spans,
        info=info,
        text=_text(strings, layout.size) if strings else None,
        strings=tuple(f.name for _, f, _ in strings),
        scaled_width=len(scales),
        scales=np.array(scales).reshape(-1, 1) if scales.count(1.0) != len(scales) else None,
        offsets=np.array(shifts).reshape(-1, 1) if shifts.count(0.0) != len(shifts) else None,
        sources=sources,
    )


def _text(strings: list[tuple[int, _Field, int]], size: int) -> Any:
    """Structured dtype of the string fields at their offsets in the record."""
    return np.dtype(
        {
            "names": _names(len(strings)),
            "formats": [f.formats[0] for _, f, _ in strings],
            "offsets": [offset for _, _, offset in strings],
            "itemsize": 1 + size,
        }
    )


def _splitter(count: int) -> Callable[[bytes], tuple[bytes, ...]]:
    """Splits `count` field definitions into their 3-byte keys in one call."""
    split = _SPLITTERS.get(count)
    if split is None:
        split = _SPLITTERS[count] = struct.Struct("3s" * count).unpack
    return split


def _packed(shapes: tuple[int, ...]) -> np.dtype[np.void]:
    """Float64 records with one field per structured field of `shapes` values (shared)."""
    packed = _PACKED.get(shapes)
    if packed is None:
        if len(_PACKED) >= _FIELDS_LIMIT:
            _PACKED.clear()
        formats = [_FLOAT64 if shape == 1 else (np.float64, (shape,)) for shape in shapes]
        packed = _PACKED[shapes] = np.dtype({"names": _names(len(shapes)), "formats": formats})
    return packed


def _names(count: int) -> list[str]:
    while len(_NAMES) < count:
        _NAMES.append(f"f{len(_NAMES)}")
    return _NAMES[:count]


def _learn(known: dict[bytes, _Field], layout: Layout, i: int) -> _Field:
    """The meaning of the field definition at `layout.field_bytes[i:i+3]`, added to `known`."""
    global _field_count
    if _field_count >= _FIELDS_LIMIT:
        _FIELDS.clear()  # `known` lives on for the plan being built
        _INFOS.clear()
        _field_count = 0
    raw = layout.field_bytes
    num, size = raw[i], raw[i + 1]
    base = field_base(raw[i + 2], size)
    spec = layout.spec
    profile = spec.fields.get(num)
    key = (base.number, id(profile))  # profile entries live as long as the module
    info = _INFOS.get(key)
    if info is None:
        info = _INFOS[key] = ColumnInfo(base, profile)
    field = _Field(field_name(spec, num), info, size, _stored(base, size, layout.big_endian))
    known[raw[i : i + 3]] = field
    _field_count += 1
    return field


def _dev_field(dev: DevField, size: int, big_endian: bool) -> _Field:
    base = dev_base(dev, size)
    info = ColumnInfo(base, dev=dev)
    return _Field("dev:" + dev.name, info, size, _stored(base, size, big_endian))


def _stored(base: BaseType, size: int, big_endian: bool) -> _Stored:
    key = (base, size, big_endian)
    stored = _STORED.get(key)
    if stored is None:
        stored = _STORED[key] = _storage(base, size, big_endian)
    return stored


def _storage(base: BaseType, size: int, big_endian: bool) -> _Stored:
    if base.is_string:
        return _Stored(1, (np.dtype(f"S{size}"),), (0,), (1,), (np.nan,), False)
    count = size // base.size
    byte_block = base.is_byte and count > 1
    invalid = np.nan if base.invalid is None or byte_block else float(base.invalid)
    scalar = np.dtype(base.dtype if base.size == 1 else (">" if big_endian else "<") + base.dtype)
    if count <= _SPLIT_MAX:
        deltas = tuple(range(0, size, base.size))[:count]
        return _Stored(
            count, (scalar,) * count, deltas, (1,) * count, (invalid,) * count, byte_block
        )
    array = np.dtype((scalar, (count,)))
    return _Stored(count, (array,), (0,), (count,), (invalid,) * count, byte_block)


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


def decode_group(data: bytes, group: Group, keep_headers: bool) -> RawMessages:
    """Columns of one group's messages: NaN where invalid, scale/offset applied, Unix times."""
    plan = plan_for(group)
    offsets = group.offsets()
    headers = np.frombuffer(data, dtype=np.uint8)[offsets] if keep_headers else None
    result = RawMessages(group.layout.spec, offsets, headers, info=dict(plan.info))
    if plan.width:
        values = _float_columns(data, group, offsets, plan)
        np.copyto(values, np.nan, where=values == plan.sentinels)
        for start, width in plan.byte_blocks:
            block = values[start : start + width]
            block[:, (block == 255.0).all(axis=0)] = np.nan
        for name, start, width in plan.sources:
            raw = values[start] if width == 1 else values[start : start + width].T
            result.raw[name] = raw.copy()
        scaled = values[: plan.scaled_width]
        if plan.scales is not None:
            scaled /= plan.scales
        if plan.offsets is not None:
            scaled -= plan.offsets
        if plan.spans is None:  # one column per field
            result.columns = dict(zip(plan.names, values, strict=True))
        else:
            columns = result.columns
            for name, (start, width) in zip(plan.names, plan.spans, strict=True):
                columns[name] = values[start] if width == 1 else values[start : start + width].T
    if plan.text is not None:
        records = _gather(data, plan.text, offsets, group)
        for key, name in zip(_NAMES, plan.strings, strict=False):
            texts = [b.split(b"\0", 1)[0].decode("utf-8", "replace") or None for b in records[key]]
            result.columns[name] = np.array(texts, dtype=object)
    return result


def _float_columns(data: bytes, group: Group, offsets: IntArray, plan: Plan) -> FloatArray:
    """The numeric values as float64, one row per column (shape (width, messages))."""
    count = offsets.size
    width = plan.width
    records = _gather(data, plan.numeric_dtype(), offsets, group)
    if count <= _LIST_MAX and plan.column_major:
        few: FloatArray = np.array(records.tolist(), dtype=np.float64).reshape(count, width)
        return few.T
    if (
        plan.column_major
        and count * width >= _COLUMN_MAJOR_VALUES
        and 8 * width * count < _COLUMN_MAJOR_BYTES
    ):
        values = np.empty((width, count))
        # Field j of record i lands at values[j, i]: records overlap, 8 bytes apart.
        column_major = np.dtype(
            {
                "names": _names(width),
                "formats": [_FLOAT64] * width,
                "offsets": list(range(0, 8 * width * count, 8 * count)),
                "itemsize": 8 * (width - 1) * count + 8,
            }
        )
        target = np.ndarray(shape=(count,), dtype=column_major, buffer=values, strides=(8,))
        np.copyto(target, records, casting="unsafe")
        return values
    rows_major: FloatArray = records.astype(_packed(plan.shapes)).view(np.float64)
    rows_major = rows_major.reshape(count, width)
    return rows_major.T


def _gather(data: bytes, dtype: np.dtype[np.void], offsets: IntArray, group: Group) -> Any:
    """The group's messages as a structured array (typed `Any`: fields are indexed by name)."""
    if len(group.starts) == 1:  # one message or one regular run of them: a view, no copy
        stride = group.runs[2] if group.runs else dtype.itemsize
        return np.ndarray(
            shape=(offsets.size,), dtype=dtype, buffer=data, offset=group.starts[0],
            strides=(stride,),
        )  # fmt: skip
    # Whole records starting at every byte of the file (overlapping, no copy); picking them is a
    # plain memory copy per message, several times faster than indexing a structured view.
    size = dtype.itemsize
    records = np.ndarray(
        shape=(len(data) - size + 1,), dtype=(np.void, size), buffer=data, strides=(1,)
    )
    return records[offsets].view(dtype)
