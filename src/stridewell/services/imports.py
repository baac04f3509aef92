"""Import activity files: discover, de-duplicate, parse on all cores, write in batches.

- Discovery (files, folders, zips, .gz, Strava exports) is the importers' job; each source comes
  with a display path and its bytes.
- Idempotent by content hash: a file whose SHA-256 is already stored for the athlete (or was seen
  earlier in the same run) is a duplicate and is not parsed again.
- Parsing, derived data and the encoding of the sample streams into their stored blob run in a
  process pool when there is enough work to pay for it; the writing process gets compact blobs.
- Writing: every file's activities go in one savepoint (all or nothing), savepoints are committed
  in batches, so a failure loses only that file and the database never holds half an activity.
- Each activity's heart-rate stream is measured for the load watch while its samples are in
  memory (for the athlete's HR profile), and the result is stored with it: the load watch never
  has to decode the stream again (services/load.py).
- The report keeps each imported activity's summary, not its streams (an archive's streams run to
  gigabytes once decoded).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity, ActivityFileError, NoActivityInFile
from stridewell.domain.activity_metrics import derive
from stridewell.domain.load import HeartRateProfile, streams_load
from stridewell.importers.containers import iter_import_items
from stridewell.importers.detect import parse_bytes
from stridewell.importers.items import ImportItem, close_archives, content_sha256
from stridewell.importers.strava_export import metadata_over
from stridewell.store.repositories import AthleteRepository
from stridewell.store.repositories.activities import (
    ActivityRepository,
    EncodedActivity,
    StreamLoad,
    encode_activity,
    stored_columns,
)
from stridewell.store.repositories.analytics import LOAD_STREAM_COLUMNS

# Below this many files a process pool costs more than it saves.
POOL_THRESHOLD = 8
BATCH_ACTIVITIES = 200
IN_FLIGHT_PER_WORKER = 8

SessionFactory = Callable[[], Any]  # a context manager yielding a Session (one transaction)


@dataclass(frozen=True)
class ImportedActivity:
    id: int
    path: str
    source_index: int
    activity: Activity  # without its streams (see `samples`)
    samples: int


@dataclass(frozen=True)
class Problem:
    path: str
    message: str


@dataclass
class ImportReport:
    imported: list[ImportedActivity] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class ImportProgress:
    done: int
    total: int
    path: str


@dataclass(frozen=True)
class _Outcome:
    path: str
    sha256: str | None = None
    activities: tuple[EncodedActivity, ...] = ()
    error: str | None = None
    skipped: str | None = None
    duplicate: bool = False
    # What each activity's HR stream gives for the athlete's profile (None: not measured).
    stream_loads: tuple[StreamLoad | None, ...] = ()


# Set in each worker process by `_init_worker`: hashes already stored, the max HR the derived
# data uses, and the athlete's HR profile for the stream loads (None: leave them unmeasured).
_KNOWN: frozenset[str] = frozenset()
_MAX_HR: float | None = None
_PROFILE: HeartRateProfile | None = None


def _init_worker(
    known: frozenset[str], max_hr: float | None, profile: HeartRateProfile | None = None
) -> None:
    global _KNOWN, _MAX_HR, _PROFILE
    _KNOWN, _MAX_HR, _PROFILE = known, max_hr, profile


def _stream_load(activity: Activity) -> StreamLoad | None:
    """The load the activity's HR stream gives, measured on the samples as the database will
    keep them, so that it equals a later measurement from the stored blob."""
    if _PROFILE is None:
        return None
    found = streams_load(stored_columns(activity.streams, LOAD_STREAM_COLUMNS), _PROFILE)
    return StreamLoad(None if found is None else found[0])


def process_item(item: ImportItem) -> _Outcome:
    """Read, hash, parse, derive and encode one item (in a worker: no database here)."""
    try:
        if item.listed is not None:
            data = (item.listed_key or item.path).encode()
            activities = [item.listed]
        else:
            data = item.read()
        sha = content_sha256(data)
        if sha in _KNOWN:
            return _Outcome(item.path, sha, duplicate=True)
        if item.listed is None:
            activities = parse_bytes(item.path, data)
            if item.metadata is not None:
                activities = [metadata_over(a, item.metadata) for a in activities]
    except NoActivityInFile as reason:
        return _Outcome(item.path, skipped=str(reason))
    except ActivityFileError as error:
        return _Outcome(item.path, error=str(error))
    derived = [derive(a, _MAX_HR) for a in activities]
    return _Outcome(
        item.path,
        sha,
        tuple(encode_activity(a) for a in derived),
        stream_loads=tuple(_stream_load(a) for a in derived),
    )


def import_paths(
    sessions: SessionFactory,
    athlete_id: int,
    paths: Sequence[Path],
    *,
    max_hr: float | None = None,
    workers: int | None = None,
    progress: Callable[[ImportProgress], None] | None = None,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> ImportReport:
    """Import every activity found under `paths` for the athlete; see the module docstring."""
    report = ImportReport()
    items = list(iter_import_items(paths))
    with sessions() as session:
        known = frozenset(ActivityRepository(session).known_sources(athlete_id))
        athlete = AthleteRepository(session).get(athlete_id)
    profile = None
    if athlete is not None:
        profile = HeartRateProfile(athlete.max_hr, athlete.rest_hr, athlete.sex)
    seen: set[str] = set()
    writer = _Writer(sessions, athlete_id, report, now)
    outcomes = _process_all(items, known, max_hr, workers, profile)
    for done, outcome in enumerate(outcomes, start=1):
        if progress is not None:
            progress(ImportProgress(done, len(items), outcome.path))
        if outcome.error is not None:
            report.failed.append(Problem(outcome.path, outcome.error))
        elif outcome.skipped is not None:
            report.skipped.append(Problem(outcome.path, outcome.skipped))
        elif outcome.duplicate or outcome.sha256 in seen:
            report.duplicates.append(outcome.path)  # stored before, or twice in this run
        else:
            assert outcome.sha256 is not None
            seen.add(outcome.sha256)
            writer.add(outcome)
    writer.flush()
    return report


def _process_all(
    items: list[ImportItem],
    known: frozenset[str],
    max_hr: float | None,
    workers: int | None,
    profile: HeartRateProfile | None = None,
) -> Iterator[_Outcome]:
    workers = workers or os.cpu_count() or 1
    if len(items) < POOL_THRESHOLD or workers == 1:
        _init_worker(known, max_hr, profile)
        try:
            yield from (process_item(item) for item in items)
        finally:
            _init_worker(frozenset(), None)
            close_archives()
        return
    # forkserver: the parent may run threads (progress display); forking those is unsafe.
    context = multiprocessing.get_context("forkserver")
    # Workers fork from the server with the project's modules already imported. Python 3.11
    # never preloads `__main__` there (forkserver passes "main_path", spawn names it
    # "init_main_from_path"), so each worker would re-run the entry script's imports itself.
    context.set_forkserver_preload(_preload_modules())
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_init_worker,
        initargs=(known, max_hr, profile),
    ) as pool:
        pending: deque[Future[_Outcome]] = deque()
        for item in items:
            pending.append(pool.submit(process_item, item))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


class _Writer:
    """Batched writes: a savepoint per file, a commit per batch."""

    def __init__(
        self,
        sessions: SessionFactory,
        athlete_id: int,
        report: ImportReport,
        now: Callable[[], datetime],
        repository: Callable[[Session], Any] = ActivityRepository,
    ) -> None:
        self.sessions = sessions
        self.repository = repository
        self.athlete_id = athlete_id
        self.report = report
        self.now = now
        self.batch: list[_Outcome] = []
        self.size = 0

    def add(self, parsed: _Outcome) -> None:
        self.batch.append(parsed)
        self.size += len(parsed.activities)
        if self.size >= BATCH_ACTIVITIES:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        imported_utc = self.now()
        with self.sessions() as session:
            _begin_batch(session)
            for parsed in self.batch:
                self._write_file(session, parsed, imported_utc)
        self.batch = []
        self.size = 0

    def _write_file(self, session: Session, parsed: _Outcome, imported_utc: datetime) -> None:
        repository = self.repository(session)
        written: list[ImportedActivity] = []
        try:
            with session.begin_nested():
                for index, encoded in enumerate(parsed.activities):
                    activity_id = repository.add(
                        self.athlete_id,
                        encoded,
                        source_sha256=parsed.sha256,
                        source_index=index,
                        source_path=parsed.path,
                        load=parsed.stream_loads[index] if parsed.stream_loads else None,
                        imported_utc=imported_utc,
                    )
                    written.append(
                        ImportedActivity(
                            activity_id, parsed.path, index, encoded.activity, encoded.samples
                        )
                    )
        except SQLAlchemyError as error:
            detail = str(getattr(error, "orig", None) or error).strip().splitlines()
            self.report.failed.append(
                Problem(parsed.path, f"could not store: {detail[0] if detail else error}")
            )
            return
        self.report.imported.extend(written)


def _preload_modules() -> list[str]:
    """This module and every project module the parent has imported (the entry point's too),
    but never a `__main__`: importing one runs the program."""
    package = __name__.partition(".")[0]
    return sorted(
        name
        for name in sys.modules
        if (name == package or name.startswith(package + ".")) and not name.endswith("__main__")
    )


def _begin_batch(session: Session) -> None:
    """Open the batch's transaction now on SQLite, so that a batch is one commit.

    The sqlite3 driver begins a transaction only before INSERT/UPDATE/DELETE, not before the
    SAVEPOINT each file starts with; SQLite then treats that savepoint as a transaction of its
    own, and releasing it commits — one commit, and one sync to disk, per file.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return  # other drivers begin the transaction themselves
    driver = connection.connection.driver_connection
    if driver is not None and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN")


def local_start(activity: Activity) -> datetime:
    """The start in the activity's own local time when the file says, else UTC."""
    offset = activity.tz_offset_s or 0
    return activity.start_utc.astimezone(timezone(timedelta(seconds=offset)))


def activity_summary(
    activity_id: int, path: str | None, activity: Activity, samples: int | None = None
) -> dict[str, Any]:
    """The JSON of one activity (design.md: import and activities)."""
    return {
        "id": activity_id,
        "path": path,
        "sport": activity.sport,
        "sub_sport": activity.sub_sport,
        "start": local_start(activity).isoformat(),
        "distance_m": _round(activity.distance_m, 1),
        "elapsed_s": _round(activity.elapsed_s, 1),
        "moving_s": _round(activity.moving_s, 1),
        "samples": activity.samples if samples is None else samples,
        "name": activity.name,
        "ascent_m": _round(activity.ascent_m, 1),
        "avg_hr": _round(activity.avg_hr, 1),
        "max_hr": _round(activity.max_hr, 1),
        "rpe": activity.rpe,
        "source_kind": activity.source_kind,
        "best_efforts": [
            {"distance": e.label, "distance_m": e.distance_m, "time_s": round(e.time_s, 1)}
            for e in activity.best_efforts
        ],
        "notes": list(activity.notes),
    }


def report_to_dict(report: ImportReport) -> dict[str, Any]:
    return {
        "imported": len(report.imported),
        "duplicates": len(report.duplicates),
        "failed": [{"path": p.path, "error": p.message} for p in report.failed],
        "skipped": [{"path": p.path, "reason": p.message} for p in report.skipped],
        "activities": [
            activity_summary(item.id, item.path, item.activity, item.samples)
            for item in report.imported
        ],
        "duplicate_paths": report.duplicates,
    }


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(float(value), digits)


def iter_summaries(
    session: Session, athlete_id: int, sport: str | None = None
) -> Iterable[dict[str, Any]]:
    """Stored activities as JSON summaries, oldest first."""
    for stored in ActivityRepository(session).list_for(athlete_id):
        if sport is not None and stored.activity.sport != sport:
            continue
        yield activity_summary(stored.id, stored.source_path, stored.activity, stored.samples)
