"""Calf, shin and foot: calf raises, heel drops, tibialis raises and foot-intrinsic work."""

from __future__ import annotations

from stridewell.domain.exercises.model import Dose, Exercise, Pattern
from stridewell.domain.vocab import Category, Equipment, Muscle, Region

_CALF_LOAD = (Region.CALF, Region.ACHILLES)
_HEAVY_KIT = (Equipment.DUMBBELL, Equipment.KETTLEBELL, Equipment.BARBELL, Equipment.MACHINE)

CALF_RAISES: tuple[Exercise, ...] = (
    Exercise(
        slug="calf-raise",
        name="Calf raise",
        aliases=("double-leg calf raise", "heel raise"),
        category=Category.CALF_FOOT,
        pattern=Pattern.PLANTAR_FLEXION,
        primary_muscles=(Muscle.GASTROCNEMIUS,),
        secondary_muscles=(Muscle.SOLEUS, Muscle.FOOT_INTRINSICS),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=15, reps_high=20),
        cues=(
            "Stand on both feet on the floor or a step, a hand on the wall for balance",
            "Rise as high as you can over the big-toe side of the foot",
            "Take two to three seconds on the way down",
        ),
        loads_regions=_CALF_LOAD,
        why_runners=(
            "The calves do much of the work of every running step; this is the first rung of "
            "calf strength."
        ),
        progressions=("single-leg-calf-raise", "eccentric-heel-drop", "single-leg-soleus-raise"),
    ),
    Exercise(
        slug="single-leg-calf-raise",
        name="Single-leg calf raise",
        aliases=("one-leg calf raise",),
        category=Category.CALF_FOOT,
        pattern=Pattern.PLANTAR_FLEXION,
        primary_muscles=(Muscle.GASTROCNEMIUS,),
        secondary_muscles=(Muscle.SOLEUS, Muscle.FOOT_INTRINSICS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=10, reps_high=15),
        cues=(
            "Stand on one foot on the edge of a step, a hand on the wall",
            "Lower the heel below the step, then rise as high as you can",
            "Keep the ankle from rolling outwards; slow on the way down",
        ),
        loads_regions=(*_CALF_LOAD, Region.ANKLE),
        why_runners=(
            "Loads each calf and Achilles on its own, as running does, and quickly shows up a "
            "weaker side."
        ),
        progressions=("calf-raise-straight-knee",),
        regressions=("calf-raise",),
    ),
    Exercise(
        slug="eccentric-heel-drop",
        name="Eccentric heel drop",
        aliases=("Alfredson heel drop", "eccentric calf drop"),
        category=Category.CALF_FOOT,
        pattern=Pattern.PLANTAR_FLEXION,
        primary_muscles=(Muscle.GASTROCNEMIUS, Muscle.SOLEUS),
        secondary_muscles=(Muscle.FOOT_INTRINSICS,),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=15, reps_high=15),
        cues=(
            "Rise on both feet on the edge of a step, then shift onto one",
            "Lower that heel below the step over about three seconds",
            "Come back up on both feet; repeat with the knee slightly bent for the soleus",
        ),
        loads_regions=_CALF_LOAD,
        why_runners=(
            "The classic exercise for Achilles tendon pain: slow lowering, kept up for twelve "
            "weeks, strengthens the calf and tendon."
        ),
        evidence="alfredson1998",
        progressions=("calf-raise-straight-knee",),
        regressions=("calf-raise",),
    ),
    Exercise(
        slug="calf-raise-straight-knee",
        name="Heavy slow calf raise (straight knee)",
        aliases=("standing calf raise", "heavy slow resistance calf raise"),
        category=Category.CALF_FOOT,
        pattern=Pattern.PLANTAR_FLEXION,
        primary_muscles=(Muscle.GASTROCNEMIUS,),
        secondary_muscles=(Muscle.SOLEUS,),
        unilateral=False,
        equipment=_HEAVY_KIT,
        level=3,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Weights in hand or a machine, balls of the feet on a step, knees straight",
            "Three seconds up, three seconds down, through the full range",
            "Pick a load you could lift only a couple more times; add load as it gets easy",
        ),
        loads_regions=_CALF_LOAD,
        why_runners=(
            "Heavy, slow calf raises helped Achilles tendons as much as eccentric training, "
            "and more people kept them up."
        ),
        evidence="beyer2015",
        regressions=("single-leg-calf-raise", "eccentric-heel-drop"),
        heavy=True,
    ),
    Exercise(
        slug="single-leg-soleus-raise",
        name="Single-leg soleus raise",
        aliases=("bent-knee single-leg calf raise",),
        category=Category.CALF_FOOT,
        pattern=Pattern.PLANTAR_FLEXION,
        primary_muscles=(Muscle.SOLEUS,),
        secondary_muscles=(Muscle.GASTROCNEMIUS, Muscle.FOOT_INTRINSICS),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, reps_low=12, reps_high=15),
        cues=(
            "Stand on one leg with the knee bent 30-45 degrees, and keep it bent",
            "Rise onto the ball of the foot, then lower slowly",
            "A wall in front helps balance; sit back slightly into the bend",
        ),
        loads_regions=(*_CALF_LOAD, Region.ANKLE),
        why_runners=(
            "Bending the knee shifts the work to the soleus, the deep calf muscle that carries "
            "much of the load in running."
        ),
        progressions=("calf-raise-bent-knee",),
        regressions=("calf-raise",),
    ),
    Exercise(
        slug="calf-raise-bent-knee",
        name="Heavy slow seated calf raise (bent knee)",
        aliases=("seated calf raise", "soleus press"),
        category=Category.CALF_FOOT,
        pattern=Pattern.PLANTAR_FLEXION,
        primary_muscles=(Muscle.SOLEUS,),
        secondary_muscles=(Muscle.GASTROCNEMIUS,),
        unilateral=False,
        equipment=_HEAVY_KIT,
        level=3,
        dose=Dose(sets=3, reps_low=8, reps_high=12),
        cues=(
            "Sit with the balls of the feet on a step and the weight on your knees, or use "
            "the machine",
            "Three seconds up, three seconds down, full range",
            "Add load once every set reaches the top of the rep range",
        ),
        loads_regions=_CALF_LOAD,
        why_runners=(
            "Loads the soleus heavily; heavy slow resistance with seated and standing raises is "
            "an evidence-based programme for Achilles pain."
        ),
        evidence="beyer2015",
        regressions=("single-leg-soleus-raise",),
        heavy=True,
    ),
)

SHIN: tuple[Exercise, ...] = (
    Exercise(
        slug="heel-walk",
        name="Heel walk",
        category=Category.CALF_FOOT,
        pattern=Pattern.DORSIFLEXION,
        primary_muscles=(Muscle.TIBIALIS_ANTERIOR,),
        secondary_muscles=(Muscle.FOOT_INTRINSICS,),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=2, hold_s=30),
        cues=(
            "Walk on your heels with the toes pulled up high",
            "Small steps, tall posture",
            "Turn the toes in on one pass and out on the next",
        ),
        loads_regions=(Region.SHIN,),
        why_runners=(
            "Wakes up the muscles at the front of the shin that lower the foot after each landing."
        ),
        progressions=("tibialis-raise",),
    ),
    Exercise(
        slug="tibialis-raise",
        name="Tibialis raise",
        aliases=("tib raise", "toe raise"),
        category=Category.CALF_FOOT,
        pattern=Pattern.DORSIFLEXION,
        primary_muscles=(Muscle.TIBIALIS_ANTERIOR,),
        secondary_muscles=(Muscle.FOOT_INTRINSICS,),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=15, reps_high=20),
        cues=(
            "Lean your back on a wall with the heels a foot's length in front",
            "Lift the toes and forefoot as high as you can, legs straight",
            "Lower slowly; step the feet further out to make it harder",
        ),
        loads_regions=(Region.SHIN,),
        why_runners=(
            "Strengthens the shin muscles that control the foot as it lands, balancing all the "
            "calf work."
        ),
        progressions=("loaded-tibialis-raise",),
        regressions=("heel-walk",),
    ),
    Exercise(
        slug="loaded-tibialis-raise",
        name="Loaded tibialis raise",
        aliases=("weighted tib raise", "banded dorsiflexion"),
        category=Category.CALF_FOOT,
        pattern=Pattern.DORSIFLEXION,
        primary_muscles=(Muscle.TIBIALIS_ANTERIOR,),
        secondary_muscles=(),
        unilateral=False,
        equipment=(Equipment.DUMBBELL, Equipment.KETTLEBELL, Equipment.BAND),
        level=3,
        dose=Dose(sets=3, reps_low=10, reps_high=15),
        cues=(
            "Sit on a bench: a dumbbell between the feet, a kettlebell over the toes, or a band "
            "anchored in front",
            "Pull the toes up towards the shin as far as they go",
            "Lower over three seconds",
        ),
        loads_regions=(Region.SHIN,),
        why_runners="Adds load to shin strength work once the bodyweight version is easy.",
        regressions=("tibialis-raise",),
    ),
)

FOOT: tuple[Exercise, ...] = (
    Exercise(
        slug="toe-yoga",
        name="Toe yoga",
        aliases=("toe splay and lift",),
        category=Category.CALF_FOOT,
        pattern=Pattern.FOOT,
        primary_muscles=(Muscle.FOOT_INTRINSICS,),
        secondary_muscles=(),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=2, reps_low=8, reps_high=10),
        cues=(
            "Sit or stand with the feet flat",
            "Lift the big toe while pressing the others down, then swap",
            "The foot stays still; only the toes move",
        ),
        loads_regions=(Region.FOOT,),
        why_runners=(
            "Teaches control of the small muscles that support the arch before loaded foot work."
        ),
        progressions=("short-foot",),
    ),
    Exercise(
        slug="short-foot",
        name="Short foot",
        aliases=("foot doming", "short foot exercise"),
        category=Category.CALF_FOOT,
        pattern=Pattern.FOOT,
        primary_muscles=(Muscle.FOOT_INTRINSICS,),
        secondary_muscles=(Muscle.TIBIALIS_ANTERIOR,),
        unilateral=False,
        equipment=(Equipment.BODYWEIGHT,),
        level=1,
        dose=Dose(sets=3, reps_low=8, reps_high=10),
        cues=(
            "Draw the ball of the foot towards the heel to raise the arch, toes long",
            "Hold each rep for about five seconds",
            "Progress from sitting to standing to standing on one leg",
        ),
        loads_regions=(Region.FOOT,),
        why_runners=(
            "Strengthens the arch from within, giving a stiffer, steadier base to push off from."
        ),
        progressions=("single-leg-balance",),
        regressions=("toe-yoga",),
    ),
    Exercise(
        slug="single-leg-balance",
        name="Single-leg balance",
        aliases=("single-leg stance",),
        category=Category.CALF_FOOT,
        pattern=Pattern.FOOT,
        primary_muscles=(Muscle.FOOT_INTRINSICS,),
        secondary_muscles=(Muscle.GLUTEUS_MEDIUS, Muscle.SOLEUS, Muscle.TIBIALIS_ANTERIOR),
        unilateral=True,
        equipment=(Equipment.BODYWEIGHT,),
        level=2,
        dose=Dose(sets=3, hold_s=30),
        cues=(
            "Stand on one leg, knee slightly soft, arch lifted as in the short foot",
            "Pelvis level, trunk still",
            "Make it harder by closing the eyes or standing on a cushion",
        ),
        loads_regions=(Region.FOOT, Region.ANKLE),
        why_runners=(
            "Trains the ankle and foot reactions that keep you steady on uneven ground and "
            "after an ankle sprain."
        ),
        regressions=("short-foot",),
    ),
)

LOWER_LEG: tuple[Exercise, ...] = CALF_RAISES + SHIN + FOOT
