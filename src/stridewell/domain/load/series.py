"""Daily load series and the averages drawn over them: acute, chronic, ACWR, CTL/ATL/TSB.

All functions take a zero-filled daily array (index 0 = the first day) and return an array of
the same length; NaN marks "not defined on that day" (no history yet, or a zero denominator).
`first_known` is the index of the day the athlete's record begins: days before it are unknown,
not rest days, so rolling means leave them out instead of averaging in zeros.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from stridewell.domain.load.model import Channel, LoadEntry

FloatArray = npt.NDArray[np.float64]

ACUTE_DAYS = 7
CHRONIC_DAYS = 28
CTL_DAYS = 42
ATL_DAYS = 7


@dataclass(frozen=True, eq=False)
class DailySeries:
    """Load and running kilometres per local day from `start`, rest days as 0."""

    start: date
    load: FloatArray
    run_km: FloatArray

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(len(self.load))]

    def index_of(self, day: date) -> int:
        return (day - self.start).days


def daily_series(
    entries: Iterable[LoadEntry], start: date, end: date, channel: Channel | None = None
) -> DailySeries:
    """Sum the entries of `channel` (all channels when None) per day from `start` to `end`.

    Entries outside the range are ignored. The series is additive: the series of A + B is the
    series of A plus the series of B.
    """
    days = max((end - start).days + 1, 0)
    load = np.zeros(days, dtype=np.float64)
    run_km = np.zeros(days, dtype=np.float64)
    for entry in entries:
        if channel is not None and entry.channel != channel:
            continue
        i = (entry.date - start).days
        if 0 <= i < days:
            load[i] += entry.load
            run_km[i] += entry.run_km
    return DailySeries(start, load, run_km)


def trailing_mean(
    values: npt.ArrayLike, window_days: int, *, skip_days: int = 0, first_known: int = 0
) -> FloatArray:
    """Mean of the `window_days` days ending today, leaving out the latest `skip_days` and any
    day before `first_known`; NaN when no day is left.

    Sums are taken window by window (not as differences of a running total), so a quiet week
    after a heavy one averages to exactly 0, never to a rounding error below it.
    """
    x = np.asarray(values, dtype=np.float64).copy()
    if window_days < 1 or not 0 <= skip_days < window_days:
        raise ValueError("need window_days ≥ 1 and 0 ≤ skip_days < window_days")
    n = x.shape[0]
    if n == 0:
        return np.zeros(0, dtype=np.float64)
    x[: max(first_known, 0)] = np.nan
    padded = np.concatenate([np.full(window_days - 1, np.nan), x])
    windows = np.lib.stride_tricks.sliding_window_view(padded, window_days)
    windows = windows[:, : window_days - skip_days]
    known = np.isfinite(windows)
    sums = np.where(known, windows, 0.0).sum(axis=1)
    counts = known.sum(axis=1)
    out = np.full(n, np.nan)
    np.divide(sums, counts, out=out, where=counts > 0)
    return out


def acute_load(values: npt.ArrayLike, first_known: int = 0) -> FloatArray:
    """Mean daily load of the last 7 days (today included)."""
    return trailing_mean(values, ACUTE_DAYS, first_known=first_known)


def chronic_load(
    values: npt.ArrayLike, *, coupled: bool = False, first_known: int = 0
) -> FloatArray:
    """Mean daily load of the last 28 days (coupled), or of days 8–28 back, i.e. without the
    acute week (uncoupled, Windt & Gabbett 2019)."""
    skip = 0 if coupled else ACUTE_DAYS
    return trailing_mean(values, CHRONIC_DAYS, skip_days=skip, first_known=first_known)


def acute_chronic_ratio(acute: FloatArray, chronic: FloatArray) -> FloatArray:
    """Acute ÷ chronic day by day; NaN where either is undefined or the chronic load is 0."""
    out = np.full(acute.shape, np.nan)
    ok = np.isfinite(acute) & np.isfinite(chronic) & (chronic > 0)
    np.divide(acute, chronic, out=out, where=ok)
    return out


def rolling_acwr(
    values: npt.ArrayLike, *, coupled: bool = False, first_known: int = 0
) -> FloatArray:
    """Acute ÷ chronic rolling means (docs/science.md#acwr); NaN while the chronic mean is 0."""
    return acute_chronic_ratio(
        acute_load(values, first_known),
        chronic_load(values, coupled=coupled, first_known=first_known),
    )


def ewma(values: npt.ArrayLike, span_days: int) -> FloatArray:
    """Eₜ = λ·Lₜ + (1 − λ)·Eₜ₋₁ with λ = 2/(N + 1), starting from 0 (Williams 2017)."""
    if span_days < 1:
        raise ValueError("span_days must be ≥ 1")
    return _exponential(values, _ewma_weight(span_days))


def _ewma_weight(span_days: int) -> float:
    return 2.0 / (span_days + 1)


def _decay_weight(days: int) -> float:
    return 1.0 - math.exp(-1.0 / days)


def _exponential(values: npt.ArrayLike, weight: float) -> FloatArray:
    # A recurrence, so a loop; over Python floats (the same IEEE arithmetic as numpy's
    # scalars, several times faster), since a ten-year record is thousands of days.
    keep = 1.0 - weight
    level = 0.0
    out = []
    for value in np.asarray(values, dtype=np.float64).tolist():
        level = weight * value + keep * level
        out.append(level)
    return np.array(out, dtype=np.float64)


@dataclass(frozen=True, eq=False)
class ExponentialAverages:
    acwr_ewma: FloatArray  # `ewma_acwr`
    fitness: FitnessFatigue  # `fitness_fatigue` with the default time constants


def exponential_averages(values: npt.ArrayLike) -> ExponentialAverages:
    """`ewma_acwr` and `fitness_fatigue` together: their four recurrences in one pass over
    the days (a report over ten years runs them for three channels), each term computed as
    `_exponential` does, so the numbers are the same to the last bit."""
    a, b = _ewma_weight(ACUTE_DAYS), _ewma_weight(CHRONIC_DAYS)
    c, d = _decay_weight(CTL_DAYS), _decay_weight(ATL_DAYS)
    ka, kb, kc, kd = 1.0 - a, 1.0 - b, 1.0 - c, 1.0 - d
    acute = chronic = ctl = atl = 0.0
    acutes, chronics, ctls, atls = [], [], [], []
    for value in np.asarray(values, dtype=np.float64).tolist():
        acute = a * value + ka * acute
        chronic = b * value + kb * chronic
        ctl = c * value + kc * ctl
        atl = d * value + kd * atl
        acutes.append(acute)
        chronics.append(chronic)
        ctls.append(ctl)
        atls.append(atl)
    ctl_days = np.array(ctls, dtype=np.float64)
    atl_days = np.array(atls, dtype=np.float64)
    return ExponentialAverages(
        acute_chronic_ratio(np.array(acutes, dtype=np.float64), np.array(chronics)),
        FitnessFatigue(ctl_days, atl_days, _form(ctl_days, atl_days)),
    )


def ewma_acwr(values: npt.ArrayLike) -> FloatArray:
    """7-day EWMA ÷ 28-day EWMA (λ 0.25 and 2/29 ≈ 0.069; Williams 2017)."""
    return acute_chronic_ratio(ewma(values, ACUTE_DAYS), ewma(values, CHRONIC_DAYS))


@dataclass(frozen=True, eq=False)
class FitnessFatigue:
    ctl: FloatArray
    atl: FloatArray
    tsb: FloatArray


def fitness_fatigue(
    values: npt.ArrayLike, ctl_days: int = CTL_DAYS, atl_days: int = ATL_DAYS
) -> FitnessFatigue:
    """CTL (fitness), ATL (fatigue) and TSB (form) — docs/science.md#pmc.

    We use the exponential-decay form (as GoldenCheetah): Xₜ = Xₜ₋₁ + k·(Lₜ − Xₜ₋₁) with
    k = 1 − e^(−1/N), which is Banister's impulse-response decay sampled once a day. Both start
    from 0. TSB on a day is the form you bring to it: yesterday's CTL − yesterday's ATL, before
    that day's training (0 on the first day).
    """
    ctl = _exponential(values, _decay_weight(ctl_days))
    atl = _exponential(values, _decay_weight(atl_days))
    return FitnessFatigue(ctl, atl, _form(ctl, atl))


def _form(ctl: FloatArray, atl: FloatArray) -> FloatArray:
    """TSB: yesterday's CTL − yesterday's ATL (0 on the first day)."""
    tsb = np.zeros_like(ctl)
    tsb[1:] = ctl[:-1] - atl[:-1]
    return tsb
