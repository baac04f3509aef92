"""Per-point columns from XML containers, numbers and timestamps."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import pytest
from lxml import etree

from stridewell.domain.activities import ActivityFileError
from stridewell.importers.xml_columns import (
    PointColumns,
    float_column,
    parse_timestamp,
    parse_timestamps,
    time_axis,
)

NS = "urn:test"


def columns() -> PointColumns:
    return PointColumns(
        NS,
        "p",
        {"t": "time", "v": "value"},
        extension_fields={"hr": "hr", "heartrate": "hr"},
        attributes=("id",),
    )


def test_each_text_lands_in_its_points_row() -> None:
    container = etree.fromstring(
        f"""<c xmlns="{NS}" xmlns:e="urn:ext" xmlns:f="urn:other">
          <p id="a"><t>1</t><v>10</v><x><e:hr>100</e:hr></x></p>
          <p id="b"><t>2</t></p>
          <p><v>30</v><f:heartrate>130</f:heartrate></p>
        </c>"""
    )
    n, found = columns().read(container)
    assert n == 3
    assert found["time"] == ["1", "2", ""]
    assert found["value"] == ["10", "", "30"]
    assert found["hr"] == ["100", "", "130"]
    assert found["id"] == ["a", "b", ""]


def test_absent_fields_are_left_out_and_empty_containers_have_no_points() -> None:
    n, found = columns().read(etree.fromstring(f'<c xmlns="{NS}"><p><t>1</t></p></c>'))
    assert (n, sorted(found)) == (1, ["time"])
    assert columns().read(etree.fromstring(f'<c xmlns="{NS}"/>')) == (0, {})


def test_a_field_written_twice_in_one_point_counts_once() -> None:
    container = etree.fromstring(
        f'<c xmlns="{NS}"><p><x><hr>140</hr><heartrate>140</heartrate></x></p><p/></c>'
    )
    assert columns().read(container)[1]["hr"] == ["140", ""]


def test_numbers_with_blanks_and_spaces() -> None:
    values = float_column(["1.5", "", " 2 ", "inf"], "ele", "GPX")
    np.testing.assert_array_equal(values, [1.5, np.nan, 2.0, np.nan])


def test_a_word_where_a_number_belongs_is_named() -> None:
    with pytest.raises(ActivityFileError, match="^GPX file has a non-numeric ele value: 'high'$"):
        float_column(["1", "high"], "ele", "GPX")


def test_timestamps_zones_fractions_and_blanks() -> None:
    times, offset = parse_timestamps(
        ["2024-01-01T00:00:00Z", "", "2024-01-01T00:00:01.1234567Z", "2024-01-01T00:00:02"], "GPX"
    )
    assert offset is None
    assert times.astype(str).tolist() == [
        "2024-01-01T00:00:00.000000",
        "NaT",
        "2024-01-01T00:00:01.123456",
        "2024-01-01T00:00:02.000000",
    ]


def test_one_offset_throughout_and_mixed_offsets() -> None:
    same, offset = parse_timestamps(
        ["2024-01-01T02:00:00+02:00", "2024-01-01T02:00:05+02:00"], "TCX"
    )
    assert offset == 7200
    assert same.astype(str).tolist() == ["2024-01-01T00:00:00.000000", "2024-01-01T00:00:05.000000"]
    mixed, first = parse_timestamps(["2024-01-01T00:00:00-0330", " 2024-01-01T03:30:10Z "], "TCX")
    assert first == -12600
    assert mixed.astype(str).tolist() == [
        "2024-01-01T03:30:00.000000",
        "2024-01-01T03:30:10.000000",
    ]


def test_unreadable_timestamp_is_named() -> None:
    with pytest.raises(ActivityFileError, match="^TCX file has an unreadable time: 'soon'$"):
        parse_timestamps(["2024-01-01T00:00:00Z", "soon"], "TCX")


def test_single_timestamp_and_time_axis() -> None:
    assert parse_timestamp("2015-05-31T16:31:21+02:00", "TCX") == datetime(
        2015, 5, 31, 14, 31, 21, tzinfo=UTC
    )
    assert parse_timestamp("  ", "TCX") is None
    axis = time_axis(["", "1901-12-13T20:45:52.5Z", "1901-12-13T20:45:50Z"], "GPX")
    assert axis is not None
    assert axis.start_utc == datetime(1901, 12, 13, 20, 45, 52, 500000, tzinfo=UTC)
    np.testing.assert_array_equal(axis.t_s, [np.nan, 0.0, -2.5])
    assert axis.elapsed_s == 0.0  # a clock running backwards gives no negative duration
    assert time_axis(["", ""], "GPX") is None
