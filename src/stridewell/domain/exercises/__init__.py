"""The exercise library: data, lookup, and substitution by pattern and equipment."""

from stridewell.domain.exercises.library import ALL, EVIDENCE_KEYS
from stridewell.domain.exercises.lookup import (
    UnknownExerciseError,
    available,
    by_slug,
    find,
    progression_chain,
    substitute,
)
from stridewell.domain.exercises.model import Dose, Exercise, Pattern

__all__ = [
    "ALL",
    "EVIDENCE_KEYS",
    "Dose",
    "Exercise",
    "Pattern",
    "UnknownExerciseError",
    "available",
    "by_slug",
    "find",
    "progression_chain",
    "substitute",
]
