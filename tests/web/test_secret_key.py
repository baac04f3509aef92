"""The signing key: from STRIDEWELL_SECRET_KEY, else made once and kept, owner-readable only."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from stridewell.web.secret_key import SECRET_KEY_FILENAME, SecretKeyError, load_secret_key


def test_the_environment_wins(tmp_path: Path) -> None:
    key = load_secret_key({"STRIDEWELL_SECRET_KEY": "from-the-environment-123"}, tmp_path)
    assert key == "from-the-environment-123"
    assert not (tmp_path / SECRET_KEY_FILENAME).exists()


def test_a_short_key_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SecretKeyError, match="at least 16"):
        load_secret_key({"STRIDEWELL_SECRET_KEY": "short"}, tmp_path)


def test_without_one_a_key_is_made_once_and_kept_private(tmp_path: Path) -> None:
    first = load_secret_key({}, tmp_path / "data")
    path = tmp_path / "data" / SECRET_KEY_FILENAME
    assert len(first) >= 32
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_secret_key({}, tmp_path / "data") == first  # same key after a restart


def test_a_damaged_key_file_is_replaced(tmp_path: Path) -> None:
    (tmp_path / SECRET_KEY_FILENAME).write_text("\n")
    key = load_secret_key({}, tmp_path)
    assert len(key) >= 32
    assert (tmp_path / SECRET_KEY_FILENAME).read_text().strip() == key
