"""`stridewell import` and `stridewell activities`: bring in watch files, list what is stored."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from stridewell.cli.context import AthleteOption, FormatOption, OutputFormat, state, user_errors
from stridewell.cli.output import console, print_json, print_table
from stridewell.services.athletes import resolve_athlete
from stridewell.services.imports import (
    ImportProgress,
    import_paths,
    iter_summaries,
    report_to_dict,
)


def import_files(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="Files (.fit, .gpx, .tcx, also .gz), folders (searched recursively), zips and "
            "Strava bulk exports (zip or unpacked folder).",
        ),
    ],
    athlete: AthleteOption = None,
    workers: Annotated[
        int | None, typer.Option(metavar="N", help="Worker processes (default: all cores).")
    ] = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Import activities from FIT, GPX and TCX files, folders, zips and Strava exports.

    A file already imported (same content) is a duplicate and adds nothing; a broken file is
    reported and skipped while the rest goes on.

    Example:

        stridewell import ~/Downloads/export_12345.zip --format json
    """
    cli = state(ctx)
    with user_errors():
        with cli.database.session() as session:
            who = resolve_athlete(session, athlete)
        assert who.id is not None
        show_bar = output is OutputFormat.TABLE and console().is_terminal
        with Progress(
            TextColumn("[bold]Importing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("{task.description}"),
            console=console(),
            disable=not show_bar,
            transient=True,
        ) as bar:
            task = bar.add_task("", total=None)

            def on_progress(event: ImportProgress) -> None:
                bar.update(task, completed=event.done, total=event.total, description=event.path)

            report = import_paths(
                cli.database.session,
                who.id,
                paths,
                max_hr=who.max_hr,
                workers=workers,
                progress=on_progress,
            )
    data = report_to_dict(report)
    if output is OutputFormat.JSON:
        print_json(data)
        return
    out = console()
    out.print(
        f"Imported {data['imported']} activities; {data['duplicates']} duplicates (already "
        f"stored, nothing added); {len(data['skipped'])} skipped; {len(data['failed'])} failed."
    )
    for item in data["skipped"]:
        out.print(f"  skipped {item['path']}: {item['reason']}")
    for item in data["failed"]:
        out.print(f"  [red]failed[/red] {item['path']}: {item['error']}")


def activities(
    ctx: typer.Context,
    athlete: AthleteOption = None,
    sport: Annotated[
        str | None, typer.Option(metavar="SPORT", help="Only this sport, e.g. running.")
    ] = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """List the stored activities, oldest first.

    Example:

        stridewell activities --sport running --format json
    """
    cli = state(ctx)
    with user_errors(), cli.database.session() as session:
        who = resolve_athlete(session, athlete)
        assert who.id is not None
        rows = list(iter_summaries(session, who.id, sport))
    if output is OutputFormat.JSON:
        print_json({"activities": rows})
        return
    table = Table(title=f"{len(rows)} activities", title_justify="left")
    for column in ("id", "start", "sport", "km", "time", "samples", "name"):
        table.add_column(column)
    for row in rows:
        elapsed = row["elapsed_s"] or 0
        table.add_row(
            str(row["id"]),
            row["start"][:16].replace("T", " "),
            row["sport"],
            "–" if row["distance_m"] is None else f"{row['distance_m'] / 1000:.2f}",
            f"{int(elapsed) // 3600}:{int(elapsed) % 3600 // 60:02d}:{int(elapsed) % 60:02d}",
            str(row["samples"]),
            row["name"] or "",
        )
    print_table(table)
