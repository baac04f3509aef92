"""The load report: days, weeks and plain-word flags for one channel, as of a given day.

Field names match the JSON of `stridewell load` (design.md); rendering is the service's job.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

from stridewell.domain.load.dates import week_start_of
from stridewell.domain.load.model import Channel, LoadEntry
from stridewell.domain.load.series import (
    CHRONIC_DAYS,
    DailySeries,
    acute_chronic_ratio,
    acute_load,
    chronic_load,
    daily_series,
    exponential_averages,
)
from stridewell.domain.load.weekly import monotony, ramp_pct, strain

# Gabbett 2016 called ≥ 1.5 the "danger zone" (team sports). We use it only to point out a
# spike, never as a risk estimate (Lolli 2019; Impellizzeri 2020) — docs/science.md#acwr.
ACWR_HIGH = 1.5
# Before three weeks of record the chronic mean is too short to compare against (our rule).
MIN_HISTORY_DAYS = 21
# Nielsen 2014: a > 30 % weekly increase went with more distance-related injuries in novices
# (suggestive only) — docs/science.md#nielsen2014.
RAMP_HIGH_PCT = 30.0
# Our convention: a rise from a very small week (5 → 8 km) is not worth a warning.
MIN_RAMP_BASE_KM = 10.0
# Foster 1998; Runalyze treats 2.0 as critical — docs/science.md#foster1998.
MONOTONY_HIGH = 2.0

ACWR_CAVEAT = "ACWR is a descriptive signal, not an injury prediction"


@dataclass(frozen=True)
class LoadDay:
    date: date
    load: float
    run_km: float
    acute: float | None
    chronic: float | None
    acwr: float | None
    acwr_ewma: float | None
    ctl: float
    atl: float
    tsb: float


@dataclass(frozen=True)
class LoadWeek:
    """One week. The current week is included while it runs: its `run_km` and `ramp_pct` are
    "so far", and monotony and strain wait until it is complete."""

    week_start: date
    run_km: float
    ramp_pct: float | None
    monotony: float | None
    strain: float | None


@dataclass(frozen=True)
class LoadFlag:
    code: str  # acwr_high | ramp_high | monotony_high
    date: date
    value: float
    message: str


@dataclass(frozen=True)
class LoadReport:
    as_of: date
    days: tuple[LoadDay, ...]
    weeks: tuple[LoadWeek, ...]
    flags: tuple[LoadFlag, ...]


def _opt(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def load_report(
    entries: Iterable[LoadEntry],
    as_of: date,
    days: int = 90,
    week_start: int = 0,
    *,
    channel: Channel | None = Channel.CARDIO,
    coupled: bool = False,
) -> LoadReport:
    """The last `days` days up to `as_of` (included) for one channel, or for both channels
    added together when `channel` is None (docs/science.md#load_scales).

    Entries after `as_of` are ignored (the clock is the argument). All earlier history feeds
    the averages. The chronic mean is uncoupled (days 8–28 back) unless `coupled` is set.
    `week_start` is 0 = Monday … 6 = Sunday. With both channels, running kilometres come from
    the cardio entries only: a run carries its kilometres in each channel, and counting them
    twice would double the weekly volume.
    """
    if days < 1:
        raise ValueError("days must be at least 1")
    if channel is None:
        kept = [
            e if e.channel == Channel.CARDIO else replace(e, run_km=0.0)
            for e in entries
            if e.date <= as_of
        ]
    else:
        kept = [e for e in entries if e.channel == channel and e.date <= as_of]
    first_entry = min((e.date for e in kept), default=None)
    start = series_start(as_of, days, week_start, first_entry)
    series = daily_series(kept, start, as_of)
    return report_from_series(series, first_entry, days, week_start, coupled=coupled)


def series_start(as_of: date, days: int, week_start: int, first_entry: date | None) -> date:
    """The first day the daily series of a report needs: the first entry, the week before the
    first week shown, or the chronic window of the first day shown, whichever is earliest."""
    window_start = as_of - timedelta(days=days - 1)
    first_week = week_start_of(window_start, week_start)
    start = min(first_week - timedelta(days=7), window_start - timedelta(days=CHRONIC_DAYS - 1))
    return start if first_entry is None else min(start, first_entry)


def report_from_series(
    series: DailySeries,
    first_entry: date | None,
    days: int = 90,
    week_start: int = 0,
    *,
    coupled: bool = False,
) -> LoadReport:
    """`load_report` from a daily series already summed (one channel, or both with running
    km counted once) that ends on the day reported and starts on or before `series_start`;
    `first_entry` is the day of the first entry in it. An earlier start changes nothing: the
    averages start from zero, and days before the first entry are left out of the means."""
    if days < 1:
        raise ValueError("days must be at least 1")
    as_of = series.start + timedelta(days=len(series.load) - 1)
    if series.start > series_start(as_of, days, week_start, first_entry):
        raise ValueError("the series starts too late for the days reported")
    window_start = as_of - timedelta(days=days - 1)
    first_week = week_start_of(window_start, week_start)
    # Days before the first entry are unknown, not rest: they stay out of the means.
    first_known = series.index_of(first_entry) if first_entry is not None else len(series.load)

    day_rows = _days(series, series.index_of(window_start), first_known, coupled)
    weeks = _weeks(series, first_week, as_of, first_entry)
    flags = (
        _acwr_flags(day_rows, first_entry, coupled)
        + _ramp_flags(weeks, series, as_of)
        + _monotony_flags(weeks)
    )
    flags.sort(key=lambda flag: (flag.date, flag.code))
    return LoadReport(as_of, tuple(day_rows), tuple(weeks), tuple(flags))


def _days(
    series: DailySeries, window_index: int, first_known: int, coupled: bool
) -> list[LoadDay]:
    # The rolling means of the days shown need only the 27 days before them; the exponential
    # averages need the whole series.
    lo = max(0, window_index - (CHRONIC_DAYS - 1))
    acute = acute_load(series.load[lo:], first_known - lo)
    chronic = chronic_load(series.load[lo:], coupled=coupled, first_known=first_known - lo)
    acwr = acute_chronic_ratio(acute, chronic)
    averages = exponential_averages(series.load)
    acwr_ewma, pmc = averages.acwr_ewma, averages.fitness
    rows = []
    for i in range(window_index, len(series.load)):
        rows.append(
            LoadDay(
                date=series.start + timedelta(days=i),
                load=float(series.load[i]),
                run_km=float(series.run_km[i]),
                acute=_opt(acute[i - lo]),
                chronic=_opt(chronic[i - lo]),
                acwr=_opt(acwr[i - lo]),
                acwr_ewma=_opt(acwr_ewma[i]),
                ctl=float(pmc.ctl[i]),
                atl=float(pmc.atl[i]),
                tsb=float(pmc.tsb[i]),
            )
        )
    return rows


def _weeks(
    series: DailySeries, first_week: date, as_of: date, first_entry: date | None
) -> list[LoadWeek]:
    weeks = []
    start = first_week
    while start <= as_of:
        i = series.index_of(start)
        previous = series.index_of(start - timedelta(days=7))
        run_km = float(series.run_km[i : i + 7].sum())
        previous_km = float(series.run_km[previous:i].sum())
        # A previous week the record only partly covers would make any week look like a jump.
        compare = first_entry is not None and start - timedelta(days=7) >= first_entry
        complete = start + timedelta(days=6) <= as_of
        whole = complete and first_entry is not None and start >= first_entry
        week_loads = series.load[i : i + 7]
        weeks.append(
            LoadWeek(
                week_start=start,
                run_km=run_km,
                ramp_pct=ramp_pct(run_km, previous_km) if compare else None,
                monotony=monotony(week_loads) if whole else None,
                strain=strain(week_loads) if whole else None,
            )
        )
        start += timedelta(days=7)
    return weeks


def _acwr_flags(days: list[LoadDay], first_entry: date | None, coupled: bool) -> list[LoadFlag]:
    """One flag per spell of consecutive high days, dated at its peak."""
    if first_entry is None:
        return []
    chronic_words = "28-day" if coupled else "days 8–28"
    flags: list[LoadFlag] = []
    spell: list[tuple[float, date, str]] = []
    for day in [*days, None]:
        high = None
        if day is not None and (day.date - first_entry).days + 1 >= MIN_HISTORY_DAYS:
            candidates = [
                (day.acwr, f"7-day vs {chronic_words} average"),
                (day.acwr_ewma, "7-day vs 28-day weighted average"),
            ]
            known = [(value, words) for value, words in candidates if value is not None]
            value, words = max(known, default=(0.0, ""))
            if value >= ACWR_HIGH:
                high = (value, day.date, words)
        if high is not None:
            spell.append(high)
            continue
        if spell:
            value, peak_date, words = max(spell, key=lambda item: item[0])
            flags.append(
                LoadFlag(
                    "acwr_high",
                    peak_date,
                    value,
                    f"acute load {value:.1f}× chronic ({words}) — a spike; {ACWR_CAVEAT}",
                )
            )
            spell = []
    return flags


def _ramp_flags(weeks: list[LoadWeek], series: DailySeries, as_of: date) -> list[LoadFlag]:
    flags = []
    for week in weeks:
        if week.ramp_pct is None or week.ramp_pct <= RAMP_HIGH_PCT:
            continue
        i = series.index_of(week.week_start)
        previous_km = float(np.sum(series.run_km[i - 7 : i]))
        if previous_km < MIN_RAMP_BASE_KM:
            continue
        so_far = " so far" if week.week_start + timedelta(days=6) > as_of else ""
        flags.append(
            LoadFlag(
                "ramp_high",
                week.week_start,
                week.ramp_pct,
                f"running volume +{week.ramp_pct:.0f} % on last week{so_far} "
                f"({week.run_km:.1f} km after {previous_km:.1f} km); jumps over 30 % went with "
                "more distance-related injuries in novice runners (Nielsen 2014), though that "
                "evidence is only suggestive",
            )
        )
    return flags


def _monotony_flags(weeks: list[LoadWeek]) -> list[LoadFlag]:
    return [
        LoadFlag(
            "monotony_high",
            week.week_start,
            week.monotony,
            f"training monotony {week.monotony:.1f}: the days of this week were too alike "
            "in load (mean ÷ spread, Foster 1998); make easy days easier or add a rest day",
        )
        for week in weeks
        if week.monotony is not None and week.monotony >= MONOTONY_HIGH
    ]
