"""Knee-dominant compounds: squats, single-leg squats and lunges."""

from __future__ import annotations

from stridewell.domain.exercises.model import Dose, Exercise, Pattern
from stridewell.domain.vocab import Category, Equipment, Muscle, Region

_KNEE = (Region.KNEE, Region.QUAD)
_LOADED = (Equipment.DUMBBELL, Equipment.KETTLEBELL, Equipment.BARBELL)

SQUATS: tuple[Exercise, ...] = (
    Exercise(
        slug="wall-sit",
        name="Wall sit",
        aliases=("wall squat hold",),
        category=Category.COMPOUND,
        pattern=Pattern.SQUAT,
        primary_muscles=(Muscle.QUADRICEPS,),
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.ADDUCTORS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, hold_s=45),
        cues=(
            "Back flat against a wall, feet a step in front of you",
            "Slide down until the knees bend to 60-90 degrees, no deeper than is comfortable",
            "Weight through the whole foot, knees in line with the toes",
        ),
        loads_regions=_KNEE,
        why_runners=(
            "A quiet, joint-friendly way to build quad endurance for downhills and the late "
            "kilometres of a race, when the thighs take the most damage."
        ),
        progressions=("bodyweight-squat",),
    ),
    Exercise(
        slug="box-squat",
        name="Box squat (sit to stand)",
        aliases=("sit to stand", "chair squat"),
        category=Category.COMPOUND,
        pattern=Pattern.SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.ADDUCTORS,),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=10, reps_high=15),
        cues=(
            "Sit back to a chair or box until you just touch it, then stand without rocking",
            "Knees travel over the middle toes",
            "Stand fully tall and squeeze the glutes at the top",
        ),
        loads_regions=_KNEE,
        why_runners=(
            "Teaches the squat with a target for depth, so beginners and runners coming back "
            "from injury can load the legs without guessing."
        ),
        progressions=("bodyweight-squat",),
    ),
    Exercise(
        slug="bodyweight-squat",
        name="Bodyweight squat",
        aliases=("air squat",),
        category=Category.COMPOUND,
        pattern=Pattern.SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.ADDUCTORS, Muscle.ERECTOR_SPINAE),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=12, reps_high=20),
        cues=(
            "Feet about shoulder-width, toes turned out a little",
            "Sit down between the heels with the chest up, as deep as the heels stay down",
            "Push the floor away and finish tall",
        ),
        loads_regions=_KNEE,
        why_runners=(
            "The base strength move for the legs that absorb every landing; strength work like "
            "this is linked with far fewer sports injuries."
        ),
        evidence="lauersen2014",
        progressions=("goblet-squat",),
        regressions=("box-squat", "wall-sit"),
    ),
    Exercise(
        slug="goblet-squat",
        name="Goblet squat",
        aliases=("dumbbell squat", "kettlebell squat"),
        category=Category.COMPOUND,
        pattern=Pattern.SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.ADDUCTORS, Muscle.ERECTOR_SPINAE, Muscle.UPPER_BACK),
        unilateral=False,
        equipment=(Equipment.DUMBBELL, Equipment.KETTLEBELL),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Hold the weight against your chest, elbows pointing down",
            "Let the elbows pass inside the knees at the bottom",
            "Heels down and chest tall as you stand",
        ),
        loads_regions=_KNEE,
        why_runners=(
            "A loaded squat that is easy to learn and corrects itself; stronger legs make each "
            "stride cheaper."
        ),
        evidence="blagrove2018",
        progressions=("back-squat",),
        regressions=("bodyweight-squat",),
        heavy=True,
    ),
    Exercise(
        slug="back-squat",
        name="Barbell back squat",
        aliases=("barbell squat",),
        category=Category.COMPOUND,
        pattern=Pattern.SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.ADDUCTORS, Muscle.ERECTOR_SPINAE, Muscle.HAMSTRINGS),
        unilateral=False,
        equipment=(Equipment.BARBELL,),
        level=3,
        dose=Dose(sets=3, reps_low=4, reps_high=6),
        cues=(
            "Bar on the upper back; brace the trunk before every rep",
            "Sit down between hips and heels to a depth you can control",
            "Drive up with the hips and chest rising together",
            "Stop each set with one or two reps still in the tank",
        ),
        loads_regions=(Region.KNEE, Region.QUAD, Region.LOWER_BACK),
        why_runners=(
            "Heavy, low-rep squats build maximal strength; in runners this kind of training "
            "improves running economy and time-trial performance."
        ),
        evidence="blagrove2018",
        regressions=("goblet-squat",),
        heavy=True,
    ),
)

SINGLE_LEG_SQUATS: tuple[Exercise, ...] = (
    Exercise(
        slug="step-up",
        name="Step-up",
        aliases=("box step-up",),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.HAMSTRINGS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=10, reps_high=12),
        cues=(
            "Use a stair, step or box no higher than your knee",
            "Push through the whole foot on the step; do not spring off the back leg",
            "Knee in line with the middle toes, hips level",
            "Step down slowly",
        ),
        loads_regions=_KNEE,
        why_runners=(
            "Single-leg strength in an upright, running-like posture, with your whole weight on "
            "one leg as on every stride."
        ),
        progressions=("step-down", "weighted-step-up"),
    ),
    Exercise(
        slug="step-down",
        name="Step-down",
        aliases=("lateral step-down", "eccentric step-down"),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MEDIUS),
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.HIP_EXTERNAL_ROTATORS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Stand on one leg on a step and lower the other heel to just touch the floor",
            "Take three seconds on the way down, knee over the middle toes",
            "Keep the pelvis level; the free hip must not drop",
        ),
        loads_regions=(Region.KNEE, Region.QUAD, Region.IT_BAND),
        why_runners=(
            "Controls knee and hip together in the loading phase of the stride; combining hip "
            "and knee work is the recommended approach to kneecap pain."
        ),
        evidence="crossley2016",
        progressions=("single-leg-box-squat",),
        regressions=("step-up",),
    ),
    Exercise(
        slug="weighted-step-up",
        name="Weighted step-up",
        aliases=("dumbbell step-up",),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.HAMSTRINGS),
        unilateral=True,
        equipment=_LOADED,
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Weights at your sides, a knee-high box or bench in front",
            "Drive through the working heel; the back foot only follows",
            "Stand fully tall on top, then step down under control",
        ),
        loads_regions=_KNEE,
        why_runners=(
            "Loaded single-leg strength that carries over to hills and push-off; heavier "
            "strength work improves running economy."
        ),
        evidence="blagrove2018",
        regressions=("step-up",),
        heavy=True,
    ),
    Exercise(
        slug="split-squat",
        name="Split squat",
        aliases=("static lunge",),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.ADDUCTORS, Muscle.GLUTEUS_MEDIUS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Long split stance, back heel up, trunk upright",
            "Drop the back knee straight down towards the floor",
            "Front knee over the middle toes; push up through the front foot",
        ),
        loads_regions=_KNEE,
        why_runners=(
            "Builds each leg on its own, so a weaker side cannot hide behind the stronger one."
        ),
        progressions=("bulgarian-split-squat", "dumbbell-split-squat"),
    ),
    Exercise(
        slug="dumbbell-split-squat",
        name="Dumbbell split squat",
        aliases=("weighted split squat",),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.ADDUCTORS, Muscle.GLUTEUS_MEDIUS),
        unilateral=True,
        equipment=_LOADED,
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Weights at your sides or a bar on the back, long split stance",
            "Lower the back knee straight down under control",
            "Drive up through the front foot without leaning forward",
        ),
        loads_regions=_KNEE,
        why_runners=(
            "Adds load to the split squat, building the single-leg strength that improves "
            "running economy."
        ),
        evidence="blagrove2018",
        progressions=("dumbbell-bulgarian-split-squat",),
        regressions=("split-squat",),
        heavy=True,
    ),
    Exercise(
        slug="bulgarian-split-squat",
        name="Bulgarian split squat",
        aliases=("rear-foot-elevated split squat", "RFESS"),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.ADDUCTORS, Muscle.HIP_FLEXORS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=3,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Rear foot laces-down on a bench, chair or sofa behind you",
            "Lower straight down until the front thigh is about level",
            "A slight forward lean gives the glute more of the work",
            "Front heel stays down, knee over the toes",
        ),
        loads_regions=_KNEE,
        why_runners=(
            "Hard single-leg strength with nothing but a chair; a stronger stance leg holds "
            "its form when you tire."
        ),
        progressions=("single-leg-squat", "dumbbell-bulgarian-split-squat"),
        regressions=("split-squat",),
    ),
    Exercise(
        slug="dumbbell-bulgarian-split-squat",
        name="Dumbbell Bulgarian split squat",
        aliases=("weighted bulgarian split squat",),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.ADDUCTORS, Muscle.HIP_FLEXORS),
        unilateral=True,
        equipment=_LOADED,
        level=4,
        dose=Dose(sets=3, reps_low=6, reps_high=8),
        cues=(
            "Weights at your sides, rear foot on a bench",
            "Lower under control until the front thigh is about level",
            "Drive up through the front heel; leave a rep or two in reserve",
        ),
        loads_regions=_KNEE,
        why_runners=(
            "The heaviest single-leg squat most runners need; heavy strength work improves "
            "running economy."
        ),
        evidence="blagrove2018",
        regressions=("bulgarian-split-squat", "dumbbell-split-squat"),
        heavy=True,
    ),
    Exercise(
        slug="single-leg-box-squat",
        name="Single-leg box squat",
        aliases=("single-leg sit to stand",),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Stand on one leg in front of a box or chair",
            "Sit back slowly until you touch it, without dropping onto it",
            "Stand up on the same leg, knee over the middle toes",
        ),
        loads_regions=(Region.KNEE, Region.QUAD, Region.IT_BAND),
        why_runners=(
            "Bridges the gap to a full single-leg squat; the box gives a safe depth you can "
            "repeat and lower over time."
        ),
        progressions=("single-leg-squat",),
        regressions=("step-down",),
    ),
    Exercise(
        slug="single-leg-squat",
        name="Single-leg squat",
        aliases=("one-leg squat",),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.HIP_EXTERNAL_ROTATORS, Muscle.FOOT_INTRINSICS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=4,
        dose=Dose(sets=3, reps_low=5, reps_high=8),
        cues=(
            "Free leg a little in front, arms forward for balance",
            "Squat as deep as the knee stays over the middle toes and the pelvis level",
            "Control the way down; no bouncing out of the bottom",
        ),
        loads_regions=(Region.KNEE, Region.QUAD, Region.IT_BAND),
        why_runners=(
            "Among the highest gluteus medius demands of any exercise, and the clearest test "
            "of how well your hip controls the knee on one leg."
        ),
        evidence="boren2011",
        progressions=("pistol-squat",),
        regressions=("single-leg-box-squat", "bulgarian-split-squat"),
    ),
    Exercise(
        slug="pistol-squat",
        name="Pistol squat",
        aliases=("pistol",),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_SQUAT,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.HIP_FLEXORS, Muscle.RECTUS_ABDOMINIS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=5,
        dose=Dose(sets=3, reps_low=3, reps_high=6),
        cues=(
            "Hold the free leg straight out in front the whole time",
            "Sit all the way down on one leg with the heel flat",
            "Knee tracks over the toes as you stand back up",
        ),
        loads_regions=(Region.KNEE, Region.QUAD, Region.ANKLE, Region.IT_BAND),
        why_runners=(
            "A full-range single-leg squat for runners who already own the single-leg squat "
            "and want more without any kit."
        ),
        regressions=("single-leg-squat",),
    ),
)

LUNGES: tuple[Exercise, ...] = (
    Exercise(
        slug="reverse-lunge",
        name="Reverse lunge",
        aliases=("backward lunge",),
        category=Category.COMPOUND,
        pattern=Pattern.LUNGE,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.ADDUCTORS, Muscle.HAMSTRINGS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Step back far enough that both knees bend to about 90 degrees",
            "Keep most of your weight on the front foot",
            "Drive through the front heel to return to standing",
        ),
        loads_regions=_KNEE,
        why_runners=(
            "A lunge that is kinder to the knees than stepping forward, training the braking "
            "and push-off of each leg."
        ),
        progressions=("dumbbell-reverse-lunge",),
    ),
    Exercise(
        slug="dumbbell-reverse-lunge",
        name="Dumbbell reverse lunge",
        aliases=("weighted reverse lunge",),
        category=Category.COMPOUND,
        pattern=Pattern.LUNGE,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.ADDUCTORS, Muscle.HAMSTRINGS),
        unilateral=True,
        equipment=_LOADED,
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Weights at your sides, stand tall",
            "Step back and lower until the back knee nearly touches the floor",
            "Push back up through the front foot without twisting",
        ),
        loads_regions=_KNEE,
        why_runners=(
            "Loaded single-leg strength through a long range; heavier strength work improves "
            "running economy."
        ),
        evidence="blagrove2018",
        regressions=("reverse-lunge",),
        heavy=True,
    ),
    Exercise(
        slug="lateral-lunge",
        name="Lateral lunge",
        aliases=("side lunge",),
        category=Category.COMPOUND,
        pattern=Pattern.LUNGE,
        primary_muscles=(Muscle.ADDUCTORS, Muscle.GLUTEUS_MAXIMUS, Muscle.QUADRICEPS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=10),
        cues=(
            "Step wide to one side and sit back into that hip, the other leg straight",
            "Both feet flat and pointing forward",
            "Push back to the middle through the bent leg",
        ),
        loads_regions=(Region.KNEE, Region.QUAD, Region.GROIN),
        why_runners=(
            "Running happens in one plane; strength from side to side protects the groin and "
            "hips on trails, corners and cambered roads."
        ),
        progressions=("cossack-squat",),
    ),
    Exercise(
        slug="cossack-squat",
        name="Cossack squat",
        category=Category.COMPOUND,
        pattern=Pattern.LUNGE,
        primary_muscles=(Muscle.ADDUCTORS, Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.HAMSTRINGS,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=8),
        cues=(
            "Wide stance; sink onto one leg while the other straightens, toes up",
            "Go as low as the working heel stays down",
            "Shift slowly from side to side, staying low if you can",
        ),
        loads_regions=(Region.KNEE, Region.QUAD, Region.GROIN),
        why_runners=(
            "Adds depth and inner-thigh length to the lateral lunge for more hip range and "
            "groin strength."
        ),
        regressions=("lateral-lunge",),
    ),
    Exercise(
        slug="curtsy-lunge",
        name="Curtsy lunge",
        aliases=("crossover lunge",),
        category=Category.COMPOUND,
        pattern=Pattern.LUNGE,
        primary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MAXIMUS, Muscle.QUADRICEPS),
        secondary_muscles=(Muscle.ADDUCTORS,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Step one leg back and across behind the other",
            "Hips stay square to the front, front knee over the toes",
            "Push up through the front foot",
        ),
        loads_regions=(Region.KNEE, Region.QUAD, Region.HIP, Region.IT_BAND),
        why_runners=(
            "Makes the front-leg glutes control the hip as the leg moves across the body, as "
            "they must when your form fades late in a run."
        ),
    ),
)

KNEE_DOMINANT: tuple[Exercise, ...] = SQUATS + SINGLE_LEG_SQUATS + LUNGES
