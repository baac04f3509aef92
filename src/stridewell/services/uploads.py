"""Import files that arrived as uploads (the web app's upload page and its API twin).

The files are written to a private temporary folder and imported like `stridewell import`
does, one worker (a web request should not start a process pool). The report, and the
activities stored, then name each file as it was uploaded — `run.fit`, `export.zip!a/1.fit` —
never the temporary folder, which is gone when the import ends.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import update

from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.services.imports import (
    ImportReport,
    Problem,
    SessionFactory,
    import_paths,
)
from stridewell.store.models import ActivityRow

_COPY_CHUNK_BYTES = 1024 * 1024
_MAX_NAME_CHARS = 180
_UNSAFE = re.compile(r"[\x00-\x1f\x7f/\\:*?\"<>|]+")


@dataclass(frozen=True)
class UploadedFile:
    """One uploaded file: the name the browser gave, and its content."""

    filename: str
    content: BinaryIO


def import_uploads(
    sessions: SessionFactory,
    athlete: Athlete,
    files: Sequence[UploadedFile],
) -> ImportReport:
    """Import the uploaded files for the athlete; the report names them as uploaded.

    Raises ValidationError (field `files`) when no file was sent.
    """
    assert athlete.id is not None
    if not files:
        raise ValidationError("choose at least one activity file to upload", "files")
    with tempfile.TemporaryDirectory(prefix="stridewell-upload-") as folder:
        root = Path(folder)
        names: set[str] = set()
        paths = []
        for upload in files:
            name = unique_name(safe_name(upload.filename), names)
            names.add(name)
            target = root / name
            with target.open("wb") as out:
                shutil.copyfileobj(upload.content, out, _COPY_CHUNK_BYTES)
            paths.append(target)
        report = import_paths(
            sessions,
            athlete.id,
            paths,
            max_hr=athlete.max_hr,
            workers=1,
        )
    prefix = os.path.join(str(root), "")
    shown = _shown_report(report, prefix)
    _rename_sources(sessions, athlete.id, report, shown)
    return shown


def safe_name(filename: str | None) -> str:
    """The last part of an uploaded file's name, without anything a path could abuse."""
    text = unicodedata.normalize("NFC", filename or "")
    text = text.replace("\\", "/").rsplit("/", 1)[-1]
    text = _UNSAFE.sub("_", text).strip(" .")
    if not text:
        return "upload"
    if len(text) > _MAX_NAME_CHARS:
        stem, dot, suffix = text.rpartition(".")
        keep = _MAX_NAME_CHARS - len(suffix) - 1
        text = f"{stem[:keep]}.{suffix}" if dot and 0 < len(suffix) < 12 else text[:_MAX_NAME_CHARS]
    return text


def unique_name(name: str, taken: set[str]) -> str:
    """`run.fit`, then `run (2).fit`, `run (3).fit` … for files uploaded under one name."""
    if name not in taken:
        return name
    stem, dot, suffix = name.partition(".")
    number = 2
    while True:
        candidate = f"{stem} ({number}){dot}{suffix}"
        if candidate not in taken:
            return candidate
        number += 1


def _strip(path: str, prefix: str) -> str:
    return path[len(prefix) :] if path.startswith(prefix) else path


def _shown_report(report: ImportReport, prefix: str) -> ImportReport:
    return ImportReport(
        imported=[replace(item, path=_strip(item.path, prefix)) for item in report.imported],
        duplicates=[_strip(path, prefix) for path in report.duplicates],
        failed=[Problem(_strip(p.path, prefix), p.message) for p in report.failed],
        skipped=[Problem(_strip(p.path, prefix), p.message) for p in report.skipped],
    )


def _rename_sources(
    sessions: SessionFactory, athlete_id: int, stored: ImportReport, shown: ImportReport
) -> None:
    """Store the uploaded names, not the temporary folder's, as the activities' sources."""
    if not stored.imported:
        return
    with sessions() as session:
        for before, after in zip(stored.imported, shown.imported, strict=True):
            if before.path != after.path:
                session.execute(
                    update(ActivityRow)
                    .where(ActivityRow.id == before.id, ActivityRow.athlete_id == athlete_id)
                    .values(source_path=after.path)
                )
