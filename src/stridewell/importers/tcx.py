"""Garmin Training Center (TCX) activities.

Each <Activity> becomes one activity (a multisport session gives several), with its laps and the
trackpoints of all its laps' tracks. The start is the first timestamped trackpoint (else the
first lap's StartTime, else the activity's Id) and elapsed time runs to the last timestamped
trackpoint (else to the end of the last lap). The device's cumulative DistanceMeters becomes the
distance stream; `activity_metrics.derive` takes the total from it, or from positions when the
device wrote none. Running cadence comes from <Cadence> or the TPX RunCadence extension; speed
and power from the TPX Speed and Watts extensions.

Courses (planned routes) and workouts hold no activity (NoActivityInFile).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy as np

from stridewell.domain.activities import (
    Activity,
    ActivityFileError,
    FloatArray,
    Lap,
    NoActivityInFile,
    Streams,
)
from stridewell.importers.sports import GENERIC, sport_from_label
from stridewell.importers.xml_columns import (
    PointColumns,
    float_column,
    parse_timestamp,
    rows_to_columns,
    time_axis,
)
from stridewell.importers.xml_safety import (
    Outline,
    XmlDocument,
    inspect_xml,
    parse_with_repairs,
)

KIND = "TCX"
TCX_ROOTS = frozenset({"TrainingCenterDatabase", "Activities"})
_OUTLINE = Outline(
    tags=frozenset({"Track", "Lap", "Activity", "Course"}),
    points=frozenset({"Trackpoint"}),
    containers=frozenset(
        {
            "Activities",
            "Activity",
            "MultiSportSession",
            "FirstSport",
            "NextSport",
            "Lap",
            "Courses",
            "Course",
        }
    ),
)
_NUMERIC_FIELDS = {
    "lat": "lat",
    "lon": "lon",
    "altitude": "altitude",
    "distance": "distance",
    "hr": "hr",
    "speed": "speed",
    "power": "power",
}


@lru_cache(maxsize=16)  # namespaces come from the files: keep the cache small
def _columns_for(namespace: str) -> PointColumns:
    return PointColumns(
        namespace,
        "Trackpoint",
        {
            "Time": "time",
            "LatitudeDegrees": "lat",
            "LongitudeDegrees": "lon",
            "AltitudeMeters": "altitude",
            "DistanceMeters": "distance",
            "Value": "hr",  # inside HeartRateBpm
            "Cadence": "cadence",
        },
        # Garmin's ActivityExtension <TPX>, under whatever prefix the file gave it.
        extension_fields={"Speed": "speed", "RunCadence": "run_cadence", "Watts": "power"},
    )


@dataclass
class _ActivityReading:
    tracks: list[tuple[int, dict[str, list[str]]]] = field(default_factory=list)
    laps: list[Lap] = field(default_factory=list)


@dataclass
class _Reading:
    activities: list[Activity] = field(default_factory=list)
    current: _ActivityReading = field(default_factory=_ActivityReading)
    courses: int = 0


def parse_tcx(data: bytes) -> list[Activity]:
    """The activities in a TCX document, in document order.

    Raises ActivityFileError (one line) for a broken or hostile file and NoActivityInFile for a
    valid file without a recorded activity.
    """
    document = inspect_xml(data)
    if document is None or document.root_local_name not in TCX_ROOTS:
        raise ActivityFileError(_not_tcx(document))
    reading, repairs = parse_with_repairs(document, KIND, _OUTLINE, _read)
    if not reading.activities:
        if reading.courses:
            raise NoActivityInFile("TCX file holds courses (planned routes) but no activity")
        raise NoActivityInFile("TCX file holds no activity")
    return [replace(activity, notes=activity.notes + repairs) for activity in reading.activities]


def _read(events: Iterator[tuple[str, Any]]) -> _Reading:
    reading = _Reading()
    streamed: list[dict[str, str]] = []  # points of the track being streamed
    for event, element in events:
        if event == "point":
            streamed.append(_columns_for(_namespace(element.tag)).read_point(element))
            continue
        local = element.tag.rpartition("}")[2]
        if local == "Track":
            parent = element.getparent()
            if streamed:
                n, columns = rows_to_columns(streamed)
                streamed = []
            else:
                n, columns = _columns_for(_namespace(element.tag)).read(element)
            if n and parent is not None and parent.tag.rpartition("}")[2] == "Lap":
                reading.current.tracks.append((n, columns))
            element.clear()
        elif local == "Lap":
            lap = _lap(element)
            if lap is not None:
                reading.current.laps.append(lap)
            element.clear()
        elif local == "Activity":
            activity = _activity(element, reading.current)
            if activity is not None:
                reading.activities.append(activity)
            reading.current = _ActivityReading()
            element.clear()
        else:  # Course
            reading.courses += 1
            element.clear()
    return reading


def _lap(element: Any) -> Lap | None:
    start = parse_timestamp(element.get("StartTime"), KIND)
    if start is None:
        return None
    values: dict[str, float] = {}
    for child in element:
        local = child.tag.rpartition("}")[2] if isinstance(child.tag, str) else ""
        if local in ("TotalTimeSeconds", "DistanceMeters"):
            values[local] = _number(child.text, local)
        elif local in ("AverageHeartRateBpm", "MaximumHeartRateBpm") and len(child):
            values[local] = _number(child[0].text, local)
    elapsed_s = values.get("TotalTimeSeconds")
    if elapsed_s is None or not np.isfinite(elapsed_s):
        return None
    return Lap(
        start_utc=start,
        elapsed_s=elapsed_s,
        distance_m=_finite(values.get("DistanceMeters")),
        avg_hr=_finite(values.get("AverageHeartRateBpm")),
        max_hr=_finite(values.get("MaximumHeartRateBpm")),
    )


def _activity(element: Any, reading: _ActivityReading) -> Activity | None:
    labels = {
        child.tag.rpartition("}")[2]: child for child in element if isinstance(child.tag, str)
    }
    n = sum(count for count, _ in reading.tracks)
    texts = _concatenate(reading.tracks)
    axis = time_axis(texts.pop("time", [""] * n), KIND) if n else None
    laps = tuple(reading.laps)
    if axis is not None:
        start_utc, elapsed_s, tz_offset_s = axis.start_utc, axis.elapsed_s, axis.tz_offset_s
    elif laps:
        start_utc = laps[0].start_utc
        elapsed_s = (laps[-1].start_utc - start_utc).total_seconds() + laps[-1].elapsed_s
        tz_offset_s = None
    else:
        identifier = labels.get("Id")
        start = parse_timestamp(identifier.text if identifier is not None else None, KIND)
        if n == 0:
            return None  # an empty <Activity>: nothing recorded
        if start is None:
            raise ActivityFileError("TCX activity has trackpoints but no time to place them")
        start_utc, elapsed_s, tz_offset_s = start, 0.0, None
    streams: dict[str, FloatArray] = {}
    if axis is not None:
        streams["t"] = axis.t_s
    for source, column in _NUMERIC_FIELDS.items():
        if source in texts:
            streams[column] = float_column(texts[source], source, KIND)
    cadence = _cadence(texts)
    if cadence is not None:
        streams["cadence"] = cadence
    if n and "t" not in streams:
        streams["t"] = np.full(n, np.nan)
    sport, sub_sport = sport_from_label(element.get("Sport")) or (GENERIC, None)
    return Activity(
        source_kind="tcx",
        sport=sport,
        sub_sport=sub_sport,
        start_utc=start_utc,
        tz_offset_s=tz_offset_s,
        elapsed_s=max(0.0, elapsed_s),
        description=_text(labels.get("Notes")),
        device=_creator(labels.get("Creator")),
        streams=Streams(streams),
        laps=laps,
    )


def _cadence(texts: dict[str, list[str]]) -> FloatArray | None:
    """<Cadence> where written, else the RunCadence extension (Garmin writes one or the other)."""
    cadence = float_column(texts["cadence"], "Cadence", KIND) if "cadence" in texts else None
    run = float_column(texts["run_cadence"], "RunCadence", KIND) if "run_cadence" in texts else None
    if cadence is None:
        return run
    if run is not None:
        cadence = np.where(np.isfinite(cadence), cadence, run)
    return cadence


def _concatenate(tracks: list[tuple[int, dict[str, list[str]]]]) -> dict[str, list[str]]:
    """Per field, one text per point across all tracks ('' where a track lacks the field)."""
    if len(tracks) == 1:
        return dict(tracks[0][1])
    names = {name for _, columns in tracks for name in columns}
    texts: dict[str, list[str]] = {}
    for name in names:
        joined: list[str] = []
        for count, columns in tracks:
            joined.extend(columns.get(name) or [""] * count)
        texts[name] = joined
    return texts


def _namespace(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


def _creator(element: Any) -> str | None:
    if element is None:
        return None
    for child in element:
        if isinstance(child.tag, str) and child.tag.rpartition("}")[2] == "Name":
            return _text(child)
    return None


def _text(element: Any) -> str | None:
    if element is None:
        return None
    text = (element.text or "").strip()
    return text or None


def _number(text: str | None, name: str) -> float:
    return float(float_column([text or ""], name, KIND)[0])


def _finite(value: float | None) -> float | None:
    return value if value is not None and np.isfinite(value) else None


def _not_tcx(document: XmlDocument | None) -> str:
    if document is None:
        return "not a TCX file: the content is not XML"
    return (
        f"not a TCX file: the root element is <{document.root_name}>, not <TrainingCenterDatabase>"
    )
