"""`regenerate_plan`: keep the weeks already lived, plan the rest again from today's inputs."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.athletes import ValidationError
from stridewell.domain.planning.model import Plan, PlanRequest
from stridewell.domain.planning.planner import generate_plan
from stridewell.domain.vocab import Phase
from stridewell.services.adherence import plan_adherence
from stridewell.services.errors import NotFoundError
from stridewell.services.injuries import add_injury, injury_from_text
from stridewell.services.plans import (
    ReplanReason,
    build_plan,
    latest_plan,
    regenerate_plan,
    replan_to_dict,
)
from stridewell.services.races import add_race, race_from_text
from stridewell.store.repositories import PlanRepository
from tests.conftest import TinyPlanner
from tests.services.test_adherence import (
    add_activity,
    log_strength,
    make_athlete,
    planned_strength_ids,
)

CUT = date(2026, 3, 11)  # a Wednesday (= the `today` fixture)


class Recording:
    """The real planner, remembering the requests it was given."""

    def __init__(self) -> None:
        self.requests: list[PlanRequest] = []

    def __call__(self, request: PlanRequest) -> Plan:
        self.requests.append(request)
        return generate_plan(request)


def run_daily(session: Session, athlete_id: int, first: date, last: date, km: float) -> None:
    day = first
    while day <= last:
        add_activity(session, athlete_id, datetime.combine(day, time(7), UTC), km)
        day += timedelta(days=2)


def test_sessions_before_the_cut_stay_and_the_rest_of_the_week_becomes_rest(
    session: Session, today: date
) -> None:
    athlete_id = make_athlete(session, today)
    old = build_plan(session, athlete_id, date(2026, 2, 16), start=date(2026, 2, 16), weeks=10)
    old_id = PlanRepository(session).latest(athlete_id).id  # type: ignore[union-attr]
    # Every other day from 11 Feb to 10 Mar: 14 runs of 8 km over the 4 weeks = 28 km a week.
    run_daily(session, athlete_id, date(2026, 2, 11), date(2026, 3, 10), 8.0)
    planner = Recording()
    replan = regenerate_plan(session, athlete_id, today, reason=ReplanReason.ILL, planner=planner)
    (request,) = planner.requests
    assert replan.recent_weekly_km == 28.0
    assert request.weekly_km == replan.weekly_km == 19.6  # 70 % after illness
    assert request.start == CUT
    plan = replan.plan
    assert latest_plan(session, athlete_id) == plan
    assert PlanRepository(session).get(old_id) is not None  # the old plan is kept as it was
    assert [w.index for w in plan.weeks] == list(range(1, len(plan.weeks) + 1))
    assert plan.start == old.start and replan.kept_weeks == 4
    before = [s for s in plan.sessions() if s.date < CUT]
    assert before == [s for s in old.sessions() if s.date < CUT]
    cut_week = plan.weeks[3]
    assert cut_week.start == date(2026, 3, 9)
    gap = [s for s in cut_week.sessions if s.date >= CUT]
    assert [s.date.day for s in gap] == [11, 12, 13, 14, 15]
    assert all(s.kind == "rest" and "after illness" in s.why for s in gap)
    kept_runs = [s.run.distance_km for s in cut_week.sessions if s.run is not None]
    assert cut_week.run_km == round(sum(kept_runs), 1)
    new_part = plan.weeks[4:]
    assert new_part[0].start == date(2026, 3, 16)
    assert [w.start for w in new_part] == [w.start for w in generate_plan(request).weeks]
    assert any("Re-planned from 2026-03-11 after illness" in note for note in plan.notes)
    data = replan_to_dict(replan)
    assert data["replan"] == {
        "from": "2026-03-11", "reason": "ill", "previous_plan_id": old_id,
        "recent_weekly_km": 28.0, "weekly_km": 19.6, "kept_weeks": 4,
    }  # fmt: skip
    assert data["plan"]["weeks"][3]["sessions"][-1]["kind"] == "rest"


def test_other_reasons_keep_the_recent_volume_and_no_runs_fall_back_to_the_profile(
    session: Session, today: date
) -> None:
    athlete_id = make_athlete(session, today)  # profile: 40 km a week
    build_plan(session, athlete_id, today, weeks=4)
    planner = Recording()
    replan = regenerate_plan(session, athlete_id, today, planner=planner)
    assert replan.recent_weekly_km is None and replan.weekly_km == 40.0
    overreached = regenerate_plan(
        session, athlete_id, today, reason=ReplanReason.OVERREACHED, planner=planner
    )
    assert overreached.weekly_km == 28.0
    assert [r.weekly_km for r in planner.requests] == [40.0, 28.0]


def test_injured_needs_an_injury_on_record_and_then_starts_with_a_return_to_run(
    session: Session, today: date
) -> None:
    athlete_id = make_athlete(session, today)
    build_plan(session, athlete_id, today, start=date(2026, 3, 2), weeks=6)
    with pytest.raises(ValidationError, match="no injury is on record"):
        regenerate_plan(session, athlete_id, today, reason=ReplanReason.INJURED)
    add_injury(
        session,
        athlete_id,
        injury_from_text(region="it_band", side="right", onset="2026-03-08", severity=6),
        today,
    )
    replan = regenerate_plan(session, athlete_id, today, reason=ReplanReason.INJURED)
    new_weeks = [w for w in replan.plan.weeks if w.start >= date(2026, 3, 16)]
    assert new_weeks[0].phase is Phase.RETURN_TO_RUN
    assert replan.plan.weeks[0].phase is Phase.BASE  # the week already run stays as it was


def test_the_goal_race_of_the_old_plan_is_kept(session: Session, today: date) -> None:
    athlete_id = make_athlete(session, today)
    race = add_race(
        session,
        athlete_id,
        race_from_text(name="Spring Half", race_date="2026-05-10", distance="half"),
        today,
    )
    add_race(
        session,
        athlete_id,
        race_from_text(name="Parkrun", race_date="2026-04-04", distance="5k"),
        today,
    )
    build_plan(session, athlete_id, date(2026, 3, 2), race_id=race.id, start=date(2026, 3, 2))
    replan = regenerate_plan(session, athlete_id, today, start=date(2026, 3, 16))
    assert replan.plan.race is not None and replan.plan.race.id == race.id
    assert replan.plan.end >= date(2026, 5, 10)
    assert replan.start == date(2026, 3, 16) and replan.kept_weeks == 2


def test_when_the_planner_starts_before_the_cut_those_days_keep_the_old_sessions(
    session: Session, today: date, tiny_planner: TinyPlanner
) -> None:
    # The tiny planner starts on the Monday of the start day (as the real one does in race week).
    athlete_id = make_athlete(session, today)
    old = build_plan(session, athlete_id, today, start=date(2026, 3, 2), weeks=3,
                     weekly_km=50, planner=tiny_planner)  # fmt: skip
    replan = regenerate_plan(session, athlete_id, today, planner=tiny_planner)
    week = next(w for w in replan.plan.weeks if w.start == date(2026, 3, 9))
    old_tuesday = next(s for s in old.sessions() if s.date == date(2026, 3, 10))
    assert old_tuesday in week.sessions
    long_run = next(s for s in week.sessions if s.kind == "run")
    assert long_run.run is not None and long_run.run.distance_km == 12.0  # 30 % of 40 km
    assert [w.start for w in replan.plan.weeks] == [date(2026, 3, 2), date(2026, 3, 9),
                                                   date(2026, 3, 16)]  # fmt: skip


def test_strength_logged_against_the_old_plan_still_counts_after_a_replan(
    session: Session, today: date, tiny_planner: TinyPlanner
) -> None:
    athlete_id = make_athlete(session, today)
    build_plan(session, athlete_id, today, start=date(2026, 3, 2), weeks=3, planner=tiny_planner)
    old_ids = planned_strength_ids(session)
    log_strength(session, athlete_id, date(2026, 3, 3), old_ids[date(2026, 3, 3)])
    regenerate_plan(session, athlete_id, today, start=date(2026, 3, 9), planner=tiny_planner)
    first = plan_adherence(session, athlete_id, today)[0]
    assert (first.planned_strength, first.done_strength) == (1, 1)


def test_nothing_to_regenerate_without_a_plan(session: Session, today: date) -> None:
    athlete_id = make_athlete(session, today)
    with pytest.raises(NotFoundError, match="plan generate"):
        regenerate_plan(session, athlete_id, today)


def test_a_replan_cannot_start_weeks_in_the_past(session: Session, today: date) -> None:
    athlete_id = make_athlete(session, today)
    build_plan(session, athlete_id, today, start=date(2026, 3, 2), weeks=6)
    with pytest.raises(ValidationError, match="four weeks ago"):
        regenerate_plan(session, athlete_id, today, start=date(2026, 1, 5))
