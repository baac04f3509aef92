"""One athlete's data as a zip file they can keep: every table of theirs as CSV, and on request
each activity's samples (time, distance, heart rate…) as a CSV file of its own.

The CSV tables are those of `stridewell export csv --athlete ID` (services.exports.csv_tables),
so the two never disagree. Samples come from the stored stream blobs (store/streams.py),
written column by column in the units of domain.activities.STREAM_COLUMNS; a sample a device
did not record is an empty cell. The archive is written to a binary file object as it goes, so
ten years of samples never sit in memory at once.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import IO

import numpy as np
from sqlalchemy.orm import Session

from stridewell import __version__
from stridewell.domain.activities import STREAM_COLUMNS, Streams
from stridewell.services.exports import csv_tables
from stridewell.store.repositories.activities import ActivityRepository

SAMPLES_FOLDER = "samples"
# Units of the sample columns (domain.activities.STREAM_COLUMNS), for the archive's README.
SAMPLE_UNITS = {
    "t": "seconds since the activity's start",
    "distance": "metres from the start",
    "speed": "metres per second",
    "hr": "heart rate, beats per minute",
    "cadence": "steps (running) or revolutions (cycling) per minute",
    "altitude": "metres",
    "lat": "latitude, degrees",
    "lon": "longitude, degrees",
    "power": "watts",
}


@dataclass(frozen=True)
class ArchiveSummary:
    files: int  # CSV files written, README not counted
    rows: int  # rows over all the tables
    sample_files: int  # activities with samples written (0 without samples)


def write_athlete_archive(
    session: Session,
    athlete_id: int,
    out: IO[bytes],
    exported_utc: datetime,
    *,
    samples: bool = False,
) -> ArchiveSummary:
    """Write the athlete's zip to `out` (NotFoundError for an unknown athlete)."""
    tables = csv_tables(session, athlete_id)
    sample_files = 0
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        archive.writestr("README.txt", _readme(exported_utc, samples))
        for table in tables:
            archive.writestr(f"{table.name}.csv", table.text().encode("utf-8"))
        if samples:
            for activity_id, streams in ActivityRepository(session).athlete_streams(athlete_id):
                if not len(streams):
                    continue
                name = f"{SAMPLES_FOLDER}/activity-{activity_id}.csv"
                # Level 1: samples are most of the archive, and on 400 activities of the web
                # benchmark's archive level 6 took 3.7 times as long for files 14 % smaller.
                archive.writestr(name, samples_csv(streams), compresslevel=1)
                sample_files += 1
    return ArchiveSummary(
        files=len(tables),
        rows=sum(len(table.rows) for table in tables),
        sample_files=sample_files,
    )


def athlete_slug(name: str, athlete_id: int | None) -> str:
    """`maren-holt` for Maren Holt: only letters, digits and dashes, safe in a file name and
    a header."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or f"athlete-{athlete_id}"


def samples_csv(streams: Streams) -> bytes:
    """The streams as CSV: a header of column names (the known ones in STREAM_COLUMNS order,
    then developer fields by name), one row per sample, empty cells for missing samples.
    A column of whole numbers is written without decimals; any other number in the shortest
    form that reads back to the same float."""
    names = [name for name in STREAM_COLUMNS if name in streams.columns]
    names += sorted(name for name in streams.columns if name not in STREAM_COLUMNS)
    cells = [_column_text(streams.columns[name]) for name in names]
    lines = [",".join(_quoted(name) for name in names)]
    lines.extend(",".join(row) for row in zip(*cells, strict=True))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _column_text(column: np.ndarray) -> list[str]:
    values = column.astype(np.float64)
    missing = np.isnan(values)
    known = values[~missing]
    # Heart rate, cadence, power and time are whole numbers in most files: written as such.
    if np.array_equal(known, np.trunc(known)) and not np.any(np.abs(known) >= 2**53):
        text = list(map(str, np.where(missing, 0, values).astype(np.int64).tolist()))
    else:
        # repr of a Python float is its shortest text that reads back to the same float.
        text = list(map(repr, values.tolist()))
    if missing.any():
        for index in np.flatnonzero(missing).tolist():
            text[index] = ""
    return text


def _quoted(name: str) -> str:
    if any(mark in name for mark in ',"\r\n'):
        return '"' + name.replace('"', '""') + '"'
    return name


def _readme(exported_utc: datetime, samples: bool) -> str:
    units = "\n".join(f"  {name:9} {unit}" for name, unit in SAMPLE_UNITS.items())
    sample_part = (
        f"{SAMPLES_FOLDER}/activity-<id>.csv holds each imported activity's samples, one row per\n"
        "sample; <id> is the id column of activities.csv. Columns, where the device recorded\n"
        f"them:\n{units}\n"
        'Fields a device added of its own are named "dev:<field>". An empty cell is a sample\n'
        "the device did not record.\n"
        if samples
        else "The samples of each activity (second-by-second time, distance, heart rate…) are\n"
        "not in this archive: download it again with samples included to have them.\n"
    )
    return (
        f"Your Stridewell data, exported {exported_utc.isoformat()} by Stridewell {__version__}.\n"
        "\n"
        "One CSV file per kind of record (UTF-8, comma-separated, a header row): the same files\n"
        "as `stridewell export csv --athlete ID`. Dates and times are ISO 8601, times in UTC.\n"
        "A column's unit ends its name: _m metres, _km kilometres, _s seconds, _min minutes,\n"
        "_kg kilograms. An empty cell is no value; columns holding several values (heart-rate\n"
        "zones, notes) are JSON text.\n"
        "\n"
        f"{sample_part}"
    ).replace("\n", "\r\n")
