"""A Strava bulk export (a zip, or the folder it unpacks to): activities.csv joined to its files.

Each row of activities.csv names the activity's file under `activities/` (FIT, GPX or TCX, often
gzipped). The row's name, description, type, perceived exertion and gear are laid over what the
file holds (the runner typed them, so they win over the device's defaults). Rows:

- with a file that is there: an item to import, carrying the row's metadata;
- without a file (manual entries such as a gym session): an activity built from the row alone
  (source "csv": date, elapsed and moving time, distance, max HR, elevation gain);
- with a file that is missing: a failure naming the file, and no activity. Creating the row's
  activity anyway would leave a duplicate behind once the runner re-imports a complete export,
  since the file's content, not the row, identifies an activity.

Files under activities/ that no row names are imported as they are. Everything else in an export
(media, routes, profile, other CSVs) is not activity data and is left alone.

Strava's CSV repeats some column names: the first "Elapsed Time" and "Distance" are a summary
(seconds; km), the later ones the full values (seconds; metres). Dates are UTC.
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from stridewell.domain.activities import Activity, ActivityFileError
from stridewell.importers.archives import check_member_name, list_zip, open_zip, read_member
from stridewell.importers.items import ActivityMetadata, ImportItem
from stridewell.importers.sports import sport_from_label

ACTIVITIES_CSV = "activities.csv"
ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz")
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_ENGLISH_DATE = re.compile(
    r"^([A-Za-z]{3})[a-z]*\.? (\d{1,2}), (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))? ?([AaPp][Mm])?$"
)
_GROUPED_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")


@dataclass(frozen=True)
class StravaRow:
    """One row of activities.csv, read."""

    line: int
    activity_id: str
    start_utc: datetime | None
    filename: str | None  # relative to the export's root, e.g. "activities/123.fit.gz"
    metadata: ActivityMetadata
    elapsed_s: float | None = None
    moving_s: float | None = None
    distance_m: float | None = None
    max_hr: float | None = None
    ascent_m: float | None = None


@dataclass(frozen=True)
class StravaExport:
    """What an export holds, as items to import (see the module docstring)."""

    files: tuple[ImportItem, ...]  # activity files, with their rows' metadata where listed
    csv_only: tuple[ImportItem, ...]  # activities listed without a file
    problems: tuple[ImportItem, ...]  # rows whose file is missing or unusable (error set)

    def items(self) -> tuple[ImportItem, ...]:
        return self.files + self.csv_only + self.problems


def read_strava_export(root: Path, display: str | None = None) -> StravaExport:
    """Read the export at `root`: a folder holding activities.csv, or a zip (activities.csv at
    its top or inside one top folder). `display` names it in item paths (default: `root`)."""
    shown = display if display is not None else str(root)
    if root.is_dir():
        return _read_folder(root, shown)
    return _read_zip(root, shown)


def find_csv_in_zip(names: Sequence[str]) -> str | None:
    """The activities.csv member of a zip laid out as a Strava export, if any."""
    for name in sorted(names, key=lambda member: member.count("/")):
        if posixpath.basename(name) == ACTIVITIES_CSV and name.count("/") <= 1:
            return name
    return None


def parse_activities_csv(data: bytes) -> list[StravaRow]:
    """The rows of activities.csv; ActivityFileError when it is not a Strava activity list."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ActivityFileError(f"{ACTIVITIES_CSV} is not valid UTF-8 text") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None or "Activity ID" not in header:
        raise ActivityFileError(
            f"{ACTIVITIES_CSV} has no 'Activity ID' column: not a Strava export"
        )
    positions: dict[str, list[int]] = {}
    for position, name in enumerate(header):
        positions.setdefault(name.strip(), []).append(position)
    rows = []
    for line, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        rows.append(_row(line, _Cells(cells, positions)))
    return rows


def metadata_over(activity: Activity, metadata: ActivityMetadata) -> Activity:
    """The activity with the export's labels laid over the file's."""
    return replace(
        activity,
        name=metadata.name or activity.name,
        description=metadata.description or activity.description,
        sport=metadata.sport or activity.sport,
        sub_sport=metadata.sub_sport if metadata.sport else activity.sub_sport,
        rpe=metadata.rpe if metadata.rpe is not None else activity.rpe,
        gear=metadata.gear or activity.gear,
    )


class _Cells:
    """A row's cells by column name; `which` picks among repeated names (0 = first)."""

    def __init__(self, cells: list[str], positions: dict[str, list[int]]) -> None:
        self._cells = cells
        self._positions = positions

    def text(self, name: str, which: int = 0) -> str | None:
        positions = self._positions.get(name, [])
        if which >= len(positions) or positions[which] >= len(self._cells):
            return None
        value = self._cells[positions[which]].strip()
        return value or None

    def number(self, name: str, which: int = 0) -> float | None:
        value = self.text(name, which)
        if value is None:
            return None
        if _GROUPED_NUMBER.match(value):
            value = value.replace(",", "")
        try:
            return float(value)
        except ValueError:
            return None


def _row(line: int, cells: _Cells) -> StravaRow:
    sport = sport_from_label(cells.text("Activity Type"))
    rpe = cells.number("Perceived Exertion")
    distance_km = cells.number("Distance")
    distance_m = cells.number("Distance", 1)
    if distance_m is None and distance_km is not None:
        distance_m = distance_km * 1000.0
    return StravaRow(
        line=line,
        activity_id=cells.text("Activity ID") or f"line-{line}",
        start_utc=_strava_date(cells.text("Activity Date")),
        filename=cells.text("Filename"),
        metadata=ActivityMetadata(
            name=cells.text("Activity Name"),
            description=cells.text("Activity Description"),
            sport=sport[0] if sport else None,
            sub_sport=sport[1] if sport else None,
            rpe=rpe if rpe is not None and 1 <= rpe <= 10 else None,
            gear=cells.text("Activity Gear"),
        ),
        elapsed_s=_first(cells.number("Elapsed Time", 1), cells.number("Elapsed Time")),
        moving_s=cells.number("Moving Time"),
        distance_m=distance_m,
        max_hr=cells.number("Max Heart Rate"),
        ascent_m=cells.number("Elevation Gain"),
    )


def _csv_activity(row: StravaRow) -> Activity:
    if row.start_utc is None:
        raise ActivityFileError(
            f"{ACTIVITIES_CSV} line {row.line}: activity {row.activity_id} has no readable date"
        )
    metadata = row.metadata
    return Activity(
        source_kind="csv",
        sport=metadata.sport or "generic",
        sub_sport=metadata.sub_sport,
        start_utc=row.start_utc,
        elapsed_s=row.elapsed_s,
        moving_s=row.moving_s,
        distance_m=row.distance_m,
        ascent_m=row.ascent_m,
        max_hr=row.max_hr,
        name=metadata.name,
        description=metadata.description,
        rpe=metadata.rpe,
        gear=metadata.gear,
    )


def _strava_date(text: str | None) -> datetime | None:
    if not text:
        return None
    match = _ENGLISH_DATE.match(text)
    if match:
        month = _MONTHS.get(match.group(1).lower())
        if month is None:
            return None
        hour = int(match.group(4))
        meridiem = (match.group(7) or "").lower()
        if meridiem == "pm" and hour != 12:
            hour += 12
        elif meridiem == "am" and hour == 12:
            hour = 0
        try:
            return datetime(
                int(match.group(3)),
                month,
                int(match.group(2)),
                hour,
                int(match.group(5)),
                int(match.group(6) or 0),
                tzinfo=UTC,
            )
        except ValueError:
            return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def _first(*values: float | None) -> float | None:
    return next((value for value in values if value is not None), None)


def _is_activity_file(name: str) -> bool:
    return name.lower().endswith(ACTIVITY_SUFFIXES)


def _join(
    rows: list[StravaRow],
    present: dict[str, ImportItem],
    display_of: Callable[[str], str],
) -> StravaExport:
    """Rows joined to the files present (name relative to the export -> item of that file);
    `display_of` gives the path shown for a name relative to the export."""
    csv_display = display_of(ACTIVITIES_CSV)
    files: list[ImportItem] = []
    csv_only: list[ImportItem] = []
    problems: list[ImportItem] = []
    claimed: set[str] = set()
    for row in rows:
        if row.filename is None:
            try:
                activity = _csv_activity(row)
            except ActivityFileError as error:
                problems.append(ImportItem(f"{csv_display}#{row.activity_id}", error=str(error)))
                continue
            csv_only.append(
                ImportItem(
                    f"{csv_display}#{row.activity_id}",
                    listed=activity,
                    listed_key=f"strava-activity:{row.activity_id}",
                )
            )
            continue
        name = row.filename.replace("\\", "/").removeprefix("./")
        shown = display_of(name)
        try:
            check_member_name(name)
        except ActivityFileError:
            problems.append(
                ImportItem(
                    shown, error=f"{ACTIVITIES_CSV} names a file outside the export: {row.filename}"
                )
            )
            continue
        item = present.get(name)
        if item is None:
            problems.append(
                ImportItem(
                    shown, error=f"{name} listed in {ACTIVITIES_CSV} is missing from the export"
                )
            )
            continue
        claimed.add(name)
        files.append(replace(item, metadata=row.metadata))
    for name, item in sorted(present.items()):
        if name not in claimed:
            files.append(item)
    return StravaExport(tuple(files), tuple(csv_only), tuple(problems))


def _read_folder(root: Path, shown: str) -> StravaExport:
    csv_path = root / ACTIVITIES_CSV
    try:
        rows = parse_activities_csv(csv_path.read_bytes())
    except OSError as error:
        raise ActivityFileError(f"cannot read {csv_path}: {error.strerror or error}") from None
    present = {}
    activities = root / "activities"
    if activities.is_dir():
        for path in sorted(activities.rglob("*")):
            if path.is_file() and _is_activity_file(path.name):
                relative = path.relative_to(root).as_posix()
                present[relative] = ImportItem(str(Path(shown) / relative), source=path)
    return _join(rows, present, lambda name: str(Path(shown) / name))


def _read_zip(path: Path, shown: str) -> StravaExport:
    with open_zip(path, shown) as archive:
        members = list_zip(archive, shown)
        csv_name = find_csv_in_zip([member.name for member in members])
        if csv_name is None:
            raise ActivityFileError(f"{shown} holds no {ACTIVITIES_CSV}: not a Strava export")
        rows = parse_activities_csv(read_member(archive, csv_name))
    top = posixpath.dirname(csv_name)
    present = {}
    for member in members:
        relative = member.name[len(top) + 1 :] if top else member.name
        if relative.startswith("activities/") and _is_activity_file(relative):
            present[relative] = ImportItem(
                f"{shown}!{member.name}", source=path, members=(member.name,)
            )
    return _join(rows, present, lambda name: f"{shown}!{posixpath.join(top, name)}")
