"""`stridewell insights`: injuries before and after strength adherence, the quad-vs-glute
soreness trend, and strength progression."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from stridewell.cli.context import AthleteOption, FormatOption, OutputFormat, state, user_errors
from stridewell.cli.output import console, print_json
from stridewell.domain.athletes import ValidationError
from stridewell.domain.insights import AdherenceRule
from stridewell.domain.vocab import Muscle
from stridewell.services import parsing
from stridewell.services.athletes import resolve_athlete
from stridewell.services.insights import insights, insights_to_dict

TABLE_SORENESS_WEEKS = 12
TABLE_HARD_SET_WEEKS = 4


def insights_command(
    ctx: typer.Context,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Look back from this day (default today)."),
    ] = None,
    sessions_per_week: Annotated[
        int,
        typer.Option(
            "--adherence-sessions", metavar="N", help="Strength sessions a week that count."
        ),
    ] = 2,
    weeks: Annotated[
        int, typer.Option("--adherence-weeks", metavar="N", help="Weeks that must reach it…")
    ] = 4,
    window: Annotated[
        int, typer.Option("--adherence-window", metavar="N", help="…out of this many weeks.")
    ] = 6,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Show whether the strength work pays off: injuries per 1000 h of running before and after
    strength-training adherence began, the quad-vs-glute soreness index after runs and races,
    estimated 1RMs, hard sets per muscle per week and left/right balance.

    Adherence begins in the first week of 6 in which at least 4 had 2 or more strength sessions
    (change it with the --adherence-* options).

    Example:

        stridewell insights --adherence-sessions 3 --format json
    """
    with user_errors():
        try:
            rule = AdherenceRule(sessions_per_week, weeks, window)
        except ValueError as error:
            raise ValidationError(f"adherence rule: {error}", "adherence") from None
        day = None if as_of is None else parsing.iso_date(as_of, "as-of")
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            data = insights_to_dict(
                insights(session, owner.id, state(ctx).today(), as_of=day, rule=rule)
            )
    if output is OutputFormat.JSON:
        print_json(data)
        return
    _print_tables(data, owner.name)


def _number(value: float | None, digits: int = 1) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _print_tables(data: dict[str, Any], name: str) -> None:
    out = console()
    incidence = data["injury_incidence"]
    table = Table(title=f"Injuries per 1000 h of running — {name}", title_justify="left")
    for column in ("period", "from", "to", "injuries", "run hours", "per 1000 h"):
        table.add_column(column)
    for label in ("before", "after"):
        period = incidence[label]
        table.add_row(
            f"{label} adherence",
            period["start"] or "–",
            period["end"] or "–",
            str(period["injuries"]),
            _number(period["run_hours"]),
            _number(period["per_1000h"]),
        )
    out.print(table)
    started = incidence["adherence_start"]
    out.print(
        f"Strength adherence began the week of {started}."
        if started
        else "Strength-training adherence has not begun yet on this record.",
    )
    out.print(f"Definition: {incidence['definition']}.", soft_wrap=True)
    out.print(f"Caveat: {incidence['caveat']}.", soft_wrap=True)

    weekly = data["soreness_index_weekly"][-TABLE_SORENESS_WEEKS:]
    if weekly:
        soreness = Table(title="Quad-vs-glute soreness index by week", title_justify="left")
        for column in ("week of", "logs", "quad", "glute", "index"):
            soreness.add_column(column)
        for week in weekly:
            soreness.add_row(
                week["week"],
                str(week["entries"]),
                _number(week["quad"]),
                _number(week["glute"]),
                _number(week["index"], 2),
            )
        out.print(soreness)
    else:
        out.print("No post-run or post-race soreness logs with quads or glutes yet.")
    out.print(f"Index: {data['soreness_index_definition']}.", soft_wrap=True)

    strength = data["strength"]
    if strength["e1rm"]:
        e1rm = Table(title="Estimated 1RM (Epley, sets of ≤ 10 reps)", title_justify="left")
        for column in ("exercise", "first", "latest", "best", "change"):
            e1rm.add_column(column)
        for series in strength["e1rm"]:
            change = series["change_pct"]
            e1rm.add_row(
                series["name"],
                f"{series['points'][0]['e1rm_kg']:.1f} kg ({series['points'][0]['date']})",
                f"{series['latest_kg']:.1f} kg ({series['points'][-1]['date']})",
                f"{series['best_kg']:.1f} kg",
                "–" if change is None else f"{change:+.0f} %",
            )
        out.print(e1rm)
    _print_hard_sets(strength["hard_sets_per_muscle"])
    flagged = [row for row in strength["balance"] if row["flag"]]
    if strength["balance"]:
        found = "; ".join(row["message"] for row in flagged) if flagged else "no imbalance ≥ 10 %"
        out.print(f"Left/right balance since {strength['balance_since']}: {found}.", soft_wrap=True)


def _print_hard_sets(rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    weeks = sorted({row["week_start"] for row in rows})[-TABLE_HARD_SET_WEEKS:]
    table = Table(title="Hard sets per muscle per week", title_justify="left")
    table.add_column("muscle")
    for week in weeks:
        table.add_column(week, justify="right")
    shown = {row["muscle"] for row in rows if row["week_start"] in weeks}
    muscles = [muscle.value for muscle in Muscle if muscle.value in shown]
    sets = {(row["muscle"], row["week_start"]): row["hard_sets"] for row in rows}
    for muscle in muscles:
        table.add_row(muscle, *(f"{sets.get((muscle, week), 0.0):g}" for week in weeks))
    console().print(table)
