"""`stridewell import-backup`: what a user sees when the file is not a usable backup."""

from __future__ import annotations

from pathlib import Path

from tests.cli.runner import Cli


def test_a_missing_or_broken_file_is_a_one_line_error(cli: Cli, tmp_path: Path) -> None:
    assert "cannot read" in cli.error("import-backup", str(tmp_path / "nowhere.json"))
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "stridewell-backup", "tables": {', encoding="utf-8")
    assert "not valid JSON" in cli.error("import-backup", str(broken))
    other = tmp_path / "other.json"
    other.write_text('{"name": "a calendar"}', encoding="utf-8")
    assert "not a Stridewell backup" in cli.error("import-backup", str(other))
    binary = tmp_path / "image.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert "not valid JSON" in cli.error("import-backup", str(binary))
    assert cli.json("athlete", "list") == {"athletes": []}  # nothing was imported


def test_the_table_lists_the_rows_restored(cli: Cli, tmp_path: Path) -> None:
    source = Cli(env={**cli.env, "STRIDEWELL_DATABASE_URL": f"sqlite:///{tmp_path / 'a.sqlite'}"})
    source.ok("athlete", "add", "--name", "Ada", "--sex", "F", "--birth-year", "1988")
    backup = tmp_path / "backup.json"
    source.ok("export", "json", "--output", str(backup))
    out = cli.ok("import-backup", str(backup)).stdout
    assert f"Restored 1 rows from {backup}" in out and "athlete" in out
    assert cli.json("athlete", "list")["athletes"][0]["name"] == "Ada"
