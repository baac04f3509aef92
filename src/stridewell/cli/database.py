"""`stridewell init` and `stridewell demo`: set up the database, add the demo athlete."""

from __future__ import annotations

import typer

from stridewell.cli.context import state, user_errors
from stridewell.services.demo import create_demo_athlete
from stridewell.services.demo_history import HISTORY_WEEKS
from stridewell.services.plans import build_plan


def init(ctx: typer.Context) -> None:
    """Create the database, or migrate it to the newest schema.

    Example:

        stridewell --db sqlite:///training.sqlite init
    """
    with user_errors():
        result = state(ctx).database.init()
    typer.echo(f"{result.action} {result.url} (schema {result.revision}).")


def demo(ctx: typer.Context) -> None:
    """Add a demo runner with her injuries, races, last 12 weeks of training (runs with their
    samples, strength sessions, soreness) and a plan — into an empty database only.

    Example:

        stridewell demo && stridewell plan show
    """
    today = state(ctx).today()
    with user_errors(), state(ctx).database.session() as session:
        athlete = create_demo_athlete(session, today)
        if athlete is None:
            typer.echo("The database already has athletes; no demo athlete was added.")
            return
        assert athlete.id is not None
        plan = build_plan(session, athlete.id, today)
    race = plan.race
    goal = f" for {race.name} on {race.date.isoformat()}" if race is not None else ""
    typer.echo(
        f"Added the demo athlete {athlete.name} (id {athlete.id}) with her injury history,"
        f" her last {HISTORY_WEEKS} weeks of training and a {len(plan.weeks)}-week plan{goal}."
        " See it with `stridewell plan show`, `stridewell load` and `stridewell insights`."
    )
