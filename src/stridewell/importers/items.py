"""What an import walks over: one item per activity file (or per activity an export lists).

Items are plain data (picklable), so a process pool can hand them to workers; each worker reads
its item's bytes itself. Zip archives stay open in a small per-process cache, so reading the
thousands of members of a bulk export does not re-read its central directory each time.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from zipfile import ZipFile

from stridewell.domain.activities import Activity, ActivityFileError
from stridewell.importers.archives import (
    GZIP_MAGIC,
    MAX_MEMBER_BYTES,
    gunzip,
    open_zip,
    read_member,
)

_OPEN_ARCHIVES_MAX = 4


@dataclass(frozen=True)
class ActivityMetadata:
    """What an export's index (Strava's activities.csv) says about one activity file."""

    name: str | None = None
    description: str | None = None
    sport: str | None = None
    sub_sport: str | None = None
    rpe: float | None = None
    gear: str | None = None


@dataclass(frozen=True)
class ImportItem:
    """One thing to import: a file, a zip member, an activity listed without a file, or a
    problem found while listing (then `error` says what, and reading raises it)."""

    path: str  # for people: "export.zip!activities/123.fit.gz"
    source: Path | None = None  # the file on disk
    members: tuple[str, ...] = ()  # zip member names, outer archive first
    metadata: ActivityMetadata | None = None
    listed: Activity | None = None  # an activity the export's index holds without a file
    listed_key: str | None = None  # stable identity of a listed activity (for duplicates)
    error: str | None = None

    def read(self) -> bytes:
        """The item's content, unzipped and gunzipped; raises ActivityFileError (one line)."""
        if self.error is not None:
            raise ActivityFileError(self.error)
        if self.source is None:
            raise ActivityFileError("no file to read: the activity is listed without one")
        data = _read_file(self.source) if not self.members else _read_members(self)
        if data.startswith(GZIP_MAGIC):
            data = gunzip(data)
        return data


@dataclass(frozen=True)
class ParsedItem:
    """An item's activities and the identity of its content (repeat imports are duplicates)."""

    path: str
    sha256: str
    activities: tuple[Activity, ...]


def content_sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def close_archives() -> None:
    """Close the zip archives kept open for reading members."""
    while _ARCHIVES:
        _, archive = _ARCHIVES.popitem()
        archive.close()


def _read_file(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_MEMBER_BYTES:
            raise ActivityFileError(
                f"file is larger than the {MAX_MEMBER_BYTES // (1024 * 1024)} MiB limit"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise ActivityFileError("no such file") from None
    except IsADirectoryError:
        raise ActivityFileError("is a directory, not a file") from None
    except OSError as error:
        raise ActivityFileError(f"cannot read the file: {error.strerror or error}") from None


def _read_members(item: ImportItem) -> bytes:
    assert item.source is not None
    archive = _archive(item.source, item.path)
    for depth, name in enumerate(item.members):
        data = read_member(archive, name)
        if depth == len(item.members) - 1:
            return data
        archive = open_zip(data, name)  # a zip inside the zip (one level, see containers)
    raise ActivityFileError("no zip member named")


_ARCHIVES: OrderedDict[tuple[str, int, int], ZipFile] = OrderedDict()


def _archive(path: Path, display: str) -> ZipFile:
    try:
        status = path.stat()
    except OSError as error:
        raise ActivityFileError(f"cannot read {path.name}: {error.strerror or error}") from None
    key = (str(path.resolve()), status.st_mtime_ns, status.st_size)
    archive = _ARCHIVES.get(key)
    if archive is None:
        archive = open_zip(path, display.partition("!")[0])
        _ARCHIVES[key] = archive
        while len(_ARCHIVES) > _OPEN_ARCHIVES_MAX:
            _, evicted = _ARCHIVES.popitem(last=False)
            evicted.close()
    else:
        _ARCHIVES.move_to_end(key)
    return archive
