from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity
from stridewell.domain.athletes import Athlete
from stridewell.domain.planning.model import Plan, PlannedSession, PlanWeek
from stridewell.domain.strength_log import (
    SetEntry,
    SorenessContext,
    SorenessEntry,
    StrengthSession,
)
from stridewell.domain.vocab import Phase, Region, Sex, Side
from stridewell.store.db import unit_of_work
from stridewell.store.models import SetEntryRow
from stridewell.store.repositories import ActivityRepository, AthleteRepository, PlanRepository
from stridewell.store.repositories.logs import (
    ActivityRpeRepository,
    SorenessRepository,
    StrengthLogRepository,
)

SESSION = StrengthSession(
    date=date(2026, 3, 10),
    sets=(
        SetEntry("single-leg-rdl", Side.LEFT, reps=10, load_kg=12.5, rpe=7.5),
        SetEntry("single-leg-rdl", Side.RIGHT, reps=10, load_kg=12.5),
        SetEntry("side-plank", Side.BOTH, hold_s=30),
    ),
    duration_s=2700,
    rpe=7,
    notes="felt strong",
)


def _athlete_id(session: Session) -> int:
    athlete = AthleteRepository(session).add(Athlete(name="A", sex=Sex.F, birth_year=1990))
    assert athlete.id is not None
    return athlete.id


def test_a_strength_session_round_trips_with_its_sets_in_order(engine: Engine) -> None:
    with unit_of_work(engine) as session:
        athlete_id = _athlete_id(session)
        added = StrengthLogRepository(session).add(athlete_id, SESSION)
    with unit_of_work(engine) as session:
        repository = StrengthLogRepository(session)
        assert added.id is not None
        fetched = repository.get(added.id)
        assert fetched == added
        assert fetched is not None and fetched.sets == SESSION.sets
        assert fetched.athlete_id == athlete_id and fetched.notes == "felt strong"
        # design.md: set_entry.side is L | R | both.
        stored_sides = session.scalars(select(SetEntryRow.side).order_by(SetEntryRow.order))
        assert list(stored_sides) == ["L", "R", "both"]
        assert repository.list_for(athlete_id) == [fetched]
        assert repository.list_for(athlete_id, start=date(2026, 3, 11)) == []
        assert repository.get(999) is None


def test_a_page_of_sessions_comes_with_its_own_sets_in_order(engine: Engine) -> None:
    """Sessions by date (then as logged), each with exactly its sets in their order, whether
    the whole range or a page of it is read; another athlete's sessions stay out."""
    with unit_of_work(engine) as session:
        athlete_id, other = _athlete_id(session), _athlete_id(session)
        repository = StrengthLogRepository(session)
        logged = [
            repository.add(athlete_id, replace(SESSION, date=day, sets=sets))
            for day, sets in [
                (date(2026, 3, 12), SESSION.sets[::-1]),
                (date(2026, 3, 10), SESSION.sets),
                (date(2026, 3, 12), SESSION.sets[:1]),
                (date(2026, 3, 11), (SetEntry("clamshell", Side.LEFT, reps=15),)),
            ]
        ]
        repository.add(other, SESSION)
    with unit_of_work(engine) as session:
        repository = StrengthLogRepository(session)
        everything = repository.list_for(athlete_id)
        assert everything == [logged[1], logged[3], logged[0], logged[2]]
        assert [s.sets for s in everything] == [
            SESSION.sets, (SetEntry("clamshell", Side.LEFT, reps=15),), SESSION.sets[::-1],
            SESSION.sets[:1],
        ]  # fmt: skip
        assert repository.list_for(athlete_id, limit=2, offset=1) == everything[1:3]
        assert repository.list_for(athlete_id, start=date(2026, 3, 11), end=date(2026, 3, 11)) == [
            logged[3]
        ]
        assert repository.list_for(athlete_id, limit=2, offset=4) == []


def test_a_planned_session_reference_names_its_athlete_and_kind(engine: Engine) -> None:
    with unit_of_work(engine) as session:
        athlete_id = _athlete_id(session)
        monday = date(2026, 3, 9)
        week = PlanWeek(
            index=1,
            start=monday,
            phase=Phase.BASE,
            run_km=20.0,
            strength_sessions=1,
            sessions=(PlannedSession(date=date(2026, 3, 10), kind="strength", title="Hips",
                                     why="Glute medius."),),  # fmt: skip
        )
        plan = Plan(athlete_id, monday, date(2026, 3, 15), None, (week,))
        PlanRepository(session).add(athlete_id, plan, inputs={})
    with unit_of_work(engine) as session:
        repository = StrengthLogRepository(session)
        ref = repository.planned_session(1)
        assert ref is not None
        assert (ref.athlete_id, ref.kind, ref.title, ref.date) == (
            athlete_id,
            "strength",
            "Hips",
            date(2026, 3, 10),
        )
        assert repository.planned_session(2) is None


def test_soreness_round_trips(engine: Engine) -> None:
    entries = (
        SorenessEntry(date(2026, 3, 10), SorenessContext.POST_RACE, Region.QUAD, 6, Side.LEFT),
        SorenessEntry(date(2026, 3, 9), SorenessContext.MORNING, Region.IT_BAND, 2, Side.RIGHT),
    )
    with unit_of_work(engine) as session:
        athlete_id = _athlete_id(session)
        added = SorenessRepository(session).add_all(athlete_id, entries)
    with unit_of_work(engine) as session:
        listed = SorenessRepository(session).list_for(athlete_id)
    assert listed == sorted(added, key=lambda entry: entry.date)
    assert [(e.region, e.side, e.score, e.context) for e in listed] == [
        (Region.IT_BAND, Side.RIGHT, 2, SorenessContext.MORNING),
        (Region.QUAD, Side.LEFT, 6, SorenessContext.POST_RACE),
    ]


def test_the_rpe_of_an_activity_can_be_set(engine: Engine) -> None:
    run = Activity(source_kind="gpx", sport="running",
                   start_utc=datetime(2026, 3, 9, 7, tzinfo=UTC), distance_m=5000.0)  # fmt: skip
    with unit_of_work(engine) as session:
        athlete_id = _athlete_id(session)
        activity_id = ActivityRepository(session).add(athlete_id, run)
        repository = ActivityRpeRepository(session)
        assert repository.owner(activity_id) == athlete_id and repository.owner(999) is None
        assert repository.set_rpe(activity_id, 5.5) and not repository.set_rpe(999, 5.5)
    with unit_of_work(engine) as session:
        stored = ActivityRepository(session).get(activity_id)
    assert stored is not None and stored.activity.rpe == 5.5
