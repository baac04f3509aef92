from __future__ import annotations

from tests.cli.runner import Cli


def _with_goal(cli: Cli) -> Cli:
    cli.ok("race", "add", "--name", "Spring Half", "--date", "2026-05-10", "--distance", "half",
           "--goal", "1:35:00")  # fmt: skip
    return cli


def test_generate_json_has_the_design_shape(athlete_cli: Cli) -> None:
    plan = _with_goal(athlete_cli).json("plan", "generate")["plan"]
    assert plan["athlete_id"] == 1
    assert plan["race"]["name"] == "Spring Half" and plan["race"]["goal_s"] == 5700
    assert plan["start"] >= "2026-03-11" and plan["end"] >= "2026-05-10"
    for index, week in enumerate(plan["weeks"], start=1):
        assert week["index"] == index
        assert week["phase"] in {"return_to_run", "base", "build", "peak", "taper", "race",
                                 "recovery"}  # fmt: skip
        assert isinstance(week["run_km"], float) and isinstance(week["strength_sessions"], int)
        for session in week["sessions"]:
            assert session["kind"] in {"strength", "run", "rest"}
            assert (session["run"] is None) == (session["kind"] != "run")
            assert {"date", "title", "why", "exercises"} <= set(session)
    assert any(s["exercises"] for w in plan["weeks"] for s in w["sessions"])


def test_show_prints_the_latest_plan(athlete_cli: Cli) -> None:
    cli = _with_goal(athlete_cli)
    assert "no plan yet" in cli.error("plan", "show")
    generated = cli.json("plan", "generate", "--weeks", "6")
    assert cli.json("plan", "show") == generated
    table = cli.ok("plan", "show").stdout
    assert "Week 1" in table and "Spring Half" in table


def test_options_shape_the_plan(athlete_cli: Cli) -> None:
    plan = athlete_cli.json("plan", "generate", "--start", "2026-04-06", "--weeks", "4",
                            "--weekly-km", "25")["plan"]  # fmt: skip
    assert plan["race"] is None
    assert plan["start"] == "2026-04-06" and len(plan["weeks"]) == 4


def test_bad_plan_requests_exit_1(athlete_cli: Cli) -> None:
    cli = _with_goal(athlete_cli)
    assert "no race with id 9" in cli.error("plan", "generate", "--race", "9")
    assert "before the plan start" in cli.error("plan", "generate", "--start", "2026-06-01",
                                                "--race", "1")  # fmt: skip
    assert "is not a date" in cli.error("plan", "generate", "--start", "June")
    assert "weeks must be between" in cli.error("plan", "generate", "--weeks", "0")
