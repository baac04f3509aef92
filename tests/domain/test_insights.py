"""Insights: strength adherence, injury incidence, the quad-vs-glute index, e1RM, hard sets and
left/right balance. Expected numbers are worked by hand; the arithmetic is in each docstring."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stridewell.domain.insights import (
    AdherenceRule,
    QuadGlutePoint,
    RunExposure,
    adherence_start,
    e1rm_progression,
    hard_sets_per_muscle,
    injury_incidence,
    is_hard_set,
    quad_glute_points,
    side_balance,
    weekly_quad_glute,
)
from stridewell.domain.strength_log import (
    SetEntry,
    SorenessContext,
    SorenessEntry,
    StrengthSession,
)
from stridewell.domain.vocab import Muscle, Region, Side

POST_RUN, POST_RACE, MORNING = (
    SorenessContext.POST_RUN,
    SorenessContext.POST_RACE,
    SorenessContext.MORNING,
)
L, R, BOTH = Side.LEFT, Side.RIGHT, Side.BOTH
MONDAY = date(2026, 1, 5)


def week(n: int, day: int = 0) -> date:
    """Day `day` (0 = Monday) of the n-th week after MONDAY."""
    return MONDAY + timedelta(weeks=n, days=day)


def sessions_in(*weeks: tuple[int, int]) -> list[date]:
    """(week number, sessions that week) → session dates, Tuesday, Thursday, Saturday…"""
    return [week(n, 1 + 2 * i) for n, count in weeks for i in range(count)]


# --- adherence ------------------------------------------------------------------------------


def test_adherence_starts_at_the_first_week_of_a_qualifying_six_weeks() -> None:
    """Weeks 0..5 with 2, 1, 2, 2, 0, 2 sessions: weeks 0, 2, 3, 5 reach 2 — 4 of 6, so
    adherence begins in week 0. A lone good week earlier (week −5, whose six weeks reach
    week 0 only: 2 of 6) does not start it."""
    dates = sessions_in((-5, 2), (0, 2), (1, 1), (2, 2), (3, 2), (4, 0), (5, 2))
    assert adherence_start(dates) == MONDAY


def test_three_good_weeks_in_six_are_not_adherence() -> None:
    dates = sessions_in((0, 2), (1, 1), (2, 2), (3, 2), (5, 1), (6, 2))
    # week 0: weeks 0,2,3 → 3; week 2: 2,3,6 → 3; week 3: 3,6 → 2; week 6: 1.
    assert adherence_start(dates) is None


def test_adherence_waits_for_the_rule_it_is_given() -> None:
    dates = sessions_in((0, 2), (1, 3), (2, 3), (3, 3), (4, 3))
    assert adherence_start(dates) == week(0)
    # 3 a week in 4 of 6 weeks: weeks 1–4 have 3, so adherence begins in week 1.
    assert adherence_start(dates, AdherenceRule(3, 4, 6)) == week(1)
    assert adherence_start(dates, AdherenceRule(3, 5, 6)) is None


def test_recent_adherence_is_recognised_before_six_weeks_have_passed() -> None:
    """Four adherent weeks are enough; the two weeks still to come cannot undo them."""
    assert adherence_start(sessions_in((0, 2), (1, 2), (2, 2), (3, 2))) == week(0)


def test_a_sunday_session_belongs_to_the_week_that_began_on_monday() -> None:
    sunday = week(0, 6)
    dates = [week(0, 0), sunday, *sessions_in((1, 2), (2, 2), (3, 2))]
    assert adherence_start(dates) == week(0)
    # Without the Sunday, week 0 has one session; adherence begins in week 1 — but weeks 1–3
    # are only 3, so not at all.
    assert adherence_start([week(0, 0), *sessions_in((1, 2), (2, 2), (3, 2))]) is None


def test_impossible_rules_are_refused() -> None:
    with pytest.raises(ValueError, match="min_weeks"):
        AdherenceRule(2, 7, 6)
    with pytest.raises(ValueError, match="at least one session"):
        AdherenceRule(0, 4, 6)


# --- injury incidence -----------------------------------------------------------------------

START = date(2025, 1, 6)
AS_OF = date(2025, 12, 31)


def _runs() -> list[RunExposure]:
    """10 one-hour runs before 2025-06-02 (10 h), 40 half-hour runs from it on (20 h)."""
    before = [RunExposure(START + timedelta(days=3 * i), 3600.0) for i in range(10)]
    after = [RunExposure(date(2025, 6, 2) + timedelta(days=2 * i), 1800.0) for i in range(40)]
    return before + after


def test_incidence_per_1000_hours_before_and_after_adherence() -> None:
    """Before: 2 injuries in 10 h = 200 per 1000 h. After (from 2025-06-02, the adherence
    start, included): 1 injury in 20 h = 50 per 1000 h. Rate ratio 50 / 200 = 0.25.
    An injury before the first run (2024-11-01) has no running time to set against: excluded.
    One after as-of is ignored."""
    onsets = [date(2024, 11, 1), date(2025, 2, 1), date(2025, 6, 1), date(2025, 6, 2),
              date(2026, 1, 10)]  # fmt: skip
    result = injury_incidence(_runs(), onsets, date(2025, 6, 2), AS_OF)
    assert (result.before.start, result.before.end) == (START, date(2025, 6, 1))
    assert (result.before.injuries, result.before.run_hours) == (2, 10.0)
    assert result.before.per_1000h == pytest.approx(200.0)
    assert (result.after.start, result.after.end) == (date(2025, 6, 2), AS_OF)
    assert (result.after.injuries, result.after.run_hours) == (1, 20.0)
    assert result.after.per_1000h == pytest.approx(50.0)
    assert result.rate_ratio == pytest.approx(0.25)
    assert result.excluded_injuries == 1
    assert "1000" in result.definition and "≥ 2 strength sessions" in result.definition


def test_without_adherence_everything_is_before() -> None:
    result = injury_incidence(_runs(), [date(2025, 3, 3)], None, AS_OF)
    assert result.before.run_hours == pytest.approx(30.0)
    assert result.before.per_1000h == pytest.approx(1000 / 30)
    assert result.after.run_hours == 0.0 and result.after.per_1000h is None
    assert result.after.start is None and result.rate_ratio is None


def test_no_runs_means_no_rate() -> None:
    result = injury_incidence([], [date(2025, 3, 3)], date(2025, 6, 2), AS_OF)
    assert result.before.per_1000h is None and result.after.per_1000h is None
    assert result.excluded_injuries == 1


@settings(max_examples=50, deadline=None)
@given(st.randoms(use_true_random=False))
def test_incidence_does_not_depend_on_the_order_of_runs_or_injuries(rng: random.Random) -> None:
    runs = _runs()
    onsets = [date(2025, 2, 1), date(2025, 6, 1), date(2025, 7, 9), date(2025, 9, 9)]
    expected = injury_incidence(runs, onsets, date(2025, 6, 2), AS_OF)
    rng.shuffle(runs)
    rng.shuffle(onsets)
    assert injury_incidence(runs, onsets, date(2025, 6, 2), AS_OF) == expected


# --- quad-vs-glute index --------------------------------------------------------------------


def sore(day: date, context: SorenessContext, region: Region, score: int, side: Side = BOTH
         ) -> SorenessEntry:  # fmt: skip
    return SorenessEntry(date=day, context=context, region=region, score=score, side=side)


def test_quad_glute_index_by_hand() -> None:
    """Monday post-run: quads L 6, R 4 → worst 6; glutes 2 → 6 / (6 + 2) = 0.75 (calves are
    not part of it). The same morning's quads 3 are not post-run: ignored. Thursday post-race:
    glutes 3 only → quads 0 → 0.0. Saturday: both 0 → no index.
    Week: quad (6 + 0 + 0) / 3 = 2, glute (2 + 3 + 0) / 3 = 5/3, index (0.75 + 0) / 2 = 0.375."""
    monday, thursday, saturday = week(0), week(0, 3), week(0, 5)
    entries = [
        sore(monday, POST_RUN, Region.QUAD, 6, L),
        sore(monday, POST_RUN, Region.QUAD, 4, R),
        sore(monday, POST_RUN, Region.GLUTE, 2),
        sore(monday, POST_RUN, Region.CALF, 5),
        sore(monday, MORNING, Region.QUAD, 3),
        sore(thursday, POST_RACE, Region.GLUTE, 3),
        sore(saturday, POST_RUN, Region.QUAD, 0),
        sore(saturday, POST_RUN, Region.GLUTE, 0),
        sore(week(1), POST_RUN, Region.CALF, 7),  # no quads or glutes: no point
    ]
    points = quad_glute_points(reversed(entries))
    assert [(p.date, p.quad, p.glute, p.index) for p in points] == [
        (monday, 6, 2, 0.75),
        (thursday, 0, 3, 0.0),
        (saturday, 0, 0, None),
    ]
    (summary,) = weekly_quad_glute(points)
    assert (summary.week_start, summary.entries) == (monday, 3)
    assert summary.quad == pytest.approx(2.0)
    assert summary.glute == pytest.approx(5 / 3)
    assert summary.index == pytest.approx(0.375)


@given(st.integers(0, 10), st.integers(0, 10))
def test_the_index_stays_between_0_and_1(quad: int, glute: int) -> None:
    index = QuadGlutePoint(MONDAY, POST_RUN, quad, glute).index
    if quad + glute == 0:
        assert index is None
    else:
        assert index is not None and 0.0 <= index <= 1.0
        assert (index == 1.0) == (glute == 0)


# --- strength: e1RM, hard sets, balance -----------------------------------------------------


def lift(slug: str, reps: int | None = None, kg: float | None = None, side: Side = BOTH,
         rpe: float | None = None, hold_s: int | None = None) -> SetEntry:  # fmt: skip
    return SetEntry(slug, side=side, reps=reps, load_kg=kg, hold_s=hold_s, rpe=rpe)


def test_e1rm_progression_by_hand() -> None:
    """Epley / Brzycki (docs/science.md#epley_brzycki). Week 0: 5 × 80 kg → Epley
    80 · (1 + 5/30) = 93.33, Brzycki 36 · 80 / 32 = 90.0; 12 × 60 kg is past 10 reps and a
    body-weight set has no load: neither counts. Week 1: 3 × 90 kg → 99.0 and
    36 · 90 / 34 = 95.29; a single of 92 kg is its own 1RM (92, below 99).
    Change: (99 − 93.33) / 93.33 = +6.07 %."""
    sessions = [
        StrengthSession(week(1), (lift("back-squat", 3, 90.0), lift("back-squat", 1, 92.0))),
        StrengthSession(week(0), (lift("back-squat", 12, 60.0), lift("back-squat", 5, 80.0),
                                  lift("back-squat", 10))),  # fmt: skip
    ]
    (series,) = e1rm_progression(sessions)
    assert series.exercise_slug == "back-squat"
    first, latest = series.points
    assert (first.date, first.load_kg, first.reps) == (week(0), 80.0, 5)
    assert first.e1rm_kg == pytest.approx(93.3333, abs=1e-4)
    assert first.brzycki_kg == pytest.approx(90.0)
    assert (latest.date, latest.load_kg, latest.reps) == (week(1), 90.0, 3)
    assert latest.e1rm_kg == pytest.approx(99.0)
    assert latest.brzycki_kg == pytest.approx(95.2941, abs=1e-4)
    assert series.best == latest
    assert series.change_pct == pytest.approx(6.0714, abs=1e-4)


def test_hard_sets_per_muscle_by_hand() -> None:
    """Split squat (primary quadriceps, gluteus maximus; secondary adductors, gluteus medius),
    one set left and one right at RPE 8: each side counts ½ → quads 1, glute max 1, adductors
    ½, glute med ½. Clamshell without RPE (a working set, primary glute med and external
    rotators; secondary glute max and min): +1 glute med, +1 rotators, +½ glute max, +½ glute
    min. A set at RPE 6 is not hard; an unknown exercise is reported, not counted."""
    session = StrengthSession(
        week(0, 2),
        (
            lift("split-squat", 10, 20.0, L, rpe=8),
            lift("split-squat", 10, 20.0, R, rpe=8),
            lift("clamshell", 15),
            lift("back-squat", 5, 60.0, rpe=6),
            lift("zercher-squat", 5, 60.0, rpe=9),
        ),
    )
    volume = hard_sets_per_muscle([session])
    assert [(row.week_start, row.muscle, row.hard_sets) for row in volume.weeks] == [
        (week(0), Muscle.GLUTEUS_MAXIMUS, 1.5),
        (week(0), Muscle.GLUTEUS_MEDIUS, 1.5),
        (week(0), Muscle.GLUTEUS_MINIMUS, 0.5),
        (week(0), Muscle.HIP_EXTERNAL_ROTATORS, 1.0),
        (week(0), Muscle.ADDUCTORS, 0.5),
        (week(0), Muscle.QUADRICEPS, 1.0),
    ]
    assert volume.unknown_exercises == ("zercher-squat",)


def test_a_hard_set_is_rpe_7_or_any_unrated_working_set() -> None:
    assert is_hard_set(lift("plank", hold_s=30))
    assert is_hard_set(lift("back-squat", 5, 60.0, rpe=7))
    assert not is_hard_set(lift("back-squat", 5, 60.0, rpe=6.5))


def test_hard_sets_are_counted_per_week() -> None:
    sessions = [
        StrengthSession(week(0, 1), (lift("hip-thrust", 8, 60.0),)),
        StrengthSession(week(0, 4), (lift("hip-thrust", 8, 60.0),)),
        StrengthSession(week(1, 1), (lift("hip-thrust", 8, 60.0),)),
    ]
    glute_max = [row for row in hard_sets_per_muscle(sessions).weeks
                 if row.muscle == Muscle.GLUTEUS_MAXIMUS]  # fmt: skip
    assert [(row.week_start, row.hard_sets) for row in glute_max] == [(week(0), 2.0),
                                                                       (week(1), 1.0)]


def test_left_right_balance_by_hand() -> None:
    """Single-leg RDL: left 3 × 10 × 24 kg = 720 kg, right 3 × 10 × 20 = 600 → 600/720 =
    0.833 < 0.9: flagged, right weaker; e1RM 24 · (1 + 10/30) = 32 vs 26.67 → 0.833.
    Split squat: left 3 × 8 × 20 = 480, right 2 × 8 × 20 + 8 × 16 = 448 → 0.933, e1RM equal
    (25.33 both): not flagged; the right did less. Clamshell (body weight): reps 30 vs 27
    → exactly 0.9: not flagged. Side plank held 30 s vs 20 s → 0.667: flagged. Copenhagen
    plank logged on the left only: ratio 0, flagged. Sets on both sides are not compared."""
    sets = (
        *(lift("single-leg-rdl", 10, 24.0, L) for _ in range(3)),
        *(lift("single-leg-rdl", 10, 20.0, R) for _ in range(3)),
        *(lift("split-squat", 8, 20.0, L) for _ in range(3)),
        lift("split-squat", 8, 20.0, R), lift("split-squat", 8, 20.0, R),
        lift("split-squat", 8, 16.0, R),
        lift("clamshell", 15, side=L), lift("clamshell", 15, side=L),
        lift("clamshell", 15, side=R), lift("clamshell", 12, side=R),
        lift("side-plank", side=L, hold_s=30), lift("side-plank", side=R, hold_s=20),
        lift("copenhagen-plank", side=L, hold_s=20),
        lift("back-squat", 5, 80.0),
    )  # fmt: skip
    rows = {row.exercise_slug: row for row in side_balance([StrengthSession(week(0), sets)])}
    assert sorted(rows) == ["clamshell", "copenhagen-plank", "side-plank", "single-leg-rdl",
                            "split-squat"]  # fmt: skip

    rdl = rows["single-leg-rdl"]
    assert (rdl.measure, rdl.left_volume, rdl.right_volume) == ("tonnage_kg", 720.0, 600.0)
    assert rdl.volume_ratio == pytest.approx(600 / 720)
    assert rdl.left_e1rm_kg == pytest.approx(32.0)
    assert rdl.e1rm_ratio == pytest.approx(20 / 24)
    assert rdl.weaker_side == R and rdl.flagged

    split = rows["split-squat"]
    assert (split.left_volume, split.right_volume) == (480.0, 448.0)
    assert split.volume_ratio == pytest.approx(448 / 480)
    assert split.e1rm_ratio == pytest.approx(1.0)
    assert split.weaker_side == R and not split.flagged

    clam = rows["clamshell"]
    assert (clam.measure, clam.volume_ratio, clam.e1rm_ratio) == ("reps", 0.9, None)
    assert not clam.flagged

    plank = rows["side-plank"]
    assert plank.measure == "hold_s" and plank.weaker_side == R and plank.flagged
    copenhagen = rows["copenhagen-plank"]
    assert copenhagen.volume_ratio == 0.0 and copenhagen.weaker_side == R and copenhagen.flagged
