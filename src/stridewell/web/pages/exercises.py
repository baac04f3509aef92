"""The exercise library: search and filters, and one exercise with its cues and variants."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from stridewell.domain.athletes import ValidationError
from stridewell.domain.vocab import Category, Equipment, Muscle
from stridewell.services import parsing
from stridewell.services.errors import NotFoundError
from stridewell.services.exercises import list_exercises
from stridewell.web.forms import FormState
from stridewell.web.plan_calendar import library_exercise
from stridewell.web.rendering import render

router = APIRouter(include_in_schema=False)

FILTER_FIELDS = ("q", "muscle", "category", "equipment")


@router.get("/exercises", response_class=HTMLResponse)
def library(request: Request) -> Response:
    query = FormState.initial({key: value for key, value in request.query_params.items()})
    try:
        muscle = query.text("muscle")
        category = query.text("category")
        equipment = query.text("equipment")
        found = list_exercises(
            muscle=None if muscle is None else parsing.term(Muscle, muscle, "muscle"),
            category=None if category is None else parsing.term(Category, category, "category"),
            equipment=(
                None if equipment is None else parsing.term(Equipment, equipment, "equipment")
            ),
            text=query.text("q"),
        )
    except ValidationError as error:
        query.reject(error, FILTER_FIELDS, {})
        found = []
    filtered = any(query.text(name) for name in FILTER_FIELDS)
    return render(
        request,
        "exercises.html",
        {"form": query, "exercises": found, "filtered": filtered},
        status_code=422 if query.errors else 200,
    )


@router.get("/exercises/{slug}", response_class=HTMLResponse)
def exercise_page(request: Request, slug: str) -> Response:
    exercise = library_exercise(slug)
    if exercise is None:
        raise NotFoundError(f"the library has no exercise {slug!r}")
    variants = {
        "progressions": [library_exercise(s) for s in exercise.progressions],
        "regressions": [library_exercise(s) for s in exercise.regressions],
    }
    return render(
        request,
        "exercise.html",
        {
            "exercise": exercise,
            "progressions": [e for e in variants["progressions"] if e is not None],
            "regressions": [e for e in variants["regressions"] if e is not None],
        },
    )
