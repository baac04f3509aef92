"""FIT CRC-16: our vectorised version against the textbook bit-by-bit definition."""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stridewell.importers.fit.crc import crc16


def bitwise_crc16(data: bytes, crc: int = 0) -> int:
    """CRC-16/ARC one bit at a time: reflected polynomial 0xA001, initial value 0."""
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def test_standard_check_value() -> None:
    # The catalogue check value of CRC-16/ARC for the ASCII digits 1-9.
    assert crc16(b"123456789") == 0xBB3D


@pytest.mark.parametrize("size", [0, 1, 2, 3, 31, 32, 33, 1023, 1024, 1025, 4097, 65_537, 300_001])
def test_matches_bitwise_definition_at_every_size_boundary(size: int) -> None:
    data = os.urandom(size)
    assert crc16(data) == bitwise_crc16(data)


@settings(max_examples=60)
@given(st.binary(min_size=0, max_size=5000), st.integers(0, 0xFFFF))
def test_continuing_a_crc_equals_crc_of_the_whole(data: bytes, seed: int) -> None:
    prefix = seed.to_bytes(2, "little")
    assert crc16(data, crc16(prefix)) == bitwise_crc16(prefix + data)
    assert crc16(prefix + data) == bitwise_crc16(prefix + data)


def test_a_single_flipped_bit_changes_the_crc() -> None:
    data = bytearray(os.urandom(50_000))
    before = crc16(bytes(data))
    data[12_345] ^= 0x10
    assert crc16(bytes(data)) != before
