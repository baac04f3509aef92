from __future__ import annotations

from datetime import date

import pytest

from stridewell.domain.activities import BestEffort
from stridewell.domain.performance import vdot
from tests.cli.runner import Cli
from tests.services.training_rows import add_activity, at, database_at

PB_KEYS = {"distance", "distance_m", "time_s", "date", "source", "activity_id"}
PREDICTION_KEYS = {"distance", "distance_m", "riegel_s", "vdot_s"}


@pytest.fixture
def runner_cli(athlete_cli: Cli) -> Cli:
    """A half marathon raced in 1:40:00 on 2025-10-12 and a run with a 5 km best effort of
    22:30 on 2026-02-01 (activity 1)."""
    athlete_cli.ok("race", "add", "--name", "Half", "--date", "2025-10-12", "--distance", "half",
                   "--result", "1:40:00")  # fmt: skip
    with database_at(athlete_cli.env["STRIDEWELL_DATABASE_URL"]) as session:
        add_activity(session, 1, at(date(2026, 2, 1)), distance_m=8000, moving_s=2300,
                     best_efforts=[BestEffort(5000.0, "5k", 1350.0, 0.0)])  # fmt: skip
    return athlete_cli


def test_json_matches_the_contract(runner_cli: Cli) -> None:
    data = runner_cli.json("records")
    assert {"pbs", "predictions", "vdot"} <= set(data)
    assert [set(pb) for pb in data["pbs"]] == [PB_KEYS, PB_KEYS]
    pbs = [(pb["distance"], pb["source"], pb["activity_id"], pb["date"]) for pb in data["pbs"]]
    assert pbs == [
        ("5k", "best_effort", 1, "2026-02-01"),
        ("half", "race", None, "2025-10-12"),
    ]
    assert [set(p) for p in data["predictions"]] == [PREDICTION_KEYS] * 4
    assert [p["distance"] for p in data["predictions"]] == ["5k", "10k", "half", "marathon"]
    # The half (VDOT 45.1) beats the 5 km effort (43.4): it is the reference.
    assert data["vdot"] == pytest.approx(vdot(21097.5, 6000))
    half = data["predictions"][2]
    assert half["riegel_s"] == pytest.approx(6000) and half["vdot_s"] == pytest.approx(6000)
    assert [pace["zone"] for pace in data["paces"]] == ["E", "M", "T", "I", "R"]


def test_table_shows_pbs_predictions_the_marathon_caveat_and_paces(runner_cli: Cli) -> None:
    out = runner_cli.ok("records").stdout
    assert "Personal bests of Ada" in out and "0:22:30" in out and "1:40:00" in out
    assert "3:28:30" in out  # Riegel marathon: 6,000 · 2^1.06 = 12,509.6 s
    assert "too optimistic beyond the half marathon" in out
    assert "T (threshold)" in out


def test_no_results_yet(athlete_cli: Cli) -> None:
    data = athlete_cli.json("records")
    assert data["pbs"] == [] and data["predictions"] == [] and data["vdot"] is None
    assert "No personal bests" in athlete_cli.ok("records").stdout
