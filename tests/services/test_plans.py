from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Protocol

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.athletes import Race, ValidationError
from stridewell.domain.planning.model import Paces, Plan, PlanRequest
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.injuries import add_injury, injury_from_text
from stridewell.services.plans import build_plan, latest_plan, paces_from_results, plan_to_dict
from stridewell.services.races import add_race, race_from_text


class RecordingPlanner(Protocol):
    requests: list[PlanRequest]

    def __call__(self, request: PlanRequest) -> Plan: ...


def _athlete_id(session: Session, today: date, name: str = "A") -> int:
    athlete = create_athlete(
        session,
        athlete_from_text(name=name, sex="F", birth_year=1988, weekly_km=45, days="tue,thu,sun"),
        today,
    )
    assert athlete.id is not None
    return athlete.id


def _add_race(session: Session, athlete_id: int, today: date, **text: str) -> int:
    values = {"name": "Goal", "race_date": "2026-10-04", "distance": "marathon", **text}
    race = add_race(session, athlete_id, race_from_text(**values), today)
    assert race.id is not None
    return race.id


def test_the_planner_gets_the_athlete_injuries_and_next_goal_race(
    session: Session, today: date, tiny_planner: RecordingPlanner
) -> None:
    athlete_id = _athlete_id(session, today)
    add_injury(
        session,
        athlete_id,
        injury_from_text(region="hip", side="right", onset="2025-01-01", severity=5),
        today,
    )
    _add_race(session, athlete_id, today, race_date="2025-10-05", result="3:24:06")
    later = _add_race(session, athlete_id, today, race_date="2026-10-04")
    sooner = _add_race(session, athlete_id, today, race_date="2026-06-07", distance="half")
    plan = build_plan(session, athlete_id, today, planner=tiny_planner)
    (request,) = tiny_planner.requests
    assert request.athlete.id == athlete_id
    assert request.start == today and request.today == today
    assert [injury.region.value for injury in request.injuries] == ["hip"]
    assert request.race is not None and request.race.id == sooner != later
    assert plan.race == request.race


def test_the_stored_plan_is_the_latest_and_equals_the_one_returned(
    session: Session, today: date, tiny_planner: RecordingPlanner
) -> None:
    athlete_id = _athlete_id(session, today)
    assert latest_plan(session, athlete_id) is None
    first = build_plan(session, athlete_id, today, weeks=3, planner=tiny_planner)
    second = build_plan(session, athlete_id, today, weeks=5, weekly_km=30, planner=tiny_planner)
    session.expire_all()
    assert latest_plan(session, athlete_id) == second != first
    assert tiny_planner.requests[1].weeks == 5 and tiny_planner.requests[1].weekly_km == 30


def test_options_reach_the_planner(
    session: Session, today: date, tiny_planner: RecordingPlanner
) -> None:
    athlete_id = _athlete_id(session, today)
    race_id = _add_race(session, athlete_id, today)
    build_plan(
        session,
        athlete_id,
        today,
        race_id=race_id,
        start=date(2026, 4, 1),
        weeks=8,
        weekly_km=50.0,
        planner=tiny_planner,
    )
    (request,) = tiny_planner.requests
    assert (request.start, request.weeks, request.weekly_km) == (date(2026, 4, 1), 8, 50.0)
    assert request.race is not None and request.race.id == race_id


@pytest.mark.parametrize(
    ("options", "error", "words"),
    [
        ({"weeks": 0}, ValidationError, "weeks must be between 1 and 104"),
        ({"weekly_km": 500.0}, ValidationError, "out of range"),
        ({"race_id": 999}, NotFoundError, "no race with id 999"),
        ({"start": date(2026, 11, 1), "race": True}, ValidationError, "before the plan start"),
        # Four weeks back is the limit (today is 2026-03-11): past weeks cannot be trained.
        ({"start": date(2026, 2, 10)}, ValidationError, "at the earliest 2026-02-11"),
        ({"start": date(2020, 1, 1)}, ValidationError, "four weeks ago"),
    ],
)
def test_requests_that_cannot_be_planned_never_reach_the_planner(
    session: Session,
    today: date,
    tiny_planner: RecordingPlanner,
    options: dict[str, Any],
    error: type[Exception],
    words: str,
) -> None:
    athlete_id = _athlete_id(session, today)
    options = dict(options)  # shared between the backends' runs
    if options.pop("race", False):
        _add_race(session, athlete_id, today)
    with pytest.raises(error, match=words):
        build_plan(session, athlete_id, today, planner=tiny_planner, **options)
    assert tiny_planner.requests == []
    assert latest_plan(session, athlete_id) is None


def test_a_race_with_a_result_is_not_a_goal(
    session: Session, today: date, tiny_planner: RecordingPlanner
) -> None:
    athlete_id = _athlete_id(session, today)
    past = _add_race(session, athlete_id, today, race_date="2025-10-05", result="3:24:06")
    with pytest.raises(ValidationError, match="already has a result"):
        build_plan(session, athlete_id, today, race_id=past, planner=tiny_planner)


def test_another_athletes_race_cannot_be_the_goal(
    session: Session, today: date, tiny_planner: RecordingPlanner
) -> None:
    mine = _athlete_id(session, today, "Mine")
    theirs = _athlete_id(session, today, "Theirs")
    race_id = _add_race(session, theirs, today)
    with pytest.raises(NotFoundError):
        build_plan(session, mine, today, race_id=race_id, planner=tiny_planner)


def test_plan_json_has_the_shape_of_the_design(
    session: Session, today: date, tiny_planner: RecordingPlanner
) -> None:
    athlete_id = _athlete_id(session, today)
    race_id = _add_race(session, athlete_id, today, goal="3:15:00")
    plan = build_plan(session, athlete_id, today, weeks=3, planner=tiny_planner)
    document = plan_to_dict(plan)
    assert set(document) == {"plan"}
    body = document["plan"]
    assert body["athlete_id"] == athlete_id
    assert body["start"] == plan.start.isoformat() and body["end"] == plan.end.isoformat()
    assert body["race"] == {
        "id": race_id,
        "name": "Goal",
        "date": "2026-10-04",
        "distance_m": 42195.0,
        "goal_s": 11700,
    }
    assert [week["index"] for week in body["weeks"]] == [1, 2, 3]
    week = body["weeks"][0]
    assert {"index", "phase", "run_km", "strength_sessions", "sessions"} <= set(week)
    assert week["phase"] == "base" and week["run_km"] == 45.0
    strength, run = week["sessions"]
    assert set(strength) == {"date", "kind", "title", "why", "run", "exercises"}
    assert strength["kind"] == "strength" and strength["run"] is None
    clamshell, side_plank = strength["exercises"]
    assert clamshell == {
        "slug": "clamshell",
        "name": "Clamshell",
        "category": "glute_accessory",
        "sets": 3,
        "reps": "12-15",
        "hold_s": None,
        "per_side": True,
        "intensity": "RPE 7",
        "rest_s": 60,
        "why": "Gluteus medius.",
    }
    assert side_plank["reps"] is None and side_plank["hold_s"] == 30
    assert run["kind"] == "run" and run["exercises"] == []
    assert {"type", "distance_km", "duration_min", "why"} <= set(run["run"])
    assert run["run"]["type"] == "long" and run["date"] == "2026-03-15"


def test_plan_json_without_a_race_has_race_null(
    session: Session, today: date, tiny_planner: RecordingPlanner
) -> None:
    athlete_id = _athlete_id(session, today)
    plan = build_plan(session, athlete_id, today, planner=tiny_planner)
    assert plan_to_dict(plan)["plan"]["race"] is None


def test_the_real_planner_plans_for_a_stored_athlete(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    _add_race(session, athlete_id, today, goal="3:15:00")
    plan = build_plan(session, athlete_id, today)
    assert plan.weeks and plan.race is not None
    assert plan.start <= plan.race.date <= plan.end
    (race_week,) = [week for week in plan.weeks if week.phase.value == "race"]
    assert race_week.start <= plan.race.date < race_week.start + timedelta(days=7)
    assert latest_plan(session, athlete_id) == plan
    assert all(session.date >= plan.start for week in plan.weeks for session in week.sessions)


def test_a_request_the_real_planner_refuses_is_a_validation_error(
    session: Session, today: date
) -> None:
    athlete_id = _athlete_id(session, today)
    _add_race(session, athlete_id, today, race_date="2029-10-07")
    with pytest.raises(ValidationError, match="more than two years away"):
        build_plan(session, athlete_id, today)


def test_paces_come_from_the_best_recent_result(today: date) -> None:
    marathon = Race(name="M", date=date(2025, 10, 5), distance_m=42195.0, result_s=12246)
    slow_10k = Race(name="10k", date=date(2025, 5, 1), distance_m=10000.0, result_s=3600)
    paces = paces_from_results([slow_10k, marathon], today)
    assert "M on 2025-10-05" in paces.source and "3:24:06" in paces.source
    # A 3:24 marathoner: marathon pace ≈ 4:50/km, everything else in Daniels' order.
    assert 280 <= paces.marathon_s_per_km <= 300
    assert (
        paces.easy_s_per_km
        > paces.marathon_s_per_km
        > paces.threshold_s_per_km
        > paces.interval_s_per_km
    )


def test_old_results_goal_races_and_future_dates_leave_default_paces(today: date) -> None:
    races = [
        Race(name="Old", date=date(2023, 10, 1), distance_m=42195.0, result_s=12000),
        Race(name="Goal", date=date(2026, 10, 4), distance_m=42195.0, goal_s=11700),
    ]
    assert paces_from_results(races, today) == Paces()


def test_the_planner_is_given_paces_from_the_athletes_results(
    session: Session, today: date, tiny_planner: RecordingPlanner
) -> None:
    athlete_id = _athlete_id(session, today)
    _add_race(session, athlete_id, today, race_date="2025-10-05", result="3:24:06")
    build_plan(session, athlete_id, today, planner=tiny_planner)
    assert "VDOT" in tiny_planner.requests[0].paces.source
