"""Reading untrusted XML (GPX, TCX) safely, with the few repairs real exports need.

Safety: no entity is ever expanded (a document declaring one is rejected outright, which stops
"billion laughs" and external-entity reads such as file:///etc/passwd), no DTD is loaded, nothing
is fetched from the network, libxml2's own depth and text-size limits stay on (huge_tree=False),
and a document larger than `MAX_XML_BYTES` is refused before parsing.

Repairs, each noted on the activity: whitespace before the XML declaration is dropped, and a
namespace prefix the document uses without declaring (Strava writes `gpxdata:` undeclared; some
TCX writers `xsi:`) is declared on the root element before parsing again. Nothing else is
forgiven: a truncated or otherwise malformed document fails with one line naming the problem, and
no partial activity comes out of it.

Speed: a document up to `WHOLE_DOCUMENT_MAX_BYTES` is parsed in one call (libxml2's fastest path,
about 40 % quicker than iterparse) and its containers walked; a larger one is streamed with
`iterparse`, each point freed once read, so memory stays flat whatever the file's size.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from lxml import etree

from stridewell.domain.activities import ActivityFileError

MAX_XML_BYTES = 256 * 1024 * 1024
WHOLE_DOCUMENT_MAX_BYTES = 16 * 1024 * 1024  # a tree costs about five times its bytes
MAX_PROLOG_BYTES = 64 * 1024
MAX_REPAIRS = 4

_SAFE_PARSER_OPTIONS: dict[str, Any] = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_blank_text": True,
    "remove_comments": True,
    "remove_pis": True,
}
# Namespaces for prefixes that exports are known to use undeclared; others get a private URN.
_KNOWN_PREFIXES = {
    "gpxdata": "http://www.cluetrust.com/XML/GPXDATA/1/0",
    "gpxtpx": "http://www.garmin.com/xmlschemas/TrackPointExtension/v1",
    "gpxx": "http://www.garmin.com/xmlschemas/GpxExtensions/v3",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
_UNDECLARED_PREFIX = re.compile(r"Namespace prefix (\S+) (?:for \S+ )?on \S+ is not defined")
_PREMATURE_END = re.compile(r"Premature end of data in tag (\S+)")
_NAME = re.compile(rb"[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_WHITESPACE = b" \t\r\n"

T = TypeVar("T")
XmlEvents = Iterator[tuple[str, Any]]


@dataclass(frozen=True)
class XmlDocument:
    """Bytes ready for libxml2, where the root element starts, and the repairs made so far."""

    data: bytes
    root_start: int  # offset of the '<' of the root element
    root_name: str  # qualified name as written, e.g. "gpx" or "tcx:TrainingCenterDatabase"
    repairs: tuple[str, ...] = ()

    @property
    def root_local_name(self) -> str:
        return self.root_name.rpartition(":")[2]


def inspect_xml(data: bytes) -> XmlDocument | None:
    """The document's root element and prolog checks, or None when the bytes are not XML markup.

    Raises ActivityFileError for an XML document that declares entities or is too large.
    """
    repairs: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith(_UTF16_BOMS):
        data = _utf16_to_utf8(data)
    start = 0
    while start < len(data) and data[start] in _WHITESPACE:  # no copy of the whole file
        start += 1
    if start >= len(data) or data[start : start + 1] != b"<":
        return None
    if start:
        data = data[start:]
        if data.startswith(b"<?xml"):
            repairs.append("repaired: removed whitespace before the XML declaration")
    root_start, root_name = _scan_prolog(data)
    if root_name is None:
        return None
    if len(data) > MAX_XML_BYTES:
        raise ActivityFileError(
            f"XML file is larger than the {MAX_XML_BYTES // (1024 * 1024)} MiB limit"
        )
    return XmlDocument(data, root_start, root_name, tuple(repairs))


@dataclass(frozen=True)
class Outline:
    """Which elements a reader wants (`tags`), where they can be (inside `containers`), and
    which are points (`points`), all local names in any namespace.

    Events ("end", element) come in document order at each element's end, as iterparse gives
    them. On a whole document only the container elements are walked, so the thousands of points
    inside a track are never visited one by one: the reader takes them from their container.
    Streaming, each point also comes as ("point", element), and is freed as soon as the reader
    moves on, so memory stays flat however long the track; its container then arrives empty.
    """

    tags: frozenset[str]
    containers: frozenset[str]
    points: frozenset[str] = frozenset()


def parse_with_repairs(
    document: XmlDocument,
    kind: str,
    outline: Outline,
    consume: Callable[[XmlEvents], T],
) -> tuple[T, tuple[str, ...]]:
    """Run `consume` over the document's end events for the outline; returns its result and repairs.

    `kind` ("GPX", "TCX") starts every error message. On an undeclared namespace prefix the
    prefix is declared on the root element and the whole document is read again from the start,
    so `consume` must keep no state between calls.
    """
    repairs = list(document.repairs)
    declared: set[str] = set()
    while True:
        try:
            return consume(_end_events(document.data, outline)), tuple(repairs)
        except etree.XMLSyntaxError as error:
            prefix = _undeclared_prefix(error)
            if prefix is None or prefix in declared:
                raise ActivityFileError(describe_xml_error(error, kind, document.data)) from None
            if len(declared) == MAX_REPAIRS:
                raise ActivityFileError(
                    f"{kind} file uses too many undeclared XML namespace prefixes"
                ) from None
            declared.add(prefix)
            document = _declare_prefix(document, prefix)
            repairs.append(f"repaired: declared the XML namespace prefix '{prefix}' the file uses")


def describe_xml_error(error: etree.XMLSyntaxError, kind: str, data: bytes) -> str:
    """One line saying what is wrong with the document, for a person who has the file."""
    message = " ".join(str(error.msg or error).split())
    line, column = error.position if error.position else (0, 0)
    premature = _PREMATURE_END.search(message)
    if premature or message == "no element found" or _at_end(data, line, column):
        inside = f" inside <{premature.group(1)}>" if premature else ""
        return f"{kind} file is truncated: the XML ends{inside} before the document is complete"
    if "Invalid bytes in character encoding" in message or "not proper UTF-8" in message:
        return (
            f"{kind} file is not valid UTF-8 text (line {line}, column {column}) "
            "and declares no other encoding"
        )
    return f"{kind} file is not well-formed XML: {message}"


def clear_element(element: Any) -> None:
    """Free an element the caller has read, and the siblings read before it."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _end_events(data: bytes, outline: Outline) -> XmlEvents:
    if len(data) <= WHOLE_DOCUMENT_MAX_BYTES:
        root = etree.fromstring(data, etree.XMLParser(**_SAFE_PARSER_OPTIONS))
        return _walk(root, outline)
    return _stream(data, outline)


def _stream(data: bytes, outline: Outline) -> XmlEvents:
    tags = tuple(f"{{*}}{tag}" for tag in sorted(outline.tags | outline.points))
    events = etree.iterparse(io.BytesIO(data), events=("end",), tag=tags, **_SAFE_PARSER_OPTIONS)
    for _, element in events:
        if element.tag.rpartition("}")[2] in outline.points:
            yield "point", element
            clear_element(element)  # the reader is done with it and with those before it
        else:
            yield "end", element


def _walk(element: Any, outline: Outline) -> XmlEvents:
    """End events for the outline's tags below `element`, descending into containers only."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        local = tag.rpartition("}")[2]
        if local in outline.containers:
            yield from _walk(child, outline)
        if local in outline.tags:
            yield "end", child


def _scan_prolog(data: bytes) -> tuple[int, str | None]:
    """Offset and name of the root element, skipping declaration, comments, PIs and DOCTYPE."""
    position = 0
    limit = min(len(data), MAX_PROLOG_BYTES)
    while position < limit:
        while position < limit and data[position] in _WHITESPACE:
            position += 1
        if data.startswith(b"<?", position):
            position = _after(data, b"?>", position)
        elif data.startswith(b"<!--", position):
            position = _after(data, b"-->", position)
        elif data.startswith(b"<!DOCTYPE", position):
            position = _after_doctype(data, position)
        elif data.startswith(b"<", position):
            name = _NAME.match(data, position + 1)
            if name is None:
                return position, None
            # Checked over the whole prolog, not only the DOCTYPE as parsed above, so no quoting
            # trick inside the internal subset can hide a declaration.
            if b"<!ENTITY" in data[:position]:
                raise ActivityFileError("XML entity declarations are not allowed")
            return position, name.group().decode("ascii")
        else:
            return position, None
    if len(data) > MAX_PROLOG_BYTES:
        raise ActivityFileError("XML prolog is too long: no root element in the first 64 KiB")
    return position, None


def _after(data: bytes, terminator: bytes, position: int) -> int:
    end = data.find(terminator, position)
    return len(data) if end < 0 else end + len(terminator)


def _after_doctype(data: bytes, position: int) -> int:
    """Skip a DOCTYPE, including an internal subset in brackets (quotes inside it respected)."""
    quote = 0
    in_subset = False
    end = min(len(data), position + MAX_PROLOG_BYTES)
    for index in range(position + len(b"<!DOCTYPE"), end):
        byte = data[index]
        if quote:
            if byte == quote:
                quote = 0
        elif byte in b"\"'":
            quote = byte
        elif byte == ord("["):
            in_subset = True
        elif byte == ord("]"):
            in_subset = False
        elif byte == ord(">") and not in_subset:
            return index + 1
    return len(data)


def _undeclared_prefix(error: etree.XMLSyntaxError) -> str | None:
    match = _UNDECLARED_PREFIX.search(str(error.msg or error))
    return match.group(1) if match else None


def _declare_prefix(document: XmlDocument, prefix: str) -> XmlDocument:
    uri = _KNOWN_PREFIXES.get(prefix, f"urn:stridewell:undeclared:{prefix}")
    insert_at = document.root_start + 1 + len(document.root_name)
    declaration = f' xmlns:{prefix}="{uri}"'.encode()
    data = document.data[:insert_at] + declaration + document.data[insert_at:]
    return XmlDocument(data, document.root_start, document.root_name, document.repairs)


def _at_end(data: bytes, line: int, column: int) -> bool:
    """Whether libxml2 stopped at the very end of the bytes (the file was cut short)."""
    if line <= 0:
        return False
    stripped = data.rstrip(_WHITESPACE)
    last_line_start = stripped.rfind(b"\n") + 1
    return line == stripped.count(b"\n") + 1 and column >= len(stripped) - last_line_start


def _utf16_to_utf8(data: bytes) -> bytes:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as error:
        raise ActivityFileError(f"XML file is not valid UTF-16 text: {error.reason}") from None
    # The declaration would still say UTF-16; drop its encoding now that the bytes are UTF-8.
    text = re.sub(r"^(\s*<\?xml[^>]*?)\s+encoding=[\"'][^\"']*[\"']", r"\1", text, count=1)
    return text.encode("utf-8")
