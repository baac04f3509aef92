"""The FIT decoder and FIT -> Activity on small files built here to hit one edge case each.

`FitBuilder` is a tiny FIT encoder written from the protocol description (file header, definition
and data messages, compressed timestamp headers, developer fields, CRC computed bit by bit), so the
decoder is checked against an independent writer rather than against itself.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field
from datetime import UTC, datetime

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stridewell.domain.activities import ActivityFileError, NoActivityInFile
from stridewell.importers.fit import decode_fit, fit_to_activities

FIT_EPOCH = 631065600
T0 = 1_000_000_000  # a FIT timestamp: 2021-09-08T01:46:40Z
T0_UTC = datetime.fromtimestamp(FIT_EPOCH + T0, tz=UTC)

# base type name -> (base type byte, struct code)
BASE = {
    "enum": (0x00, "B"),
    "sint8": (0x01, "b"),
    "uint8": (0x02, "B"),
    "sint16": (0x83, "h"),
    "uint16": (0x84, "H"),
    "sint32": (0x85, "i"),
    "uint32": (0x86, "I"),
    "string": (0x07, "s"),
    "float32": (0x88, "f"),
    "uint8z": (0x0A, "B"),
    "uint16z": (0x8B, "H"),
    "uint32z": (0x8C, "I"),
    "byte": (0x0D, "B"),
}
FILE_ID, SESSION, LAP, RECORD, EVENT, ACTIVITY, SPORT, HR = 0, 18, 19, 20, 21, 34, 12, 132
DEVELOPER_DATA_ID, FIELD_DESCRIPTION = 207, 206


def bitwise_crc16(data: bytes, crc: int = 0) -> int:
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


@dataclass
class _Def:
    fields: list[tuple[int, str, int]]  # (field number, base type, element count or string size)
    big_endian: bool
    dev_fields: list[tuple[int, int, int]]  # (field number, size, developer data index)


@dataclass
class FitBuilder:
    body: bytearray = field(default_factory=bytearray)
    defs: dict[int, _Def] = field(default_factory=dict)

    def define(
        self,
        local: int,
        global_num: int,
        fields: list[tuple[int, str, int]],
        *,
        big_endian: bool = False,
        dev_fields: list[tuple[int, int, int]] | None = None,
    ) -> FitBuilder:
        order = ">" if big_endian else "<"
        header = 0x40 | local | (0x20 if dev_fields else 0)
        self.body += bytes((header, 0, int(big_endian))) + struct.pack(order + "H", global_num)
        self.body.append(len(fields))
        for num, base, count in fields:
            size = count if base == "string" else count * struct.calcsize(BASE[base][1])
            self.body += bytes((num, size, BASE[base][0]))
        if dev_fields:
            self.body.append(len(dev_fields))
            for num, size, index in dev_fields:
                self.body += bytes((num, size, index))
        self.defs[local] = _Def(fields, big_endian, dev_fields or [])
        return self

    def message(
        self,
        local: int,
        *values: object,
        dev: bytes = b"",
        time_offset: int | None = None,
    ) -> FitBuilder:
        definition = self.defs[local]
        order = ">" if definition.big_endian else "<"
        if time_offset is None:
            self.body.append(local)
        else:
            self.body.append(0x80 | local << 5 | (time_offset & 0x1F))
        for (_, base, count), value in zip(definition.fields, values, strict=True):
            if base == "string":
                assert isinstance(value, bytes)
                self.body += value.ljust(count, b"\0")[:count]
            elif count == 1:
                self.body += struct.pack(order + BASE[base][1], value)
            else:
                assert isinstance(value, list | tuple)
                self.body += struct.pack(order + BASE[base][1] * count, *value)
        self.body += dev
        return self

    def file(
        self, *, header_size: int = 14, bad_header_crc: bool = False, bad_crc: bool = False
    ) -> bytes:
        header = bytes((header_size, 0x20)) + struct.pack("<HI", 2132, len(self.body)) + b".FIT"
        if header_size == 14:
            header_crc = bitwise_crc16(header) ^ (0x0101 if bad_header_crc else 0)
            header += struct.pack("<H", header_crc)
        content = header + bytes(self.body)
        crc = bitwise_crc16(content) ^ (0x8001 if bad_crc else 0)
        return content + struct.pack("<H", crc)


def activity_file(
    sport: int = 1,
    records: int = 10,
    hr: int | None = 150,
    cadence: int = 85,
    summary: bool = True,
) -> FitBuilder:
    """A small activity: file_id, records each second, then (with `summary`) a lap and a session."""
    b = FitBuilder()
    b.define(0, FILE_ID, [(0, "enum", 1), (1, "uint16", 1), (2, "uint16", 1), (4, "uint32", 1)])
    b.message(0, 4, 1, 3290, T0)  # activity, garmin, fenix6
    b.define(1, RECORD, [(253, "uint32", 1), (5, "uint32", 1), (3, "uint8", 1), (4, "uint8", 1)])
    for i in range(records):
        b.message(1, T0 + i, i * 300, 0xFF if hr is None else hr, cadence)
    if not summary:
        return b
    b.define(2, LAP, [(253, "uint32", 1), (2, "uint32", 1), (7, "uint32", 1), (9, "uint32", 1)])
    b.message(2, T0 + records, T0, (records - 1) * 1000, (records - 1) * 300)
    session_fields = [
        (253, "uint32", 1),
        (2, "uint32", 1),  # start_time
        (7, "uint32", 1),  # total_elapsed_time, ms
        (8, "uint32", 1),  # total_timer_time, ms
        (9, "uint32", 1),  # total_distance, cm
        (5, "enum", 1),  # sport
        (18, "uint8", 1),  # avg_cadence
        (16, "uint8", 1),  # avg_heart_rate
    ]
    b.define(3, SESSION, session_fields)
    b.message(3, T0 + records, T0, (records - 1) * 1000, (records - 1) * 1000, (records - 1) * 300,
              sport, cadence, 0xFF if hr is None else hr)  # fmt: skip
    return b


# --- the byte stream ------------------------------------------------------------------------


def test_little_and_big_endian_definitions_give_the_same_values() -> None:
    fields = [(253, "uint32", 1), (5, "uint32", 1), (6, "uint16", 1), (2, "uint16", 1),
              (0, "sint32", 1), (3, "uint8", 1)]  # fmt: skip
    values = (T0, 123456, 3210, 2600, -123456789, 140)
    decoded = []
    for big_endian in (False, True):
        b = FitBuilder().define(0, RECORD, fields, big_endian=big_endian).message(0, *values)
        decoded.append(decode_fit(b.file()).messages["record"])
    for rec in decoded:
        assert rec.columns["timestamp"][0] == FIT_EPOCH + T0
        assert rec.columns["distance"][0] == pytest.approx(1234.56)  # cm -> m
        assert rec.columns["speed"][0] == pytest.approx(3.21)  # mm/s -> m/s
        assert rec.columns["enhanced_speed"][0] == pytest.approx(3.21)  # component of speed
        assert rec.columns["altitude"][0] == pytest.approx(2600 / 5 - 500)  # scale and offset
        assert rec.columns["position_lat"][0] == -123456789
        assert rec.columns["heart_rate"][0] == 140


def test_invalid_sentinels_become_missing() -> None:
    b = FitBuilder().define(
        0,
        RECORD,
        [(253, "uint32", 1), (3, "uint8", 1), (9, "sint16", 1), (0, "sint32", 1),
         (7, "uint16", 1), (39, "uint8z", 1), (8, "byte", 3), (42, "enum", 1)],
    )  # fmt: skip
    b.message(0, T0, 0xFF, 0x7FFF, 0x7FFFFFFF, 0xFFFF, 0, [0xFF, 0xFF, 0xFF], 0xFF)
    b.message(0, T0 + 1, 61, -5, 7, 250, 3, [0xFF, 0x10, 0x00], 2)
    rec = decode_fit(b.file()).messages["record"]
    for name in ("heart_rate", "grade", "position_lat", "power", "vertical_oscillation",
                 "activity_type"):  # fmt: skip
        column = rec.columns[name]
        assert math.isnan(column[0]), name
        assert not math.isnan(column[1]), name
    assert np.isnan(rec.columns["compressed_speed_distance"][0]).all()  # all bytes 0xFF
    assert rec.columns["compressed_speed_distance"][1].tolist() == [255.0, 16.0, 0.0]


def test_compressed_timestamp_headers_roll_over_the_five_bit_offset() -> None:
    start = T0 - (T0 % 32) + 28  # low five bits: 28
    b = FitBuilder().define(0, EVENT, [(253, "uint32", 1), (0, "enum", 1)])
    b.message(0, start, 0)
    b.define(1, RECORD, [(3, "uint8", 1)])
    for offset, hr in ((30, 100), (2, 101), (5, 102), (5, 103), (4, 104)):
        b.message(1, hr, time_offset=offset)
    rec = decode_fit(b.file()).messages["record"]
    expected = [start + 2, start + 6, start + 9, start + 9, start + 40]  # 4 < 5: a rollover
    assert (rec.columns["timestamp"] - FIT_EPOCH).tolist() == expected
    assert rec.columns["heart_rate"].tolist() == [100, 101, 102, 103, 104]


def test_compressed_speed_distance_expands_and_accumulates_distance() -> None:
    b = FitBuilder().define(0, RECORD, [(253, "uint32", 1), (8, "byte", 3)])
    steps = [(350, 4090), (355, 10), (360, 30)]  # distance (1/16 m) wraps at 4096
    for i, (speed, distance) in enumerate(steps):
        packed = speed | distance << 12
        b.message(0, T0 + i, list(packed.to_bytes(3, "little")))
    rec = decode_fit(b.file()).messages["record"]
    assert rec.columns["speed"].tolist() == pytest.approx([3.5, 3.55, 3.6])
    assert rec.columns["distance"].tolist() == pytest.approx([4090 / 16, 4106 / 16, 4126 / 16])


def test_developer_fields_are_named_by_their_field_description() -> None:
    b = FitBuilder()
    b.define(0, DEVELOPER_DATA_ID, [(3, "uint8", 1), (1, "byte", 16)])
    b.message(0, 0, list(range(16)))
    b.define(1, FIELD_DESCRIPTION,
             [(0, "uint8", 1), (1, "uint8", 1), (2, "uint8", 1), (3, "string", 16),
              (6, "uint8", 1), (8, "string", 8)])  # fmt: skip
    b.message(1, 0, 7, 0x84, b"form_power", 10, b"watts")  # uint16, scale 10
    b.define(2, RECORD, [(253, "uint32", 1), (7, "uint16", 1)], dev_fields=[(7, 2, 0)])
    for i, (power, form) in enumerate([(250, 415), (260, 0xFFFF), (270, 432)]):
        b.message(2, T0 + i, power, dev=struct.pack("<H", form))
    fit = decode_fit(b.file())
    rec = fit.messages["record"]
    assert rec.units["dev:form_power"] == "watts"
    values = rec.columns["dev:form_power"]
    assert values[0] == pytest.approx(41.5) and math.isnan(values[1])
    assert values[2] == pytest.approx(43.2)
    assert rec.columns["power"].tolist() == [250, 260, 270]


def test_developer_field_described_after_its_definition_still_gets_its_name() -> None:
    b = FitBuilder()
    b.define(2, RECORD, [(253, "uint32", 1)], dev_fields=[(0, 1, 0)])
    b.message(2, T0, dev=b"\x05")  # no description yet: the bytes are skipped
    b.define(1, FIELD_DESCRIPTION, [(0, "uint8", 1), (1, "uint8", 1), (2, "uint8", 1),
                                    (3, "string", 8)])  # fmt: skip
    b.message(1, 0, 0, 0x02, b"laps")
    b.message(2, T0 + 1, dev=b"\x06")
    rec = decode_fit(b.file()).messages["record"]
    assert rec.count == 2
    assert np.isnan(rec.columns["dev:laps"][0])
    assert rec.columns["dev:laps"][1] == 6


def test_chained_files_are_decoded_one_after_the_other() -> None:
    first = activity_file(records=5).file()
    second = activity_file(records=7, sport=2).file()
    fit = decode_fit(first + second)
    assert fit.file_count == 2
    assert fit.count("record") == 12
    activities = fit_to_activities(first + second)
    assert [a.sport for a in activities] == ["running", "cycling"]
    assert [a.samples for a in activities] == [5, 7]  # each session keeps its own file's records


def test_zero_padding_after_the_last_file_is_ignored() -> None:
    data = activity_file().file()
    assert decode_fit(data + b"\0" * 16).count("record") == 10


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not a FIT file: it is empty"),
        (bytes(8) + b".GIT" + bytes(20), "not a FIT file: header signature is '.GIT', not '.FIT'"),
        (activity_file().file(bad_header_crc=True), "FIT header CRC mismatch: stored 0x"),
        (FitBuilder().file(), "FIT header declares no data"),
    ],
)  # fmt: skip
def test_foreign_or_broken_headers_are_rejected(data: bytes, message: str) -> None:
    with pytest.raises(ActivityFileError, match="^" + message.replace("(", r"\(")):
        decode_fit(data)


def test_truncated_file_names_the_byte_where_it_ends() -> None:
    data = activity_file().file()
    with pytest.raises(ActivityFileError) as error:
        decode_fit(data[:100])
    assert str(error.value) == f"FIT file truncated at byte 100 (expected {len(data)})"


def test_a_second_header_that_is_garbage_is_reported_with_its_position() -> None:
    data = activity_file().file()
    with pytest.raises(ActivityFileError, match=rf"\(chained file at byte {len(data)}\)$"):
        decode_fit(data + b"\x0e\x10garbage-garbage")


def test_unknown_local_message_type_is_rejected() -> None:
    b = FitBuilder().define(0, RECORD, [(253, "uint32", 1)]).message(0, T0)
    b.body.append(0x03)  # data message for local type 3, never defined
    b.body += b"\0\0\0\0"
    with pytest.raises(ActivityFileError) as error:
        decode_fit(b.file())
    assert str(error.value) == (
        "FIT data message at byte 28 uses local message type 3, "
        "which no definition message declared"
    )


def test_message_running_past_the_data_is_rejected() -> None:
    b = FitBuilder().define(0, RECORD, [(253, "uint32", 1)]).message(0, T0)
    b.body += b"\x00\x01"  # a record header and one of its four bytes
    with pytest.raises(ActivityFileError, match="runs past the end of the data"):
        decode_fit(b.file())


def test_bad_file_crc_is_decoded_and_reported() -> None:
    data = activity_file().file(bad_crc=True)
    fit = decode_fit(data)
    assert fit.count("record") == 10
    assert len(fit.problems) == 1 and fit.problems[0].startswith("FIT file CRC mismatch: stored")
    (activity,) = fit_to_activities(data)
    assert activity.notes[0].startswith("salvaged: FIT file CRC mismatch")


def test_header_without_crc_is_accepted() -> None:
    assert decode_fit(activity_file().file(header_size=12)).count("record") == 10


@dataclass(frozen=True)
class _Kind:
    local: int
    global_num: int
    fields: list[tuple[int, str, int]]


_KINDS = [
    _Kind(0, RECORD, [(253, "uint32", 1), (3, "uint8", 1)]),
    _Kind(1, 78, [(0, "uint16", 3)]),  # hrv, three beat intervals
    _Kind(2, EVENT, [(253, "uint32", 1), (3, "uint32", 1)]),
    _Kind(3, RECORD, [(253, "uint32", 1), (3, "uint8", 1), (4, "uint8", 1)]),  # 2nd layout
    _Kind(4, RECORD, [(253, "uint32", 1), (3, "uint8", 1)]),  # kind 0's layout, 2nd local type
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(range(len(_KINDS))), min_size=1, max_size=300), st.data())
def test_any_sequence_of_messages_decodes_in_order(kinds: list[int], data: st.DataObject) -> None:
    """Regular runs, alternations and noise: the run detection must never lose or reorder."""
    pattern = data.draw(st.lists(st.sampled_from(range(len(_KINDS))), min_size=1, max_size=4))
    sequence = kinds[: len(kinds) // 2] + pattern * 40 + kinds[len(kinds) // 2 :]
    b = FitBuilder()
    for kind in _KINDS:
        b.define(kind.local, kind.global_num, kind.fields)
    expected_hr, expected_hrv = [], []
    for n, k in enumerate(sequence):
        kind = _KINDS[k]
        if kind.global_num == RECORD:
            values = (T0 + n, n % 200) + ((90,) if len(kind.fields) == 3 else ())
            b.message(kind.local, *values)
            expected_hr.append(n % 200)
        elif kind.global_num == 78:
            b.message(kind.local, [n, n + 1, n + 2])
            expected_hrv.append(n)
        else:
            b.message(kind.local, T0 + n, n)
    fit = decode_fit(b.file())
    assert fit.data_message_count == len(sequence)
    if expected_hr:
        assert fit.messages["record"].columns["heart_rate"].tolist() == expected_hr
    if expected_hrv:
        assert (fit.messages["hrv"].columns["time"][:, 0] * 1000).round().tolist() == expected_hrv


# (field number, base type, elements): record fields with scale, offset, epoch, components, byte
# arrays, and fields the profile does not know (kept raw)
_ANY_FIELDS = [
    (253, "uint32", 1), (3, "uint8", 1), (5, "uint32", 1), (2, "uint16", 1), (0, "sint32", 1),
    (9, "sint16", 1), (8, "byte", 3), (200, "float32", 1), (201, "uint16", 3), (202, "sint8", 1),
    (203, "uint32z", 1), (204, "byte", 20),
]  # fmt: skip
_LIMITS = {"uint8": (0, 0xFF), "uint16": (0, 0xFFFF), "uint32": (0, 0xFFFFFFFF),
           "sint8": (-0x80, 0x7F), "sint16": (-0x8000, 0x7FFF), "sint32": (-(2**31), 2**31 - 1),
           "byte": (0, 0xFF), "uint32z": (0, 0xFFFFFFFF)}  # fmt: skip


def _any_value(draw: st.DrawFn, base: str, count: int) -> object:
    if base == "float32":
        return draw(st.floats(width=32))
    low, high = _LIMITS[base]
    # the invalid sentinels (all ones, zero for the z types, the largest signed value) often
    values = st.one_of(st.sampled_from([low, high, 0]), st.integers(low, high))
    if count == 1:
        return draw(values)
    return draw(
        st.one_of(st.just([high] * count), st.lists(values, min_size=count, max_size=count))
    )


@settings(max_examples=40, deadline=None)
@given(st.data(), st.booleans(), st.integers(1, 4))
def test_a_layout_decodes_the_same_values_in_small_and_large_groups(
    data: st.DataObject, big_endian: bool, count: int
) -> None:
    """A handful of messages, a few dozen and a few thousand take different decoding paths."""
    fields = data.draw(st.lists(st.sampled_from(_ANY_FIELDS), min_size=1, unique=True))
    messages = [
        tuple(_any_value(data.draw, base, n) for _, base, n in fields) for _ in range(count)
    ]
    decoded = []
    for repeat in (1, 8, 2100 // count + 1):
        b = FitBuilder().define(0, RECORD, fields, big_endian=big_endian)
        for _ in range(repeat):
            for values in messages:
                b.message(0, *values)
        decoded.append(decode_fit(b.file()).messages["record"])
    few = decoded[0]
    for many in decoded[1:]:
        assert list(many.columns) == list(few.columns)
        for name, column in few.columns.items():
            head = np.ascontiguousarray(many.columns[name][:count])
            assert head.tobytes() == np.ascontiguousarray(column).tobytes(), name


def test_redefining_a_local_type_switches_layout_mid_file() -> None:
    b = FitBuilder().define(0, RECORD, [(253, "uint32", 1), (3, "uint8", 1)])
    b.message(0, T0, 100).message(0, T0 + 1, 101)
    b.define(0, RECORD, [(253, "uint32", 1), (7, "uint16", 1)])
    b.message(0, T0 + 2, 300)
    b.define(0, RECORD, [(253, "uint32", 1), (3, "uint8", 1)])
    b.message(0, T0 + 3, 103)
    rec = decode_fit(b.file()).messages["record"]
    assert (rec.columns["timestamp"] - FIT_EPOCH).tolist() == [T0, T0 + 1, T0 + 2, T0 + 3]
    assert rec.columns["heart_rate"][[0, 1, 3]].tolist() == [100, 101, 103]
    assert math.isnan(rec.columns["heart_rate"][2]) and rec.columns["power"][2] == 300


# --- activities -----------------------------------------------------------------------------


def test_a_file_with_only_a_workout_file_id_holds_no_activity() -> None:
    b = FitBuilder().define(0, FILE_ID, [(0, "enum", 1), (1, "uint16", 1)]).message(0, 5, 1)
    with pytest.raises(NoActivityInFile, match="^FIT file type=workout holds no activity$"):
        fit_to_activities(b.file())


def test_activity_file_without_sessions_or_records_holds_no_activity() -> None:
    b = FitBuilder().define(0, FILE_ID, [(0, "enum", 1)]).message(0, 4)
    with pytest.raises(NoActivityInFile, match="holds no session and no records"):
        fit_to_activities(b.file())


def test_running_activity_summary_and_streams() -> None:
    (run,) = fit_to_activities(activity_file(records=10, cadence=85).file())
    assert run.sport == "running"
    assert run.source_kind == "fit"
    assert run.start_utc == T0_UTC
    assert run.elapsed_s == 9.0 and run.moving_s == 9.0
    assert run.distance_m == pytest.approx(27.0)
    assert run.avg_cadence == 170  # strides per minute doubled to steps per minute
    assert run.device == "garmin fenix6"
    assert run.samples == 10
    assert run.streams.columns["t"].tolist() == list(range(10))
    assert run.streams.columns["cadence"].tolist() == [170.0] * 10
    assert run.streams.columns["distance"][-1] == pytest.approx(27.0)
    assert run.laps[0].start_utc == T0_UTC and run.laps[0].distance_m == pytest.approx(27.0)


def test_cycling_cadence_stays_in_revolutions() -> None:
    (ride,) = fit_to_activities(activity_file(sport=2, cadence=85).file())
    assert ride.sport == "cycling"
    assert ride.avg_cadence == 85
    assert ride.streams.columns["cadence"][0] == 85


def test_multisport_file_gives_one_activity_per_session_with_its_own_records() -> None:
    b = FitBuilder()
    b.define(0, FILE_ID, [(0, "enum", 1)]).message(0, 4)
    b.define(1, RECORD, [(253, "uint32", 1), (3, "uint8", 1)])
    for i in range(30):
        b.message(1, T0 + i, 100 + i)
    b.define(2, SESSION, [(2, "uint32", 1), (7, "uint32", 1), (5, "enum", 1)])
    b.message(2, T0, 10_000, 5)  # swim 0..10 s
    b.message(2, T0 + 10, 5_000, 3)  # transition 10..15 s (shares t=10 with the swim's end)
    b.message(2, T0 + 15, 14_000, 1)  # run 15..29 s
    swim, transition, run = fit_to_activities(b.file())
    assert [swim.sport, transition.sport, run.sport] == ["swimming", "transition", "running"]
    assert [swim.samples, transition.samples, run.samples] == [10, 5, 15]
    assert run.streams.columns["hr"][0] == 115
    assert run.streams.columns["t"][0] == 0.0


def test_session_without_records_comes_from_its_summary() -> None:
    b = FitBuilder().define(0, FILE_ID, [(0, "enum", 1)]).message(0, 4)
    b.define(1, SESSION, [(2, "uint32", 1), (7, "uint32", 1), (9, "uint32", 1), (5, "enum", 1)])
    b.message(1, T0, 1_800_000, 500_000, 1)
    (run,) = fit_to_activities(b.file())
    assert run.samples == 0 and run.distance_m == 5000 and run.elapsed_s == 1800


def test_records_without_a_session_become_one_activity_with_a_note() -> None:
    (activity,) = fit_to_activities(activity_file(records=6, summary=False).file())
    assert activity.samples == 6
    assert activity.elapsed_s == 5
    assert activity.start_utc == T0_UTC
    assert "no session message: summary built from the records" in activity.notes


def test_heart_rate_from_hr_messages_fills_records_without_heart_rate() -> None:
    b = activity_file(sport=5, records=6, hr=None)  # a swim, strap data stored for later
    b.define(4, HR, [(253, "uint32", 1), (0, "uint16", 1), (6, "uint8", 1), (9, "uint32", 1)])
    b.message(4, T0, 0, 120, 5 * 1024)  # anchor: event time 5 s is T0
    b.define(5, HR, [(6, "uint8", 8), (10, "byte", 12)])
    events = [5 * 1024 + 512 * k for k in range(1, 9)]  # a beat every half second
    packed = sum((e & 0xFFF) << (12 * k) for k, e in enumerate(events))
    b.message(5, [120, 122, 124, 126, 128, 130, 132, 134], list(packed.to_bytes(12, "little")))
    (swim,) = fit_to_activities(b.file())
    hr = swim.streams.columns["hr"]
    # Records at T0..T0+5 average the beats in (previous record, record]: T0 has the anchor's.
    assert hr.tolist()[:5] == [120, 121, 125, 129, 133]
    assert hr[5] == 134  # no beat after T0+4: the last one carries forward (up to 5 s)
    assert any("stored beats" in note for note in swim.notes)


def test_time_zone_offset_comes_from_the_activity_message() -> None:
    b = activity_file()
    b.define(4, ACTIVITY, [(253, "uint32", 1), (5, "uint32", 1)])
    b.message(4, T0 + 10, T0 + 10 + 7200)
    (run,) = fit_to_activities(b.file())
    assert run.tz_offset_s == 7200


def test_device_relative_times_use_the_local_time_and_say_so() -> None:
    b = FitBuilder().define(0, FILE_ID, [(0, "enum", 1)]).message(0, 4)
    b.define(1, RECORD, [(253, "uint32", 1), (3, "uint8", 1)])
    for i in range(5):
        b.message(1, 5000 + i, 120)  # seconds since the watch was switched on
    b.define(2, SESSION, [(2, "uint32", 1), (7, "uint32", 1), (5, "enum", 1)])
    b.message(2, 5000, 4000, 1)
    b.define(3, ACTIVITY, [(253, "uint32", 1), (5, "uint32", 1)])
    b.message(3, 5004, T0)
    (run,) = fit_to_activities(b.file())
    assert run.start_utc == datetime.fromtimestamp(FIT_EPOCH + T0 - 4, tz=UTC)
    assert run.samples == 5
    assert run.tz_offset_s is None
    assert any(note.startswith("device clock not set") for note in run.notes)
