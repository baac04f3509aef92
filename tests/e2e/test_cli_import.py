"""`stridewell import` and `stridewell activities` as a user runs them: a real process, real
files from the shared corpus, a pool of workers, and a second import that adds nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.test_cli_e2e import Stridewell, _entry_point

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not found")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A folder with runs in three formats, a gzipped file, a broken file and a settings file."""
    folder = tmp_path / "watch"
    (folder / "nested").mkdir(parents=True)
    for name in (
        "fit/fitparse__2013-02-06-12-11-14.fit",
        "fit/fitparse__garmin-fenix-5-run.fit",
        "fit/fitparse__activity-unexpected-eof.fit",
        "fit/fitparse__Settings.fit",
        "gpx/runpandas__run.gpx",
        "tcx/tcxparser__test.tcx",
        "other/gc__rides__14582164182.fit.gz",
    ):
        shutil.copy(CORPUS / name, folder / "nested" / Path(name).name)
    (folder / "notes.txt").write_text("not an activity")  # ignored inside a folder
    return folder


def test_import_then_reimport(tmp_path: Path, archive: Path) -> None:
    cli = Stridewell(tmp_path / "import.sqlite", _entry_point())
    cli.ok("athlete", "add", "--name", "Ada", "--sex", "F", "--birth-year", "1990")
    first = cli.json("import", str(archive), "--workers", "2")
    assert first["imported"] == 5 and first["duplicates"] == 0
    assert [f["path"].rsplit("/", 1)[-1] for f in first["failed"]] == [
        "fitparse__activity-unexpected-eof.fit"
    ]
    assert first["failed"][0]["error"].startswith("FIT file truncated at byte")
    assert [s["path"].rsplit("/", 1)[-1] for s in first["skipped"]] == ["fitparse__Settings.fit"]
    for activity in first["activities"]:
        assert set(activity) >= {
            "id", "path", "sport", "start", "distance_m", "elapsed_s", "moving_s", "samples"
        }
        assert activity["start"][-6] in "+-"  # ISO 8601 with an offset
    again = cli.json("import", str(archive))
    assert again["imported"] == 0 and again["duplicates"] == 5
    listed = cli.json("activities")["activities"]
    assert sorted(a["id"] for a in listed) == sorted(a["id"] for a in first["activities"])
    table = cli.ok("import", str(archive))
    assert "5 duplicates" in table


def test_import_of_a_missing_path_is_reported(tmp_path: Path) -> None:
    cli = Stridewell(tmp_path / "missing.sqlite", _entry_point())
    cli.ok("athlete", "add", "--name", "Ada", "--sex", "F", "--birth-year", "1990")
    result = cli.json("import", str(tmp_path / "nope.fit"))
    assert result["imported"] == 0
    assert result["failed"][0]["error"] == "no such file or directory"
