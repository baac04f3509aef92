"""The read-only analytics queries, on both databases."""

from __future__ import annotations

from datetime import date

from sqlalchemy import event
from sqlalchemy.orm import Session

from stridewell.domain.activities import BestEffort
from stridewell.domain.strength_log import SorenessContext
from stridewell.domain.vocab import Region, Side
from stridewell.store.repositories.analytics import AnalyticsRepository
from tests.services.training_rows import (
    add_activity,
    add_athlete,
    add_soreness,
    add_strength,
    at,
    steady_hr_streams,
)


def test_streams_are_read_only_where_asked_and_only_time_and_hr(session: Session) -> None:
    athlete_id = add_athlete(session)
    ids = [
        add_activity(session, athlete_id, at(day), distance_m=5000, moving_s=1800, avg_hr=120,
                     streams=steady_hr_streams(30, 120, 5000), name=f"run {day.day}")
        for day in (date(2026, 1, 3), date(2026, 1, 1), date(2026, 1, 2))
    ]  # fmt: skip
    other = add_athlete(session)
    add_activity(session, other, at(date(2026, 1, 2)), distance_m=1000, moving_s=300)
    repository = AnalyticsRepository(session)

    stored = repository.activities(athlete_id, streams_from_utc=at(date(2026, 1, 2), 0))
    assert [s.id for s in stored] == [ids[1], ids[2], ids[0]]  # by start time
    assert [s.activity.name for s in stored] == ["run 1", "run 2", "run 3"]
    assert [sorted(s.activity.streams.columns) for s in stored] == [[], ["hr", "t"], ["hr", "t"]]
    assert stored[1].activity.streams.has("hr") and stored[1].activity.avg_hr == 120
    assert stored[0].activity.distance_m == 5000 and stored[0].activity.moving_s == 1800

    window = repository.activities(
        athlete_id, start_utc=at(date(2026, 1, 2), 0), end_utc=at(date(2026, 1, 3), 0)
    )
    assert [s.id for s in window] == [ids[2]] and not window[0].activity.streams.columns


def test_a_long_archive_is_read_in_a_fixed_number_of_queries(session: Session) -> None:
    athlete_id = add_athlete(session)
    for day in range(1, 29):
        add_activity(session, athlete_id, at(date(2026, 2, day)), distance_m=5000,
                     moving_s=1800, streams=steady_hr_streams(1, 120, 200))  # fmt: skip
        add_strength(session, athlete_id, date(2026, 2, day), rpe=5, duration_s=1800,
                     sets=[("clamshell", "L", 15, None, None, None)] * 3)  # fmt: skip
    session.flush()
    statements: list[str] = []
    bind = session.get_bind()

    def listener(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(bind, "before_cursor_execute", listener)
    try:
        repository = AnalyticsRepository(session)
        assert len(repository.activities(athlete_id, streams_from_utc=at(date(2026, 2, 1)))) == 28
        assert len(repository.strength_sessions(athlete_id)) == 28
    finally:
        event.remove(bind, "before_cursor_execute", listener)
    assert len(statements) <= 4  # summaries, streams, sessions, sets


def test_strength_sets_are_read_in_the_side_vocabulary(session: Session) -> None:
    athlete_id = add_athlete(session)
    add_strength(session, athlete_id, date(2026, 3, 2), rpe=7, duration_s=2700, sets=[
        ("split-squat", "L", 8, 20.0, None, 8),
        ("split-squat", "R", 8, 20.0, None, 8),
        ("side-plank", "both", None, None, 30, None),
    ])  # fmt: skip
    add_strength(session, athlete_id, date(2026, 3, 5), rpe=5, duration_s=1200)
    repository = AnalyticsRepository(session)
    first, second = repository.strength_sessions(athlete_id)
    assert [(s.exercise_slug, s.side, s.reps, s.hold_s) for s in first.sets] == [
        ("split-squat", Side.LEFT, 8, None),
        ("split-squat", Side.RIGHT, 8, None),
        ("side-plank", Side.BOTH, None, 30),
    ]
    assert (first.rpe, first.duration_s, first.tonnage_kg) == (7, 2700, 320.0)
    assert second.sets == ()
    assert [s.date for s in repository.strength_sessions(athlete_id, start=date(2026, 3, 3))] == [
        date(2026, 3, 5)
    ]
    assert repository.strength_sessions(athlete_id, end=date(2026, 3, 1)) == []


def test_soreness_contexts_and_sides_are_read_as_terms(session: Session) -> None:
    athlete_id = add_athlete(session)
    add_soreness(session, athlete_id, date(2026, 3, 1), "post_run", {("quad", "left"): 6})
    add_soreness(session, athlete_id, date(2026, 3, 2), "post_run", {("glute", "both"): 2})
    add_soreness(session, athlete_id, date(2026, 3, 3), "post_race", {("calf", "right"): 4})
    entries = AnalyticsRepository(session).soreness(athlete_id, start=date(2026, 3, 1))
    assert [(e.date, e.context, e.region, e.side, e.score) for e in entries] == [
        (date(2026, 3, 1), SorenessContext.POST_RUN, Region.QUAD, Side.LEFT, 6),
        (date(2026, 3, 2), SorenessContext.POST_RUN, Region.GLUTE, Side.BOTH, 2),
        (date(2026, 3, 3), SorenessContext.POST_RACE, Region.CALF, Side.RIGHT, 4),
    ]


def test_best_efforts_carry_their_activity_start(session: Session) -> None:
    athlete_id = add_athlete(session)
    run = add_activity(session, athlete_id, at(date(2026, 2, 1), 23, 30), distance_m=5200,
                       moving_s=1500, tz_offset_s=3600,
                       best_efforts=[BestEffort(5000.0, "5k", 1400.0, 60.0)])  # fmt: skip
    add_activity(session, add_athlete(session), at(date(2026, 2, 1)), distance_m=1000,
                 moving_s=300, best_efforts=[BestEffort(1000.0, "1k", 200.0, 0.0)])  # fmt: skip
    (effort,) = AnalyticsRepository(session).best_efforts(athlete_id)
    assert (effort.activity_id, effort.label, effort.time_s) == (run, "5k", 1400.0)
    assert (effort.start_utc, effort.tz_offset_s) == (at(date(2026, 2, 1), 23, 30), 3600)
