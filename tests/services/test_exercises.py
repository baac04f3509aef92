from __future__ import annotations

from stridewell.domain.exercises.library import ALL
from stridewell.domain.vocab import Category, Equipment, Muscle
from stridewell.services.exercises import exercise_to_dict, list_exercises

CONTRACT_KEYS = {
    "slug",
    "name",
    "aliases",
    "category",
    "pattern",
    "primary_muscles",
    "secondary_muscles",
    "unilateral",
    "equipment",
    "level",
    "loads_regions",
    "progressions",
    "regressions",
    "cues",
}


def test_no_filter_lists_the_whole_library() -> None:
    assert [e.slug for e in list_exercises()] == [e.slug for e in ALL]


def test_filters_combine() -> None:
    found = list_exercises(
        muscle=Muscle.GLUTEUS_MEDIUS, category=Category.GLUTE_ACCESSORY, equipment=Equipment.BAND
    )
    assert found
    for exercise in found:
        assert exercise.works(Muscle.GLUTEUS_MEDIUS)
        assert exercise.category is Category.GLUTE_ACCESSORY
        assert exercise.can_do_with(frozenset({Equipment.BAND}))
    assert len(found) < len(ALL)


def test_exercise_json_has_exactly_the_contract_keys_as_plain_values() -> None:
    for exercise in ALL:
        data = exercise_to_dict(exercise)
        assert set(data) == CONTRACT_KEYS
        assert data["category"] == exercise.category.value
        assert all(isinstance(m, str) for m in data["primary_muscles"])
        assert isinstance(data["unilateral"], bool) and isinstance(data["level"], int)
        for key in ("aliases", "equipment", "loads_regions", "progressions", "regressions", "cues"):
            assert isinstance(data[key], list)
