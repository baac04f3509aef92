"""Training load: per-session load, daily series, ACWR, CTL/ATL/TSB, monotony, strain, ramp.

Pure functions over `LoadEntry` values and dates; the clock is always an argument. The science
and our conventions are in docs/science.md (#foster2001, #banister_trimp, #edwards1993, #pmc,
#acwr, #foster1998, #nielsen2014, #load_scales).
"""

from stridewell.domain.load.dates import local_date, week_start_of
from stridewell.domain.load.model import Channel, HeartRateProfile, LoadEntry, LoadSource
from stridewell.domain.load.report import (
    ACWR_HIGH,
    MIN_HISTORY_DAYS,
    MIN_RAMP_BASE_KM,
    MONOTONY_HIGH,
    RAMP_HIGH_PCT,
    LoadDay,
    LoadFlag,
    LoadReport,
    LoadWeek,
    load_report,
)
from stridewell.domain.load.series import (
    DailySeries,
    FitnessFatigue,
    acute_load,
    chronic_load,
    daily_series,
    ewma,
    ewma_acwr,
    fitness_fatigue,
    rolling_acwr,
    trailing_mean,
)
from stridewell.domain.load.session import (
    activity_load_entries,
    banister_trimp,
    banister_trimp_avg_hr,
    cardio_distance_load,
    cardio_load,
    edwards_trimp,
    hr_coverage,
    run_impact_load,
    run_load_entries,
    session_rpe_load,
    strength_load_entry,
    tonnage_kg,
    tonnage_load,
)
from stridewell.domain.load.weekly import monotony, ramp_pct, strain

__all__ = [
    "ACWR_HIGH",
    "MIN_HISTORY_DAYS",
    "MIN_RAMP_BASE_KM",
    "MONOTONY_HIGH",
    "RAMP_HIGH_PCT",
    "Channel",
    "DailySeries",
    "FitnessFatigue",
    "HeartRateProfile",
    "LoadDay",
    "LoadEntry",
    "LoadFlag",
    "LoadReport",
    "LoadSource",
    "LoadWeek",
    "activity_load_entries",
    "acute_load",
    "banister_trimp",
    "banister_trimp_avg_hr",
    "cardio_distance_load",
    "cardio_load",
    "chronic_load",
    "daily_series",
    "edwards_trimp",
    "ewma",
    "ewma_acwr",
    "fitness_fatigue",
    "hr_coverage",
    "load_report",
    "local_date",
    "monotony",
    "ramp_pct",
    "rolling_acwr",
    "run_impact_load",
    "run_load_entries",
    "session_rpe_load",
    "strain",
    "strength_load_entry",
    "tonnage_kg",
    "tonnage_load",
    "trailing_mean",
    "week_start_of",
]
