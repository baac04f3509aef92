"""The running skeleton of one week: which day carries which run, and how far.

Placement (ramp10, doma2019): the long run on the athlete's long-run day; quality sessions as far
from the long run and from each other as the run days allow, never the day before the long run
when avoidable; the day after the long run is a recovery run. Distances are in 0.5 km steps and
add up exactly to the week's target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from stridewell.domain.athletes import Race, distance_label, format_duration
from stridewell.domain.planning import rules
from stridewell.domain.planning.model import Paces, RunPrescription
from stridewell.domain.planning.phases import WeekFrame
from stridewell.domain.planning.volume import half_km, return_stage_km
from stridewell.domain.vocab import Experience, Phase, RunType

MIN_QUALITY_KM = 5.0
# What a runner calls each kind of run, with its article: titles and reasons read as prose.
RUN_NAMES = {
    RunType.EASY: "easy run",
    RunType.LONG: "long run",
    RunType.TEMPO: "tempo run",
    RunType.INTERVALS: "interval session",
    RunType.RECOVERY: "recovery run",
    RunType.WALK_RUN: "walk-run",
    RunType.RACE: "race",
}


def run_name(run_type: RunType) -> str:
    """`easy run`, `walk-run`, `interval session`…"""
    return RUN_NAMES[run_type]


def a_run(run_type: RunType) -> str:
    """`an easy run`, `a long run`."""
    name = run_name(run_type)
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name}"


QUALITY_RUNS = {
    Phase.RETURN_TO_RUN: 0,
    Phase.BASE: 1,
    Phase.BUILD: 2,
    Phase.PEAK: 2,
    Phase.TAPER: 1,
    Phase.RACE: 0,
    Phase.RECOVERY: 0,
}


@dataclass(frozen=True)
class PlannedRun:
    day: date
    run: RunPrescription

    @property
    def is_key(self) -> bool:
        """Long runs, quality sessions and races: the runs heavy lifting must not precede."""
        return self.run.type in (RunType.LONG, RunType.TEMPO, RunType.INTERVALS, RunType.RACE)


def circular_gap(a: int, b: int) -> int:
    gap = abs(a - b) % 7
    return min(gap, 7 - gap)


def choose_quality_days(
    run_days: tuple[int, ...], long_day: int | None, count: int
) -> tuple[int, ...]:
    """Spread quality days away from the long run and from each other."""
    candidates = [d for d in run_days if d != long_day]
    if long_day is not None:
        # The day before the long run is never a quality day when another day is free.
        not_before = [d for d in candidates if (d + 1) % 7 != long_day]
        if len(not_before) >= count + 1 or (len(not_before) >= count and count > 0):
            candidates = not_before
    count = min(count, len(candidates))
    if count == 0:
        return ()
    anchors = (long_day,) if long_day is not None else ()

    def score(combo: tuple[int, ...]) -> tuple[int, int, int, tuple[int, ...]]:
        points = combo + anchors
        gaps = [circular_gap(a, b) for a, b in combinations(points, 2)] or [7]
        after_long = sum(1 for d in combo if long_day is not None and d == (long_day + 1) % 7)
        return (min(gaps), -after_long, sum(gaps), tuple(-d for d in combo))

    return max(combinations(sorted(candidates), count), key=score)


def quality_count(frame: WeekFrame, experience: Experience, run_days: int) -> int:
    count = QUALITY_RUNS[frame.phase]
    if experience == Experience.NOVICE and frame.phase in (Phase.BASE, Phase.BUILD, Phase.PEAK):
        count = min(count, 1) if frame.phase != Phase.BASE else 0
    if frame.cutback:
        count = max(0, count - 1)  # deload: cut effort as well as volume
    return max(0, min(count, run_days - 2))


def build_week_runs(
    frame: WeekFrame,
    week_km: float,
    run_days: tuple[int, ...],
    long_day: int,
    experience: Experience,
    paces: Paces,
    long_cap_km: float,
    race: Race | None,
) -> list[PlannedRun]:
    """Runs of one week, dated, with distances summing to `week_km`."""
    monday = frame.start
    if frame.phase == Phase.RETURN_TO_RUN:
        return _return_week(frame, run_days, paces, week_km)
    if frame.phase == Phase.RACE and race is not None:
        return _race_week(frame, week_km, run_days, paces, race)

    days = list(run_days)
    # Too little volume for every run day: use fewer days, keeping the long-run day, so that
    # no run is shorter than MIN_RUN_KM.
    non_long_km = week_km * (1 - rules.LONG_RUN_MAX_SHARE)
    max_days = max(1, int(week_km // rules.MIN_RUN_KM))
    if len(days) >= 3 and long_day in days:
        max_days = max(3, min(max_days, 1 + int(non_long_km // rules.MIN_RUN_KM)))
    while len(days) > max_days:
        drop = [d for d in days if d != long_day]
        days.remove(drop[len(drop) // 2] if drop else days[-1])
    has_long = len(days) >= 3 and long_day in days
    quality = quality_count(frame, experience, len(days))
    # A quality session needs room for warm-up, work and cool-down: at least MIN_QUALITY_KM.
    quality = min(quality, 0 if week_km < 20 else 1 if week_km < 30 else 2)
    quality_days = choose_quality_days(tuple(days), long_day if has_long else None, quality)
    runs: dict[int, tuple[RunType, float]] = {}
    remaining = week_km
    if has_long:
        long_km = half_km(min(week_km * rules.LONG_RUN_MAX_SHARE, long_cap_km))
        runs[long_day] = (RunType.LONG, long_km)
        remaining -= long_km
    for i, day in enumerate(quality_days):
        kind = RunType.INTERVALS if (i == 0 and len(quality_days) > 1) else RunType.TEMPO
        if frame.phase == Phase.BASE:
            kind = RunType.TEMPO
        quality_km = half_km(max(MIN_QUALITY_KM, week_km * 0.18))
        runs[day] = (kind, quality_km)
        remaining -= quality_km
    easy_days = [d for d in days if d not in runs]
    recovery_day = (long_day + 1) % 7 if has_long else None
    weights = [0.7 if d == recovery_day else 1.0 for d in easy_days]
    shares = _split_half_km(remaining, weights)
    for day, km in zip(easy_days, shares, strict=True):
        kind = RunType.RECOVERY if day == recovery_day else RunType.EASY
        if frame.phase == Phase.RECOVERY:
            kind = RunType.RECOVERY
        runs[day] = (kind, km)
    return [
        PlannedRun(monday + timedelta(days=day), _prescribe(kind, km, frame, paces, week_km))
        for day, (kind, km) in sorted(runs.items())
        if km > 0
    ]


def _split_half_km(total_km: float, weights: list[float]) -> list[float]:
    """Split `total_km` (a multiple of 0.5) into 0.5 km steps in proportion to `weights`."""
    if not weights:
        return []
    units = int(round(total_km * 2))
    raw = [units * w / sum(weights) for w in weights]
    parts = [int(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda k: (parts[k] - raw[k], k))
    for k in order[: units - sum(parts)]:
        parts[k] += 1
    return [p / 2 for p in parts]


def _prescribe(
    kind: RunType, km: float, frame: WeekFrame, paces: Paces, week_km: float
) -> RunPrescription:
    phase = frame.phase.value.replace("_", " ")
    if kind == RunType.LONG:
        minutes = km * paces.easy_s_per_km * 1.03 / 60
        why = (
            f"Long run: the backbone of endurance; {km:g} km keeps it within a third of this "
            f"week's {week_km:g} km (ramp10)."
        )
        description = f"{km:g} km easy, conversational ({_pace(paces.easy_s_per_km * 1.03)})"
    elif kind == RunType.TEMPO:
        block_min = 15 if frame.phase == Phase.BASE else 20 + min(frame.phase_week, 3) * 5
        if frame.phase == Phase.TAPER:
            block_min = 15
        minutes = (km * paces.easy_s_per_km - block_min * 60) / 60 + block_min
        why = (
            f"Tempo: {block_min} min at threshold pace lifts the pace you can hold for an hour "
            f"(daniels_zones; threshold work ≤ 10 % of the week)."
        )
        description = (
            f"Warm up, {block_min} min at {_pace(paces.threshold_s_per_km)}, cool down; "
            f"{km:g} km in all"
        )
    elif kind == RunType.INTERVALS:
        reps = 5 if frame.phase == Phase.BUILD else 6
        minutes = (km * paces.easy_s_per_km - reps * 60 * 0.5) / 60
        why = (
            "Intervals: short repeats near VO2max pace raise aerobic power; kept to ≤ 8 % of "
            "the week (daniels_zones)."
        )
        description = (
            f"Warm up, {reps} × 800 m at {_pace(paces.interval_s_per_km)} with 400 m jog, "
            f"cool down; {km:g} km in all"
        )
    elif kind == RunType.RECOVERY:
        minutes = km * paces.easy_s_per_km * 1.08 / 60
        why = (
            "Recovery run: very easy, to move the legs after the long run or race without "
            f"adding stress ({phase} phase)."
        )
        description = f"{km:g} km very easy ({_pace(paces.easy_s_per_km * 1.08)})"
    else:
        minutes = km * paces.easy_s_per_km / 60
        why = f"Easy run: aerobic volume at conversational effort ({phase} phase)."
        description = f"{km:g} km easy ({_pace(paces.easy_s_per_km)})"
    return RunPrescription(
        type=kind,
        distance_km=km,
        duration_min=max(1, round(minutes)),
        why=why,
        description=description,
    )


def _return_week(
    frame: WeekFrame, run_days: tuple[int, ...], paces: Paces, week_km: float
) -> list[PlannedRun]:
    """Walk-run sessions on non-consecutive days (return_to_run, silbernagel2007)."""
    stage = frame.index - 1
    walk_min, jog_min, repeats = rules.RETURN_STAGES[min(stage, len(rules.RETURN_STAGES) - 1)]
    chosen: list[int] = []
    for day in sorted(run_days):
        if all(circular_gap(day, c) >= 2 for c in chosen):
            chosen.append(day)
        if len(chosen) == rules.RETURN_SESSIONS_PER_WEEK:
            break
    for day in sorted(run_days):  # too few spread-out days: fill in the rest
        if len(chosen) >= rules.RETURN_SESSIONS_PER_WEEK:
            break
        if day not in chosen:
            chosen.append(day)
    chosen.sort()
    shares = _split_half_km(week_km, [1.0] * len(chosen))
    if walk_min:
        what = f"walk {walk_min} min / jog {jog_min} min, {repeats} times"
    else:
        what = f"{jog_min} min continuous easy jogging"
    session_km = return_stage_km(stage, paces.easy_s_per_km)
    runs = []
    for day, km in zip(chosen, shares, strict=True):
        runs.append(
            PlannedRun(
                frame.start + timedelta(days=day),
                RunPrescription(
                    type=RunType.WALK_RUN,
                    distance_km=km,
                    duration_min=(walk_min + jog_min) * repeats,
                    why=(
                        f"Return to run, stage {min(stage, len(rules.RETURN_STAGES) - 1) + 1}: "
                        f"{what} (about {session_km:.1f} km) at RPE 3–4, a rest day between "
                        f"sessions. {rules.PAIN_GATE}"
                    ),
                    description=what,
                ),
            )
        )
    return runs


def _race_week(
    frame: WeekFrame, week_km: float, run_days: tuple[int, ...], paces: Paces, race: Race
) -> list[PlannedRun]:
    """Race week: a couple of short easy runs early, rest the day before, then the race."""
    race_km = round(race.distance_m / 1000, 1)
    race_day = race.date.weekday()
    shakeout_days = [d for d in sorted(run_days) if d < race_day - 1][-2:]
    shakeout_total = max(0.0, week_km - race_km)
    shares = _split_half_km(half_km(shakeout_total), [1.0] * len(shakeout_days))
    runs = [
        PlannedRun(
            frame.start + timedelta(days=day),
            RunPrescription(
                type=RunType.EASY,
                distance_km=km,
                duration_min=max(1, round(km * paces.easy_s_per_km / 60)),
                why="Race week: short and easy, with a few 20 s strides, to stay fresh and loose.",
                description=f"{km:g} km easy + 4 × 20 s strides",
            ),
        )
        for day, km in zip(shakeout_days, shares, strict=True)
        if km > 0
    ]
    goal = race.goal_s or round(race.distance_m / 1000 * paces.marathon_s_per_km)
    runs.append(
        PlannedRun(
            race.date,
            RunPrescription(
                type=RunType.RACE,
                distance_km=race_km,
                duration_min=round(goal / 60),
                why=(
                    f"Race day: {race.name} ({distance_label(race.distance_m)}), "
                    f"target {format_duration(goal)}. Start steady; the taper has done its work."
                ),
                description=f"{race.name}",
            ),
        )
    )
    return sorted(runs, key=lambda r: r.day)


def race_week_km(race: Race, run_days: tuple[int, ...], peak_km: float) -> float:
    """Race distance plus short shake-out runs early in race week."""
    race_km = round(race.distance_m / 1000, 1)
    shakeouts = [d for d in run_days if d < race.date.weekday() - 1][-2:]
    shakeout_km = min(6.0, max(3.0, half_km(peak_km * 0.08)))
    return race_km + len(shakeouts) * shakeout_km


def _pace(s_per_km: float) -> str:
    total = int(round(s_per_km))
    return f"{total // 60}:{total % 60:02d}/km"
