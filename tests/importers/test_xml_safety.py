"""Safe XML reading: prolog checks, hostile documents, repairs, and one-line errors."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from stridewell.domain.activities import ActivityFileError
from stridewell.importers import xml_safety
from stridewell.importers.xml_safety import Outline, inspect_xml, parse_with_repairs

OUTLINE = Outline(tags=frozenset({"b"}), containers=frozenset({"a"}))


def texts(events: Iterator[tuple[str, Any]]) -> list[str]:
    return [element.text for _, element in events]


def read(data: bytes) -> tuple[list[str], tuple[str, ...]]:
    document = inspect_xml(data)
    assert document is not None
    return parse_with_repairs(document, "GPX", OUTLINE, texts)


@pytest.mark.parametrize(
    ("data", "root"),
    [
        (b"<gpx/>", "gpx"),
        (b'\xef\xbb\xbf<?xml version="1.0"?><gpx/>', "gpx"),
        (
            b"<!-- made by hand --><?pi x?>\n<tcx:TrainingCenterDatabase xmlns:tcx='u'/>",
            "tcx:TrainingCenterDatabase",
        ),
        (b'<!DOCTYPE gpx SYSTEM "gpx.dtd"><gpx/>', "gpx"),
        ('<?xml version="1.0" encoding="UTF-16"?><gpx/>'.encode("utf-16"), "gpx"),
    ],
)
def test_root_element_is_found_past_the_prolog(data: bytes, root: str) -> None:
    document = inspect_xml(data)
    assert document is not None and document.root_name == root


@pytest.mark.parametrize("data", [b"", b"   ", b"hello", b"\x89PNG\r\n", b"<<<"])
def test_non_xml_is_none(data: bytes) -> None:
    assert inspect_xml(data) is None


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE a [<!ENTITY x "y">]>',
        b'<!DOCTYPE a [<!ENTITY % p SYSTEM "http://example.com/p.dtd"> %p;]>',
        # A ']' inside a quoted default cannot hide a later declaration.
        b'<!DOCTYPE a [<!ATTLIST a b CDATA "]"><!ENTITY x "y">]>',
    ],
)
def test_any_entity_declaration_is_refused(doctype: bytes) -> None:
    with pytest.raises(ActivityFileError, match="^XML entity declarations are not allowed$"):
        document = inspect_xml(doctype + b"<a><b>1</b></a>")
        assert document is not None
        parse_with_repairs(document, "GPX", OUTLINE, texts)


def test_undeclared_prefixes_are_declared_and_noted() -> None:
    values, repairs = read(b"<a><b>1<p:x/></b><b q:y='2'>3</b></a>")
    assert values == ["1", "3"]
    assert repairs == (
        "repaired: declared the XML namespace prefix 'p' the file uses",
        "repaired: declared the XML namespace prefix 'q' the file uses",
    )


def test_whitespace_before_the_declaration_is_dropped_and_noted() -> None:
    values, repairs = read(b'\n  <?xml version="1.0"?><a><b>7</b></a>')
    assert values == ["7"]
    assert repairs == ("repaired: removed whitespace before the XML declaration",)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<a><b>1</b><b>2", "GPX file is truncated"),
        (b"<a><b>1</b></a><a/>", "GPX file is not well-formed XML: Extra content"),
        (b"<a><b>1</c></a>", "GPX file is not well-formed XML: Opening and ending tag mismatch"),
        (b"<a><b>\xff\xfe</b></a>", "GPX file is not valid UTF-8 text"),
        (b"<a><b>&undefined;</b></a>", "GPX file is not well-formed XML: Entity 'undefined'"),
    ],
)
def test_broken_documents_fail_with_one_specific_line(data: bytes, message: str) -> None:
    with pytest.raises(ActivityFileError) as raised:
        read(data)
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


def test_documents_over_the_size_limit_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xml_safety, "MAX_XML_BYTES", 100)
    with pytest.raises(ActivityFileError, match="larger than"):
        inspect_xml(b"<a>" + b"<b>1</b>" * 20 + b"</a>")


def test_deep_nesting_stops_at_libxml2_limits() -> None:
    data = b"<a>" + b"<x>" * 300_000 + b"</x>" * 300_000 + b"</a>"
    with pytest.raises(ActivityFileError, match="not well-formed XML"):
        read(data)
