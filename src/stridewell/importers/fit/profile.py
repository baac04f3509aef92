"""FIT profile tables: message and field numbers, types, scales, units, components.

The tables come from Garmin's maintained SDK (`garmin_fit_sdk.profile.Profile`), reshaped once at
import into small typed lookups for the decoder; nothing here is retyped by hand except the base
types, which are part of the FIT protocol itself rather than of the profile.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from garmin_fit_sdk.profile import Profile

FIT_EPOCH_UNIX_S = 631065600  # 1989-12-31T00:00:00Z
# FIT date_time values below this are seconds since the device powered on, not since the epoch.
RELATIVE_TIME_LIMIT = 0x10000000
SEMICIRCLE_DEG = 180.0 / 2**31


@dataclass(frozen=True, slots=True)
class BaseType:
    """One FIT base type: its numpy layout and the raw value that means "no value"."""

    number: int
    name: str
    size: int
    dtype: str  # numpy kind+size without byte order, e.g. "u2"; "S" for strings
    invalid: int | None  # None for floats (NaN) and strings (empty)

    @property
    def is_string(self) -> bool:
        return self.name == "string"

    @property
    def is_byte(self) -> bool:
        return self.name == "byte"


_BASE_TYPE_ROWS = (
    (0x00, "enum", 1, "u1", 0xFF),
    (0x01, "sint8", 1, "i1", 0x7F),
    (0x02, "uint8", 1, "u1", 0xFF),
    (0x03, "sint16", 2, "i2", 0x7FFF),
    (0x04, "uint16", 2, "u2", 0xFFFF),
    (0x05, "sint32", 4, "i4", 0x7FFFFFFF),
    (0x06, "uint32", 4, "u4", 0xFFFFFFFF),
    (0x07, "string", 1, "S", None),
    (0x08, "float32", 4, "f4", None),
    (0x09, "float64", 8, "f8", None),
    (0x0A, "uint8z", 1, "u1", 0),
    (0x0B, "uint16z", 2, "u2", 0),
    (0x0C, "uint32z", 4, "u4", 0),
    (0x0D, "byte", 1, "u1", 0xFF),
    (0x0E, "sint64", 8, "i8", 0x7FFFFFFFFFFFFFFF),
    (0x0F, "uint64", 8, "u8", 0xFFFFFFFFFFFFFFFF),
    (0x10, "uint64z", 8, "u8", 0),
)
BASE_TYPES: dict[int, BaseType] = {row[0]: BaseType(*row) for row in _BASE_TYPE_ROWS}
BASE_TYPES_BY_NAME: dict[str, BaseType] = {bt.name: bt for bt in BASE_TYPES.values()}
BASE_TYPE_MASK = 0x1F


@dataclass(frozen=True, slots=True)
class Component:
    """A bit range of a field that the profile expands into another field of the same message."""

    target_num: int
    bits: int
    scale: float
    offset: float
    accumulate: bool


@dataclass(frozen=True, slots=True)
class FieldSpec:
    num: int
    name: str
    type_name: str  # profile type: a base type name ("uint16") or a named type ("sport")
    base_type: str  # the base type underneath ("uint16" for "manufacturer")
    scale: float
    offset: float
    units: str
    components: tuple[Component, ...] = ()

    @property
    def scaled(self) -> bool:
        """Whether scale/offset apply: only numeric fields with one scale (as the SDK does)."""
        return (self.scale != 1.0 or self.offset != 0.0) and self.type_name in _NUMERIC_TYPES

    @property
    def is_date_time(self) -> bool:
        return self.type_name in ("date_time", "local_date_time")


@dataclass(frozen=True, slots=True)
class MessageSpec:
    num: int
    name: str
    fields: Mapping[int, FieldSpec]


_NUMERIC_TYPES = frozenset(
    bt.name for bt in BASE_TYPES.values() if bt.name not in ("enum", "string")
)


def _first_float(values: Any, default: float) -> float:
    if isinstance(values, list) and len(values) == 1:
        return float(values[0])
    return default


def _field_spec(message: Mapping[str, Any], raw: Mapping[str, Any]) -> FieldSpec:
    components: list[Component] = []
    if raw["has_components"]:
        targets = message["fields"]
        for i, target_num in enumerate(raw["components"]):
            target = targets.get(target_num)
            if target is None:
                continue
            components.append(
                Component(
                    target_num=int(target_num),
                    bits=int(raw["bits"][i]),
                    scale=float(raw["scale"][i]),
                    offset=float(raw["offset"][i]),
                    accumulate=bool(target["is_accumulated"]),
                )
            )
    units = raw["units"]
    return FieldSpec(
        num=int(raw["num"]),
        name=str(raw["name"]),
        type_name=str(raw["type"]),
        base_type=str(raw["base_type"]),
        scale=_first_float(raw["scale"], 1.0),
        offset=_first_float(raw["offset"], 0.0),
        units=units if isinstance(units, str) else "",
        components=tuple(components),
    )


def _build_messages() -> dict[int, MessageSpec]:
    messages: dict[int, MessageSpec] = {}
    for num, message in Profile["messages"].items():
        fields = {int(f_num): _field_spec(message, f) for f_num, f in message["fields"].items()}
        messages[int(num)] = MessageSpec(int(num), str(message["name"]), fields)
    return messages


MESSAGES: dict[int, MessageSpec] = _build_messages()
MESG_NUM: dict[str, int] = {spec.name: num for num, spec in MESSAGES.items()}
TYPES: dict[str, dict[int, str]] = {
    str(name): {int(k): str(v) for k, v in values.items()}
    for name, values in Profile["types"].items()
}


def message_spec(num: int) -> MessageSpec:
    """The profile of a global message number; unknown numbers get an empty profile."""
    spec = MESSAGES.get(num)
    return spec if spec is not None else MessageSpec(num, f"unknown_{num}", {})


def enum_name(type_name: str, value: float | int | None) -> str | None:
    """The profile's name for an enum value (`enum_name("sport", 1)` -> "running")."""
    if value is None or value != value:  # None or NaN
        return None
    number = int(value)
    return TYPES.get(type_name, {}).get(number, str(number))
