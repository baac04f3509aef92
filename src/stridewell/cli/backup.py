"""`stridewell import-backup PATH`: restore a JSON backup into an empty database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from stridewell.cli.context import FormatOption, OutputFormat, fail, state, user_errors
from stridewell.cli.output import print_json, print_table
from stridewell.services.backup import read_backup, restore_backup


def import_backup(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(metavar="PATH", help="A file made by `stridewell export json`.")
    ],
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Restore a backup made by `stridewell export json` into an empty database.

    Every row comes back with its id. The database must be empty (a new file or schema); a
    database that holds anything is refused, and a failed import leaves nothing behind.

    Example:

        stridewell --db sqlite:///restored.sqlite import-backup stridewell-backup.json
    """
    try:
        with path.open(encoding="utf-8") as stream, user_errors():
            backup = read_backup(stream)
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror or error}")
    with user_errors(), state(ctx).database.session() as session:
        summary = restore_backup(session, backup)
    if output is OutputFormat.JSON:
        print_json({"imported": summary.rows, "rows": summary.total})
        return
    typer.echo(f"Restored {summary.total} rows from {path}")
    table = Table()
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, count in summary.rows.items():
        table.add_row(name, str(count))
    print_table(table)
