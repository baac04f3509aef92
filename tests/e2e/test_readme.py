"""The README's command tour works as written, in order, on a fresh database (style: "README
commands work as written"). The two import paths are pointed at shared corpus files."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tests.e2e.test_cli_e2e import Stridewell, _entry_point

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
STRAVA_EXPORT = CORPUS / "other" / "assembled__strava_export_sample.zip"


def readme_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```\n(.*?)```", text, flags=re.DOTALL):
        joined = block.replace("\\\n", " ")
        for line in joined.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith("stridewell "):
                commands.append(shlex.split(line)[1:])
    return commands


def test_readme_tour_runs(tmp_path: Path) -> None:
    commands = readme_commands()
    assert len(commands) >= 20
    cli = Stridewell(tmp_path / "readme.sqlite", _entry_point())
    cli.env["STRIDEWELL_TODAY"] = "2026-11-25"
    replacements = {
        "~/Downloads/export_12345.zip": str(STRAVA_EXPORT),
        "~/watch/": str(CORPUS / "tcx"),
        "plan.ics": str(tmp_path / "plan.ics"),
        "backup.json": str(tmp_path / "backup.json"),
    }
    for command in commands:
        args = [replacements.get(arg, arg) for arg in command]
        done = cli.run(*args)
        assert done.returncode == 0, (command, done.stderr)
    assert (tmp_path / "plan.ics").read_text().startswith("BEGIN:VCALENDAR")
    restored = Stridewell(tmp_path / "restored.sqlite", _entry_point())
    assert restored.run("import-backup", str(tmp_path / "backup.json")).returncode == 0
