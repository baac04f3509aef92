"""Small builders for the load, records and insights tests: an athlete, activities (with an HR
stream or without), strength sessions with sets and soreness scores, written straight into the
store (the strength and soreness rows through the ORM models, independent of the logging
services)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime

import numpy as np
from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity, BestEffort, Streams
from stridewell.domain.athletes import Athlete
from stridewell.domain.vocab import Sex
from stridewell.store.db import open_engine, session_factory
from stridewell.store.models import SetEntryRow, SorenessRow, StrengthSessionRow
from stridewell.store.repositories import ActivityRepository, AthleteRepository

_sha = itertools.count(1)

# (slug, side L|R|both, reps, load_kg, hold_s, rpe)
SetRow = tuple[str, str, int | None, float | None, int | None, float | None]


def add_athlete(
    session: Session,
    *,
    max_hr: int | None = 190,
    rest_hr: int | None = 50,
    sex: Sex = Sex.F,
    timezone: str = "UTC",
) -> int:
    athlete = AthleteRepository(session).add(
        Athlete(name="Runner", sex=sex, birth_year=1988, max_hr=max_hr, rest_hr=rest_hr,
                timezone=timezone)
    )  # fmt: skip
    assert athlete.id is not None
    return athlete.id


def steady_hr_streams(minutes: int, hr_bpm: float, distance_m: float) -> Streams:
    """1 Hz samples over `minutes`, every interval ending at `hr_bpm`."""
    t = np.arange(minutes * 60 + 1, dtype=np.float64)
    return Streams(
        {"t": t, "hr": np.full(t.shape, hr_bpm), "distance": t * distance_m / t[-1]}
    )


def add_activity(
    session: Session,
    athlete_id: int,
    start_utc: datetime,
    *,
    distance_m: float | None = None,
    moving_s: float | None = None,
    sport: str = "running",
    rpe: float | None = None,
    avg_hr: float | None = None,
    streams: Streams | None = None,
    tz_offset_s: int | None = None,
    best_efforts: Sequence[BestEffort] = (),
    name: str | None = None,
) -> int:
    activity = Activity(
        source_kind="fit",
        sport=sport,
        start_utc=start_utc,
        tz_offset_s=tz_offset_s,
        elapsed_s=moving_s,
        moving_s=moving_s,
        distance_m=distance_m,
        avg_hr=avg_hr,
        rpe=rpe,
        name=name,
        streams=streams or Streams(),
        best_efforts=tuple(best_efforts),
    )
    return ActivityRepository(session).add(
        athlete_id, activity, source_sha256=f"{next(_sha):064x}"
    )


def at(day: date, hour: int = 7, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def add_strength(
    session: Session,
    athlete_id: int,
    day: date,
    *,
    duration_s: int | None = None,
    rpe: float | None = None,
    sets: Sequence[SetRow] = (),
) -> int:
    row = StrengthSessionRow(
        athlete_id=athlete_id, date=day, duration_s=duration_s, rpe=rpe, notes=""
    )
    row.sets = [
        SetEntryRow(exercise_slug=slug, order=order, side=side, reps=reps, load_kg=load_kg,
                    hold_s=hold_s, rpe=set_rpe)
        for order, (slug, side, reps, load_kg, hold_s, set_rpe) in enumerate(sets)
    ]  # fmt: skip
    session.add(row)
    session.flush()
    return row.id


def add_soreness(
    session: Session,
    athlete_id: int,
    day: date,
    context: str,
    scores: dict[tuple[str, str], int],
) -> None:
    """Scores by (region, side) logged together on `day` in `context`."""
    for (region, side), score in scores.items():
        session.add(
            SorenessRow(athlete_id=athlete_id, date=day, context=context, region=region,
                        side=side, score=score)
        )  # fmt: skip
    session.flush()


@contextmanager
def database_at(url: str) -> Iterator[Session]:
    """A session on the database at `url` (e.g. a CLI test's file), committed at the end."""
    engine = open_engine(url)
    try:
        with session_factory(engine)() as session:
            yield session
            session.commit()
    finally:
        engine.dispose()
