"""The exercise library's data: complete, consistent, and sensible for an injured runner."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from stridewell.domain.exercises import ALL, EVIDENCE_KEYS, Exercise, Pattern, by_slug
from stridewell.domain.vocab import Category, Equipment, Muscle, Region

BY_SLUG = {e.slug: e for e in ALL}
IDS = [e.slug for e in ALL]

# The sources docs/science.md explains; an exercise may cite only these.
SCIENCE_ANCHORS = {
    "lauersen2014",
    "blagrove2018",
    "fredericson2000",
    "distefano2009",
    "selkowitz2013",
    "boren2011",
    "crossley2016",
    "haroy2019",
    "alfredson1998",
    "beyer2015",
    "petersen2011",
    "willcox2013",
}

SEED_SLUGS = (
    "back-squat", "goblet-squat", "bodyweight-squat", "single-leg-squat", "pistol-squat",
    "bulgarian-split-squat", "split-squat", "reverse-lunge", "lateral-lunge", "step-down",
    "step-up", "romanian-deadlift", "conventional-deadlift", "single-leg-rdl",
    "trap-bar-deadlift", "kettlebell-deadlift", "hip-thrust", "glute-bridge",
    "single-leg-bridge", "glute-kickback", "quadruped-glute-kickback", "clamshell",
    "side-lying-hip-abduction", "lateral-leg-raise", "lateral-band-walk", "monster-walk",
    "fire-hydrant", "side-plank", "side-plank-abduction", "copenhagen-plank",
    "copenhagen-plank-short-lever", "plank", "swiss-ball-plank", "swiss-ball-stir-the-pot",
    "swiss-ball-rollout", "russian-twist", "hanging-leg-raise", "lying-leg-raise", "dead-bug",
    "bird-dog", "pallof-press", "nordic-curl", "swiss-ball-hamstring-curl",
    "calf-raise-straight-knee", "calf-raise-bent-knee", "eccentric-heel-drop",
    "single-leg-calf-raise", "tibialis-raise", "short-foot", "pogo-hops", "bounds", "a-skip",
    "box-jump", "lateral-hops", "single-leg-hops", "squat-jump", "band-clamshell",
    "glute-bridge-march", "banded-squat-walk", "hip-flexor-stretch", "90-90-hip-switch",
    "ankle-dorsiflexion-mobility", "thoracic-rotation", "worlds-greatest-stretch",
    "leg-swings", "adductor-side-lying-raise", "suitcase-carry",
)  # fmt: skip

PLYOMETRIC_PATTERNS = {Pattern.JUMP, Pattern.HOP, Pattern.BOUND}


def _normalise(label: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", label.lower()))


def _bodyweight_only(exercise: Exercise) -> bool:
    return exercise.can_do_with(frozenset({Equipment.BODYWEIGHT}))


# --- identity ---------------------------------------------------------------------------------


def test_library_holds_at_least_seventy_exercises() -> None:
    assert len(ALL) >= 70


def test_slugs_are_unique_kebab_case() -> None:
    duplicates = [slug for slug, n in Counter(IDS).items() if n > 1]
    assert duplicates == []
    for slug in IDS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), slug


def test_names_are_unique() -> None:
    names = Counter(e.name.lower() for e in ALL)
    assert [name for name, n in names.items() if n > 1] == []


def test_aliases_never_point_at_another_exercise() -> None:
    owner: dict[str, str] = {}
    for exercise in ALL:
        for label in (exercise.slug, exercise.name):
            owner.setdefault(_normalise(label), exercise.slug)
    for exercise in ALL:
        for alias in exercise.aliases:
            key = _normalise(alias)
            assert owner.get(key, exercise.slug) == exercise.slug, (
                f"alias {alias!r} of {exercise.slug} names {owner[key]}"
            )
            owner[key] = exercise.slug


@pytest.mark.parametrize("slug", SEED_SLUGS)
def test_every_seed_move_is_in_the_library(slug: str) -> None:
    assert by_slug(slug).slug == slug


# --- progression links ------------------------------------------------------------------------


def test_every_linked_slug_exists() -> None:
    for exercise in ALL:
        for slug in exercise.progressions + exercise.regressions:
            assert slug in BY_SLUG, f"{exercise.slug} links to unknown {slug!r}"
            assert slug != exercise.slug


def test_progressions_and_regressions_mirror_each_other() -> None:
    for exercise in ALL:
        for harder in exercise.progressions:
            assert exercise.slug in BY_SLUG[harder].regressions, (
                f"{harder} does not list {exercise.slug} as a regression"
            )
        for easier in exercise.regressions:
            assert exercise.slug in BY_SLUG[easier].progressions, (
                f"{easier} does not list {exercise.slug} as a progression"
            )


def test_progressions_never_loop_back() -> None:
    state: dict[str, str] = {}  # "active" while on the current path, "done" when finished

    def visit(slug: str, path: list[str]) -> None:
        if state.get(slug) == "done":
            return
        assert state.get(slug) != "active", f"cycle: {' -> '.join([*path, slug])}"
        state[slug] = "active"
        for harder in BY_SLUG[slug].progressions:
            visit(harder, [*path, slug])
        state[slug] = "done"

    for slug in IDS:
        visit(slug, [])


def test_links_stay_within_a_pattern_and_never_get_easier() -> None:
    for exercise in ALL:
        for harder in exercise.progressions:
            assert BY_SLUG[harder].pattern == exercise.pattern, (exercise.slug, harder)
            assert BY_SLUG[harder].level >= exercise.level, (exercise.slug, harder)


def test_bodyweight_knee_chain_climbs_to_a_single_leg_squat() -> None:
    chain = ["bodyweight-squat", "split-squat", "bulgarian-split-squat", "single-leg-squat"]
    levels = [by_slug(slug).level for slug in chain]
    assert all(_bodyweight_only(by_slug(slug)) for slug in chain)
    assert levels == sorted(levels) and levels[0] < levels[-1]
    for easier, harder in zip(chain[1:], chain[2:], strict=False):
        assert harder in by_slug(easier).progressions


def test_bodyweight_bridge_chain_reaches_single_leg_work() -> None:
    reachable, frontier = set(), ["glute-bridge"]
    while frontier:
        exercise = by_slug(frontier.pop())
        reachable.add(exercise.slug)
        frontier += [s for s in exercise.progressions if _bodyweight_only(by_slug(s))]
    assert {"single-leg-bridge", "single-leg-hip-thrust"} <= reachable


# --- content ----------------------------------------------------------------------------------


@pytest.mark.parametrize("exercise", ALL, ids=IDS)
def test_muscles_come_from_the_vocabulary_without_overlap(exercise: Exercise) -> None:
    assert exercise.primary_muscles, "no primary muscle"
    for muscle in exercise.primary_muscles + exercise.secondary_muscles:
        assert isinstance(muscle, Muscle)
    assert not set(exercise.primary_muscles) & set(exercise.secondary_muscles)
    assert len(set(exercise.primary_muscles)) == len(exercise.primary_muscles)
    assert len(set(exercise.secondary_muscles)) == len(exercise.secondary_muscles)


def test_every_muscle_of_the_vocabulary_is_trained_somewhere() -> None:
    for muscle in Muscle:
        assert any(e.works(muscle) for e in ALL), muscle


def test_gluteal_muscles_are_targeted_separately() -> None:
    for muscle in (Muscle.GLUTEUS_MAXIMUS, Muscle.GLUTEUS_MEDIUS, Muscle.GLUTEUS_MINIMUS):
        assert any(muscle in e.primary_muscles for e in ALL), muscle
    assert Muscle.GLUTEUS_MEDIUS in by_slug("clamshell").primary_muscles
    assert Muscle.GLUTEUS_MEDIUS not in by_slug("hip-thrust").primary_muscles


@pytest.mark.parametrize("exercise", ALL, ids=IDS)
def test_each_entry_reads_well(exercise: Exercise) -> None:
    assert exercise.name.strip()
    assert 1 <= exercise.level <= 5
    assert 2 <= len(exercise.cues) <= 4
    assert all(cue.strip() and not cue.endswith(".") for cue in exercise.cues)
    why = exercise.why_runners.strip()
    assert why.endswith(".") and 1 <= why.count(". ") + 1 <= 2, why
    assert exercise.evidence is None or exercise.evidence in SCIENCE_ANCHORS


def test_evidence_keys_are_exactly_the_documented_sources() -> None:
    assert EVIDENCE_KEYS == SCIENCE_ANCHORS
    cited = {e.evidence for e in ALL if e.evidence is not None}
    assert cited == SCIENCE_ANCHORS, f"never cited: {SCIENCE_ANCHORS - cited}"


@pytest.mark.parametrize("exercise", ALL, ids=IDS)
def test_default_doses_are_sane(exercise: Exercise) -> None:
    dose = exercise.dose
    assert 1 <= dose.sets <= 6
    if dose.hold_s is not None:
        assert 10 <= dose.hold_s <= 120
    else:
        assert dose.reps_low is not None and dose.reps_high is not None
        assert 1 <= dose.reps_low <= dose.reps_high <= 30


@pytest.mark.parametrize("exercise", ALL, ids=IDS)
def test_bodyweight_means_no_kit_at_all(exercise: Exercise) -> None:
    assert exercise.equipment, "no equipment listed"
    if Equipment.BODYWEIGHT in exercise.equipment:
        assert exercise.equipment == (Equipment.BODYWEIGHT,)


@pytest.mark.parametrize("category", list(Category))
def test_every_category_offers_progressive_bodyweight_work(category: Category) -> None:
    levels = {e.level for e in ALL if e.category == category and _bodyweight_only(e)}
    assert 1 in levels, f"no level-1 bodyweight {category}"
    assert len(levels) >= 2, f"bodyweight {category} never gets harder"


def test_categories_match_their_patterns() -> None:
    for exercise in ALL:
        plyometric = exercise.pattern in PLYOMETRIC_PATTERNS
        assert plyometric == (exercise.category == Category.PLYOMETRIC), exercise.slug
        mobility = exercise.pattern == Pattern.MOBILITY
        assert mobility == (exercise.category == Category.MOBILITY), exercise.slug
        if exercise.pattern in (Pattern.SINGLE_LEG_SQUAT, Pattern.SINGLE_LEG_HINGE, Pattern.HOP):
            assert exercise.unilateral, exercise.slug


# --- heavy lifts and injured regions ----------------------------------------------------------


def test_heavy_lifts_are_loaded_lower_body_work() -> None:
    heavy = [e for e in ALL if e.heavy]
    for slug in ("back-squat", "conventional-deadlift", "romanian-deadlift",
                 "trap-bar-deadlift", "hip-thrust", "dumbbell-bulgarian-split-squat"):  # fmt: skip
        assert by_slug(slug).heavy, slug
    for exercise in heavy:
        assert not _bodyweight_only(exercise), f"{exercise.slug} is heavy with no load"
        assert exercise.category in (
            Category.COMPOUND,
            Category.GLUTE_ACCESSORY,
            Category.CALF_FOOT,
        )
    assert not any(e.heavy for e in ALL if e.category in (Category.CORE, Category.MOBILITY))


# What an active injury in a region must spare, pattern by pattern.
PATTERN_LOADS = {
    Pattern.SQUAT: {Region.KNEE, Region.QUAD},
    Pattern.SINGLE_LEG_SQUAT: {Region.KNEE, Region.QUAD},
    Pattern.LUNGE: {Region.KNEE, Region.QUAD},
    Pattern.HINGE: {Region.HAMSTRING},
    Pattern.SINGLE_LEG_HINGE: {Region.HAMSTRING},
    Pattern.KNEE_FLEXION: {Region.HAMSTRING},
    Pattern.HIP_ADDUCTION: {Region.GROIN},
    Pattern.HIP_ABDUCTION: {Region.HIP},
    Pattern.HIP_EXTERNAL_ROTATION: {Region.HIP},
    Pattern.HIP_EXTENSION: {Region.GLUTE},
    Pattern.HIP_FLEXION: {Region.HIP},
    Pattern.PLANTAR_FLEXION: {Region.CALF, Region.ACHILLES},
    Pattern.DORSIFLEXION: {Region.SHIN},
    Pattern.FOOT: {Region.FOOT},
    Pattern.JUMP: {Region.ANKLE},
    Pattern.HOP: {Region.ANKLE, Region.ACHILLES, Region.CALF, Region.FOOT},
    Pattern.BOUND: {Region.ANKLE, Region.ACHILLES, Region.CALF, Region.FOOT},
}


@pytest.mark.parametrize("exercise", ALL, ids=IDS)
def test_loaded_regions_follow_the_movement(exercise: Exercise) -> None:
    assert len(set(exercise.loads_regions)) == len(exercise.loads_regions)
    expected = PATTERN_LOADS.get(exercise.pattern, set())
    assert expected <= set(exercise.loads_regions), (
        f"{exercise.slug} should spare {expected - set(exercise.loads_regions)}"
    )


def test_heavy_spinal_loading_and_landings_are_flagged() -> None:
    for slug in ("back-squat", "conventional-deadlift", "romanian-deadlift",
                 "trap-bar-deadlift", "kettlebell-swing"):  # fmt: skip
        assert Region.LOWER_BACK in by_slug(slug).loads_regions, slug
    for exercise in ALL:
        if exercise.category == Category.PLYOMETRIC and exercise.level >= 2:
            assert {Region.ANKLE, Region.ACHILLES, Region.CALF} <= set(exercise.loads_regions)
    assert Region.GROIN in by_slug("copenhagen-plank-short-lever").loads_regions
    # The short lever exists to keep load off the knee; the long lever does not.
    assert Region.KNEE not in by_slug("copenhagen-plank-short-lever").loads_regions
    assert Region.KNEE in by_slug("copenhagen-plank").loads_regions


def test_it_band_pain_still_allows_the_gluteus_medius_programme() -> None:
    # Fredericson 2000: hip abductor strengthening is the treatment for IT-band syndrome.
    for slug in ("side-lying-hip-abduction", "hip-hike", "clamshell"):
        assert Region.IT_BAND not in by_slug(slug).loads_regions
