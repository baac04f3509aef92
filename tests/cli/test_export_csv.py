"""`stridewell export csv`: one UTF-8 CSV file with a header row per table."""

from __future__ import annotations

import csv
from pathlib import Path

from tests.cli.runner import Cli

EXPECTED_FILES = {
    "athletes", "injuries", "races", "plans", "plan_sessions", "activities", "laps",
    "best_efforts", "strength_sessions", "sets", "soreness",
}  # fmt: skip


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _two_athletes(cli: Cli) -> Cli:
    cli.ok("athlete", "add", "--name", "Zoë Ødegård, “the second”", "--sex", "F",
           "--birth-year", "1990")  # fmt: skip
    cli.ok("injury", "add", "--region", "knee", "--side", "left", "--onset", "2026-01-05",
           "--severity", "4", "--athlete", "1")  # fmt: skip
    cli.ok("injury", "add", "--region", "groin", "--side", "both", "--onset", "2025-11-01",
           "--severity", "3", "--notes", "line one\nline two", "--athlete", "2")  # fmt: skip
    cli.ok("plan", "generate", "--start", "2026-03-02", "--weeks", "2", "--athlete", "1")
    cli.ok("log", "run", "--date", "2026-03-03", "--distance-km", "8.25", "--duration", "0:49:30",
           "--athlete", "1")  # fmt: skip
    cli.ok("log", "strength", "--date", "2026-03-04", "--duration", "40", "--rpe", "7",
           "--set", "clamshell:left:15", "--set", "clamshell:right:15",
           "--athlete", "1")  # fmt: skip
    return cli


def test_every_table_is_a_file_with_a_header_row(athlete_cli: Cli, tmp_path: Path) -> None:
    cli = _two_athletes(athlete_cli)
    target = tmp_path / "out"
    summary = cli.json("export", "csv", "--output", str(target))
    names = {Path(f["path"]).stem for f in summary["files"]}
    assert EXPECTED_FILES <= names
    assert "user" not in names and "activity_stream" not in names
    for entry in summary["files"]:
        path = Path(entry["path"])
        assert path.parent == target
        header = path.read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",")[0] == "id"
        assert len(_read(path)) == entry["rows"]
    athletes = _read(target / "athletes.csv")
    assert [a["name"] for a in athletes] == ["Ada", "Zoë Ødegård, “the second”"]
    groin = next(i for i in _read(target / "injuries.csv") if i["region"] == "groin")
    assert groin["notes"] == "line one\nline two" and groin["resolved"] == ""
    (run,) = _read(target / "activities.csv")
    assert float(run["distance_m"]) == 8250.0 and run["sport"] == "running"
    sets = _read(target / "sets.csv")
    assert [(s["exercise_slug"], s["reps"]) for s in sets] == [("clamshell", "15")] * 2
    plan = cli.json("plan", "show", "--athlete", "1")["plan"]
    sessions = _read(target / "plan_sessions.csv")
    assert [(s["date"], s["kind"], s["title"]) for s in sessions] == [
        (s["date"], s["kind"], s["title"]) for w in plan["weeks"] for s in w["sessions"]
    ]
    strength = next(s for s in sessions if s["kind"] == "strength")
    first_exercise = next(s for w in plan["weeks"] for s in w["sessions"] if s["exercises"])
    assert strength["exercises"].splitlines()[0].startswith(first_exercise["exercises"][0]["name"])
    table = cli.ok("export", "csv", "--output", str(target)).stdout
    assert "plan_sessions.csv" in table


def test_one_athlete_only(athlete_cli: Cli, tmp_path: Path) -> None:
    cli = _two_athletes(athlete_cli)
    cli.ok("export", "csv", "--output", str(tmp_path), "--athlete", "2")
    assert [a["id"] for a in _read(tmp_path / "athletes.csv")] == ["2"]
    assert [i["region"] for i in _read(tmp_path / "injuries.csv")] == ["groin"]
    for empty in ("activities", "sets", "plans", "plan_sessions", "strength_sessions"):
        assert _read(tmp_path / f"{empty}.csv") == []
    assert "no athlete with id 7" in cli.error("export", "csv", "--output", str(tmp_path),
                                               "--athlete", "7")  # fmt: skip


def test_an_unwritable_directory_is_a_user_error(athlete_cli: Cli, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert "cannot write to" in athlete_cli.error("export", "csv", "--output", str(blocker / "x"))
