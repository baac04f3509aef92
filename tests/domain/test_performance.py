"""Performance: Riegel, VDOT, training paces, Cameron, e1RM, personal bests.

Expected numbers are worked by hand from the formulas in docs/science.md; each test names its
source and shows the arithmetic.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stridewell.domain.performance import (
    RIEGEL_MARATHON_CAVEAT,
    Effort,
    EffortSource,
    PersonalBest,
    brzycki_1rm,
    cameron_time_s,
    epley_1rm,
    personal_bests,
    predict_races,
    predict_time_s,
    reference_best,
    riegel_caveat,
    riegel_time_s,
    training_paces,
    vdot,
    velocity_at_vo2,
    vo2_at_velocity,
)

RACE, BEST = EffortSource.RACE, EffortSource.BEST_EFFORT

# --- Riegel ---------------------------------------------------------------------------------


def test_riegel_by_hand() -> None:
    """Riegel 1981: 5 km in 20:00 → 10 km: 1,200 · 2^1.06 = 1,200 · 2.084932 = 2,501.92 s
    (41:42)."""
    assert riegel_time_s(1200, 5000, 10_000) == pytest.approx(2501.918, abs=1e-3)


def test_riegel_warns_beyond_the_half_marathon() -> None:
    """Vickers & Vertosick 2016: calibrated to the half, ≥ 10 min too fast in the marathon for
    half of 2,303 runners — the warning goes beside marathon predictions only."""
    assert riegel_caveat(42_195) == RIEGEL_MARATHON_CAVEAT
    assert "10 minutes too fast" in RIEGEL_MARATHON_CAVEAT
    assert riegel_caveat(21_097.5) is None
    assert riegel_caveat(10_000) is None


@settings(max_examples=100)
@given(
    st.floats(60, 20_000),
    st.floats(400, 50_000),
    st.floats(400, 100_000),
    st.floats(400, 100_000),
)
def test_riegel_is_monotone_in_distance(
    time_s: float, distance_m: float, shorter_m: float, longer_m: float
) -> None:
    """A longer race never predicts a faster time."""
    shorter_m, longer_m = sorted((shorter_m, longer_m))
    assert riegel_time_s(time_s, distance_m, shorter_m) <= riegel_time_s(
        time_s, distance_m, longer_m
    )


# --- VDOT -----------------------------------------------------------------------------------


def test_vdot_of_a_20_minute_5k() -> None:
    """Daniels & Gilbert 1979 (✔): v = 5,000/20 = 250 m/min.
    VO₂ = −4.60 + 0.182258·250 + 0.000104·250² = −4.60 + 45.5645 + 6.5 = 47.4645.
    %max = 0.8 + 0.1894393·e^(−0.25556) + 0.2989558·e^(−3.86521)
         = 0.8 + 0.1894393·0.774483 + 0.2989558·0.020959 = 0.952985.
    VDOT = 47.4645 / 0.952985 = 49.806 → 49.8."""
    assert vo2_at_velocity(250) == pytest.approx(47.4645)
    assert vdot(5000, 1200) == pytest.approx(49.806, abs=1e-3)
    assert round(vdot(5000, 1200), 1) == 49.8


def test_predict_time_inverts_vdot() -> None:
    """Solving VDOT(5 km, t) = 49.806 gives back 20:00."""
    assert predict_time_s(vdot(5000, 1200), 5000) == pytest.approx(1200, abs=0.01)


def test_a_higher_vdot_predicts_a_faster_race() -> None:
    assert predict_time_s(55, 10_000) < predict_time_s(50, 10_000)


@settings(max_examples=100, deadline=None)
@given(st.floats(400, 100_000), st.floats(2.5, 8.0))
def test_vdot_prediction_round_trips(distance_m: float, pace_min_per_km: float) -> None:
    """Predict t for d from the VDOT of (d, t): t comes back within 1 s."""
    time_s = distance_m / 1000 * pace_min_per_km * 60
    assert predict_time_s(vdot(distance_m, time_s), distance_m) == pytest.approx(time_s, abs=1.0)


def test_predict_time_rejects_a_vdot_no_one_runs() -> None:
    with pytest.raises(ValueError):
        predict_time_s(-10, 5000)


# --- training paces -------------------------------------------------------------------------


def test_velocity_at_vo2_solves_the_quadratic() -> None:
    """VO₂ = 44 (88 % of VDOT 50): 0.000104·v² + 0.182258·v − 48.6 = 0;
    discriminant = 0.182258² + 4·0.000104·48.6 = 0.0534356;
    v = (−0.182258 + √0.0534356) / 0.000208 = 235.112 m/min."""
    assert velocity_at_vo2(44.0) == pytest.approx(235.112, abs=1e-3)


@settings(max_examples=100)
@given(st.floats(50, 600))
def test_velocity_and_vo2_are_inverses(velocity_m_min: float) -> None:
    assert velocity_at_vo2(vo2_at_velocity(velocity_m_min)) == pytest.approx(velocity_m_min)


def test_threshold_pace_for_vdot_50() -> None:
    """Daniels (zones ⚠): T is 83–88 % VO₂max. Fast end: 60,000/235.112 = 255.2 s/km (4:15/km,
    as Daniels' table for VDOT 50). Zones are ordered easy (slowest) to R (fastest)."""
    paces = {pace.zone: pace for pace in training_paces(50)}
    assert paces["T"].fast_s_per_km == pytest.approx(255.197, abs=1e-2)
    assert list(paces) == ["E", "M", "T", "I", "R"]
    for pace in paces.values():
        assert pace.fast_s_per_km < pace.slow_s_per_km
    assert paces["E"].slow_s_per_km > paces["M"].slow_s_per_km > paces["I"].slow_s_per_km


# --- Cameron --------------------------------------------------------------------------------


def test_cameron_by_hand() -> None:
    """Cameron (Runalyze form ⚠): f(D) = 13.49681 − 0.000030363·D + 835.7114/D^0.7905.
    f(5,000) = 13.49681 − 0.151815 + 835.7114/839.529 = 14.340447;
    f(10,000) = 13.49681 − 0.30363 + 835.7114/1,452.112 = 13.768695;
    T = 1,200 · 2 · 14.340447/13.768695 = 2,499.66 s."""
    assert cameron_time_s(1200, 5000, 10_000) == pytest.approx(2499.66, abs=0.01)


# --- estimated 1RM --------------------------------------------------------------------------


def test_epley_and_brzycki_by_hand() -> None:
    """Epley: 100 · (1 + 5/30) = 116.67. Brzycki: 36 · 100/(37 − 5) = 112.5."""
    assert epley_1rm(100, 5) == pytest.approx(116.667, abs=1e-3)
    assert brzycki_1rm(100, 5) == pytest.approx(112.5)


def test_the_two_formulas_agree_at_ten_reps() -> None:
    """Epley 100·(1 + 10/30) = 133.33 = Brzycki 3,600/27."""
    assert epley_1rm(100, 10) == pytest.approx(brzycki_1rm(100, 10) or 0)
    assert epley_1rm(100, 10) == pytest.approx(133.333, abs=1e-3)


def test_no_estimate_past_ten_reps_and_a_single_is_its_own_max() -> None:
    assert epley_1rm(60, 11) is None
    assert brzycki_1rm(60, 15) is None
    assert epley_1rm(140, 1) == 140
    assert brzycki_1rm(140, 1) == 140
    with pytest.raises(ValueError):
        epley_1rm(100, 0)


# --- personal bests and predictions ---------------------------------------------------------


def test_personal_bests_take_the_fastest_per_distance() -> None:
    efforts = [
        Effort(5000, 1300, date(2023, 5, 1), BEST, activity_id=1),
        Effort(5010, 1260, date(2023, 6, 1), RACE, activity_id=2),  # a 5 km race, measured long
        Effort(10_000, 2700, date(2023, 7, 1), BEST, activity_id=3),
        Effort(7000, 1500, date(2023, 7, 1), BEST, activity_id=3),  # not a standard distance
        Effort(42_195, 12_246, date(2023, 10, 1), RACE, activity_id=4),
    ]
    pbs = personal_bests(efforts)
    assert [(pb.distance, pb.time_s, pb.source, pb.activity_id) for pb in pbs] == [
        ("5k", 1260, RACE, 2),
        ("10k", 2700, BEST, 3),
        ("marathon", 12_246, RACE, 4),
    ]
    assert pbs[0].distance_m == 5000.0


def test_a_tied_pb_belongs_to_whoever_ran_it_first() -> None:
    efforts = [
        Effort(1000, 200, date(2024, 3, 1), BEST, 9),
        Effort(1000, 200, date(2024, 1, 1), BEST, 5),
    ]
    assert personal_bests(efforts)[0].activity_id == 5


def test_reference_best_skips_short_efforts() -> None:
    """A 400 m or 1 km effort overstates endurance; the reference is the best VDOT at ≥ 3 km.
    5 km in 20:00 = VDOT 49.8 beats a 10 km in 45:00 (≈ 45.3)."""
    pbs = personal_bests(
        [
            Effort(1000, 180, date(2024, 1, 1), BEST, 1),
            Effort(5000, 1200, date(2024, 1, 2), RACE, 2),
            Effort(10_000, 2700, date(2024, 1, 3), RACE, 3),
        ]
    )
    best = reference_best(pbs)
    assert best is not None and best.activity_id == 2
    assert reference_best([pb for pb in pbs if pb.distance == "1k"]) is None


def test_predictions_from_a_marathon_pb() -> None:
    """The runner's 3:24:06 (12,246 s) marathon: both methods give it back for the marathon,
    and Riegel's 5 km is 12,246 · (5,000/42,195)^1.06 = 1,276.8 s."""
    pb = PersonalBest("marathon", 42_195, 12_246, date(2023, 10, 1), RACE, 4)
    predictions = {p.distance: p for p in predict_races(pb)}
    assert list(predictions) == ["5k", "10k", "half", "marathon"]
    assert predictions["marathon"].riegel_s == pytest.approx(12_246)
    assert predictions["marathon"].vdot_s == pytest.approx(12_246, abs=0.01)
    assert predictions["5k"].riegel_s == pytest.approx(1276.81, abs=0.01)
    assert predictions["5k"].vdot_s < predictions["10k"].vdot_s < predictions["half"].vdot_s


def test_effort_rejects_a_zero_time() -> None:
    with pytest.raises(ValueError, match="time_s"):
        Effort(5000, 0, date(2024, 1, 1), RACE)
