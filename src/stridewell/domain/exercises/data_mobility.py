"""Mobility: stretches and dynamic drills for range, warm-up and comfort.

Stretching on its own did not prevent injuries (Lauersen 2014: RR 0.96), so these are prescribed
for range and comfort, never as the injury-prevention part of a session.
"""

from __future__ import annotations

from stridewell.domain.exercises.model import Dose, Exercise, Pattern
from stridewell.domain.vocab import Category, Equipment, Muscle, Region

MOBILITY: tuple[Exercise, ...] = (
    Exercise(
        slug="hip-flexor-stretch",
        name="Half-kneeling hip flexor stretch",
        aliases=("kneeling hip flexor stretch", "lunge stretch"),
        category=Category.MOBILITY,
        pattern=Pattern.MOBILITY,
        primary_muscles=(Muscle.HIP_FLEXORS,),
        secondary_muscles=(Muscle.QUADRICEPS,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=2, hold_s=40),
        cues=(
            "Kneel on one knee with the other foot flat in front",
            "Tuck the pelvis under and squeeze the back-leg glute before leaning forward",
            "Reach the arm on the kneeling side overhead for more stretch",
        ),
        loads_regions=(Region.HIP,),
        why_runners=(
            "Eases the front of the hip after long hours of sitting so the leg can reach behind "
            "you; stretching alone does not prevent injuries, so pair it with strength work."
        ),
        evidence="lauersen2014",
        progressions=("couch-stretch",),
    ),
    Exercise(
        slug="couch-stretch",
        name="Couch stretch",
        aliases=("rear-foot-elevated quad stretch",),
        category=Category.MOBILITY,
        pattern=Pattern.MOBILITY,
        primary_muscles=(Muscle.HIP_FLEXORS, Muscle.QUADRICEPS),
        secondary_muscles=(),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=2, hold_s=45),
        cues=(
            "Kneel with the back shin up against a wall or sofa, front foot flat",
            "Squeeze the glute of the back leg and keep the ribs down",
            "Move the knee away from the wall if it is too intense",
        ),
        loads_regions=(Region.HIP, Region.QUAD, Region.KNEE),
        why_runners=(
            "A deeper stretch for the quads and hip flexors, which take a beating in long runs "
            "and races."
        ),
        regressions=("hip-flexor-stretch",),
    ),
    Exercise(
        slug="90-90-hip-switch",
        name="90/90 hip switch",
        aliases=("90-90 hip rotation", "windscreen wipers"),
        category=Category.MOBILITY,
        pattern=Pattern.MOBILITY,
        primary_muscles=(Muscle.HIP_EXTERNAL_ROTATORS,),
        secondary_muscles=(Muscle.GLUTEUS_MINIMUS, Muscle.GLUTEUS_MEDIUS, Muscle.ADDUCTORS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=2, reps_low=6, reps_high=10),
        cues=(
            "Sit with both knees bent at 90 degrees, one leg in front and one to the side",
            "Turn both knees over to the other side, without the hands if you can",
            "Sit tall and move slowly through the whole range",
        ),
        loads_regions=(Region.HIP, Region.GROIN),
        why_runners=(
            "Restores hip rotation in both directions, a range that straight-line running "
            "rarely uses."
        ),
    ),
    Exercise(
        slug="ankle-dorsiflexion-mobility",
        name="Knee-to-wall ankle mobility",
        aliases=("knee to wall", "ankle dorsiflexion drill"),
        category=Category.MOBILITY,
        pattern=Pattern.MOBILITY,
        primary_muscles=(Muscle.SOLEUS, Muscle.GASTROCNEMIUS),
        secondary_muscles=(),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=2, reps_low=10, reps_high=15),
        cues=(
            "Face a wall with one foot a short distance from it",
            "Push the knee forward to touch the wall while the heel stays down",
            "Move the foot back as range improves; the knee stays over the middle toes",
        ),
        loads_regions=(Region.ANKLE, Region.ACHILLES),
        why_runners=(
            "More ankle bend lets the knee travel forward in squats, hills and landings "
            "without the heel lifting."
        ),
    ),
    Exercise(
        slug="thoracic-rotation",
        name="Thoracic rotation (open book)",
        aliases=("open book", "t-spine rotation"),
        category=Category.MOBILITY,
        pattern=Pattern.MOBILITY,
        primary_muscles=(Muscle.UPPER_BACK, Muscle.OBLIQUES),
        secondary_muscles=(Muscle.LATISSIMUS_DORSI,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=2, reps_low=8, reps_high=10),
        cues=(
            "Lie on your side, knees bent and stacked, arms straight in front",
            "Open the top arm across to the other side, eyes following the hand",
            "Keep the knees together so the turn comes from the upper back",
        ),
        loads_regions=(),
        why_runners=(
            "Frees the upper back so the arms can swing against the stride without twisting "
            "the lower back."
        ),
        progressions=("worlds-greatest-stretch",),
    ),
    Exercise(
        slug="worlds-greatest-stretch",
        name="World's greatest stretch",
        aliases=("lunge with rotation",),
        category=Category.MOBILITY,
        pattern=Pattern.MOBILITY,
        primary_muscles=(Muscle.HIP_FLEXORS, Muscle.HAMSTRINGS, Muscle.UPPER_BACK),
        secondary_muscles=(Muscle.ADDUCTORS, Muscle.GLUTEUS_MAXIMUS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=2, reps_low=4, reps_high=6),
        cues=(
            "Step into a long lunge and put the same-side hand on the floor inside the foot",
            "Drop that elbow towards the instep, then turn and reach the arm to the ceiling",
            "Finish by straightening the front leg to stretch the hamstring",
        ),
        loads_regions=(Region.HIP, Region.GROIN, Region.HAMSTRING),
        why_runners=(
            "Moves the hips, hamstrings and upper back in one flowing sequence, a quick warm-up "
            "before running."
        ),
        regressions=("thoracic-rotation",),
    ),
    Exercise(
        slug="leg-swings",
        name="Leg swings",
        aliases=("front-to-back leg swings", "side-to-side leg swings"),
        category=Category.MOBILITY,
        pattern=Pattern.MOBILITY,
        primary_muscles=(Muscle.HIP_FLEXORS, Muscle.HAMSTRINGS, Muscle.ADDUCTORS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=2, reps_low=10, reps_high=15),
        cues=(
            "Hold a wall and swing one leg forward and back, then across the body and out",
            "Start small and let the range grow with each swing",
            "Trunk upright, standing knee soft",
        ),
        loads_regions=(Region.HIP, Region.HAMSTRING, Region.GROIN),
        why_runners=(
            "A dynamic warm-up that takes the hips through their running range, a quick way to "
            "loosen up before the first strides."
        ),
    ),
    Exercise(
        slug="pigeon-stretch",
        name="Pigeon stretch",
        aliases=("pigeon pose",),
        category=Category.MOBILITY,
        pattern=Pattern.MOBILITY,
        primary_muscles=(Muscle.GLUTEUS_MAXIMUS, Muscle.HIP_EXTERNAL_ROTATORS),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.HIP_FLEXORS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=2, hold_s=45),
        cues=(
            "Front shin across the body, back leg long behind you",
            "Hips square; lean forward over the front leg",
            "A cushion under the front hip helps; ease off if the knee complains",
        ),
        loads_regions=(Region.HIP, Region.GLUTE, Region.KNEE),
        why_runners=(
            "Stretches the glutes and deep hip rotators, which often feel tight after long runs."
        ),
    ),
    Exercise(
        slug="adductor-rock-back",
        name="Adductor rock-back",
        aliases=("kneeling adductor stretch", "frog rock"),
        category=Category.MOBILITY,
        pattern=Pattern.MOBILITY,
        primary_muscles=(Muscle.ADDUCTORS,),
        secondary_muscles=(Muscle.HAMSTRINGS,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=2, reps_low=8, reps_high=12),
        cues=(
            "On hands and knees, straighten one leg out to the side, foot flat",
            "Rock the hips back towards the heels until you feel the inner thigh",
            "Back flat, move slowly",
        ),
        loads_regions=(Region.GROIN,),
        why_runners=(
            "Gently restores inner-thigh range before groin work such as the Copenhagen plank."
        ),
    ),
)
