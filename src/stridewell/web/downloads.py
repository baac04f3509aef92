"""Downloads of a user's own data, shared by the pages and the API: the athlete's zip of CSV
files (services.data_archive) and the whole-database backup (services.backup).

Both are written to a temporary file first and sent from there: a failure while writing is an
error page, never half a file the user takes for a whole one; and ten years of samples never
sit in memory at once.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import IO

from fastapi import Request
from fastapi.responses import StreamingResponse

from stridewell.domain.accounts import Role
from stridewell.domain.athletes import Athlete
from stridewell.services.backup import write_backup
from stridewell.services.data_archive import athlete_slug, write_athlete_archive
from stridewell.web.access import NotAllowed, Viewer
from stridewell.web.state import web_state

ZIP_MEDIA_TYPE = "application/zip"
JSON_MEDIA_TYPE = "application/json"
_CHUNK_BYTES = 256 * 1024
# Kept in memory up to this size, then on disk.
_SPOOL_BYTES = 8 * 1024 * 1024


def may_download_backup(viewer: Viewer) -> bool:
    """The backup holds every athlete and every account (with its password hash): the person
    at a personal install (no accounts) or an admin only."""
    return viewer.user is None or viewer.user.role is Role.ADMIN


def athlete_archive_response(
    request: Request, athlete: Athlete, *, samples: bool
) -> StreamingResponse:
    """The athlete's data as a zip download (NotFoundError for an unknown athlete)."""
    assert athlete.id is not None
    athlete_id = athlete.id
    state = web_state(request)
    stamp = datetime.now(UTC)

    def write(out: IO[bytes]) -> None:
        with state.database.session() as session:
            write_athlete_archive(session, athlete_id, out, stamp, samples=samples)

    suffix = "-with-samples" if samples else ""
    name = f"stridewell-{athlete_slug(athlete.name, athlete.id)}-{stamp:%Y-%m-%d}{suffix}.zip"
    return _file_response(write, name, ZIP_MEDIA_TYPE)


def backup_response(request: Request, viewer: Viewer) -> StreamingResponse:
    """The whole database as `stridewell export json` writes it, for `stridewell import-backup`."""
    if not may_download_backup(viewer):
        raise NotAllowed("only an admin may download the whole database: it holds every account")
    state = web_state(request)
    stamp = datetime.now(UTC)

    def write(out: IO[bytes]) -> None:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
        try:
            with state.database.session() as session:
                write_backup(session, text, stamp)
        finally:
            text.detach()  # leaves `out` open for sending

    return _file_response(write, f"stridewell-backup-{stamp:%Y-%m-%d}.json", JSON_MEDIA_TYPE)


def _file_response(
    write: Callable[[IO[bytes]], None], filename: str, media_type: str
) -> StreamingResponse:
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)  # noqa: SIM115 (closed below)
    try:
        write(spool)
        size = spool.tell()
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    return StreamingResponse(
        _chunks(spool),
        media_type=media_type,
        headers={
            "content-disposition": f'attachment; filename="{filename}"',
            "content-length": str(size),
            "cache-control": "no-store",
        },
    )


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    with spool:
        while chunk := spool.read(_CHUNK_BYTES):
            yield chunk
