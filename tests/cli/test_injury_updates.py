from __future__ import annotations

from tests.cli.runner import Cli

INJURY = ["injury", "add", "--region", "hip", "--side", "left", "--onset", "2026-02-01",
          "--severity", "5"]  # fmt: skip


def test_update_and_resolve_an_injury(athlete_cli: Cli) -> None:
    athlete_cli.ok(*INJURY)
    updated = athlete_cli.json("injury", "update", "1", "--days-off", "18", "--notes", "hills")
    assert (updated["days_off_running"], updated["notes"], updated["severity"]) == (18, "hills", 5)
    shown = athlete_cli.ok("injury", "update", "1", "--severity", "3").stdout
    assert shown == "Injury 1 updated.\n"
    resolved = athlete_cli.json("injury", "resolve", "1", "--date", "2026-03-01", "--days-off",
                                "21")  # fmt: skip
    assert (resolved["resolved"], resolved["active"], resolved["days_off_running"]) == (
        "2026-03-01",
        False,
        21,
    )
    (listed,) = athlete_cli.json("injury", "list")["injuries"]
    assert listed == resolved and listed["severity"] == 3


def test_bad_updates_are_one_line_and_change_nothing(athlete_cli: Cli) -> None:
    athlete_cli.ok(*INJURY)
    before = athlete_cli.json("injury", "list")
    assert "resolved date is before the onset" in athlete_cli.error(
        "injury", "resolve", "1", "--date", "2026-01-15"
    )
    assert "resolved date 2026-03-12 is in the future" in athlete_cli.error(
        "injury", "resolve", "1", "--date", "2026-03-12"
    )
    assert "is not a date" in athlete_cli.error("injury", "resolve", "1", "--date", "yesterday")
    assert "severity 11 must be 0 to 10" in athlete_cli.error(
        "injury", "update", "1", "--severity", "11"
    )
    assert "no injury with id 2" in athlete_cli.error("injury", "update", "2", "--severity", "1")
    assert athlete_cli.json("injury", "list") == before
