"""The read-only analytics queries, on both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime

import numpy as np
from sqlalchemy import event
from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity, BestEffort
from stridewell.domain.strength_log import SorenessContext
from stridewell.domain.vocab import Region, Side
from stridewell.store.repositories import ActivityRepository
from stridewell.store.repositories.activities import StreamLoad
from stridewell.store.repositories.analytics import RUN_SPORTS, AnalyticsRepository
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


def test_the_activity_table_holds_the_columns_the_load_watch_reads(session: Session) -> None:
    """Start times as whole Unix seconds (rounded down), computed by the database; moving time
    or else elapsed; unknown numbers as NaN; oldest first; the stored stream load as is."""
    athlete_id = add_athlete(session)
    late = datetime(2026, 1, 2, 23, 59, 59, 900_000, tzinfo=UTC)
    ids = [
        add_activity(session, athlete_id, late, distance_m=5000, moving_s=1800, avg_hr=140,
                     rpe=6, tz_offset_s=-18_000, name="late"),
        add_activity(session, athlete_id, at(date(2026, 1, 1)), sport="cycling"),
    ]  # fmt: skip
    add_activity(session, add_athlete(session), at(date(2026, 1, 1)), distance_m=1000)
    ActivityRepository(session).set_stream_loads({ids[0]: StreamLoad(55.5)})
    table = AnalyticsRepository(session).activity_table(athlete_id, "Europe/London")
    assert table.id.tolist() == [ids[1], ids[0]]
    assert table.start_unix_s.tolist() == [
        int(at(date(2026, 1, 1)).timestamp()),
        int(datetime(2026, 1, 2, 23, 59, 59, tzinfo=UTC).timestamp()),
    ]
    assert table.tz_offset_s == [None, -18_000] and table.sport == ["cycling", "running"]
    # 07:00 UTC is 07:00 in London in January; 23:59 UTC is 18:59 at UTC−5.
    assert [date.fromordinal(day) for day in table.local_day.tolist()] == [
        date(2026, 1, 1), date(2026, 1, 2),
    ]  # fmt: skip
    assert table.is_run.tolist() == [False, True] and table.name == [None, "late"]
    assert np.isnan(table.distance_m[0]) and table.distance_m[1] == 5000
    assert np.isnan(table.duration_s[0]) and table.duration_s[1] == 1800
    assert (table.avg_hr[1], table.rpe[1]) == (140, 6)
    assert table.stream_load(0) is None and table.stream_load(1) == StreamLoad(55.5)
    before = AnalyticsRepository(session).activity_table(athlete_id, "UTC", end_utc=late)
    assert before.id.tolist() == [ids[1]]
    assert len(AnalyticsRepository(session).activity_table(athlete_id + 99, "UTC")) == 0


def test_run_sports_are_those_of_an_activity() -> None:
    for sport in ("running", "run", "trail_running", "treadmill", "walking", "cycling", "generic"):
        activity = Activity(source_kind="fit", sport=sport, start_utc=at(date(2026, 1, 1)))
        assert (sport in RUN_SPORTS) == activity.is_run, sport


def test_the_fastest_effort_at_each_distance_comes_with_its_ties(session: Session) -> None:
    """5 km: 1,300 s twice (both kept) and 1,350 s; 1 km: 240 s, and a 0 s effort that is not
    a time. Before 02-03 only the first day counts; from 02-02 on, the later ones."""
    athlete_id = add_athlete(session)
    day1 = add_activity(session, athlete_id, at(date(2026, 2, 1)), distance_m=6000,
                        best_efforts=[BestEffort(5000.0, "5k", 1300.0, 0.0),
                                      BestEffort(1000.0, "1k", 0.0, 0.0)])  # fmt: skip
    day2 = add_activity(session, athlete_id, at(date(2026, 2, 2)), distance_m=6000,
                        best_efforts=[BestEffort(5000.0, "5k", 1350.0, 0.0),
                                      BestEffort(1000.0, "1k", 240.0, 0.0)])  # fmt: skip
    day3 = add_activity(session, athlete_id, at(date(2026, 2, 3)), distance_m=6000,
                        best_efforts=[BestEffort(5000.0, "5k", 1300.0, 0.0)])  # fmt: skip
    add_activity(session, add_athlete(session), at(date(2026, 2, 2)), distance_m=6000,
                 best_efforts=[BestEffort(5000.0, "5k", 1000.0, 0.0)])  # fmt: skip
    repository = AnalyticsRepository(session)
    everything = repository.fastest_efforts(athlete_id, end_utc=at(date(2026, 3, 1)))
    assert [(e.activity_id, e.label, e.time_s) for e in everything] == [
        (day1, "5k", 1300.0), (day2, "1k", 240.0), (day3, "5k", 1300.0),
    ]  # fmt: skip
    first_day = repository.fastest_efforts(athlete_id, end_utc=at(date(2026, 2, 2), 0))
    assert [(e.activity_id, e.label) for e in first_day] == [(day1, "5k")]
    later = repository.fastest_efforts(
        athlete_id, end_utc=at(date(2026, 2, 3), 0), recent_utc=at(date(2026, 2, 2), 0)
    )
    # All-time up to 02-03: day 1's 5 km and day 2's 1 km; since 02-02: day 2's both.
    assert [(e.activity_id, e.label) for e in later] == [
        (day1, "5k"), (day2, "5k"), (day2, "1k"),
    ]  # fmt: skip


def test_strength_load_table_sums_tonnage_only_where_it_is_the_load(session: Session) -> None:
    """A rated session (RPE and duration) is loaded by session RPE: its tonnage is not summed.
    An unrated one: 2 × 10 × 40 kg + 15 body-weight reps = 800 kg; no sets: 0 kg."""
    athlete_id = add_athlete(session)
    rated = add_strength(session, athlete_id, date(2026, 3, 2), duration_s=2400, rpe=7,
                         sets=[("back-squat", "both", 5, 100.0, None, 8)])  # fmt: skip
    unrated = add_strength(session, athlete_id, date(2026, 3, 4), rpe=7, sets=[
        ("goblet-squat", "both", 10, 40.0, None, None),
        ("goblet-squat", "both", 10, 40.0, None, None),
        ("clamshell", "L", 15, None, None, None),
    ])  # fmt: skip
    empty = add_strength(session, athlete_id, date(2026, 3, 6))
    add_strength(session, add_athlete(session), date(2026, 3, 2), rpe=5, duration_s=600)
    table = AnalyticsRepository(session).strength_load_table(athlete_id)
    assert table.id.tolist() == [rated, unrated, empty]
    assert [date.fromordinal(d) for d in table.day.tolist()] == [
        date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 6),
    ]  # fmt: skip
    assert np.isnan(table.tonnage_kg[0]) and table.tonnage_kg[1:].tolist() == [800.0, 0.0]
    assert table.duration_s[0] == 2400 and np.isnan(table.duration_s[1])
    assert len(AnalyticsRepository(session).strength_load_table(athlete_id,
                                                                end=date(2026, 3, 3))) == 1


def test_strength_sets_are_read_whole_or_only_those_an_e1rm_can_come_from(
    session: Session,
) -> None:
    athlete_id = add_athlete(session)
    add_strength(session, athlete_id, date(2026, 3, 2), rpe=7, duration_s=2700, sets=[
        ("romanian-deadlift", "both", 8, 60.0, None, 8),
        ("romanian-deadlift", "both", 12, 50.0, None, 7),  # over 10 reps: no e1RM
        ("single-leg-rdl", "L", 10, None, None, None),  # body weight
        ("side-plank", "R", None, None, 30, None),  # a hold
        ("split-squat", "R", 6, 20.0, None, 9),
    ])  # fmt: skip
    add_strength(session, athlete_id, date(2026, 3, 5), sets=[
        ("clamshell", "L", 15, None, None, None),
    ])  # fmt: skip
    repository = AnalyticsRepository(session)
    whole = repository.strength_sets(athlete_id)
    assert [(s.date, len(s.sets)) for s in whole] == [(date(2026, 3, 2), 5),
                                                      (date(2026, 3, 5), 1)]  # fmt: skip
    assert whole == repository.strength_sessions(athlete_id)
    loaded = repository.e1rm_sets(athlete_id)
    assert [(day, e.exercise_slug, e.side, e.reps, e.load_kg) for day, e in loaded] == [
        (date(2026, 3, 2), "romanian-deadlift", Side.BOTH, 8, 60.0),
        (date(2026, 3, 2), "split-squat", Side.RIGHT, 6, 20.0),
    ]
    assert [s.date for s in repository.strength_sets(athlete_id, start=date(2026, 3, 3))] == [
        date(2026, 3, 5)
    ]


def test_soreness_can_be_read_for_some_contexts_and_regions(session: Session) -> None:
    athlete_id = add_athlete(session)
    add_soreness(session, athlete_id, date(2026, 3, 1), "post_run",
                 {("quad", "left"): 6, ("calf", "both"): 3})  # fmt: skip
    add_soreness(session, athlete_id, date(2026, 3, 2), "morning", {("glute", "both"): 2})
    add_soreness(session, athlete_id, date(2026, 3, 3), "post_race", {("glute", "right"): 4})
    entries = AnalyticsRepository(session).soreness(
        athlete_id,
        contexts=frozenset({SorenessContext.POST_RUN, SorenessContext.POST_RACE}),
        regions=frozenset({Region.QUAD, Region.GLUTE}),
    )
    assert [(e.date, e.region, e.side, e.score) for e in entries] == [
        (date(2026, 3, 1), Region.QUAD, Side.LEFT, 6),
        (date(2026, 3, 3), Region.GLUTE, Side.RIGHT, 4),
    ]
    assert len(AnalyticsRepository(session).soreness(athlete_id)) == 4
