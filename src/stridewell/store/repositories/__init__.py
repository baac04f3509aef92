"""Repositories: map database rows to domain value objects and back, one aggregate per module."""

from stridewell.store.repositories.activities import ActivityRepository, StoredActivity
from stridewell.store.repositories.athletes import (
    AthleteRepository,
    InjuryRepository,
    RaceRepository,
)
from stridewell.store.repositories.plans import PlanRepository, StoredPlan

__all__ = [
    "ActivityRepository",
    "AthleteRepository",
    "InjuryRepository",
    "PlanRepository",
    "RaceRepository",
    "StoredActivity",
    "StoredPlan",
]
