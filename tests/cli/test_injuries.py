from __future__ import annotations

import pytest

from tests.cli.runner import Cli

INJURY = ["injury", "add", "--region", "it_band", "--side", "right", "--onset", "2025-04-02"]


def test_add_and_list(athlete_cli: Cli) -> None:
    result = athlete_cli.ok(
        *INJURY, "--resolved", "2025-05-10", "--severity", "6", "--days-off", "21",
        "--notes", "after a hilly half",
    )  # fmt: skip
    assert result.stdout.strip() == "1"
    assert athlete_cli.json(*INJURY, "--severity", "3") == {"id": 2}
    injuries = athlete_cli.json("injury", "list")["injuries"]
    assert injuries[0] == {
        "id": 1,
        "athlete_id": 1,
        "region": "it_band",
        "side": "right",
        "onset": "2025-04-02",
        "resolved": "2025-05-10",
        "severity": 6,
        "days_off_running": 21,
        "notes": "after a hilly half",
        "active": False,
    }
    assert injuries[1]["active"] is True
    assert "it_band" in athlete_cli.ok("injury", "list").stdout


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--region", "elbow", "--side", "left", "--onset", "2025-01-01", "--severity", "2"],
         "unknown region 'elbow'"),
        (["--region", "knee", "--side", "left", "--onset", "2026-03-12", "--severity", "2"],
         "is in the future"),
        (["--region", "knee", "--side", "up", "--onset", "2025-01-01", "--severity", "2"],
         "unknown side 'up'"),
        (["--region", "knee", "--side", "left", "--onset", "01/01/2025", "--severity", "2"],
         "is not a date"),
        (["--region", "knee", "--side", "left", "--onset", "2025-01-01", "--severity", "12"],
         "severity 12"),
    ],
)  # fmt: skip
def test_bad_injuries_exit_1_with_one_line(
    athlete_cli: Cli, options: list[str], words: str
) -> None:
    assert words in athlete_cli.error("injury", "add", *options)
    assert athlete_cli.json("injury", "list") == {"injuries": []}
