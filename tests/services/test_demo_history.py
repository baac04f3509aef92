"""The demo runner's twelve weeks of training (services/demo_history.py), on both databases:
deterministic, all before this week, a sensible build, every run stored as an import stores a
file, strength that progresses, and a quad-vs-glute index that falls."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import numpy as np
import pytest
from sqlalchemy.orm import Session

from stridewell.domain.activities import Streams
from stridewell.domain.activity_metrics import derive
from stridewell.domain.athletes import ValidationError
from stridewell.domain.exercises.lookup import by_slug
from stridewell.domain.load import HeartRateProfile, local_date, streams_load, week_start_of
from stridewell.domain.strength_log import SorenessContext
from stridewell.domain.vocab import Side
from stridewell.services.athletes import get_athlete
from stridewell.services.demo import create_demo_athlete, demo_injuries, demo_races
from stridewell.services.demo_history import (
    DEMO_SOURCE,
    HISTORY_WEEKS,
    demo_training,
    history_weeks,
)
from stridewell.services.injuries import list_injuries
from stridewell.services.insights import insights
from stridewell.services.load import load_watch
from stridewell.services.races import list_races
from stridewell.services.records import records
from stridewell.services.runs import correct_activity, is_manual
from stridewell.services.soreness import list_soreness
from stridewell.services.strength_log import list_strength_sessions, strength_session_to_dict
from stridewell.store.db import open_engine, session_factory
from stridewell.store.migrate import upgrade
from stridewell.store.repositories.activities import ActivityRepository, StoredActivity

SAMPLE_S = 5.0
CUT_BACK_WEEKS = (3, 7, 11)  # 1-based: every fourth week, the last full week before this one


def demo(session: Session, today: date) -> int:
    athlete = create_demo_athlete(session, today)
    assert athlete is not None and athlete.id is not None
    return athlete.id


def stored_runs(session: Session, athlete_id: int) -> list[StoredActivity]:
    repository = ActivityRepository(session)
    runs = []
    for listed in repository.list_for(athlete_id):
        found = repository.get(listed.id)
        assert found is not None
        runs.append(found)
    return runs


def local_day(run: StoredActivity) -> date:
    return local_date(run.activity.start_utc, run.activity.tz_offset_s or 0)


def snapshot(session: Session, athlete_id: int) -> dict[str, Any]:
    """Everything the history wrote, without database ids."""
    runs = []
    for run in stored_runs(session, athlete_id):
        activity = run.activity
        runs.append(
            (
                replace(activity, streams=Streams()),
                {name: column.tolist() for name, column in activity.streams.columns.items()},
                run.source_sha256,
                run.load,
            )
        )
    strength = [
        {k: v for k, v in strength_session_to_dict(s).items() if k not in ("id", "athlete_id")}
        for s in list_strength_sessions(session, athlete_id)
    ]
    soreness = [replace(entry, id=None) for entry in list_soreness(session, athlete_id)]
    return {"runs": runs, "strength": strength, "soreness": soreness}


def test_the_same_day_gives_the_same_history(session: Session, today: date) -> None:
    first = snapshot(session, demo(session, today))
    demo_training.cache_clear()  # made again, not the one kept from the first
    engine = open_engine("sqlite://")
    try:
        upgrade(engine)
        with session_factory(engine)() as other:
            second = snapshot(other, demo(other, today))
    finally:
        engine.dispose()
    assert first == second
    assert len(first["runs"]) == 5 * HISTORY_WEEKS


def test_a_week_later_the_same_weeks_move_on_by_a_week(session: Session, today: date) -> None:
    now = stored_runs(session, demo(session, today))
    engine = open_engine("sqlite://")
    try:
        upgrade(engine)
        with session_factory(engine)() as other:
            later = stored_runs(other, demo(other, today + timedelta(weeks=1)))
    finally:
        engine.dispose()
    assert [local_day(run) + timedelta(weeks=1) for run in now] == [local_day(r) for r in later]
    assert [r.activity.distance_m for r in now] == [r.activity.distance_m for r in later]


@pytest.mark.parametrize(
    "today",
    [
        date(2026, 3, 9),  # a Monday: the history ends yesterday
        date(2026, 3, 11),
        date(2026, 3, 15),  # a Sunday: nothing today either
        date(2026, 4, 15),  # the clocks went forward in the history (Europe/London)
    ],
)
def test_the_history_is_the_twelve_full_weeks_before_this_one(
    session: Session, today: date
) -> None:
    athlete_id = demo(session, today)
    this_monday = week_start_of(today)
    first, last = history_weeks(today)
    assert (first, last) == (this_monday - timedelta(weeks=12), this_monday - timedelta(days=1))
    days = [local_day(run) for run in stored_runs(session, athlete_id)]
    days += [s.date for s in list_strength_sessions(session, athlete_id)]
    days += [entry.date for entry in list_soreness(session, athlete_id)]
    assert min(days) >= first and max(days) == last  # the last long run is last Sunday's
    runs_by_week: dict[date, int] = defaultdict(int)
    for run in stored_runs(session, athlete_id):
        runs_by_week[week_start_of(local_day(run))] += 1
    assert runs_by_week == {first + timedelta(weeks=n): 5 for n in range(HISTORY_WEEKS)}


def test_the_weeks_build_with_a_cut_back_every_fourth_and_no_warning(
    session: Session, today: date
) -> None:
    athlete_id = demo(session, today)
    runs = stored_runs(session, athlete_id)
    assert {local_day(run).weekday() for run in runs} == {1, 2, 3, 5, 6}  # her days
    first, _ = history_weeks(today)
    km = [0.0] * HISTORY_WEEKS
    longest: list[tuple[float, int]] = [(0.0, 0)] * HISTORY_WEEKS
    for run in runs:
        week = (local_day(run) - first).days // 7
        distance_km = (run.activity.distance_m or 0.0) / 1000.0
        km[week] += distance_km
        longest[week] = max(longest[week], (distance_km, local_day(run).weekday()))
    for number, week_km in enumerate(km, start=1):
        if number in CUT_BACK_WEEKS:
            assert 30 <= week_km < 40 and week_km <= 0.85 * km[number - 2], number
        else:
            assert 40 <= week_km <= 48, number
    assert all(weekday == 6 for _, weekday in longest)  # the long run is on Sunday
    long_runs = [distance for distance, _ in longest]
    assert long_runs[0] == pytest.approx(16.0) and long_runs[-1] == pytest.approx(22.0)
    full_weeks = [d for n, d in enumerate(long_runs, start=1) if n not in CUT_BACK_WEEKS]
    assert full_weeks == sorted(full_weeks)
    # The load watch sees a steady build: no spike, no jump over 30 %, no monotony warning.
    watch = load_watch(session, athlete_id, today, days=7 * (HISTORY_WEEKS + 2))
    assert watch.flags == ()
    assert watch.combined.days[-1].ctl > 0


def test_every_run_is_stored_as_an_import_stores_a_file(session: Session, today: date) -> None:
    athlete_id = demo(session, today)
    runs = stored_runs(session, athlete_id)
    athlete = get_athlete(session, athlete_id)
    profile = HeartRateProfile(athlete.max_hr, athlete.rest_hr, athlete.sex)
    assert len({run.source_sha256 for run in runs}) == len(runs)
    for run in runs:
        activity = run.activity
        assert activity.source_kind == DEMO_SOURCE and not is_manual(activity)
        assert run.source_path is None and run.source_sha256 is not None
        streams = activity.streams
        assert {"t", "distance", "speed", "hr", "altitude"} <= set(streams.columns)
        assert set(np.diff(streams.columns["t"]).tolist()) == {SAMPLE_S}
        # What derive() gives an imported file from the same samples, to the last digit.
        bare = replace(
            activity,
            elapsed_s=None,
            moving_s=None,
            distance_m=None,
            ascent_m=None,
            avg_hr=None,
            max_hr=None,
            avg_cadence=None,
            best_efforts=(),
            hr_zone_s=(),
        )
        again = derive(bare, athlete.max_hr)
        assert again.best_efforts == activity.best_efforts
        for field in ("elapsed_s", "moving_s", "distance_m", "ascent_m", "avg_hr", "max_hr"):
            assert getattr(activity, field) == pytest.approx(getattr(again, field)), field
        assert activity.hr_zone_s == pytest.approx(again.hr_zone_s)
        assert activity.moving_s is not None and activity.elapsed_s is not None
        assert activity.moving_s <= activity.elapsed_s
        labels = [effort.label for effort in activity.best_efforts]
        assert labels[:3] == ["400m", "1k", "1mile"]
        assert ("5k" in labels) == ((activity.distance_m or 0) >= 5000)
        assert ("half" in labels) == ((activity.distance_m or 0) >= 21097.5)
        # The stored heart-rate load, as the load watch would measure it from the stream.
        measured = streams_load(streams, profile)
        assert measured is not None and run.stream_load is not None
        assert run.stream_load.load == pytest.approx(measured[0]) and measured[0] > 0
    # Like an imported file's: the day and distance are the recording's, not to be retyped.
    with pytest.raises(ValidationError, match="comes from its file"):
        correct_activity(session, athlete_id, runs[0].id, today, distance_km=5.0)


def _pace_s_per_km(run: StoredActivity) -> float:
    activity = run.activity
    return (activity.moving_s or 0.0) / ((activity.distance_m or 1.0) / 1000.0)


def test_paces_and_heart_rates_fit_a_3_24_marathoner(session: Session, today: date) -> None:
    runs = stored_runs(session, demo(session, today))
    by_name: dict[str, list[StoredActivity]] = defaultdict(list)
    for run in runs:
        by_name[run.activity.name or ""].append(run)
    assert set(by_name) == {"Easy run", "Tempo run", "Recovery run", "Long run"}
    easy = by_name["Easy run"]
    assert 5 * 60 + 30 <= statistics.median(map(_pace_s_per_km, easy)) <= 5 * 60 + 55
    assert 132 <= statistics.median(r.activity.avg_hr or 0 for r in easy) <= 146
    recovery = by_name["Recovery run"]
    assert statistics.median(map(_pace_s_per_km, recovery)) > statistics.median(
        map(_pace_s_per_km, easy)
    )
    for tempo in by_name["Tempo run"]:
        fastest_km = next(e.time_s for e in tempo.activity.best_efforts if e.label == "1k")
        assert 4 * 60 + 30 <= fastest_km <= 4 * 60 + 55
        assert 158 <= (tempo.activity.max_hr or 0) <= 180
    for long_run in by_name["Long run"]:
        assert 5 * 60 + 40 <= _pace_s_per_km(long_run) <= 6 * 60 + 5
        hr = long_run.activity.streams.columns["hr"]
        half = hr.shape[0] // 2
        # Cardiac drift: the last quarter runs at a higher heart rate than the first half.
        assert hr[-hr.shape[0] // 4 :].mean() > hr[60:half].mean() + 2
        assert (long_run.activity.max_hr or 0) < 186


def test_strength_twice_a_week_with_loads_rising(session: Session, today: date) -> None:
    athlete_id = demo(session, today)
    sessions = list_strength_sessions(session, athlete_id)
    assert len(sessions) == 2 * HISTORY_WEEKS
    assert {s.date.weekday() for s in sessions} == {2, 4}  # her plan's days: Wednesday, Friday
    for strength in sessions:
        assert strength.rpe is not None and strength.duration_s is not None
        per_exercise: dict[str, list[Side]] = defaultdict(list)
        for entry in strength.sets:
            per_exercise[entry.exercise_slug].append(entry.side)
        for slug, sides in per_exercise.items():
            if by_slug(slug).unilateral:  # single-leg work: each side, as many sets
                assert sides.count(Side.LEFT) == sides.count(Side.RIGHT) >= 2, slug
            else:
                assert set(sides) == {Side.BOTH}, slug
    loads: dict[str, list[float]] = defaultdict(list)
    for strength in sessions:
        for entry in strength.sets:
            if entry.load_kg:
                loads[entry.exercise_slug].append(entry.load_kg)
    assert len(loads) >= 5
    for slug, kg in loads.items():
        assert kg == sorted(kg) and kg[-1] > kg[0], slug  # slowly up, never down
    e1rm = insights(session, athlete_id, today).e1rm
    assert len(e1rm) >= 5
    for series in e1rm:
        assert series.change_pct is not None and 10 < series.change_pct < 60, series.exercise_slug


def test_the_quad_glute_index_falls_as_her_glutes_get_stronger(
    session: Session, today: date
) -> None:
    athlete_id = demo(session, today)
    found = insights(session, athlete_id, today)
    points = found.soreness
    assert len(points) == HISTORY_WEEKS
    assert all(p.date.weekday() == 6 and p.context is SorenessContext.POST_RUN for p in points)
    assert points[0].quad > 2 * points[0].glute  # quads dominant at first
    indexes = [p.index for p in points]
    assert None not in indexes
    early = statistics.mean(i for i in indexes[:4] if i is not None)
    late = statistics.mean(i for i in indexes[-4:] if i is not None)
    assert early - late > 0.15 and late < 0.65
    weekly = [w.index for w in found.soreness_weekly]
    assert len(weekly) == HISTORY_WEEKS
    mornings = [
        e for e in list_soreness(session, athlete_id) if e.context is SorenessContext.MORNING
    ]
    assert mornings and all(e.date.weekday() == 0 for e in mornings)


def test_the_progress_charts_have_something_to_draw(session: Session, today: date) -> None:
    athlete_id = demo(session, today)
    watch = load_watch(session, athlete_id, today, days=182)
    days = watch.combined.days
    assert sum(1 for day in days if day.load > 0) == 6 * HISTORY_WEEKS  # five runs, Friday lifts
    assert sum(1 for day in days if day.acwr is not None) > 60
    assert days[-1].ctl > 0 and days[-1].atl > 0
    assert sum(1 for week in watch.combined.weeks if week.run_km > 0) == HISTORY_WEEKS
    found = insights(session, athlete_id, today)
    assert found.e1rm and found.hard_sets.weeks and found.balance
    assert len(found.soreness_weekly) == HISTORY_WEEKS
    assert found.incidence.adherence_start is not None  # twice a week for twelve weeks
    pbs = {pb.distance: pb for pb in records(session, athlete_id, today).pbs}
    assert {"400m", "1k", "1mile", "5k", "10k", "half", "marathon"} <= set(pbs)


def test_the_injuries_and_races_are_the_demos_own(session: Session, today: date) -> None:
    athlete_id = demo(session, today)
    injuries = list_injuries(session, athlete_id)
    assert [(i.region, i.onset, i.resolved) for i in injuries] == [
        (i.region, i.onset, i.resolved) for i in demo_injuries(today)
    ]
    races = list_races(session, athlete_id)
    assert [(r.name, r.date, r.result_s, r.activity_id) for r in races] == [
        (r.name, r.date, r.result_s, None) for r in demo_races(today)
    ]


def test_without_history_the_demo_has_no_training(session: Session, today: date) -> None:
    athlete = create_demo_athlete(session, today, history=False)
    assert athlete is not None and athlete.id is not None
    assert ActivityRepository(session).list_for(athlete.id) == []
    assert list_strength_sessions(session, athlete.id) == []
    assert list_soreness(session, athlete.id) == []
