"""`stridewell export json` then `stridewell import-backup`: the whole database, moved intact."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.runner import Cli


def _fill(cli: Cli) -> Cli:
    cli.ok("race", "add", "--name", "Spring Half", "--date", "2026-05-10", "--distance", "half")
    cli.ok("injury", "add", "--region", "hip", "--side", "right", "--onset", "2025-04-10",
           "--resolved", "2025-05-20", "--severity", "5", "--days-off", "21")  # fmt: skip
    cli.ok("plan", "generate", "--start", "2026-03-02")
    cli.ok("log", "run", "--date", "2026-03-03", "--distance-km", "8", "--duration", "0:48:00",
           "--rpe", "4")  # fmt: skip
    cli.ok("log", "strength", "--date", "2026-03-04", "--duration", "40", "--rpe", "7",
           "--set", "clamshell:left:15:2.5", "--set", "side-plank:both:hold=30s")  # fmt: skip
    return cli


def test_a_backup_restores_into_a_new_database_with_nothing_lost(
    athlete_cli: Cli, tmp_path: Path
) -> None:
    cli = _fill(athlete_cli)
    backup = tmp_path / "backup.json"
    message = cli.ok("export", "json", "--output", str(backup)).stdout
    assert message.startswith("Wrote ") and str(backup) in message
    assert not list(tmp_path.glob("*.partial"))
    restored = f"sqlite:///{tmp_path / 'restored.sqlite'}"
    summary = cli.json("--db", restored, "import-backup", str(backup))
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert summary["imported"] == {
        name: len(table["rows"]) for name, table in data["tables"].items()
    }
    assert summary["imported"]["set_entry"] == 2 and summary["imported"]["activity"] == 1
    for command in (("plan", "show"), ("athlete", "list"), ("injury", "list"),
                    ("plan", "adherence")):  # fmt: skip
        assert cli.json("--db", restored, *command) == cli.json(*command), command
    again = tmp_path / "again.json"
    cli.ok("--db", restored, "export", "json", "--output", str(again))
    second = json.loads(again.read_text(encoding="utf-8"))
    assert second["tables"] == data["tables"]


def test_without_output_the_backup_goes_to_standard_output(athlete_cli: Cli) -> None:
    data = json.loads(_fill(athlete_cli).ok("export", "json").stdout)
    assert data["format"] == "stridewell-backup"
    assert [row[1] for row in data["tables"]["athlete"]["rows"]] == ["Ada"]


def test_importing_into_a_database_with_data_is_refused(athlete_cli: Cli, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    athlete_cli.ok("export", "json", "--output", str(backup))
    message = athlete_cli.error("import-backup", str(backup))
    assert "the database is not empty (1 athlete)" in message
    assert athlete_cli.json("athlete", "list")["athletes"][0]["id"] == 1
