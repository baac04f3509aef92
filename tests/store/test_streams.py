from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from stridewell.domain.activities import Streams
from stridewell.store.streams import (
    StreamFormatError,
    decode_streams,
    encode_streams,
    stream_column_names,
)


def _run(seconds: int = 3600) -> Streams:
    t = np.arange(seconds, dtype=np.float64)
    rng = np.random.default_rng(7)
    speed = 2.9 + 0.3 * np.sin(t / 120) + rng.normal(0, 0.05, seconds)
    hr = np.round(140 + 15 * np.sin(t / 600))
    hr[100:130] = np.nan  # a strap dropout
    return Streams(
        columns={
            "t": t,
            "distance": np.cumsum(speed),
            "speed": np.round(speed, 3),
            "hr": hr,
            "cadence": np.full(seconds, 172.0),
            "altitude": np.round(50 + 10 * np.sin(t / 900), 1),
            "lat": 59.91 + np.cumsum(rng.normal(0, 1e-5, seconds)),
            "lon": 10.75 + np.cumsum(rng.normal(0, 1e-5, seconds)),
            "dev:Form Power": np.full(seconds, np.nan),
        }
    )


def test_round_trip_keeps_every_column_in_order_with_missing_samples() -> None:
    streams = _run()
    decoded = decode_streams(encode_streams(streams))
    assert list(decoded.columns) == list(streams.columns)
    for name, original in streams.columns.items():
        column = decoded.columns[name]
        assert column.dtype == np.float64
        np.testing.assert_array_equal(np.isnan(column), np.isnan(original))
    for exact in ("t", "distance", "lat", "lon", "hr", "cadence"):
        np.testing.assert_array_equal(decoded.columns[exact], streams.columns[exact])
    np.testing.assert_allclose(decoded.columns["altitude"], streams.columns["altitude"], atol=1e-3)
    np.testing.assert_allclose(decoded.columns["speed"], streams.columns["speed"], atol=5e-4)


def test_an_hour_of_one_second_samples_compresses_well() -> None:
    streams = _run()
    raw_bytes = sum(column.nbytes for column in streams.columns.values())
    assert len(encode_streams(streams)) < raw_bytes / 3


def test_values_float32_cannot_hold_stay_exact() -> None:
    power = np.array([250.0, 1e40, 251.0])  # overflows float32
    altitude = np.array([0.0, 8848.123456789, 1.0])  # needs more than float32's 7 digits
    decoded = decode_streams(
        encode_streams(Streams({"t": np.arange(3.0), "power": power, "altitude": altitude}))
    )
    np.testing.assert_array_equal(decoded.columns["power"], power)
    np.testing.assert_allclose(decoded.columns["altitude"], altitude, atol=1e-3)


def test_header_lists_the_columns_without_decompressing() -> None:
    blob = encode_streams(_run(10))
    assert stream_column_names(blob)[:3] == ["t", "distance", "speed"]


def test_empty_streams_round_trip() -> None:
    assert decode_streams(encode_streams(Streams())).columns == {}
    empty = Streams({"t": np.array([], dtype=np.float64)})
    assert len(decode_streams(encode_streams(empty))) == 0


def test_columns_of_different_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        encode_streams(Streams({"t": np.arange(3.0), "hr": np.arange(2.0)}))


@pytest.mark.parametrize(
    "blob",
    [b"", b"not a blob at all", b"SWS\x09" + b"\x00" * 8],
    ids=["empty", "garbage", "future-version"],
)
def test_bytes_that_are_not_a_stream_blob_raise_a_format_error(blob: bytes) -> None:
    with pytest.raises(StreamFormatError):
        decode_streams(blob)


def test_a_truncated_payload_raises_a_format_error() -> None:
    blob = encode_streams(_run(100))
    with pytest.raises(StreamFormatError):
        decode_streams(blob[:-20])


finite_or_missing = st.one_of(
    st.just(float("nan")), st.floats(allow_nan=False, allow_infinity=False, width=64)
)


@given(
    hnp.arrays(np.float64, st.integers(0, 200), elements=finite_or_missing),
    st.sampled_from(["t", "hr", "power", "altitude", "speed", "dev:Leg Spring"]),
)
def test_any_column_survives_a_round_trip_within_its_tolerance(
    values: npt.NDArray[np.float64], name: str
) -> None:
    columns = {"t": np.arange(values.shape[0], dtype=np.float64), name: values}
    decoded = decode_streams(encode_streams(Streams(columns)))
    tolerance = {"hr": 0.005, "power": 0.005, "altitude": 0.001, "speed": 0.0005}.get(name, 0.0)
    np.testing.assert_allclose(
        decoded.columns[name], values, rtol=0, atol=tolerance, equal_nan=True
    )
