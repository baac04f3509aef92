"""`stridewell plan adherence` and `stridewell plan regenerate` (today: Wednesday 11 March 2026)."""

from __future__ import annotations

from typing import Any

from tests.cli.runner import Cli

ADHERENCE_KEYS = {
    "week_start", "phase", "planned_run_km", "done_run_km", "planned_runs", "done_runs",
    "planned_strength", "done_strength", "run_pct", "strength_pct",
}  # fmt: skip


def _sessions(plan: dict[str, Any], kind: str, week: int = 0) -> list[dict[str, Any]]:
    return [s for s in plan["weeks"][week]["sessions"] if s["kind"] == kind]


def test_adherence_compares_each_week_so_far_with_the_logs(athlete_cli: Cli) -> None:
    cli = athlete_cli
    plan = cli.json("plan", "generate", "--start", "2026-03-02", "--weeks", "4")["plan"]
    first_week = plan["weeks"][0]
    lift_day = _sessions(plan, "strength")[0]["date"]
    cli.ok("log", "run", "--date", "2026-03-03", "--distance-km", "8", "--duration", "0:48:00")
    cli.ok("log", "run", "--date", "2026-03-10", "--distance-km", "5.5", "--duration", "0:33:00")
    cli.ok("log", "strength", "--date", lift_day, "--duration", "40", "--rpe", "7",
           "--set", "clamshell:left:15", "--set", "clamshell:right:15")  # fmt: skip
    weeks = cli.json("plan", "adherence")["weeks"]
    assert [w["week_start"] for w in weeks] == ["2026-03-02", "2026-03-09"]
    first, current = weeks
    assert ADHERENCE_KEYS <= set(first)
    assert first["planned_run_km"] == first_week["run_km"]
    assert first["planned_runs"] == len(_sessions(plan, "run"))
    assert first["planned_strength"] == first_week["strength_sessions"]
    assert (first["done_run_km"], first["done_runs"], first["done_strength"]) == (8.0, 1, 1)
    assert first["run_pct"] == round(800 / first_week["run_km"], 1)
    assert first["strength_pct"] == round(100 / first_week["strength_sessions"], 1)
    # This week so far: only sessions due by Wednesday count as planned.
    due = [s for s in _sessions(plan, "run", 1) if s["date"] <= "2026-03-11"]
    assert current["planned_runs"] == len(due) and current["done_run_km"] == 5.5
    assert isinstance(current["done_run_km"], float) and current["done_strength"] == 0
    assert cli.json("plan", "adherence", "--weeks", "1")["weeks"] == [current]
    table = cli.ok("plan", "adherence").stdout
    assert "2026-03-09 (so far)" in table and "8 / " in table


def test_adherence_needs_a_plan_and_a_positive_week_count(athlete_cli: Cli) -> None:
    assert "no plan yet" in athlete_cli.error("plan", "adherence")
    athlete_cli.ok("plan", "generate", "--weeks", "2")
    assert "at least 1" in athlete_cli.error("plan", "adherence", "--weeks", "0")


def test_regenerate_keeps_the_past_and_plans_the_rest_from_recent_running(athlete_cli: Cli) -> None:
    cli = athlete_cli
    before = cli.json("plan", "generate", "--start", "2026-03-02", "--weeks", "6")["plan"]
    for day in ("2026-02-12", "2026-02-19", "2026-02-26", "2026-03-05"):
        cli.ok("log", "run", "--date", day, "--distance-km", "10", "--duration", "1:00:00")
    data = cli.json("plan", "regenerate", "--reason", "overreached")
    assert data["replan"] == {
        "from": "2026-03-11", "reason": "overreached", "previous_plan_id": 1,
        "recent_weekly_km": 10.0, "weekly_km": 7.0, "kept_weeks": 2,
    }  # fmt: skip
    plan = data["plan"]
    past = [s for w in plan["weeks"] for s in w["sessions"] if s["date"] < "2026-03-11"]
    assert past == [s for w in before["weeks"] for s in w["sessions"] if s["date"] < "2026-03-11"]
    rest_of_week = [s for s in plan["weeks"][1]["sessions"] if s["date"] >= "2026-03-11"]
    assert {s["kind"] for s in rest_of_week} == {"rest"}
    assert "after doing too much" in rest_of_week[0]["why"]
    assert plan["weeks"][2]["start"] == "2026-03-16"
    assert cli.json("plan", "show") == {"plan": plan}
    assert "Re-planned from 2026-03-11" in cli.ok("plan", "show").stdout


def test_regenerate_from_a_date_and_its_errors(athlete_cli: Cli) -> None:
    cli = athlete_cli
    assert "plan generate" in cli.error("plan", "regenerate")
    cli.ok("plan", "generate", "--start", "2026-03-02", "--weeks", "6")
    assert "is not a date" in cli.error("plan", "regenerate", "--from", "soon")
    assert "no injury is on record" in cli.error("plan", "regenerate", "--reason", "injured")
    assert "--reason" in cli.error("plan", "regenerate", "--reason", "bored", exit_code=2)
    cli.ok("injury", "add", "--region", "calf", "--side", "left", "--onset", "2026-03-09",
           "--severity", "5")  # fmt: skip
    data = cli.json("plan", "regenerate", "--from", "2026-03-09", "--reason", "INJURED")
    assert data["replan"]["from"] == "2026-03-09" and data["replan"]["reason"] == "injured"
    phases = [w["phase"] for w in data["plan"]["weeks"]]
    assert phases[:2] == ["base", "return_to_run"] and data["replan"]["kept_weeks"] == 1
