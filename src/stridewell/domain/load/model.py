"""The value types of training load: one day's load from one session, in one channel."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from stridewell.domain.vocab import Sex


class Channel(StrEnum):
    """What a load stresses. The two are summed and reported separately, never mixed.

    cardio: the heart and lungs (runs and other endurance sessions; HR-based where possible).
    musculoskeletal: muscles, tendons and bone (strength sessions, and running impact by distance).
    """

    CARDIO = "cardio"
    MUSCULOSKELETAL = "musculoskeletal"


class LoadSource(StrEnum):
    """How a session's load was measured; kept with the number so a reader can weigh it."""

    TRIMP = "trimp"  # Banister TRIMP from the HR stream (docs/science.md#banister_trimp)
    TRIMP_AVG_HR = "trimp_avg_hr"  # Banister TRIMP from the session's average HR
    EDWARDS = "edwards"  # Edwards summated HR zones (docs/science.md#edwards1993)
    SRPE = "srpe"  # session RPE × minutes (docs/science.md#foster2001)
    TONNAGE = "tonnage"  # Σ reps × kg, scaled (our convention)
    DISTANCE = "distance"  # kilometres, scaled (our convention)


@dataclass(frozen=True)
class HeartRateProfile:
    """What HR-based load needs to know about the athlete. Unknown values stay None."""

    max_hr_bpm: float | None = None
    rest_hr_bpm: float | None = None
    sex: Sex | None = None

    def __post_init__(self) -> None:
        if self.max_hr_bpm is not None and self.max_hr_bpm <= 0:
            raise ValueError("max HR must be positive")
        if self.rest_hr_bpm is not None and self.rest_hr_bpm < 0:
            raise ValueError("rest HR cannot be negative")
        if (
            self.max_hr_bpm is not None
            and self.rest_hr_bpm is not None
            and self.rest_hr_bpm >= self.max_hr_bpm
        ):
            raise ValueError("rest HR must be below max HR")


@dataclass(frozen=True)
class LoadEntry:
    """The load of one session on the athlete's local `date`, in one channel.

    `run_km` is the running distance the session contributes to weekly volume (0 for anything
    that is not a run). A run yields one entry per channel, each carrying its kilometres, so
    weekly volume is counted within one channel and never twice.
    """

    date: date
    channel: Channel
    load: float
    run_km: float = 0.0
    source: LoadSource = LoadSource.SRPE

    def __post_init__(self) -> None:
        Channel(self.channel)
        LoadSource(self.source)
        if not math.isfinite(self.load) or self.load < 0:
            raise ValueError(f"load must be a finite number ≥ 0, not {self.load!r}")
        if not math.isfinite(self.run_km) or self.run_km < 0:
            raise ValueError(f"run_km must be a finite number ≥ 0, not {self.run_km!r}")
