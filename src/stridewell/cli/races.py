"""`stridewell race …`: record past results and goal races, correct or remove them."""

from __future__ import annotations

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
from stridewell.cli.output import print_json, print_table, text_or_dash
from stridewell.services.athletes import resolve_athlete
from stridewell.services.races import (
    add_race,
    delete_race,
    get_race,
    list_races,
    race_from_text,
    race_to_dict,
    race_with_changes,
    update_race,
)

app = typer.Typer(help="Record past results and goal races.", no_args_is_help=True)


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Option(help="Race name.")],
    race_date: Annotated[
        str, typer.Option("--date", metavar="DATE", help="Race day (YYYY-MM-DD).")
    ],
    distance: Annotated[
        str, typer.Option(metavar="DIST", help="5k, 10k, half, marathon or metres.")
    ],
    goal: Annotated[str | None, typer.Option(metavar="H:MM:SS", help="Goal time.")] = None,
    result: Annotated[
        str | None, typer.Option(metavar="H:MM:SS", help="Finish time of a past race.")
    ] = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Record a race and print its id: a goal race ahead, or a past race with its result.

    Example:

        stridewell race add --name "Autumn Marathon" --date 2027-10-03 --distance marathon
            --goal 3:15:00
    """
    with user_errors():
        race = race_from_text(
            name=name, race_date=race_date, distance=distance, goal=goal, result=result
        )
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            stored = add_race(session, owner.id, race, state(ctx).today())
    if output is OutputFormat.JSON:
        print_json({"id": stored.id})
    else:
        typer.echo(stored.id)


@app.command("list")
def list_command(
    ctx: typer.Context, athlete: AthleteOption = None, output: FormatOption = OutputFormat.TABLE
) -> None:
    """List an athlete's races by date.

    Example:

        stridewell race list --format json
    """
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        races = list_races(session, owner.id)
    rows = [race_to_dict(race) for race in races]
    if output is OutputFormat.JSON:
        print_json({"races": rows})
        return
    table = Table(title=f"Races of {owner.name}", title_justify="left")
    for column in ("id", "date", "name", "distance", "goal", "result"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["date"],
            row["name"],
            row["distance"],
            text_or_dash(row["goal"]),
            text_or_dash(row["result"]),
        )
    print_table(table)


RaceIdArgument = Annotated[int, typer.Argument(metavar="ID", help="The race's id.")]


@app.command("update")
def update(
    ctx: typer.Context,
    race_id: RaceIdArgument,
    name: Annotated[str | None, typer.Option(help="A new name.")] = None,
    race_date: Annotated[
        str | None, typer.Option("--date", metavar="DATE", help="Race day (YYYY-MM-DD).")
    ] = None,
    distance: Annotated[
        str | None, typer.Option(metavar="DIST", help="5k, 10k, half, marathon or metres.")
    ] = None,
    goal: Annotated[
        str | None, typer.Option(metavar="H:MM:SS", help='Goal time ("" clears it).')
    ] = None,
    result: Annotated[
        str | None,
        typer.Option(
            metavar="H:MM:SS",
            help='Finish time: a goal race given its result becomes a past result ("" clears it).',
        ),
    ] = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Change a race, or give a goal race its result (the same race, not a second one).

    Example:

        stridewell race update 3 --result 3:18:42
    """
    given = {"name": name, "date": race_date, "distance": distance, "goal": goal, "result": result}
    changes = {key: value for key, value in given.items() if value is not None}
    if not changes:
        fail("nothing to change: give --name, --date, --distance, --goal or --result")
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        race = race_with_changes(get_race(session, owner.id, race_id), changes)
        stored = update_race(session, owner.id, race, state(ctx).today())
    if output is OutputFormat.JSON:
        print_json(race_to_dict(stored))
    else:
        typer.echo(f"Race {stored.id} updated.")


@app.command("remove")
def remove(
    ctx: typer.Context,
    race_id: RaceIdArgument,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Delete a race (a plan built for it keeps its sessions until it is generated again).

    Example:

        stridewell race remove 3
    """
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        removed = delete_race(session, owner.id, race_id)
    if output is OutputFormat.JSON:
        print_json({"id": removed.id, "removed": True})
    else:
        typer.echo(f"Race {removed.id} ({removed.name}) removed.")
