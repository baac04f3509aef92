"""Weekly running volume: ramp, cut-back weeks, taper, race week and recovery.

Rules (ramp10, nielsen2014, buist2008 in docs/science.md):
- a loading week is at most 10 % above the last full (non-cut-back) week;
- a cut-back week runs 80 % of the week before it;
- the week after a cut-back returns at most to the level before it (≤ 25 % over the cut-back);
- return-to-run and recovery weeks grow by at most 25 % a week;
- taper weeks shrink toward the race, but never so far that race week (race + shake-outs) is
  more than 25 % above the week before it, where the race allows.
Every week-over-week increase therefore stays below the 30 % jump the load watch flags.
"""

from __future__ import annotations

from stridewell.domain.planning import rules
from stridewell.domain.planning.phases import WeekFrame
from stridewell.domain.vocab import Phase

LOADING = (Phase.BASE, Phase.BUILD, Phase.PEAK)


def half_km(value: float) -> float:
    """Round down to 0.5 km, the precision the plan prescribes in."""
    return max(0.0, int(value * 2) / 2)


def return_stage_km(stage: int, easy_pace_s_per_km: float) -> float:
    """Distance of one walk-run session at a stage (walking at ~10 min/km)."""
    walk_min, jog_min, repeats = rules.RETURN_STAGES[min(stage, len(rules.RETURN_STAGES) - 1)]
    jog_km = jog_min * repeats * 60 / easy_pace_s_per_km
    walk_km = walk_min * repeats / 10
    return jog_km + walk_km


def weekly_km(
    frames: list[WeekFrame],
    current_km: float,
    peak_km: float,
    race_week_km: float | None,
    easy_pace_s_per_km: float,
) -> list[float]:
    """The target running volume of every week, rounded to 0.5 km."""
    targets: list[float] = []
    last_full = max(current_km, 0.0)  # the last non-cut-back loading level
    previous = last_full
    base_cap = peak_km * 0.85  # base builds toward, build/peak reach, the peak volume
    return_stage = 0
    for i, frame in enumerate(frames):
        phase = frame.phase
        if phase == Phase.RETURN_TO_RUN:
            km = rules.RETURN_SESSIONS_PER_WEEK * return_stage_km(return_stage, easy_pace_s_per_km)
            return_stage += 1
            # Also against the athlete's current volume in week 1: three walk-run sessions can be
            # more than a low-volume runner ran before (nielsen2014).
            if previous >= rules.MIN_WEEK_KM:
                km = min(km, previous * (1 + rules.MAX_RETURN_JUMP))
        elif phase in LOADING:
            cap = base_cap if phase == Phase.BASE else peak_km
            if frame.cutback:
                km = previous * rules.CUTBACK_FRACTION
            else:
                if last_full < rules.MIN_WEEK_KM:
                    grown = rules.MIN_WEEK_KM
                else:
                    grown = last_full * (1 + rules.MAX_WEEKLY_RAMP)
                km = min(grown, max(cap, last_full))
                if previous > 0 and i > 0:
                    km = min(km, previous * (1 + rules.MAX_RETURN_JUMP))
        elif phase == Phase.TAPER:
            taper_index = _position_from_end(frames, i, Phase.TAPER)
            share = rules.TAPER_SHARE[-1 - taper_index] if taper_index < len(
                rules.TAPER_SHARE
            ) else rules.TAPER_SHARE[0]
            km = min(previous, peak_km * share)
            if race_week_km is not None and taper_index == 0:
                # Keep race week within a 25 % step of the week before it (nielsen2014).
                km = max(km, min(previous, race_week_km / (1 + rules.MAX_RETURN_JUMP)))
        elif phase == Phase.RACE:
            km = race_week_km if race_week_km is not None else previous * 0.5
        else:  # recovery
            recovery_index = _position_from_start(frames, i, Phase.RECOVERY)
            share = rules.RECOVERY_SHARE[min(recovery_index, len(rules.RECOVERY_SHARE) - 1)]
            km = peak_km * share
            if i > 0:
                km = min(km, previous * (1 + rules.MAX_RETURN_JUMP))
        km = half_km(km)
        if phase in (Phase.RETURN_TO_RUN, Phase.RECOVERY) or (
            phase in LOADING and not frame.cutback
        ):
            last_full = km
        targets.append(km)
        previous = km
    return targets


def _position_from_end(frames: list[WeekFrame], i: int, phase: Phase) -> int:
    """0 for the last week of this phase block, 1 for the one before, …"""
    position = 0
    j = i + 1
    while j < len(frames) and frames[j].phase == phase:
        position += 1
        j += 1
    return position


def _position_from_start(frames: list[WeekFrame], i: int, phase: Phase) -> int:
    position = 0
    j = i - 1
    while j >= 0 and frames[j].phase == phase:
        position += 1
        j -= 1
    return position
