"""Correcting and removing what a runner logged: activities (RPE, name, a manual run's numbers,
deletion with their children), strength sessions, soreness scores and races — on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity, BestEffort, Lap, Streams
from stridewell.domain.athletes import ValidationError
from stridewell.domain.load import local_date
from stridewell.domain.strength_log import SetEntry, StrengthSession
from stridewell.domain.vocab import Side
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.load import load_watch, load_watch_to_dict
from stridewell.services.races import (
    add_race,
    delete_race,
    get_race,
    list_races,
    race_from_text,
    race_with_changes,
    update_race,
)
from stridewell.services.runs import (
    correct_activity,
    delete_activity,
    log_manual_run,
    set_activity_rpe,
)
from stridewell.services.soreness import (
    delete_soreness,
    get_soreness,
    list_soreness,
    log_soreness,
    soreness_from_text,
)
from stridewell.services.strength_log import (
    delete_strength_session,
    get_strength_session,
    list_strength_sessions,
    log_strength_session,
)
from stridewell.store.models import (
    ActivityStreamRow,
    BestEffortRow,
    LapRow,
    RaceRow,
    SetEntryRow,
)
from stridewell.store.repositories.activities import ActivityRepository


def _athlete_id(session: Session, today: date, name: str = "A") -> int:
    athlete = create_athlete(
        session,
        athlete_from_text(name=name, sex="F", birth_year=1990, timezone="Europe/Oslo"),
        today,
    )
    assert athlete.id is not None
    return athlete.id


def _imported_run(start: datetime) -> Activity:
    """A 30-minute run from a watch file: samples, two laps and a best effort."""
    samples = 1800
    t = np.arange(samples, dtype=np.float64)
    return Activity(
        source_kind="fit",
        sport="running",
        start_utc=start,
        tz_offset_s=3600,
        elapsed_s=float(samples),
        moving_s=float(samples),
        distance_m=samples * 3.0,
        name="Morning run",
        streams=Streams({"t": t, "distance": t * 3.0}),
        laps=(
            Lap(start_utc=start, elapsed_s=900.0, distance_m=2700.0),
            Lap(start_utc=start + timedelta(seconds=900), elapsed_s=900.0, distance_m=2700.0),
        ),
        best_efforts=(
            BestEffort(distance_m=5000.0, label="5k", time_s=1666.7, start_offset_s=0.0),
        ),
    )


def _count(
    session: Session, row: type[ActivityStreamRow | LapRow | BestEffortRow], activity_id: int
) -> int:
    query = select(func.count()).select_from(row).where(row.activity_id == activity_id)
    return int(session.scalar(query) or 0)


def _day(session: Session, athlete_id: int, today: date, day: date) -> dict[str, float]:
    """The load watch's row for `day` (`load`, `run_km`…), as `stridewell load` gives it."""
    days = load_watch_to_dict(load_watch(session, athlete_id, today))["days"]
    return dict(next(row for row in days if row["date"] == day.isoformat()))


# --- activities ------------------------------------------------------------------------------


def test_deleting_an_activity_removes_its_stream_laps_and_best_efforts(
    session: Session, today: date
) -> None:
    athlete_id = _athlete_id(session, today)
    start = datetime(2026, 3, 9, 7, 0, tzinfo=UTC)
    repository = ActivityRepository(session)
    activity_id = repository.add(athlete_id, _imported_run(start), source_sha256="a" * 64)
    kept_id = repository.add(athlete_id, _imported_run(start + timedelta(days=1)))
    race = add_race(
        session,
        athlete_id,
        race_from_text(name="Parkrun", race_date="2026-03-07", distance="5k", result="0:25:00"),
        today,
    )
    session.execute(update(RaceRow).where(RaceRow.id == race.id).values(activity_id=activity_id))
    assert all(_count(session, row, activity_id) for row in (ActivityStreamRow, LapRow))
    assert _count(session, BestEffortRow, activity_id) == 1

    delete_activity(session, athlete_id, activity_id)

    assert repository.get(activity_id) is None
    for row in (ActivityStreamRow, LapRow, BestEffortRow):
        assert _count(session, row, activity_id) == 0
    assert repository.get(kept_id) is not None
    session.expire_all()
    assert race.id is not None
    kept_race = get_race(session, athlete_id, race.id)
    assert kept_race.result_s == 1500 and kept_race.activity_id is None
    # The same file can come back.
    assert repository.find_by_source(athlete_id, "a" * 64) is None


def test_another_athletes_activity_is_not_found(session: Session, today: date) -> None:
    owner = _athlete_id(session, today, "A")
    other = _athlete_id(session, today, "B")
    activity_id = log_manual_run(
        session, owner, today, day=today, distance_km=8, duration_s=2700, rpe=4
    )
    with pytest.raises(NotFoundError):
        delete_activity(session, other, activity_id)
    with pytest.raises(NotFoundError):
        correct_activity(session, other, activity_id, today, distance_km=9)
    with pytest.raises(NotFoundError):
        delete_activity(session, owner, activity_id + 1000)
    assert ActivityRepository(session).get(activity_id) is not None


def test_a_mistyped_manual_run_is_corrected_and_the_load_follows(
    session: Session, today: date
) -> None:
    athlete_id = _athlete_id(session, today)
    day = today - timedelta(days=1)
    activity_id = log_manual_run(
        session, athlete_id, today, day=day, distance_km=80, duration_s=8 * 3600, name="Loop"
    )
    assert _day(session, athlete_id, today, day)["run_km"] == pytest.approx(80)

    correct_activity(session, athlete_id, activity_id, today, distance_km=8, duration_s=2700)

    stored = ActivityRepository(session).get(activity_id)
    assert stored is not None
    run = stored.activity
    assert run.distance_m == 8000 and run.elapsed_s == run.moving_s == 2700
    assert run.name == "Loop" and run.rpe is None
    assert _day(session, athlete_id, today, day)["run_km"] == pytest.approx(8)

    correct_activity(session, athlete_id, activity_id, today, day=day - timedelta(days=2), name="")
    moved = ActivityRepository(session).get(activity_id)
    assert moved is not None and moved.activity.name is None
    assert moved.activity.tz_offset_s is not None
    assert local_date(moved.activity.start_utc, moved.activity.tz_offset_s) == day - timedelta(
        days=2
    )


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"distance_km": 0.0}, "distance_km"),
        ({"distance_km": 85.0}, "duration"),  # 85 km in 45 minutes: beyond any record
        ({"duration_s": 0}, "duration"),
        ({"day": date(2026, 3, 12)}, "date"),
    ],
)
def test_a_bad_correction_is_refused_and_changes_nothing(
    session: Session, today: date, values: dict[str, object], field: str
) -> None:
    athlete_id = _athlete_id(session, today)
    activity_id = log_manual_run(
        session, athlete_id, today, day=today, distance_km=8, duration_s=2700
    )
    with pytest.raises(ValidationError) as refused:
        correct_activity(session, athlete_id, activity_id, today, **values)  # type: ignore[arg-type]
    assert refused.value.field == field
    stored = ActivityRepository(session).get(activity_id)
    assert stored is not None and stored.activity.distance_m == 8000


def test_an_imported_activity_takes_an_rpe_and_a_name_but_keeps_its_numbers(
    session: Session, today: date
) -> None:
    athlete_id = _athlete_id(session, today)
    start = datetime(2026, 3, 10, 7, 0, tzinfo=UTC)
    activity_id = ActivityRepository(session).add(athlete_id, _imported_run(start))
    day = date(2026, 3, 10)
    # No heart rate and no RPE: the run is measured by its distance.
    by_distance = _day(session, athlete_id, today, day)["load"]

    set_activity_rpe(session, athlete_id, activity_id, 6)
    correct_activity(session, athlete_id, activity_id, today, name="  Tempo ")

    by_rpe = _day(session, athlete_id, today, day)["load"]
    assert by_rpe != by_distance
    stored = ActivityRepository(session).get(activity_id)
    assert stored is not None
    assert (stored.activity.rpe, stored.activity.name) == (6, "Tempo")
    for values, field in (
        ({"distance_km": 5.0}, "distance_km"),
        ({"duration_s": 1200}, "duration"),
        ({"day": day}, "date"),
    ):
        with pytest.raises(ValidationError, match="comes from its file") as refused:
            correct_activity(session, athlete_id, activity_id, today, **values)
        assert refused.value.field == field
    assert stored.activity.distance_m == 5400


# --- strength sessions and soreness -----------------------------------------------------------


def _strength(day: date) -> StrengthSession:
    return StrengthSession(
        date=day,
        sets=(
            SetEntry("single-leg-rdl", Side.LEFT, reps=8, load_kg=16, rpe=8),
            SetEntry("single-leg-rdl", Side.RIGHT, reps=8, load_kg=16, rpe=8),
        ),
        duration_s=1800,
        rpe=7,
    )


def test_deleting_a_strength_session_removes_its_sets(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    other = _athlete_id(session, today, "B")
    stored = log_strength_session(session, athlete_id, _strength(today), today)
    kept = log_strength_session(session, athlete_id, _strength(today - timedelta(days=2)), today)
    assert stored.id is not None and kept.id is not None
    assert get_strength_session(session, athlete_id, stored.id) == stored
    with pytest.raises(NotFoundError):
        get_strength_session(session, other, stored.id)
    with pytest.raises(NotFoundError):
        delete_strength_session(session, other, stored.id)

    removed = delete_strength_session(session, athlete_id, stored.id)

    assert removed == stored
    assert list_strength_sessions(session, athlete_id) == [kept]
    sets_left = session.scalar(
        select(func.count()).select_from(SetEntryRow).where(SetEntryRow.session_id == stored.id)
    )
    assert sets_left == 0
    with pytest.raises(NotFoundError):
        delete_strength_session(session, athlete_id, stored.id)


def test_deleting_one_soreness_score_keeps_the_others(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    entries = soreness_from_text(
        day=today.isoformat(), context="morning", scores_text="quad:6,glute:2"
    )
    quad, glute = log_soreness(session, athlete_id, entries, today)
    assert quad.id is not None
    with pytest.raises(NotFoundError):
        delete_soreness(session, _athlete_id(session, today, "B"), quad.id)
    assert delete_soreness(session, athlete_id, quad.id) == quad
    assert list_soreness(session, athlete_id) == [glute]
    with pytest.raises(NotFoundError):
        get_soreness(session, athlete_id, quad.id)


# --- races -----------------------------------------------------------------------------------


def test_a_goal_race_given_its_result_becomes_a_past_result(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    goal = add_race(
        session,
        athlete_id,
        race_from_text(name="Spring Half", race_date="2026-03-15", distance="half", goal="1:45:00"),
        today,
    )
    race_day = date(2026, 3, 15)
    after_race = race_day + timedelta(days=1)

    given = race_with_changes(goal, {"result": "1:43:20"})
    stored = update_race(session, athlete_id, given, after_race)

    assert [race.id for race in list_races(session, athlete_id)] == [goal.id]
    assert stored.result_s == 6200 and stored.goal_s == 6300 and not stored.is_goal


def test_race_changes_follow_the_rules_of_a_new_race(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    goal = add_race(
        session,
        athlete_id,
        race_from_text(name="Autumn", race_date="2026-10-04", distance="marathon", goal="3:20:00"),
        today,
    )
    for changes, field in (
        ({"result": "3:18:00"}, "result"),  # not run yet
        ({"date": "2026-03-01"}, "result"),  # moved into the past without a result
        ({"name": " "}, "name"),
        ({"distance": "far"}, "distance"),
        ({"goal": "3 hours"}, "goal"),
        ({"colour": "red"}, "colour"),
    ):
        with pytest.raises(ValidationError) as refused:
            update_race(session, athlete_id, race_with_changes(goal, changes), today)
        assert refused.value.field == field, changes
    assert list_races(session, athlete_id) == [goal]

    cleared = update_race(
        session, athlete_id, race_with_changes(goal, {"goal": None, "distance": "42000"}), today
    )
    assert cleared.goal_s is None and cleared.distance_m == 42000


def test_a_past_goal_race_without_a_result_can_still_be_renamed(
    session: Session, today: date
) -> None:
    athlete_id = _athlete_id(session, today)
    goal = add_race(
        session,
        athlete_id,
        race_from_text(name="10k", race_date=today.isoformat(), distance="10k"),
        today,
    )
    later = today + timedelta(days=3)
    renamed = update_race(session, athlete_id, race_with_changes(goal, {"name": "Club 10k"}), later)
    assert renamed.name == "Club 10k" and renamed.is_goal


def test_deleting_a_race(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    race = add_race(
        session,
        athlete_id,
        race_from_text(name="Parkrun", race_date="2026-02-07", distance="5k", result="0:24:30"),
        today,
    )
    assert race.id is not None
    with pytest.raises(NotFoundError):
        delete_race(session, _athlete_id(session, today, "B"), race.id)
    assert delete_race(session, athlete_id, race.id) == race
    assert list_races(session, athlete_id) == []
