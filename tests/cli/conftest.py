"""A fresh SQLite file per CLI test, and a fixed "today"."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.runner import Cli

CLI_TODAY = "2026-03-11"


@pytest.fixture
def cli(tmp_path: Path) -> Cli:
    return Cli(
        env={
            "STRIDEWELL_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite'}",
            "STRIDEWELL_TODAY": CLI_TODAY,
        }
    )


@pytest.fixture
def athlete_cli(cli: Cli) -> Cli:
    """A database with one athlete (id 1) already in it."""
    cli.ok("athlete", "add", "--name", "Ada", "--sex", "F", "--birth-year", "1988")
    return cli
