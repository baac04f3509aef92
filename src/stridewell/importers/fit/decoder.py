"""`decode_fit`: a FIT byte string (one file or several chained) to value columns per message.

The file header and both CRCs are checked here; `scanner` walks the records once and `columns`
decodes each layout's messages together. Errors are `ActivityFileError` with one specific line.

Policy on damage (see also `activity`): a file whose structure is intact but whose file CRC does
not match is decoded and the mismatch is reported in `FitFile.problems`; anything structural —
empty or foreign bytes, a wrong header CRC, a header that declares no data, a file shorter than its
header says, a message running past the data, a data message before its definition — raises.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from stridewell.domain.activities import ActivityFileError

from .columns import ColumnInfo, RawMessages, expand_components, fill_timestamps, merge
from .crc import crc16
from .plan import decode_group
from .profile import MessageSpec
from .scanner import Scan

AnyArray = npt.NDArray[np.generic]

_SIGNATURE = b".FIT"


@dataclass(frozen=True)
class FitMessages:
    """Every message of one global message type, as columns in file order.

    Numeric fields are float64 (NaN = missing; 64-bit integers lose precision beyond 2**53),
    with the profile's scale and offset applied and components expanded (enhanced_speed,
    distance from compressed_speed_distance…); where a component and the field itself disagree,
    the component wins, as in the SDK and fitdecode. date_time and local_date_time fields count
    seconds from the Unix epoch (local_date_time on the local clock). Array fields are 2-D,
    strings object arrays (text up to the first NUL). Field 253 is "timestamp" in every message,
    filled from compressed-timestamp headers where those are used. Developer fields are named
    "dev:<field_name>" with their description's scale and offset applied (the SDK leaves them
    raw). Sub-fields (garmin_product for product, timer_trigger for event data…) are not given
    columns of their own: the main field holds the same raw value.
    """

    name: str
    num: int
    count: int
    columns: Mapping[str, AnyArray]
    info: Mapping[str, ColumnInfo] = field(repr=False, default_factory=dict)
    file_index: npt.NDArray[np.int64] | None = None  # chained file of each message (if chained)

    def get(self, name: str) -> AnyArray | None:
        return self.columns.get(name)

    @property
    def units(self) -> dict[str, str]:
        """Units of each column as the profile (or the field description) gives them."""
        return {name: info.units for name, info in self.info.items()}


@dataclass(frozen=True)
class FitFile:
    messages: Mapping[str, FitMessages]
    data_message_count: int
    file_count: int  # chained FIT files in the byte string
    problems: tuple[str, ...] = ()  # tolerated damage, e.g. a file CRC mismatch

    def count(self, message: str) -> int:
        found = self.messages.get(message)
        return 0 if found is None else found.count

    def column(self, message: str, name: str) -> AnyArray | None:
        found = self.messages.get(message)
        return None if found is None else found.columns.get(name)


def decode_fit(data: bytes | bytearray | memoryview) -> FitFile:
    """Decode every message of a FIT byte string (chained files included)."""
    data = bytes(data)
    if not data:
        raise ActivityFileError("not a FIT file: it is empty")
    scan = Scan(data)
    problems: list[str] = []
    pos = 0
    file_starts: list[int] = []
    while pos < len(data):
        file_count = len(file_starts)
        if file_count and not data[pos:].strip(b"\0"):
            break  # zero padding after the last file
        header_size, data_size = _read_header(data, pos, file_count)
        stop = pos + header_size + data_size
        if stop + 2 > len(data):
            raise ActivityFileError(f"FIT file truncated at byte {len(data)} (expected {stop + 2})")
        stored = data[stop] | data[stop + 1] << 8
        computed = crc16(memoryview(data)[pos:stop])
        mismatch = None
        if stored != computed:
            mismatch = f"FIT file CRC mismatch: stored 0x{stored:04X}, computed 0x{computed:04X}"
        try:
            scan.scan_file(pos + header_size, stop)
        except ActivityFileError as error:
            if mismatch is None:
                raise
            raise ActivityFileError(f"{mismatch} ({error})") from error
        if mismatch is not None:
            problems.append(mismatch)
        file_starts.append(pos)
        pos = stop + 2
    # Damaged or unusual values (signalling NaNs, infinities) are data here, not numeric errors.
    with np.errstate(all="ignore"):
        return _build(scan, file_starts, tuple(problems))


def _read_header(data: bytes, pos: int, file_count: int) -> tuple[int, int]:
    where = f" (chained file at byte {pos})" if file_count else ""
    if len(data) - pos < 12:
        raise ActivityFileError(
            f"not a FIT file: {len(data) - pos} bytes are too short for a FIT header{where}"
        )
    header_size = data[pos]
    signature = data[pos + 8 : pos + 12]
    if signature != _SIGNATURE:
        shown = bytes(signature).decode("latin-1")  # printable as text, escapes kept by repr
        raise ActivityFileError(
            f"not a FIT file: header signature is {shown!r}, not '.FIT'{where}"
        )
    if header_size < 12 or len(data) - pos < header_size:
        raise ActivityFileError(f"not a FIT file: header size {header_size}{where}")
    data_size = int.from_bytes(data[pos + 4 : pos + 8], "little")
    if header_size >= 14:
        stored = data[pos + 12] | data[pos + 13] << 8
        if stored != 0:  # 0 means the writer did not compute one
            computed = crc16(data[pos : pos + 12])
            if stored != computed:
                raise ActivityFileError(
                    f"FIT header CRC mismatch: stored 0x{stored:04X}, computed 0x{computed:04X}"
                    + where
                )
    if data_size == 0:
        raise ActivityFileError(
            f"FIT header declares no data{where}: the device did not finish writing the file"
        )
    return header_size, data_size


def _build(scan: Scan, file_starts: list[int], problems: tuple[str, ...]) -> FitFile:
    by_message: dict[int, list[RawMessages]] = {}
    specs: dict[int, MessageSpec] = {}
    for group in scan.groups.values():
        if not group.starts:
            continue
        num = group.layout.global_num
        by_message.setdefault(num, []).append(decode_group(scan.data, group, scan.compressed))
        specs[num] = group.layout.spec
    merged = [merge(specs[num], parts) for num, parts in by_message.items()]
    fill_timestamps(merged)
    messages: dict[str, FitMessages] = {}
    total = 0
    for raw in merged:
        expand_components(raw)
        file_index = None
        if len(file_starts) > 1:
            file_index = np.searchsorted(np.array(file_starts), raw.offsets, side="right") - 1
        messages[raw.spec.name] = FitMessages(
            raw.spec.name, raw.spec.num, raw.count, raw.columns, raw.info, file_index
        )
        total += raw.count
    return FitFile(messages, total, len(file_starts), problems)
