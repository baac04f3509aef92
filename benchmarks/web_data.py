"""A ten-year athlete in an SQLite database, for the web benchmark.

What the pages and the API have to work through after ten years of use:

* the demo athlete (services.demo: profile, five resolved injuries, a PB and a goal race);
* ≈5,000 activities: the import benchmark's synthetic archive (archive.py: corpus files moved
  to one day each over ten years) imported by the real `stridewell import`, so every activity
  has its streams, laps, best efforts and load figures exactly as a user's would;
* two strength sessions a week for the same ten years (Tuesday and Friday), logged through
  services.strength_log: five exercises a session, three sets each (each side for single-leg
  work), loads rising slowly over the years, session RPE and duration;
* soreness scores through services.soreness: a morning check every Monday (quads, glutes,
  hamstrings, calves) and a post-strength score after every Friday session;
* a plan to the goal race (services.plans.build_plan), so /plan has weeks to draw.

The database is kept (with a small JSON note of what it holds) and reused by later runs with
the same parameters; `--rebuild` makes it again.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

import archive

from stridewell.domain.strength_log import SetEntry, SorenessContext, SorenessEntry, StrengthSession
from stridewell.domain.vocab import Region, Side
from stridewell.services.database import Database
from stridewell.services.demo import create_demo_athlete
from stridewell.services.plans import build_plan
from stridewell.services.soreness import log_soreness
from stridewell.services.strength_log import log_strength_session

YEARS = 10.0
DATA_SEED = 2016
MEGABYTES_PER_FILE = 0.2  # the import benchmark's pace: ≈1 GB per 5,000 files
STRENGTH_WEEKDAYS = (1, 4)  # Tuesday, Friday
SORENESS_REGIONS = (Region.QUAD, Region.GLUTE, Region.HAMSTRING, Region.CALF)

# (slug, single-leg?, reps, starting load kg or None, hold s or None): a runner's rotation.
Exercise = tuple[str, bool, int | None, float | None, int | None]
ROTATION: tuple[tuple[Exercise, ...], ...] = (
    (
        ("romanian-deadlift", False, 8, 30.0, None),
        ("bulgarian-split-squat", True, 8, None, None),
        ("single-leg-calf-raise", True, 12, None, None),
        ("side-plank", True, None, None, 30),
        ("clamshell", True, 15, None, None),
    ),
    (
        ("goblet-squat", False, 10, 16.0, None),
        ("single-leg-rdl", True, 10, None, None),
        ("hip-thrust", False, 10, 40.0, None),
        ("eccentric-heel-drop", True, 15, None, None),
        ("dead-bug", False, 10, None, None),
    ),
    (
        ("trap-bar-deadlift", False, 6, 50.0, None),
        ("step-up", True, 10, None, None),
        ("nordic-curl", False, 5, None, None),
        ("side-lying-hip-abduction", True, 15, None, None),
        ("pallof-press", True, 12, None, None),
    ),
)


@dataclass(frozen=True)
class Built:
    """What the database holds: the note kept beside it."""

    today: str
    files: int
    athlete_id: int
    activities: int
    strength_sessions: int
    sets: int
    soreness_scores: int
    plan_weeks: int
    database_mb: float
    build_s: float


def note_path(database: Path) -> Path:
    return database.with_suffix(".json")


def existing(database: Path, files: int) -> Built | None:
    """The note of a database built earlier with the same number of files, if still there."""
    note = note_path(database)
    if not (database.exists() and note.exists()):
        return None
    built = Built(**json.loads(note.read_text()))
    return built if built.files == files else None


def cli_command() -> list[str]:
    script = Path(sys.executable).with_name("stridewell")
    return [str(script)] if script.exists() else [sys.executable, "-m", "stridewell.cli.app"]


def build(
    database: Path, today: date, files: int = 5000, log: Callable[[str], None] = print
) -> Built:
    """Make the database at `database` (replacing any) as the module docstring describes."""
    started = time.perf_counter()
    database.parent.mkdir(parents=True, exist_ok=True)
    for stale in (database, note_path(database)):
        stale.unlink(missing_ok=True)
    url = f"sqlite:///{database}"
    db = Database(url)
    db.init()
    with db.session() as session:
        athlete = create_demo_athlete(session, today, history=False)
        assert athlete is not None and athlete.id is not None
        athlete_id = athlete.id
    db.close()
    activities = import_archive(url, database.parent / "archive", athlete_id, today, files, log)
    db = Database(url)
    with db.session() as session:
        sessions = strength_sessions(today)
        for strength in sessions:
            log_strength_session(session, athlete_id, strength, today)
        scores = soreness_scores(today)
        for day_scores in scores:
            log_soreness(session, athlete_id, day_scores, today)
        plan = build_plan(session, athlete_id, today)
    db.close()
    built = Built(
        today=today.isoformat(),
        files=files,
        athlete_id=athlete_id,
        activities=activities,
        strength_sessions=len(sessions),
        sets=sum(len(strength.sets) for strength in sessions),
        soreness_scores=sum(len(day_scores) for day_scores in scores),
        plan_weeks=len(plan.weeks),
        database_mb=round(database.stat().st_size / 1e6, 1),
        build_s=round(time.perf_counter() - started, 1),
    )
    note_path(database).write_text(json.dumps(asdict(built), indent=2) + "\n")
    log(
        f"database: {built.activities} activities, {built.strength_sessions} strength sessions "
        f"({built.sets} sets), {built.soreness_scores} soreness scores, a {built.plan_weeks}-week "
        f"plan; {built.database_mb:.0f} MB, built in {built.build_s:.0f} s"
    )
    return built


def import_archive(
    url: str, folder: Path, athlete_id: int, today: date, files: int, log: Callable[[str], None]
) -> int:
    """Write the synthetic archive ending yesterday, import it with the CLI, delete it."""
    shutil.rmtree(folder, ignore_errors=True)
    try:
        sources = archive.load_sources(log=log)
        made = archive.build_archive(
            folder,
            sources,
            files,
            files * MEGABYTES_PER_FILE,
            end=today - timedelta(days=1),
            years=YEARS,
        )
        log(f"archive: {made.files} files, {made.megabytes:.0f} MB, {made.first} .. {made.last}")
        started = time.perf_counter()
        command = [*cli_command(), "--db", url, "import", str(folder)]
        command += ["--athlete", str(athlete_id), "--format", "json"]
        done = subprocess.run(command, check=True, capture_output=True, text=True)
        result = json.loads(done.stdout)
        log(
            f"imported {result['imported']} activities in {time.perf_counter() - started:.0f} s "
            f"({len(result['failed'])} failed, {len(result['skipped'])} skipped)"
        )
        return int(result["imported"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def strength_sessions(today: date, years: float = YEARS) -> list[StrengthSession]:
    """Tuesday and Friday sessions over `years` up to yesterday, rotating three workouts."""
    rng = random.Random(DATA_SEED)
    first = today - timedelta(days=round(years * 365.25))
    sessions: list[StrengthSession] = []
    day = first
    while day < today:
        if day.weekday() in STRENGTH_WEEKDAYS:
            progress = (day - first).days / (years * 365.25)  # 0 → 1 over the years
            workout = ROTATION[len(sessions) % len(ROTATION)]
            sets = tuple(
                entry for exercise in workout for entry in exercise_sets(exercise, progress, rng)
            )
            sessions.append(
                StrengthSession(
                    date=day,
                    sets=sets,
                    duration_s=rng.randrange(35, 55) * 60,
                    rpe=float(rng.choice((5, 6, 6, 7, 7, 8))),
                )
            )
        day += timedelta(days=1)
    return sessions


def exercise_sets(exercise: Exercise, progress: float, rng: random.Random) -> list[SetEntry]:
    slug, single_leg, reps, load_kg, hold_s = exercise
    sides = (Side.LEFT, Side.RIGHT) if single_leg else (Side.BOTH,)
    # Loads rise by about half over ten years, to the nearest 2.5 kg plate step.
    load = None if load_kg is None else round(load_kg * (1 + 0.5 * progress) / 2.5) * 2.5
    return [
        SetEntry(
            exercise_slug=slug,
            side=side,
            reps=reps,
            load_kg=load,
            hold_s=hold_s,
            rpe=float(rng.choice((6, 7, 7, 8))),
        )
        for _set in range(3)
        for side in sides
    ]


def soreness_scores(today: date, years: float = YEARS) -> list[tuple[SorenessEntry, ...]]:
    """Monday-morning checks of four regions, and a glute score after every Friday session."""
    rng = random.Random(DATA_SEED + 1)
    first = today - timedelta(days=round(years * 365.25))
    days: list[tuple[SorenessEntry, ...]] = []
    day = first
    while day < today:
        if day.weekday() == 0:
            days.append(
                tuple(
                    SorenessEntry(day, SorenessContext.MORNING, region, rng.choice((0, 1, 2, 3)))
                    for region in SORENESS_REGIONS
                )
            )
        elif day.weekday() == STRENGTH_WEEKDAYS[1]:
            score = rng.choice((1, 2, 3, 4))
            days.append((SorenessEntry(day, SorenessContext.POST_STRENGTH, Region.GLUTE, score),))
        day += timedelta(days=1)
    return days
