"""Sets, reps, effort and rest for one exercise in one week.

Dose by phase (blagrove2018, periodisation): base higher reps at moderate effort; build heavier
with fewer reps; peak maintenance (fewer sets) plus plyometrics; taper and race week light;
recovery easy. Week to week the effort target climbs within a block and the athlete uses double
progression (double_progression): add load only once every set reaches the top of the range at
the target RPE (RPE as reps in reserve, zourdos2016). Cut-back weeks drop a set and one RPE point,
keeping the frequency (deload). Nordic curls follow Petersen 2011; calf work Beyer 2015.
"""

from __future__ import annotations

from dataclasses import dataclass

from stridewell.domain.exercises.model import Exercise, Pattern
from stridewell.domain.planning.model import ExercisePrescription
from stridewell.domain.vocab import Category, Phase


@dataclass(frozen=True)
class Dose:
    sets: int
    reps: str | None
    hold_s: int | None
    rpe: float
    rest_s: int
    note: str = ""


# (sets, reps, rpe, rest_s) per phase for loaded categories.
COMPOUND = {
    Phase.RETURN_TO_RUN: (3, "10-12", 6.0, 90),
    Phase.BASE: (3, "8-12", 7.0, 90),
    Phase.BUILD: (4, "4-6", 8.0, 150),
    Phase.PEAK: (3, "3-5", 8.0, 150),
    Phase.TAPER: (2, "6-8", 6.0, 90),
    Phase.RACE: (2, "6-8", 5.0, 60),
    Phase.RECOVERY: (2, "8-10", 5.0, 60),
}
ACCESSORY = {
    Phase.RETURN_TO_RUN: (3, "12-15", 7.0, 60),
    Phase.BASE: (3, "12-15", 7.0, 60),
    Phase.BUILD: (3, "8-12", 8.0, 75),
    Phase.PEAK: (2, "10-12", 7.0, 60),
    Phase.TAPER: (2, "10-12", 6.0, 60),
    Phase.RACE: (1, "10-12", 5.0, 45),
    Phase.RECOVERY: (2, "10-12", 5.0, 45),
}
# Heavy slow resistance for the calves: 15RM in base → 6–8RM in build (Beyer 2015).
CALF = {
    Phase.RETURN_TO_RUN: (3, "12-15", 7.0, 90),
    Phase.BASE: (3, "12-15", 7.0, 90),
    Phase.BUILD: (4, "6-8", 8.0, 120),
    Phase.PEAK: (3, "6-8", 8.0, 120),
    Phase.TAPER: (2, "10-12", 6.0, 60),
    Phase.RACE: (1, "10-12", 5.0, 60),
    Phase.RECOVERY: (2, "12-15", 5.0, 60),
}
PLYO = {
    Phase.BUILD: (3, "6-8", 7.0, 90),
    Phase.PEAK: (3, "5-6", 7.0, 120),
}
# Petersen 2011, sessions a week × sets × reps for weeks 1–4, then 3 × 8–10 and maintenance.
NORDIC_WEEKS = ((2, "5"), (2, "6"), (3, "6-8"), (3, "8-10"))
MAX_RPE = 8.5


def _rep_range(exercise: Exercise, fallback: str) -> str:
    dose = exercise.dose
    return dose.reps_text or fallback


def dose_for(
    exercise: Exercise, phase: Phase, block_week: int, cutback: bool, light: bool
) -> Dose:
    """The prescription for `exercise` in week `block_week` (1-based) of a `phase` block."""
    category = exercise.category
    hold = exercise.dose.hold_s
    if exercise.pattern == Pattern.KNEE_FLEXION and "nordic" in exercise.slug:
        sets, reps = NORDIC_WEEKS[min(block_week, len(NORDIC_WEEKS)) - 1]
        rpe, rest = 7.0, 120
        if phase in (Phase.PEAK, Phase.TAPER, Phase.RACE, Phase.RECOVERY):
            sets, reps, rpe = 2, "5-6", 6.0  # maintenance once a week is enough (Petersen 2011)
        note = "Petersen 2011 progression"
        return _adjust(Dose(sets, reps, None, rpe, rest, note), block_week, cutback, phase)
    if category == Category.COMPOUND:
        sets, reps, rpe, rest = COMPOUND[phase]
        if light:
            reps = "8-10" if phase not in (Phase.RACE, Phase.RECOVERY) else reps
            rpe = min(rpe, 6.0)
    elif category == Category.CALF_FOOT:
        sets, reps, rpe, rest = CALF[phase]
        if exercise.pattern != Pattern.PLANTAR_FLEXION:
            reps = _rep_range(exercise, "10-15")
            rpe = min(rpe, 7.0)
    elif category == Category.PLYOMETRIC:
        sets, reps, rpe, rest = PLYO.get(phase, (2, "6-8", 6.0, 90))
        reps = f"{reps} contacts" if not exercise.unilateral else reps
    elif category in (Category.ACTIVATION, Category.MOBILITY):
        sets = 2
        reps = _rep_range(exercise, "10-15")
        rpe, rest = 5.0, 30
    elif category == Category.CORE:
        sets = 3 if phase in (Phase.BASE, Phase.BUILD, Phase.RETURN_TO_RUN) else 2
        reps = _rep_range(exercise, "10-12")
        rpe, rest = 7.0, 45
    else:  # glute accessories
        sets, reps, rpe, rest = ACCESSORY[phase]
    if hold is not None:
        reps_out: str | None = None
        # Holds grow 5 s a week within a block, to the library's dose + 15 s.
        hold_out: int | None = hold + min(15, 5 * (block_week - 1))
        if phase in (Phase.TAPER, Phase.RACE, Phase.RECOVERY):
            hold_out = hold
    else:
        reps_out, hold_out = reps, None
    dose = Dose(sets, reps_out, hold_out, rpe, rest)
    if category in (Category.ACTIVATION, Category.MOBILITY):
        return _cut(dose) if cutback else dose
    return _adjust(dose, block_week, cutback, phase)


def _adjust(dose: Dose, block_week: int, cutback: bool, phase: Phase) -> Dose:
    sets, rpe = dose.sets, dose.rpe
    if phase in (Phase.BASE, Phase.BUILD, Phase.PEAK, Phase.RETURN_TO_RUN):
        if block_week == 1:
            rpe -= 1.0  # first week of a block: learn the moves a point below target
        else:
            rpe = min(MAX_RPE, rpe + 0.5 * min(block_week - 2, 1))
    adjusted = Dose(sets, dose.reps, dose.hold_s, rpe, dose.rest_s, dose.note)
    return _cut(adjusted) if cutback else adjusted


def _cut(dose: Dose) -> Dose:
    """Deload: one set fewer and one RPE point lower, same frequency (Rogerson 2024)."""
    return Dose(
        max(1, dose.sets - 1), dose.reps, dose.hold_s, max(4.0, dose.rpe - 1), dose.rest_s,
        (dose.note + "; " if dose.note else "") + "cut-back week",
    )


def rpe_text(rpe: float) -> str:
    return f"RPE {rpe:g}"


def prescribe(
    exercise: Exercise, dose: Dose, why: str, *, heavy: bool = False
) -> ExercisePrescription:
    """The prescription of `exercise` at `dose`, as a plan session (or a logging sheet) shows it."""
    return ExercisePrescription(
        slug=exercise.slug,
        name=exercise.name,
        category=exercise.category,
        sets=dose.sets,
        reps=dose.reps,
        hold_s=dose.hold_s,
        per_side=exercise.unilateral,
        intensity=rpe_text(dose.rpe),
        rest_s=dose.rest_s,
        why=why,
        heavy=heavy,
    )
