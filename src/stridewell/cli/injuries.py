"""`stridewell injury …`: record and list injuries."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from stridewell.cli.context import (
    AthleteOption,
    FormatOption,
    OutputFormat,
    state,
    user_errors,
)
from stridewell.cli.output import print_json, print_table, text_or_dash
from stridewell.services import parsing
from stridewell.services.athletes import resolve_athlete
from stridewell.services.injuries import (
    add_injury,
    injury_from_text,
    injury_to_dict,
    list_injuries,
    resolve_injury,
    update_injury,
)

app = typer.Typer(help="Record and list injuries.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    region: Annotated[
        str,
        typer.Option(
            metavar="REGION",
            help="hip, groin, knee, it_band, hamstring, calf, achilles, shin, foot, ankle,"
            " lower_back, glute or quad.",
        ),
    ],
    side: Annotated[str, typer.Option(metavar="SIDE", help="left, right or both.")],
    onset: Annotated[str, typer.Option(metavar="DATE", help="When it started (YYYY-MM-DD).")],
    severity: Annotated[int, typer.Option(metavar="0-10", help="How bad at its worst, 0 to 10.")],
    resolved: Annotated[
        str | None, typer.Option(metavar="DATE", help="When it cleared up, if it has.")
    ] = None,
    days_off: Annotated[
        int, typer.Option("--days-off", metavar="N", help="Days without running.")
    ] = 0,
    notes: Annotated[str, typer.Option(help="Anything worth remembering.")] = "",
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Record an injury and print its id.

    Example:

        stridewell injury add --region it_band --side right --onset 2025-04-02
            --resolved 2025-05-10 --severity 6 --days-off 21 --notes "after a hilly half"
    """
    with user_errors():
        injury = injury_from_text(
            region=region,
            side=side,
            onset=onset,
            severity=severity,
            resolved=resolved,
            days_off_running=days_off,
            notes=notes,
        )
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            stored = add_injury(session, owner.id, injury, state(ctx).today())
    if output is OutputFormat.JSON:
        print_json({"id": stored.id})
    else:
        typer.echo(stored.id)


@app.command("list")
def list_command(
    ctx: typer.Context, athlete: AthleteOption = None, output: FormatOption = OutputFormat.TABLE
) -> None:
    """List an athlete's injuries, oldest first.

    Example:

        stridewell injury list --format json
    """
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        injuries = list_injuries(session, owner.id)
    today = state(ctx).today()
    rows = [injury_to_dict(injury, today) for injury in injuries]
    if output is OutputFormat.JSON:
        print_json({"injuries": rows})
        return
    table = Table(title=f"Injuries of {owner.name}", title_justify="left")
    for column in ("id", "region", "side", "onset", "resolved", "severity", "days off", "notes"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["region"],
            row["side"],
            row["onset"],
            "active" if row["active"] else text_or_dash(row["resolved"]),
            str(row["severity"]),
            str(row["days_off_running"]),
            row["notes"],
        )
    print_table(table)


@app.command("update")
def update(
    ctx: typer.Context,
    injury_id: Annotated[int, typer.Argument(metavar="ID", help="The injury's id.")],
    severity: Annotated[
        int | None, typer.Option(metavar="0-10", help="How bad at its worst, 0 to 10.")
    ] = None,
    notes: Annotated[str | None, typer.Option(help="Replace the notes.")] = None,
    days_off: Annotated[
        int | None, typer.Option("--days-off", metavar="N", help="Days without running so far.")
    ] = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Change an injury's severity, notes or days off running.

    Example:

        stridewell injury update 2 --days-off 18 --notes "physio: gluteus medius weakness"
    """
    today = state(ctx).today()
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        stored = update_injury(
            session,
            owner.id,
            injury_id,
            today,
            severity=severity,
            notes=notes,
            days_off_running=days_off,
        )
    _print_injury(stored_dict=injury_to_dict(stored, today), output=output, verb="updated")


@app.command("resolve")
def resolve(
    ctx: typer.Context,
    injury_id: Annotated[int, typer.Argument(metavar="ID", help="The injury's id.")],
    resolved: Annotated[
        str, typer.Option("--date", metavar="DATE", help="When it cleared up (YYYY-MM-DD).")
    ],
    days_off: Annotated[
        int | None, typer.Option("--days-off", metavar="N", help="Days without running in all.")
    ] = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Mark an injury as cleared up.

    Example:

        stridewell injury resolve 2 --date 2026-03-01 --days-off 21
    """
    today = state(ctx).today()
    with user_errors():
        resolved_on = parsing.iso_date(resolved, "resolved")
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            stored = resolve_injury(
                session, owner.id, injury_id, resolved_on, today, days_off_running=days_off
            )
    _print_injury(stored_dict=injury_to_dict(stored, today), output=output, verb="resolved")


def _print_injury(stored_dict: dict[str, object], output: OutputFormat, verb: str) -> None:
    if output is OutputFormat.JSON:
        print_json(stored_dict)
    else:
        typer.echo(f"Injury {stored_dict['id']} {verb}.")
