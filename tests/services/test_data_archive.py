"""An athlete's data as a zip: their CSV tables only, and on request their samples, exact."""

from __future__ import annotations

import csv
import io
import math
import zipfile
from datetime import UTC, date, datetime

import numpy as np
import pytest
from sqlalchemy import Engine

from stridewell.domain.activities import Streams
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.data_archive import samples_csv, write_athlete_archive
from stridewell.services.errors import NotFoundError
from stridewell.services.exports import csv_tables
from stridewell.store.db import unit_of_work
from tests.web.test_activities import add_activity, steady_run

STAMP = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)


def two_runners(engine: Engine, today: date) -> tuple[int, int, int, int]:
    """Ada and Bo, a run each (Ada's with samples); their ids and their runs' ids."""
    with unit_of_work(engine) as session:
        ada = create_athlete(
            session, athlete_from_text(name="Ada", sex="F", birth_year=1988), today
        )
        bo = create_athlete(session, athlete_from_text(name="Bo", sex="M", birth_year=1979), today)
    assert ada.id is not None and bo.id is not None
    ada_run = add_activity(
        engine, ada.id, steady_run(datetime(2026, 5, 1, 7, tzinfo=UTC), 900), "a"
    )
    bo_run = add_activity(engine, bo.id, steady_run(datetime(2026, 5, 2, 7, tzinfo=UTC), 60), "b")
    return ada.id, bo.id, ada_run, bo_run


def archive_of(engine: Engine, athlete_id: int, *, samples: bool) -> zipfile.ZipFile:
    out = io.BytesIO()
    with unit_of_work(engine) as session:
        write_athlete_archive(session, athlete_id, out, STAMP, samples=samples)
    out.seek(0)
    return zipfile.ZipFile(out)


def rows(archive: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8"))))


def test_the_archive_holds_the_athletes_own_tables_as_export_csv_writes_them(
    engine: Engine, today: date
) -> None:
    ada, bo, ada_run, bo_run = two_runners(engine, today)
    archive = archive_of(engine, ada, samples=False)
    with unit_of_work(engine) as session:
        expected = {f"{table.name}.csv": table.text() for table in csv_tables(session, ada)}
    names = set(archive.namelist())
    assert names == {"README.txt", *expected}
    for name, text in expected.items():
        assert archive.read(name).decode("utf-8") == text
    assert [row["name"] for row in rows(archive, "athletes.csv")] == ["Ada"]
    assert [int(row["id"]) for row in rows(archive, "activities.csv")] == [ada_run]
    assert not any(name.startswith("samples/") for name in names)
    assert "not in this archive" in archive.read("README.txt").decode("utf-8")


def test_samples_come_back_exactly_one_file_per_activity_of_the_athlete(
    engine: Engine, today: date
) -> None:
    ada, _, ada_run, bo_run = two_runners(engine, today)
    archive = archive_of(engine, ada, samples=True)
    sample_files = [name for name in archive.namelist() if name.startswith("samples/")]
    assert sample_files == [f"samples/activity-{ada_run}.csv"]
    table = rows(archive, sample_files[0])
    stored = steady_run(datetime(2026, 5, 1, 7, tzinfo=UTC), 900).streams
    assert list(table[0]) == ["t", "distance", "speed", "hr", "altitude"]
    assert len(table) == 900
    for name, column in stored.columns.items():
        read = np.array([float(row[name]) for row in table])
        # Heart rate and altitude are stored as float32 within the store's tolerance.
        np.testing.assert_allclose(read, column, rtol=0, atol=0.005)
    readme = archive.read("README.txt").decode("utf-8")
    assert "samples/activity-<id>.csv" in readme and "beats per minute" in readme


def test_a_missing_sample_is_an_empty_cell_and_numbers_read_back_the_same() -> None:
    streams = Streams(
        {
            "t": np.array([0.0, 1.0, 2.0]),
            "hr": np.array([141.0, math.nan, 143.0]),
            "distance": np.array([0.0, 3.1, 6.000000000000001]),
            "dev:Form, power": np.array([1.5, 2.0, 2.5]),
        }
    )
    text = samples_csv(streams).decode("utf-8")
    lines = text.split("\r\n")
    assert lines[0] == 't,distance,hr,"dev:Form, power"'
    assert lines[1] == "0,0.0,141,1.5"
    assert lines[2] == "1,3.1,,2.0"
    assert float(lines[3].split(",")[1]) == 6.000000000000001
    assert text.endswith("\r\n")


def test_an_unknown_athlete_is_not_found(engine: Engine) -> None:
    with unit_of_work(engine) as session, pytest.raises(NotFoundError):
        write_athlete_archive(session, 999, io.BytesIO(), STAMP)
