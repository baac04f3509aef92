"""/api/v1/exercises: the library, filtered like the page, and one exercise in full."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from stridewell.domain.exercises.model import Exercise
from stridewell.domain.vocab import Category, Equipment, Muscle
from stridewell.services import parsing
from stridewell.services.exercises import exercise_to_dict, list_exercises
from stridewell.web.api.errors import ERROR_RESPONSES, ApiError
from stridewell.web.api.pagination import Page
from stridewell.web.plan_calendar import library_exercise

router = APIRouter(tags=["exercises"], responses=ERROR_RESPONSES)


@router.get("/exercises", summary="Search and filter the exercise library")
def get_exercises(
    page: Page,
    muscle: Annotated[str | None, Query(description="e.g. gluteus_medius")] = None,
    category: Annotated[str | None, Query(description="e.g. glute_accessory")] = None,
    equipment: Annotated[
        str | None, Query(description="Only what this kit alone allows, e.g. band")
    ] = None,
    q: Annotated[str | None, Query(description="Words in the name or an alias")] = None,
) -> dict[str, Any]:
    found = list_exercises(
        muscle=None if not muscle else parsing.term(Muscle, muscle, "muscle"),
        category=None if not category else parsing.term(Category, category, "category"),
        equipment=None if not equipment else parsing.term(Equipment, equipment, "equipment"),
        text=q or None,
    )
    items = [exercise_to_dict(exercise) for exercise in page.slice(found)]
    return page.envelope("exercises", items, len(found))


@router.get("/exercises/{slug}", summary="One exercise with its cues and why it matters")
def get_exercise(slug: str) -> dict[str, Any]:
    exercise = library_exercise(slug)
    if exercise is None:
        raise ApiError(404, f"the library has no exercise {slug!r}")
    return {"exercise": exercise_detail(exercise)}


def exercise_detail(exercise: Exercise) -> dict[str, Any]:
    """The list fields plus what the exercise page shows: why runners do it, default dose."""
    dose = exercise.dose
    return {
        **exercise_to_dict(exercise),
        "why_runners": exercise.why_runners,
        "evidence": exercise.evidence,
        "default_dose": {"sets": dose.sets, "reps": dose.reps_text, "hold_s": dose.hold_s},
    }
