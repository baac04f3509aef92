"""Plan adherence from the store: runs on local days, strength logs matched to planned sessions."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity
from stridewell.domain.athletes import ValidationError
from stridewell.services.adherence import adherence_to_dict, done_runs, plan_adherence
from stridewell.services.athletes import athlete_from_text, create_athlete, get_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.plans import build_plan
from stridewell.store.models import PlannedSessionRow, StrengthSessionRow
from stridewell.store.repositories import ActivityRepository
from tests.conftest import TinyPlanner


def make_athlete(session: Session, today: date, timezone: str = "Europe/Berlin") -> int:
    athlete = create_athlete(
        session,
        athlete_from_text(name="Ada", sex="F", birth_year=1988, weekly_km=40, timezone=timezone),
        today,
    )
    assert athlete.id is not None
    return athlete.id


def add_activity(
    session: Session,
    athlete_id: int,
    start_utc: datetime,
    km: float,
    sport: str = "running",
    tz_offset_s: int | None = None,
) -> None:
    ActivityRepository(session).add(
        athlete_id,
        Activity(
            source_kind="manual",
            sport=sport,
            start_utc=start_utc,
            tz_offset_s=tz_offset_s,
            distance_m=km * 1000,
            elapsed_s=km * 360,
        ),
    )


def log_strength(
    session: Session, athlete_id: int, day: date, planned_session_id: int | None = None
) -> None:
    session.add(
        StrengthSessionRow(
            athlete_id=athlete_id,
            date=day,
            planned_session_id=planned_session_id,
            duration_s=2400,
            rpe=7.0,
            notes="",
        )
    )
    session.flush()


def planned_strength_ids(session: Session) -> dict[date, int]:
    query = select(PlannedSessionRow.date, PlannedSessionRow.id).where(
        PlannedSessionRow.kind == "strength"
    )
    return {day: session_id for day, session_id in session.execute(query)}


def test_weeks_of_the_latest_plan_show_planned_against_done(
    session: Session, today: date, tiny_planner: TinyPlanner
) -> None:
    # Tiny plan from Monday 2 March: strength on Tuesdays, a 12 km long run on Sundays (40 km/wk).
    athlete_id = make_athlete(session, today)
    build_plan(session, athlete_id, today, start=date(2026, 3, 2), weeks=3, planner=tiny_planner)
    ids = planned_strength_ids(session)
    add_activity(session, athlete_id, datetime(2026, 3, 8, 8, 0, tzinfo=UTC), 10.0)
    add_activity(session, athlete_id, datetime(2026, 3, 5, 17, 0, tzinfo=UTC), 30.0, "cycling")
    # 23:30 UTC on Sunday 8 March is Monday 9 March in Berlin: the run belongs to week 2.
    add_activity(session, athlete_id, datetime(2026, 3, 8, 23, 30, tzinfo=UTC), 6.0)
    log_strength(session, athlete_id, date(2026, 3, 3), ids[date(2026, 3, 3)])
    log_strength(session, athlete_id, date(2026, 3, 9))  # no planned session named
    weeks = plan_adherence(session, athlete_id, today)
    data = adherence_to_dict(weeks)["weeks"]
    assert [w["week_start"] for w in data] == ["2026-03-02", "2026-03-09"]
    first, second = data
    assert first == {
        "week_start": "2026-03-02", "phase": "base", "planned_run_km": 12.0, "done_run_km": 10.0,
        "planned_runs": 1, "done_runs": 1, "planned_strength": 1, "done_strength": 1,
        "run_pct": 83.3, "strength_pct": 100.0, "partial": False,
    }  # fmt: skip
    # Today is Wednesday 11 March: Tuesday's session was due, Sunday's run not yet.
    assert second["partial"] and second["planned_runs"] == 0 and second["run_pct"] is None
    assert (second["done_runs"], second["done_run_km"]) == (1, 6.0)
    assert (second["planned_strength"], second["done_strength"]) == (1, 1)
    assert plan_adherence(session, athlete_id, today, weeks=1) == weeks[-1:]


def test_a_run_without_an_offset_is_dated_in_the_athletes_time_zone(
    session: Session, today: date
) -> None:
    athlete_id = make_athlete(session, today, timezone="America/New_York")
    late = datetime(2026, 3, 10, 2, 0, tzinfo=UTC)  # 22:00 on 9 March in New York
    add_activity(session, athlete_id, late, 5.0)
    add_activity(session, athlete_id, late, 7.0, tz_offset_s=0)  # the file says UTC
    athlete = get_athlete(session, athlete_id)
    runs = done_runs(session, athlete, date(2026, 3, 9), date(2026, 3, 10))
    assert sorted((r.date, r.distance_km) for r in runs) == [
        (date(2026, 3, 9), 5.0),
        (date(2026, 3, 10), 7.0),
    ]


def test_no_plan_and_bad_week_counts_are_errors(session: Session, today: date) -> None:
    athlete_id = make_athlete(session, today)
    with pytest.raises(NotFoundError, match="no plan yet"):
        plan_adherence(session, athlete_id, today)
    with pytest.raises(ValidationError, match="at least 1"):
        plan_adherence(session, athlete_id, today, weeks=0)


def test_a_plan_starting_after_today_has_no_weeks_yet(
    session: Session, today: date, tiny_planner: TinyPlanner
) -> None:
    athlete_id = make_athlete(session, today)
    build_plan(session, athlete_id, today, start=today + timedelta(days=12), planner=tiny_planner)
    assert plan_adherence(session, athlete_id, today) == []
