"""Core: anti-extension, anti-rotation, anti-lateral-flexion, rotation and trunk flexion."""

from __future__ import annotations

from stridewell.domain.exercises.model import Dose, Exercise, Pattern
from stridewell.domain.vocab import Category, Equipment, Muscle, Region

_DEEP_CORE = (Muscle.TRANSVERSE_ABDOMINIS, Muscle.RECTUS_ABDOMINIS)

ANTI_EXTENSIONS: tuple[Exercise, ...] = (
    Exercise(
        slug="dead-bug",
        name="Dead bug",
        category=Category.CORE,
        pattern=Pattern.ANTI_EXTENSION,
        primary_muscles=_DEEP_CORE,
        secondary_muscles=(Muscle.OBLIQUES, Muscle.HIP_FLEXORS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Lie on your back, arms up, hips and knees at 90 degrees",
            "Press the lower back gently into the floor and keep it there",
            "Reach the opposite arm and leg away slowly as you breathe out, then switch",
        ),
        loads_regions=(),
        why_runners=(
            "Teaches the trunk to stay still while the limbs move, which is its job on every "
            "stride."
        ),
        progressions=("hollow-hold",),
    ),
    Exercise(
        slug="hollow-hold",
        name="Hollow hold",
        aliases=("hollow body hold",),
        category=Category.CORE,
        pattern=Pattern.ANTI_EXTENSION,
        primary_muscles=_DEEP_CORE,
        secondary_muscles=(Muscle.HIP_FLEXORS, Muscle.OBLIQUES),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=3,
        dose=Dose(sets=3, hold_s=20),
        cues=(
            "Lie on your back and press the lower back into the floor",
            "Lift shoulders and straight legs a little off the floor, arms by the ears",
            "Bend the knees or bring the arms in as soon as the back lifts",
        ),
        loads_regions=(Region.LOWER_BACK,),
        why_runners=(
            "A demanding trunk hold that builds the stiffness to pass force from the legs "
            "without the pelvis tipping."
        ),
        regressions=("dead-bug",),
    ),
    Exercise(
        slug="plank",
        name="Plank",
        aliases=("front plank", "forearm plank"),
        category=Category.CORE,
        pattern=Pattern.ANTI_EXTENSION,
        primary_muscles=_DEEP_CORE,
        secondary_muscles=(Muscle.OBLIQUES, Muscle.GLUTEUS_MAXIMUS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, hold_s=30),
        cues=(
            "Forearms under the shoulders, body straight from head to heels",
            "Squeeze the glutes and draw the ribs down so the back does not sag",
            "Breathe steadily; end the set when the hips drop or rise",
        ),
        loads_regions=(),
        why_runners="A simple base of trunk endurance for holding your posture late in a run.",
        progressions=("plank-leg-lift", "swiss-ball-plank"),
    ),
    Exercise(
        slug="plank-leg-lift",
        name="Plank with leg lift",
        aliases=("three-point plank",),
        category=Category.CORE,
        pattern=Pattern.ANTI_EXTENSION,
        primary_muscles=(Muscle.TRANSVERSE_ABDOMINIS, Muscle.GLUTEUS_MAXIMUS),
        secondary_muscles=(Muscle.RECTUS_ABDOMINIS, Muscle.OBLIQUES),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "From a forearm plank, lift one straight leg a few centimetres",
            "Hold two seconds without the hips tilting or twisting",
            "Lower and switch legs",
        ),
        loads_regions=(),
        why_runners=(
            "Adds hip extension and a twist to resist, close to how the trunk works on one leg "
            "in running."
        ),
        regressions=("plank",),
    ),
    Exercise(
        slug="swiss-ball-plank",
        name="Swiss-ball plank",
        aliases=("stability ball plank",),
        category=Category.CORE,
        pattern=Pattern.ANTI_EXTENSION,
        primary_muscles=_DEEP_CORE,
        secondary_muscles=(Muscle.OBLIQUES, Muscle.UPPER_BACK),
        unilateral=False,
        equipment=(Equipment.SWISS_BALL,),
        level=2,
        dose=Dose(sets=3, hold_s=30),
        cues=(
            "Forearms on the ball, feet on the floor, body straight",
            "Keep the ball still by bracing, not by gripping with the arms",
            "Widen the feet to make it easier",
        ),
        loads_regions=(),
        why_runners=(
            "The unstable ball makes the trunk work harder than a floor plank for the same hold."
        ),
        progressions=("swiss-ball-stir-the-pot", "swiss-ball-rollout"),
        regressions=("plank",),
    ),
    Exercise(
        slug="swiss-ball-stir-the-pot",
        name="Swiss-ball stir the pot",
        aliases=("stir the pot",),
        category=Category.CORE,
        pattern=Pattern.ANTI_EXTENSION,
        primary_muscles=(*_DEEP_CORE, Muscle.OBLIQUES),
        secondary_muscles=(Muscle.UPPER_BACK, Muscle.LATISSIMUS_DORSI),
        unilateral=False,
        equipment=(Equipment.SWISS_BALL,),
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Plank with the forearms on the ball",
            "Draw small circles with the elbows, one way and then the other",
            "Hips and lower back stay still while the arms move",
        ),
        loads_regions=(Region.LOWER_BACK,),
        why_runners=(
            "Asks the trunk to resist movement from every direction, a hard test of core control."
        ),
        regressions=("swiss-ball-plank",),
    ),
    Exercise(
        slug="swiss-ball-rollout",
        name="Swiss-ball rollout",
        aliases=("stability ball rollout", "ab rollout"),
        category=Category.CORE,
        pattern=Pattern.ANTI_EXTENSION,
        primary_muscles=(Muscle.RECTUS_ABDOMINIS, Muscle.TRANSVERSE_ABDOMINIS),
        secondary_muscles=(Muscle.LATISSIMUS_DORSI, Muscle.OBLIQUES),
        unilateral=False,
        equipment=(Equipment.SWISS_BALL,),
        level=3,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Kneel with the forearms on the ball",
            "Roll it forward by reaching the arms out, hips following in one line",
            "Go only as far as the lower back stays flat, then pull back",
        ),
        loads_regions=(Region.LOWER_BACK,),
        why_runners=(
            "Strong anti-extension work that teaches the trunk to stop the pelvis tipping "
            "forward at speed."
        ),
        regressions=("swiss-ball-plank",),
    ),
)

ANTI_ROTATIONS: tuple[Exercise, ...] = (
    Exercise(
        slug="bird-dog",
        name="Bird dog",
        aliases=("quadruped arm and leg reach",),
        category=Category.CORE,
        pattern=Pattern.ANTI_ROTATION,
        primary_muscles=(
            Muscle.ERECTOR_SPINAE,
            Muscle.GLUTEUS_MAXIMUS,
            Muscle.TRANSVERSE_ABDOMINIS,
        ),
        secondary_muscles=(Muscle.OBLIQUES, Muscle.GLUTEUS_MEDIUS, Muscle.UPPER_BACK),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "On hands and knees, reach one arm forward and the opposite leg back",
            "Keep the pelvis level, as if a cup sat on the lower back",
            "Hold two seconds, return under control, switch sides",
        ),
        loads_regions=(),
        why_runners=(
            "Links each glute with the opposite arm, the cross pattern of running, while the "
            "spine stays quiet."
        ),
        progressions=("plank-shoulder-tap",),
    ),
    Exercise(
        slug="plank-shoulder-tap",
        name="Plank shoulder tap",
        category=Category.CORE,
        pattern=Pattern.ANTI_ROTATION,
        primary_muscles=(Muscle.TRANSVERSE_ABDOMINIS, Muscle.OBLIQUES),
        secondary_muscles=(Muscle.RECTUS_ABDOMINIS, Muscle.UPPER_BACK, Muscle.GLUTEUS_MEDIUS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "High plank on the hands, feet a little wider than the hips",
            "Tap one shoulder with the opposite hand without the hips swaying",
            "Go slowly; narrower feet make it harder",
        ),
        loads_regions=(),
        why_runners=(
            "Every lifted hand tries to twist the trunk; resisting it builds the rotational "
            "control that keeps a stride efficient."
        ),
        regressions=("bird-dog",),
    ),
    Exercise(
        slug="pallof-press",
        name="Pallof press",
        aliases=("anti-rotation press",),
        category=Category.CORE,
        pattern=Pattern.ANTI_ROTATION,
        primary_muscles=(Muscle.OBLIQUES, Muscle.TRANSVERSE_ABDOMINIS),
        secondary_muscles=(Muscle.RECTUS_ABDOMINIS, Muscle.GLUTEUS_MEDIUS),
        unilateral=True,
        equipment=(Equipment.BAND, Equipment.CABLE),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Stand side-on to the anchor, handle held at the chest",
            "Press straight out and hold two seconds without letting it turn you",
            "Stand tall with the hips square; kneeling makes it stricter",
        ),
        loads_regions=(),
        why_runners=(
            "Builds the trunk's resistance to rotation while you stand tall, as in running."
        ),
    ),
)

ANTI_LATERAL_FLEXIONS: tuple[Exercise, ...] = (
    Exercise(
        slug="side-plank-short-lever",
        name="Short-lever side plank",
        aliases=("side plank from the knees", "knee side plank"),
        category=Category.CORE,
        pattern=Pattern.ANTI_LATERAL_FLEXION,
        primary_muscles=(Muscle.OBLIQUES, Muscle.GLUTEUS_MEDIUS),
        secondary_muscles=(Muscle.TRANSVERSE_ABDOMINIS, Muscle.GLUTEUS_MINIMUS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, hold_s=20),
        cues=(
            "Lie on your side on the forearm with the knees bent behind you",
            "Lift the hips so shoulders, hips and knees form a line",
            "Elbow under the shoulder; push the floor away",
        ),
        loads_regions=(Region.HIP,),
        why_runners=(
            "A gentle start to side planks, which work the hip muscles that keep the pelvis level."
        ),
        progressions=("side-plank",),
    ),
    Exercise(
        slug="side-plank",
        name="Side plank",
        aliases=("side bridge",),
        category=Category.CORE,
        pattern=Pattern.ANTI_LATERAL_FLEXION,
        primary_muscles=(Muscle.OBLIQUES, Muscle.GLUTEUS_MEDIUS),
        secondary_muscles=(
            Muscle.TRANSVERSE_ABDOMINIS,
            Muscle.GLUTEUS_MINIMUS,
            Muscle.ADDUCTORS,
        ),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, hold_s=30),
        cues=(
            "On one forearm, feet stacked or staggered, body in a straight line",
            "Lift the hips and keep them from sagging or rolling forward",
            "Elbow under the shoulder, neck long",
        ),
        loads_regions=(Region.HIP,),
        why_runners=(
            "Ranks among the best exercises for gluteus medius activity while training the "
            "trunk to resist bending sideways."
        ),
        evidence="boren2011",
        regressions=("side-plank-short-lever",),
    ),
    Exercise(
        slug="suitcase-carry",
        name="Suitcase carry",
        aliases=("single-arm farmer's carry", "one-arm farmer's walk"),
        category=Category.CORE,
        pattern=Pattern.ANTI_LATERAL_FLEXION,
        primary_muscles=(Muscle.OBLIQUES, Muscle.TRANSVERSE_ABDOMINIS),
        secondary_muscles=(
            Muscle.GLUTEUS_MEDIUS,
            Muscle.UPPER_BACK,
            Muscle.LATISSIMUS_DORSI,
            Muscle.ERECTOR_SPINAE,
        ),
        unilateral=True,
        equipment=(Equipment.DUMBBELL, Equipment.KETTLEBELL),
        level=2,
        dose=Dose(sets=3, hold_s=40),
        cues=(
            "Hold a heavy weight in one hand at your side",
            "Walk tall with level shoulders; do not lean away from the weight",
            "Normal, quiet steps; swap hands each set",
        ),
        loads_regions=(Region.LOWER_BACK,),
        why_runners=(
            "A load on one side makes the trunk and side glutes hold you level, as they do "
            "through each single-leg stance."
        ),
    ),
)

ROTATIONS: tuple[Exercise, ...] = (
    Exercise(
        slug="russian-twist",
        name="Russian twist",
        aliases=("seated twist",),
        category=Category.CORE,
        pattern=Pattern.ROTATION,
        primary_muscles=(Muscle.OBLIQUES,),
        secondary_muscles=(
            Muscle.RECTUS_ABDOMINIS,
            Muscle.HIP_FLEXORS,
            Muscle.TRANSVERSE_ABDOMINIS,
        ),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=12, reps_high=20),
        cues=(
            "Sit leaning back a little, chest up, knees bent",
            "Turn the shoulders from side to side, eyes following the hands",
            "Keep the feet down until the spine stays long; then lift them or hold a weight",
        ),
        loads_regions=(Region.LOWER_BACK,),
        why_runners="Strengthens the obliques that turn the trunk against the swing of the legs.",
    ),
    Exercise(
        slug="woodchop",
        name="Cable woodchop",
        aliases=("band woodchop", "wood chop"),
        category=Category.CORE,
        pattern=Pattern.ROTATION,
        primary_muscles=(Muscle.OBLIQUES,),
        secondary_muscles=(
            Muscle.TRANSVERSE_ABDOMINIS,
            Muscle.GLUTEUS_MAXIMUS,
            Muscle.UPPER_BACK,
        ),
        unilateral=True,
        equipment=(Equipment.CABLE, Equipment.BAND),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Stand side-on to a high anchor, feet wide",
            "Pull down and across the body, turning hips and chest together",
            "Control the way back; the arms stay fairly straight",
        ),
        loads_regions=(Region.LOWER_BACK,),
        why_runners=(
            "Trains rotation from the hips through the trunk, the path force takes from one leg "
            "to the opposite arm in running."
        ),
    ),
)

TRUNK_FLEXIONS: tuple[Exercise, ...] = (
    Exercise(
        slug="reverse-crunch",
        name="Reverse crunch",
        category=Category.CORE,
        pattern=Pattern.TRUNK_FLEXION,
        primary_muscles=(Muscle.RECTUS_ABDOMINIS,),
        secondary_muscles=(Muscle.TRANSVERSE_ABDOMINIS, Muscle.OBLIQUES),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=10, reps_high=15),
        cues=(
            "Lie on your back, knees bent at 90 degrees over the hips",
            "Curl the hips off the floor by bringing the knees towards the chest",
            "Lower slowly without swinging",
        ),
        loads_regions=(Region.LOWER_BACK,),
        why_runners=(
            "Lower-abdominal strength that controls the tilt of the pelvis, the first step "
            "towards leg raises."
        ),
        progressions=("lying-leg-raise",),
    ),
    Exercise(
        slug="lying-leg-raise",
        name="Lying leg raise",
        aliases=("floor leg raise",),
        category=Category.CORE,
        pattern=Pattern.TRUNK_FLEXION,
        primary_muscles=(Muscle.RECTUS_ABDOMINIS, Muscle.HIP_FLEXORS),
        secondary_muscles=(Muscle.TRANSVERSE_ABDOMINIS, Muscle.OBLIQUES),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Lie on your back, hands by your sides or under the hips",
            "Raise straight legs to vertical while the lower back stays down",
            "Lower only as far as the back stays on the floor",
        ),
        loads_regions=(Region.LOWER_BACK, Region.HIP),
        why_runners=(
            "Builds the hip flexors and lower abdominals together, the pair that lifts the knee "
            "on each stride."
        ),
        progressions=("hanging-knee-raise",),
        regressions=("reverse-crunch",),
    ),
    Exercise(
        slug="hanging-knee-raise",
        name="Hanging knee raise",
        category=Category.CORE,
        pattern=Pattern.TRUNK_FLEXION,
        primary_muscles=(Muscle.RECTUS_ABDOMINIS, Muscle.HIP_FLEXORS),
        secondary_muscles=(Muscle.OBLIQUES, Muscle.LATISSIMUS_DORSI),
        unilateral=False,
        equipment=(Equipment.BAR,),
        level=3,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Hang from a bar with the shoulders set, not shrugged",
            "Lift the knees to hip height or above by curling the pelvis up",
            "Lower slowly without swinging",
        ),
        loads_regions=(Region.LOWER_BACK, Region.HIP),
        why_runners=(
            "Works the hip flexors and lower abdominals through more range than floor work, "
            "with the spine hanging free."
        ),
        progressions=("hanging-leg-raise",),
        regressions=("lying-leg-raise",),
    ),
    Exercise(
        slug="hanging-leg-raise",
        name="Hanging leg raise",
        aliases=("hanging straight-leg raise",),
        category=Category.CORE,
        pattern=Pattern.TRUNK_FLEXION,
        primary_muscles=(Muscle.RECTUS_ABDOMINIS, Muscle.HIP_FLEXORS),
        secondary_muscles=(Muscle.OBLIQUES, Muscle.LATISSIMUS_DORSI),
        unilateral=False,
        equipment=(Equipment.BAR,),
        level=4,
        dose=Dose(sets=3, reps_low=6, reps_high=10),
        cues=(
            "Hang with active shoulders and the legs together",
            "Raise straight legs to at least hip height, tilting the pelvis up at the top",
            "Lower under control; end the set when you start to swing",
        ),
        loads_regions=(Region.LOWER_BACK, Region.HIP),
        why_runners=(
            "A hard trunk and hip-flexor exercise for strong runners; the straight legs make a "
            "long lever to control."
        ),
        regressions=("hanging-knee-raise",),
    ),
)

CORE: tuple[Exercise, ...] = (
    ANTI_EXTENSIONS + ANTI_ROTATIONS + ANTI_LATERAL_FLEXIONS + ROTATIONS + TRUNK_FLEXIONS
)
