"""The planner's own plans never trip its own load watch (issue: "the planner's own plan never
has a week-to-week jump that its own load rules would flag").

The plan's runs go through the same load functions the load watch uses (with eight weeks of the
athlete's current volume before them): no `ramp_high` flag may appear, and for the persona no
`acwr_high` flag except while the race itself sits in the 7-day acute window (a race is a
planned one-day spike, tapered for). Race week of a runner whose volume is too low for the race
distance is the one exception, and the plan says so in its notes."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stridewell.domain.athletes import Athlete, Availability, Race
from stridewell.domain.load import Channel, LoadEntry, load_report, run_load_entries
from stridewell.domain.planning.model import Plan, PlanRequest
from stridewell.domain.planning.planner import generate_plan
from stridewell.domain.vocab import Equipment, Experience, RunType, Sex, Weekday
from tests.domain.test_planner import MARATHON, PAST_INJURIES, TODAY, request


def load_entries(plan: Plan, current_km: float, run_days: tuple[int, ...]) -> list[LoadEntry]:
    entries: list[LoadEntry] = []
    # Eight weeks before the plan: the athlete's current volume on her usual run days.
    for week in range(8, 0, -1):
        for weekday in run_days if current_km > 0 else ():
            km = current_km / len(run_days)
            day = plan.start - timedelta(weeks=week) + timedelta(days=weekday)
            entries += run_load_entries(day, distance_m=km * 1000, duration_s=km * 360)
    for session in plan.sessions():
        if session.run is not None:
            entries += run_load_entries(
                session.date,
                distance_m=session.run.distance_km * 1000,
                duration_s=session.run.duration_min * 60,
            )
    return entries


def flags_of(
    plan: Plan, current_km: float, run_days: tuple[int, ...] = (1, 2, 3, 5, 6)
) -> list[tuple[str, date]]:
    report = load_report(
        load_entries(plan, current_km, run_days),
        as_of=plan.end,
        days=(plan.end - plan.start).days + 1,
        channel=Channel.CARDIO,
    )
    race_day = plan.race.date if plan.race is not None else None

    def race_spike(day: date) -> bool:
        return race_day is not None and 0 <= (day - race_day).days < 7

    return [
        (flag.code, flag.date)
        for flag in report.flags
        if flag.code == "ramp_high" or (flag.code == "acwr_high" and not race_spike(flag.date))
    ]


def test_persona_plan_raises_no_load_flags() -> None:
    plan = generate_plan(request())
    assert any(s.run and s.run.type == RunType.RACE for s in plan.sessions())
    assert flags_of(plan, 45.0) == []


def test_return_to_run_plan_raises_no_load_flags() -> None:
    plan = generate_plan(request(injuries=PAST_INJURIES, race=MARATHON, weekly_km=0.0))
    assert flags_of(plan, 0.0) == []


@given(
    days=st.lists(st.sampled_from(list(Weekday)), min_size=3, max_size=6, unique=True),
    experience=st.sampled_from(list(Experience)),
    weekly_km=st.floats(10, 100),
    race_days=st.one_of(st.none(), st.integers(30, 250)),
    distance=st.sampled_from([5000.0, 10000.0, 21097.5, 42195.0]),
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_no_plan_trips_the_load_watch(
    days: list[Weekday],
    experience: Experience,
    weekly_km: float,
    race_days: int | None,
    distance: float,
) -> None:
    race = None if race_days is None else Race("Goal", TODAY + timedelta(days=race_days), distance)
    athlete = Athlete(
        id=1, name="Any", sex=Sex.X, birth_year=1990, experience=experience,
        equipment=frozenset({Equipment.BODYWEIGHT}),
        availability=Availability(tuple(days), days[-1]), weekly_km=weekly_km,
    )
    plan = generate_plan(PlanRequest(athlete=athlete, start=TODAY, today=TODAY, race=race))
    # Week-to-week jumps only: a daily EWMA ratio also reacts to runs bunched on consecutive
    # days, which is the athlete's availability, not a jump in the plan.
    flags = flags_of(plan, weekly_km, athlete.availability.day_indexes)
    ramps = [f for f in flags if f[0] == "ramp_high"]
    race_week = {
        w.start
        for w in plan.weeks
        if race is not None and w.start <= race.date < w.start + timedelta(7)
    }
    assert [f for f in ramps if f[1] - timedelta(days=f[1].weekday()) not in race_week] == []
