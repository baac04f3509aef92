"""What a plan is: weeks of run and strength sessions, each with its reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from stridewell.domain.athletes import Athlete, Injury, Race
from stridewell.domain.vocab import Category, Phase, RunType

SessionKind = str  # "strength" | "run" | "rest"


@dataclass(frozen=True)
class RunPrescription:
    type: RunType
    distance_km: float
    duration_min: int
    why: str
    description: str = ""  # e.g. "4 × 1 km at threshold pace, 2 min jog between"


@dataclass(frozen=True)
class ExercisePrescription:
    slug: str
    name: str
    category: Category
    sets: int
    reps: str | None  # "12-15", or None for holds
    hold_s: int | None
    per_side: bool
    intensity: str  # "RPE 7"
    rest_s: int
    why: str
    heavy: bool = False


@dataclass(frozen=True)
class PlannedSession:
    date: date
    kind: SessionKind
    title: str
    why: str
    run: RunPrescription | None = None
    exercises: tuple[ExercisePrescription, ...] = ()

    @property
    def is_heavy_strength(self) -> bool:
        return self.kind == "strength" and any(e.heavy for e in self.exercises)


@dataclass(frozen=True)
class PlanWeek:
    index: int  # 1-based
    start: date  # the Monday
    phase: Phase
    run_km: float
    strength_sessions: int
    sessions: tuple[PlannedSession, ...]
    deload: bool = False
    why: str = ""


@dataclass(frozen=True)
class Paces:
    """Training paces in seconds per km (daniels_zones); defaults suit a ~4:30 marathoner."""

    easy_s_per_km: float = 360.0
    marathon_s_per_km: float = 320.0
    threshold_s_per_km: float = 300.0
    interval_s_per_km: float = 275.0
    source: str = "default paces (no race result on file)"


@dataclass(frozen=True)
class PlanRequest:
    athlete: Athlete
    start: date
    today: date
    injuries: tuple[Injury, ...] = ()
    race: Race | None = None  # the goal race, or None for an open-ended base plan
    weeks: int | None = None  # default: up to the race (+ recovery), or 12 without one
    weekly_km: float | None = None  # current volume; default the athlete's
    paces: Paces = field(default_factory=Paces)


@dataclass(frozen=True)
class Plan:
    athlete_id: int | None
    start: date
    end: date
    race: Race | None
    weeks: tuple[PlanWeek, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)

    def sessions(self) -> list[PlannedSession]:
        return [session for week in self.weeks for session in week.sessions]
