"""The secret that signs CSRF tokens and cookies.

`STRIDEWELL_SECRET_KEY` wins; otherwise a random key is made once and kept in a file in the
data directory (readable by its owner only), so tokens stay valid across restarts.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path

import platformdirs

from stridewell.config import APP_NAME, SettingsError

SECRET_KEY_ENV = "STRIDEWELL_SECRET_KEY"
SECRET_KEY_FILENAME = "secret_key"
# 32 random bytes: as strong as the HMAC-SHA256 that uses it.
_KEY_BYTES = 32
_MIN_KEY_CHARS = 16


class SecretKeyError(SettingsError):
    """STRIDEWELL_SECRET_KEY is set to a key too weak to use."""


def load_secret_key(environ: Mapping[str, str] | None = None, data_dir: Path | None = None) -> str:
    """The key from the environment, else from (or newly written to) the data directory."""
    env = os.environ if environ is None else environ
    configured = env.get(SECRET_KEY_ENV, "").strip()
    if configured:
        if len(configured) < _MIN_KEY_CHARS:
            raise SecretKeyError(f"{SECRET_KEY_ENV} must be at least {_MIN_KEY_CHARS} characters")
        return configured
    folder = data_dir if data_dir is not None else Path(platformdirs.user_data_dir(APP_NAME))
    return _stored_key(folder / SECRET_KEY_FILENAME)


def _stored_key(path: Path) -> str:
    if path.exists():
        key = path.read_text(encoding="utf-8").strip()
        if len(key) >= _MIN_KEY_CHARS:
            return key
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(_KEY_BYTES)
    # Created with owner-only permissions from the start, never world-readable for a moment.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(key + "\n")
    return key
