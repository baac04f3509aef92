"""The exercise library: data, lookup, and substitution by pattern and equipment."""

from stridewell.domain.exercises.model import Dose, Exercise, Pattern

__all__ = ["Dose", "Exercise", "Pattern"]
