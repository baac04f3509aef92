"""Which format a file is in, decided by its content (the name only sharpens error messages).

FIT carries ".FIT" at byte 8 of its header; GPX and TCX are told apart by their root element;
gzip is unwrapped first. Anything else fails with one line saying what it looks like instead.
"""

from __future__ import annotations

from stridewell.domain.activities import Activity, ActivityFileError
from stridewell.importers.archives import GZIP_MAGIC, gunzip
from stridewell.importers.gpx import parse_gpx
from stridewell.importers.items import ImportItem, ParsedItem, content_sha256
from stridewell.importers.strava_export import metadata_over
from stridewell.importers.tcx import TCX_ROOTS, parse_tcx
from stridewell.importers.xml_safety import inspect_xml

FIT_SIGNATURE = b".FIT"
# Formats people mistake for activity files, by their first bytes.
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (import the .zip file itself)"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def parse_bytes(name: str, data: bytes) -> list[Activity]:
    """The activities in one file's content. `name` is used only in messages.

    Raises ActivityFileError for a file that cannot be read as an activity and NoActivityInFile
    for a valid file that holds none.
    """
    if not data:
        raise ActivityFileError("empty file")
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data)
        if not data:
            raise ActivityFileError("empty file (inside its gzip wrapping)")
    if len(data) >= 12 and data[8:12] == FIT_SIGNATURE:
        from stridewell.importers.fit import fit_to_activities  # the FIT decoder is its own package

        return fit_to_activities(data)
    document = inspect_xml(data)
    if document is not None:
        root = document.root_local_name
        if root == "gpx":
            return parse_gpx(data)
        if root in TCX_ROOTS:
            return parse_tcx(data)
        raise ActivityFileError(
            f"unrecognised file format: an XML document with root <{document.root_name}>, "
            "neither GPX nor TCX"
        )
    raise ActivityFileError(f"unrecognised file format: {_describe(name, data)}")


def parse_item(item: ImportItem) -> ParsedItem:
    """Read and parse one import item, laying an export's metadata over its activities."""
    if item.listed is not None:
        key = item.listed_key or item.path
        return ParsedItem(item.path, content_sha256(key.encode()), (item.listed,))
    data = item.read()
    activities = parse_bytes(item.path, data)
    if item.metadata is not None:
        activities = [metadata_over(activity, item.metadata) for activity in activities]
    return ParsedItem(item.path, content_sha256(data), tuple(activities))


def _describe(name: str, data: bytes) -> str:
    """What the bytes look like, for a file that is none of FIT, GPX and TCX."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    named = f" (named .{suffix})" if suffix in ("fit", "gpx", "tcx", "gz") else ""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            return f"{what}{named}, not a FIT, GPX or TCX file"
    if not data.strip():
        return f"the file holds only whitespace{named}"
    if suffix == "fit" and len(data) >= 12:
        return "the FIT header lacks its '.FIT' signature at byte 8"
    head = data[:4096]
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not merely a character cut at the 4 KiB boundary
            return f"binary data that is not UTF-8 text{named}, not a FIT, GPX or TCX file"
    return f"text that is not XML{named}, not a FIT, GPX or TCX file"
