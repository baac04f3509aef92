"""An activity as recorded by a device or app: summary values plus per-sample streams.

Importers produce these from bytes; `activity_metrics.derive` fills what a file did not state
(distance from positions, moving time, ascent, HR statistics, best efforts); the store keeps the
streams as one compressed columnar blob per activity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

# Stream column names. Every column is float64 of the same length; NaN marks a missing sample.
STREAM_COLUMNS = (
    "t",  # seconds since the activity start
    "distance",  # metres, cumulative
    "speed",  # m/s
    "hr",  # beats per minute
    "cadence",  # steps (running) or revolutions (cycling) per minute
    "altitude",  # metres
    "lat",  # degrees
    "lon",  # degrees
    "power",  # watts
)
# Developer-data fields are kept under "dev:<field name>".
DEV_PREFIX = "dev:"


class ActivityFileError(Exception):
    """A file that cannot be read as an activity; the message is one specific line."""


class NoActivityInFile(Exception):
    """A valid file that holds no activity (settings, workout, weight, monitoring…)."""


@dataclass(frozen=True)
class Streams:
    columns: dict[str, FloatArray] = field(default_factory=dict)

    def __len__(self) -> int:
        t = self.columns.get("t")
        return 0 if t is None else int(t.shape[0])

    def get(self, name: str) -> FloatArray | None:
        return self.columns.get(name)

    def has(self, name: str) -> bool:
        column = self.columns.get(name)
        return column is not None and bool(np.isfinite(column).any())


@dataclass(frozen=True)
class Lap:
    start_utc: datetime
    elapsed_s: float
    distance_m: float | None = None
    moving_s: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None


@dataclass(frozen=True)
class BestEffort:
    """Fastest time over a standard distance inside one activity, from its distance stream."""

    distance_m: float
    label: str  # 400m, 1k, 1mile, 5k, 10k, half, marathon
    time_s: float
    start_offset_s: float


@dataclass(frozen=True)
class Activity:
    source_kind: str  # fit | gpx | tcx | csv | manual
    sport: str  # running, cycling, swimming, walking, … (FIT sport names)
    start_utc: datetime  # timezone-aware, UTC
    tz_offset_s: int | None = None  # local offset at the start, when the file says
    elapsed_s: float | None = None
    moving_s: float | None = None
    distance_m: float | None = None
    ascent_m: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    avg_cadence: float | None = None
    name: str | None = None
    description: str | None = None
    rpe: float | None = None
    gear: str | None = None
    sub_sport: str | None = None
    device: str | None = None
    streams: Streams = field(default_factory=Streams)
    laps: tuple[Lap, ...] = ()
    best_efforts: tuple[BestEffort, ...] = ()
    hr_zone_s: tuple[float, ...] = ()  # seconds in zones 1..5 (% of max HR)
    notes: tuple[str, ...] = ()  # e.g. "salvaged: file truncated at byte 768"

    @property
    def samples(self) -> int:
        return len(self.streams)

    @property
    def is_run(self) -> bool:
        return self.sport in ("running", "run", "trail_running", "treadmill")
