"""What an exercise is: the value object every library entry is."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stridewell.domain.vocab import Category, Equipment, Muscle, Region


class Pattern(StrEnum):
    """Movement patterns; substitution swaps exercises within one pattern."""

    SQUAT = "squat"  # bilateral knee-dominant
    SINGLE_LEG_SQUAT = "single_leg_squat"  # unilateral knee-dominant: pistol, split squat, step
    LUNGE = "lunge"
    HINGE = "hinge"  # bilateral hip-dominant: deadlifts
    SINGLE_LEG_HINGE = "single_leg_hinge"
    HIP_EXTENSION = "hip_extension"  # bridges, hip thrusts, kickbacks
    HIP_ABDUCTION = "hip_abduction"
    HIP_EXTERNAL_ROTATION = "hip_external_rotation"
    HIP_ADDUCTION = "hip_adduction"
    HIP_FLEXION = "hip_flexion"
    KNEE_FLEXION = "knee_flexion"  # Nordic, leg curl
    PLANTAR_FLEXION = "plantar_flexion"  # calf raises
    DORSIFLEXION = "dorsiflexion"  # tibialis raise
    FOOT = "foot"  # short foot, toe yoga
    ANTI_EXTENSION = "anti_extension"  # plank, dead bug
    ANTI_ROTATION = "anti_rotation"  # Pallof press, bird dog
    ANTI_LATERAL_FLEXION = "anti_lateral_flexion"  # side plank, suitcase carry
    ROTATION = "rotation"  # Russian twist
    TRUNK_FLEXION = "trunk_flexion"  # leg raises
    JUMP = "jump"  # bilateral plyometric
    HOP = "hop"  # unilateral plyometric
    BOUND = "bound"
    MOBILITY = "mobility"
    PULL = "pull"  # upper body, posture


@dataclass(frozen=True)
class Dose:
    """The library's default prescription; the planner adapts it by phase."""

    sets: int
    reps_low: int | None = None
    reps_high: int | None = None
    hold_s: int | None = None

    def __post_init__(self) -> None:
        if (self.reps_low is None) == (self.hold_s is None):
            raise ValueError("a dose is either a rep range or a hold, not both or neither")
        if self.reps_low is not None and (
            self.reps_high is None or self.reps_high < self.reps_low
        ):
            raise ValueError("a rep range needs reps_high >= reps_low")

    @property
    def reps_text(self) -> str | None:
        if self.reps_low is None:
            return None
        if self.reps_low == self.reps_high:
            return str(self.reps_low)
        return f"{self.reps_low}-{self.reps_high}"


@dataclass(frozen=True)
class Exercise:
    slug: str
    name: str
    category: Category
    pattern: Pattern
    primary_muscles: tuple[Muscle, ...]
    secondary_muscles: tuple[Muscle, ...]
    unilateral: bool
    # Any one of these is enough to do the exercise; "bodyweight" means no kit at all.
    equipment: tuple[Equipment, ...]
    level: int  # 1 (anyone) .. 5 (advanced)
    dose: Dose
    cues: tuple[str, ...]
    loads_regions: tuple[Region, ...]  # regions an active injury there should spare
    why_runners: str  # one or two sentences: why a runner does this
    aliases: tuple[str, ...] = ()
    progressions: tuple[str, ...] = ()  # harder variants (slugs)
    regressions: tuple[str, ...] = ()  # easier variants (slugs)
    evidence: str | None = None  # key into docs/science.md, e.g. "fredericson2000"
    heavy: bool = False  # a heavy lower-body lift: kept away from the day before key runs

    def can_do_with(self, available: frozenset[Equipment]) -> bool:
        return Equipment.BODYWEIGHT in self.equipment or bool(available & set(self.equipment))

    def works(self, muscle: Muscle) -> bool:
        return muscle in self.primary_muscles or muscle in self.secondary_muscles
