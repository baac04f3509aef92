"""`stridewell plan …`: generate a plan and show the latest one."""

from __future__ import annotations

from typing import Annotated

import typer

from stridewell.cli.context import (
    AthleteOption,
    FormatOption,
    OutputFormat,
    fail,
    state,
    user_errors,
)
from stridewell.cli.output import console, print_json
from stridewell.cli.plan_view import print_plan
from stridewell.domain.planning.model import Plan
from stridewell.services import parsing
from stridewell.services.athletes import resolve_athlete
from stridewell.services.plans import build_plan, latest_plan, plan_to_dict

app = typer.Typer(help="Generate and show training plans.", no_args_is_help=True)


@app.command("generate")
def generate(
    ctx: typer.Context,
    race: Annotated[
        int | None,
        typer.Option(metavar="ID", help="Goal race id (default: the next race without a result)."),
    ] = None,
    start: Annotated[
        str | None, typer.Option(metavar="DATE", help="First day (default today).")
    ] = None,
    weeks: Annotated[
        int | None, typer.Option(metavar="N", help="Number of weeks (default: up to the race).")
    ] = None,
    weekly_km: Annotated[
        float | None,
        typer.Option(metavar="KM", help="Current weekly volume (default: the athlete's)."),
    ] = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Generate a strength and running plan, store it and print it.

    Example:

        stridewell plan generate --race 2 --start 2027-05-03 --format json
    """
    with user_errors():
        start_day = None if start is None else parsing.iso_date(start, "start")
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            plan = build_plan(
                session,
                owner.id,
                state(ctx).today(),
                race_id=race,
                start=start_day,
                weeks=weeks,
                weekly_km=weekly_km,
            )
    _show(plan, output)


@app.command("show")
def show(
    ctx: typer.Context, athlete: AthleteOption = None, output: FormatOption = OutputFormat.TABLE
) -> None:
    """Show the athlete's latest plan.

    Example:

        stridewell plan show --format json
    """
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        plan = latest_plan(session, owner.id)
    if plan is None:
        fail("no plan yet; make one with `stridewell plan generate`")
    _show(plan, output)


def _show(plan: Plan, output: OutputFormat) -> None:
    if output is OutputFormat.JSON:
        print_json(plan_to_dict(plan))
    else:
        print_plan(console(), plan)
