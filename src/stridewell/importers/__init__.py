"""Activity files to domain Activities: FIT, GPX, TCX, gzip, zip and Strava bulk exports.

The import path for a service::

    for item in iter_import_items(paths):
        try:
            parsed = parse_item(item)          # ActivityFileError / NoActivityInFile
        except ...
        activities = [derive(a, max_hr) for a in parsed.activities]   # domain.activity_metrics

Parsing stops at what the file holds; `stridewell.domain.activity_metrics.derive` fills distance,
moving time, ascent, heart-rate zones and best efforts afterwards (it needs the athlete's max HR).
"""

from stridewell.importers.containers import is_activity_name, iter_import_items
from stridewell.importers.detect import parse_bytes, parse_item
from stridewell.importers.gpx import parse_gpx
from stridewell.importers.items import (
    ActivityMetadata,
    ImportItem,
    ParsedItem,
    close_archives,
    content_sha256,
)
from stridewell.importers.strava_export import StravaExport, read_strava_export
from stridewell.importers.tcx import parse_tcx

__all__ = [
    "ActivityMetadata",
    "ImportItem",
    "ParsedItem",
    "StravaExport",
    "close_archives",
    "content_sha256",
    "is_activity_name",
    "iter_import_items",
    "parse_bytes",
    "parse_gpx",
    "parse_item",
    "parse_tcx",
    "read_strava_export",
]
