"""Walking paths into import items: folders, zips (nested once), gzip, every corpus container."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from stridewell.domain.activities import ActivityFileError, NoActivityInFile
from stridewell.domain.activity_metrics import derive
from stridewell.importers import ImportItem, close_archives, iter_import_items, parse_item

CORPUS = (Path(__file__).parents[2] / ".." / "shared" / "corpus").resolve()
GPX = (
    b'<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
    b'<trk><trkseg><trkpt lat="1" lon="1"><time>2024-01-01T00:00:00Z</time></trkpt>'
    b'<trkpt lat="1" lon="1.001"><time>2024-01-01T00:00:30Z</time></trkpt></trkseg></trk></gpx>'
)


@cache
def expected() -> dict[str, Any]:
    files: dict[str, Any] = json.loads((CORPUS / "EXPECTED.json").read_text())["files"]
    return files


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def paths_of(items: list[ImportItem], root: Path) -> list[str]:
    return [item.path.replace(str(root) + "/", "") for item in items]


@pytest.fixture(autouse=True)
def _close_archives() -> Any:
    yield
    close_archives()


def test_folder_walk_takes_activity_files_and_zips_and_passes_over_the_rest(tmp_path: Path) -> None:
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "b.gpx").write_bytes(GPX)
    (tmp_path / "2024" / "a.GPX.gz").write_bytes(gzip.compress(GPX))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "notes.txt").write_text("felt good")
    (tmp_path / ".hidden.gpx").write_bytes(GPX)
    (tmp_path / "old.zip").write_bytes(zip_bytes({"x.tcx": b"<x/>", "readme.md": b"hi"}))
    items = list(iter_import_items([tmp_path]))
    assert paths_of(items, tmp_path) == ["old.zip!x.tcx", "2024/a.GPX.gz", "2024/b.gpx"]
    parsed = parse_item(items[1])
    assert parsed.sha256 == parse_item(items[2]).sha256  # gzip is unwrapped before hashing
    assert parsed.activities[0].start_utc == datetime(2024, 1, 1, tzinfo=UTC)


def test_a_file_named_directly_is_taken_whatever_its_name(tmp_path: Path) -> None:
    renamed = tmp_path / "export.dat"
    renamed.write_bytes(GPX)
    picture = tmp_path / "map.png.gpx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40)
    first, second = iter_import_items([renamed, picture])
    assert parse_item(first).activities[0].source_kind == "gpx"
    with pytest.raises(ActivityFileError, match="^unrecognised file format: a PNG image"):
        parse_item(second)


def test_missing_path_is_an_item_that_fails(tmp_path: Path) -> None:
    (item,) = iter_import_items([tmp_path / "nope.fit"])
    with pytest.raises(ActivityFileError, match="^no such file or directory$"):
        parse_item(item)


def test_nested_zip_is_opened_one_level_only(tmp_path: Path) -> None:
    inner = zip_bytes({"run.gpx": GPX, "deeper.zip": zip_bytes({"x.gpx": GPX})})
    outer = tmp_path / "outer.zip"
    outer.write_bytes(zip_bytes({"inner.zip": zip_bytes({"run.gpx": GPX}), "too.zip": inner}))
    items = list(iter_import_items([outer]))
    assert paths_of(items, tmp_path) == ["outer.zip!inner.zip!run.gpx", "outer.zip!too.zip"]
    assert parse_item(items[0]).activities[0].samples == 2
    with pytest.raises(ActivityFileError, match="^nested archive too deep: .*deeper.zip"):
        parse_item(items[1])


def test_hostile_zips_become_one_failing_item_each(tmp_path: Path) -> None:
    slip = tmp_path / "slip.zip"
    slip.write_bytes(zip_bytes({"ok.gpx": GPX, "../../etc/passwd": b"root"}))
    bomb = tmp_path / "bomb.zip"
    bomb.write_bytes(zip_bytes({"bomb.gpx": b"\0" * (16 * 1024 * 1024)}))
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    items = list(iter_import_items([slip, bomb, broken]))
    assert [item.path for item in items] == [str(slip), str(bomb), str(broken)]
    messages = []
    for item in items:
        with pytest.raises(ActivityFileError) as raised:
            parse_item(item)
        messages.append(str(raised.value))
    assert messages[0] == "zip member path escapes the archive: ../../etc/passwd"
    assert messages[1].startswith("zip member expands beyond limit: bomb.gpx")
    assert messages[2].startswith("not a valid zip archive:")


def corpus_other_members() -> list[str]:
    if not CORPUS.is_dir():
        return []
    return sorted(
        key
        for key, entry in expected().items()
        if key.startswith("other/") and entry.get("format") in ("gpx", "tcx", "fit")
    )


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}")
def test_every_corpus_container_member_is_found_and_matches_its_reference() -> None:
    items = {
        item.path.removeprefix(str(CORPUS) + "/"): item
        for item in iter_import_items(sorted((CORPUS / "other").iterdir()))
    }
    for key in corpus_other_members():
        reference = expected()[key]
        assert key in items, f"{key} was not found"
        parsed = parse_item(items[key])
        if reference["format"] == "fit":
            starts = {a.start_utc.isoformat().replace("+00:00", "Z") for a in parsed.activities}
            assert reference["start_time"] in starts
            continue  # FIT summaries are checked by the FIT decoder's own corpus tests
        activities = [derive(a) for a in parsed.activities]
        assert sum(a.samples for a in activities) == reference["trackpoint_count"]
        start = activities[0].start_utc.isoformat().replace("+00:00", "Z")
        assert start == reference["start_time"]
        wanted = reference.get("device_distance_m") or reference["haversine_distance_m"]
        if wanted:
            assert activities[0].distance_m == pytest.approx(wanted, rel=0.005)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"no shared corpus at {CORPUS}")
def test_macos_shadow_members_in_a_real_zip_are_not_items() -> None:
    archive = CORPUS / "other" / "gc__swims__HRM-unbucle-resync.zip"
    paths = [item.path.rsplit("!", 1)[1] for item in iter_import_items([archive])]
    assert paths == ["activity_2677977976.fit", "activity_2677977976.tcx"]


def test_folder_holding_only_routes_gives_no_activity_items(tmp_path: Path) -> None:
    (tmp_path / "route.gpx").write_bytes(
        b'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><rte>'
        b'<rtept lat="1" lon="1"/></rte></gpx>'
    )
    (item,) = iter_import_items([tmp_path])
    with pytest.raises(NoActivityInFile):
        parse_item(item)
