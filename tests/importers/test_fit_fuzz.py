"""Damaged real files: the decoder may refuse them, but only with our two exceptions, and fast.

Each example takes a real corpus file and flips, overwrites, inserts, deletes or truncates bytes.
Most damage breaks the file CRC, which the decoder tolerates when the structure still holds, so the
mutations reach definitions, field sizes, base types, developer fields and header bytes.
"""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stridewell.domain.activities import ActivityFileError, NoActivityInFile
from stridewell.importers.fit import decode_fit, fit_to_activities

CORPUS = (Path(__file__).parents[2] / ".." / "shared" / "corpus" / "fit").resolve()
SEEDS = (
    "fitparse__Activity.fit",  # small, little-endian
    "fitparse__compressed-speed-distance.fit",  # compressed timestamp headers
    "fitparse__developer-types-sample.fit",  # developer fields
    "muktihari__chained_Activity_activity_poolswim.fit",  # two chained files
    "gc__swims__GarminHRMswim.FIT",  # hr messages merged into records
    "fitparse__WorkoutRepeatSteps.fit",  # not an activity
)
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}")


@cache
def seed(name: str) -> bytes:
    data = (CORPUS / name).read_bytes()
    return data[:60_000] if len(data) > 60_000 else data  # keep examples quick


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    data = bytearray(seed(draw(st.sampled_from(SEEDS))))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "set", "insert", "delete", "truncate"]))
        if action == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif action == "set":
            data[at] = draw(st.sampled_from([0x00, 0xFF, 0x40, 0x60, 0x80, 0x0F, 0x07]))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif action == "delete":
            del data[at : at + draw(st.integers(1, 8))]
        else:
            del data[at:]
    return bytes(data)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(damaged())
def test_damaged_files_fail_cleanly_and_quickly(data: bytes) -> None:
    started = time.perf_counter()
    try:
        decode_fit(data)
        fit_to_activities(data)
    except (ActivityFileError, NoActivityInFile) as error:
        assert str(error) and "\n" not in str(error)
    assert time.perf_counter() - started < 2.0


@pytest.mark.parametrize("name", SEEDS)
def test_every_prefix_of_a_small_file_fails_cleanly(name: str) -> None:
    data = seed(name)[:3000]
    for end in range(0, len(data), 7):
        try:
            decode_fit(data[:end])
        except ActivityFileError as error:
            assert "truncated" in str(error) or "not a FIT file" in str(error), str(error)
