"""Message layouts: what a FIT definition message says about the data messages that follow.

A layout is shared by every definition message with the same bytes, so a file that repeats its
definitions (some devices write one before every record) still decodes each layout's messages in
one numpy operation. Developer fields are resolved against the file's field descriptions into a
`DevField`; a layout plus its resolved developer fields gives one numpy structured dtype whose
first byte is the record header, so runs of back-to-back messages can be viewed without copying.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any

import numpy as np

from stridewell.domain.activities import ActivityFileError

from .profile import BASE_TYPE_MASK, BASE_TYPES, BaseType, MessageSpec, message_spec

_UINT8 = BASE_TYPES[0x02]
_HEADER_DTYPE = ("hdr", "u1")


@dataclass(frozen=True, slots=True)
class FieldDef:
    num: int
    size: int
    base: BaseType
    count: int  # elements: size // base.size (1 for strings)
    offset: int  # byte offset inside the message, after the one-byte record header


@dataclass(frozen=True, slots=True)
class DevFieldDef:
    num: int
    size: int
    dev_index: int
    offset: int


@dataclass(frozen=True, slots=True)
class DevField:
    """A developer field as its field_description message describes it."""

    dev_index: int
    num: int
    name: str
    base: BaseType
    scale: float
    offset: float
    units: str


class Layout:
    """One distinct definition: global message, byte order, field and developer-field layout."""

    __slots__ = ("global_num", "big_endian", "fields", "dev_fields", "size", "spec", "plans")

    def __init__(
        self,
        global_num: int,
        big_endian: bool,
        fields: tuple[FieldDef, ...],
        dev_fields: tuple[DevFieldDef, ...],
    ) -> None:
        self.global_num = global_num
        self.big_endian = big_endian
        self.fields = fields
        self.dev_fields = dev_fields
        self.size = sum(f.size for f in fields) + sum(d.size for d in dev_fields)
        self.spec: MessageSpec = message_spec(global_num)
        # Decoding plans per resolution of the developer fields (see `plan`), built on first use.
        self.plans: dict[tuple[DevField | None, ...], Any] = {}

    def dtype(self, dev: tuple[DevField | None, ...] = ()) -> np.dtype[np.void]:
        """Structured dtype of header byte + fields (+ resolved developer fields)."""
        order = ">" if self.big_endian else "<"
        names: list[str] = [_HEADER_DTYPE[0]]
        formats: list[Any] = [_HEADER_DTYPE[1]]
        offsets = [0]
        for i, field in enumerate(self.fields):
            if field.size == 0:
                continue
            names.append(f"f{i}")
            formats.append(_format(order, field.base, field.count, field.size))
            offsets.append(1 + field.offset)
        for i, (dev_def, dev_field) in enumerate(zip(self.dev_fields, dev, strict=False)):
            if dev_field is None or dev_def.size == 0:
                continue
            base = dev_base(dev_field, dev_def.size)
            names.append(f"d{i}")
            formats.append(_format(order, base, dev_def.size // base.size, dev_def.size))
            offsets.append(1 + dev_def.offset)
        return np.dtype(
            {"names": names, "formats": formats, "offsets": offsets, "itemsize": 1 + self.size}
        )

    def unpack_one(self, data: bytes, pos: int) -> dict[int, Any]:
        """Raw values of one message at `pos` (its header byte), keyed by field number.

        Used only for the few messages the scan needs at once (field descriptions).
        """
        order = ">" if self.big_endian else "<"
        values: dict[int, Any] = {}
        for field in self.fields:
            start = pos + 1 + field.offset
            chunk = data[start : start + field.size]
            base = field.base
            if base.is_string:
                values[field.num] = chunk.split(b"\0", 1)[0].decode("utf-8", "replace")
            elif field.count == 1:
                raw = struct.unpack(order + _STRUCT_CODES[base.dtype], chunk)[0]
                if base.invalid is None or raw != base.invalid:
                    values[field.num] = raw
        return values


def dev_base(dev_field: DevField, size: int) -> BaseType:
    """The base type a developer field is read as: uint8 when the size is not whole elements."""
    return dev_field.base if size % dev_field.base.size == 0 else _UINT8


_STRUCT_CODES = {
    "u1": "B", "i1": "b", "u2": "H", "i2": "h", "u4": "I", "i4": "i",
    "u8": "Q", "i8": "q", "f4": "f", "f8": "d",
}  # fmt: skip


def _format(order: str, base: BaseType, count: int, size: int) -> Any:
    if base.is_string:
        return f"S{size}"
    scalar = base.dtype if base.size == 1 else order + base.dtype
    return scalar if count == 1 else (scalar, (count,))


def definition_end(data: bytes, pos: int, stop: int) -> int:
    """Position just after the definition message whose header byte is at `pos`."""
    end = pos + 6
    if end > stop:
        raise _overrun("definition message", pos, stop)
    end += 3 * data[pos + 5]
    if data[pos] & 0x20:  # developer fields follow, with their count first
        if end >= stop:
            raise _overrun("definition message", pos, stop)
        end += 1 + 3 * data[end]
    if end > stop:
        raise _overrun("definition message", pos, stop)
    return end


_CACHE: dict[bytes, Layout] = {}
_CACHE_LIMIT = 4096  # distinct definitions kept across files (a device repeats its own)


def layout_for(key: bytes, data: bytes, pos: int) -> Layout:
    """The layout of the definition at `pos`, whose bytes (without the local number) are `key`."""
    layout = _CACHE.get(key)
    if layout is None:
        if len(_CACHE) >= _CACHE_LIMIT:
            _CACHE.clear()
        layout = _CACHE[key] = parse_definition(data, pos)
    return layout


def parse_definition(data: bytes, pos: int) -> Layout:
    """Parse the definition message at `pos` (bounds already checked by `definition_end`)."""
    big_endian = data[pos + 2] != 0  # architecture: 0 little-endian, else big (as the SDK reads it)
    global_num = int.from_bytes(data[pos + 3 : pos + 5], "big" if big_endian else "little")
    fields_end = pos + 6 + 3 * data[pos + 5]
    fields: list[FieldDef] = []
    offset = 0
    for i in range(pos + 6, fields_end, 3):
        num, size, base_byte = data[i], data[i + 1], data[i + 2]
        base = BASE_TYPES.get(base_byte & BASE_TYPE_MASK, _UINT8)
        if size % base.size:
            base = _UINT8  # as the SDK does with sizes that are not whole elements
        count = 1 if base.is_string else size // base.size
        fields.append(FieldDef(num, size, base, count, offset))
        offset += size
    dev_fields: list[DevFieldDef] = []
    if data[pos] & 0x20:
        dev_start = fields_end + 1
        for i in range(dev_start, dev_start + 3 * data[fields_end], 3):
            num, size, dev_index = data[i], data[i + 1], data[i + 2]
            dev_fields.append(DevFieldDef(num, size, dev_index, offset))
            offset += size
    return Layout(global_num, big_endian, tuple(fields), tuple(dev_fields))


def _overrun(what: str, pos: int, stop: int) -> ActivityFileError:
    return ActivityFileError(
        f"FIT {what} at byte {pos} runs past the end of the data (byte {stop})"
    )
