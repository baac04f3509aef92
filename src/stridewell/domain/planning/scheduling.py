"""Which days of a week carry the strength sessions.

Rules (doma2013, doma2019, schumann2022 in docs/science.md):
- heavy lower-body work never the day before a long run, a quality run or a race, nor on the
  long-run day itself, nor in the last ~10 days before a race;
- preferred on a quality-run day (lift after the run, ≥ 6 h later) or the day after an easy run;
- no strength the day before a race or on race day;
- strength sessions on non-consecutive days where the week allows;
- at least one full rest day (no run, no strength) every week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations

from stridewell.domain.planning import rules
from stridewell.domain.planning.running import PlannedRun, a_run, run_name
from stridewell.domain.vocab import RunType

QUALITY = (RunType.TEMPO, RunType.INTERVALS)


@dataclass(frozen=True)
class StrengthSlot:
    day: date
    heavy: bool  # heavy lower-body work allowed on this day
    reason: str  # why this day, in words


def _runs_on(runs_by_day: dict[date, list[PlannedRun]], day: date) -> list[PlannedRun]:
    return runs_by_day.get(day, [])


def heavy_blocker(
    day: date, runs_by_day: dict[date, list[PlannedRun]], race_day: date | None
) -> str | None:
    """Why heavy legs cannot go on `day`, or None when they can."""
    if race_day is not None and 0 <= (race_day - day).days <= rules.NO_HEAVY_DAYS_BEFORE_RACE:
        return "within 10 days of the race"
    if any(r.run.type in (RunType.LONG, RunType.RACE) for r in _runs_on(runs_by_day, day)):
        return "the long-run day"
    tomorrow = _runs_on(runs_by_day, day + timedelta(days=1))
    for run in tomorrow:
        if run.is_key:
            return f"the day before {a_run(run.run.type)}"
    return None


def place_strength(
    week_days: list[date],
    sessions: int,
    heavy_wanted: bool,
    runs_by_day: dict[date, list[PlannedRun]],
    race_day: date | None,
) -> list[StrengthSlot]:
    """Choose the days of this week's strength sessions."""
    candidates: list[date] = []
    for day in week_days:
        if race_day is not None and 0 <= (race_day - day).days <= 1:
            continue  # race day and the day before: nothing in the gym
        candidates.append(day)
    run_days = {d for d in week_days if _runs_on(runs_by_day, d)}
    sessions = min(sessions, len(candidates))

    def day_score(day: date) -> float:
        runs = _runs_on(runs_by_day, day)
        if any(r.run.type in QUALITY for r in runs):
            return 3.0  # after the quality run: hard days hard, easy days easy
        yesterday = _runs_on(runs_by_day, day - timedelta(days=1))
        if any(r.run.type in (RunType.EASY, RunType.RECOVERY) for r in yesterday):
            return 2.0
        if runs:
            return 1.0
        return 0.5

    best: tuple[tuple[float, ...], tuple[date, ...]] | None = None
    for combo in combinations(candidates, sessions):
        busy = run_days | set(combo)
        if len(busy) >= len(week_days):
            continue  # keep one full rest day a week
        heavy_ok = sum(
            1 for d in combo if heavy_wanted and heavy_blocker(d, runs_by_day, race_day) is None
        )
        gaps = [(b - a).days for a, b in zip(combo, combo[1:], strict=False)]
        adjacent = sum(1 for g in gaps if g < 2)
        score = (float(heavy_ok), -float(adjacent), sum(day_score(d) for d in combo))
        key = (score, tuple(-d.toordinal() for d in combo))
        if best is None or key > (best[0], tuple(-d.toordinal() for d in best[1])):
            best = (score, combo)
    if best is None:
        return []
    slots = []
    for day in best[1]:
        blocker = heavy_blocker(day, runs_by_day, race_day) if heavy_wanted else None
        slots.append(
            StrengthSlot(day=day, heavy=heavy_wanted and blocker is None, reason=_reason(
                day, runs_by_day, blocker, heavy_wanted
            ))
        )
    return slots


def _reason(
    day: date,
    runs_by_day: dict[date, list[PlannedRun]],
    blocker: str | None,
    heavy_wanted: bool,
) -> str:
    runs = _runs_on(runs_by_day, day)
    weekday = day.strftime("%A")
    if runs:
        kind = run_name(runs[0].run.type)
        where = (
            f"{weekday}, after your {kind} — lift at least {rules.HOURS_AFTER_RUN} h later so "
            "the run is done on fresh legs (Doma 2013, Schumann 2022)"
        )
    else:
        yesterday = _runs_on(runs_by_day, day - timedelta(days=1))
        after = f" the day after {a_run(yesterday[0].run.type)}" if yesterday else ""
        where = f"{weekday}, a day without running{after}"
    if not heavy_wanted:
        return where
    if blocker is None:
        return (
            f"{where}; no long run, quality session or race the next day, so heavy legs fit "
            "(Doma 2019: a leg session raises running cost for up to 48 h)"
        )
    return (
        f"{where}; kept light because it is {blocker} (heavy legs are never placed there, "
        "Doma 2019)"
    )
