"""Turning the paths a runner names into import items: files, folders, zips, gzips, exports.

- A file named directly is always an item, whatever its extension (its content decides the
  format, and an unknown one fails with "unrecognised file format").
- A folder is walked recursively in name order; activity files (.fit, .gpx, .tcx, each maybe
  .gz) and zips are taken, anything else (photos, notes, hidden files) is passed over silently.
- A zip's members are treated like a folder's files, after the archive passes the checks in
  `archives` (no escaping paths, no bombs); a zip inside it is opened too, one level deep.
- A folder or zip with activities.csv at its top (or, for a zip, in its one top folder) is a
  Strava bulk export, read by `strava_export`.

A problem found while listing (a corrupt zip, a hostile one) becomes an item whose reading fails
with that one line, so it is reported beside the rest instead of stopping the import.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from zipfile import ZipFile

from stridewell.domain.activities import ActivityFileError
from stridewell.importers.archives import list_zip, open_zip, read_member
from stridewell.importers.items import ImportItem
from stridewell.importers.strava_export import (
    ACTIVITIES_CSV,
    ACTIVITY_SUFFIXES,
    find_csv_in_zip,
    read_strava_export,
)

ZIP_SUFFIX = ".zip"


def iter_import_items(paths: Sequence[Path]) -> Iterator[ImportItem]:
    """Items for every activity file under `paths`, in the order given, folders sorted by name."""
    for path in paths:
        shown = str(path)
        if path.is_dir():
            yield from _folder_items(path, shown)
        elif not path.exists():
            yield ImportItem(shown, error="no such file or directory")
        elif path.name.lower().endswith(ZIP_SUFFIX):
            yield from _zip_items(path, shown)
        else:
            yield ImportItem(shown, source=path)


def is_activity_name(name: str) -> bool:
    """Whether a file name says it holds an activity (FIT, GPX, TCX, maybe gzipped)."""
    return name.lower().endswith(ACTIVITY_SUFFIXES)


def _folder_items(root: Path, shown: str) -> Iterator[ImportItem]:
    for directory, subdirectories, files in os.walk(root):
        here = Path(directory)
        shown_here = os.path.join(shown, os.path.relpath(directory, root)).removesuffix(
            os.sep + "."
        )
        if ACTIVITIES_CSV in files:
            subdirectories[:] = []  # the export's own reader decides what in it to import
            yield from _export_items(here, shown_here)
            continue
        subdirectories[:] = sorted(d for d in subdirectories if not _hidden(d))
        for name in sorted(files):
            if _hidden(name):
                continue
            path = here / name
            if is_activity_name(name):
                yield ImportItem(os.path.join(shown_here, name), source=path)
            elif name.lower().endswith(ZIP_SUFFIX):
                yield from _zip_items(path, os.path.join(shown_here, name))


def _zip_items(path: Path, shown: str) -> Iterator[ImportItem]:
    try:
        with open_zip(path, shown) as archive:
            members = list_zip(archive, shown)
            if find_csv_in_zip([member.name for member in members]) is not None:
                export = True
            else:
                export = False
                nested = {
                    member.name: _nested_members(archive, member.name, f"{shown}!{member.name}")
                    for member in members
                    if member.name.lower().endswith(ZIP_SUFFIX)
                }
    except ActivityFileError as error:
        yield ImportItem(shown, error=str(error))
        return
    if export:
        yield from _export_items(path, shown)
        return
    for member in members:
        inside = f"{shown}!{member.name}"
        if is_activity_name(member.name):
            yield ImportItem(inside, source=path, members=(member.name,))
        elif member.name in nested:
            listing = nested[member.name]
            if isinstance(listing, str):
                yield ImportItem(inside, error=listing)
                continue
            for inner in listing:
                yield ImportItem(f"{inside}!{inner}", source=path, members=(member.name, inner))


def _nested_members(archive: ZipFile, name: str, shown: str) -> list[str] | str:
    """Activity members of a zip inside a zip, or the one-line problem with it."""
    try:
        inner = open_zip(read_member(archive, name), shown)
        with inner:
            listed = list_zip(inner, shown)
    except ActivityFileError as error:
        return str(error)
    deeper = [member.name for member in listed if member.name.lower().endswith(ZIP_SUFFIX)]
    if deeper:
        return f"nested archive too deep: {shown}!{deeper[0]} (one zip inside another is the limit)"
    return [member.name for member in listed if is_activity_name(member.name)]


def _export_items(root: Path, shown: str) -> Iterator[ImportItem]:
    try:
        export = read_strava_export(root, shown)
    except ActivityFileError as error:
        yield ImportItem(shown, error=str(error))
        return
    yield from export.items()


def _hidden(name: str) -> bool:
    return name.startswith(".") or name == "__MACOSX"
