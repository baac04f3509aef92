"""Structural rules of design.md, checked on the source so a wrong import fails the build.

Layers depend inwards only: domain ← importers, store ← services ← cli, web.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer.main

from stridewell.cli.app import app

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "stridewell"
FRAMEWORKS = {"sqlalchemy", "alembic", "fastapi", "starlette", "typer", "click", "rich", "lxml"}
LAYERS = ("domain", "importers", "store", "services", "cli", "web")
# Which project layers each layer may import (config is the one settings object, for the edges).
ALLOWED = {
    "domain": {"domain"},
    "importers": {"domain", "importers"},
    "store": {"domain", "store"},
    "services": {"domain", "importers", "store", "services"},
    "cli": {"domain", "services", "cli", "config"},
    "web": {"domain", "services", "web", "config"},
}
# `stridewell serve` starts the web app: the one module of the CLI that reaches into `web`.
EXCEPTIONS = {("cli/serve.py", "web")}


def _imports(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


def test_every_layer_exists() -> None:
    for layer in ("domain", "store", "services", "cli"):
        assert _modules(layer), f"no modules under {layer}/"


def test_domain_stays_pure() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules("domain")
        for name in _imports(path)
        if name.split(".")[0] in FRAMEWORKS
    ]
    assert offenders == []


@pytest.mark.parametrize("layer", LAYERS)
def test_layers_import_only_inner_layers(layer: str) -> None:
    offenders = []
    for path in _modules(layer):
        for name in _imports(path):
            parts = name.split(".")
            if parts[0] != "stridewell" or len(parts) < 2:
                continue
            relative = path.relative_to(PACKAGE).as_posix()
            if parts[1] not in ALLOWED[layer] and (relative, parts[1]) not in EXCEPTIONS:
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_importers_use_no_database_or_interface_framework() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for path in _modules("importers")
        for name in _imports(path)
        if name.split(".")[0] in FRAMEWORKS - {"lxml"}
    ]
    assert offenders == []


def _commands(command: object, path: str) -> Iterator[tuple[str, object]]:
    yield path, command
    subcommands = getattr(command, "commands", {})
    for name, sub in subcommands.items():
        yield from _commands(sub, f"{path} {name}")


def test_every_cli_command_has_help_with_an_example() -> None:
    root = typer.main.get_command(app)
    missing = []
    for path, command in _commands(root, "stridewell"):
        help_text = getattr(command, "help", None) or ""
        if not help_text.strip():
            missing.append(f"{path}: no help")
        elif not getattr(command, "commands", None) and "Example" not in help_text:
            missing.append(f"{path}: no example in its help")
        for param in getattr(command, "params", []):
            if getattr(param, "param_type_name", "") == "option" and not getattr(param, "help", ""):
                missing.append(f"{path} {param.opts[0]}: option without help")
    assert missing == []
