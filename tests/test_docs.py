"""Documentation keeps up with the code: every CLI command is in the user guide, and every
science key the code cites has its anchor in docs/science.md."""

from __future__ import annotations

import re
from pathlib import Path

import typer
from typer.main import get_command

from stridewell.cli.app import app
from stridewell.domain.exercises import ALL

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
SCIENCE = (ROOT / "docs" / "science.md").read_text(encoding="utf-8")
ANCHORS = set(re.findall(r'<a id="([a-z0-9_]+)"', SCIENCE))


def command_paths() -> list[str]:
    paths = []
    root = get_command(app)
    assert isinstance(root, typer.core.TyperGroup)
    for name, command in root.commands.items():
        if isinstance(command, typer.core.TyperGroup):
            paths += [f"{name} {sub}" for sub in command.commands]
        else:
            paths.append(name)
    return paths


def test_every_command_is_in_the_user_guide() -> None:
    missing = [path for path in command_paths() if f"stridewell {path.split()[0]}" not in GUIDE]
    assert missing == []
    for path in command_paths():
        group, _, sub = path.partition(" ")
        if sub:
            assert re.search(rf"stridewell {group}\b[^\n]*\b{sub}\b", GUIDE), path


def test_every_cited_science_key_has_an_anchor() -> None:
    cited = {e.evidence for e in ALL if e.evidence}
    source = "\n".join(p.read_text() for p in (ROOT / "src" / "stridewell").rglob("*.py"))
    cited |= set(re.findall(r"science\.md#([a-z0-9_]+)", source))
    assert cited - ANCHORS == set()
