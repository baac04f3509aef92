"""`stridewell export …`: the plan for a calendar app, CSV files, and the full JSON backup."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from stridewell.cli.context import (
    AthleteOption,
    FormatOption,
    OutputFormat,
    fail,
    state,
    user_errors,
)
from stridewell.cli.output import print_json, print_table
from stridewell.services.athletes import resolve_athlete
from stridewell.services.backup import write_backup
from stridewell.services.data_archive import athlete_slug, write_athlete_archive
from stridewell.services.exports import csv_tables, plan_calendar, write_csv

app = typer.Typer(help="Export the plan and the data to files.", no_args_is_help=True)

OutputFile = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", help="Write to FILE (default: standard output).",
        dir_okay=False,
    ),
]  # fmt: skip


@app.command("ical")
def ical(ctx: typer.Context, output: OutputFile = None, athlete: AthleteOption = None) -> None:
    """The latest plan as an iCalendar file a calendar app imports.

    One all-day event per run or strength session, with the exercises and the reason for each.
    Importing a newer plan updates the events of the same days rather than doubling them.

    Example:

        stridewell export ical --output plan.ics
    """
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        calendar = plan_calendar(session, owner.id)
    if output is None:
        typer.echo(calendar.ical, nl=False)
        return
    try:
        output.write_bytes(calendar.ical)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")
    typer.echo(f"Wrote {calendar.events} sessions of plan {calendar.plan_id} to {output}")


@app.command("csv")
def csv(
    ctx: typer.Context,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="DIR",
            help="Directory for the files (made if missing).",
            file_okay=False,
        ),
    ] = Path("stridewell-csv"),  # fmt: skip
    athlete: Annotated[
        int | None,
        typer.Option("--athlete", metavar="ID", help="Only this athlete (default: everyone)."),
    ] = None,
    output_format: FormatOption = OutputFormat.TABLE,
) -> None:
    """One CSV file per table, UTF-8 with a header row.

    Athletes, injuries, races, activities, laps, best efforts, strength sessions, sets,
    soreness, plans and plan sessions (and any table added later). Accounts and the raw
    sample streams are left out; `stridewell export json` has everything.

    Example:

        stridewell export csv --output my-training --athlete 1
    """
    with user_errors(), state(ctx).database.session() as session:
        tables = csv_tables(session, athlete)
    try:
        paths = write_csv(tables, output)
    except OSError as error:
        fail(f"cannot write to {output}: {error.strerror or error}")
    files = [
        {"table": table.table, "path": str(path), "rows": len(table.rows)}
        for table, path in zip(tables, paths, strict=True)
    ]
    if output_format is OutputFormat.JSON:
        print_json({"directory": str(output), "files": files})
        return
    view = Table(title=f"CSV files in {output}", title_justify="left")
    view.add_column("file")
    view.add_column("rows", justify="right")
    for entry in files:
        view.add_row(Path(str(entry["path"])).name, str(entry["rows"]))
    print_table(view)


@app.command("zip")
def zip_archive(
    ctx: typer.Context,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            dir_okay=False,
            help="The zip to write (default: stridewell-<name>.zip here).",
        ),
    ] = None,
    athlete: AthleteOption = None,
    samples: Annotated[
        bool,
        typer.Option("--samples", help="Add each activity's samples (much larger)."),
    ] = False,
) -> None:
    """One athlete's data as one zip: the CSV files and a README, like Profile → Your data.

    With --samples, also samples/activity-<id>.csv for each imported activity: one row per
    sample (t s, distance m, speed m/s, hr bpm, cadence, altitude m, lat/lon, power W).

    Example:

        stridewell export zip --athlete 1 --samples --output my-training.zip
    """
    now = datetime.now(UTC)
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        target = output or Path(f"stridewell-{athlete_slug(owner.name, owner.id)}.zip")
        # Written beside the target and renamed at the end, so a failure never leaves half a zip.
        partial = target.with_name(target.name + ".partial")
        try:
            with partial.open("wb") as out:
                summary = write_athlete_archive(session, owner.id, out, now, samples=samples)
            os.replace(partial, target)
        except OSError as error:
            fail(f"cannot write {target}: {error.strerror or error}")
        finally:
            partial.unlink(missing_ok=True)
    extra = f" and the samples of {summary.sample_files} activities" if samples else ""
    typer.echo(f"Wrote {summary.rows} rows in {summary.files} CSV files{extra} to {target}")


@app.command("json")
def json_backup(ctx: typer.Context, output: OutputFile = None) -> None:
    """Everything in the database as one JSON file, for `stridewell import-backup`.

    All tables of every athlete: accounts, plans with their sessions, activities with their
    sample streams (base64 of the stored blob), laps, best efforts, strength logs, soreness and
    rehab logs. A backup imports into an empty database with nothing lost.

    Example:

        stridewell export json --output stridewell-backup.json
    """
    now = datetime.now(UTC)
    if output is None:
        with user_errors(), state(ctx).database.session() as session:
            write_backup(session, sys.stdout, now)
        return
    # Written beside the target and renamed at the end, so a failure never leaves half a backup.
    partial = output.with_name(output.name + ".partial")
    try:
        with user_errors(), state(ctx).database.session() as session:
            with partial.open("w", encoding="utf-8") as out:
                summary = write_backup(session, out, now)
        os.replace(partial, output)
    except OSError as error:
        fail(f"cannot write {output}: {error.strerror or error}")
    finally:
        partial.unlink(missing_ok=True)
    tables = sum(1 for count in summary.rows.values() if count)
    typer.echo(f"Wrote {summary.total} rows from {tables} tables to {output}")
