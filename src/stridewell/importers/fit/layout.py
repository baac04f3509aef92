"""Message layouts: what a FIT definition message says about the data messages that follow.

A layout is shared by every definition message with the same bytes, so a file that repeats its
definitions (some devices write one before every record) still decodes each layout's messages in
one numpy operation. Developer fields are resolved against the file's field descriptions into a
`DevField`; a layout plus its resolved developer fields gives one decoding plan (`plan`), whose
structured dtypes span the record header byte too, so runs of back-to-back messages can be viewed
without copying.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Any

from stridewell.domain.activities import ActivityFileError

from .profile import BASE_TYPE_MASK, BASE_TYPES, BaseType, MessageSpec, message_spec

_UINT8 = BASE_TYPES[0x02]


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
    """One distinct definition: global message, byte order, field and developer-field layout.

    The field definitions are kept as the definition's own bytes (number, size, base type per
    field): parsing a definition costs no Python step per field, and `plan` resolves those byte
    triples through a cache shared by every layout of the same message.
    """

    __slots__ = (
        "global_num", "big_endian", "field_bytes", "dev_fields", "size", "spec", "plan",
        "dev_plans", "_fields",
    )  # fmt: skip

    def __init__(
        self,
        global_num: int,
        big_endian: bool,
        field_bytes: bytes,
        dev_fields: tuple[DevFieldDef, ...],
    ) -> None:
        self.global_num = global_num
        self.big_endian = big_endian
        self.field_bytes = field_bytes  # 3 bytes per field: number, size, base type
        self.dev_fields = dev_fields
        self.size = sum(field_bytes[1::3]) + sum(d.size for d in dev_fields)
        self.spec: MessageSpec = message_spec(global_num)
        # Decoding plans (see `plan`), built on first use: without developer fields, and per
        # resolution of the developer fields.
        self.plan: Any = None
        self.dev_plans: dict[tuple[DevField | None, ...], Any] | None = None
        self._fields: tuple[FieldDef, ...] | None = None

    @property
    def fields(self) -> tuple[FieldDef, ...]:
        """The field definitions, parsed on first use (the decoding plan reads `field_bytes`)."""
        if self._fields is None:
            fields: list[FieldDef] = []
            raw = self.field_bytes
            offset = 0
            for i in range(0, len(raw), 3):
                num, size, base_byte = raw[i], raw[i + 1], raw[i + 2]
                base = field_base(base_byte, size)
                count = 1 if base.is_string else size // base.size
                fields.append(FieldDef(num, size, base, count, offset))
                offset += size
            self._fields = tuple(fields)
        return self._fields

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


def field_base(base_byte: int, size: int) -> BaseType:
    """The base type a field is read as: uint8 for unknown types and sizes not whole elements."""
    base = BASE_TYPES.get(base_byte & BASE_TYPE_MASK, _UINT8)
    return base if size % base.size == 0 else _UINT8  # as the SDK does


def dev_base(dev_field: DevField, size: int) -> BaseType:
    """The base type a developer field is read as: uint8 when the size is not whole elements."""
    return dev_field.base if size % dev_field.base.size == 0 else _UINT8


_STRUCT_CODES = {
    "u1": "B", "i1": "b", "u2": "H", "i2": "h", "u4": "I", "i4": "i",
    "u8": "Q", "i8": "q", "f4": "f", "f8": "d",
}  # fmt: skip


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
    field_bytes = data[pos + 6 : fields_end]
    dev_fields: list[DevFieldDef] = []
    if data[pos] & 0x20:
        offset = sum(field_bytes[1::3])
        dev_start = fields_end + 1
        for i in range(dev_start, dev_start + 3 * data[fields_end], 3):
            num, size, dev_index = data[i], data[i + 1], data[i + 2]
            dev_fields.append(DevFieldDef(num, size, dev_index, offset))
            offset += size
    return Layout(global_num, big_endian, field_bytes, tuple(dev_fields))


def _overrun(what: str, pos: int, stop: int) -> ActivityFileError:
    return ActivityFileError(
        f"FIT {what} at byte {pos} runs past the end of the data (byte {stop})"
    )
