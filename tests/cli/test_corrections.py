"""Correcting and removing from the command line: `activities update|remove`, `race update|remove`,
`log remove-strength|remove-soreness` — one-line errors, nothing changed on a refusal."""

from __future__ import annotations

from tests.cli.conftest import CLI_TODAY
from tests.cli.runner import Cli

YESTERDAY = "2026-03-10"


def _load_day(cli: Cli, day: str = YESTERDAY) -> dict[str, float]:
    days = cli.json("load")["days"]
    return dict(next(row for row in days if row["date"] == day))


def test_a_mistyped_run_is_corrected_then_removed(athlete_cli: Cli) -> None:
    athlete_cli.ok(
        "log", "run", "--date", YESTERDAY, "--distance-km", "80", "--duration", "8:00:00"
    )  # fmt: skip
    assert _load_day(athlete_cli)["run_km"] == 80
    assert "faster than any world record" in athlete_cli.error(
        "activities", "update", "1", "--duration", "0:10:00"
    )
    assert "RPE 11 must be 0 to 10" in athlete_cli.error("activities", "update", "1", "--rpe", "11")
    assert "nothing to change" in athlete_cli.error("activities", "update", "1")
    assert _load_day(athlete_cli)["run_km"] == 80

    changed = athlete_cli.json(
        "activities", "update", "1", "--distance-km", "8", "--duration", "0:45:00", "--rpe", "4",
        "--name", "Canal loop",
    )["activity"]  # fmt: skip
    assert (changed["distance_m"], changed["elapsed_s"], changed["rpe"], changed["name"]) == (
        8000,
        2700,
        4,
        "Canal loop",
    )
    assert _load_day(athlete_cli)["run_km"] == 8
    assert "Activity 1 updated." in athlete_cli.ok("activities", "update", "1", "--name", "").stdout
    assert athlete_cli.json("activities")["activities"][0]["name"] is None

    assert athlete_cli.json("activities", "remove", "1") == {"id": 1, "removed": True}
    assert athlete_cli.json("activities") == {"activities": []}
    assert _load_day(athlete_cli)["run_km"] == 0
    assert "no activity with id 1" in athlete_cli.error("activities", "remove", "1")


def test_a_goal_race_gets_its_result_and_is_removed(athlete_cli: Cli) -> None:
    athlete_cli.ok(
        "race", "add", "--name", "Club 10k", "--date", CLI_TODAY, "--distance", "10k",
        "--goal", "0:48:00",
    )  # fmt: skip
    assert "nothing to change" in athlete_cli.error("race", "update", "1")
    assert "unknown distance" in athlete_cli.error("race", "update", "1", "--distance", "ultra")
    updated = athlete_cli.json("race", "update", "1", "--result", "0:47:12")
    assert (updated["id"], updated["goal"], updated["result"]) == (1, "0:48:00", "0:47:12")
    assert [race["id"] for race in athlete_cli.json("race", "list")["races"]] == [1]
    assert "Race 1 updated." in athlete_cli.ok("race", "update", "1", "--goal", "").stdout
    assert athlete_cli.json("race", "list")["races"][0]["goal"] is None
    assert "in the future" in athlete_cli.error(
        "race", "update", "1", "--date", "2026-06-01"
    )  # a result cannot move into the future

    assert "Race 1 (Club 10k) removed." in athlete_cli.ok("race", "remove", "1").stdout
    assert athlete_cli.json("race", "list") == {"races": []}
    assert "no race with id 1" in athlete_cli.error("race", "remove", "1")


def test_a_strength_session_and_a_soreness_score_are_removed(athlete_cli: Cli) -> None:
    athlete_cli.ok(
        "log", "strength", "--date", YESTERDAY, "--duration", "30", "--rpe", "7",
        "--set", "single-leg-rdl:left:8:16:8", "--set", "single-leg-rdl:right:8:16:8",
    )  # fmt: skip
    athlete_cli.ok("log", "soreness", "--context", "morning", "--scores", "quad:5,glute:2")
    assert "no strength session with id 9" in athlete_cli.error("log", "remove-strength", "9")

    removed = athlete_cli.ok("log", "remove-strength", "1").stdout
    assert "Strength session 1 (2026-03-10, 2 sets) removed." in removed
    assert athlete_cli.json("log", "list") == {"sessions": []}

    quad, glute = athlete_cli.json("log", "soreness-list")["soreness"]
    assert athlete_cli.json("log", "remove-soreness", str(quad["id"])) == {
        "id": quad["id"],
        "removed": True,
    }
    assert athlete_cli.json("log", "soreness-list")["soreness"] == [glute]
    assert "no soreness score" in athlete_cli.error("log", "remove-soreness", str(quad["id"]))


def test_the_activity_list_still_answers_as_before(athlete_cli: Cli) -> None:
    assert athlete_cli.json("activities", "--sport", "running") == {"activities": []}
    assert "0 activities" in athlete_cli.ok("activities").stdout
    assert "update" in athlete_cli.ok("activities", "--help").stdout
