"""Property tests: over random athletes, availabilities, injuries and races, every plan keeps
its own rules (ramp caps, long-run share, heavy-day placement, session contents, rest days,
equipment and active injuries)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stridewell.domain.athletes import Athlete, Availability, Injury, Race
from stridewell.domain.planning.model import PlanRequest
from stridewell.domain.planning.planner import generate_plan
from stridewell.domain.vocab import Equipment, Experience, Region, Sex, Side, Weekday
from tests.domain.plan_checks import check_all

TODAY = date(2026, 11, 25)


@st.composite
def availabilities(draw: st.DrawFn) -> Availability:
    days = draw(st.lists(st.sampled_from(list(Weekday)), min_size=1, max_size=6, unique=True))
    long_day = draw(st.sampled_from(days))
    return Availability(days=tuple(days), long_run_day=long_day)


@st.composite
def injuries(draw: st.DrawFn) -> Injury:
    onset = TODAY - timedelta(days=draw(st.integers(0, 900)))
    resolved_after = draw(st.one_of(st.none(), st.integers(0, 200)))
    resolved = None
    if resolved_after is not None:
        resolved = min(TODAY, onset + timedelta(days=resolved_after))
    return Injury(
        region=draw(st.sampled_from(list(Region))),
        side=draw(st.sampled_from(list(Side))),
        onset=onset,
        severity=draw(st.integers(0, 10)),
        resolved=resolved,
        days_off_running=draw(st.integers(0, 60)),
    )


@st.composite
def races(draw: st.DrawFn) -> Race | None:
    if draw(st.booleans()):
        return None
    distance = draw(st.sampled_from([5000.0, 10000.0, 21097.5, 42195.0, 15000.0, 30000.0]))
    days_out = draw(st.integers(10, 300))
    return Race("Goal", TODAY + timedelta(days=days_out), distance)


@given(
    availability=availabilities(),
    kit=st.frozensets(st.sampled_from(list(Equipment))),
    experience=st.sampled_from(list(Experience)),
    weekly_km=st.floats(0, 120, allow_nan=False),
    injury_list=st.lists(injuries(), max_size=3),
    race=races(),
    weeks=st.one_of(st.none(), st.integers(1, 30)),
)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_plan_keeps_its_rules(
    availability: Availability,
    kit: frozenset[Equipment],
    experience: Experience,
    weekly_km: float,
    injury_list: list[Injury],
    race: Race | None,
    weeks: int | None,
) -> None:
    athlete = Athlete(
        id=1, name="Any", sex=Sex.X, birth_year=1990, experience=experience,
        equipment=kit | {Equipment.BODYWEIGHT}, availability=availability, weekly_km=weekly_km,
    )
    request = PlanRequest(
        athlete=athlete, start=TODAY, today=TODAY, injuries=tuple(injury_list), race=race,
        weeks=weeks,
    )
    plan = generate_plan(request)
    start = plan.start
    active = frozenset(i.region for i in injury_list if i.is_active(start))
    check_all(plan, weekly_km, athlete.equipment, active)
    assert generate_plan(request) == plan
