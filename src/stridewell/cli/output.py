"""Rendering: JSON for scripts, Rich tables for people — from the same dict or objects."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer
from rich.console import Console
from rich.table import Table


def console() -> Console:
    # Off a terminal (pipes, tests) Rich would assume 80 columns; plans read better wider.
    return Console(width=None if sys.stdout.isatty() else 120, highlight=False)


def print_json(data: Any) -> None:
    typer.echo(json.dumps(data, indent=2, ensure_ascii=False))


def print_table(table: Table) -> None:
    console().print(table)


def key_value_table(title: str, rows: list[tuple[str, str]]) -> Table:
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column("field", style="bold")
    table.add_column("value")
    for key, value in rows:
        table.add_row(key, value)
    return table


def text_or_dash(value: object) -> str:
    return "–" if value is None or value == "" else str(value)
