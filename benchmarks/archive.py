"""A synthetic ten-year training archive made from the shared corpus, for the import benchmark.

What a runner brings to `stridewell import` after ten years on a watch is a few thousand files
with distinct content. The corpus holds ~165 files that import as activities; the archive repeats
them, moving each copy to its own day, so every copy is a valid file with its own content hash
(the import would otherwise count the copies as duplicates and skip their work):

* Choice of files. The corpus files that Stridewell imports as activities (it reads each once:
  settings, workouts, broken and truncated files are left out) are taken in a fixed shuffled
  cycle. The archive is held to a pace of `megabytes` per `files` (≈1 GB per 5,000 files, a
  mean of 200 kB against the corpus's 280 kB): a file that would put the archive ahead of that
  pace is passed over for the next one in the cycle, so large files come round less often but
  every corpus file appears.
* Dates. File i is moved to day `end - i * (years * 365.25 / files)` by whole days, so the archive
  runs back ten years from `end`, about 1.4 activities a day.
* GPX and TCX: every ISO 8601 date followed by a time (`2019-09-07T11:22:19Z` in <time>, <Id>,
  StartTime="…") gets the shift added to its date; times of day and everything else are kept.
* FIT: the file is walked once with Stridewell's own record scanner
  (`stridewell.importers.fit.scanner.Scan`) to find every field the FIT profile types as
  `date_time` or `local_date_time` (the `timestamp` of every message, session and lap start
  times, `time_created`, local timestamps …) in every message, with its byte order. Each copy adds
  the shift (a whole number of days, so also a multiple of the 32 s cycle of compressed-timestamp
  headers, which therefore stay right) to those uint32 values, leaving invalid values (0xFFFFFFFF)
  and device-relative times (below 0x10000000) alone, then rewrites the file CRC of each chained
  FIT file with `stridewell.importers.fit.crc.crc16`. A file whose CRC was already wrong keeps its
  wrong CRC (it imports "salvaged" with a note, as the original does). Nothing else changes:
  sizes, definitions, developer fields and the header are the original bytes.
* Checked: every source is shifted by one week, parsed by Stridewell, and must give the same
  activities, samples and distances with starts exactly 7 days later; every file written has a
  distinct SHA-256.
* Optionally the same files as a Strava bulk export (`write_strava_zip`): activities.csv with one
  row per file (id, UTC start, a name, the file's name; no type, so each file keeps its own sport)
  and the files gzipped under activities/, as Strava delivers them.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import random
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import numpy.typing as npt

from stridewell.domain.activities import Activity, ActivityFileError, NoActivityInFile
from stridewell.importers.detect import FIT_SIGNATURE, parse_bytes
from stridewell.importers.fit.crc import crc16
from stridewell.importers.fit.profile import RELATIVE_TIME_LIMIT
from stridewell.importers.fit.scanner import Scan

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FORMATS = ("fit", "gpx", "tcx")
DAY_S = 86_400
INVALID_UINT32 = 0xFFFFFFFF
CHECK_SHIFT_DAYS = 7
SHUFFLE_SEED = 2015
# An ISO 8601 date directly followed by a time of day: the start of every timestamp in GPX/TCX.
_ISO_DATE = re.compile(rb"(?<![0-9])([0-9]{4}-[0-9]{2}-[0-9]{2})(?=T[0-9]{2}:[0-9]{2})")

IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class FitTimes:
    """Where a FIT file keeps its absolute times, and which CRCs to rewrite after moving them."""

    little: IntArray  # byte offsets of little-endian uint32 date_time values
    big: IntArray  # the same for big-endian definitions
    crc_spans: tuple[tuple[int, int], ...]  # [start, stop) of each chained file whose CRC held


@dataclass(frozen=True)
class Source:
    path: Path
    kind: str  # "fit", "gpx" or "tcx"
    data: bytes
    start_utc: datetime  # start of its first activity
    activities: int  # how many activities Stridewell reads from it
    fit: FitTimes | None = None

    @property
    def start(self) -> date:
        return self.start_utc.date()

    def shifted(self, days: int) -> bytes:
        """The file's bytes with every absolute time moved by `days` whole days."""
        if self.fit is not None:
            return shift_fit(self.data, self.fit, days)
        return shift_xml(self.data, days)


@dataclass(frozen=True)
class Entry:
    path: Path
    source: Source
    shift_days: int


@dataclass
class Archive:
    folder: Path
    files: int = 0
    bytes: int = 0
    activities: int = 0
    by_format: Counter[str] = field(default_factory=Counter)
    sources: int = 0
    first: date | None = None
    last: date | None = None
    entries: list[Entry] = field(default_factory=list)

    @property
    def megabytes(self) -> float:
        return self.bytes / 1e6


def fit_times(data: bytes) -> FitTimes:
    """Offsets of every date_time field in a FIT byte string (chained files included)."""
    scan = Scan(data)
    spans: list[tuple[int, int]] = []
    pos = 0
    while pos < len(data):
        if spans and not data[pos:].strip(b"\0"):
            break  # zero padding after the last chained file
        if data[pos + 8 : pos + 12] != FIT_SIGNATURE:
            raise ActivityFileError(f"no FIT header at byte {pos}")
        header_size = data[pos]
        stop = pos + header_size + int.from_bytes(data[pos + 4 : pos + 8], "little")
        scan.scan_file(pos + header_size, stop)
        if crc16(data[pos:stop]) == int.from_bytes(data[stop : stop + 2], "little"):
            spans.append((pos, stop))
        pos = stop + 2
    little: list[IntArray] = []
    big: list[IntArray] = []
    for group in scan.groups.values():
        layout = group.layout
        starts = group.offsets()
        for definition in layout.fields:
            spec = layout.spec.fields.get(definition.num)
            if spec is None or not spec.is_date_time or definition.size != 4:
                continue
            offsets = starts + 1 + definition.offset  # 1: the record header byte
            (big if layout.big_endian else little).append(offsets)
    return FitTimes(_joined(little), _joined(big), tuple(spans))


def _joined(parts: list[IntArray]) -> IntArray:
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)


def shift_fit(data: bytes, times: FitTimes, days: int) -> bytes:
    buffer = np.frombuffer(data, dtype=np.uint8).copy()
    for offsets, order in ((times.little, "<u4"), (times.big, ">u4")):
        if offsets.size == 0:
            continue
        at = offsets[:, None] + np.arange(4)
        values = np.ascontiguousarray(buffer[at]).view(order).ravel().astype(np.int64)
        absolute = (values != INVALID_UINT32) & (values >= RELATIVE_TIME_LIMIT)
        values[absolute] += days * DAY_S
        buffer[at] = values.astype(order).view(np.uint8).reshape(-1, 4)
    for start, stop in times.crc_spans:
        buffer[stop : stop + 2] = np.frombuffer(
            crc16(buffer[start:stop].tobytes()).to_bytes(2, "little"), dtype=np.uint8
        )
    return buffer.tobytes()


def shift_xml(data: bytes, days: int) -> bytes:
    moved: dict[bytes, bytes] = {}

    def replace(match: re.Match[bytes]) -> bytes:
        text = match.group(1)
        result = moved.get(text)
        if result is None:
            try:
                day = date.fromisoformat(text.decode()) + timedelta(days=days)
                result = day.isoformat().encode()
            except ValueError:
                result = text  # not a calendar date: leave it
            moved[text] = result
        return result

    return _ISO_DATE.sub(replace, data)


def load_sources(corpus: Path = CORPUS, log: Callable[[str], None] | None = None) -> list[Source]:
    """The corpus files Stridewell imports as activities, each checked to shift cleanly."""
    sources = []
    for kind in FORMATS:
        for path in sorted((corpus / kind).iterdir()):
            data = path.read_bytes()
            try:
                activities = parse_bytes(path.name, data)
            except (ActivityFileError, NoActivityInFile):
                continue  # not an activity, or broken: not what an archive is made of
            times = fit_times(data) if kind == "fit" else None
            source = Source(path, kind, data, activities[0].start_utc, len(activities), times)
            _check_shift(source, activities)
            sources.append(source)
    if log is not None:
        log(f"{len(sources)} corpus files import as activities and shift cleanly")
    return sources


def _check_shift(source: Source, original: list[Activity]) -> None:
    moved = parse_bytes(source.path.name, source.shifted(CHECK_SHIFT_DAYS))
    week = timedelta(days=CHECK_SHIFT_DAYS)
    same = len(moved) == len(original) and all(
        m.start_utc == o.start_utc + week
        and m.samples == o.samples
        and m.distance_m == o.distance_m
        for m, o in zip(moved, original, strict=True)
    )
    if not same:
        raise AssertionError(f"{source.path.name}: shifting by a week changed more than the time")


def build_archive(
    folder: Path,
    sources: list[Source],
    files: int = 5000,
    megabytes: float = 1000.0,
    *,
    end: date = date(2025, 12, 31),
    years: float = 10.0,
) -> Archive:
    """Write `files` shifted corpus copies (≈`megabytes` in all) under `folder`/YYYY/."""
    order = list(sources)
    random.Random(SHUFFLE_SEED).shuffle(order)
    budget = megabytes * 1e6
    archive = Archive(folder, sources=len(sources))
    spacing_days = years * 365.25 / files
    hashes: set[str] = set()
    cursor = 0
    for i in range(files):
        pace = budget * (i + 1) / files
        for _ in range(len(order)):  # the next file that keeps the archive on pace
            source = order[cursor % len(order)]
            cursor += 1
            if archive.bytes + len(source.data) <= pace:
                break
        day = end - timedelta(days=round(i * spacing_days))
        data = source.shifted((day - source.start).days)
        digest = hashlib.sha256(data).hexdigest()
        if digest in hashes:
            raise AssertionError(f"copy {i} of {source.path.name} repeats an earlier file")
        hashes.add(digest)
        target = folder / f"{day.year}" / f"{day.isoformat()}_{i:05d}_{source.path.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        archive.entries.append(Entry(target, source, (day - source.start).days))
        archive.files += 1
        archive.bytes += len(data)
        archive.activities += source.activities
        archive.by_format[source.kind] += 1
        archive.first = day if archive.first is None else min(archive.first, day)
        archive.last = day if archive.last is None else max(archive.last, day)
    return archive


STRAVA_ID_BASE = 10_000_000
STRAVA_COLUMNS = ("Activity ID", "Activity Date", "Activity Name", "Activity Type", "Filename")


def write_strava_zip(archive: Archive, target: Path) -> int:
    """The archive's files as a Strava bulk export zip at `target`; returns its size in bytes."""
    rows = io.StringIO()
    table = csv.writer(rows)
    table.writerow(STRAVA_COLUMNS)
    with zipfile.ZipFile(target, "w") as export:
        for i, entry in enumerate(archive.entries):
            activity_id = STRAVA_ID_BASE + i
            member = f"activities/{activity_id}.{entry.source.kind}.gz"
            data = gzip.compress(entry.path.read_bytes(), mtime=0)
            export.writestr(member, data, compress_type=zipfile.ZIP_STORED)  # gzipped already
            start = entry.source.start_utc + timedelta(days=entry.shift_days)
            table.writerow((activity_id, _strava_date(start), f"Archive activity {i}", "", member))
        export.writestr("activities.csv", rows.getvalue(), compress_type=zipfile.ZIP_DEFLATED)
    return target.stat().st_size


def _strava_date(moment: datetime) -> str:
    """Strava's English UTC date, e.g. "Oct 8, 2017, 2:54:11 PM"."""
    hour = moment.hour % 12 or 12
    noon = "PM" if moment.hour >= 12 else "AM"
    return f"{moment:%b} {moment.day}, {moment.year}, {hour}:{moment:%M:%S} {noon}"
