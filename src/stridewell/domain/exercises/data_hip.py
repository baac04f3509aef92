"""Hip work in the other planes: abductors (gluteus medius), adductors and hip flexors."""

from __future__ import annotations

from stridewell.domain.exercises.model import Dose, Exercise, Pattern
from stridewell.domain.vocab import Category, Equipment, Muscle, Region

_SIDE_GLUTES = (Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MINIMUS)

ABDUCTIONS: tuple[Exercise, ...] = (
    Exercise(
        slug="side-lying-hip-abduction",
        name="Side-lying hip abduction",
        aliases=("side-lying leg raise", "side leg lift"),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_ABDUCTION,
        primary_muscles=_SIDE_GLUTES,
        secondary_muscles=(Muscle.OBLIQUES,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=12, reps_high=20),
        cues=(
            "Lie on your side, bottom knee bent, top leg straight in line with the trunk",
            "Lift the top leg with the heel slightly behind you and the toes facing forward",
            "Do not roll the hips back; stop at about 30-40 degrees",
        ),
        loads_regions=(Region.HIP, Region.GLUTE),
        why_runners=(
            "One of the highest gluteus medius loads of any exercise; weak hip abductors go "
            "with IT-band pain in runners."
        ),
        evidence="distefano2009",
        progressions=("side-plank-abduction",),
    ),
    Exercise(
        slug="side-plank-abduction",
        name="Side plank with hip abduction",
        aliases=("side plank leg lift", "side bridge abduction"),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_ABDUCTION,
        primary_muscles=(*_SIDE_GLUTES, Muscle.OBLIQUES),
        secondary_muscles=(Muscle.TRANSVERSE_ABDOMINIS, Muscle.GLUTEUS_MAXIMUS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=4,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Hold a straight-leg side plank on the forearm",
            "Lift the top leg a hand's width or two without the hips sagging",
            "Both hips work: the bottom one holds you up, the top one lifts",
        ),
        loads_regions=(Region.HIP, Region.GLUTE),
        why_runners=(
            "Works the gluteus medius of both legs hard at once; side-plank variations rank "
            "among the best exercises for that muscle."
        ),
        evidence="boren2011",
        regressions=("side-lying-hip-abduction",),
    ),
    Exercise(
        slug="seated-hip-abduction",
        name="Seated hip abduction",
        aliases=("hip abductor machine", "seated band abduction"),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_ABDUCTION,
        primary_muscles=_SIDE_GLUTES,
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.HIP_EXTERNAL_ROTATORS),
        unilateral=False,
        equipment=(Equipment.MACHINE, Equipment.BAND),
        level=1,
        dose=Dose(sets=3, reps_low=12, reps_high=20),
        cues=(
            "Sit tall with a band above the knees, or use the abductor machine",
            "Push the knees apart smoothly and pause at the end",
            "Return slowly instead of letting the band snap you back",
        ),
        loads_regions=(Region.HIP,),
        why_runners=(
            "A simple, loadable way to strengthen the hip abductors that keep the pelvis level "
            "on each stride."
        ),
        progressions=("lateral-leg-raise",),
    ),
    Exercise(
        slug="lateral-leg-raise",
        name="Standing lateral leg raise",
        aliases=("cable hip abduction", "standing band abduction"),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_ABDUCTION,
        primary_muscles=_SIDE_GLUTES,
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.OBLIQUES),
        unilateral=True,
        equipment=(Equipment.CABLE, Equipment.BAND),
        level=2,
        dose=Dose(sets=3, reps_low=10, reps_high=15),
        cues=(
            "Stand side-on to the anchor, cuff or band on the outside ankle",
            "Lift the leg out to the side without leaning the trunk",
            "The standing hip works too: keep it level and the knee soft",
        ),
        loads_regions=(Region.HIP, Region.GLUTE),
        why_runners=(
            "Trains both hips at once, one lifting and one holding the pelvis level, in the "
            "upright position of running."
        ),
        regressions=("seated-hip-abduction",),
    ),
    Exercise(
        slug="hip-hike",
        name="Hip hike",
        aliases=("pelvic drop", "hip drop"),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_ABDUCTION,
        primary_muscles=_SIDE_GLUTES,
        secondary_muscles=(Muscle.OBLIQUES,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=12, reps_high=15),
        cues=(
            "Stand on one leg on a step, the other foot hanging off the side",
            "Let the free hip drop slowly, then lift it above level with the standing hip",
            "Both knees straight, trunk upright",
        ),
        loads_regions=(Region.HIP, Region.GLUTE),
        why_runners=(
            "Part of the gluteus medius programme used to treat IT-band syndrome in runners; "
            "it trains against the pelvic drop seen as runners tire."
        ),
        evidence="fredericson2000",
    ),
    Exercise(
        slug="fire-hydrant",
        name="Fire hydrant",
        aliases=("quadruped hip abduction",),
        category=Category.ACTIVATION,
        pattern=Pattern.HIP_ABDUCTION,
        primary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.HIP_EXTERNAL_ROTATORS),
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.TRANSVERSE_ABDOMINIS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=2, reps_low=10, reps_high=15),
        cues=(
            "On hands and knees, lift one bent knee out to the side",
            "The trunk stays still; only the hip moves",
            "Lower slowly without shifting your weight onto the other hand",
        ),
        loads_regions=(Region.HIP,),
        why_runners="A kit-free warm-up for the side glutes before a run or a leg session.",
    ),
    Exercise(
        slug="lateral-band-walk",
        name="Lateral band walk",
        aliases=("band side-step", "crab walk"),
        category=Category.ACTIVATION,
        pattern=Pattern.HIP_ABDUCTION,
        primary_muscles=_SIDE_GLUTES,
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.HIP_EXTERNAL_ROTATORS),
        unilateral=False,
        equipment=(Equipment.BAND,),
        level=2,
        dose=Dose(sets=2, reps_low=10, reps_high=15),
        cues=(
            "Band above the knees or round the ankles, half-squat, feet hip-width",
            "Step sideways without letting the feet come together",
            "Toes forward, trunk still",
        ),
        loads_regions=(Region.HIP,),
        why_runners=(
            "Switches on the hip abductors in an athletic stance, with the glutes doing more "
            "than the TFL."
        ),
        evidence="selkowitz2013",
        progressions=("banded-squat-walk",),
    ),
    Exercise(
        slug="monster-walk",
        name="Monster walk",
        aliases=("band diagonal walk",),
        category=Category.ACTIVATION,
        pattern=Pattern.HIP_ABDUCTION,
        primary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.HIP_EXTERNAL_ROTATORS, Muscle.GLUTEUS_MINIMUS),
        unilateral=False,
        equipment=(Equipment.BAND,),
        level=2,
        dose=Dose(sets=2, reps_low=10, reps_high=15),
        cues=(
            "Band above the knees or round the ankles, quarter-squat",
            "Walk forward and out on diagonals, keeping the band taut",
            "Knees stay out over the toes; no waddling",
        ),
        loads_regions=(Region.HIP,),
        why_runners=(
            "Forward and sideways hip work together, a quick pre-run routine for knees that "
            "cave inwards."
        ),
        progressions=("banded-squat-walk",),
    ),
    Exercise(
        slug="banded-squat-walk",
        name="Banded squat walk",
        aliases=("squat band walk",),
        category=Category.ACTIVATION,
        pattern=Pattern.HIP_ABDUCTION,
        primary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MAXIMUS, Muscle.QUADRICEPS),
        secondary_muscles=(Muscle.GLUTEUS_MINIMUS,),
        unilateral=False,
        equipment=(Equipment.BAND,),
        level=2,
        dose=Dose(sets=2, reps_low=8, reps_high=12),
        cues=(
            "Sink into a deeper squat with the band above the knees",
            "Take slow side steps at the same height",
            "Push the knees out against the band the whole time",
        ),
        loads_regions=(Region.HIP, Region.KNEE),
        why_runners=(
            "Keeps the glutes on while the knees bend, linking activation to the position you "
            "land in."
        ),
        regressions=("lateral-band-walk", "monster-walk"),
    ),
)

ADDUCTIONS: tuple[Exercise, ...] = (
    Exercise(
        slug="adductor-squeeze",
        name="Adductor squeeze",
        aliases=("ball squeeze", "pillow squeeze"),
        category=Category.ACTIVATION,
        pattern=Pattern.HIP_ADDUCTION,
        primary_muscles=(Muscle.ADDUCTORS,),
        secondary_muscles=(Muscle.TRANSVERSE_ABDOMINIS,),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=5, hold_s=10),
        cues=(
            "Lie on your back, knees bent, a ball or rolled pillow between the knees",
            "Squeeze steadily through the hold; it should stay pain-free",
            "Breathe normally and relax fully between holds",
        ),
        loads_regions=(Region.GROIN,),
        why_runners=(
            "A gentle isometric that wakes up the inner-thigh muscles, often the first step "
            "back after groin pain."
        ),
        progressions=("copenhagen-plank-short-lever",),
    ),
    Exercise(
        slug="adductor-side-lying-raise",
        name="Side-lying adductor raise",
        aliases=("inner thigh lift", "adductor lift"),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_ADDUCTION,
        primary_muscles=(Muscle.ADDUCTORS,),
        secondary_muscles=(Muscle.OBLIQUES,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=10, reps_high=15),
        cues=(
            "Lie on your side with the top foot planted in front of the bottom knee",
            "Lift the straight bottom leg a few centimetres, toes facing forward",
            "Lower slowly with the trunk still",
        ),
        loads_regions=(Region.GROIN,),
        why_runners=(
            "Simple strength for the inner thigh, which steadies the pelvis and is often "
            "neglected by runners."
        ),
        progressions=("copenhagen-plank-short-lever",),
    ),
    Exercise(
        slug="copenhagen-plank-short-lever",
        name="Short-lever Copenhagen plank",
        aliases=("bent-knee Copenhagen plank", "Copenhagen plank from the knee"),
        category=Category.CORE,
        pattern=Pattern.HIP_ADDUCTION,
        primary_muscles=(Muscle.ADDUCTORS, Muscle.OBLIQUES),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.TRANSVERSE_ABDOMINIS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, hold_s=20),
        cues=(
            "Side plank on the forearm, top knee resting on a bench, chair or sofa",
            "Lift the hips by pressing the top knee down into the support",
            "Bottom leg hangs free or just touches the floor; body in one straight line",
        ),
        loads_regions=(Region.GROIN,),
        why_runners=(
            "The way into the Copenhagen programme, which cut groin problems by over a third; "
            "the knee support keeps the load modest."
        ),
        evidence="haroy2019",
        progressions=("copenhagen-plank",),
        regressions=("adductor-side-lying-raise", "adductor-squeeze"),
    ),
    Exercise(
        slug="copenhagen-plank",
        name="Copenhagen plank",
        aliases=("Copenhagen side plank",),
        category=Category.CORE,
        pattern=Pattern.HIP_ADDUCTION,
        primary_muscles=(Muscle.ADDUCTORS, Muscle.OBLIQUES),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.TRANSVERSE_ABDOMINIS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=3,
        dose=Dose(sets=3, hold_s=20),
        cues=(
            "Side plank with the inside of the top ankle on a bench, chair or sofa",
            "Hold the hips high in a straight line by pressing the top leg down",
            "End the hold when the line breaks or the groin hurts",
        ),
        loads_regions=(Region.GROIN, Region.KNEE),
        why_runners=(
            "A long-lever hold for the adductors and trunk; the Copenhagen programme protects "
            "against groin problems."
        ),
        evidence="haroy2019",
        progressions=("copenhagen-adduction",),
        regressions=("copenhagen-plank-short-lever",),
    ),
    Exercise(
        slug="copenhagen-adduction",
        name="Copenhagen adduction",
        aliases=("Copenhagen adductor exercise", "Copenhagen raise"),
        category=Category.CORE,
        pattern=Pattern.HIP_ADDUCTION,
        primary_muscles=(Muscle.ADDUCTORS, Muscle.OBLIQUES),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.TRANSVERSE_ABDOMINIS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=4,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Top ankle on a bench, bottom foot on the floor",
            "Lift the body by squeezing the top leg until the bottom foot meets the bench",
            "Lower back to the floor slowly; about three seconds each way",
        ),
        loads_regions=(Region.GROIN, Region.KNEE),
        why_runners=(
            "The exercise from the Harøy trial: done three times a week in pre-season, then "
            "weekly, it cut groin problems from 21 % to 13.5 % of players."
        ),
        evidence="haroy2019",
        regressions=("copenhagen-plank",),
    ),
)

HIP_FLEXIONS: tuple[Exercise, ...] = (
    Exercise(
        slug="wall-knee-drive",
        name="Wall knee drive",
        aliases=("wall march", "wall drill"),
        category=Category.ACTIVATION,
        pattern=Pattern.HIP_FLEXION,
        primary_muscles=(Muscle.HIP_FLEXORS,),
        secondary_muscles=(
            Muscle.GLUTEUS_MEDIUS,
            Muscle.GASTROCNEMIUS,
            Muscle.TRANSVERSE_ABDOMINIS,
        ),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=2, reps_low=8, reps_high=12),
        cues=(
            "Lean into a wall on straight arms, body in a line from head to ankle",
            "Drive one knee up to hip height with the foot pulled up, then switch",
            "Stay tall on the ball of the standing foot",
        ),
        loads_regions=(Region.HIP,),
        why_runners=(
            "Rehearses the knee drive and tall posture of good running while warming up the "
            "hip flexors."
        ),
        progressions=("banded-psoas-march",),
    ),
    Exercise(
        slug="banded-psoas-march",
        name="Banded psoas march",
        aliases=("supine band march",),
        category=Category.ACTIVATION,
        pattern=Pattern.HIP_FLEXION,
        primary_muscles=(Muscle.HIP_FLEXORS,),
        secondary_muscles=(Muscle.TRANSVERSE_ABDOMINIS, Muscle.RECTUS_ABDOMINIS),
        unilateral=True,
        equipment=(Equipment.BAND,),
        level=2,
        dose=Dose(sets=2, reps_low=8, reps_high=12),
        cues=(
            "Lie on your back, band round the feet, hips and knees at 90 degrees",
            "Drive one knee towards the chest while the other leg presses out long",
            "Keep the lower back still on the floor",
        ),
        loads_regions=(Region.HIP,),
        why_runners=(
            "Strengthens the hip flexors at the top of their range, where they lift the thigh "
            "through the swing of each stride."
        ),
        regressions=("wall-knee-drive",),
    ),
)

HIP_PLANES: tuple[Exercise, ...] = ABDUCTIONS + ADDUCTIONS + HIP_FLEXIONS
