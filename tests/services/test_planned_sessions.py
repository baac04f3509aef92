"""Planned sessions found by their place in the plan (day and number) and by their id."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.planning.model import Plan
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.planned_sessions import planned_session_at, planned_session_by_id
from stridewell.services.plans import build_plan
from tests.conftest import TinyPlanner


def _athlete_with_plan(
    session: Session, today: date, planner: TinyPlanner, name: str
) -> tuple[int, Plan]:
    athlete = create_athlete(session, athlete_from_text(name=name, sex="F", birth_year=1990), today)
    assert athlete.id is not None
    return athlete.id, build_plan(session, athlete.id, today, weeks=2, planner=planner)


def test_each_session_is_found_by_its_day_and_number_and_by_its_id(
    session: Session, today: date, tiny_planner: TinyPlanner
) -> None:
    athlete_id, plan = _athlete_with_plan(session, today, tiny_planner, "A")
    ids = set()
    for planned in plan.sessions():
        found = planned_session_at(session, athlete_id, planned.date, 1)
        assert found.session == planned and found.number == 1
        assert planned_session_by_id(session, athlete_id, found.id) == found
        ids.add(found.id)
    assert len(ids) == len(plan.sessions())


def test_the_latest_plan_is_the_one_addressed_by_day(
    session: Session, today: date, tiny_planner: TinyPlanner
) -> None:
    athlete_id, plan = _athlete_with_plan(session, today, tiny_planner, "A")
    strength_day = plan.weeks[0].start + timedelta(days=1)
    older = planned_session_at(session, athlete_id, strength_day, 1)
    build_plan(session, athlete_id, today, weeks=2, planner=tiny_planner)
    newer = planned_session_at(session, athlete_id, strength_day, 1)
    assert newer.id != older.id and newer.session == older.session
    # A session of an older plan still opens by its id (a log may name it).
    assert planned_session_by_id(session, athlete_id, older.id).id == older.id


def test_what_is_not_there_or_not_yours_is_not_found(
    session: Session, today: date, tiny_planner: TinyPlanner
) -> None:
    mine, _ = _athlete_with_plan(session, today, tiny_planner, "A")
    theirs, plan = _athlete_with_plan(session, today, tiny_planner, "B")
    monday = plan.weeks[0].start
    their_session = planned_session_at(session, theirs, monday + timedelta(days=1), 1)
    with pytest.raises(NotFoundError):
        planned_session_by_id(session, mine, their_session.id)
    with pytest.raises(NotFoundError):
        planned_session_at(session, mine, monday + timedelta(days=1), 2)
    with pytest.raises(NotFoundError):
        planned_session_at(session, mine, date(2001, 1, 1), 1)
