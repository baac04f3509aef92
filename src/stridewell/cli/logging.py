"""`stridewell log …`: strength sessions, manual runs, RPE on activities, soreness; removing a
logged strength session or soreness score."""

from __future__ import annotations

from pathlib import Path
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
from stridewell.cli.output import print_json, print_table
from stridewell.domain.athletes import format_duration
from stridewell.services import parsing
from stridewell.services.athletes import resolve_athlete
from stridewell.services.runs import log_manual_run, set_activity_rpe
from stridewell.services.soreness import (
    delete_soreness,
    list_soreness,
    log_soreness,
    soreness_from_text,
    soreness_to_dict,
)
from stridewell.services.strength_log import (
    delete_strength_session,
    list_strength_sessions,
    log_strength_session,
    strength_session_from_text,
    strength_session_to_dict,
)

app = typer.Typer(
    help="Log strength sessions, manual runs, effort (RPE) and soreness.", no_args_is_help=True
)

DateOption = Annotated[
    str | None, typer.Option("--date", metavar="DATE", help="Day (YYYY-MM-DD; default today).")
]
FromOption = Annotated[
    str | None, typer.Option("--from", metavar="DATE", help="First day to show (YYYY-MM-DD).")
]
ToOption = Annotated[
    str | None, typer.Option("--to", metavar="DATE", help="Last day to show (YYYY-MM-DD).")
]


@app.command("strength")
def strength(
    ctx: typer.Context,
    day: DateOption = None,
    duration: Annotated[
        str | None,
        typer.Option(metavar="MIN|H:MM:SS", help="How long it took: minutes or H:MM:SS."),
    ] = None,
    rpe: Annotated[
        float | None, typer.Option(metavar="0-10", help="Session RPE, rated ~30 min after.")
    ] = None,
    planned_session: Annotated[
        int | None,
        typer.Option(metavar="ID", help="The planned session of your plan that this fulfils."),
    ] = None,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            metavar="SPEC",
            help="A set, repeatable: slug:side:reps[:load_kg][:rpe] or slug:side:hold=30s.",
        ),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            metavar="PATH", help="A whole session as .yaml or .csv (see docs/user-guide.md)."
        ),
    ] = None,
    notes: Annotated[str | None, typer.Option(help="Anything worth remembering.")] = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Log a strength session with its sets and print its id; nothing is saved on an error.

    Options given here win over the file's values; --set adds sets after the file's.

    Example:

        stridewell log strength --date 2026-03-10 --duration 45 --rpe 7
            --set single-leg-rdl:left:10:12 --set single-leg-rdl:right:10:12
            --set side-plank:both:hold=30s
    """
    today = state(ctx).today()
    with user_errors():
        session_in = strength_session_from_text(
            day=day,
            duration=duration,
            rpe=rpe,
            planned_session_id=planned_session,
            set_specs=sets or (),
            file=file,
            notes=notes,
            default_day=today,
        )
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            stored = log_strength_session(session, owner.id, session_in, today)
    if output is OutputFormat.JSON:
        print_json({"id": stored.id, "sets": len(stored.sets)})
    else:
        typer.echo(stored.id)


@app.command("list")
def list_command(
    ctx: typer.Context,
    start: FromOption = None,
    end: ToOption = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """List logged strength sessions with their sets, oldest first.

    Example:

        stridewell log list --from 2026-01-01 --format json
    """
    with user_errors():
        first = None if start is None else parsing.iso_date(start, "from")
        last = None if end is None else parsing.iso_date(end, "to")
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            sessions = list_strength_sessions(session, owner.id, first, last)
    rows = [strength_session_to_dict(item) for item in sessions]
    if output is OutputFormat.JSON:
        print_json({"sessions": rows})
        return
    table = Table(title=f"Strength sessions of {owner.name}", title_justify="left")
    for column in ("id", "date", "duration", "RPE", "tonnage kg", "sets"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["date"],
            "–" if row["duration_s"] is None else format_duration(row["duration_s"]),
            "–" if row["rpe"] is None else f"{row['rpe']:g}",
            f"{row['tonnage_kg']:g}",
            "\n".join(_set_text(entry) for entry in row["sets"]),
        )
    print_table(table)


def _set_text(entry: dict[str, object]) -> str:
    parts = [str(entry["exercise"])]
    if entry["side"] != "both":
        parts.append(str(entry["side"]))
    if entry["reps"] is not None:
        parts.append(f"{entry['reps']} reps")
    if entry["load_kg"] is not None:
        parts.append(f"{entry['load_kg']:g} kg")
    if entry["hold_s"] is not None:
        parts.append(f"{entry['hold_s']} s hold")
    if entry["rpe"] is not None:
        parts.append(f"RPE {entry['rpe']:g}")
    return " · ".join(parts)


@app.command("run")
def run(
    ctx: typer.Context,
    distance_km: Annotated[float, typer.Option(metavar="KM", help="Distance in kilometres.")],
    duration: Annotated[str, typer.Option(metavar="H:MM:SS", help="Time taken.")],
    day: DateOption = None,
    rpe: Annotated[
        float | None, typer.Option(metavar="0-10", help="Session RPE, rated ~30 min after.")
    ] = None,
    name: Annotated[str | None, typer.Option(help="A name for the run.")] = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Log a run by hand (no watch file) and print its activity id.

    Example:

        stridewell log run --date 2026-03-10 --distance-km 8.5 --duration 0:48:30 --rpe 4
    """
    today = state(ctx).today()
    with user_errors():
        run_day = today if day is None else parsing.iso_date(day, "date")
        seconds = parsing.duration_s(duration, "duration")
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            activity_id = log_manual_run(
                session,
                owner.id,
                today,
                day=run_day,
                distance_km=distance_km,
                duration_s=seconds,
                rpe=rpe,
                name=name,
            )
    if output is OutputFormat.JSON:
        print_json({"id": activity_id})
    else:
        typer.echo(activity_id)


@app.command("rpe")
def rpe_command(
    ctx: typer.Context,
    activity: Annotated[int, typer.Option(metavar="ID", help="The activity's id.")],
    rpe: Annotated[float, typer.Option(metavar="0-10", help="Session RPE, 0 to 10.")],
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Add (or change) the RPE of an activity, e.g. an imported run.

    Example:

        stridewell log rpe --activity 42 --rpe 6
    """
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        set_activity_rpe(session, owner.id, activity, rpe)
    if output is OutputFormat.JSON:
        print_json({"id": activity, "rpe": rpe})
    else:
        typer.echo(f"Activity {activity}: RPE {rpe:g}")


@app.command("soreness")
def soreness(
    ctx: typer.Context,
    context: Annotated[
        str,
        typer.Option(metavar="WHEN", help="morning, post_run, post_race or post_strength."),
    ],
    day: DateOption = None,
    regions: Annotated[
        list[str] | None,
        typer.Option(
            "--region",
            metavar="REGION",
            help="A sore region, repeatable: quad, glute, hamstring, calf, hip, groin, knee,"
            " it_band, shin, foot, ankle, achilles, lower_back (plurals such as quads work).",
        ),
    ] = None,
    sides: Annotated[
        list[str] | None,
        typer.Option(
            "--side",
            metavar="SIDE",
            help="left, right or both: one per --region, or none for both sides.",
        ),
    ] = None,
    scores: Annotated[
        list[int] | None,
        typer.Option("--score", metavar="0-10", help="How sore, one per --region."),
    ] = None,
    scores_text: Annotated[
        str | None,
        typer.Option(
            "--scores",
            metavar="LIST",
            help="Several at once: region[/side]:score,… e.g. quad/left:6,glute:2.",
        ),
    ] = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Log soreness scores (0 = none, 10 = worst) by region and side.

    Example:

        stridewell log soreness --date 2026-03-10 --context morning
            --scores quads/left:6,glutes:2,hamstrings:3
    """
    today = state(ctx).today()
    with user_errors():
        entries = soreness_from_text(
            day=today.isoformat() if day is None else day,
            context=context,
            regions=regions or (),
            sides=sides or (),
            scores=scores or (),
            scores_text=scores_text,
        )
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            stored = log_soreness(session, owner.id, entries, today)
    ids = [entry.id for entry in stored]
    if output is OutputFormat.JSON:
        print_json({"ids": ids})
    else:
        typer.echo(f"Logged {len(ids)} soreness score{'s' if len(ids) != 1 else ''}.")


@app.command("soreness-list")
def soreness_list(
    ctx: typer.Context,
    start: FromOption = None,
    end: ToOption = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """List soreness scores, oldest first.

    Example:

        stridewell log soreness-list --from 2026-03-01 --format json
    """
    with user_errors():
        first = None if start is None else parsing.iso_date(start, "from")
        last = None if end is None else parsing.iso_date(end, "to")
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            entries = list_soreness(session, owner.id, first, last)
    rows = [soreness_to_dict(entry) for entry in entries]
    if output is OutputFormat.JSON:
        print_json({"soreness": rows})
        return
    table = Table(title=f"Soreness of {owner.name}", title_justify="left")
    for column in ("id", "date", "context", "region", "side", "score"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["id"]),
            row["date"],
            row["context"],
            row["region"],
            row["side"],
            str(row["score"]),
        )
    print_table(table)


@app.command("remove-strength")
def remove_strength(
    ctx: typer.Context,
    session_id: Annotated[
        int, typer.Argument(metavar="ID", help="The session's id (see `stridewell log list`).")
    ],
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Delete a logged strength session with its sets.

    Its planned session counts as not done again; load, hard sets and adherence no longer
    count it.

    Example:

        stridewell log remove-strength 12
    """
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        removed = delete_strength_session(session, owner.id, session_id)
    if output is OutputFormat.JSON:
        print_json({"id": removed.id, "removed": True})
    else:
        sets = len(removed.sets)
        typer.echo(
            f"Strength session {removed.id} ({removed.date.isoformat()}, {sets} "
            f"set{'s' if sets != 1 else ''}) removed."
        )


@app.command("remove-soreness")
def remove_soreness(
    ctx: typer.Context,
    entry_id: Annotated[
        int,
        typer.Argument(
            metavar="ID", help="The score's id (see `stridewell log soreness-list --format json`)."
        ),
    ],
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Delete one soreness score (the other regions logged with it stay).

    Example:

        stridewell log remove-soreness 31
    """
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        removed = delete_soreness(session, owner.id, entry_id)
    if output is OutputFormat.JSON:
        print_json({"id": removed.id, "removed": True})
    else:
        typer.echo(
            f"Soreness score {removed.id} ({removed.date.isoformat()}, "
            f"{removed.region.value} {removed.score}/10) removed."
        )
