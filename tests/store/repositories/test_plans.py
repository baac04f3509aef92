from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from stridewell.domain.athletes import Athlete, Race
from stridewell.domain.planning.model import Plan, PlanRequest
from stridewell.domain.vocab import Sex
from stridewell.store.models import PlannedSessionRow
from stridewell.store.repositories import AthleteRepository, PlanRepository, RaceRepository

Planner = Callable[[PlanRequest], Plan]


def _plan(session: Session, planner: Planner, race: bool = True, weeks: int = 3) -> Plan:
    athlete = AthleteRepository(session).add(Athlete(name="A", sex=Sex.F, birth_year=1990))
    assert athlete.id is not None
    goal = (
        RaceRepository(session).add(
            athlete.id, Race(name="Goal", date=date(2026, 4, 5), distance_m=21097.5, goal_s=5400)
        )
        if race
        else None
    )
    return planner(
        PlanRequest(athlete, date(2026, 3, 11), date(2026, 3, 11), race=goal, weeks=weeks)
    )


def test_a_plan_comes_back_equal_to_the_one_stored(session: Session, tiny_planner: Planner) -> None:
    plan = _plan(session, tiny_planner)
    repository = PlanRepository(session)
    stored = repository.add(plan.athlete_id or 0, plan, inputs={"weeks": 3})
    session.expire_all()
    loaded = repository.get(stored.id)
    assert loaded is not None
    assert loaded.plan == plan
    assert loaded.inputs == {"weeks": 3}


def test_every_session_is_one_row_in_plan_order(session: Session, tiny_planner: Planner) -> None:
    plan = _plan(session, tiny_planner, weeks=4)
    PlanRepository(session).add(plan.athlete_id or 0, plan, inputs={})
    rows = session.scalars(select(PlannedSessionRow).order_by(PlannedSessionRow.order)).all()
    assert [(row.date, row.kind) for row in rows] == [(s.date, s.kind) for s in plan.sessions()]
    assert [row.week_index for row in rows] == [w.index for w in plan.weeks for _ in w.sessions]


def test_latest_is_the_most_recently_created_plan(session: Session, tiny_planner: Planner) -> None:
    plan = _plan(session, tiny_planner, race=False, weeks=2)
    athlete_id = plan.athlete_id or 0
    repository = PlanRepository(session)
    assert repository.latest(athlete_id) is None
    older = repository.add(athlete_id, plan, {}, created_utc=datetime(2026, 3, 1, tzinfo=UTC))
    newer_plan = Plan(athlete_id, plan.start, plan.end, None, plan.weeks[:1])
    newer = repository.add(athlete_id, newer_plan, {}, created_utc=datetime(2026, 3, 2, tzinfo=UTC))
    latest = repository.latest(athlete_id)
    assert latest is not None and latest.id == newer.id != older.id
    assert latest.plan == newer_plan


def test_deleting_the_goal_race_keeps_the_plan_without_it(
    session: Session, tiny_planner: Planner
) -> None:
    plan = _plan(session, tiny_planner)
    stored = PlanRepository(session).add(plan.athlete_id or 0, plan, inputs={})
    session.execute(text("DELETE FROM race"))
    session.expire_all()
    loaded = PlanRepository(session).get(stored.id)
    assert loaded is not None
    assert loaded.plan.race is None
    assert loaded.plan.weeks == plan.weeks


def test_deleting_a_plan_deletes_its_sessions(session: Session, tiny_planner: Planner) -> None:
    plan = _plan(session, tiny_planner)
    PlanRepository(session).add(plan.athlete_id or 0, plan, inputs={})
    session.execute(text("DELETE FROM plan"))
    assert session.scalar(select(func.count()).select_from(PlannedSessionRow)) == 0
