"""`stridewell plan …`: generate a plan, show the latest one, its adherence, plan again."""

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
from stridewell.cli.output import console, print_json, print_table, text_or_dash
from stridewell.cli.plan_view import print_plan
from stridewell.domain.planning.model import Plan
from stridewell.services import parsing
from stridewell.services.adherence import adherence_to_dict, plan_adherence
from stridewell.services.athletes import resolve_athlete
from stridewell.services.plans import (
    ReplanReason,
    build_plan,
    latest_plan,
    plan_to_dict,
    regenerate_plan,
    replan_to_dict,
)

app = typer.Typer(
    help="Generate and show training plans, follow them, plan again.", no_args_is_help=True
)


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


@app.command("adherence")
def adherence(
    ctx: typer.Context,
    weeks: Annotated[
        int | None,
        typer.Option(metavar="N", help="Only the last N weeks (default: every week so far)."),
    ] = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Compare the latest plan with what was done, week by week, up to today.

    Runs: planned against done kilometres and runs. Strength: planned against logged sessions
    (a logged session that names its planned session counts in that session's week). The
    current week counts only what was due by today.

    Example:

        stridewell plan adherence --weeks 4 --format json
    """
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        result = plan_adherence(session, owner.id, state(ctx).today(), weeks)
    data = adherence_to_dict(result)
    if output is OutputFormat.JSON:
        print_json(data)
        return
    table = Table(title=f"Plan adherence of {owner.name}", title_justify="left")
    for column in ("week", "phase", "run km", "runs", "run %", "strength", "strength %"):
        table.add_column(column, justify="left" if column in ("week", "phase") else "right")
    for week in data["weeks"]:
        table.add_row(
            week["week_start"] + (" (so far)" if week["partial"] else ""),
            week["phase"],
            f"{week['done_run_km']:g} / {week['planned_run_km']:g}",
            f"{week['done_runs']} / {week['planned_runs']}",
            text_or_dash(_percent_text(week["run_pct"])),
            f"{week['done_strength']} / {week['planned_strength']}",
            text_or_dash(_percent_text(week["strength_pct"])),
        )
    print_table(table)


@app.command("regenerate")
def regenerate(
    ctx: typer.Context,
    from_day: Annotated[
        str | None,
        typer.Option("--from", metavar="DATE", help="First day to plan again (default today)."),
    ] = None,
    reason: Annotated[
        ReplanReason,
        typer.Option(
            help="Why: ill or overreached restart at ~70 % of recent running; injured starts"
            " with a return to run (record the injury first).",
            case_sensitive=False,
        ),
    ] = ReplanReason.OTHER,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Plan again from today (or --from) after illness, injury or doing too much.

    The sessions before that day stay as they were; the rest of that week becomes rest, and
    the new part is planned from today's injuries, goal race and the last four weeks of
    running. The previous plan is kept in the database; the new one becomes the latest.

    Example:

        stridewell plan regenerate --reason ill --format json
    """
    with user_errors():
        start_day = None if from_day is None else parsing.iso_date(from_day, "from")
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            replan = regenerate_plan(
                session, owner.id, state(ctx).today(), start=start_day, reason=reason
            )
    if output is OutputFormat.JSON:
        print_json(replan_to_dict(replan))
        return
    print_plan(console(), replan.plan)


def _percent_text(value: float | None) -> str | None:
    return None if value is None else f"{value:g} %"
