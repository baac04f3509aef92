from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from stridewell.store.db import open_engine, unit_of_work
from stridewell.store.models import PlannedSessionRow
from tests.cli.runner import Cli

STRENGTH = ["log", "strength", "--date", "2026-03-10", "--duration", "45", "--rpe", "7"]


def test_log_strength_with_sets_and_list_it(athlete_cli: Cli) -> None:
    created = athlete_cli.json(
        *STRENGTH, "--set", "single-leg-rdl:left:10:12", "--set", "single-leg-rdl:right:10:12:8",
        "--set", "side-plank:both:hold=30s",
    )  # fmt: skip
    assert created == {"id": 1, "sets": 3}
    assert athlete_cli.ok(*STRENGTH, "--set", "clamshell:left:15").stdout.strip() == "2"
    sessions = athlete_cli.json("log", "list")["sessions"]
    assert [s["id"] for s in sessions] == [1, 2]
    first = sessions[0]
    assert (first["date"], first["duration_s"], first["rpe"]) == ("2026-03-10", 2700, 7)
    assert first["sets"][1] == {
        "exercise": "single-leg-rdl",
        "name": "Single-leg Romanian deadlift",
        "side": "right",
        "reps": 10,
        "load_kg": 12,
        "hold_s": None,
        "rpe": 8,
    }
    assert first["sets"][2]["hold_s"] == 30 and first["tonnage_kg"] == 240
    table = athlete_cli.ok("log", "list").stdout
    assert "single-leg-rdl · right · 10 reps · 12 kg · RPE 8" in table


@pytest.mark.parametrize(
    ("sets", "words"),
    [
        (["clamshell:left:15", "clamshel:left:15"],
         "unknown exercise 'clamshel'; did you mean: clamshell"),
        (["clamshell:middle:15"], "unknown side 'middle'"),
        (["clamshell:left:150"], "reps 150 must be 1 to 100"),
        (["back-squat:both:5:600"], "load 600 kg must be 0 to 500 kg"),
        (["side-plank:left:hold=900s"], "hold 900 s must be 1 to 600 s"),
        (["clamshell:left:15:0:11"], "set RPE 11 must be 0 to 10"),
    ],
)  # fmt: skip
def test_a_bad_set_is_one_line_and_saves_nothing(
    athlete_cli: Cli, sets: list[str], words: str
) -> None:
    options = [part for spec in sets for part in ("--set", spec)]
    assert words in athlete_cli.error(*STRENGTH, *options)
    assert athlete_cli.json("log", "list") == {"sessions": []}


def test_session_rpe_and_date_are_checked(athlete_cli: Cli) -> None:
    set_option = ["--set", "clamshell:left:15"]
    assert "session RPE 12 must be 0 to 10" in athlete_cli.error(
        "log", "strength", "--rpe", "12", *set_option
    )
    assert "is in the future" in athlete_cli.error(
        "log", "strength", "--date", "2026-03-12", *set_option
    )
    assert "at least one set" in athlete_cli.error("log", "strength", "--date", "2026-03-10")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("session.yaml",
         "date: 2026-03-09\nduration: '0:40:00'\nrpe: 6\nsets:\n"
         "  - {exercise: glute-bridge, side: both, reps: 12, load_kg: 40}\n"
         "  - {exercise: clamshell, side: left, reps: 15}\n"
         "  - {exercise: clamshell, side: right, reps: 15}\n"),
        ("session.csv",
         "date,duration,session_rpe,exercise,side,reps,load_kg\n"
         "2026-03-09,40,6,glute-bridge,both,12,40\n"
         ",,,clamshell,left,15,\n"
         ",,,clamshell,right,15,\n"),
    ],
)  # fmt: skip
def test_log_a_whole_session_from_a_file(
    athlete_cli: Cli, tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert athlete_cli.json("log", "strength", "--file", str(path)) == {"id": 1, "sets": 3}
    (stored,) = athlete_cli.json("log", "list")["sessions"]
    assert (stored["date"], stored["duration_s"], stored["rpe"]) == ("2026-03-09", 2400, 6)
    assert [(s["exercise"], s["side"]) for s in stored["sets"]] == [
        ("glute-bridge", "both"),
        ("clamshell", "left"),
        ("clamshell", "right"),
    ]


def test_a_bad_session_file_is_one_line(athlete_cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "session.csv"
    path.write_text("exercise,side,reps\nclamshell,left,15\nbird_dog,both,x\n", encoding="utf-8")
    assert "session.csv: set 2 (bird_dog): reps 'x' is not a number" in athlete_cli.error(
        *STRENGTH, "--file", str(path)
    )
    assert "cannot read" in athlete_cli.error(*STRENGTH, "--file", str(tmp_path / "none.yaml"))
    assert athlete_cli.json("log", "list") == {"sessions": []}


def test_a_planned_session_of_the_athletes_plan_is_linked(athlete_cli: Cli) -> None:
    athlete_cli.ok("plan", "generate", "--weeks", "2")
    engine = open_engine(athlete_cli.env["STRIDEWELL_DATABASE_URL"])
    with unit_of_work(engine) as session:
        kinds = dict(session.execute(select(PlannedSessionRow.kind, PlannedSessionRow.id)).all())
    engine.dispose()
    link = ["--set", "clamshell:left:15", "--planned-session"]
    assert athlete_cli.json(*STRENGTH, *link, str(kinds["strength"]))["id"] == 1
    assert "is a run session" in athlete_cli.error(*STRENGTH, *link, str(kinds["run"]))
    assert "no planned session with id 9999" in athlete_cli.error(*STRENGTH, *link, "9999")
    (stored,) = athlete_cli.json("log", "list")["sessions"]
    assert stored["planned_session_id"] == kinds["strength"]


def test_log_a_manual_run_and_rate_it(athlete_cli: Cli) -> None:
    created = athlete_cli.json(
        "log", "run", "--date", "2026-03-10", "--distance-km", "8.5", "--duration", "0:48:30",
        "--rpe", "4", "--name", "Canal loop",
    )  # fmt: skip
    assert created == {"id": 1}
    assert athlete_cli.json("log", "rpe", "--activity", "1", "--rpe", "5") == {"id": 1, "rpe": 5}
    assert "no activity with id 7" in athlete_cli.error("log", "rpe", "--activity", "7", "--rpe",
                                                        "5")  # fmt: skip
    assert "RPE 11 must be 0 to 10" in athlete_cli.error("log", "rpe", "--activity", "1",
                                                         "--rpe", "11")  # fmt: skip
    assert "faster than any world record" in athlete_cli.error(
        "log", "run", "--date", "2026-03-10", "--distance-km", "42.2", "--duration", "1:20:00"
    )
    assert "is not H:MM:SS" in athlete_cli.error(
        "log", "run", "--date", "2026-03-10", "--distance-km", "5", "--duration", "25 min"
    )


def test_log_soreness_by_repeated_options_and_compact_list(athlete_cli: Cli) -> None:
    created = athlete_cli.json(
        "log", "soreness", "--date", "2026-03-10", "--context", "post-race",
        "--region", "quads", "--side", "left", "--score", "6",
        "--region", "quads", "--side", "right", "--score", "5",
    )  # fmt: skip
    assert created == {"ids": [1, 2]}
    athlete_cli.ok("log", "soreness", "--date", "2026-03-11", "--context", "morning",
                   "--scores", "glutes:2,IT band/right:3,lower back:1")  # fmt: skip
    rows = athlete_cli.json("log", "soreness-list")["soreness"]
    assert [(r["date"], r["context"], r["region"], r["side"], r["score"]) for r in rows] == [
        ("2026-03-10", "post_race", "quad", "left", 6),
        ("2026-03-10", "post_race", "quad", "right", 5),
        ("2026-03-11", "morning", "glute", "both", 2),
        ("2026-03-11", "morning", "it_band", "right", 3),
        ("2026-03-11", "morning", "lower_back", "both", 1),
    ]
    limited = athlete_cli.json("log", "soreness-list", "--from", "2026-03-11")["soreness"]
    assert len(limited) == 3
    assert "it_band" in athlete_cli.ok("log", "soreness-list").stdout


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--region", "quad", "--score", "11"], "quad score 11 must be 0 to 10"),
        (["--scores", "quad:3,glute:11"], "glute score 11 must be 0 to 10"),
        (["--region", "elbow", "--score", "3"], "unknown region 'elbow'"),
        (["--region", "quad", "--side", "up", "--score", "3"], "unknown side 'up'"),
        (["--region", "quad", "--region", "calf", "--score", "3"], "one --score per --region"),
    ],
)
def test_bad_soreness_is_one_line_and_saves_nothing(
    athlete_cli: Cli, options: list[str], words: str
) -> None:
    assert words in athlete_cli.error("log", "soreness", "--context", "morning", *options)
    assert athlete_cli.json("log", "soreness-list") == {"soreness": []}


def test_a_score_that_is_not_a_number_is_a_usage_error(athlete_cli: Cli) -> None:
    athlete_cli.error("log", "soreness", "--context", "morning", "--region", "quad", "--score",
                      "six", exit_code=2)  # fmt: skip
