"""Hip-dominant compounds and hamstring work: deadlifts, single-leg hinges, curls, Nordics."""

from __future__ import annotations

from stridewell.domain.exercises.model import Dose, Exercise, Pattern
from stridewell.domain.vocab import Category, Equipment, Muscle, Region

_HINGE_LOAD = (Region.LOWER_BACK, Region.HAMSTRING, Region.GLUTE)

HINGES: tuple[Exercise, ...] = (
    Exercise(
        slug="hip-hinge-drill",
        name="Bodyweight hip hinge",
        aliases=("bodyweight good morning", "hip hinge"),
        category=Category.COMPOUND,
        pattern=Pattern.HINGE,
        primary_muscles=(Muscle.HAMSTRINGS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.ERECTOR_SPINAE,),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=10, reps_high=15),
        cues=(
            "Hold a broomstick along the spine touching head, upper back and tailbone",
            "Push the hips back with soft knees until the hamstrings feel a stretch",
            "Stand by driving the hips forward while the back stays long",
        ),
        loads_regions=(Region.HAMSTRING,),
        why_runners=(
            "Bending from the hips rather than the back is the base of every deadlift and of a "
            "powerful hip drive when you run."
        ),
        progressions=("kettlebell-deadlift", "band-pull-through"),
    ),
    Exercise(
        slug="band-pull-through",
        name="Band pull-through",
        aliases=("cable pull-through",),
        category=Category.COMPOUND,
        pattern=Pattern.HINGE,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.HAMSTRINGS),
        secondary_muscles=(Muscle.ERECTOR_SPINAE,),
        unilateral=False,
        equipment=(Equipment.BAND, Equipment.CABLE),
        level=2,
        dose=Dose(sets=3, reps_low=12, reps_high=15),
        cues=(
            "Face away from a low anchor with the band between your legs",
            "Hinge back and let the band draw your hands through",
            "Snap the hips forward and squeeze the glutes to stand tall",
        ),
        loads_regions=(Region.HAMSTRING,),
        why_runners="Trains a strong hip drive with a light load that is easy on the back.",
        regressions=("hip-hinge-drill",),
    ),
    Exercise(
        slug="kettlebell-deadlift",
        name="Kettlebell deadlift",
        aliases=("dumbbell deadlift",),
        category=Category.COMPOUND,
        pattern=Pattern.HINGE,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.HAMSTRINGS),
        secondary_muscles=(Muscle.ERECTOR_SPINAE, Muscle.QUADRICEPS, Muscle.LATISSIMUS_DORSI),
        unilateral=False,
        equipment=(Equipment.KETTLEBELL, Equipment.DUMBBELL),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Weight between the feet; hinge down to it with a long, flat back",
            "Shoulders drawn down, brace before you lift",
            "Stand by pushing the floor away and the hips forward",
        ),
        loads_regions=_HINGE_LOAD,
        why_runners=(
            "The first loaded deadlift: strong hip extensors carry you up hills, and strength "
            "training of this kind is linked with fewer injuries."
        ),
        evidence="lauersen2014",
        progressions=("romanian-deadlift", "trap-bar-deadlift", "kettlebell-swing"),
        regressions=("hip-hinge-drill",),
        heavy=True,
    ),
    Exercise(
        slug="romanian-deadlift",
        name="Romanian deadlift",
        aliases=("RDL", "stiff-leg deadlift"),
        category=Category.COMPOUND,
        pattern=Pattern.HINGE,
        primary_muscles=(Muscle.HAMSTRINGS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.ERECTOR_SPINAE, Muscle.LATISSIMUS_DORSI, Muscle.UPPER_BACK),
        unilateral=False,
        equipment=(Equipment.BARBELL, Equipment.DUMBBELL, Equipment.KETTLEBELL),
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Start standing; slide the weight down the thighs with the knees softly bent",
            "Push the hips back until the hamstrings are tight, back flat",
            "Come up by squeezing the glutes, not by leaning back",
        ),
        loads_regions=_HINGE_LOAD,
        why_runners=(
            "Loads the hamstrings at length, where fast running strains them, and builds the "
            "hip strength that improves running economy."
        ),
        evidence="blagrove2018",
        regressions=("kettlebell-deadlift",),
        heavy=True,
    ),
    Exercise(
        slug="trap-bar-deadlift",
        name="Trap-bar deadlift",
        aliases=("hex bar deadlift",),
        category=Category.COMPOUND,
        pattern=Pattern.HINGE,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.QUADRICEPS, Muscle.HAMSTRINGS),
        secondary_muscles=(Muscle.ERECTOR_SPINAE, Muscle.UPPER_BACK),
        unilateral=False,
        equipment=(Equipment.BARBELL,),
        level=3,
        dose=Dose(sets=3, reps_low=4, reps_high=6),
        cues=(
            "Stand in the middle of the bar and grip the handles at your sides",
            "Hips lower than in a straight-bar pull, chest up, back braced",
            "Push the floor away and finish tall without leaning back",
        ),
        loads_regions=(Region.LOWER_BACK, Region.HAMSTRING, Region.GLUTE, Region.KNEE),
        why_runners=(
            "For most runners the simplest way to lift heavy; heavy strength training improves "
            "running economy."
        ),
        evidence="blagrove2018",
        progressions=("conventional-deadlift",),
        regressions=("kettlebell-deadlift",),
        heavy=True,
    ),
    Exercise(
        slug="conventional-deadlift",
        name="Conventional deadlift",
        aliases=("barbell deadlift", "deadlift"),
        category=Category.COMPOUND,
        pattern=Pattern.HINGE,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.HAMSTRINGS, Muscle.ERECTOR_SPINAE),
        secondary_muscles=(Muscle.QUADRICEPS, Muscle.LATISSIMUS_DORSI, Muscle.UPPER_BACK),
        unilateral=False,
        equipment=(Equipment.BARBELL,),
        level=4,
        dose=Dose(sets=3, reps_low=3, reps_high=5),
        cues=(
            "Bar over the middle of the foot, shins close to it",
            "Take the slack out of the bar and brace before it leaves the floor",
            "Keep the bar against the legs all the way up",
            "End each set with a rep or two to spare",
        ),
        loads_regions=_HINGE_LOAD,
        why_runners=(
            "Strength for the whole back of the body, for experienced lifters; heavy, low-rep "
            "sets improve running economy."
        ),
        evidence="blagrove2018",
        regressions=("trap-bar-deadlift",),
        heavy=True,
    ),
    Exercise(
        slug="kettlebell-swing",
        name="Kettlebell swing",
        aliases=("russian swing",),
        category=Category.COMPOUND,
        pattern=Pattern.HINGE,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.HAMSTRINGS),
        secondary_muscles=(Muscle.ERECTOR_SPINAE, Muscle.TRANSVERSE_ABDOMINIS),
        unilateral=False,
        equipment=(Equipment.KETTLEBELL,),
        level=3,
        dose=Dose(sets=3, reps_low=10, reps_high=15),
        cues=(
            "Hinge, do not squat: the bell passes high between the thighs",
            "Snap the hips forward so the bell floats up to chest height",
            "The arms only guide; the power comes from the hips",
        ),
        loads_regions=(Region.LOWER_BACK, Region.HAMSTRING),
        why_runners=(
            "Fast, forceful hip extension, the action that drives you forward at push-off; "
            "explosive strength work improves running economy."
        ),
        evidence="blagrove2018",
        regressions=("kettlebell-deadlift",),
    ),
)

SINGLE_LEG_HINGES: tuple[Exercise, ...] = (
    Exercise(
        slug="supported-single-leg-rdl",
        name="Supported single-leg RDL",
        aliases=("wall-supported single-leg deadlift",),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_HINGE,
        primary_muscles=(Muscle.HAMSTRINGS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "One hand on a wall or chair for balance",
            "Hinge on the standing leg as the other leg reaches back in line with the body",
            "Hips square to the floor; stand up by squeezing the standing glute",
        ),
        loads_regions=(Region.HAMSTRING,),
        why_runners=(
            "Learns the single-leg hinge without the balance challenge, so you can feel the "
            "standing hip do the work."
        ),
        progressions=("single-leg-rdl",),
    ),
    Exercise(
        slug="single-leg-rdl",
        name="Single-leg Romanian deadlift",
        aliases=("single-leg deadlift", "SL RDL"),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_HINGE,
        primary_muscles=(Muscle.HAMSTRINGS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.FOOT_INTRINSICS, Muscle.ERECTOR_SPINAE),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=10),
        cues=(
            "Soft standing knee; hinge forward as the free leg reaches back",
            "Hips stay level, as if a glass of water sat on your lower back",
            "Stop when trunk and back leg are near level with the floor, then stand tall",
        ),
        loads_regions=(Region.HAMSTRING,),
        why_runners=(
            "Hip strength and balance on one leg at once; the stance leg steadies the pelvis "
            "as it does at every footstrike."
        ),
        progressions=("dumbbell-single-leg-rdl", "single-leg-rdl-knee-drive"),
        regressions=("supported-single-leg-rdl",),
    ),
    Exercise(
        slug="dumbbell-single-leg-rdl",
        name="Dumbbell single-leg RDL",
        aliases=("weighted single-leg deadlift",),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_HINGE,
        primary_muscles=(Muscle.HAMSTRINGS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.ERECTOR_SPINAE),
        unilateral=True,
        equipment=(Equipment.DUMBBELL, Equipment.KETTLEBELL),
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Hold the weight in the hand opposite the standing leg",
            "Let it travel straight down close to the shin",
            "Hips square and back long throughout",
        ),
        loads_regions=(Region.HAMSTRING, Region.GLUTE),
        why_runners=(
            "Loaded single-leg hip strength for the stance phase; heavier strength work "
            "improves running economy."
        ),
        evidence="blagrove2018",
        regressions=("single-leg-rdl",),
        heavy=True,
    ),
    Exercise(
        slug="single-leg-rdl-knee-drive",
        name="Single-leg RDL to knee drive",
        aliases=("single-leg deadlift to knee drive",),
        category=Category.COMPOUND,
        pattern=Pattern.SINGLE_LEG_HINGE,
        primary_muscles=(Muscle.HAMSTRINGS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.HIP_FLEXORS, Muscle.FOOT_INTRINSICS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Hinge into a single-leg RDL with the free leg reaching back",
            "Stand up briskly and drive that knee up to hip height in one movement",
            "Finish tall on the standing foot with the pelvis level; hold for a second",
        ),
        loads_regions=(Region.HAMSTRING,),
        why_runners=(
            "Joins the hip hinge to the knee drive of the stride, so the standing glute learns "
            "to extend the hip while the other leg swings through."
        ),
        progressions=("hip-airplane",),
        regressions=("single-leg-rdl",),
    ),
    Exercise(
        slug="hip-airplane",
        name="Hip airplane",
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.SINGLE_LEG_HINGE,
        primary_muscles=(
            Muscle.GLUTEUS_MEDIUS,
            Muscle.GLUTEUS_MAXIMUS,
            Muscle.HIP_EXTERNAL_ROTATORS,
        ),
        secondary_muscles=(Muscle.HAMSTRINGS, Muscle.FOOT_INTRINSICS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=4,
        dose=Dose(sets=3, reps_low=4, reps_high=6),
        cues=(
            "Hinge forward on one leg as in a single-leg RDL",
            "Slowly turn the pelvis open towards the ceiling, then close it back down",
            "Only go as far as you keep your balance and the standing knee still",
        ),
        loads_regions=(Region.HIP, Region.HAMSTRING, Region.GLUTE),
        why_runners=(
            "Trains the deep hip rotators and glutes to steer the pelvis over one leg, a "
            "demanding control drill for experienced runners."
        ),
        regressions=("single-leg-rdl-knee-drive",),
    ),
)

HAMSTRING_CURLS: tuple[Exercise, ...] = (
    Exercise(
        slug="hamstring-walkout",
        name="Hamstring walkout",
        aliases=("bridge walkout",),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.KNEE_FLEXION,
        primary_muscles=(Muscle.HAMSTRINGS,),
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.GASTROCNEMIUS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=6, reps_high=8),
        cues=(
            "From a glute bridge, walk the heels away in small steps",
            "Keep the hips up while the legs straighten as far as you can control",
            "Walk back in and lower; end the set if the hamstring cramps",
        ),
        loads_regions=(Region.HAMSTRING,),
        why_runners=(
            "Works the hamstrings near full length while they also hold the hips up, with "
            "nothing but the floor."
        ),
        progressions=("slider-hamstring-curl",),
    ),
    Exercise(
        slug="swiss-ball-hamstring-curl",
        name="Swiss-ball hamstring curl",
        aliases=("stability ball leg curl", "physio ball curl"),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.KNEE_FLEXION,
        primary_muscles=(Muscle.HAMSTRINGS,),
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.GASTROCNEMIUS),
        unilateral=False,
        equipment=(Equipment.SWISS_BALL,),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Lie on your back with the heels on the ball and lift the hips",
            "Curl the ball in by bending the knees while the hips stay high",
            "Roll it out slowly; the way back is the harder half",
        ),
        loads_regions=(Region.HAMSTRING,),
        why_runners=(
            "Trains the hamstrings to bend the knee and hold the hip at once, as they do when "
            "the leg swings through."
        ),
        progressions=("nordic-curl",),
    ),
    Exercise(
        slug="machine-leg-curl",
        name="Machine leg curl",
        aliases=("lying leg curl", "seated leg curl"),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.KNEE_FLEXION,
        primary_muscles=(Muscle.HAMSTRINGS,),
        secondary_muscles=(Muscle.GASTROCNEMIUS,),
        unilateral=False,
        equipment=(Equipment.MACHINE,),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Pad just above the heels, knees in line with the machine's pivot",
            "Curl smoothly, pause, then take three seconds to lower",
            "Keep the hips down on the pad",
        ),
        loads_regions=(Region.HAMSTRING,),
        why_runners="Plain hamstring strength with an easy way to add load in small steps.",
        progressions=("nordic-curl",),
    ),
    Exercise(
        slug="slider-hamstring-curl",
        name="Slider hamstring curl",
        aliases=("towel leg curl", "sliding leg curl"),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.KNEE_FLEXION,
        primary_muscles=(Muscle.HAMSTRINGS,),
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.GASTROCNEMIUS),
        unilateral=False,
        equipment=(Equipment.SLIDER,),
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Heels on sliders (a towel on a smooth floor works), hips lifted",
            "Slide the heels out slowly until the legs are nearly straight",
            "Pull them back in without letting the hips drop",
        ),
        loads_regions=(Region.HAMSTRING,),
        why_runners="A slow, lengthening hamstring load that prepares you for Nordic curls.",
        progressions=("nordic-curl",),
        regressions=("hamstring-walkout",),
    ),
    Exercise(
        slug="nordic-curl",
        name="Nordic hamstring curl",
        aliases=("nordic hamstring", "nordic"),
        category=Category.GLUTE_ACCESSORY,
        pattern=Pattern.KNEE_FLEXION,
        primary_muscles=(Muscle.HAMSTRINGS,),
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.GASTROCNEMIUS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=4,
        dose=Dose(sets=3, reps_low=5, reps_high=8),
        cues=(
            "Kneel on a pad with the ankles held by a partner or tucked under a heavy sofa",
            "Lean forward from the knees as slowly as you can, hips straight",
            "Catch yourself with the hands and push back up; pulling up comes later",
        ),
        loads_regions=(Region.HAMSTRING,),
        why_runners=(
            "The best-studied hamstring-injury prevention exercise: a Nordic programme cut "
            "hamstring strains by about 70 %."
        ),
        evidence="petersen2011",
        regressions=("slider-hamstring-curl", "swiss-ball-hamstring-curl", "machine-leg-curl"),
    ),
)

HIP_DOMINANT: tuple[Exercise, ...] = HINGES + SINGLE_LEG_HINGES + HAMSTRING_CURLS
