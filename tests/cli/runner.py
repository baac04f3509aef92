"""Run the CLI in-process through Typer's CliRunner, with helpers for the usual checks."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from typer.testing import CliRunner, Result

from stridewell.cli.app import app


@dataclass
class Cli:
    env: dict[str, str]
    runner: CliRunner = field(default_factory=CliRunner)

    def __call__(self, *args: str) -> Result:
        return self.runner.invoke(app, list(args), env=self.env)

    def ok(self, *args: str) -> Result:
        result = self(*args)
        assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--format", "json").stdout)

    def error(self, *args: str, exit_code: int = 1) -> str:
        """Run a command that must fail; returns its one-line error message."""
        result = self(*args)
        assert result.exit_code == exit_code, (result.stdout, result.stderr, result.exception)
        if exit_code == 1:
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1, result.stderr
            assert lines[0].startswith("Error: ")
            return lines[0]
        return result.stderr
