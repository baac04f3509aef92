"""Plyometrics: two-footed jumps, single-leg hops, skips and bounds."""

from __future__ import annotations

from stridewell.domain.exercises.model import Dose, Exercise, Pattern
from stridewell.domain.vocab import Category, Equipment, Muscle, Region

# Every landing loads the lower leg; deeper, bigger jumps load the knee and quads too.
_LOWER_LEG = (Region.ANKLE, Region.ACHILLES, Region.CALF, Region.SHIN, Region.FOOT)
_WHOLE_LEG = (Region.KNEE, Region.QUAD, *_LOWER_LEG)

JUMPS: tuple[Exercise, ...] = (
    Exercise(
        slug="snap-down",
        name="Snap-down",
        aliases=("drop squat", "landing drill"),
        category=Category.PLYOMETRIC,
        pattern=Pattern.JUMP,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GASTROCNEMIUS, Muscle.SOLEUS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=5, reps_high=8),
        cues=(
            "Rise onto the toes with the arms up, then snap down into a quarter squat",
            "Land quietly on both feet with the knees over the toes",
            "Hold the landing for two seconds before the next rep",
        ),
        loads_regions=(Region.KNEE, Region.QUAD, Region.ANKLE),
        why_runners=(
            "Teaches soft, steady landings before any real jumping, so later plyometrics are "
            "safe and springy."
        ),
        progressions=("squat-jump",),
    ),
    Exercise(
        slug="squat-jump",
        name="Squat jump",
        aliases=("jump squat",),
        category=Category.PLYOMETRIC,
        pattern=Pattern.JUMP,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS, Muscle.GASTROCNEMIUS),
        secondary_muscles=(Muscle.SOLEUS, Muscle.HAMSTRINGS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=5, reps_high=8),
        cues=(
            "Dip to a quarter or half squat and jump as high as you can",
            "Swing the arms to help",
            "Land softly through the whole foot and reset before the next jump",
        ),
        loads_regions=_WHOLE_LEG,
        why_runners=(
            "Explosive leg power; plyometric training improves running economy and time-trial "
            "performance."
        ),
        evidence="blagrove2018",
        progressions=("box-jump", "broad-jump"),
        regressions=("snap-down",),
    ),
    Exercise(
        slug="box-jump",
        name="Box jump",
        category=Category.PLYOMETRIC,
        pattern=Pattern.JUMP,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MAXIMUS, Muscle.GASTROCNEMIUS),
        secondary_muscles=(Muscle.SOLEUS, Muscle.HAMSTRINGS),
        unilateral=False,
        equipment=(Equipment.BOX,),
        level=3,
        dose=Dose(sets=3, reps_low=4, reps_high=6),
        cues=(
            "Stand close to a stable box of modest height",
            "Jump up and land softly in a half squat on top",
            "Step down; do not jump down",
        ),
        loads_regions=(Region.KNEE, Region.QUAD, Region.ANKLE, Region.ACHILLES, Region.CALF),
        why_runners="Trains maximal take-off power while the box keeps landing forces low.",
        evidence="blagrove2018",
        progressions=("depth-jump",),
        regressions=("squat-jump",),
    ),
    Exercise(
        slug="broad-jump",
        name="Broad jump",
        aliases=("standing long jump",),
        category=Category.PLYOMETRIC,
        pattern=Pattern.JUMP,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.QUADRICEPS, Muscle.HAMSTRINGS),
        secondary_muscles=(Muscle.GASTROCNEMIUS, Muscle.SOLEUS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=3,
        dose=Dose(sets=3, reps_low=4, reps_high=6),
        cues=(
            "Swing the arms back and load the hips",
            "Jump forward as far as you can, driving the arms through",
            "Land on both feet in a balanced squat and hold it",
        ),
        loads_regions=_WHOLE_LEG,
        why_runners=(
            "Horizontal power from the hips, in the direction you actually move when you run."
        ),
        evidence="blagrove2018",
        regressions=("squat-jump",),
    ),
    Exercise(
        slug="depth-jump",
        name="Depth jump",
        aliases=("drop jump",),
        category=Category.PLYOMETRIC,
        pattern=Pattern.JUMP,
        primary_muscles=(Muscle.GASTROCNEMIUS, Muscle.SOLEUS, Muscle.QUADRICEPS),
        secondary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.HAMSTRINGS),
        unilateral=False,
        equipment=(Equipment.BOX,),
        level=5,
        dose=Dose(sets=3, reps_low=4, reps_high=6),
        cues=(
            "Step off a low box (20-40 cm); do not jump off it",
            "Touch down and rebound straight up as fast as you can",
            "Keep ground contact short, as if the floor were hot",
        ),
        loads_regions=_WHOLE_LEG,
        why_runners=(
            "Trains fast stiffness in the calf and Achilles, the spring in your stride; keep it "
            "for experienced, uninjured runners."
        ),
        evidence="blagrove2018",
        regressions=("box-jump",),
    ),
    Exercise(
        slug="pogo-hops",
        name="Pogo hops",
        aliases=("pogos", "ankle hops"),
        category=Category.PLYOMETRIC,
        pattern=Pattern.JUMP,
        primary_muscles=(Muscle.GASTROCNEMIUS, Muscle.SOLEUS),
        secondary_muscles=(
            Muscle.TIBIALIS_ANTERIOR,
            Muscle.FOOT_INTRINSICS,
            Muscle.QUADRICEPS,
        ),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=15, reps_high=20),
        cues=(
            "Hop on the spot off both feet, knees nearly straight",
            "Bounce off the balls of the feet with quick, quiet contacts",
            "Stay tall; the heels barely touch",
        ),
        loads_regions=_LOWER_LEG,
        why_runners=(
            "Builds the springiness of the calf and Achilles that returns energy each step; "
            "plyometrics improve running economy."
        ),
        evidence="blagrove2018",
        progressions=("lateral-hops",),
    ),
    Exercise(
        slug="lateral-hops",
        name="Lateral hops",
        aliases=("side-to-side line hops",),
        category=Category.PLYOMETRIC,
        pattern=Pattern.JUMP,
        primary_muscles=(Muscle.GASTROCNEMIUS, Muscle.SOLEUS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.ADDUCTORS, Muscle.FOOT_INTRINSICS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=10, reps_high=20),
        cues=(
            "Hop from side to side over a line on both feet",
            "Stay on the balls of the feet with short, fast contacts",
            "Trunk upright, knees soft",
        ),
        loads_regions=_LOWER_LEG,
        why_runners=(
            "Adds side-to-side control to ankle stiffness, for trails, corners and uneven ground."
        ),
        regressions=("pogo-hops",),
    ),
)

HOPS: tuple[Exercise, ...] = (
    Exercise(
        slug="hop-and-stick",
        name="Hop and stick",
        aliases=("single-leg hop and hold", "single-leg landing"),
        category=Category.PLYOMETRIC,
        pattern=Pattern.HOP,
        primary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.GASTROCNEMIUS, Muscle.SOLEUS, Muscle.FOOT_INTRINSICS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=4, reps_high=6),
        cues=(
            "Hop forward a short way on one leg",
            "Land softly and hold the landing for two seconds",
            "Knee over the toes, pelvis level, trunk upright",
        ),
        loads_regions=_WHOLE_LEG,
        why_runners=(
            "Running is a string of single-leg landings; sticking them builds control before "
            "repeated hops."
        ),
        progressions=("single-leg-hops",),
    ),
    Exercise(
        slug="single-leg-hops",
        name="Single-leg hops",
        aliases=("single-leg pogo",),
        category=Category.PLYOMETRIC,
        pattern=Pattern.HOP,
        primary_muscles=(Muscle.GASTROCNEMIUS, Muscle.SOLEUS),
        secondary_muscles=(Muscle.QUADRICEPS, Muscle.GLUTEUS_MEDIUS, Muscle.FOOT_INTRINSICS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=3,
        dose=Dose(sets=3, reps_low=10, reps_high=15),
        cues=(
            "Hop on the spot on one leg with quick, light contacts",
            "Pelvis level, knee over the toes",
            "End the set when contacts get heavy or loud",
        ),
        loads_regions=(Region.KNEE, Region.IT_BAND, *_LOWER_LEG),
        why_runners=(
            "The most running-like plyometric: each contact rehearses stance with all your "
            "weight on one leg."
        ),
        evidence="blagrove2018",
        progressions=("single-leg-lateral-hops",),
        regressions=("hop-and-stick",),
    ),
    Exercise(
        slug="single-leg-lateral-hops",
        name="Single-leg lateral hops",
        aliases=("single-leg side hops",),
        category=Category.PLYOMETRIC,
        pattern=Pattern.HOP,
        primary_muscles=(Muscle.GASTROCNEMIUS, Muscle.SOLEUS, Muscle.GLUTEUS_MEDIUS),
        secondary_muscles=(Muscle.ADDUCTORS, Muscle.FOOT_INTRINSICS, Muscle.QUADRICEPS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=4,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Hop from side to side over a line on one leg",
            "Land softly and change direction without the knee caving in",
            "Start with small hops and widen them as control improves",
        ),
        loads_regions=(Region.KNEE, Region.IT_BAND, *_LOWER_LEG),
        why_runners=(
            "Builds ankle and hip control for trail running and sudden changes of direction."
        ),
        regressions=("single-leg-hops",),
    ),
)

BOUNDS: tuple[Exercise, ...] = (
    Exercise(
        slug="a-skip",
        name="A-skip",
        aliases=("A-skips", "skipping"),
        category=Category.PLYOMETRIC,
        pattern=Pattern.BOUND,
        primary_muscles=(Muscle.HIP_FLEXORS, Muscle.GASTROCNEMIUS),
        secondary_muscles=(Muscle.SOLEUS, Muscle.GLUTEUS_MAXIMUS, Muscle.FOOT_INTRINSICS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=10, reps_high=20),
        cues=(
            "Skip forward, driving one knee up to hip height each time",
            "Strike down under the hips on the ball of the foot",
            "Swing the opposite arm; stay tall and relaxed",
        ),
        loads_regions=_LOWER_LEG,
        why_runners=(
            "A running drill that rehearses the knee drive and quick, springy foot contact of "
            "efficient running."
        ),
        progressions=("power-skip",),
    ),
    Exercise(
        slug="power-skip",
        name="Power skip",
        aliases=("skip for height",),
        category=Category.PLYOMETRIC,
        pattern=Pattern.BOUND,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.GASTROCNEMIUS, Muscle.HIP_FLEXORS),
        secondary_muscles=(Muscle.SOLEUS, Muscle.QUADRICEPS, Muscle.HAMSTRINGS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Skip for height, driving the knee and the opposite arm up hard",
            "Push the ground away forcefully at each take-off",
            "Land on the ball of the foot under the hips",
        ),
        loads_regions=(Region.KNEE, *_LOWER_LEG),
        why_runners=(
            "Builds push-off power in a rhythm close to running, the step between drills and "
            "full bounds."
        ),
        evidence="blagrove2018",
        progressions=("bounds", "skater-bound"),
        regressions=("a-skip",),
    ),
    Exercise(
        slug="bounds",
        name="Bounds",
        aliases=("bounding", "running bounds"),
        category=Category.PLYOMETRIC,
        pattern=Pattern.BOUND,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.HAMSTRINGS, Muscle.GASTROCNEMIUS),
        secondary_muscles=(Muscle.QUADRICEPS, Muscle.SOLEUS, Muscle.HIP_FLEXORS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Exaggerated running strides: push off long and land on the other leg",
            "Drive the knee forward and swing the opposite arm",
            "Land under the hips and keep the rhythm; stop when contacts slow down",
        ),
        loads_regions=(Region.KNEE, Region.HAMSTRING, Region.IT_BAND, *_LOWER_LEG),
        why_runners=(
            "Running-specific power with long flight phases; plyometric work like this improves "
            "running economy."
        ),
        evidence="blagrove2018",
        regressions=("power-skip",),
    ),
    Exercise(
        slug="skater-bound",
        name="Skater bound",
        aliases=("skater jump", "speed skater"),
        category=Category.PLYOMETRIC,
        pattern=Pattern.BOUND,
        primary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MAXIMUS, Muscle.QUADRICEPS),
        secondary_muscles=(Muscle.ADDUCTORS, Muscle.GASTROCNEMIUS, Muscle.SOLEUS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Leap sideways from one leg to the other",
            "Land softly on the outside leg and hold for a moment",
            "Landing knee over the toes, chest up",
        ),
        loads_regions=(Region.KNEE, Region.QUAD, Region.GROIN, Region.IT_BAND, *_LOWER_LEG),
        why_runners=(
            "Sideways power and single-leg landing control, for trails and to balance all your "
            "straight-ahead running."
        ),
        regressions=("power-skip",),
    ),
)

PLYOMETRICS: tuple[Exercise, ...] = JUMPS + HOPS + BOUNDS
