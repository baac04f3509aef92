"""Glute work: bridges, hip thrusts, kickbacks and clamshells."""

from __future__ import annotations

from stridewell.domain.exercises.model import Dose, Exercise, Pattern
from stridewell.domain.vocab import Category, Equipment, Muscle, Region

HIP_EXTENSIONS: tuple[Exercise, ...] = (
    Exercise(
        slug="glute-bridge",
        name="Glute bridge",
        aliases=("hip bridge",),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_EXTENSION,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS,),
        secondary_muscles=(Muscle.HAMSTRINGS, Muscle.GLUTEUS_MEDIUS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=12, reps_high=15),
        cues=(
            "Lie on your back, knees bent, feet flat and hip-width apart",
            "Lift the hips by squeezing the glutes until knees, hips and shoulders line up",
            "Pause at the top without arching the lower back",
        ),
        loads_regions=(Region.GLUTE,),
        why_runners=(
            "Strengthens the glutes so that the hips, not the lower back or the hamstrings, "
            "drive your stride."
        ),
        progressions=("glute-bridge-march", "banded-glute-bridge", "hip-thrust"),
    ),
    Exercise(
        slug="banded-glute-bridge",
        name="Banded glute bridge",
        aliases=("mini-band bridge",),
        category=Category.ACTIVATION,
        pattern=Pattern.HIP_EXTENSION,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.GLUTEUS_MEDIUS),
        secondary_muscles=(Muscle.HIP_EXTERNAL_ROTATORS,),
        unilateral=False,
        equipment=(Equipment.BAND,),
        level=1,
        dose=Dose(sets=2, reps_low=12, reps_high=15),
        cues=(
            "Loop a band just above the knees",
            "Press the knees gently out against the band as you lift",
            "Hold each rep for a second at the top",
        ),
        loads_regions=(Region.GLUTE,),
        why_runners=(
            "A warm-up that wakes both the big and the side glutes before a run or a lifting "
            "session."
        ),
        regressions=("glute-bridge",),
    ),
    Exercise(
        slug="glute-bridge-march",
        name="Glute bridge march",
        aliases=("marching bridge",),
        category=Category.ACTIVATION,
        pattern=Pattern.HIP_EXTENSION,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.GLUTEUS_MEDIUS),
        secondary_muscles=(Muscle.HAMSTRINGS, Muscle.TRANSVERSE_ABDOMINIS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=2, reps_low=8, reps_high=12),
        cues=(
            "Hold a bridge, then lift one foot a few centimetres",
            "Keep the hips level as the foot leaves the floor",
            "Alternate slowly; the pelvis must not rock",
        ),
        loads_regions=(Region.GLUTE,),
        why_runners=(
            "Each lifted foot leaves one glute holding the pelvis level, the same job it does "
            "through every stance phase."
        ),
        progressions=("single-leg-bridge",),
        regressions=("glute-bridge",),
    ),
    Exercise(
        slug="single-leg-bridge",
        name="Single-leg glute bridge",
        aliases=("one-leg bridge",),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_EXTENSION,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.GLUTEUS_MEDIUS),
        secondary_muscles=(Muscle.HAMSTRINGS,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "One foot flat; hug the other knee to the chest or hold that leg straight",
            "Drive through the heel until hip and trunk line up",
            "Keep the pelvis level; if the hamstring cramps, bring the foot closer",
        ),
        loads_regions=(Region.GLUTE, Region.HAMSTRING),
        why_runners=(
            "Hip extension on one leg as in running, with the glutes doing more of the work "
            "than the TFL at the front of the hip."
        ),
        evidence="selkowitz2013",
        progressions=("single-leg-hip-thrust",),
        regressions=("glute-bridge-march",),
    ),
    Exercise(
        slug="single-leg-hip-thrust",
        name="Single-leg hip thrust",
        aliases=("single-leg shoulder-elevated bridge",),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_EXTENSION,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS,),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.HAMSTRINGS, Muscle.QUADRICEPS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=3,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Upper back on a bench or the edge of a sofa, one foot flat",
            "Chin and ribs tucked; lift until the thigh is level with the trunk",
            "Lower under control without the pelvis twisting",
        ),
        loads_regions=(Region.GLUTE, Region.HAMSTRING),
        why_runners=(
            "More hip range on one leg than the bridge, so the glutes get a hard session with "
            "no equipment."
        ),
        regressions=("single-leg-bridge",),
    ),
    Exercise(
        slug="hip-thrust",
        name="Barbell hip thrust",
        aliases=("glute thrust",),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_EXTENSION,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS,),
        secondary_muscles=(Muscle.HAMSTRINGS, Muscle.QUADRICEPS, Muscle.ADDUCTORS),
        unilateral=False,
        equipment=(Equipment.BARBELL, Equipment.DUMBBELL, Equipment.KETTLEBELL),
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Upper back on a bench, the weight on a pad over the hip crease",
            "Drive through the heels until the shins are vertical and the hips fully open",
            "Chin tucked and ribs down; the lower back does not arch",
            "Pause for a second at the top",
        ),
        loads_regions=(Region.GLUTE,),
        why_runners=(
            "Loads the glutes heavily with little load on the spine, for a stronger hip drive "
            "at push-off; heavy strength work improves running economy."
        ),
        evidence="blagrove2018",
        regressions=("glute-bridge",),
        heavy=True,
    ),
    Exercise(
        slug="quadruped-glute-kickback",
        name="Quadruped glute kickback",
        aliases=("donkey kick",),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_EXTENSION,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS,),
        secondary_muscles=(Muscle.HAMSTRINGS, Muscle.TRANSVERSE_ABDOMINIS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=12, reps_high=15),
        cues=(
            "On hands and knees, keep the working knee bent at 90 degrees",
            "Push the foot up towards the ceiling until the thigh is level with the back",
            "No arching of the lower back, no twisting of the hips",
        ),
        loads_regions=(Region.GLUTE,),
        why_runners=(
            "Isolates one glute with no equipment, useful when one hip is clearly weaker."
        ),
        progressions=("glute-kickback",),
    ),
    Exercise(
        slug="glute-kickback",
        name="Cable glute kickback",
        aliases=("band kickback", "cable kickback"),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_EXTENSION,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS,),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.HAMSTRINGS),
        unilateral=True,
        equipment=(Equipment.CABLE, Equipment.BAND),
        level=2,
        dose=Dose(sets=3, reps_low=10, reps_high=15),
        cues=(
            "Cuff or band around the ankle; hinge slightly and hold a support",
            "Drive the leg straight back by squeezing the glute",
            "Stop before the lower back arches and return slowly",
        ),
        loads_regions=(Region.GLUTE,),
        why_runners=(
            "Adds resistance to glute-only hip extension, a simple way to build a lagging glute."
        ),
        regressions=("quadruped-glute-kickback",),
    ),
)

HIP_ROTATIONS: tuple[Exercise, ...] = (
    Exercise(
        slug="clamshell",
        name="Clamshell",
        aliases=("clam",),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_EXTERNAL_ROTATION,
        primary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.HIP_EXTERNAL_ROTATORS),
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.GLUTEUS_MINIMUS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=15, reps_high=20),
        cues=(
            "Lie on your side, hips and knees bent, heels together",
            "Open the top knee without rolling the pelvis back",
            "More hip bend works the gluteus medius harder",
            "Pause at the top and close slowly",
        ),
        loads_regions=(Region.HIP,),
        why_runners=(
            "Works the gluteus medius with little help from the TFL at the front of the hip, a "
            "good start for weak or sore hips."
        ),
        evidence="selkowitz2013",
        progressions=("band-clamshell", "side-plank-clamshell"),
    ),
    Exercise(
        slug="band-clamshell",
        name="Banded clamshell",
        aliases=("band clam",),
        category=Category.ACTIVATION,
        pattern=Pattern.HIP_EXTERNAL_ROTATION,
        primary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.HIP_EXTERNAL_ROTATORS),
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS,),
        unilateral=True,
        equipment=(Equipment.BAND,),
        level=2,
        dose=Dose(sets=2, reps_low=12, reps_high=20),
        cues=(
            "Band just above the knees, lying on your side with the hips bent 45-60 degrees",
            "Keep the pelvis upright; do not roll back",
            "Open against the band, hold a second, close slowly",
        ),
        loads_regions=(Region.HIP,),
        why_runners=(
            "A quick loaded warm-up for the side glutes; a neutral pelvis and bent hips get "
            "the most out of the gluteus medius."
        ),
        evidence="willcox2013",
        regressions=("clamshell",),
    ),
    Exercise(
        slug="side-plank-clamshell",
        name="Side-plank clamshell",
        aliases=("side bridge clam",),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.HIP_EXTERNAL_ROTATION,
        primary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.HIP_EXTERNAL_ROTATORS, Muscle.OBLIQUES),
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.TRANSVERSE_ABDOMINIS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=3,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Side plank from the knees, hips lifted",
            "Open the top knee like a clam while the plank holds",
            "Hips must not sink or roll back",
        ),
        loads_regions=(Region.HIP,),
        why_runners=(
            "Works both hips and the trunk together by moving the clam into a weight-bearing "
            "position."
        ),
        regressions=("clamshell",),
    ),
)

GLUTE: tuple[Exercise, ...] = HIP_EXTENSIONS + HIP_ROTATIONS
