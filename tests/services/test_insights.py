"""Insights through the store, on both databases. Numbers worked by hand in the docstrings."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.athletes import Injury, ValidationError
from stridewell.domain.insights import (
    AdherenceRule,
    adherence_start,
    e1rm_progression,
    hard_sets_per_muscle,
    quad_glute_points,
    side_balance,
    weekly_quad_glute,
)
from stridewell.domain.load import week_start_of
from stridewell.domain.vocab import Region, Side
from stridewell.services.athletes import get_athlete
from stridewell.services.insights import insights, insights_to_dict
from stridewell.services.load import read_activities
from stridewell.store.repositories import InjuryRepository
from stridewell.store.repositories.analytics import AnalyticsRepository
from tests.services.training_rows import (
    SetRow,
    add_activity,
    add_athlete,
    add_soreness,
    add_strength,
    at,
)

BRIDGE = [("glute-bridge", "both", 10, None, None, None)]


def _record(session: Session) -> int:
    """Runs: 10 × 1 h from 2025-09-01, every 3 days (10 h); 40 × 30 min from 2025-11-03, every
    2 days (20 h); a 5 h bike ride (not running). Strength: one session a week in September
    (never adherent); from Monday 2025-11-03 weeks with 2, 2, 1, 2, 2, 2 sessions: 5 of 6
    weeks reach 2, so adherence begins 2025-11-03. Injuries: 2024-05-01 (before the first
    run: excluded), 2025-10-01 (before), 2025-12-15 (after)."""
    athlete_id = add_athlete(session)
    for i in range(10):
        add_activity(session, athlete_id, at(date(2025, 9, 1) + timedelta(days=3 * i)),
                     distance_m=10_000, moving_s=3600)  # fmt: skip
    for i in range(40):
        add_activity(session, athlete_id, at(date(2025, 11, 3) + timedelta(days=2 * i), 18),
                     distance_m=5000, moving_s=1800)  # fmt: skip
    add_activity(session, athlete_id, at(date(2025, 10, 5)), distance_m=150_000,
                 moving_s=18_000, sport="cycling")  # fmt: skip
    for day in (date(2025, 9, 2), date(2025, 9, 9), date(2025, 9, 16)):
        add_strength(session, athlete_id, day, duration_s=1800, rpe=5, sets=BRIDGE)
    monday = date(2025, 11, 3)
    for week, count in enumerate((2, 2, 1, 2, 2, 2)):
        for i in range(count):
            add_strength(session, athlete_id, monday + timedelta(weeks=week, days=1 + 2 * i),
                         duration_s=1800, rpe=6, sets=BRIDGE)  # fmt: skip
    repository = InjuryRepository(session)
    for onset in (date(2024, 5, 1), date(2025, 10, 1), date(2025, 12, 15)):
        repository.add(athlete_id, Injury(Region.HIP, Side.LEFT, onset, severity=4,
                                          resolved=onset + timedelta(days=20)))  # fmt: skip
    return athlete_id


def test_injury_incidence_before_and_after_adherence(session: Session, today: date) -> None:
    """Before: 1 injury in 10 h = 100 per 1000 h; after: 1 in 20 h = 50 per 1000 h; ratio
    0.5. The bike ride adds no running hours; the 2024 injury is excluded."""
    athlete_id = _record(session)
    incidence = insights_to_dict(insights(session, athlete_id, today))["injury_incidence"]
    assert incidence["adherence_start"] == "2025-11-03"
    assert incidence["before"] == {"start": "2025-09-01", "end": "2025-11-02", "injuries": 1,
                                   "run_hours": 10.0, "per_1000h": 100.0}  # fmt: skip
    assert incidence["after"] == {"start": "2025-11-03", "end": "2026-03-11", "injuries": 1,
                                  "run_hours": 20.0, "per_1000h": 50.0}  # fmt: skip
    assert incidence["rate_ratio"] == pytest.approx(0.5)
    assert incidence["excluded_injuries"] == 1
    assert incidence["rule"] == {"min_sessions_per_week": 2, "min_weeks": 4, "window_weeks": 6}
    assert "not proof" in incidence["caveat"]


def test_the_adherence_rule_is_a_parameter(session: Session, today: date) -> None:
    """Three sessions a week never happened: no adherence, so all 30 h and both injuries are
    'before' (2 / 30 h = 66.7 per 1000 h)."""
    athlete_id = _record(session)
    result = insights(session, athlete_id, today, rule=AdherenceRule(3, 4, 6))
    assert result.incidence.adherence_start is None
    assert result.incidence.before.injuries == 2
    assert result.incidence.before.per_1000h == pytest.approx(2000 / 30)
    assert result.incidence.after.per_1000h is None
    # Looking back from 2025-11-20, only two adherent weeks had passed — but four were needed.
    early = insights(session, athlete_id, today, as_of=date(2025, 11, 20))
    assert early.incidence.adherence_start is None


def test_quad_glute_index_per_log_and_by_week(session: Session, today: date) -> None:
    """2025-09-20 post-run: quads left 7, right 5 → 7; glutes 1 → 7 / 8 = 0.875. Its morning
    quads 4 do not count. 2026-02-01 post-race: quads 3, glutes 3 → 0.5. Weeks: 2025-09-15
    and 2026-01-26 (2026-02-01 is a Sunday)."""
    athlete_id = add_athlete(session)
    add_soreness(session, athlete_id, date(2025, 9, 20), "post_run",
                 {("quad", "left"): 7, ("quad", "right"): 5, ("glute", "both"): 1})  # fmt: skip
    add_soreness(session, athlete_id, date(2025, 9, 20), "morning", {("quad", "both"): 4})
    add_soreness(session, athlete_id, date(2026, 2, 1), "post_race",
                 {("quad", "both"): 3, ("glute", "both"): 3, ("calf", "left"): 6})  # fmt: skip
    data = insights_to_dict(insights(session, athlete_id, today))
    assert data["soreness_index"] == [
        {"date": "2025-09-20", "context": "post_run", "quad": 7, "glute": 1, "index": 0.875},
        {"date": "2026-02-01", "context": "post_race", "quad": 3, "glute": 3, "index": 0.5},
    ]
    assert [(w["week"], w["entries"], w["index"]) for w in data["soreness_index_weekly"]] == [
        ("2025-09-15", 1, 0.875),
        ("2026-01-26", 1, 0.5),
    ]
    assert "our own construct" in data["soreness_index_definition"].lower()


def test_strength_progression_volume_and_balance(session: Session, today: date) -> None:
    """e1RM (Epley): back squat 5 × 80 kg on 2025-11-04 → 93.33; 3 × 90 on 2026-03-09 → 99.0
    (+6.07 %). Hard sets, week of 2026-01-05: a glute bridge without RPE → glute max 1,
    hamstrings and glute med ½. Week of 2026-03-09: back squat at RPE 8 (RPE 5 set not hard)
    and split squat left and right at RPE 8 (½ each): quads 1 + ½ + ½ = 2, glute max 2,
    adductors ½ + ¼ + ¼ = 1, glute med ½, hamstrings ½, erector spinae ½. Balance since
    2026-01-15: split squat left 8 × 20 = 160 kg, right 8 × 16 = 128 → 0.8, flagged, right
    weaker (e1RM 25.33 vs 20.27, also 0.8)."""
    athlete_id = add_athlete(session)
    add_strength(session, athlete_id, date(2025, 11, 4), rpe=7, duration_s=2400,
                 sets=[("back-squat", "both", 5, 80.0, None, 8)])  # fmt: skip
    add_strength(session, athlete_id, date(2026, 1, 5), sets=BRIDGE)
    add_strength(session, athlete_id, date(2026, 3, 9), rpe=8, duration_s=3000, sets=[
        ("back-squat", "both", 3, 90.0, None, 8),
        ("back-squat", "both", 5, 60.0, None, 5),
        ("split-squat", "L", 8, 20.0, None, 8),
        ("split-squat", "R", 8, 16.0, None, 8),
    ])  # fmt: skip
    strength = insights_to_dict(insights(session, athlete_id, today))["strength"]

    squat = next(s for s in strength["e1rm"] if s["exercise"] == "back-squat")
    assert [(p["date"], round(p["e1rm_kg"], 2)) for p in squat["points"]] == [
        ("2025-11-04", 93.33), ("2026-03-09", 99.0)]  # fmt: skip
    assert squat["name"] == "Barbell back squat"  # the library name
    assert squat["change_pct"] == pytest.approx(6.0714, abs=1e-4)

    sets = {(r["week_start"], r["muscle"]): r["hard_sets"]
            for r in strength["hard_sets_per_muscle"]}  # fmt: skip
    assert sets == {
        ("2026-01-05", "gluteus_maximus"): 1.0,
        ("2026-01-05", "gluteus_medius"): 0.5,
        ("2026-01-05", "hamstrings"): 0.5,
        ("2026-03-09", "gluteus_maximus"): 2.0,
        ("2026-03-09", "gluteus_medius"): 0.5,
        ("2026-03-09", "adductors"): 1.0,
        ("2026-03-09", "quadriceps"): 2.0,
        ("2026-03-09", "hamstrings"): 0.5,
        ("2026-03-09", "erector_spinae"): 0.5,
    }
    assert strength["hard_sets_since"] == "2025-12-22"  # 12 weeks including this one

    (balance,) = strength["balance"]
    assert balance["exercise"] == "split-squat" and balance["measure"] == "tonnage_kg"
    assert (balance["left"], balance["right"]) == (160.0, 128.0)
    assert balance["volume_ratio"] == pytest.approx(0.8)
    assert balance["e1rm_ratio"] == pytest.approx(0.8)
    assert balance["weaker_side"] == "right" and balance["flag"] is True
    assert "right side is at volume 80 %" in balance["message"]


def test_json_has_the_documented_shape(session: Session, today: date) -> None:
    athlete_id = _record(session)
    data = insights_to_dict(insights(session, athlete_id, today))
    assert {"injury_incidence", "soreness_index", "strength"} <= set(data)
    incidence = data["injury_incidence"]
    assert {"before", "after", "adherence_start", "definition"} <= set(incidence)
    for period in ("before", "after"):
        assert {"injuries", "run_hours", "per_1000h"} <= set(incidence[period])
    assert {"e1rm", "hard_sets_per_muscle", "balance"} <= set(data["strength"])


def test_an_empty_record_has_nothing_to_say(session: Session, today: date) -> None:
    athlete_id = add_athlete(session)
    data = insights_to_dict(insights(session, athlete_id, today))
    assert data["injury_incidence"]["adherence_start"] is None
    assert data["injury_incidence"]["before"]["per_1000h"] is None
    assert data["soreness_index"] == [] and data["strength"]["e1rm"] == []


def test_bad_requests_are_refused(session: Session, today: date) -> None:
    athlete_id = add_athlete(session)
    with pytest.raises(ValidationError, match="in the future"):
        insights(session, athlete_id, today, as_of=today + timedelta(days=1))
    with pytest.raises(ValidationError, match="at least 1"):
        insights(session, athlete_id, today, balance_weeks=0)


def test_narrow_reads_give_what_every_session_and_score_would(
    session: Session, today: date
) -> None:
    """Insights read session dates, the sets an e1RM can come from, the last weeks' sets and
    the post-run quad and glute scores, not everything: on a varied year of records the
    result is that of the domain functions over every session, set and score (ties on the
    same day included, between sets and between two sessions of a day), and the same again
    with activities read beforehand."""
    rng = random.Random(11)
    athlete_id = add_athlete(session)
    exercises = ["romanian-deadlift", "split-squat", "side-plank", "clamshell", "mystery-lift"]
    first = today - timedelta(days=365)
    for i in range(120):
        day = first + timedelta(days=3 * i)
        add_activity(session, athlete_id, at(day, rng.randrange(0, 24)), distance_m=8000,
                     moving_s=rng.choice([0, 2400, 3000]), tz_offset_s=rng.choice([None, 36_000]),
                     sport=rng.choice(["running", "trail_running", "cycling"]))  # fmt: skip
        sets: list[SetRow] = [
            (rng.choice(exercises), rng.choice(["L", "R", "both"]),
             rng.choice([None, 1, 5, 8, 10, 12]), rng.choice([None, 0.0, 20.0, 40.0, 60.0]),
             rng.choice([None, 30]), rng.choice([None, 6.0, 7.0, 9.0]))
            for _ in range(rng.randrange(0, 6))
        ]  # fmt: skip
        sets = [s if s[2] is not None or s[4] is not None else (*s[:4], 20, s[5]) for s in sets]
        other = {"L": "R", "R": "L", "both": "L"}
        if sets:  # the first set again on the other side: a tie within the session
            sets.append((sets[0][0], other[sets[0][1]], *sets[0][2:]))
        add_strength(session, athlete_id, day + timedelta(days=1), rpe=rng.choice([None, 6.0]),
                     duration_s=2400, sets=sets)  # fmt: skip
        if i % 4 == 0:  # a second session that day: the same sets, on the other side
            add_strength(session, athlete_id, day + timedelta(days=1),
                         sets=[(s[0], other[s[1]], *s[2:]) for s in sets])  # fmt: skip
        add_soreness(session, athlete_id, day, rng.choice(["post_run", "post_race", "morning"]),
                     {(rng.choice(["quad", "glute", "calf"]), rng.choice(["left", "both"])):
                      rng.randrange(0, 8)})  # fmt: skip
    repository = AnalyticsRepository(session)
    every = repository.strength_sessions(athlete_id, end=today)
    hard_since = week_start_of(today) - timedelta(weeks=11)
    balance_since = today - timedelta(days=7 * 8 - 1)
    points = quad_glute_points(repository.soreness(athlete_id, end=today))
    found = insights(session, athlete_id, today)
    assert found.e1rm == e1rm_progression(every)
    assert found.hard_sets == hard_sets_per_muscle(s for s in every if s.date >= hard_since)
    assert found.balance == side_balance(s for s in every if s.date >= balance_since)
    assert found.soreness == points and found.soreness_weekly == weekly_quad_glute(points)
    assert found.incidence.adherence_start == adherence_start(s.date for s in every)
    assert found.e1rm and found.hard_sets.weeks and found.balance and found.soreness
    shared = read_activities(session, get_athlete(session, athlete_id), today)
    assert insights_to_dict(insights(session, athlete_id, today, activities=shared)) == (
        insights_to_dict(found)
    )
