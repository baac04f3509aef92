"""Uploaded files: names that cannot escape the upload folder, and the names people gave them
kept in the report and on the stored activities."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from stridewell.domain.athletes import ValidationError
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.imports import iter_summaries
from stridewell.services.uploads import UploadedFile, import_uploads, safe_name, unique_name
from stridewell.store.db import session_factory, unit_of_work

CORPUS = Path(__file__).parents[2] / ".." / "shared" / "corpus"


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("run.fit", "run.fit"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\ada\\Morning Run.FIT", "Morning Run.FIT"),
        ("..", "upload"),
        ("", "upload"),
        (None, "upload"),
        ("bad\x00name?.gpx", "bad_name_.gpx"),
        ("x" * 300 + ".tcx.gz", "x" * 177 + ".gz"),
    ],
)
def test_an_uploaded_name_is_only_ever_a_plain_file_name(given: str | None, kept: str) -> None:
    assert safe_name(given) == kept


def test_files_sent_under_one_name_get_numbered() -> None:
    taken = {"run.fit", "run (2).fit"}
    assert unique_name("run.fit", taken) == "run (3).fit"
    assert unique_name("ride.fit", taken) == "ride.fit"
    assert unique_name("export.fit.gz", {"export.fit.gz"}) == "export (2).fit.gz"


def test_uploads_are_imported_under_the_names_they_were_sent_with(
    engine: Engine, today: date
) -> None:
    with unit_of_work(engine) as session:
        athlete = create_athlete(
            session, athlete_from_text(name="Ada", sex="F", birth_year=1988), today
        )
    good = (CORPUS / "fit" / "fitparse__2013-02-06-12-11-14.fit").read_bytes()
    files = [
        UploadedFile("Tuesday.fit", io.BytesIO(good)),
        UploadedFile("Tuesday.fit", io.BytesIO(b"not a watch file")),
    ]
    report = import_uploads(lambda: unit_of_work(engine), athlete, files)
    assert [item.path for item in report.imported] == ["Tuesday.fit"]
    assert [problem.path for problem in report.failed] == ["Tuesday (2).fit"]
    with session_factory(engine)() as session:
        assert athlete.id is not None
        stored = list(iter_summaries(session, athlete.id))
    assert [row["path"] for row in stored] == ["Tuesday.fit"]
    with pytest.raises(ValidationError) as nothing:
        import_uploads(lambda: unit_of_work(engine), athlete, [])
    assert nothing.value.field == "files"
