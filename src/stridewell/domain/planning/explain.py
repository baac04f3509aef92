"""Words for the plan: titles and the `why` of sessions and exercises."""

from __future__ import annotations

from stridewell.domain.exercises.model import Exercise
from stridewell.domain.planning.dose import Dose, rpe_text
from stridewell.domain.planning.emphasis import Emphasis, region_words
from stridewell.domain.planning.selection import Slot
from stridewell.domain.vocab import Category, Phase

CITATIONS = {
    "lauersen2014": "Lauersen 2014",
    "blagrove2018": "Blagrove 2018",
    "fredericson2000": "Fredericson 2000",
    "distefano2009": "Distefano 2009",
    "selkowitz2013": "Selkowitz 2013",
    "boren2011": "Boren 2011",
    "crossley2016": "Crossley 2016",
    "haroy2019": "Harøy 2019",
    "alfredson1998": "Alfredson 1998",
    "beyer2015": "Beyer 2015",
    "petersen2011": "Petersen 2011",
    "willcox2013": "Willcox & Burden 2013",
}

PHASE_WHY = {
    Phase.RETURN_TO_RUN: (
        "Return to run: strength work is emphasised while running is rebuilt, and exercises "
        "that load an injured region are left out (Lauersen 2014)."
    ),
    Phase.BASE: (
        "Base phase: higher reps at moderate effort build tissue capacity; strength training "
        "cut sports injuries to about a third in trials (Lauersen 2014)."
    ),
    Phase.BUILD: (
        "Build phase: heavier loads, fewer reps — maximal strength improves running economy "
        "(Blagrove 2018)."
    ),
    Phase.PEAK: (
        "Peak phase: maintenance — fewer sets keep strength while running peaks, with "
        "plyometrics for economy (Blagrove 2018)."
    ),
    Phase.TAPER: "Taper: light work only; nothing heavy in the last 10 days before the race.",
    Phase.RACE: "Race week: a short, light session early in the week to stay switched on.",
    Phase.RECOVERY: "Recovery: easy activation, core and mobility while muscles repair.",
}

SLOT_REASON_KEYS = {
    "glute_med": "glute_med",
    "knee": "single_leg",
    "adductor": "adductor",
    "calf": "calf",
    "nordic": "nordic",
    "tibialis": "tibialis",
    "foot": "foot",
    "core": "core",
}


def dose_text(dose: Dose, per_side: bool) -> str:
    side = " each side" if per_side else ""
    amount = f"{dose.sets}×{dose.reps}" if dose.reps is not None else f"{dose.sets}×{dose.hold_s} s"
    return f"{amount}{side} at {rpe_text(dose.rpe)}"


def exercise_why(
    exercise: Exercise, slot: Slot, dose: Dose, phase: Phase, emphasis: Emphasis
) -> str:
    reason = ""
    key = SLOT_REASON_KEYS.get(slot.role)
    if key is not None and key in emphasis.reasons:
        if key != "single_leg" or exercise.unilateral:
            reason = f", {emphasis.reasons[key]}"
    elif slot.role == "knee" and "knee" in emphasis.reasons:
        reason = f", {emphasis.reasons['knee']}"
    cite = ""
    if exercise.evidence in CITATIONS and CITATIONS[exercise.evidence] not in reason:
        cite = f" [{CITATIONS[exercise.evidence]}]"
    progression = ""
    if (
        dose.reps is not None
        and exercise.category in (Category.COMPOUND, Category.GLUTE_ACCESSORY, Category.CALF_FOOT)
        and phase in (Phase.BASE, Phase.BUILD, Phase.PEAK, Phase.RETURN_TO_RUN)
    ):
        top = dose.reps.split("-")[-1].split()[0]
        progression = f" Add load once every set reaches {top} reps at this effort."
    note = f" ({dose.note})" if dose.note else ""
    phase_words = phase.value.replace("_", " ")
    return (
        f"{exercise.name}: {slot.purpose}{reason}{cite}; "
        f"{dose_text(dose, exercise.unilateral)} in {phase_words} phase{note}.{progression}"
    )


def strength_title(template: str, light: bool, phase: Phase) -> str:
    if light:
        return f"Strength {template} (light) — activation, glutes & core"
    focus = "single-leg squat & hinge" if template == "A" else "single-leg hinge & squat"
    return f"Strength {template} — {focus}"


def strength_why(template: str, day_reason: str, phase: Phase, cutback: bool) -> str:
    deload = (
        " Cut-back week: one set fewer and one RPE point lower, same frequency (deload)."
        if cutback
        else ""
    )
    return f"Session {template} on {day_reason}. {PHASE_WHY[phase]}{deload}"


REST_WHY = (
    "Rest: at least one full rest day a week, so the work of the other days can turn into "
    "adaptation."
)


REQUIRED_PARTS = {
    "activation": "activation",
    "glute_med": "gluteus medius work",
    "core": "core work",
}


def missing_parts(roles: set[str], emphasis: Emphasis) -> str:
    """Say which standard parts of a session had to be left out, and why."""
    missing = [words for role, words in REQUIRED_PARTS.items() if role not in roles]
    if "knee" not in roles and "hip" not in roles:
        missing.insert(0, "squat and hinge lifts")
    if not missing:
        return ""
    injured = sorted(region_words(region) for region in emphasis.active)
    because = (
        f"every option loads your injured {', '.join(injured)}"
        if injured
        else "nothing fits your equipment"
    )
    return f" {', '.join(missing).capitalize()} left out: {because}."
