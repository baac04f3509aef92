from __future__ import annotations

import pytest

from tests.cli.runner import Cli

INJURY = ["injury", "add", "--region", "it_band", "--side", "right", "--onset", "2026-02-01",
          "--severity", "6"]  # fmt: skip
READY = ["rehab", "readiness", "--date", "2026-03-01", "--walk-pain", "1", "--squat-pain", "2",
         "--jog-pain", "0", "--hop-pain", "1"]  # fmt: skip


def _log(cli: Cli, day: str, stage: int, *pains: str) -> dict[str, object]:
    result: dict[str, object] = cli.json(
        "rehab", "log", "--date", day, "--stage", str(stage), *pains
    )
    return result


@pytest.fixture
def injured_cli(athlete_cli: Cli) -> Cli:
    athlete_cli.ok(*INJURY)
    return athlete_cli


def test_status_before_readiness_says_what_to_do(injured_cli: Cli) -> None:
    status = injured_cli.json("rehab", "status")
    assert status["injury"]["id"] == 1 and status["stage"] == 0
    assert status["readiness_passed"] is False
    assert "readiness checks" in status["next_action"]
    assert status["strength"]["phase"] == "return_to_run"
    assert "stridewell plan generate" in status["strength"]["message"]
    assert "Return to run after injury 1 (it_band, right)" in injured_cli.ok(
        "rehab", "status"
    ).stdout


def test_a_return_through_the_stages(injured_cli: Cli) -> None:
    failed = injured_cli.json(*READY[:-6], "--squat-pain", "4", "--jog-pain", "0", "--hop-pain",
                              "1")  # fmt: skip
    assert failed["passed"] is False and failed["latest"]["failed"] == ["single_leg_squat"]
    ready = injured_cli.json(*READY)
    assert ready["passed"] is True and "Do stage 1" in ready["next_action"]
    assert [test["name"] for test in ready["tests"]] == [
        "walk",
        "single_leg_squat",
        "jog_on_spot",
        "hop",
    ]

    pending = _log(injured_cli, "2026-03-03", 1, "--pain-during", "1")
    assert pending["gate"] == "pending" and pending["id"] == 3
    completed = _log(injured_cli, "2026-03-03", 1, "--pain-morning", "0", "--settled", "yes")
    assert completed["gate"] == "green" and completed["id"] == 3
    second = _log(injured_cli, "2026-03-05", 1, "--pain-during", "2", "--pain-morning", "0",
                  "--settled", "yes")  # fmt: skip
    assert second["stage"] == 2 and "Do stage 2" in str(second["next_action"])
    amber = _log(injured_cli, "2026-03-07", 2, "--pain-during", "4", "--pain-morning", "1",
                 "--settled", "yes")  # fmt: skip
    assert amber["gate"] == "amber" and amber["stage"] == 2
    assert str(amber["next_action"]).startswith("Repeat stage 2")
    red = _log(injured_cli, "2026-03-09", 2, "--pain-during", "7")
    assert red["gate"] == "red" and red["stage"] == 1
    assert red["reasons"] == ["pain during was 7/10, above 5/10"]

    status = injured_cli.json("rehab", "status", "--injury", "1")
    assert [row["gate"] for row in status["history"]] == ["green", "green", "amber", "red"]
    assert (status["stage"], status["green_sessions"], status["next_date"]) == (1, 0, "2026-03-11")
    table = injured_cli.ok("rehab", "status").stdout
    assert "pain during was 7/10, above 5/10" in table


def test_stage_skipping_and_bad_answers_are_one_line(injured_cli: Cli) -> None:
    assert "pass the readiness checks first" in injured_cli.error(
        "rehab", "log", "--date", "2026-03-03", "--stage", "1", "--pain-during", "1"
    )
    injured_cli.ok(*READY)
    assert "stage 2 is not unlocked yet: you are at stage 1" in injured_cli.error(
        "rehab", "log", "--date", "2026-03-03", "--stage", "2", "--pain-during", "1"
    )
    assert "settled must be yes or no" in injured_cli.error(
        "rehab", "log", "--date", "2026-03-03", "--stage", "1", "--pain-during", "1",
        "--settled", "sort of",
    )  # fmt: skip
    assert "pain during 11 must be 0 to 10" in injured_cli.error(
        "rehab", "log", "--date", "2026-03-03", "--stage", "1", "--pain-during", "11"
    )
    assert "before the injury's onset" in injured_cli.error(
        "rehab", "log", "--date", "2026-01-03", "--stage", "1", "--pain-during", "1"
    )
    assert "give all four pains" in injured_cli.error(
        "rehab", "readiness", "--walk-pain", "1"
    )
    assert "no injury with id 9" in injured_cli.error("rehab", "status", "--injury", "9")
    assert injured_cli.json("rehab", "status")["history"] == []


def test_without_injuries_rehab_says_to_add_one(athlete_cli: Cli) -> None:
    assert "no injury recorded yet" in athlete_cli.error("rehab", "status")


def test_the_status_points_at_the_plans_return_to_run_weeks(injured_cli: Cli) -> None:
    injured_cli.ok("plan", "generate", "--weeks", "6")
    strength = injured_cli.json("rehab", "status")["strength"]
    assert strength["weeks"], strength
    assert "return_to_run phase" in strength["message"]
