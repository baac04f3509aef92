"""`stridewell import` and `stridewell activities`: bring in watch files, list what is stored,
correct or remove an activity."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from stridewell.cli.context import (
    AthleteOption,
    FormatOption,
    OutputFormat,
    fail,
    state,
    user_errors,
)
from stridewell.cli.output import console, print_json, print_table
from stridewell.services import parsing
from stridewell.services.activity_browser import activity_item, item_to_dict
from stridewell.services.athletes import resolve_athlete
from stridewell.services.imports import (
    ImportProgress,
    import_paths,
    iter_summaries,
    report_to_dict,
)
from stridewell.services.runs import correct_activity, delete_activity, set_activity_rpe

# `stridewell activities` lists; `stridewell activities update|remove ID` change one.
activities_app = typer.Typer()


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


@activities_app.callback(invoke_without_command=True)
def activities(
    ctx: typer.Context,
    athlete: AthleteOption = None,
    sport: Annotated[
        str | None, typer.Option(metavar="SPORT", help="Only this sport, e.g. running.")
    ] = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """List the stored activities, oldest first; `update ID` and `remove ID` change one.

    Example:

        stridewell activities --sport running --format json
    """
    if ctx.invoked_subcommand is not None:
        return
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


ActivityIdArgument = Annotated[
    int, typer.Argument(metavar="ID", help="The activity's id (see `stridewell activities`).")
]


@activities_app.command("update")
def update_activity(
    ctx: typer.Context,
    activity_id: ActivityIdArgument,
    rpe: Annotated[
        float | None, typer.Option(metavar="0-10", help="Session RPE, rated ~30 min after.")
    ] = None,
    name: Annotated[str | None, typer.Option(help='A new name ("" clears it).')] = None,
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="The day (runs logged by hand only)."),
    ] = None,
    distance_km: Annotated[
        float | None,
        typer.Option(metavar="KM", help="Distance in kilometres (runs logged by hand only)."),
    ] = None,
    duration: Annotated[
        str | None,
        typer.Option(metavar="H:MM:SS", help="Time taken (runs logged by hand only)."),
    ] = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Correct an activity: its RPE and name, or a manual run's date, distance and time.

    An imported activity's date, distance and time come from its file. The load watch
    follows at once.

    Example:

        stridewell activities update 42 --distance-km 8 --duration 0:44:10
    """
    if all(value is None for value in (rpe, name, day, distance_km, duration)):
        fail("nothing to change: give --rpe, --name, --date, --distance-km or --duration")
    today = state(ctx).today()
    with user_errors():
        run_day = None if day is None else parsing.iso_date(day, "date")
        seconds = None if duration is None else parsing.duration_s(duration, "duration")
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            if any(value is not None for value in (name, day, distance_km, duration)):
                correct_activity(
                    session,
                    owner.id,
                    activity_id,
                    today,
                    day=run_day,
                    distance_km=distance_km,
                    duration_s=seconds,
                    name=name,
                )
            if rpe is not None:
                set_activity_rpe(session, owner.id, activity_id, rpe)
            row = item_to_dict(activity_item(session, owner, activity_id))
    if output is OutputFormat.JSON:
        print_json({"activity": row})
    else:
        typer.echo(f"Activity {activity_id} updated.")


@activities_app.command("remove")
def remove_activity(
    ctx: typer.Context,
    activity_id: ActivityIdArgument,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Delete an activity with its samples, laps and best efforts.

    A race it recorded keeps its result; the file can be imported again.

    Example:

        stridewell activities remove 42
    """
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        delete_activity(session, owner.id, activity_id)
    if output is OutputFormat.JSON:
        print_json({"id": activity_id, "removed": True})
    else:
        typer.echo(f"Activity {activity_id} removed.")
