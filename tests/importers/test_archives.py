"""Zip and gzip safety: escaping paths, bombs, lying headers, corruption."""

from __future__ import annotations

import gzip
import io
import random
import zipfile

import pytest

from stridewell.domain.activities import ActivityFileError
from stridewell.importers import archives
from stridewell.importers.archives import check_member_name, gunzip, list_zip, read_member


def zip_of(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


@pytest.mark.parametrize(
    "name", ["../../etc/passwd", "/etc/passwd", "a/../../b.gpx", "C:/Windows/x.fit", "..\\evil.fit"]
)
def test_member_names_that_escape_are_refused(name: str) -> None:
    with pytest.raises(ActivityFileError) as raised:
        check_member_name(name)
    assert str(raised.value) == f"zip member path escapes the archive: {name}"


def test_an_escaping_member_condemns_the_whole_archive() -> None:
    archive = zip_of({"run.gpx": b"<gpx/>", "../../etc/passwd": b"root:x:0:0"})
    with pytest.raises(ActivityFileError, match=r"escapes the archive: \.\./\.\./etc/passwd"):
        list_zip(archive, "upload.zip")


def test_macos_shadow_files_and_folders_are_left_out() -> None:
    archive = zip_of(
        {"run.fit": b"x", "__MACOSX/._run.fit": b"y", "sub/._x.gpx": b"z", "sub/": b""}
    )
    assert [member.name for member in list_zip(archive, "a.zip")] == ["run.fit"]


def test_a_zip_bomb_is_refused_by_its_declared_ratio() -> None:
    archive = zip_of({"bomb.gpx": b"\0" * (20 * 1024 * 1024)})  # about 1000:1
    with pytest.raises(ActivityFileError) as raised:
        list_zip(archive, "bomb.zip")
    assert str(raised.value).startswith("zip member expands beyond limit: bomb.gpx inflates")


def test_a_member_over_the_size_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archives, "MAX_MEMBER_BYTES", 1000)
    archive = zip_of({"big.tcx": bytes(range(256)) * 8}, zipfile.ZIP_STORED)
    with pytest.raises(
        ActivityFileError, match="^zip member expands beyond limit: big.tcx declares"
    ):
        list_zip(archive, "a.zip")


def test_a_lying_header_yields_no_more_than_it_declares() -> None:
    archive = zip_of({"small.gpx": b"a" * 5_000_000})
    archive.getinfo("small.gpx").file_size = 10  # the header claims 10 bytes
    with pytest.raises(ActivityFileError, match="^zip member is corrupt: small.gpx .*CRC"):
        read_member(archive, "small.gpx")


def test_all_members_together_are_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archives, "MAX_ARCHIVE_BYTES", 3000)
    archive = zip_of({f"{i}.fit": bytes(range(256)) * 4 for i in range(4)}, zipfile.ZIP_STORED)
    with pytest.raises(ActivityFileError, match="^zip archive expands beyond limit: many.zip"):
        list_zip(archive, "many.zip")


def test_a_corrupt_member_fails_alone() -> None:
    raw = io.BytesIO()
    noise = random.Random(1).randbytes(3000)  # does not compress: its data is long
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("good.gpx", noise)
        archive.writestr("bad.gpx", noise)
    data = bytearray(raw.getvalue())
    start = data.index(b"bad.gpx") + len(b"bad.gpx")  # first member header ends, data follows
    data[start + 5 : start + 15] = b"\xff" * 10
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    assert read_member(archive, "good.gpx") == noise
    with pytest.raises(ActivityFileError, match="^zip member is corrupt: bad.gpx"):
        read_member(archive, "bad.gpx")


def test_gzip_round_trip_and_concatenated_members() -> None:
    assert gunzip(gzip.compress(b"first") + gzip.compress(b" second")) == b"first second"


def test_gzip_bomb_stops_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archives, "MAX_MEMBER_BYTES", 1024 * 1024)
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))  # 50 MiB in about 50 KB
    with pytest.raises(ActivityFileError, match="^gzip content expands beyond limit"):
        gunzip(bomb)


def test_truncated_and_corrupt_gzip() -> None:
    packed = gzip.compress(b"<gpx>" + b"x" * 10_000 + b"</gpx>")
    with pytest.raises(ActivityFileError, match="^gzip data is truncated"):
        gunzip(packed[: len(packed) // 2])
    broken = packed[:20] + bytes(b ^ 0xFF for b in packed[20:40]) + packed[40:]
    with pytest.raises(ActivityFileError, match="^gzip data is corrupt"):
        gunzip(broken)
