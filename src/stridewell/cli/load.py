"""`stridewell load`: the load watch — daily load, ratios, fitness and fatigue, weekly volume
and flags in plain words."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from stridewell.cli.context import AthleteOption, FormatOption, OutputFormat, state, user_errors
from stridewell.cli.output import console, print_json
from stridewell.services import parsing
from stridewell.services.athletes import resolve_athlete
from stridewell.services.load import DEFAULT_DAYS, load_watch, load_watch_to_dict

TABLE_DAYS = 14
TABLE_WEEKS = 8
CAVEAT_WORDS = (
    "ACWR (acute:chronic ratio) is a descriptive signal, not a prediction: it says this week "
    "was much heavier than your recent normal, not that an injury is coming "
    "(docs/science.md#acwr)."
)


def load(
    ctx: typer.Context,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", metavar="DATE", help="Report as of this day (default today)."),
    ] = None,
    days: Annotated[
        int, typer.Option(metavar="N", help="Days in the JSON series (the table shows 14).")
    ] = DEFAULT_DAYS,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Show training load: the last 14 days, the last 8 weeks and any flags.

    Load is cardio (heart rate, else session RPE, else distance) plus musculoskeletal (strength
    sessions by session RPE or tonnage, running impact by distance), so gym work counts.

    Example:

        stridewell load --as-of 2026-03-01 --format json
    """
    with user_errors():
        day = None if as_of is None else parsing.iso_date(as_of, "as-of")
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            watch = load_watch(session, owner.id, state(ctx).today(), as_of=day, days=days)
    data = load_watch_to_dict(watch)
    if output is OutputFormat.JSON:
        print_json(data)
        return
    _print_tables(data, owner.name)


def _number(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _print_tables(data: dict[str, Any], name: str) -> None:
    out = console()
    days = Table(
        title=f"Load of {name}, last {TABLE_DAYS} days to {data['as_of']}"
        " (load = cardio + musculoskeletal)",
        title_justify="left",
    )
    columns = ("date", "load", "cardio", "musc.", "run km", "acute", "chronic", "ACWR",
               "ACWR ewma", "CTL", "ATL", "TSB")  # fmt: skip
    for column in columns:
        days.add_column(column, justify="left" if column == "date" else "right")
    for day in data["days"][-TABLE_DAYS:]:
        days.add_row(
            day["date"],
            _number(day["load"]),
            _number(day["cardio_load"]),
            _number(day["musculoskeletal_load"]),
            _number(day["run_km"], 1),
            _number(day["acute"]),
            _number(day["chronic"]),
            _number(day["acwr"], 2),
            _number(day["acwr_ewma"], 2),
            _number(day["ctl"]),
            _number(day["atl"]),
            _number(day["tsb"]),
        )
    out.print(days)

    weeks = Table(title=f"Last {TABLE_WEEKS} weeks", title_justify="left")
    for column in ("week of", "run km", "ramp", "monotony", "strain"):
        weeks.add_column(column, justify="left" if column == "week of" else "right")
    for week in data["weeks"][-TABLE_WEEKS:]:
        ramp = week["ramp_pct"]
        weeks.add_row(
            week["week_start"],
            _number(week["run_km"], 1),
            "–" if ramp is None else f"{ramp:+.0f} %",
            _number(week["monotony"], 2),
            _number(week["strain"]),
        )
    out.print(weeks)

    shown_weeks = data["weeks"][-TABLE_WEEKS:]
    since = shown_weeks[0]["week_start"] if shown_weeks else data["as_of"]
    flags = [flag for flag in data["flags"] if flag["date"] >= since]
    if flags:
        out.print(f"Flags since {since}:")
        for flag in flags:
            out.print(f"  {flag['date']}  {flag['message']}", soft_wrap=True)
    else:
        out.print(f"No flags since {since}: nothing stands out.")
    if len(flags) < len(data["flags"]):
        out.print(f"({len(data['flags']) - len(flags)} earlier flag(s) in --format json.)")
    shown_from = data["days"][-TABLE_DAYS]["date"] if len(data["days"]) >= TABLE_DAYS else ""
    unmeasured = [
        item
        for item in data["sessions"]
        if item["date"] >= shown_from and item["cardio"] is None and item["musculoskeletal"] is None
    ]
    if unmeasured:
        out.print(
            f"{len(unmeasured)} session(s) in these days have no load (no heart rate, RPE, "
            "distance or tonnage): log an RPE for them."
        )
    out.print(CAVEAT_WORDS, soft_wrap=True)
