"""Reading zip members and gzip streams from untrusted archives, within limits.

Zip: a member whose name is absolute or climbs out with `..` makes the whole archive suspect, and
it is refused before anything is read from it (we never extract to disk, but such a name only
comes from a broken or hostile tool). Declared sizes are checked first (a member larger than
`MAX_MEMBER_BYTES`, or expanding more than `MAX_RATIO` times its compressed size, is a zip bomb),
and the bytes actually inflated are counted as they stream, so a header that lies is caught too.
Gzip is inflated incrementally and stopped at the same size limit.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from stridewell.domain.activities import ActivityFileError

MAX_MEMBER_BYTES = 256 * 1024 * 1024  # a 24-hour TCX at one point a second is about 60 MB
MAX_ARCHIVE_BYTES = 4 * 1024 * 1024 * 1024  # all members an import would read, together
# Activity files compress 3-20 times; deflate can reach about 1030.
MAX_RATIO = 100
RATIO_CHECKED_ABOVE_BYTES = 1024 * 1024  # tiny members may compress absurdly well, harmlessly
GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ZipMember:
    name: str
    size: int  # declared uncompressed size


def list_zip(archive: zipfile.ZipFile, display: str) -> list[ZipMember]:
    """The archive's file members, after refusing unsafe names and declared zip bombs.

    `display` names the archive in messages. AppleDouble shadows (`__MACOSX/`, `._name`) that
    macOS adds to zips are left out.
    """
    members = []
    total = 0
    for info in archive.infolist():
        check_member_name(info.filename)
        if info.is_dir() or _is_macos_shadow(info.filename):
            continue
        _check_declared_size(info)
        total += info.file_size
        members.append(ZipMember(info.filename, info.file_size))
    if total > MAX_ARCHIVE_BYTES:
        raise ActivityFileError(
            f"zip archive expands beyond limit: {display} declares {_size(total)} "
            f"(limit {_size(MAX_ARCHIVE_BYTES)})"
        )
    return members


def check_member_name(name: str) -> None:
    """Refuse a member name that is absolute or climbs out of the archive."""
    normalised = name.replace("\\", "/")
    parts = normalised.split("/")
    if normalised.startswith("/") or (len(parts[0]) == 2 and parts[0][1] == ":") or ".." in parts:
        raise ActivityFileError(f"zip member path escapes the archive: {name}")


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes, counted as they inflate so a lying header cannot exceed the limit."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ActivityFileError(f"zip member not found: {name}") from None
    if info.flag_bits & 0x1:
        raise ActivityFileError(f"zip member is encrypted: {name}")
    _check_declared_size(info)
    chunks = []
    size = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > MAX_MEMBER_BYTES:
                    raise ActivityFileError(
                        f"zip member expands beyond limit: {name} "
                        f"(more than {_size(MAX_MEMBER_BYTES)})"
                    )
                chunks.append(chunk)
    except zipfile.BadZipFile as error:
        raise ActivityFileError(f"zip member is corrupt: {name} ({error})") from None
    except NotImplementedError as error:
        raise ActivityFileError(
            f"zip member uses an unsupported compression: {name} ({error})"
        ) from None
    except (zlib.error, EOFError) as error:
        raise ActivityFileError(f"zip member is corrupt: {name} ({error})") from None
    return b"".join(chunks)


def open_zip(data_or_path: bytes | Path, display: str) -> zipfile.ZipFile:
    """An archive opened for reading; one line naming the archive if it is not a zip."""
    try:
        source = io.BytesIO(data_or_path) if isinstance(data_or_path, bytes) else data_or_path
        return zipfile.ZipFile(source)
    except zipfile.BadZipFile as error:
        raise ActivityFileError(f"not a valid zip archive: {display} ({error})") from None
    except OSError as error:
        raise ActivityFileError(f"cannot read {display}: {error.strerror or error}") from None


def gunzip(data: bytes) -> bytes:
    """Inflate gzip data (all members, as `gzip` concatenation allows) within the size limit."""
    output = []
    size = 0
    remaining = data
    while remaining:
        inflater = zlib.decompressobj(wbits=31)
        pending = remaining
        try:
            while pending:
                chunk = inflater.decompress(pending, _CHUNK)
                size += len(chunk)
                if size > MAX_MEMBER_BYTES:
                    raise ActivityFileError(
                        f"gzip content expands beyond limit (more than {_size(MAX_MEMBER_BYTES)})"
                    )
                output.append(chunk)
                pending = inflater.unconsumed_tail
                if inflater.eof:
                    break
        except zlib.error as error:
            raise ActivityFileError(f"gzip data is corrupt ({error})") from None
        if not inflater.eof:
            raise ActivityFileError("gzip data is truncated: the stream ends before its end marker")
        remaining = inflater.unused_data
        if remaining and not remaining.startswith(GZIP_MAGIC):
            break  # trailing padding after the last member, as some tools write
    return b"".join(output)


def iter_zip_members(path: Path, display: str) -> Iterator[ZipMember]:
    """Members of a zip on disk, checked (see `list_zip`)."""
    with open_zip(path, display) as archive:
        yield from list_zip(archive, display)


def _check_declared_size(info: zipfile.ZipInfo) -> None:
    if info.file_size > MAX_MEMBER_BYTES:
        raise ActivityFileError(
            f"zip member expands beyond limit: {info.filename} declares {_size(info.file_size)} "
            f"(limit {_size(MAX_MEMBER_BYTES)})"
        )
    if info.file_size > RATIO_CHECKED_ABOVE_BYTES:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > MAX_RATIO:
            raise ActivityFileError(
                f"zip member expands beyond limit: {info.filename} inflates {ratio:.0f}:1 "
                f"(limit {MAX_RATIO}:1)"
            )


def _is_macos_shadow(name: str) -> bool:
    return name.startswith("__MACOSX/") or posixpath.basename(name).startswith("._")


def _size(n_bytes: int) -> str:
    if n_bytes >= 1024**3:
        return f"{n_bytes / 1024**3:.1f} GiB"
    return f"{n_bytes / 1024**2:.0f} MiB"
