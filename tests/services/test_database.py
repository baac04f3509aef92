from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from stridewell.services.athletes import athlete_from_text, create_athlete, list_athletes
from stridewell.services.database import Database, DatabaseError
from stridewell.store import migrate


def test_init_creates_then_checks(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path}/new/db.sqlite")
    first = database.init()
    assert (first.action, first.before, first.revision) == (
        "Created",
        "empty",
        migrate.head_revision(),
    )
    assert database.init().action == "Checked"
    database.close()


def test_init_migrates_an_older_schema(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path}/old.sqlite")
    migrate.upgrade(database.engine, "0001")
    with pytest.raises(DatabaseError, match="stridewell init"), database.session():
        pass
    assert database.init().action == "Migrated"
    database.close()


def test_a_session_commits_its_work(tmp_path: Path, today: date) -> None:
    database = Database(f"sqlite:///{tmp_path}/work.sqlite")
    with database.session() as session:
        create_athlete(session, athlete_from_text(name="A", sex="F", birth_year=1990), today)
    with database.session() as session:
        assert [a.name for a in list_athletes(session)] == ["A"]
    database.close()


def test_password_is_hidden_in_messages() -> None:
    assert "secret" not in Database("postgresql+psycopg://u:secret@db.example/x").describe()


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("not a url", "is not valid"),
        ("nosuchdialect://x/y", "is not valid"),
        ("postgresql+psycopg://nobody@127.0.0.1:1/none", "cannot use the database"),
    ],
)
def test_unusable_urls_are_one_line_database_errors(url: str, words: str) -> None:
    database = Database(url)
    with pytest.raises(DatabaseError, match=words) as error, database.session():
        pass
    assert "\n" not in str(error.value)
    database.close()
