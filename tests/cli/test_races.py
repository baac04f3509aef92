from __future__ import annotations

import pytest

from tests.cli.runner import Cli


def test_add_a_result_and_a_goal_then_list_by_date(athlete_cli: Cli) -> None:
    goal = athlete_cli.ok(
        "race", "add", "--name", "Autumn Marathon", "--date", "2026-10-04",
        "--distance", "marathon", "--goal", "3:15:00",
    )  # fmt: skip
    assert goal.stdout.strip() == "1"
    assert athlete_cli.json(
        "race", "add", "--name", "City 10k", "--date", "2025-09-14", "--distance", "10000",
        "--result", "44:10",
    ) == {"id": 2}  # fmt: skip
    races = athlete_cli.json("race", "list")["races"]
    assert [(r["id"], r["distance"], r["result"], r["goal"]) for r in races] == [
        (2, "10k", "0:44:10", None),
        (1, "marathon", None, "3:15:00"),
    ]
    assert "Autumn Marathon" in athlete_cli.ok("race", "list").stdout


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--date", "2025-05-01", "--distance", "half"], "in the past: give its result"),
        (["--date", "2025-05-01", "--distance", "half", "--result", "25:00:00"],
         "under 24 hours"),
        (["--date", "2026-05-01", "--distance", "half", "--result", "1:40:00"],
         "result was given for a race in the future"),
        (["--date", "2026-05-01", "--distance", "ultra"], "unknown distance"),
        (["--date", "2026-05-01", "--distance", "half", "--goal", "fast"], "not H:MM:SS"),
    ],
)  # fmt: skip
def test_bad_races_exit_1_with_one_line(athlete_cli: Cli, options: list[str], words: str) -> None:
    assert words in athlete_cli.error("race", "add", "--name", "R", *options)
    assert athlete_cli.json("race", "list") == {"races": []}
