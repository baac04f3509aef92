"""Plan adherence: planned against done per week, counted by hand on small plans."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from stridewell.domain.adherence import (
    DoneRun,
    DoneStrength,
    recent_weekly_km,
    weekly_adherence,
)
from stridewell.domain.planning.model import Plan, PlannedSession, PlanWeek, RunPrescription
from stridewell.domain.vocab import Phase, RunType

MONDAY = date(2026, 3, 2)


def run(day: date, km: float) -> PlannedSession:
    return PlannedSession(
        day,
        "run",
        "Easy run",
        "Aerobic base.",
        RunPrescription(RunType.EASY, km, round(km * 6), ""),
    )


def strength(day: date) -> PlannedSession:
    return PlannedSession(day, "strength", "Hip strength", "Glutes.")


def rest(day: date) -> PlannedSession:
    return PlannedSession(day, "rest", "Rest", "Recover.")


def week(index: int, phase: Phase = Phase.BASE) -> PlanWeek:
    """Tue 8 km, Wed strength, Thu 6 km, Fri strength, Sun 16 km: 30 km, 3 runs, 2 strength."""
    start = MONDAY + timedelta(weeks=index - 1)
    day = [start + timedelta(days=i) for i in range(7)]
    sessions = (
        rest(day[0]), run(day[1], 8.0), strength(day[2]), run(day[3], 6.0), strength(day[4]),
        rest(day[5]), run(day[6], 16.0),
    )  # fmt: skip
    return PlanWeek(index, start, phase, 30.0, 2, sessions)


PLAN = Plan(
    athlete_id=1,
    start=MONDAY,
    end=MONDAY + timedelta(weeks=3, days=-1),
    race=None,
    weeks=(week(1), week(2), week(3, Phase.BUILD)),
)


def test_a_finished_week_compares_planned_km_runs_and_sessions_with_what_was_done() -> None:
    runs = [DoneRun(date(2026, 3, 3), 8.2), DoneRun(date(2026, 3, 5), 5.0),
            DoneRun(date(2026, 3, 8), 14.8)]  # fmt: skip
    lifts = [DoneStrength(date(2026, 3, 4))]
    (first,) = weekly_adherence(PLAN, runs, lifts, today=date(2026, 3, 8))
    assert first.week_start == MONDAY and first.phase is Phase.BASE and not first.partial
    assert (first.planned_run_km, first.done_run_km) == (30.0, 28.0)
    assert (first.planned_runs, first.done_runs) == (3, 3)
    assert (first.planned_strength, first.done_strength) == (2, 1)
    assert first.run_pct == 93.3  # 28 / 30
    assert first.strength_pct == 50.0


def test_only_weeks_begun_by_today_are_listed_and_the_current_one_counts_to_date() -> None:
    # Wednesday of week 2: Tue's run and Wed's strength were due, Thu/Fri/Sun not yet.
    weeks = weekly_adherence(PLAN, [DoneRun(date(2026, 3, 10), 8.0)], [], today=date(2026, 3, 11))
    assert [w.week_start for w in weeks] == [MONDAY, MONDAY + timedelta(weeks=1)]
    current = weeks[-1]
    assert current.partial
    assert (current.planned_run_km, current.planned_runs, current.planned_strength) == (8.0, 1, 1)
    assert current.run_pct == 100.0 and current.strength_pct == 0.0
    assert weeks[0].done_run_km == 0.0 and weeks[0].run_pct == 0.0


def test_a_logged_session_naming_its_planned_session_counts_in_that_week() -> None:
    # Week 1's Friday session (id 12) made up on the Monday after; an unlinked one on Tuesday.
    planned_ids = {11: date(2026, 3, 4), 12: date(2026, 3, 6), 21: date(2026, 3, 11)}
    lifts = [
        DoneStrength(date(2026, 3, 4), planned_session_id=11),
        DoneStrength(date(2026, 3, 9), planned_session_id=12),
        DoneStrength(date(2026, 3, 10)),
    ]
    first, second = weekly_adherence(PLAN, [], lifts, date(2026, 3, 15), planned_ids)
    assert (first.done_strength, first.strength_pct) == (2, 100.0)
    assert (second.done_strength, second.strength_pct) == (1, 50.0)


def test_a_session_of_another_plan_is_booked_by_its_own_date() -> None:
    lifts = [DoneStrength(date(2026, 3, 10), planned_session_id=999)]
    weeks = weekly_adherence(PLAN, [], lifts, date(2026, 3, 15), {11: date(2026, 3, 4)})
    assert [w.done_strength for w in weeks] == [0, 1]


def test_a_planned_session_done_early_this_week_counts_as_planned_and_done() -> None:
    # Monday of week 2: the Wednesday session (id 21) already done today.
    lifts = [DoneStrength(date(2026, 3, 9), planned_session_id=21)]
    weeks = weekly_adherence(PLAN, [], lifts, date(2026, 3, 9), {21: date(2026, 3, 11)})
    current = weeks[-1]
    assert (current.planned_strength, current.done_strength, current.strength_pct) == (1, 1, 100.0)
    assert current.planned_runs == 0 and current.run_pct is None


def test_runs_outside_the_plan_or_after_today_are_not_counted() -> None:
    runs = [DoneRun(date(2026, 3, 1), 10.0), DoneRun(date(2026, 3, 3), 5.0),
            DoneRun(date(2026, 3, 12), 9.0)]  # fmt: skip
    weeks = weekly_adherence(PLAN, runs, [], date(2026, 3, 11))
    assert [w.done_run_km for w in weeks] == [5.0, 0.0]
    assert weekly_adherence(PLAN, runs, [], date(2026, 3, 1)) == []


def test_recent_weekly_km_averages_four_weeks_counting_empty_weeks_as_zero() -> None:
    cut = date(2026, 3, 11)
    runs = [
        DoneRun(date(2026, 2, 10), 99.0),  # 29 days before: outside
        DoneRun(date(2026, 2, 11), 20.0),  # 28 days before: inside
        DoneRun(date(2026, 3, 1), 12.0),
        DoneRun(date(2026, 3, 10), 10.0),
        DoneRun(date(2026, 3, 11), 50.0),  # the cut day itself: outside
    ]
    assert recent_weekly_km(runs, cut) == 10.5  # (20 + 12 + 10) / 4
    assert recent_weekly_km(runs[:1], cut) is None


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 25), st.floats(0.5, 40.0)), max_size=20))
def test_done_kilometres_are_the_runs_in_each_week_and_sum_to_all_runs_in_the_plan(
    runs: list[tuple[int, float]],
) -> None:
    done = [DoneRun(MONDAY + timedelta(days=offset), km) for offset, km in runs]
    weeks = weekly_adherence(PLAN, done, [], date(2026, 3, 29))
    inside = sum(r.distance_km for r in done if r.date <= date(2026, 3, 22))
    assert abs(sum(w.done_run_km for w in weeks) - inside) < 0.05 * len(weeks) + 1e-9
    assert sum(w.done_runs for w in weeks) == sum(1 for r in done if r.date <= date(2026, 3, 22))
