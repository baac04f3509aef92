"""The rules every generated plan must keep, as reusable checks for unit and property tests."""

from __future__ import annotations

from datetime import date, timedelta

from stridewell.domain.exercises import lookup
from stridewell.domain.exercises.model import Exercise, Pattern
from stridewell.domain.planning import rules
from stridewell.domain.planning.model import Plan, PlannedSession
from stridewell.domain.planning.selection import is_trunk_core
from stridewell.domain.vocab import Category, Equipment, Muscle, Phase, Region, RunType

KEY_RUNS = (RunType.LONG, RunType.TEMPO, RunType.INTERVALS, RunType.RACE)
LOADING = (Phase.BASE, Phase.BUILD, Phase.PEAK)
COMPOUND_PATTERNS = (
    Pattern.SQUAT,
    Pattern.SINGLE_LEG_SQUAT,
    Pattern.LUNGE,
    Pattern.HINGE,
    Pattern.SINGLE_LEG_HINGE,
)
# The jump our load watch flags (Nielsen 2014: > 30 %).
FLAGGED_JUMP = 0.30


def by_day(plan: Plan) -> dict[date, list[PlannedSession]]:
    days: dict[date, list[PlannedSession]] = {}
    for session in plan.sessions():
        days.setdefault(session.date, []).append(session)
    return days


def check_week_structure(plan: Plan) -> None:
    for week in plan.weeks:
        assert week.start.weekday() == 0, "weeks start on Monday"
        dates = {s.date for s in week.sessions}
        assert dates == {week.start + timedelta(days=i) for i in range(7)}, "every day present"
        runs = [s.run for s in week.sessions if s.run is not None]
        assert abs(week.run_km - sum(r.distance_km for r in runs)) < 0.05
        strength = [s for s in week.sessions if s.kind == "strength"]
        assert week.strength_sessions == len(strength)
        rest_days = [
            d for d in dates if all(s.kind == "rest" for s in week.sessions if s.date == d)
        ]
        assert rest_days, f"week {week.index} has no full rest day"


def check_volume(plan: Plan, current_km: float) -> None:
    previous = current_km
    last_full = current_km
    for week in plan.weeks:
        km = week.run_km
        if week.phase in LOADING and not week.deload and last_full >= rules.MIN_WEEK_KM:
            assert km <= last_full * (1 + rules.MAX_WEEKLY_RAMP) + 0.05, (
                f"week {week.index}: {km} km ramps more than 10 % over {last_full} km"
            )
        if week.phase != Phase.RACE and previous >= rules.MIN_WEEK_KM:
            assert km <= previous * (1 + FLAGGED_JUMP) + 0.05, (
                f"week {week.index}: {km} km jumps > 30 % over {previous} km"
            )
        if not week.deload:
            last_full = km if km > 0 else last_full
        previous = km
        for session in week.sessions:
            if session.run is not None and session.run.type == RunType.LONG:
                assert session.run.distance_km <= week.run_km * rules.LONG_RUN_MAX_SHARE + 1e-9


def check_heavy_placement(plan: Plan) -> None:
    days = by_day(plan)
    race_day = plan.race.date if plan.race is not None else None
    for day, sessions in days.items():
        heavy = [s for s in sessions if s.is_heavy_strength]
        if not heavy:
            continue
        tomorrow = days.get(day + timedelta(days=1), [])
        for s in tomorrow:
            assert s.run is None or s.run.type not in KEY_RUNS, (
                f"heavy strength on {day} before a {s.run.type if s.run else ''} run"
            )
        for s in sessions:
            assert s.run is None or s.run.type not in (RunType.LONG, RunType.RACE)
        if race_day is not None and day <= race_day:
            assert (race_day - day).days > rules.NO_HEAVY_DAYS_BEFORE_RACE, (
                f"heavy strength on {day}, within 10 days of the race"
            )
        if race_day is not None:
            assert day != race_day and day != race_day - timedelta(days=1)


def _doable(equipment: frozenset[Equipment], active: frozenset[Region]) -> list[Exercise]:
    """What the athlete could do at all (non-heavy, any level up to 3)."""
    return [e for e in lookup.available(lookup.ALL, equipment, active, 3) if not e.heavy]


def check_session_contents(
    plan: Plan, equipment: frozenset[Equipment], active: frozenset[Region]
) -> None:
    """Each strength session has every part that the kit and active injuries leave possible."""
    pool = _doable(equipment, active)
    can_compound = any(
        e.category == Category.COMPOUND and e.pattern in COMPOUND_PATTERNS for e in pool
    )
    can_glute_med = any(
        Muscle.GLUTEUS_MEDIUS in e.primary_muscles and e.category == Category.GLUTE_ACCESSORY
        for e in pool
    )
    can_activation = any(e.category == Category.ACTIVATION for e in pool)
    can_core = any(is_trunk_core(e) for e in pool)
    for session in plan.sessions():
        assert session.why.strip() and session.title.strip()
        if session.run is not None:
            assert session.run.why.strip() and session.run.distance_km > 0
        if session.kind != "strength":
            continue
        exercises = [lookup.by_slug(e.slug) for e in session.exercises]
        categories = {e.category for e in exercises}
        assert not can_activation or Category.ACTIVATION in categories, f"{session.date}"
        assert not can_core or any(is_trunk_core(e) for e in exercises), f"{session.date}"
        assert not can_compound or any(
            e.category == Category.COMPOUND and e.pattern in COMPOUND_PATTERNS for e in exercises
        ), f"{session.date}: no squat or hinge compound"
        assert not can_glute_med or any(
            Muscle.GLUTEUS_MEDIUS in e.primary_muscles and e.category != Category.ACTIVATION
            for e in exercises
        ), f"{session.date}: no gluteus medius accessory"
        if not can_compound:
            assert "left out" in session.why
        assert len({e.slug for e in exercises}) == len(exercises)
        for prescription in session.exercises:
            assert prescription.why.strip()
            assert prescription.sets >= 1
            assert (prescription.reps is None) != (prescription.hold_s is None)
            assert prescription.intensity.startswith("RPE ")


def check_equipment_and_injuries(
    plan: Plan, equipment: frozenset[Equipment], active: frozenset[Region], start: date
) -> None:
    for session in plan.sessions():
        for prescription in session.exercises:
            exercise = lookup.by_slug(prescription.slug)
            assert exercise.can_do_with(equipment), f"{exercise.slug} needs missing kit"
            if active:
                assert not set(exercise.loads_regions) & active, (
                    f"{exercise.slug} loads an injured region"
                )


def check_all(
    plan: Plan,
    current_km: float,
    equipment: frozenset[Equipment],
    active: frozenset[Region] = frozenset(),
) -> None:
    check_week_structure(plan)
    check_volume(plan, current_km)
    check_heavy_placement(plan)
    check_session_contents(plan, equipment, active)
    check_equipment_and_injuries(plan, equipment, active, plan.start)
