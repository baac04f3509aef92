from __future__ import annotations

import pytest

from tests.cli.runner import Cli


def test_add_prints_the_new_id(cli: Cli) -> None:
    result = cli.ok("athlete", "add", "--name", "Ada", "--sex", "F", "--birth-year", "1988")
    assert result.stdout.strip() == "1"
    data = cli.json("athlete", "add", "--name", "Bo", "--sex", "M", "--birth-year", "1985")
    assert data == {"id": 2}


def test_every_profile_option_is_stored(cli: Cli) -> None:
    cli.ok(
        "athlete", "add", "--name", "Ada", "--sex", "F", "--birth-year", "1988",
        "--weekly-km", "42.5", "--experience", "advanced", "--equipment", "band,barbell",
        "--days", "mon,wed,fri,sat", "--long-run-day", "sat", "--max-hr", "188",
        "--rest-hr", "50", "--timezone", "Europe/Oslo",
    )  # fmt: skip
    athlete = cli.json("athlete", "show")["athlete"]
    assert athlete == {
        "id": 1,
        "name": "Ada",
        "sex": "F",
        "birth_year": 1988,
        "units": "km",
        "max_hr": 188,
        "rest_hr": 50,
        "timezone": "Europe/Oslo",
        "experience": "advanced",
        "equipment": ["band", "barbell"],
        "days": ["mon", "wed", "fri", "sat"],
        "long_run_day": "sat",
        "weekly_km": 42.5,
    }


@pytest.mark.parametrize(
    ("options", "words"),
    [
        (["--equipment", "band,hoverboard"], "unknown equipment 'hoverboard'"),
        (["--days", "mon,caturday"], "unknown day 'caturday'"),
        (["--days", "mon,wed", "--long-run-day", "sun"], "long-run day sun is not one of"),
        (["--sex", "Q"], "unknown sex"),
        (["--weekly-km", "900"], "out of range"),
    ],
)
def test_bad_profiles_exit_1_with_one_line(cli: Cli, options: list[str], words: str) -> None:
    base = ["athlete", "add", "--name", "Ada", "--birth-year", "1988"]
    if "--sex" not in options:
        base += ["--sex", "F"]
    assert words in cli.error(*base, *options)
    assert cli.json("athlete", "list") == {"athletes": []}


def test_list_and_show(athlete_cli: Cli) -> None:
    listed = athlete_cli.json("athlete", "list")["athletes"]
    assert [(a["id"], a["name"]) for a in listed] == [(1, "Ada")]
    table = athlete_cli.ok("athlete", "list").stdout
    assert "Ada" in table and "tue,wed,thu,sat,sun" in table
    shown = athlete_cli.json("athlete", "show")
    assert set(shown) == {"athlete", "injuries", "races"}
    assert "Europe" not in athlete_cli.ok("athlete", "show").stdout


def test_without_athlete_commands_that_need_one_say_how_to_add_one(cli: Cli) -> None:
    message = cli.error("athlete", "show")
    assert "no athlete yet" in message and "athlete add" in message


def test_with_several_athletes_the_athlete_must_be_named(athlete_cli: Cli) -> None:
    athlete_cli.ok("athlete", "add", "--name", "Bo", "--sex", "M", "--birth-year", "1985")
    assert "--athlete" in athlete_cli.error("athlete", "show")
    assert athlete_cli.json("athlete", "show", "--athlete", "2")["athlete"]["name"] == "Bo"
    assert "no athlete with id 7" in athlete_cli.error("athlete", "show", "--athlete", "7")


def test_update_changes_only_what_is_given(athlete_cli: Cli) -> None:
    before = athlete_cli.json("athlete", "show")["athlete"]
    after = athlete_cli.json(
        "athlete",
        "update",
        "--max-hr",
        "188",
        "--equipment",
        "bodyweight,barbell",
        "--days",
        "mon,wed,fri",
    )["athlete"]
    assert after["max_hr"] == 188
    assert after["equipment"] == ["bodyweight", "barbell"]
    assert after["days"] == ["mon", "wed", "fri"] and after["long_run_day"] == "fri"
    assert {
        k: v for k, v in after.items() if k not in ("max_hr", "equipment", "days", "long_run_day")
    } == {
        k: v for k, v in before.items() if k not in ("max_hr", "equipment", "days", "long_run_day")
    }
    assert athlete_cli.json("athlete", "update", "--clear", "max_hr")["athlete"]["max_hr"] is None
    assert "nothing to change" in athlete_cli.error("athlete", "update")
    assert "out of range" in athlete_cli.error("athlete", "update", "--rest-hr", "5")
    assert athlete_cli.json("athlete", "show")["athlete"]["rest_hr"] is None  # nothing half-saved
