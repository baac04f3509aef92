"""Looking exercises up, filtering them, and substituting what an athlete cannot do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stridewell.domain.exercises import (
    ALL,
    Exercise,
    Pattern,
    UnknownExerciseError,
    available,
    by_slug,
    find,
    progression_chain,
    substitute,
)
from stridewell.domain.vocab import Category, Equipment, Muscle, Region

BODYWEIGHT = frozenset({Equipment.BODYWEIGHT})
ALL_KIT = frozenset(Equipment)
NO_INJURY: frozenset[Region] = frozenset()
EVERY_REGION = frozenset(Region)


def _doable(
    e: Exercise, kit: frozenset[Equipment], excluded: frozenset[Region], level: int
) -> bool:
    return e.can_do_with(kit) and not set(e.loads_regions) & excluded and e.level <= level


# --- by_slug ----------------------------------------------------------------------------------


def test_by_slug_returns_the_exercise() -> None:
    exercise = by_slug("clamshell")
    assert exercise.slug == "clamshell"
    assert exercise.category == Category.GLUTE_ACCESSORY


def test_unknown_slug_suggests_close_matches() -> None:
    with pytest.raises(KeyError) as raised:
        by_slug("bulgarian-squat")
    assert isinstance(raised.value, UnknownExerciseError)
    assert "bulgarian-split-squat" in str(raised.value)
    assert str(raised.value).startswith("unknown exercise 'bulgarian-squat'")


def test_unknown_slug_that_is_an_alias_points_at_its_exercise() -> None:
    with pytest.raises(KeyError, match="romanian-deadlift"):
        by_slug("RDL")


def test_unknown_slug_far_from_everything_says_so() -> None:
    with pytest.raises(KeyError, match="none of the"):
        by_slug("xylophone")


# --- find -------------------------------------------------------------------------------------


def test_find_without_filters_lists_the_whole_library() -> None:
    assert find() == list(ALL)


def test_find_by_muscle_includes_secondary_work() -> None:
    found = find(muscle=Muscle.GLUTEUS_MEDIUS)
    slugs = {e.slug for e in found}
    assert {"clamshell", "side-plank", "step-up"} <= slugs  # step-up: secondary
    assert all(e.works(Muscle.GLUTEUS_MEDIUS) for e in found)
    assert "calf-raise" not in slugs


def test_find_by_category() -> None:
    found = find(category=Category.PLYOMETRIC)
    assert found and all(e.category == Category.PLYOMETRIC for e in found)
    assert "pogo-hops" in {e.slug for e in found}


def test_find_by_equipment_means_that_kit_alone() -> None:
    with_dumbbells = {e.slug for e in find(equipment=Equipment.DUMBBELL)}
    assert {"goblet-squat", "bodyweight-squat"} <= with_dumbbells
    assert "back-squat" not in with_dumbbells and "pallof-press" not in with_dumbbells
    bodyweight = find(equipment=Equipment.BODYWEIGHT)
    assert bodyweight and all(e.equipment == (Equipment.BODYWEIGHT,) for e in bodyweight)


def test_find_by_text_ignores_case_and_punctuation() -> None:
    assert "single-leg-squat" in {e.slug for e in find(text="Single Leg Squat")}
    assert {e.slug for e in find(text="NORDIC")} == {"nordic-curl"}
    rdl = {e.slug for e in find(text="rdl")}
    assert {"romanian-deadlift", "single-leg-rdl"} <= rdl  # alias and slug
    assert find(text="donkey kick") == [by_slug("quadruped-glute-kickback")]
    assert find(text="no such move") == []


def test_find_combines_filters() -> None:
    found = find(muscle=Muscle.ADDUCTORS, category=Category.CORE, equipment=Equipment.BODYWEIGHT)
    assert found
    for e in found:
        assert e.works(Muscle.ADDUCTORS) and e.category == Category.CORE
        assert e.equipment == (Equipment.BODYWEIGHT,)
    assert "copenhagen-plank" in {e.slug for e in found}


# --- available --------------------------------------------------------------------------------


def test_an_active_knee_injury_excludes_knee_loading_moves() -> None:
    doable = available(ALL, ALL_KIT, frozenset({Region.KNEE}), 5)
    assert doable
    assert all(Region.KNEE not in e.loads_regions for e in doable)
    slugs = {e.slug for e in doable}
    assert "back-squat" not in slugs and "single-leg-squat" not in slugs
    assert "romanian-deadlift" in slugs  # a hinge spares the knee


def test_available_respects_kit_and_level() -> None:
    doable = available(ALL, BODYWEIGHT, NO_INJURY, 2)
    assert doable
    assert all(e.equipment == (Equipment.BODYWEIGHT,) and e.level <= 2 for e in doable)
    assert "pistol-squat" not in {e.slug for e in doable}


# --- substitute -------------------------------------------------------------------------------


def test_a_doable_exercise_is_its_own_substitute() -> None:
    goblet = by_slug("goblet-squat")
    assert substitute(goblet, frozenset({Equipment.KETTLEBELL}), NO_INJURY) is goblet


def test_back_squat_at_home_becomes_a_bodyweight_squat() -> None:
    found = substitute(by_slug("back-squat"), BODYWEIGHT, NO_INJURY)
    assert found is not None
    assert found.pattern == Pattern.SQUAT
    assert found.equipment == (Equipment.BODYWEIGHT,)
    assert found.slug == "bodyweight-squat"  # nearest regression that needs no kit


def test_missing_kit_walks_down_the_exercise_own_regressions_first() -> None:
    # Ranking the whole pattern would give the single-leg squat (same level, same muscles);
    # the dumbbell version's own regression is the bodyweight Bulgarian split squat.
    found = substitute(by_slug("dumbbell-bulgarian-split-squat"), BODYWEIGHT, NO_INJURY)
    assert found is not None and found.slug == "bulgarian-split-squat"


def test_too_hard_gives_an_easier_version_of_the_same_pattern() -> None:
    found = substitute(by_slug("pistol-squat"), BODYWEIGHT, NO_INJURY, max_level=2)
    assert found is not None
    assert found.pattern == Pattern.SINGLE_LEG_SQUAT and found.level <= 2


def test_an_injured_region_gives_a_sparing_move_of_the_same_pattern() -> None:
    found = substitute(by_slug("conventional-deadlift"), ALL_KIT, frozenset({Region.LOWER_BACK}))
    assert found is not None
    assert found.pattern == Pattern.HINGE and Region.LOWER_BACK not in found.loads_regions
    # Of the back-sparing hinges, the band pull-through is closest in level to a deadlift.
    assert found.slug == "band-pull-through"


def test_substitute_prefers_the_same_category() -> None:
    # At home a band-walk warm-up stays a warm-up (fire hydrant), although the hip hike, an
    # accessory, shares more of its muscles.
    at_home = substitute(by_slug("lateral-band-walk"), BODYWEIGHT, NO_INJURY)
    assert at_home is not None and at_home.slug == "fire-hydrant"
    # The glute-sparing choices for a side-plank abduction with a band: the seated abduction
    # (accessory, like the original) beats the band walks (activation).
    found = substitute(
        by_slug("side-plank-abduction"), frozenset({Equipment.BAND}), frozenset({Region.GLUTE})
    )
    assert found is not None and found.slug == "seated-hip-abduction"


def test_substitute_gives_none_when_nothing_fits() -> None:
    assert substitute(by_slug("back-squat"), ALL_KIT, frozenset({Region.KNEE})) is None
    assert substitute(by_slug("copenhagen-plank"), ALL_KIT, EVERY_REGION) is None
    assert substitute(by_slug("hanging-leg-raise"), frozenset(), NO_INJURY, max_level=0) is None


exercises = st.sampled_from(ALL)
kits = st.frozensets(st.sampled_from(list(Equipment)))
regions = st.frozensets(st.sampled_from(list(Region)))
levels = st.integers(min_value=1, max_value=5)


@given(exercises, kits, regions, levels)
def test_substitutes_are_always_doable_and_of_the_same_pattern(
    exercise: Exercise, kit: frozenset[Equipment], excluded: frozenset[Region], level: int
) -> None:
    found = substitute(exercise, kit, excluded, level)
    if found is None:
        # None only when the pattern truly has nothing to offer.
        assert not any(
            _doable(e, kit, excluded, level) for e in ALL if e.pattern == exercise.pattern
        )
        return
    assert found.pattern == exercise.pattern
    assert found.can_do_with(kit)
    assert not set(found.loads_regions) & excluded
    assert found.level <= level
    if _doable(exercise, kit, excluded, level):
        assert found is exercise


@given(kits, regions, levels)
def test_available_is_exactly_the_doable_exercises(
    kit: frozenset[Equipment], excluded: frozenset[Region], level: int
) -> None:
    doable = available(ALL, kit, excluded, level)
    assert doable == [e for e in ALL if _doable(e, kit, excluded, level)]


# --- progression chains -----------------------------------------------------------------------


def test_split_squat_chain_runs_to_the_pistol() -> None:
    chain = progression_chain("bulgarian-split-squat")
    assert chain == ("split-squat", "bulgarian-split-squat", "single-leg-squat", "pistol-squat")


@pytest.mark.parametrize("slug", [e.slug for e in ALL])
def test_every_chain_is_linked_easiest_to_hardest(slug: str) -> None:
    chain = progression_chain(slug)
    assert slug in chain and len(set(chain)) == len(chain)
    assert not by_slug(chain[0]).regressions
    assert not by_slug(chain[-1]).progressions
    for easier, harder in zip(chain, chain[1:], strict=False):
        assert harder in by_slug(easier).progressions
        assert by_slug(harder).level >= by_slug(easier).level


def test_chain_of_an_unknown_slug_raises() -> None:
    with pytest.raises(KeyError):
        progression_chain("moonwalk")
