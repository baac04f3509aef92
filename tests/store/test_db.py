from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import IntegrityError

from stridewell.domain.athletes import Athlete, Injury
from stridewell.domain.vocab import Region, Sex, Side
from stridewell.store.db import is_sqlite, open_engine, sqlite_path, unit_of_work
from stridewell.store.migrate import upgrade
from stridewell.store.models import InjuryRow
from stridewell.store.repositories import AthleteRepository, InjuryRepository

ONSET = date(2025, 5, 1)


def test_sqlite_file_directory_is_created_on_demand(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/deep/er/stridewell.sqlite"
    engine = open_engine(url)
    upgrade(engine)
    engine.dispose()
    assert (tmp_path / "deep" / "er" / "stridewell.sqlite").is_file()


def test_sqlite_connections_enforce_foreign_keys(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_rows_pointing_at_a_missing_athlete_are_refused(engine: Engine) -> None:
    with pytest.raises(IntegrityError), unit_of_work(engine) as session:
        InjuryRepository(session).add(
            999, Injury(region=Region.HIP, side=Side.LEFT, onset=ONSET, severity=3)
        )


def test_deleting_an_athlete_deletes_their_injuries(engine: Engine) -> None:
    with unit_of_work(engine) as session:
        athlete = AthleteRepository(session).add(Athlete(name="A", sex=Sex.F, birth_year=1990))
        assert athlete.id is not None
        InjuryRepository(session).add(
            athlete.id, Injury(region=Region.HIP, side=Side.LEFT, onset=ONSET, severity=3)
        )
    with unit_of_work(engine) as session:
        # A bulk SQL delete: only the database's ON DELETE CASCADE can remove the injuries.
        session.execute(text("DELETE FROM athlete"))
    with unit_of_work(engine) as session:
        assert session.scalar(select(func.count()).select_from(InjuryRow)) == 0


def test_unit_of_work_rolls_back_when_the_block_fails(engine: Engine) -> None:
    with pytest.raises(RuntimeError), unit_of_work(engine) as session:
        AthleteRepository(session).add(Athlete(name="A", sex=Sex.F, birth_year=1990))
        raise RuntimeError("boom")
    with unit_of_work(engine) as session:
        assert AthleteRepository(session).count() == 0


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite://", None),
        ("sqlite:///:memory:", None),
        ("sqlite:////tmp/x.sqlite", Path("/tmp/x.sqlite")),
        ("postgresql+psycopg://u@h/db", None),
    ],
)
def test_sqlite_path_names_the_file_behind_a_url(url: str, path: Path | None) -> None:
    assert sqlite_path(url) == path
    assert is_sqlite(url) == url.startswith("sqlite")
