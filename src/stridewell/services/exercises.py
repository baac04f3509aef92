"""The exercise library as a use case: filter it, and give each exercise its JSON form."""

from __future__ import annotations

from typing import Any

from stridewell.domain.exercises.lookup import find
from stridewell.domain.exercises.model import Exercise
from stridewell.domain.vocab import Category, Equipment, Muscle


def list_exercises(
    *,
    muscle: Muscle | None = None,
    category: Category | None = None,
    equipment: Equipment | None = None,
    text: str | None = None,
) -> list[Exercise]:
    """Library exercises matching every filter given (none given: the whole library)."""
    return list(find(muscle=muscle, category=category, equipment=equipment, text=text))


def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    return {
        "slug": exercise.slug,
        "name": exercise.name,
        "aliases": list(exercise.aliases),
        "category": exercise.category.value,
        "pattern": exercise.pattern.value,
        "primary_muscles": [m.value for m in exercise.primary_muscles],
        "secondary_muscles": [m.value for m in exercise.secondary_muscles],
        "unilateral": exercise.unilateral,
        "equipment": [e.value for e in exercise.equipment],
        "level": exercise.level,
        "loads_regions": [r.value for r in exercise.loads_regions],
        "progressions": list(exercise.progressions),
        "regressions": list(exercise.regressions),
        "cues": list(exercise.cues),
    }
