from __future__ import annotations

import json
from pathlib import Path

from stridewell import __version__
from tests.cli.runner import Cli


def test_help_lists_every_command_group(cli: Cli) -> None:
    result = cli.ok("--help")
    for command in ("init", "demo", "exercises", "athlete", "injury", "race", "plan"):
        assert command in result.stdout


def test_version(cli: Cli) -> None:
    assert cli.ok("--version").stdout.strip() == f"stridewell {__version__}"


def test_db_option_overrides_the_environment(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite"
    cli.ok(
        "--db",
        f"sqlite:///{other}",
        "athlete",
        "add",
        "--name",
        "B",
        "--sex",
        "M",
        "--birth-year",
        "1980",
    )
    assert other.is_file()
    assert cli.json("athlete", "list") == {"athletes": []}
    listed = cli.json("--db", f"sqlite:///{other}", "athlete", "list")
    assert [a["name"] for a in listed["athletes"]] == ["B"]


def test_a_database_that_cannot_be_opened_is_a_user_error(cli: Cli, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    message = cli.error("--db", f"sqlite:///{blocker}/x.sqlite", "athlete", "list")
    assert "database" in message
    assert "not valid" in cli.error("--db", "not a url", "athlete", "list")


def test_a_bad_today_override_is_a_user_error(cli: Cli) -> None:
    cli.env["STRIDEWELL_TODAY"] = "soon"
    assert "STRIDEWELL_TODAY" in cli.error("athlete", "list")


def test_usage_errors_exit_2(cli: Cli) -> None:
    cli.error("athlete", "add", "--name", "A", exit_code=2)  # missing options
    cli.error("athlete", "list", "--format", "xml", exit_code=2)
    cli.error("athlete", "add", "--name", "A", "--sex", "F", "--birth-year", "old", exit_code=2)
    cli.error("no-such-command", exit_code=2)


def test_read_commands_print_json_that_parses(athlete_cli: Cli) -> None:
    for command in (
        ["athlete", "list"],
        ["athlete", "show"],
        ["injury", "list"],
        ["race", "list"],
        ["exercises"],
    ):
        json.loads(athlete_cli.ok(*command, "--format", "json").stdout)
