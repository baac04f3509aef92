from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.vocab import Equipment, Region, Sex, Weekday
from stridewell.services.athletes import athlete_from_text, create_athlete, list_athletes
from stridewell.services.demo import create_demo_athlete, demo_goal_race_date, demo_pb_date
from stridewell.services.injuries import list_injuries
from stridewell.services.plans import build_plan
from stridewell.services.races import list_races, next_goal_race


def test_the_demo_runner_is_the_persona_of_the_design(session: Session, today: date) -> None:
    athlete = create_demo_athlete(session, today)
    assert athlete is not None and athlete.id is not None
    assert athlete.sex is Sex.F
    assert athlete.equipment == frozenset(Equipment)
    assert athlete.availability.days == (
        Weekday.TUE,
        Weekday.WED,
        Weekday.THU,
        Weekday.SAT,
        Weekday.SUN,
    )
    assert athlete.availability.long_run_day is Weekday.SUN
    assert 40 <= athlete.weekly_km <= 50

    injuries = list_injuries(session, athlete.id)
    assert {i.region for i in injuries} == {Region.HIP, Region.GROIN, Region.KNEE, Region.IT_BAND}
    for injury in injuries:
        assert injury.resolved is not None and injury.resolved < today
        assert today - injury.onset <= timedelta(days=2 * 366)

    races = list_races(session, athlete.id)
    results = [race for race in races if race.result_s is not None]
    assert [(r.distance_m, r.result_s) for r in results] == [(42195.0, 3 * 3600 + 24 * 60 + 6)]
    assert results[0].date < today
    goal = next_goal_race(session, athlete.id, today)
    assert goal is not None and goal.distance_m == 42195.0
    assert goal.date.month in (9, 10, 11) and goal.date.weekday() == 6


def test_the_demo_is_added_only_to_an_empty_database(session: Session, today: date) -> None:
    create_athlete(session, athlete_from_text(name="Me", sex="M", birth_year=1980), today)
    assert create_demo_athlete(session, today) is None
    assert [a.name for a in list_athletes(session)] == ["Me"]


@pytest.mark.parametrize(
    ("today", "race_day"),
    [
        (date(2026, 3, 11), date(2026, 10, 4)),
        (date(2026, 7, 1), date(2026, 10, 4)),
        (date(2026, 7, 20), date(2027, 10, 3)),  # under 12 weeks to go: next year
        (date(2026, 11, 25), date(2027, 10, 3)),
    ],
)
def test_goal_race_is_the_next_autumn_marathon_far_enough_away(today: date, race_day: date) -> None:
    assert demo_goal_race_date(today) == race_day


@pytest.mark.parametrize(
    ("today", "pb_day"),
    [
        (date(2026, 3, 11), date(2025, 10, 5)),
        (date(2026, 10, 20), date(2025, 10, 5)),  # this autumn's race was under 4 weeks ago
        (date(2026, 11, 25), date(2026, 10, 4)),
    ],
)
def test_her_pb_is_the_last_autumn_marathon(today: date, pb_day: date) -> None:
    assert demo_pb_date(today) == pb_day


def test_the_demo_runner_gets_a_plan_to_her_marathon(session: Session, today: date) -> None:
    athlete = create_demo_athlete(session, today)
    assert athlete is not None and athlete.id is not None
    plan = build_plan(session, athlete.id, today)
    assert plan.race is not None and plan.race.name == "Autumn Marathon"
    assert any(week.strength_sessions > 0 for week in plan.weeks)


def test_her_plan_is_paced_from_her_pb(session: Session, today: date, tiny_planner: Any) -> None:
    athlete = create_demo_athlete(session, today)
    assert athlete is not None and athlete.id is not None
    build_plan(session, athlete.id, today, planner=tiny_planner)
    assert "3:24:06" in tiny_planner.requests[0].paces.source
