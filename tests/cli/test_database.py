from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect

from stridewell.store import migrate
from stridewell.store.db import open_engine
from tests.cli.runner import Cli


def test_init_creates_then_checks_the_database(cli: Cli, tmp_path: Path) -> None:
    assert cli.ok("init").stdout.startswith("Created ")
    assert f"(schema {migrate.head_revision()})" in cli.ok("init").stdout
    assert cli.ok("init").stdout.startswith("Checked ")
    engine = open_engine(cli.env["STRIDEWELL_DATABASE_URL"])
    assert "athlete" in inspect(engine).get_table_names()
    engine.dispose()


def test_init_migrates_an_older_database(cli: Cli) -> None:
    engine = open_engine(cli.env["STRIDEWELL_DATABASE_URL"])
    migrate.upgrade(engine, "0001")
    assert "migration" in cli.error("athlete", "list")
    assert cli.ok("init").stdout.startswith("Migrated ")
    assert migrate.schema_status(engine) is migrate.SchemaStatus.CURRENT
    engine.dispose()


def test_commands_create_the_tables_of_an_empty_database_themselves(cli: Cli) -> None:
    assert cli.json("athlete", "list") == {"athletes": []}


def test_init_refuses_a_database_with_foreign_tables(cli: Cli, tmp_path: Path) -> None:
    engine = open_engine(cli.env["STRIDEWELL_DATABASE_URL"])
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE athlete (id INTEGER PRIMARY KEY)")
    engine.dispose()
    assert "did not create" in cli.error("init")


def test_demo_adds_the_runner_once(cli: Cli) -> None:
    first = cli.ok("demo").stdout
    assert "demo athlete" in first and "plan" in first
    again = cli.ok("demo").stdout
    assert "already has athletes" in again
    athletes = cli.json("athlete", "list")["athletes"]
    assert len(athletes) == 1 and athletes[0]["sex"] == "F"
    plan = cli.json("plan", "show")["plan"]
    assert plan["race"]["distance_m"] == 42195.0
    assert "Week 1" in cli.ok("plan", "show").stdout


def test_demo_into_a_database_with_an_athlete_changes_nothing(athlete_cli: Cli) -> None:
    assert "already has athletes" in athlete_cli.ok("demo").stdout
    assert [a["name"] for a in athlete_cli.json("athlete", "list")["athletes"]] == ["Ada"]
