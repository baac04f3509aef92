"""The one settings object, read from `STRIDEWELL_*` environment variables.

Every entry point (CLI, web, scripts) builds a `Settings` with `load_settings()` and passes it
down; nothing else reads the environment.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import platformdirs

APP_NAME = "stridewell"
DATABASE_FILENAME = "stridewell.sqlite"


class SettingsError(ValueError):
    """An environment variable holds a value Stridewell cannot use."""


@dataclass(frozen=True)
class Settings:
    # SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user@host/db
    database_url: str
    # Fixed "today" (STRIDEWELL_TODAY=YYYY-MM-DD) so runs and tests are reproducible.
    today_override: date | None = None

    def today(self) -> date:
        return self.today_override if self.today_override is not None else date.today()

    def with_database_url(self, url: str | None) -> Settings:
        """A copy that uses `url` (e.g. from `--db`), or this one unchanged when `url` is None."""
        return self if url is None else replace(self, database_url=url)


def default_database_url() -> str:
    """An SQLite file in the platform's user data directory (created when first opened)."""
    path = Path(platformdirs.user_data_dir(APP_NAME)) / DATABASE_FILENAME
    return f"sqlite:///{path}"


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    url = env.get("STRIDEWELL_DATABASE_URL", "").strip() or default_database_url()
    today_text = env.get("STRIDEWELL_TODAY", "").strip()
    today_override: date | None = None
    if today_text:
        try:
            today_override = date.fromisoformat(today_text)
        except ValueError:
            raise SettingsError(
                f"STRIDEWELL_TODAY={today_text!r} is not a date (YYYY-MM-DD)"
            ) from None
    return Settings(database_url=url, today_override=today_override)
