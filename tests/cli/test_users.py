"""`stridewell user …`: accounts from the command line."""

from __future__ import annotations

import json

from typer.testing import Result

from stridewell.cli.app import app
from tests.cli.runner import Cli

PASSWORD = "hill repeats x10"


def add(cli: Cli, email: str, *options: str, password: str = PASSWORD) -> Result:
    return cli.runner.invoke(
        app,
        ["user", "add", email, "--password-stdin", *options],
        input=password + "\n",
        env=cli.env,
    )


def test_accounts_are_added_listed_linked_and_removed(athlete_cli: Cli) -> None:
    assert athlete_cli.json("user", "list") == {"users": []}
    result = add(athlete_cli, "Coach@Club.example", "--role", "coach")
    assert result.exit_code == 0, result.stderr
    add(athlete_cli, "ada@club.example", "--athlete", "1")
    users = athlete_cli.json("user", "list")["users"]
    assert [(u["email"], u["role"], u["athlete_id"]) for u in users] == [
        ("coach@club.example", "coach", None),
        ("ada@club.example", "athlete", 1),
    ]
    assert "coaches athlete 1" in athlete_cli.ok("user", "link", "coach@club.example", "1").stdout
    assert "(already)" in athlete_cli.ok("user", "link", "coach@club.example", "1").stdout
    athlete_cli.ok("user", "unlink", "coach@club.example", "1")
    message = athlete_cli.error("user", "unlink", "coach@club.example", "1")
    assert "does not coach athlete 1" in message
    athlete_cli.ok("user", "role", "coach@club.example", "admin")
    athlete_cli.ok("user", "remove", "ada@club.example")
    remaining = athlete_cli.json("user", "list")["users"]
    assert [(u["email"], u["role"]) for u in remaining] == [("coach@club.example", "admin")]


def test_bad_accounts_are_refused_with_one_line(athlete_cli: Cli) -> None:
    weak = add(athlete_cli, "ada@club.example", password="short")
    assert weak.exit_code == 1
    assert "at least 10 characters" in weak.stderr
    add(athlete_cli, "ada@club.example")
    again = add(athlete_cli, "ADA@club.example")
    assert "exists already" in again.stderr
    assert "is not an email address" in add(athlete_cli, "ada").stderr
    assert "role must be one of" in add(athlete_cli, "bo@club.example", "--role", "owner").stderr
    assert "no athlete with id 9" in athlete_cli.error("user", "athlete", "ada@club.example", "9")
    assert "is not a coach" in athlete_cli.error("user", "link", "ada@club.example", "1")
    assert "no account for" in athlete_cli.error("user", "remove", "nobody@club.example")
    assert (
        json.loads(athlete_cli.ok("user", "list", "--format", "json").stdout)["users"][0]["email"]
        == "ada@club.example"
    )


def test_a_password_is_reset_from_stdin(athlete_cli: Cli) -> None:
    add(athlete_cli, "ada@club.example")
    result = athlete_cli.runner.invoke(
        app,
        ["user", "password", "ada@club.example", "--password-stdin"],
        input="a new long password\n",
        env=athlete_cli.env,
    )
    assert result.exit_code == 0 and "New password set" in result.stdout


def test_the_last_admin_is_kept_while_other_accounts_remain(athlete_cli: Cli) -> None:
    add(athlete_cli, "admin@club.example", "--role", "admin")
    add(athlete_cli, "coach@club.example", "--role", "coach")
    assert "only admin" in athlete_cli.error("user", "role", "admin@club.example", "coach")
    assert "only admin" in athlete_cli.error("user", "remove", "admin@club.example")
    athlete_cli.ok("user", "remove", "coach@club.example")
    athlete_cli.ok("user", "remove", "admin@club.example")  # the last account: sign-in off
    assert athlete_cli.json("user", "list") == {"users": []}
