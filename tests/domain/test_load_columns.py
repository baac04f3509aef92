"""Loads of a whole archive as columns (domain/load/columns.py) against the one-session rules
they apply (domain/load/session.py), the report from a summed series against the report from
entries, and local days of many sessions against `local_date`. The columns must give the
same numbers to the last bit: the load watch shows them in place of the one-session path."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stridewell.domain.activities import Streams
from stridewell.domain.load import (
    Channel,
    DailySeries,
    HeartRateProfile,
    LoadEntry,
    LoadSource,
    acute_load,
    chronic_load,
    daily_series,
    ewma_acwr,
    fitness_fatigue,
    load_report,
    local_date,
    local_day_numbers,
    report_from_series,
    rolling_acwr,
    run_load_entries,
    series_start,
    streams_load,
    strength_load_entry,
)
from stridewell.domain.load.columns import (
    EnduranceColumns,
    daily_sum,
    endurance_loads,
    strength_loads,
)
from stridewell.domain.load.series import exponential_averages
from stridewell.domain.vocab import Sex

DAY0 = date(2024, 1, 1)
maybe = st.one_of  # readability: maybe(st.none(), …)

profiles = st.builds(
    HeartRateProfile,
    max_hr_bpm=st.one_of(st.none(), st.integers(160, 210).map(float)),
    rest_hr_bpm=st.one_of(st.none(), st.integers(35, 70).map(float)),
    sex=st.one_of(st.none(), st.sampled_from(list(Sex))),
)
# (is_run, distance_m, duration_s, rpe, avg_hr_bpm, what its stream gave or None)
Session = tuple[bool, float | None, float | None, float | None, float | None, float | None]
sessions = st.tuples(
    st.booleans(),
    maybe(st.none(), st.just(0.0), st.floats(1.0, 60_000.0)),
    maybe(st.none(), st.just(0.0), st.floats(1.0, 20_000.0)),
    maybe(st.none(), st.integers(0, 10).map(float)),
    maybe(st.none(), st.floats(40.0, 220.0)),
    maybe(st.none(), st.just(0.0), st.floats(0.1, 500.0)),
)


def _nan(value: float | None) -> float:
    return math.nan if value is None else value


def _column(rows: list[Session], field: int) -> np.ndarray:
    return np.array([math.nan if row[field] is None else row[field] for row in rows], dtype=float)


@settings(max_examples=150, deadline=None)
@given(st.lists(sessions, max_size=25), profiles)
def test_endurance_columns_choose_as_run_load_entries_does(
    rows: list[Session], profile: HeartRateProfile
) -> None:
    # A stream gives a load only when max HR is known (hr_stream_load).
    stream_ok = profile.max_hr_bpm is not None
    columns = EnduranceColumns(
        is_run=np.array([row[0] for row in rows], dtype=bool),
        distance_m=_column(rows, 1),
        duration_s=_column(rows, 2),
        rpe=_column(rows, 3),
        avg_hr_bpm=_column(rows, 4),
        stream_load=_column(rows, 5) if stream_ok else np.full(len(rows), math.nan),
    )
    cardio, impact = endurance_loads(columns, profile)
    stream_source = LoadSource.TRIMP if profile.rest_hr_bpm is not None else LoadSource.EDWARDS
    for i, (is_run, distance_m, duration_s, rpe, avg_hr, stream) in enumerate(rows):
        expected = run_load_entries(
            DAY0,
            distance_m=distance_m,
            duration_s=duration_s,
            rpe=rpe,
            avg_hr_bpm=avg_hr,
            profile=profile,
            is_run=is_run,
            stream_load=None if stream is None or not stream_ok else (stream, stream_source),
        )
        by_channel = {entry.channel: entry for entry in expected}
        for got, channel in ((cardio, Channel.CARDIO), (impact, Channel.MUSCULOSKELETAL)):
            want = by_channel.get(channel)
            source = got.source_of(i)
            if want is None:
                assert source is None
                continue
            assert (source, float(got.load[i]), float(got.run_km[i])) == (
                want.source,
                want.load,
                want.run_km,
            )


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(
            maybe(st.none(), st.integers(60, 10_800).map(float)),
            maybe(st.none(), st.integers(0, 10).map(float)),
            maybe(st.just(0.0), st.floats(0.5, 20_000.0)),
        ),
        max_size=20,
    )
)
def test_strength_columns_choose_as_strength_load_entry_does(
    rows: list[tuple[float | None, float | None, float]],
) -> None:
    got = strength_loads(
        np.array([_nan(d) for d, _, _ in rows]),
        np.array([_nan(r) for _, r, _ in rows]),
        # The database sums tonnage only for sessions without RPE and duration.
        np.array([t if r is None or d is None else math.nan for d, r, t in rows]),
    )
    for i, (duration_s, rpe, tonnage) in enumerate(rows):
        want = strength_load_entry(DAY0, duration_s=duration_s, rpe=rpe, tonnage=tonnage)
        if want is None:
            assert got.source_of(i) is None
        else:
            assert (got.source_of(i), float(got.load[i])) == (want.source, want.load)


entries = st.builds(
    LoadEntry,
    date=st.integers(0, 120).map(lambda i: DAY0 + timedelta(days=i)),
    channel=st.sampled_from(list(Channel)),
    load=st.one_of(st.just(0.0), st.floats(0.1, 1000.0)),
    run_km=st.floats(0.0, 50.0),
    source=st.sampled_from(list(LoadSource)),
)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(entries, max_size=60),
    st.integers(0, 140),
    st.integers(1, 60),
    st.sampled_from([*Channel, None]),
    st.integers(0, 30),
)
def test_a_report_from_summed_columns_is_the_report_from_entries(
    items: list[LoadEntry], offset: int, days: int, channel: Channel | None, earlier: int
) -> None:
    """The load watch sums its columns per day and starts the series at any day on or before
    the one the report needs: the report is the same to the last bit."""
    as_of = DAY0 + timedelta(days=offset)
    expected = load_report(items, as_of, days, channel=channel)
    kept = [e for e in items if (channel is None or e.channel == channel) and e.date <= as_of]
    first = min((e.date for e in kept), default=None)
    start = series_start(as_of, days, 0, first) - timedelta(days=earlier)
    day = np.array([e.date.toordinal() for e in kept], dtype=np.int64)
    km = [e.run_km if channel is not None or e.channel == Channel.CARDIO else 0.0 for e in kept]
    series = DailySeries(
        start,
        daily_sum(day, np.array([e.load for e in kept]), start, as_of),
        daily_sum(day, np.array(km), start, as_of),
    )
    assert report_from_series(series, first, days) == expected


@settings(max_examples=100, deadline=None)
@given(st.lists(entries, min_size=1, max_size=60), st.integers(30, 140), st.integers(1, 60))
def test_the_days_shown_carry_the_rolling_means_of_the_whole_series(
    items: list[LoadEntry], offset: int, days: int
) -> None:
    """The report computes 7- and 28-day means over the days shown and the 27 before them
    only; they are the means of the whole record, the oldest day of each window included."""
    as_of = DAY0 + timedelta(days=offset)
    report = load_report(items, as_of, days, channel=None)
    first = min(e.date for e in items)
    if first > as_of:
        return
    start = min(first, as_of - timedelta(days=days)) - timedelta(days=40)
    series = daily_series([e for e in items if e.date <= as_of], start, as_of)
    known = series.index_of(first)
    acute = acute_load(series.load, known)
    chronic = chronic_load(series.load, first_known=known)
    acwr = rolling_acwr(series.load, first_known=known)
    for day in report.days:
        i = series.index_of(day.date)
        for got, want in ((day.acute, acute[i]), (day.chronic, chronic[i]), (day.acwr, acwr[i])):
            assert (got is None and math.isnan(want)) or got == want


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.just(0.0), st.floats(0.0, 2000.0)), max_size=400))
def test_the_exponential_averages_in_one_pass_are_those_apart(values: list[float]) -> None:
    together = exponential_averages(values)
    fitness = fitness_fatigue(values)
    np.testing.assert_array_equal(together.acwr_ewma, ewma_acwr(values))
    for got, want in ((together.fitness.ctl, fitness.ctl), (together.fitness.atl, fitness.atl),
                      (together.fitness.tsb, fitness.tsb)):  # fmt: skip
        np.testing.assert_array_equal(got, want)


def test_a_series_that_starts_too_late_is_refused() -> None:
    """The chronic window of the first day shown reaches 27 days before it."""
    series = DailySeries(DAY0, np.zeros(10), np.zeros(10))
    with pytest.raises(ValueError, match="starts too late"):
        report_from_series(series, DAY0, days=10)


ZONES = ["UTC", "Europe/London", "America/St_Johns", "Australia/Lord_Howe", "Pacific/Kiritimati"]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 20 * 365 * 86_400).map(lambda s: s + 1_000_000_000),
            maybe(st.none(), st.integers(-12 * 3600, 14 * 3600)),
        ),
        max_size=30,
    ),
    st.sampled_from(ZONES),
)
def test_local_days_of_many_sessions_are_those_of_local_date(
    sessions_: list[tuple[int, int | None]], home: str
) -> None:
    days = local_day_numbers([s for s, _ in sessions_], [o for _, o in sessions_], home)
    for (start_s, offset), day in zip(sessions_, days.tolist(), strict=True):
        start = datetime.fromtimestamp(start_s, UTC)
        assert date.fromordinal(day) == local_date(start, home if offset is None else offset)


def test_local_days_follow_daylight_saving_in_the_home_zone() -> None:
    """00:30 BST on 2024-03-31 is 23:30 UTC the day before; 00:30 GMT on 2024-10-27 is
    00:30 UTC: each falls on its London day."""
    london = ZoneInfo("Europe/London")
    spring = datetime(2024, 3, 31, 0, 30, tzinfo=london)  # clocks went forward at 01:00
    autumn = datetime(2024, 10, 28, 0, 30, tzinfo=london)
    starts = [int(spring.timestamp()), int(autumn.timestamp())]
    days = local_day_numbers(starts, [None, None], "Europe/London")
    assert [date.fromordinal(d) for d in days.tolist()] == [date(2024, 3, 31), date(2024, 10, 28)]


def test_a_stream_measured_before_stands_in_for_its_samples() -> None:
    """streams_load is what run_load_entries would take from the samples themselves."""
    t = np.arange(601, dtype=np.float64)
    hr = np.full(t.shape, 150.0)
    profile = HeartRateProfile(max_hr_bpm=190, rest_hr_bpm=50, sex=Sex.F)
    measured = streams_load(Streams({"t": t, "hr": hr}), profile)
    assert measured is not None and measured[1] == LoadSource.TRIMP
    from_samples = run_load_entries(DAY0, distance_m=2000, duration_s=600, t_s=t, hr_bpm=hr,
                                    profile=profile)  # fmt: skip
    from_stored = run_load_entries(DAY0, distance_m=2000, duration_s=600, stream_load=measured,
                                   profile=profile)  # fmt: skip
    assert from_samples == from_stored
    # Without HR, or with max HR unknown, the stream gives nothing.
    assert streams_load(Streams({"t": t}), profile) is None
    assert streams_load(Streams({"t": t, "hr": hr}), HeartRateProfile(rest_hr_bpm=50)) is None
