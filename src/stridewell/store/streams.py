"""One compressed blob per activity for its sample streams (design.md: not a row per point).

Layout (format version 1):

    b"SWS" + version byte | header length (uint32 LE) | header (JSON, UTF-8) | zlib payload

The header names the columns in order with their stored dtype and the row count, so a reader
can list what an activity holds without decompressing. The payload is every column's
little-endian bytes, one after another, each byte-shuffled (all first bytes, then all second
bytes, …): neighbouring samples share their high bytes, which is what zlib compresses well.

Time, distance and position stay float64 (a float32 latitude is only good to ~1 m, and a long
run's cumulative metres or seconds lose whole units). Other columns are stored as float32 when
that changes no sample by more than the column's tolerance — heart rate, cadence and power are
integers in every file format, so float32 holds them exactly.
"""

from __future__ import annotations

import json
import struct
import zlib
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from stridewell.domain.activities import FloatArray, Streams

FORMAT_VERSION: Final = 1
_MAGIC: Final = b"SWS"
_HEADER_LENGTH = struct.Struct("<I")
_FLOAT64: Final = "<f8"
_FLOAT32: Final = "<f4"

ALWAYS_FLOAT64: Final = frozenset({"t", "distance", "lat", "lon"})
# Largest change float32 may make to one sample, in the column's unit; absent columns: exact.
FLOAT32_TOLERANCE: Final[dict[str, float]] = {
    "hr": 0.005,  # bpm
    "cadence": 0.005,  # per minute
    "power": 0.005,  # W
    "altitude": 0.001,  # m
    "speed": 0.0005,  # m/s
}


# zlib level 1, not the default 6: on the corpus's streams level 6 takes twice the time
# (0.26 s against 0.13 s for 46 MB of files) for blobs 5 % smaller, and compressing was a
# quarter of an import worker's time. Any level decodes the same way (benchmarks/import_bench.py).
_ZLIB_LEVEL: Final = 1


class StreamFormatError(ValueError):
    """Bytes that are not a stream blob this version can read."""


def encode_streams(streams: Streams) -> bytes:
    columns = streams.columns
    lengths = {name: int(np.asarray(values).shape[0]) for name, values in columns.items()}
    if len(set(lengths.values())) > 1:
        raise ValueError(f"stream columns differ in length: {lengths}")
    rows = next(iter(lengths.values()), 0)
    header_columns = []
    chunks = []
    for name, values in columns.items():
        array = np.ascontiguousarray(values, dtype=np.float64)
        if array.ndim != 1:
            raise ValueError(f"stream column {name!r} is not one-dimensional")
        dtype = _storage_dtype(name, array)
        header_columns.append({"name": name, "dtype": dtype})
        chunks.append(_shuffle(array.astype(dtype)))
    header = json.dumps({"rows": rows, "columns": header_columns}, separators=(",", ":")).encode()
    payload = zlib.compress(b"".join(chunks), _ZLIB_LEVEL)
    return _MAGIC + bytes([FORMAT_VERSION]) + _HEADER_LENGTH.pack(len(header)) + header + payload


def decode_streams(blob: bytes) -> Streams:
    rows, header_columns, offset = _read_header(blob)
    try:
        payload = zlib.decompress(blob[offset:])
    except zlib.error as error:
        raise StreamFormatError(f"stream payload is corrupt: {error}") from None
    columns: dict[str, FloatArray] = {}
    position = 0
    for column in header_columns:
        dtype = np.dtype(column["dtype"])
        size = rows * dtype.itemsize
        chunk = payload[position : position + size]
        if len(chunk) != size:
            raise StreamFormatError("stream payload is shorter than its header says")
        columns[column["name"]] = _unshuffle(chunk, dtype, rows).astype(np.float64)
        position += size
    if position != len(payload):
        raise StreamFormatError("stream payload is longer than its header says")
    return Streams(columns=columns)


def stream_column_names(blob: bytes) -> list[str]:
    """The columns a blob holds, read from its header only."""
    _rows, header_columns, _offset = _read_header(blob)
    return [column["name"] for column in header_columns]


def _read_header(blob: bytes) -> tuple[int, list[dict[str, str]], int]:
    prefix = len(_MAGIC) + 1
    if len(blob) < prefix + _HEADER_LENGTH.size or blob[: len(_MAGIC)] != _MAGIC:
        raise StreamFormatError("not a Stridewell stream blob")
    if blob[len(_MAGIC)] != FORMAT_VERSION:
        raise StreamFormatError(f"stream format version {blob[len(_MAGIC)]} is not supported")
    (header_length,) = _HEADER_LENGTH.unpack_from(blob, prefix)
    start = prefix + _HEADER_LENGTH.size
    try:
        header = json.loads(blob[start : start + header_length])
        rows = int(header["rows"])
        header_columns = [
            {"name": str(c["name"]), "dtype": _checked_dtype(c["dtype"])} for c in header["columns"]
        ]
    except (ValueError, KeyError, TypeError) as error:
        raise StreamFormatError(f"stream header is corrupt: {error}") from None
    return rows, header_columns, start + header_length


def _checked_dtype(text: object) -> str:
    if text not in (_FLOAT64, _FLOAT32):
        raise ValueError(f"unknown dtype {text!r}")
    return str(text)


def _storage_dtype(name: str, array: FloatArray) -> str:
    if name in ALWAYS_FLOAT64 or array.size == 0:
        return _FLOAT64
    tolerance = FLOAT32_TOLERANCE.get(name, 0.0)
    with np.errstate(over="ignore", invalid="ignore"):
        narrowed = array.astype(np.float32).astype(np.float64)
    finite = np.isfinite(array)
    # NaN (missing sample) must stay NaN, ±inf stay themselves, and no finite value may overflow.
    if not np.array_equal(np.isfinite(narrowed), finite):
        return _FLOAT64
    if not np.array_equal(array[~finite], narrowed[~finite], equal_nan=True):
        return _FLOAT64
    if finite.any() and float(np.max(np.abs(narrowed[finite] - array[finite]))) > tolerance:
        return _FLOAT64
    return _FLOAT32


def _shuffle(array: npt.NDArray[Any]) -> bytes:
    little = array.astype(array.dtype.newbyteorder("<"), copy=False)
    return little.view(np.uint8).reshape(little.shape[0], little.dtype.itemsize).T.tobytes()


def _unshuffle(chunk: bytes, dtype: np.dtype[Any], rows: int) -> npt.NDArray[Any]:
    planes = np.frombuffer(chunk, dtype=np.uint8).reshape(dtype.itemsize, rows)
    return np.ascontiguousarray(planes.T).view(dtype).reshape(rows)
