from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.cli.runner import Cli
from tests.services.training_rows import (
    add_activity,
    add_soreness,
    add_strength,
    at,
    database_at,
)

MONDAY = date(2026, 1, 5)


@pytest.fixture
def gym_cli(athlete_cli: Cli) -> Cli:
    """Athlete 1: a 1 h run every 4 days from 2025-12-01 (25 runs, 25 h); strength twice a week
    for the 6 weeks from Monday 2026-01-05 (back squat 5 × 80 kg, then 5 × 85 from week 4;
    split squat left 8 × 20 kg, right 8 × 16); a knee injury on 2025-12-20; post-run soreness
    quads 6 / glutes 2 on 2025-12-14 and quads 2 / glutes 4 on 2026-02-15."""
    athlete_cli.ok("injury", "add", "--region", "knee", "--side", "left", "--onset",
                   "2025-12-20", "--resolved", "2026-01-02", "--severity", "4")  # fmt: skip
    with database_at(athlete_cli.env["STRIDEWELL_DATABASE_URL"]) as session:
        for i in range(25):
            add_activity(session, 1, at(date(2025, 12, 1) + timedelta(days=4 * i)),
                         distance_m=10_000, moving_s=3600)  # fmt: skip
        for week in range(6):
            kg = 80.0 if week < 3 else 85.0
            for day in (1, 4):
                add_strength(session, 1, MONDAY + timedelta(weeks=week, days=day),
                             duration_s=2700, rpe=7, sets=[
                                 ("back-squat", "both", 5, kg, None, 8),
                                 ("split-squat", "L", 8, 20.0, None, 8),
                                 ("split-squat", "R", 8, 16.0, None, 8),
                             ])  # fmt: skip
        add_soreness(session, 1, date(2025, 12, 14), "post_run",
                     {("quad", "both"): 6, ("glute", "both"): 2})  # fmt: skip
        add_soreness(session, 1, date(2026, 2, 15), "post_run",
                     {("quad", "both"): 2, ("glute", "both"): 4})  # fmt: skip
    return athlete_cli


def test_json_has_the_documented_shape_and_numbers(gym_cli: Cli) -> None:
    """Runs on 2025-12-01 + 4k days: 9 before 2026-01-05 (12-01 … 01-02), 16 from it on. The
    injury (12-20) falls before: 1 / 9 h = 111.1 per 1000 h; after: 0 / 16 h = 0."""
    data = gym_cli.json("insights")
    assert {"injury_incidence", "soreness_index", "strength"} <= set(data)
    incidence = data["injury_incidence"]
    assert incidence["adherence_start"] == "2026-01-05"
    assert (incidence["before"]["injuries"], incidence["before"]["run_hours"]) == (1, 9.0)
    assert incidence["before"]["per_1000h"] == pytest.approx(1000 / 9)
    assert (incidence["after"]["injuries"], incidence["after"]["run_hours"]) == (0, 16.0)
    assert incidence["after"]["per_1000h"] == 0.0
    assert isinstance(incidence["definition"], str)

    assert [(p["date"], p["index"]) for p in data["soreness_index"]] == [
        ("2025-12-14", 0.75), ("2026-02-15", pytest.approx(1 / 3))]  # fmt: skip
    assert {"week", "quad", "glute", "index"} <= set(data["soreness_index_weekly"][0])

    strength = data["strength"]
    squat = next(s for s in strength["e1rm"] if s["exercise"] == "back-squat")
    assert squat["points"][0]["e1rm_kg"] == pytest.approx(80 * (1 + 5 / 30))
    assert squat["latest_kg"] == pytest.approx(85 * (1 + 5 / 30))
    quads = [row for row in strength["hard_sets_per_muscle"] if row["muscle"] == "quadriceps"]
    # Each session: squat 1 + split squat ½ + ½ = 2 quad sets; two sessions a week → 4.
    assert [row["hard_sets"] for row in quads] == [4.0] * 6
    (balance,) = strength["balance"]
    assert balance["weaker_side"] == "right" and balance["flag"] is True


def test_the_adherence_rule_can_be_changed(gym_cli: Cli) -> None:
    strict = gym_cli.json("insights", "--adherence-sessions", "3")
    assert strict["injury_incidence"]["adherence_start"] is None
    assert strict["injury_incidence"]["rule"]["min_sessions_per_week"] == 3
    loose = gym_cli.json("insights", "--adherence-weeks", "6", "--adherence-window", "6")
    assert loose["injury_incidence"]["adherence_start"] == "2026-01-05"


def test_table_shows_each_insight_in_words(gym_cli: Cli) -> None:
    out = gym_cli.ok("insights").stdout
    assert "Injuries per 1000 h of running" in out and "111.1" in out
    assert "Strength adherence began the week of 2026-01-05" in out
    assert "Quad-vs-glute soreness index by week" in out and "0.75" in out
    assert "Estimated 1RM" in out and "Barbell back squat" in out
    assert "Hard sets per muscle per week" in out and "quadriceps" in out
    assert "right side is at volume 80 %" in out


def test_bad_input_exits_1_with_one_line(athlete_cli: Cli) -> None:
    assert "adherence rule" in athlete_cli.error("insights", "--adherence-weeks", "7")
    assert "is not a date" in athlete_cli.error("insights", "--as-of", "soon")


def test_an_empty_record(athlete_cli: Cli) -> None:
    data = athlete_cli.json("insights")
    assert data["injury_incidence"]["adherence_start"] is None
    assert data["soreness_index"] == [] and data["strength"]["balance"] == []
    assert "has not begun yet" in athlete_cli.ok("insights").stdout
