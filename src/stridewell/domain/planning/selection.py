"""Choosing the exercises of a strength session, slot by slot.

Every session has activation, a knee-dominant and a hip-dominant compound (single-leg variants
favoured), gluteus medius work, a glute-max accessory and core (lauersen2014, fredericson2000,
blagrove2018); injury history adds slots and shifts emphasis (see `emphasis`); active injuries
exclude exercises that load their region; equipment and level decide what is doable.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from stridewell.domain.exercises import lookup
from stridewell.domain.exercises.model import Exercise, Pattern
from stridewell.domain.planning.emphasis import Emphasis
from stridewell.domain.vocab import Category, Equipment, Muscle, Phase

KNEE_PATTERNS = (Pattern.SINGLE_LEG_SQUAT, Pattern.SQUAT, Pattern.LUNGE)
HIP_PATTERNS = (Pattern.SINGLE_LEG_HINGE, Pattern.HINGE)
GLUTE_MED_PATTERNS = (
    Pattern.HIP_ABDUCTION,
    Pattern.HIP_EXTERNAL_ROTATION,
    Pattern.ANTI_LATERAL_FLEXION,
)


@dataclass(frozen=True)
class Slot:
    role: str  # activation, knee, hip, glute_med, glute_max, core, plyo, adductor, calf, …
    purpose: str  # words for the `why`
    accepts: Callable[[Exercise], bool]
    prefer_unilateral: bool = False
    prefer_muscles: tuple[Muscle, ...] = ()
    prefer_patterns: tuple[Pattern, ...] = ()


def _is(category: Category, *patterns: Pattern) -> Callable[[Exercise], bool]:
    def accepts(exercise: Exercise) -> bool:
        return exercise.category == category and (not patterns or exercise.pattern in patterns)

    return accepts


def _works_primary(muscle: Muscle, *categories: Category) -> Callable[[Exercise], bool]:
    def accepts(exercise: Exercise) -> bool:
        return muscle in exercise.primary_muscles and exercise.category in categories

    return accepts


TRUNK = frozenset(
    {
        Muscle.RECTUS_ABDOMINIS,
        Muscle.OBLIQUES,
        Muscle.TRANSVERSE_ABDOMINIS,
        Muscle.ERECTOR_SPINAE,
    }
)


def is_trunk_core(exercise: Exercise) -> bool:
    """Core work for the trunk (Copenhagen planks count as adductor work, not core)."""
    return (
        exercise.category == Category.CORE
        and exercise.pattern != Pattern.HIP_ADDUCTION
        and bool(TRUNK & set(exercise.primary_muscles))
    )


def session_slots(template: str, phase: Phase, emphasis: Emphasis, light: bool) -> list[Slot]:
    """The slots of strength session `template` ("A" or "B") in this phase."""
    first_knee = template == "A"
    core_a: tuple[Pattern, ...] = (Pattern.ANTI_EXTENSION, Pattern.ANTI_LATERAL_FLEXION)
    core_b: tuple[Pattern, ...] = (Pattern.ANTI_ROTATION, Pattern.ROTATION, Pattern.TRUNK_FLEXION)
    if emphasis.careful_hinge:
        core_b = (Pattern.ANTI_ROTATION, Pattern.ANTI_EXTENSION)
    extras_wanted = list(emphasis.extra_slots)
    if "calf" not in extras_wanted and first_knee:
        extras_wanted.append("calf")  # runners' calves take the most load per stride
    # Keep sessions to about ten exercises: extras replace the second activation and core.
    roomy = len(extras_wanted) < 2
    slots = [
        Slot(
            "activation",
            "gluteus medius activation before loading",
            _is(Category.ACTIVATION),
            prefer_muscles=(Muscle.GLUTEUS_MEDIUS,),
        ),
    ]
    if roomy:
        slots.append(
            Slot(
                "activation",
                "glute and trunk activation",
                _is(Category.ACTIVATION),
                prefer_muscles=(Muscle.GLUTEUS_MAXIMUS,),
            )
        )
    slots += [
        Slot(
            "knee",
            "single-leg squat strength" if first_knee else "squat strength for quads and glutes",
            _is(Category.COMPOUND, *KNEE_PATTERNS),
            prefer_unilateral=first_knee or emphasis.hip_control,
            prefer_patterns=(Pattern.SINGLE_LEG_SQUAT,) if first_knee else (Pattern.SQUAT,),
        ),
        Slot(
            "hip",
            "hip-hinge strength for hamstrings and glutes",
            _is(Category.COMPOUND, *HIP_PATTERNS),
            prefer_unilateral=not first_knee,
            prefer_patterns=(Pattern.HINGE, Pattern.SINGLE_LEG_HINGE)
            if first_knee
            else (Pattern.SINGLE_LEG_HINGE,),
        ),
        Slot(
            "glute_med",
            "gluteus medius work",
            _works_primary(Muscle.GLUTEUS_MEDIUS, Category.GLUTE_ACCESSORY),
            prefer_patterns=(Pattern.HIP_ABDUCTION,) if first_knee else (
                Pattern.HIP_EXTERNAL_ROTATION, Pattern.ANTI_LATERAL_FLEXION
            ),
        ),
        Slot(
            "glute_max",
            "gluteus maximus strength for hip extension",
            _is(Category.GLUTE_ACCESSORY, Pattern.HIP_EXTENSION),
            prefer_unilateral=not first_knee,
        ),
        Slot(
            "core",
            "trunk stiffness so the pelvis stays level",
            is_trunk_core,
            prefer_patterns=core_a if first_knee else core_b,
        ),
    ]
    if roomy:
        slots.append(
            Slot(
                "core",
                "core endurance",
                is_trunk_core,
                prefer_patterns=core_b if first_knee else core_a,
            )
        )
    if emphasis.hip_control:
        slots.append(
            Slot(
                "glute_med",
                "extra gluteus medius work",
                _works_primary(Muscle.GLUTEUS_MEDIUS, Category.GLUTE_ACCESSORY, Category.CORE),
                prefer_patterns=GLUTE_MED_PATTERNS,
            )
        )
    extras = {
        "adductor": Slot(
            "adductor",
            "adductor strength",
            lambda e: Muscle.ADDUCTORS in e.primary_muscles,
            prefer_patterns=(Pattern.HIP_ADDUCTION,),
        ),
        "calf": Slot(
            "calf",
            "heavy slow calf loading" if first_knee else "soleus (bent-knee) loading",
            _is(Category.CALF_FOOT, Pattern.PLANTAR_FLEXION),
            prefer_muscles=(Muscle.GASTROCNEMIUS,) if first_knee else (Muscle.SOLEUS,),
        ),
        "nordic": Slot(
            "nordic",
            "eccentric hamstring strength",
            lambda e: e.pattern == Pattern.KNEE_FLEXION,
        ),
        "tibialis": Slot(
            "tibialis", "shin capacity", lambda e: e.pattern == Pattern.DORSIFLEXION
        ),
        "foot": Slot("foot", "foot strength and control", lambda e: e.pattern == Pattern.FOOT),
    }
    for name in extras_wanted:
        slots.append(extras[name])
    if not light and phase in (Phase.BUILD, Phase.PEAK) and not emphasis.active:
        slots.append(
            Slot(
                "plyo",
                "reactive stiffness for running economy (Blagrove 2018)",
                _is(Category.PLYOMETRIC),
                prefer_unilateral=not first_knee,
            )
        )
    if phase == Phase.RECOVERY:
        slots.append(Slot("mobility", "mobility while the legs recover", _is(Category.MOBILITY)))
    return slots


def target_level(base_level: int, phase: Phase, block_week: int) -> int:
    """Level to aim for: a step up in build/peak and every six weeks of a long block."""
    level = base_level + (block_week - 1) // 6
    if phase in (Phase.BUILD, Phase.PEAK):
        level += 1
    if phase in (Phase.RETURN_TO_RUN, Phase.RECOVERY, Phase.TAPER, Phase.RACE):
        level -= 1
    return max(1, level)


def choose(
    slots: list[Slot],
    equipment: frozenset[Equipment],
    emphasis: Emphasis,
    level: int,
    max_level: int,
    light: bool,
) -> list[tuple[Slot, Exercise]]:
    """Fill each slot with the best doable exercise; slots nothing fits are left out."""
    pool = lookup.available(lookup.ALL, equipment, emphasis.active, max_level)
    if light:
        pool = [e for e in pool if not e.heavy]
    used: set[str] = set()
    chosen: list[tuple[Slot, Exercise]] = []
    for slot in slots:
        candidates = [e for e in pool if slot.accepts(e) and e.slug not in used]
        if not candidates:
            continue

        def score(e: Exercise, slot: Slot = slot) -> float:
            points = 0.0
            if slot.role != "core":
                points += 1.5 * len(set(e.primary_muscles) & emphasis.muscles)
            points += 2.0 * len(set(e.primary_muscles) & set(slot.prefer_muscles))
            if slot.prefer_unilateral and e.unilateral:
                points += 2.0
            if e.pattern in slot.prefer_patterns:
                points += 2.5 - 0.5 * slot.prefer_patterns.index(e.pattern)
            if slot.role in ("knee", "hip") and e.heavy:
                points += 1.5  # loaded lifts where the kit allows (blagrove2018)
            if emphasis.careful_hinge and e.pattern in HIP_PATTERNS:
                points -= 1.5 * max(0, e.level - 2)  # a careful hinge progression
            # Aim at the target level; overshooting costs more than staying easier.
            points -= 1.5 * max(0, level - e.level) + 3.0 * max(0, e.level - level)
            return points

        best = max(candidates, key=lambda e: (score(e), _reverse(e.slug)))
        used.add(best.slug)
        chosen.append((slot, best))
    return chosen


def _reverse(slug: str) -> tuple[int, ...]:
    """Tie-break toward the alphabetically first slug under `max`."""
    return tuple(-ord(c) for c in slug)
