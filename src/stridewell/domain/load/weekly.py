"""Per-week figures: running volume, its week-over-week ramp, monotony and strain."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def monotony(daily_loads: npt.ArrayLike) -> float | None:
    """Foster 1998: mean daily load ÷ its standard deviation over the week.

    Rest days count as 0. The SD is that of the seven days themselves (population SD, ddof 0):
    the week is the whole, not a sample. None when the SD is 0 (every day the same, including
    an empty week), where the ratio is undefined.
    """
    x = np.asarray(daily_loads, dtype=np.float64)
    if x.shape[0] == 0:
        return None
    mean, sd = float(x.mean()), float(x.std())
    # Equal days can leave a spread of rounding noise; that is no spread at all.
    if sd == 0.0 or sd <= 1e-12 * abs(mean):
        return None
    return mean / sd


def strain(daily_loads: npt.ArrayLike) -> float | None:
    """Foster 1998: weekly load × monotony (None when monotony is undefined)."""
    value = monotony(daily_loads)
    if value is None:
        return None
    return float(np.asarray(daily_loads, dtype=np.float64).sum()) * value


def ramp_pct(run_km: float, previous_run_km: float) -> float | None:
    """Week-over-week change in running volume, in percent; None after a week without running."""
    if previous_run_km <= 0:
        return None
    return (run_km - previous_run_km) / previous_run_km * 100.0
