"""Performance: personal bests, race predictions (Riegel, VDOT, Cameron), pace zones, e1RM.

Formulas and their limits are in docs/science.md (#riegel1981, #vdot, #daniels_zones, #cameron,
#epley_brzycki). Times are seconds, distances metres, paces seconds per kilometre.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from stridewell.domain.athletes import RACE_DISTANCES_M

__all__ = [
    "DANIELS_ZONES_PCT",
    "MAX_E1RM_REPS",
    "RIEGEL_MARATHON_CAVEAT",
    "STANDARD_DISTANCES_M",
    "Effort",
    "EffortSource",
    "PersonalBest",
    "RacePrediction",
    "TrainingPace",
    "brzycki_1rm",
    "cameron_time_s",
    "epley_1rm",
    "fraction_of_vo2max",
    "pace_at_fraction_s_per_km",
    "personal_bests",
    "predict_races",
    "predict_time_s",
    "reference_best",
    "riegel_caveat",
    "riegel_time_s",
    "standard_distance",
    "training_paces",
    "vdot",
    "velocity_at_vo2",
    "vo2_at_velocity",
]

# Standard distances of best efforts and personal bests (labels as BestEffort uses them).
STANDARD_DISTANCES_M: dict[str, float] = {
    "400m": 400.0,
    "1k": 1000.0,
    "1mile": 1609.344,
    **RACE_DISTANCES_M,
}
# A result counts for a standard distance when within this share of it (a race measured as
# 5,010 m is a 5 km); best efforts are exact.
DISTANCE_TOLERANCE = 0.005

RIEGEL_EXPONENT = 1.06
# Vickers & Vertosick 2016: well calibrated to the half marathon, too fast beyond it.
RIEGEL_RELIABLE_TO_M = 21097.5
RIEGEL_MARATHON_CAVEAT = (
    "Riegel's formula is too optimistic beyond the half marathon: in 2,303 recreational "
    "runners it predicted a marathon at least 10 minutes too fast for half of them "
    "(Vickers & Vertosick 2016)"
)

# Epley and Brzycki hold for low rep counts; past 10 reps they drift apart (docs/science.md).
MAX_E1RM_REPS = 10


# --- Riegel -------------------------------------------------------------------------------


def riegel_time_s(
    time_s: float, distance_m: float, target_distance_m: float, exponent: float = RIEGEL_EXPONENT
) -> float:
    """Riegel 1981: T₂ = T₁ · (D₂ / D₁)^1.06."""
    _check_positive(time_s=time_s, distance_m=distance_m, target_distance_m=target_distance_m)
    return time_s * math.pow(target_distance_m / distance_m, exponent)


def riegel_caveat(target_distance_m: float) -> str | None:
    """The warning to print beside a Riegel prediction, or None where Riegel holds up."""
    return RIEGEL_MARATHON_CAVEAT if target_distance_m > RIEGEL_RELIABLE_TO_M + 1 else None


# --- Daniels & Gilbert VDOT ----------------------------------------------------------------

# VO₂ (ml/kg/min) at velocity v (m/min): −4.60 + 0.182258·v + 0.000104·v².
_VO2_C, _VO2_B, _VO2_A = -4.60, 0.182258, 0.000104


def vo2_at_velocity(velocity_m_min: float) -> float:
    """Oxygen cost of running at `velocity_m_min` (Daniels & Gilbert 1979)."""
    return _VO2_C + _VO2_B * velocity_m_min + _VO2_A * velocity_m_min**2


def velocity_at_vo2(vo2: float) -> float:
    """The velocity (m/min) whose oxygen cost is `vo2`: the positive root of the quadratic."""
    discriminant = _VO2_B**2 - 4 * _VO2_A * (_VO2_C - vo2)
    if discriminant < 0:
        raise ValueError(f"no running velocity has an oxygen cost of {vo2!r}")
    velocity = (-_VO2_B + math.sqrt(discriminant)) / (2 * _VO2_A)
    if velocity <= 0:
        raise ValueError(f"no running velocity has an oxygen cost of {vo2!r}")
    return velocity


def fraction_of_vo2max(minutes: float) -> float:
    """Share of VO₂max sustainable for a race of `minutes` (Daniels & Gilbert 1979)."""
    return (
        0.8
        + 0.1894393 * math.exp(-0.012778 * minutes)
        + 0.2989558 * math.exp(-0.1932605 * minutes)
    )


def vdot(distance_m: float, time_s: float) -> float:
    """VDOT of a race: VO₂ at its average velocity ÷ the share of VO₂max held for its time.

    5 km in 20:00 gives 49.8.
    """
    _check_positive(distance_m=distance_m, time_s=time_s)
    minutes = time_s / 60.0
    return vo2_at_velocity(distance_m / minutes) / fraction_of_vo2max(minutes)


def predict_time_s(vdot_value: float, distance_m: float) -> float:
    """The race time whose VDOT over `distance_m` equals `vdot_value`.

    VDOT(d, t) falls steadily as t grows, so bisection on t finds the one answer,
    deterministically, to well under a millisecond.
    """
    _check_positive(vdot_value=vdot_value, distance_m=distance_m)
    fast_s, slow_s = 1.0, 3600.0
    while vdot(distance_m, fast_s) < vdot_value:
        fast_s /= 2.0
        if fast_s < 1e-3:
            raise ValueError(f"VDOT {vdot_value!r} is out of reach over {distance_m:g} m")
    while vdot(distance_m, slow_s) > vdot_value:
        slow_s *= 2.0
        if slow_s > 3600.0 * 24 * 30:
            raise ValueError(f"VDOT {vdot_value!r} is too low to predict {distance_m:g} m")
    for _ in range(200):
        middle_s = (fast_s + slow_s) / 2.0
        if vdot(distance_m, middle_s) > vdot_value:
            fast_s = middle_s
        else:
            slow_s = middle_s
        if slow_s - fast_s < 1e-6:
            break
    return (fast_s + slow_s) / 2.0


# --- Daniels training paces -----------------------------------------------------------------

# Intensity ranges in % of VO₂max (from Daniels' notes; docs/science.md#daniels_zones ⚠).
DANIELS_ZONES_PCT: dict[str, tuple[float, float]] = {
    "E": (59.0, 74.0),  # easy
    "M": (75.0, 84.0),  # marathon
    "T": (83.0, 88.0),  # threshold; ≤ 10 % of the week
    "I": (95.0, 100.0),  # interval; ≤ min(10 km, 8 % of the week)
    "R": (105.0, 120.0),  # repetition; ≤ min(8 km, 5 % of the week)
}


@dataclass(frozen=True)
class TrainingPace:
    zone: str
    pct_low: float
    pct_high: float
    fast_s_per_km: float  # at pct_high
    slow_s_per_km: float  # at pct_low


def pace_at_fraction_s_per_km(vdot_value: float, fraction: float) -> float:
    """Pace (s/km) at which the oxygen cost is `fraction` of VDOT."""
    return 60_000.0 / velocity_at_vo2(vdot_value * fraction)


def training_paces(vdot_value: float) -> tuple[TrainingPace, ...]:
    """Daniels' E/M/T/I/R paces for a VDOT, from each zone's %VO₂max range."""
    _check_positive(vdot_value=vdot_value)
    return tuple(
        TrainingPace(
            zone,
            low,
            high,
            pace_at_fraction_s_per_km(vdot_value, high / 100.0),
            pace_at_fraction_s_per_km(vdot_value, low / 100.0),
        )
        for zone, (low, high) in DANIELS_ZONES_PCT.items()
    )


# --- Cameron -------------------------------------------------------------------------------


def _cameron_factor(distance_m: float) -> float:
    return 13.49681 - 0.000030363 * distance_m + 835.7114 / math.pow(distance_m, 0.7905)


def cameron_time_s(time_s: float, distance_m: float, target_distance_m: float) -> float:
    """Cameron: T₂ = T₁ · (D₂/D₁) · f(D₁)/f(D₂), f(D) = 13.49681 − 0.000030363·D
    + 835.7114/D^0.7905 (D in metres; the form Runalyze uses)."""
    _check_positive(time_s=time_s, distance_m=distance_m, target_distance_m=target_distance_m)
    return (
        time_s
        * (target_distance_m / distance_m)
        * _cameron_factor(distance_m)
        / _cameron_factor(target_distance_m)
    )


# --- Estimated one-repetition maximum -------------------------------------------------------


def _check_set(load_kg: float, reps: int) -> bool:
    """True when an estimate applies; raises on impossible input."""
    if load_kg < 0 or not math.isfinite(load_kg):
        raise ValueError(f"load must be a finite number ≥ 0 kg, not {load_kg!r}")
    if reps < 1:
        raise ValueError(f"reps must be at least 1, not {reps!r}")
    return reps <= MAX_E1RM_REPS


def epley_1rm(load_kg: float, reps: int) -> float | None:
    """Epley: w · (1 + r/30). None past 10 reps; a single is its own 1RM, not an estimate."""
    if not _check_set(load_kg, reps):
        return None
    return load_kg if reps == 1 else load_kg * (1.0 + reps / 30.0)


def brzycki_1rm(load_kg: float, reps: int) -> float | None:
    """Brzycki: 36 · w / (37 − r). None past 10 reps."""
    if not _check_set(load_kg, reps):
        return None
    return 36.0 * load_kg / (37.0 - reps)


# --- Personal bests and predictions ---------------------------------------------------------


class EffortSource(StrEnum):
    RACE = "race"
    BEST_EFFORT = "best_effort"


@dataclass(frozen=True)
class Effort:
    """A timed distance: a race result, or the fastest stretch inside an activity."""

    distance_m: float
    time_s: float
    date: date
    source: EffortSource
    activity_id: int | None = None

    def __post_init__(self) -> None:
        _check_positive(distance_m=self.distance_m, time_s=self.time_s)
        EffortSource(self.source)


@dataclass(frozen=True)
class PersonalBest:
    distance: str  # label: 400m, 1k, 1mile, 5k, 10k, half, marathon
    distance_m: float
    time_s: float
    date: date
    source: EffortSource
    activity_id: int | None


@dataclass(frozen=True)
class RacePrediction:
    distance: str
    distance_m: float
    riegel_s: float
    vdot_s: float


def standard_distance(
    distance_m: float, distances: Mapping[str, float] = STANDARD_DISTANCES_M
) -> str | None:
    """The label of the standard distance `distance_m` matches, if any."""
    for label, metres in distances.items():
        if abs(distance_m - metres) <= max(1.0, metres * DISTANCE_TOLERANCE):
            return label
    return None


def personal_bests(
    efforts: Iterable[Effort], distances: Mapping[str, float] = STANDARD_DISTANCES_M
) -> tuple[PersonalBest, ...]:
    """The fastest effort per standard distance, shortest distance first.

    Ties go to the earlier date (who did it first), then to a race over a best effort.
    """
    best: dict[str, tuple[tuple[float, date, int], Effort]] = {}
    for effort in efforts:
        label = standard_distance(effort.distance_m, distances)
        if label is None:
            continue
        rank = (effort.time_s, effort.date, 0 if effort.source == EffortSource.RACE else 1)
        if label not in best or rank < best[label][0]:
            best[label] = (rank, effort)
    return tuple(
        PersonalBest(
            label,
            distances[label],
            effort.time_s,
            effort.date,
            EffortSource(effort.source),
            effort.activity_id,
        )
        for label, (_, effort) in sorted(best.items(), key=lambda item: distances[item[0]])
    )


def reference_best(
    pbs: Iterable[PersonalBest], min_distance_m: float = 3000.0
) -> PersonalBest | None:
    """The PB with the highest VDOT among those of at least `min_distance_m`.

    Efforts shorter than ~3 km lean on anaerobic capacity and overstate endurance, so they do
    not set the reference for predictions.
    """
    candidates = [pb for pb in pbs if pb.distance_m >= min_distance_m]
    if not candidates:
        return None
    return max(candidates, key=lambda pb: (vdot(pb.distance_m, pb.time_s), pb.distance_m))


def predict_races(
    reference: PersonalBest | Effort, distances: Mapping[str, float] = RACE_DISTANCES_M
) -> tuple[RacePrediction, ...]:
    """Riegel and VDOT predictions for each distance from one reference performance."""
    reference_vdot = vdot(reference.distance_m, reference.time_s)
    return tuple(
        RacePrediction(
            label,
            metres,
            riegel_time_s(reference.time_s, reference.distance_m, metres),
            predict_time_s(reference_vdot, metres),
        )
        for label, metres in distances.items()
    )


def _check_positive(**values: float) -> None:
    for name, value in values.items():
        if not math.isfinite(value) or value <= 0:
            raise ValueError(f"{name} must be a positive number, not {value!r}")
