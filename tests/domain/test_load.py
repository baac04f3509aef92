"""Training load: session formulas, local days, series, ratios and the load report.

Expected numbers are worked by hand from the formulas in docs/science.md; each test names its
source and shows the arithmetic.
"""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stridewell.domain.activities import Activity, Streams
from stridewell.domain.load import (
    Channel,
    HeartRateProfile,
    LoadEntry,
    LoadSource,
    activity_load_entries,
    acute_load,
    banister_trimp,
    banister_trimp_avg_hr,
    cardio_load,
    chronic_load,
    daily_series,
    edwards_trimp,
    ewma,
    ewma_acwr,
    fitness_fatigue,
    hr_coverage,
    load_report,
    local_date,
    monotony,
    ramp_pct,
    rolling_acwr,
    run_load_entries,
    session_rpe_load,
    strain,
    strength_load_entry,
    tonnage_kg,
    week_start_of,
)
from stridewell.domain.vocab import Sex

CARDIO = Channel.CARDIO
MSK = Channel.MUSCULOSKELETAL


def steady_hr(minutes: int, hr_bpm: float) -> tuple[np.ndarray, np.ndarray]:
    """1 Hz samples: `minutes`·60 one-second intervals, every one ending at `hr_bpm`."""
    t = np.arange(minutes * 60 + 1, dtype=np.float64)
    return t, np.full(t.shape, hr_bpm)


# --- session formulas -----------------------------------------------------------------------


def test_session_rpe_load_is_rating_times_minutes() -> None:
    """Foster 2001: 45 min at CR-10 RPE 6 → 6 × 45 = 270 units."""
    assert session_rpe_load(6, 45) == 270.0


def test_session_rpe_rejects_ratings_off_the_scale() -> None:
    """Foster 2001 uses the CR-10 scale: 11 is not a rating."""
    with pytest.raises(ValueError, match="CR-10"):
        session_rpe_load(11, 30)


@pytest.mark.parametrize(
    ("sex", "expected"),
    [
        # x = (150 − 50) / (190 − 50) = 0.714286
        # M: 0.714286 · 0.64 · e^(1.92 · 0.714286) = 0.457143 · e^1.371429 = 0.457143 · 3.940977
        #    = 1.801589 per minute; × 10 min = 18.0159
        (Sex.M, 18.0159),
        # F: 0.714286 · 0.86 · e^(1.67 · 0.714286) = 0.614286 · 3.296486 = 2.024984 → 20.2498
        (Sex.F, 20.2498),
        # X and unknown (Runalyze): 0.714286 · 0.725215 · e^(1.795 · 0.714286)
        #    = 0.518011 · 3.604355 = 1.867095 → 18.6709
        (Sex.X, 18.6709),
        (None, 18.6709),
    ],
)
def test_banister_trimp_by_hand(sex: Sex | None, expected: float) -> None:
    """Banister TRIMP (Morton, Fitz-Clarke & Banister 1990; factors ✔ in science notes):
    10 minutes steady at 150 bpm, rest 50, max 190."""
    t, hr = steady_hr(10, 150.0)
    assert banister_trimp(t, hr, 50, 190, sex) == pytest.approx(expected, rel=1e-5)


def test_banister_trimp_from_average_hr_matches_a_steady_stream() -> None:
    """Banister's original form: 10 min at an average of 150 bpm = the steady stream above
    (18.0159 for a man)."""
    assert banister_trimp_avg_hr(10, 150, 50, 190, Sex.M) == pytest.approx(18.0159, rel=1e-5)


def test_banister_trimp_skips_pauses_and_missing_hr() -> None:
    """Our rule (docs/science.md#banister_trimp): a gap over 30 s is a pause, not work.

    5 min of samples, a 10-minute auto-pause, 5 more minutes: only 10 min count, so the TRIMP
    equals the steady 10-minute session (18.0159). A NaN reading or a 0 from the strap adds
    nothing either.
    """
    t = np.concatenate([np.arange(0, 301), np.arange(900, 1201)]).astype(np.float64)
    hr = np.full(t.shape, 150.0)
    assert banister_trimp(t, hr, 50, 190, Sex.M) == pytest.approx(18.0159, rel=1e-5)

    hr_with_holes = hr.copy()
    hr_with_holes[[10, 20]] = [np.nan, 0.0]  # two one-second intervals lose their reading
    expected = 18.0159 * (600 - 2) / 600
    assert banister_trimp(t, hr_with_holes, 50, 190, Sex.M) == pytest.approx(expected, rel=1e-5)


def test_banister_trimp_clips_hr_outside_rest_and_max() -> None:
    """HR under rest scores 0; HR over the stated max scores as x = 1:
    10 min at x = 1 for a man = 10 · 1 · 0.64 · e^1.92 = 6.4 · 6.820958 = 43.654."""
    t, below = steady_hr(10, 40.0)
    assert banister_trimp(t, below, 50, 190, Sex.M) == 0.0
    _, above = steady_hr(10, 205.0)
    assert banister_trimp(t, above, 50, 190, Sex.M) == pytest.approx(43.654, rel=1e-4)


def test_banister_trimp_rejects_rest_above_max() -> None:
    t, hr = steady_hr(1, 150.0)
    with pytest.raises(ValueError, match="rest HR"):
        banister_trimp(t, hr, 190, 150, Sex.F)


def test_edwards_trimp_by_zone() -> None:
    """Edwards 1993 (zones ✔): 10 min at 114 bpm (114·100/190 = 60 % → zone 2, weight 2) and
    10 min at 171 bpm (90 % → zone 5) = 10·2 + 10·5 = 70."""
    t = np.arange(1201, dtype=np.float64)
    hr = np.concatenate([np.full(601, 114.0), np.full(600, 171.0)])
    assert edwards_trimp(t, hr, 190) == pytest.approx(70.0)


@pytest.mark.parametrize(
    ("hr_bpm", "weight"),
    [(90.0, 0), (95.0, 1), (132.9, 2), (133.0, 3), (152.0, 4), (180.5, 5), (200.0, 5)],
)
def test_edwards_zone_edges(hr_bpm: float, weight: int) -> None:
    """Edwards 1993 with max 190: 95 bpm = 50 % (zone 1, lower edge included), 133 = 70 %
    (zone 3), 152 = 80 % (4), 180.5 = 95 % (5); under 50 % is 0, over 100 % counts as 5.
    One minute in the zone scores its weight."""
    t, hr = steady_hr(1, hr_bpm)
    assert edwards_trimp(t, hr, 190) == pytest.approx(weight)


def test_hr_coverage_counts_only_recorded_time() -> None:
    """Our rule: coverage = time with HR ÷ recorded time; a pause is neither.
    600 one-second intervals, 150 without HR → 450/600 = 0.75."""
    t, hr = steady_hr(10, 150.0)
    hr[1:151] = np.nan
    assert hr_coverage(t, hr) == pytest.approx(0.75)


def test_tonnage_sums_reps_times_kilos() -> None:
    """3 × 8 at 60 kg + 3 × 12 body weight: 24 · 60 + 0 = 1,440 kg."""
    assert tonnage_kg([(8, 60.0)] * 3 + [(12, None)] * 3) == 1440.0


# --- choosing the method (docs/science.md#load_scales) -------------------------------------------

PROFILE = HeartRateProfile(max_hr_bpm=190, rest_hr_bpm=50, sex=Sex.M)


def test_stream_with_full_profile_uses_banister() -> None:
    t, hr = steady_hr(10, 150.0)
    result = cardio_load(duration_s=600, rpe=5, t_s=t, hr_bpm=hr, profile=PROFILE)
    assert result is not None and result[1] == LoadSource.TRIMP
    assert result[0] == pytest.approx(18.0159, rel=1e-5)


def test_average_hr_is_used_when_the_stream_is_patchy() -> None:
    """A stream with HR on under 75 % of its time is not trusted; the average HR is."""
    t, hr = steady_hr(10, 150.0)
    hr[1:301] = np.nan  # half the session without HR
    result = cardio_load(
        duration_s=600, rpe=5, t_s=t, hr_bpm=hr, avg_hr_bpm=150, profile=PROFILE
    )
    assert result is not None and result[1] == LoadSource.TRIMP_AVG_HR
    assert result[0] == pytest.approx(18.0159, rel=1e-5)


def test_without_rest_hr_edwards_is_used() -> None:
    """Max HR only: Edwards. 10 min at 150/190 = 78.9 % → zone 3 → 30."""
    t, hr = steady_hr(10, 150.0)
    result = cardio_load(
        duration_s=600, rpe=5, t_s=t, hr_bpm=hr, profile=HeartRateProfile(max_hr_bpm=190)
    )
    assert result is not None and result[1] == LoadSource.EDWARDS
    assert result[0] == pytest.approx(30.0)


def test_without_hr_session_rpe_then_distance() -> None:
    """No HR: RPE 5 × 50 min = 250 (Foster 2001); no RPE either: 10 km × 8 = 80 (our scale)."""
    assert cardio_load(duration_s=3000, rpe=5, distance_m=10_000) == (250.0, LoadSource.SRPE)
    assert cardio_load(duration_s=3000, distance_m=10_000) == (80.0, LoadSource.DISTANCE)


def test_non_run_without_hr_or_rpe_has_no_load() -> None:
    """A ride measured by distance alone would be booked on a running scale, so it is not."""
    assert cardio_load(duration_s=3600, distance_m=30_000, is_run=False) is None


def test_a_run_yields_one_entry_per_channel_each_with_its_kilometres() -> None:
    """10 km at RPE 4 for 55 min: cardio 4 × 55 = 220 (sRPE); impact 10 × 20 = 200 (our scale)."""
    day = date(2024, 5, 4)
    entries = run_load_entries(day, distance_m=10_000, duration_s=3300, rpe=4)
    assert entries == (
        LoadEntry(day, CARDIO, 220.0, 10.0, LoadSource.SRPE),
        LoadEntry(day, MSK, 200.0, 10.0, LoadSource.DISTANCE),
    )


def test_strength_session_prefers_rpe_then_tonnage() -> None:
    """40 min at RPE 7 → 280 (Foster 2001); unrated, 4,000 kg × 0.05 → 200; neither → None."""
    day = date(2024, 5, 4)
    rated = strength_load_entry(day, duration_s=2400, rpe=7, tonnage=4000)
    assert rated == LoadEntry(day, MSK, 280.0, 0.0, LoadSource.SRPE)
    unrated = strength_load_entry(day, duration_s=2400, rpe=None, tonnage=4000)
    assert unrated == LoadEntry(day, MSK, 200.0, 0.0, LoadSource.TONNAGE)
    assert strength_load_entry(day, duration_s=2400, rpe=None) is None


def test_activity_entries_use_the_files_offset_and_the_hr_stream() -> None:
    """A run starting 23:30 UTC in a file that says UTC+2 belongs to the next local day, even for
    an athlete whose home zone is London (still 23:30 there in winter)."""
    t, hr = steady_hr(10, 150.0)
    activity = Activity(
        source_kind="fit",
        sport="running",
        start_utc=datetime(2024, 1, 6, 23, 30, tzinfo=UTC),
        tz_offset_s=7200,
        moving_s=600,
        distance_m=2000,
        streams=Streams({"t": t, "hr": hr}),
    )
    cardio, impact = activity_load_entries(activity, PROFILE, "Europe/London")
    assert cardio.date == date(2024, 1, 7)
    assert cardio.source == LoadSource.TRIMP
    assert cardio.load == pytest.approx(18.0159, rel=1e-5)
    assert impact == LoadEntry(date(2024, 1, 7), MSK, 40.0, 2.0, LoadSource.DISTANCE)


def test_load_entry_rejects_negative_load() -> None:
    with pytest.raises(ValueError, match="load"):
        LoadEntry(date(2024, 1, 1), CARDIO, -1.0)


# --- local days (DST) -----------------------------------------------------------------------


def utc(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("start_utc", "tz", "expected"),
    [
        # Europe/London, spring forward on Sun 31 March 2024 at 01:00 GMT → 02:00 BST.
        (utc(2024, 3, 30, 23, 30), "Europe/London", date(2024, 3, 30)),  # 23:30 GMT
        (utc(2024, 3, 31, 0, 30), "Europe/London", date(2024, 3, 31)),  # 00:30 GMT
        # 00:30 BST on 1 April is still 31 March in UTC: the UTC date would be wrong.
        (utc(2024, 3, 31, 23, 30), "Europe/London", date(2024, 4, 1)),
        # Fall back on Sun 27 October 2024 at 02:00 BST → 01:00 GMT. 23:30 UTC on the 26th is
        # 00:30 BST on the 27th; the winter offset (+0) would give the 26th.
        (utc(2024, 10, 26, 23, 30), "Europe/London", date(2024, 10, 27)),
        (utc(2024, 10, 27, 23, 30), "Europe/London", date(2024, 10, 27)),  # 23:30 GMT
        # America/New_York, spring forward on 10 March 2024 (2:00 EST → 3:00 EDT).
        (utc(2024, 3, 10, 4, 30), "America/New_York", date(2024, 3, 9)),  # 23:30 EST
        (utc(2024, 3, 11, 4, 30), "America/New_York", date(2024, 3, 11)),  # 00:30 EDT
        # Fall back on 3 November 2024: 04:30 UTC is 00:30 EDT on the 3rd (EST would say 2nd).
        (utc(2024, 11, 3, 4, 30), "America/New_York", date(2024, 11, 3)),
        (utc(2024, 11, 4, 4, 30), "America/New_York", date(2024, 11, 3)),  # 23:30 EST
        # Fixed offsets, as a FIT file records them.
        (utc(2024, 6, 1, 23, 30), 3600, date(2024, 6, 2)),
        (utc(2024, 6, 1, 3, 0), timedelta(hours=-5), date(2024, 5, 31)),
    ],
)
def test_local_date_across_clock_changes(
    start_utc: datetime, tz: str | int | timedelta, expected: date
) -> None:
    assert local_date(start_utc, tz) == expected


def test_local_date_refuses_naive_times() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        local_date(datetime(2024, 1, 1, 12, 0), "Europe/London")


def test_week_start_of() -> None:
    """ISO weeks start on Monday; 2024-05-08 is a Wednesday."""
    assert week_start_of(date(2024, 5, 8)) == date(2024, 5, 6)
    assert week_start_of(date(2024, 5, 8), week_start=6) == date(2024, 5, 5)  # Sunday weeks


# --- series and averages --------------------------------------------------------------------


def test_daily_series_zero_fills_and_sums_per_day() -> None:
    start = date(2024, 1, 1)
    entries = [
        LoadEntry(start, CARDIO, 100.0, 10.0),
        LoadEntry(start, CARDIO, 50.0, 5.0),
        LoadEntry(start + timedelta(days=2), CARDIO, 30.0, 3.0),
        LoadEntry(start + timedelta(days=2), MSK, 999.0, 3.0),  # another channel
        LoadEntry(start + timedelta(days=9), CARDIO, 999.0),  # outside the range
    ]
    series = daily_series(entries, start, start + timedelta(days=3), CARDIO)
    assert series.load.tolist() == [150.0, 0.0, 30.0, 0.0]
    assert series.run_km.tolist() == [15.0, 0.0, 3.0, 0.0]
    assert series.days[-1] == date(2024, 1, 4)


def test_acute_and_chronic_means_by_hand() -> None:
    """Windt & Gabbett 2019. Days 1–21 at 30, days 22–28 at 60.
    On day 28: acute = 60; coupled chronic = (21·30 + 7·60)/28 = 1,050/28 = 37.5;
    uncoupled chronic (days 8–28 back = days 1–21) = 30. Rolling ACWR: 60/37.5 = 1.6 coupled,
    60/30 = 2.0 uncoupled."""
    loads = [30.0] * 21 + [60.0] * 7
    assert acute_load(loads)[-1] == pytest.approx(60.0)
    assert chronic_load(loads, coupled=True)[-1] == pytest.approx(37.5)
    assert chronic_load(loads)[-1] == pytest.approx(30.0)
    assert rolling_acwr(loads, coupled=True)[-1] == pytest.approx(1.6)
    assert rolling_acwr(loads)[-1] == pytest.approx(2.0)


def test_days_before_the_record_are_left_out_not_counted_as_rest() -> None:
    """10 unknown days, then 10 days at 40: on the last day the coupled chronic mean covers
    the 10 known days (40), not 28 days with 18 zeros (14.3); ACWR = 1.0, not 2.8."""
    loads = [0.0] * 10 + [40.0] * 10
    assert chronic_load(loads, coupled=True, first_known=10)[-1] == pytest.approx(40.0)
    assert rolling_acwr(loads, coupled=True, first_known=10)[-1] == pytest.approx(1.0)
    assert math.isnan(acute_load(loads, first_known=10)[9])


def test_ewma_by_hand() -> None:
    """Williams 2017 (λ ✔): one load of 100, then rest.
    7-day λ = 2/8 = 0.25: 25, 18.75, 14.0625. 28-day λ = 2/29: 6.8966, 6.4209 (×27/29)."""
    assert ewma([100, 0, 0], 7).tolist() == pytest.approx([25.0, 18.75, 14.0625])
    assert ewma([100, 0], 28).tolist() == pytest.approx([6.896552, 6.420927])
    assert ewma_acwr([100, 0])[0] == pytest.approx(25.0 / 6.896552)


def test_fitness_fatigue_by_hand() -> None:
    """docs/science.md#pmc (GoldenCheetah form): load 100 on day 1.
    CTL₁ = 100·(1 − e^(−1/42)) = 2.3528; ATL₁ = 100·(1 − e^(−1/7)) = 13.3122;
    TSB₁ = 0 (nothing before); TSB₂ = CTL₁ − ATL₁ = −10.9594; CTL₂ = 2.3528·e^(−1/42) = 2.2975."""
    pmc = fitness_fatigue([100.0, 0.0])
    assert pmc.ctl[0] == pytest.approx(2.352831, rel=1e-5)
    assert pmc.atl[0] == pytest.approx(13.312210, rel=1e-5)
    assert pmc.tsb.tolist() == pytest.approx([0.0, -10.959379], rel=1e-5)
    assert pmc.ctl[1] == pytest.approx(2.352831 * math.exp(-1 / 42), rel=1e-5)


def test_monotony_and_strain_by_hand() -> None:
    """Foster 1998: [50, 0, 100, 50, 0, 150, 0]: mean 50; population SD = √(20,000/7) = 53.452;
    monotony = 50/53.452 = 0.9354; strain = 350 × 0.9354 = 327.40."""
    week = [50, 0, 100, 50, 0, 150, 0]
    assert monotony(week) == pytest.approx(0.935414, rel=1e-5)
    assert strain(week) == pytest.approx(327.395, rel=1e-5)


def test_monotony_undefined_without_spread() -> None:
    """SD = 0 (identical days, or an empty week): monotony and strain are undefined."""
    assert monotony([40] * 7) is None
    assert monotony([0] * 7) is None
    assert strain([40] * 7) is None


def test_ramp_pct() -> None:
    """30 km then 41.4 km: (41.4 − 30)/30 = +38 %; after a week without running: undefined."""
    assert ramp_pct(41.4, 30.0) == pytest.approx(38.0)
    assert ramp_pct(10.0, 0.0) is None


# --- the report -----------------------------------------------------------------------------

FIRST_MONDAY = date(2024, 1, 1)
# A varied week (monotony < 2): loads and km for Mon … Sun; 30 km in all.
WEEK_LOADS = [40.0, 0.0, 60.0, 0.0, 40.0, 100.0, 0.0]
WEEK_KM = [5.0, 0.0, 7.5, 0.0, 5.0, 12.5, 0.0]


def training_weeks(first: date, factors: list[float]) -> list[LoadEntry]:
    """One week of WEEK_LOADS/WEEK_KM per factor, scaled by it, from Monday `first`."""
    entries = []
    for w, factor in enumerate(factors):
        for d, (load, km) in enumerate(zip(WEEK_LOADS, WEEK_KM, strict=True)):
            if load:
                day = first + timedelta(days=7 * w + d)
                entries.append(LoadEntry(day, CARDIO, load * factor, km * factor))
    return entries


def test_report_shape_matches_the_cli_contract() -> None:
    as_of = date(2024, 2, 18)
    report = load_report(training_weeks(FIRST_MONDAY, [1.0] * 7), as_of, days=30)
    assert report.as_of == as_of
    assert [d.date for d in report.days] == [
        as_of - timedelta(days=29 - i) for i in range(30)
    ]
    # 30 days back from Sun 18 Feb starts Sat 20 Jan, in the week of Mon 15 Jan.
    assert [w.week_start for w in report.weeks] == [
        date(2024, 1, 15), date(2024, 1, 22), date(2024, 1, 29), date(2024, 2, 5), date(2024, 2, 12)
    ]
    assert {w.run_km for w in report.weeks} == {30.0}
    assert {w.ramp_pct for w in report.weeks} == {0.0}
    assert report.flags == ()


def test_report_flags_a_volume_jump_and_a_load_spike() -> None:
    """Six steady weeks of 30 km, then the same week doubled (60 km).

    Nielsen 2014: +100 % > 30 % → ramp_high dated at the week's Monday.
    ACWR on Sun 18 Feb: acute = 480/7 = 68.57 (the doubled week); uncoupled chronic = three
    steady weeks = 720/21 = 34.29; 68.57/34.29 = 2.0 ≥ 1.5 (Gabbett 2016) → one acwr_high flag.
    """
    entries = training_weeks(FIRST_MONDAY, [1.0] * 6 + [2.0])
    report = load_report(entries, date(2024, 2, 18), days=28)
    last = report.days[-1]
    assert last.acute == pytest.approx(480 / 7)
    assert last.chronic == pytest.approx(720 / 21)
    assert last.acwr == pytest.approx(2.0)
    assert report.weeks[-1].run_km == 60.0
    assert report.weeks[-1].ramp_pct == pytest.approx(100.0)

    codes = [flag.code for flag in report.flags]
    assert codes.count("ramp_high") == 1 and codes.count("acwr_high") == 1
    ramp = next(flag for flag in report.flags if flag.code == "ramp_high")
    assert ramp.date == date(2024, 2, 12)
    assert ramp.message.startswith("running volume +100 % on last week (60.0 km after 30.0 km)")
    spike = next(flag for flag in report.flags if flag.code == "acwr_high")
    assert date(2024, 2, 12) <= spike.date <= date(2024, 2, 18)
    assert spike.value >= 1.5
    assert "not an injury prediction" in spike.message


def test_report_keeps_quiet_until_three_weeks_of_record() -> None:
    """Our rule (docs/science.md#acwr): with 14 days of record a doubled week is not compared
    against a chronic mean that short."""
    entries = training_weeks(FIRST_MONDAY, [1.0, 2.0])
    report = load_report(entries, date(2024, 1, 14), days=14)
    assert report.days[-1].acwr is not None and report.days[-1].acwr > 1.5
    assert "acwr_high" not in [flag.code for flag in report.flags]


def test_no_ramp_flag_from_a_small_base() -> None:
    """Convention: 6 km → 12 km is +100 % but from under 10 km, so no flag; the % still shows."""
    entries = [
        LoadEntry(date(2024, 1, 1) + timedelta(days=i), CARDIO, 20.0, 1.0) for i in range(6)
    ] + [LoadEntry(date(2024, 1, 8) + timedelta(days=i), CARDIO, 40.0, 2.0) for i in range(6)]
    report = load_report(entries, date(2024, 1, 14), days=7)
    assert report.weeks[-1].ramp_pct == pytest.approx(100.0)
    assert "ramp_high" not in [flag.code for flag in report.flags]


def test_no_ramp_against_a_week_the_record_only_partly_covers() -> None:
    """The record starts on Thursday 4 Jan: that week's 9 km is not a full week, so the next
    week's 30 km is not called a +233 % jump."""
    entries = [LoadEntry(date(2024, 1, 4) + timedelta(days=i), CARDIO, 30.0, 3.0) for i in range(3)]
    entries += training_weeks(date(2024, 1, 8), [1.0])
    report = load_report(entries, date(2024, 1, 14), days=14)
    assert [w.run_km for w in report.weeks] == [9.0, 30.0]
    assert report.weeks[-1].ramp_pct is None
    assert report.flags == ()


def test_monotonous_week_is_flagged() -> None:
    """Foster 1998: 60 on six days and one rest day: mean 51.43, SD 21.00 → monotony 2.449 ≥ 2."""
    entries = [
        LoadEntry(date(2024, 1, 1) + timedelta(days=i), CARDIO, 60.0, 8.0) for i in range(6)
    ]
    report = load_report(entries, date(2024, 1, 7), days=7)
    assert report.weeks[0].monotony == pytest.approx(2.449490, rel=1e-5)
    assert report.weeks[0].strain == pytest.approx(360 * 2.449490, rel=1e-5)
    flag = report.flags[0]
    assert (flag.code, flag.date) == ("monotony_high", date(2024, 1, 1))
    assert flag.value == pytest.approx(2.449490, rel=1e-5)
    assert "2.4" in flag.message


def test_current_week_is_so_far_and_has_no_monotony_yet() -> None:
    """as_of Wednesday: the week shows 12.5 km so far (Mon 5 + Wed 7.5); monotony waits."""
    entries = training_weeks(FIRST_MONDAY, [1.0, 1.0])
    report = load_report(entries, date(2024, 1, 10), days=10)
    assert report.weeks[-1].week_start == date(2024, 1, 8)
    assert report.weeks[-1].run_km == 12.5
    assert report.weeks[-1].monotony is None and report.weeks[-1].strain is None
    assert report.weeks[0].monotony is not None


def test_report_ignores_the_future_and_other_channels() -> None:
    as_of = date(2024, 2, 18)
    entries = training_weeks(FIRST_MONDAY, [1.0] * 7)
    extra = [
        LoadEntry(as_of + timedelta(days=1), CARDIO, 5000.0, 50.0),
        LoadEntry(as_of, MSK, 5000.0, 0.0, LoadSource.TONNAGE),
    ]
    assert load_report(entries + extra, as_of) == load_report(entries, as_of)
    msk = load_report(entries + extra, as_of, channel=MSK)
    assert msk.days[-1].load == 5000.0


def test_sunday_weeks() -> None:
    report = load_report(training_weeks(FIRST_MONDAY, [1.0] * 3), date(2024, 1, 21), 14, 6)
    assert all(week.week_start.weekday() == 6 for week in report.weeks)


def test_empty_record() -> None:
    report = load_report([], date(2024, 1, 21), days=3)
    assert [d.load for d in report.days] == [0.0, 0.0, 0.0]
    assert report.days[-1].acwr is None and report.days[-1].acute is None
    assert report.flags == ()


# --- properties -----------------------------------------------------------------------------

DAY0 = date(2024, 1, 1)
loads = st.one_of(st.just(0.0), st.floats(0.1, 1000.0))
entry = st.builds(
    LoadEntry,
    date=st.integers(0, 59).map(lambda i: DAY0 + timedelta(days=i)),
    channel=st.sampled_from(list(Channel)),
    load=loads,
    run_km=st.floats(0.0, 50.0),
    source=st.sampled_from(list(LoadSource)),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(entry, max_size=40), st.integers(0, 70), st.sampled_from(list(Channel)))
def test_report_values_are_never_negative(
    entries: list[LoadEntry], offset: int, channel: Channel
) -> None:
    report = load_report(entries, DAY0 + timedelta(days=offset), days=30, channel=channel)
    for day in report.days:
        assert day.load >= 0 and day.run_km >= 0 and day.ctl >= 0 and day.atl >= 0
        for value in (day.acute, day.chronic, day.acwr, day.acwr_ewma):
            assert value is None or value >= 0
    for week in report.weeks:
        assert week.run_km >= 0
        assert week.monotony is None or week.monotony >= 0
        assert week.strain is None or week.strain >= 0


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_session_loads_are_never_negative(data: st.DataObject) -> None:
    n = data.draw(st.integers(2, 50))
    t = np.cumsum(data.draw(st.lists(st.floats(0.0, 60.0), min_size=n, max_size=n)))
    hr = np.array(data.draw(st.lists(st.floats(0.0, 250.0), min_size=n, max_size=n)))
    assert banister_trimp(t, hr, 50, 190, data.draw(st.sampled_from([*Sex, None]))) >= 0
    assert edwards_trimp(t, hr, 190) >= 0
    assert 0 <= hr_coverage(t, hr) <= 1


@settings(max_examples=60, deadline=None)
@given(st.lists(entry, max_size=30), st.lists(entry, max_size=30))
def test_daily_series_is_additive(a: list[LoadEntry], b: list[LoadEntry]) -> None:
    end = DAY0 + timedelta(days=59)
    both = daily_series(a + b, DAY0, end)
    apart = [daily_series(part, DAY0, end) for part in (a, b)]
    np.testing.assert_allclose(both.load, apart[0].load + apart[1].load, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(both.run_km, apart[0].run_km + apart[1].run_km, atol=1e-9)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(loads, min_size=1, max_size=60),
    st.floats(0.01, 100.0),
    st.booleans(),
    st.integers(0, 20),
)
def test_acwr_ignores_the_unit_of_load(
    values: list[float], factor: float, coupled: bool, first_known: int
) -> None:
    """Scaling every load by a positive constant (another unit) leaves both ratios unchanged."""
    x = np.array(values)
    np.testing.assert_allclose(
        rolling_acwr(x * factor, coupled=coupled, first_known=first_known),
        rolling_acwr(x, coupled=coupled, first_known=first_known),
        rtol=1e-9,
    )
    np.testing.assert_allclose(ewma_acwr(x * factor), ewma_acwr(x), rtol=1e-9)


@settings(max_examples=60, deadline=None)
@given(st.lists(loads, min_size=7, max_size=7), st.floats(0.01, 100.0))
def test_monotony_ignores_the_unit_of_load(week: list[float], factor: float) -> None:
    plain, scaled = monotony(week), monotony([v * factor for v in week])
    if plain is None:
        assert scaled is None
    else:
        assert scaled == pytest.approx(plain, rel=1e-9)
