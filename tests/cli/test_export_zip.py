"""`stridewell export zip`: one athlete's CSV files, a README and, on request, the samples of a
real watch file."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from tests.cli.runner import Cli

CORPUS = (Path(__file__).parents[2] / ".." / "shared" / "corpus").resolve()
RUN = CORPUS / "fit" / "fitparse__2013-02-06-12-11-14.fit"  # Forerunner 110 run with HR


@pytest.mark.skipif(not RUN.is_file(), reason="shared corpus not found")
def test_the_zip_has_the_athletes_tables_and_the_runs_samples(
    athlete_cli: Cli, tmp_path: Path
) -> None:
    athlete_cli.ok("import", str(RUN), "--athlete", "1")
    target = tmp_path / "mine.zip"
    out = athlete_cli.ok("export", "zip", "--samples", "--output", str(target)).output
    assert f"to {target}" in out and "samples of 1 activities" in out
    archive = zipfile.ZipFile(target)
    (activity,) = csv.DictReader(io.StringIO(archive.read("activities.csv").decode("utf-8")))
    samples = list(
        csv.DictReader(
            io.StringIO(archive.read(f"samples/activity-{activity['id']}.csv").decode("utf-8"))
        )
    )
    assert len(samples) == int(activity["samples"])
    assert {"t", "distance", "hr"} <= set(samples[0])
    # Heart rate is whole beats per minute, written without decimals.
    assert all(row["hr"] == "" or row["hr"].isdigit() for row in samples)
    assert not list(tmp_path.glob("*.partial"))


def test_without_samples_and_for_an_unknown_athlete(athlete_cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "mine.zip"
    athlete_cli.ok("export", "zip", "--output", str(target), "--athlete", "1")
    names = zipfile.ZipFile(target).namelist()
    assert "athletes.csv" in names and not any(name.startswith("samples/") for name in names)
    unknown = tmp_path / "x.zip"
    error = athlete_cli.error("export", "zip", "--output", str(unknown), "--athlete", "7")
    assert "7" in error
    assert not (tmp_path / "x.zip").exists()
