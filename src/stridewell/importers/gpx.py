"""GPX 1.0 and 1.1 tracks as activities.

One file gives one activity: its tracks and their segments in document order. Recording apps
write one track per activity; files with several (GPSBabel's "ACTIVE LOG #2", "#3" …) are one
outing split by power cycles, some of them without timestamps, which could not stand alone.
The start is the first timestamped point, elapsed time runs to the last one (in document order),
and distance is summed per segment (no straight line across the gap between two segments).

Heart rate, cadence, power and speed come from the extensions under any prefix: Garmin's
TrackPointExtension (gpxtpx:, ns3:), Strava's plain and `gpxdata:` elements, Cluetrust gpxdata.

A file with routes or waypoints but no track, or a track without a single timestamp (a route
drawn on a map, not a recording), holds no activity (NoActivityInFile).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from stridewell.domain.activities import (
    Activity,
    ActivityFileError,
    FloatArray,
    NoActivityInFile,
    Streams,
)
from stridewell.domain.geo import cumulative_distance_m
from stridewell.importers.sports import GENERIC, sport_from_label
from stridewell.importers.xml_columns import (
    PointColumns,
    float_column,
    rows_to_columns,
    time_axis,
)
from stridewell.importers.xml_safety import (
    Outline,
    XmlDocument,
    inspect_xml,
    parse_with_repairs,
)

KIND = "GPX"
_OUTLINE = Outline(
    tags=frozenset({"trkseg", "trk", "metadata", "rte", "wpt"}),
    containers=frozenset({"trk"}),
    points=frozenset({"trkpt"}),
)
# Extension element local names (any namespace) and the column each feeds.
_EXTENSION_FIELDS = {
    "hr": "hr",
    "heartrate": "hr",
    "cad": "cadence",
    "cadence": "cadence",
    "power": "power",
    "PowerInWatts": "power",
    "watts": "power",
    "speed": "speed",
}
_NUMERIC_FIELDS = {
    "lat": "lat",
    "lon": "lon",
    "ele": "altitude",
    "hr": "hr",
    "cadence": "cadence",
    "power": "power",
    "speed": "speed",
}


@lru_cache(maxsize=16)  # namespaces come from the files: keep the cache small
def _columns_for(namespace: str) -> PointColumns:
    return PointColumns(
        namespace,
        "trkpt",
        {"time": "time", "ele": "ele"},
        extension_fields=_EXTENSION_FIELDS,
        attributes=("lat", "lon"),
    )


@dataclass
class _Reading:
    """What one pass over the document collected."""

    segment_starts: list[int] = field(default_factory=list)
    columns: list[tuple[int, dict[str, list[str]]]] = field(default_factory=list)
    # Labels of tracks first, then of the file's metadata (the fallback).
    names: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    metadata_names: list[str] = field(default_factory=list)
    metadata_descriptions: list[str] = field(default_factory=list)
    creator: str | None = None
    routes_or_waypoints: int = 0

    @property
    def point_count(self) -> int:
        return sum(n for n, _ in self.columns)


def parse_gpx(data: bytes) -> list[Activity]:
    """The activity recorded in a GPX document (a list of one, for symmetry with FIT and TCX).

    Raises ActivityFileError (one line) for a broken or hostile file and NoActivityInFile for a
    valid file without a recording.
    """
    document = inspect_xml(data)
    if document is None or document.root_local_name != "gpx":
        raise ActivityFileError(_not_gpx(document))
    reading, repairs = parse_with_repairs(document, KIND, _OUTLINE, _read)
    return [_activity(reading, repairs)]


def _read(events: Iterator[tuple[str, Any]]) -> _Reading:
    reading = _Reading()
    streamed: list[dict[str, str]] = []  # points of the segment being streamed
    for event, element in events:
        if event == "point":
            streamed.append(_columns_for(_namespace(element.tag)).read_point(element))
            continue
        local = _local_name(element.tag)
        if local == "trkseg":
            if streamed:
                n, columns = rows_to_columns(streamed)
                streamed = []
            else:
                n, columns = _columns_for(_namespace(element.tag)).read(element)
            if n:
                reading.segment_starts.append(reading.point_count)
                reading.columns.append((n, columns))
            if reading.creator is None:
                reading.creator = element.getroottree().getroot().get("creator")
            element.clear()
        elif local == "trk":
            _read_labels(element, reading, of_track=True)
            element.clear()
        elif local == "metadata":
            _read_labels(element, reading, of_track=False)
            element.clear()
        else:  # rte, wpt
            reading.routes_or_waypoints += 1
            element.clear()
    return reading


def _read_labels(element: Any, reading: _Reading, *, of_track: bool) -> None:
    for child in element:
        local = _local_name(child.tag)
        text = (child.text or "").strip()
        if not text:
            continue
        if local == "name":
            (reading.names if of_track else reading.metadata_names).append(text)
        elif local == "desc":
            (reading.descriptions if of_track else reading.metadata_descriptions).append(text)
        elif local == "type" and of_track:
            reading.types.append(text)


def _activity(reading: _Reading, repairs: tuple[str, ...]) -> Activity:
    n = reading.point_count
    if n == 0:
        if reading.routes_or_waypoints:
            raise NoActivityInFile("GPX file holds routes or waypoints but no recorded track")
        raise NoActivityInFile("GPX file holds no track points")
    texts = _concatenate(reading)
    axis = time_axis(texts.pop("time", [""] * n), KIND)
    if axis is None:
        raise NoActivityInFile(
            "GPX track has no timestamps: a route drawn on a map, not a recorded activity"
        )
    streams: dict[str, FloatArray] = {"t": axis.t_s}
    for source, column in _NUMERIC_FIELDS.items():
        if source in texts:
            streams[column] = float_column(texts[source], source, KIND)
    if "lat" in streams and "lon" in streams:
        streams["distance"] = cumulative_distance_m(
            streams["lat"], streams["lon"], reading.segment_starts
        )
    sport, sub_sport = next(
        (found for found in map(sport_from_label, reading.types) if found), (GENERIC, None)
    )
    return Activity(
        source_kind="gpx",
        sport=sport,
        sub_sport=sub_sport,
        start_utc=axis.start_utc,
        tz_offset_s=axis.tz_offset_s,
        elapsed_s=axis.elapsed_s,
        name=_first(reading.names + reading.metadata_names),
        description=_first(reading.descriptions + reading.metadata_descriptions),
        device=reading.creator,
        streams=Streams(streams),
        notes=repairs,
    )


def _concatenate(reading: _Reading) -> dict[str, list[str]]:
    """Per field, one text per point across all segments ('' where a segment lacks the field)."""
    if len(reading.columns) == 1:
        return reading.columns[0][1]
    names = {name for _, columns in reading.columns for name in columns}
    texts: dict[str, list[str]] = {}
    for name in names:
        joined: list[str] = []
        for count, columns in reading.columns:
            joined.extend(columns.get(name) or [""] * count)
        texts[name] = joined
    return texts


def _first(texts: list[str]) -> str | None:
    return texts[0] if texts else None


def _not_gpx(document: XmlDocument | None) -> str:
    if document is None:
        return "not a GPX file: the content is not XML"
    return f"not a GPX file: the root element is <{document.root_name}>, not <gpx>"


def _namespace(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


def _local_name(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""
