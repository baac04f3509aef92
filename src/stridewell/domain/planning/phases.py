"""Which phase each week of the plan is in, and which weeks are cut-back weeks.

Phases are counted backwards from the goal race (race week, taper, peak, build, base before
that) and forwards from the start for a staged return to running after an injury.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from stridewell.domain.athletes import Injury, Race, distance_label
from stridewell.domain.planning import rules
from stridewell.domain.planning.emphasis import region_words
from stridewell.domain.vocab import Experience, Phase


@dataclass(frozen=True)
class WeekFrame:
    index: int  # 1-based
    start: date  # Monday
    phase: Phase
    cutback: bool
    phase_week: int  # 1-based position inside its phase block (for dose progression)


def monday_on_or_after(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def race_key(race: Race) -> str:
    """The nearest standard distance, for the tables in `rules`."""
    label = distance_label(race.distance_m)
    if label in rules.TAPER_WEEKS:
        return label
    if race.distance_m < 7500:
        return "5k"
    if race.distance_m < 15000:
        return "10k"
    if race.distance_m < 30000:
        return "half"
    return "marathon"


def return_to_run_weeks(injuries: tuple[Injury, ...], start: date) -> tuple[int, str]:
    """How many return-to-run weeks the plan opens with, and why (return_to_run)."""
    weeks = 0
    reason = ""
    for injury in injuries:
        if injury.is_active(start):
            if 4 > weeks:
                weeks = 4
                reason = (
                    f"your {region_words(injury.region)} injury is still active, "
                    "so running comes back in walk-run stages"
                )
        elif (
            injury.resolved is not None
            and injury.days_off_running >= rules.RETURN_AFTER_DAYS_OFF
            and (start - injury.resolved).days <= rules.RETURN_WINDOW_DAYS
        ):
            weeks_back = (start - injury.resolved).days // 7
            needed = max(2, 4 - weeks_back)
            if needed > weeks:
                weeks = needed
                reason = (
                    f"you had {injury.days_off_running} days off running with a "
                    f"{region_words(injury.region)} injury, resolved "
                    f"{injury.resolved.isoformat()}; a staged return comes before normal training"
                )
    return weeks, reason


def plan_weeks(
    start: date,
    race: Race | None,
    weeks: int | None,
    return_weeks: int,
    experience: Experience,
) -> list[WeekFrame]:
    """Lay out the weeks: phases and cut-back weeks."""
    first_monday = monday_of(start)
    phases: list[Phase]
    if race is None:
        count = weeks or 12
        phases = [Phase.BASE] * count
    else:
        key = race_key(race)
        race_week = (monday_of(race.date) - first_monday).days // 7  # 0-based
        after = rules.RECOVERY_WEEKS[key]
        count = weeks or race_week + 1 + after
        phases = [Phase.BASE] * count
        blocks = (
            (Phase.TAPER, rules.TAPER_WEEKS[key]),
            (Phase.PEAK, rules.PEAK_WEEKS[key]),
            (Phase.BUILD, rules.BUILD_WEEKS[key]),
        )
        cursor = race_week
        if 0 <= cursor < count:
            phases[cursor] = Phase.RACE
        for phase, length in blocks:
            for _ in range(length):
                cursor -= 1
                if 0 <= cursor < count:
                    phases[cursor] = phase
        for offset in range(1, after + 1):
            if 0 <= race_week + offset < count:
                phases[race_week + offset] = Phase.RECOVERY
        for later in range(race_week + after + 1, count):
            phases[later] = Phase.BASE
    # A staged return overrides the opening weeks, but never the taper or the race itself.
    for i in range(min(return_weeks, count)):
        if phases[i] in (Phase.BASE, Phase.BUILD, Phase.PEAK):
            phases[i] = Phase.RETURN_TO_RUN

    every = rules.CUTBACK_EVERY_WEEKS[experience]
    frames: list[WeekFrame] = []
    loading_streak = 0
    phase_week = 0
    for i, phase in enumerate(phases):
        phase_week = phase_week + 1 if i > 0 and phases[i - 1] == phase else 1
        cutback = False
        if phase in (Phase.BASE, Phase.BUILD, Phase.PEAK):
            loading_streak += 1
            # Never make the last loading week before the taper a cut-back: the taper follows.
            next_phase = phases[i + 1] if i + 1 < len(phases) else None
            if loading_streak >= every and next_phase in (Phase.BASE, Phase.BUILD, Phase.PEAK):
                cutback = True
                loading_streak = 0
        else:
            loading_streak = 0
        frames.append(
            WeekFrame(
                index=i + 1,
                start=first_monday + timedelta(weeks=i),
                phase=phase,
                cutback=cutback,
                phase_week=phase_week,
            )
        )
    return frames
