"""`stridewell records`: personal bests, race predictions and training paces."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from stridewell.cli.context import AthleteOption, FormatOption, OutputFormat, state, user_errors
from stridewell.cli.output import console, print_json, text_or_dash
from stridewell.domain.athletes import format_duration
from stridewell.services.athletes import resolve_athlete
from stridewell.services.records import format_pace, records, records_to_dict


def records_command(
    ctx: typer.Context, athlete: AthleteOption = None, output: FormatOption = OutputFormat.TABLE
) -> None:
    """Show personal bests (races and best efforts in imported runs), predicted race times
    (Riegel and VDOT) and Daniels training paces.

    Example:

        stridewell records --format json
    """
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        data = records_to_dict(records(session, owner.id, state(ctx).today()))
    if output is OutputFormat.JSON:
        print_json(data)
        return
    _print_tables(data, owner.name)


def _print_tables(data: dict[str, Any], name: str) -> None:
    out = console()
    if not data["pbs"]:
        out.print(
            f"No personal bests for {name} yet: add race results (`stridewell race add`) or "
            "import runs (`stridewell import`)."
        )
        return
    pbs = Table(title=f"Personal bests of {name}", title_justify="left")
    for column in ("distance", "time", "pace", "date", "from", "activity"):
        pbs.add_column(column)
    for pb in data["pbs"]:
        pbs.add_row(
            pb["distance"],
            format_duration(pb["time_s"]),
            format_pace(pb["time_s"] / (pb["distance_m"] / 1000.0)),
            pb["date"],
            "race" if pb["source"] == "race" else "best effort",
            text_or_dash(pb["activity_id"]),
        )
    out.print(pbs)

    reference = data["reference"]
    if reference is None:
        out.print("No effort of 3 km or more yet, so no predictions.")
        return
    out.print(
        f"Predictions from {reference['distance']} in {format_duration(reference['time_s'])} on "
        f"{reference['date']} (VDOT {data['vdot']:.1f}):"
    )
    predictions = Table(title="Race predictions", title_justify="left")
    for column in ("distance", "Riegel", "VDOT"):
        predictions.add_column(column)
    caveats = data["riegel_caveats"]
    for prediction in data["predictions"]:
        marker = " *" if prediction["distance"] in caveats else ""
        predictions.add_row(
            prediction["distance"],
            format_duration(prediction["riegel_s"]) + marker,
            format_duration(prediction["vdot_s"]),
        )
    out.print(predictions)
    for caveat in dict.fromkeys(caveats.values()):
        out.print(f"* {caveat}.", soft_wrap=True)
    for note in data["notes"]:
        out.print(f"Note: {note}.", soft_wrap=True)

    paces = Table(title="Training paces (Daniels)", title_justify="left")
    for column in ("zone", "% VO2max", "pace"):
        paces.add_column(column)
    for pace in data["paces"]:
        paces.add_row(
            f"{pace['zone']} ({pace['name']})",
            f"{pace['pct_low']:.0f}–{pace['pct_high']:.0f}",
            f"{pace['fast']} – {pace['slow']}",
        )
    out.print(paces)
