"""The installed `stridewell` command, run as a user would: a real process on a temp database."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

TODAY = "2026-03-11"


class Stridewell:
    def __init__(self, database: Path, command: list[str]) -> None:
        self.db_url = f"sqlite:///{database}"
        self.command = command
        self.env = {**os.environ, "STRIDEWELL_TODAY": TODAY}
        self.env.pop("STRIDEWELL_DATABASE_URL", None)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*self.command, "--db", self.db_url, *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=60,
            check=False,
        )

    def ok(self, *args: str) -> str:
        done = self.run(*args)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--format", "json"))


def _entry_point() -> list[str]:
    """The console script the package installs, else `python -m stridewell`."""
    script = Path(sys.executable).parent / "stridewell"
    return [str(script)] if script.exists() else [sys.executable, "-m", "stridewell"]


@pytest.fixture
def stridewell(tmp_path: Path) -> Stridewell:
    return Stridewell(tmp_path / "e2e.sqlite", _entry_point())


@pytest.fixture(scope="module")
def stridewell_with_athlete(tmp_path_factory: pytest.TempPathFactory) -> Stridewell:
    """One database with one athlete, shared by the bad-input cases (none of them writes)."""
    database = tmp_path_factory.mktemp("bad-input") / "bad.sqlite"
    stridewell = Stridewell(database, [sys.executable, "-m", "stridewell"])
    stridewell.ok("athlete", "add", "--name", "A", "--sex", "F", "--birth-year", "1990")
    return stridewell


def test_python_m_runs_the_same_command(tmp_path: Path) -> None:
    stridewell = Stridewell(tmp_path / "m.sqlite", [sys.executable, "-m", "stridewell"])
    assert stridewell.ok("--version").startswith("stridewell ")
    assert stridewell.json("athlete", "list") == {"athletes": []}


def test_a_runner_gets_a_plan_from_an_empty_database(stridewell: Stridewell) -> None:
    assert "Created" in stridewell.ok("init")
    athlete = stridewell.json(
        "athlete", "add", "--name", "Maren", "--sex", "F", "--birth-year", "1988",
        "--weekly-km", "45", "--equipment", "bodyweight,band,dumbbell,barbell",
        "--days", "tue,wed,thu,sat,sun", "--long-run-day", "sun",
    )  # fmt: skip
    assert athlete == {"id": 1}
    injury = stridewell.ok(
        "injury", "add", "--region", "it_band", "--side", "right", "--onset", "2025-04-02",
        "--resolved", "2025-05-10", "--severity", "6",
    )  # fmt: skip
    assert injury.strip() == "1"
    race = stridewell.ok(
        "race", "add", "--name", "Autumn Marathon", "--date", "2026-10-04",
        "--distance", "marathon", "--goal", "3:15:00",
    )  # fmt: skip
    assert race.strip() == "1"

    document = stridewell.json("plan", "generate")
    assert set(document) == {"plan"}
    plan = document["plan"]
    assert plan["athlete_id"] == 1
    assert plan["race"]["id"] == 1 and plan["race"]["date"] == "2026-10-04"
    assert plan["start"] <= "2026-10-04" <= plan["end"]
    phases = {"return_to_run", "base", "build", "peak", "taper", "race", "recovery"}
    run_types = {"easy", "long", "tempo", "intervals", "recovery", "walk_run", "race"}
    exercise_keys = {"slug", "name", "category", "sets", "reps", "hold_s", "per_side",
                     "intensity", "rest_s", "why"}  # fmt: skip
    for week in plan["weeks"]:
        assert week["phase"] in phases
        assert isinstance(week["run_km"], float) and week["run_km"] >= 0
        for session in week["sessions"]:
            assert session["kind"] in {"strength", "run", "rest"}
            assert isinstance(session["title"], str) and isinstance(session["why"], str)
            if session["run"] is not None:
                assert session["run"]["type"] in run_types
                assert {"distance_km", "duration_min", "why"} <= set(session["run"])
            for exercise in session["exercises"]:
                assert exercise_keys <= set(exercise)
    assert stridewell.json("plan", "show") == document
    assert "Week 1" in stridewell.ok("plan", "show")


BAD_INPUT = {
    "future injury onset": ["injury", "add", "--region", "knee", "--side", "left",
                            "--onset", "2026-04-01", "--severity", "3"],
    "unknown region": ["injury", "add", "--region", "elbow", "--side", "left",
                       "--onset", "2025-04-01", "--severity", "3"],
    "past goal race without result": ["race", "add", "--name", "Old", "--date", "2025-10-05",
                                      "--distance", "marathon", "--goal", "3:15:00"],
    "result slower than 24 h": ["race", "add", "--name", "Ultra", "--date", "2025-10-05",
                                "--distance", "160000", "--result", "25:10:00"],
    "result for a future race": ["race", "add", "--name", "Next", "--date", "2026-10-04",
                                 "--distance", "marathon", "--result", "3:20:00"],
    "unknown equipment": ["athlete", "add", "--name", "B", "--sex", "M", "--birth-year", "1980",
                          "--equipment", "band,jetpack"],
    "unknown day": ["athlete", "add", "--name", "B", "--sex", "M", "--birth-year", "1980",
                    "--days", "mon,blursday"],
    "long-run day not a training day": ["athlete", "add", "--name", "B", "--sex", "M",
                                        "--birth-year", "1980", "--days", "mon,wed,fri",
                                        "--long-run-day", "sun"],
}  # fmt: skip


@pytest.mark.parametrize("args", list(BAD_INPUT.values()), ids=list(BAD_INPUT))
def test_bad_input_exits_1_with_one_line(
    stridewell_with_athlete: Stridewell, args: list[str]
) -> None:
    done = stridewell_with_athlete.run(*args)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_usage_error_exits_2(stridewell: Stridewell) -> None:
    assert stridewell.run("athlete", "add", "--name", "A").returncode == 2
    assert stridewell.run("plan", "show", "--format", "yaml").returncode == 2
