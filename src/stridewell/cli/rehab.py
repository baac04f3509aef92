"""`stridewell rehab …`: a staged return to running after an injury, guided by pain."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

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
from stridewell.cli.output import key_value_table, print_json, print_table, text_or_dash
from stridewell.domain.rehab import LAST_STAGE, READINESS_TESTS, SAFE_PAIN, ReadinessCheck
from stridewell.services import parsing
from stridewell.services.athletes import resolve_athlete
from stridewell.services.rehab import (
    RehabReport,
    choose_injury,
    log_readiness,
    log_rehab_session,
    rehab_report,
    rehab_report_to_dict,
    yes_no,
)

app = typer.Typer(
    help="Return to running after an injury: readiness checks, walk-run stages, pain gates.",
    no_args_is_help=True,
)

InjuryOption = Annotated[
    int | None,
    typer.Option(
        "--injury",
        metavar="ID",
        help="Injury id (default: the latest active injury, or the one being rehabbed).",
    ),
]


def _pain(help_text: str) -> Any:
    return typer.Option(metavar="0-10", help=help_text)


@app.command("status")
def status(
    ctx: typer.Context,
    injury: InjuryOption = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Show the current stage, the sessions done at it and what to do next.

    Example:

        stridewell rehab status --injury 2 --format json
    """
    today = state(ctx).today()
    with user_errors(), state(ctx).database.session() as session:
        owner = resolve_athlete(session, athlete)
        assert owner.id is not None
        report = rehab_report(session, owner.id, today, injury)
    _show(report, today, output)


@app.command("log")
def log(
    ctx: typer.Context,
    day: Annotated[str, typer.Option("--date", metavar="DATE", help="Day of the session.")],
    stage: Annotated[
        int, typer.Option(metavar="N", help=f"The stage you ran (1 to {LAST_STAGE}).")
    ],
    pain_during: Annotated[
        int | None, _pain("Worst pain during the session (needed for a new session).")
    ] = None,
    pain_morning: Annotated[
        int | None, _pain("Pain the next morning (log it the day after).")
    ] = None,
    settled: Annotated[
        str | None,
        typer.Option(metavar="yes|no", help="Had the pain settled within 24 hours?"),
    ] = None,
    notes: Annotated[str | None, typer.Option(help="Anything worth remembering.")] = None,
    injury: InjuryOption = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Log a walk-run session, or add the next-morning answers to one already logged.

    Example:

        stridewell rehab log --injury 2 --date 2026-03-09 --stage 1 --pain-during 1

        stridewell rehab log --injury 2 --date 2026-03-09 --stage 1 --pain-morning 0
            --settled yes
    """
    today = state(ctx).today()
    with user_errors():
        when = parsing.iso_date(day, "date")
        settled_24h = None if settled is None else yes_no(settled, "settled")
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            chosen = choose_injury(session, owner.id, injury, today)
            assert chosen.id is not None
            stored, report = log_rehab_session(
                session,
                owner.id,
                chosen.id,
                today,
                day=when,
                stage=stage,
                pain_during=pain_during,
                pain_next_morning=pain_morning,
                settled_24h=settled_24h,
                notes=notes,
            )
    outcome = next(o for o in report.status.history if o.session.id == stored.id)
    if output is OutputFormat.JSON:
        print_json(
            {
                "id": stored.id,
                "gate": outcome.result.gate.value,
                "reasons": list(outcome.result.reasons),
                "stage": report.status.stage,
                "next_action": report.status.next_action,
            }
        )
        return
    typer.echo(f"Session {stored.id}: {outcome.result.gate.value}")
    for reason in outcome.result.reasons:
        typer.echo(f"  - {reason}")
    typer.echo(f"Next: {report.status.next_action}")


@app.command("readiness")
def readiness(
    ctx: typer.Context,
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="DATE", help="Day of the checks (default today)."),
    ] = None,
    walk_pain: Annotated[int | None, _pain("Worst pain on a 30-minute walk.")] = None,
    squat_pain: Annotated[int | None, _pain("Worst pain in 10 single-leg squats.")] = None,
    jog_pain: Annotated[int | None, _pain("Worst pain in 1 min jogging on the spot.")] = None,
    hop_pain: Annotated[int | None, _pain("Worst pain in 30 s of hopping.")] = None,
    notes: Annotated[str, typer.Option(help="Anything worth remembering.")] = "",
    injury: InjuryOption = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Record the readiness checks before the first run (all four pains), or, without pains,
    show the checks and whether they have been passed.

    Example:

        stridewell rehab readiness --injury 2 --date 2026-03-06 --walk-pain 1
            --squat-pain 2 --jog-pain 0 --hop-pain 1
    """
    today = state(ctx).today()
    pains = (walk_pain, squat_pain, jog_pain, hop_pain)
    with user_errors():
        if any(p is not None for p in pains) and not all(p is not None for p in pains):
            fail("give all four pains: --walk-pain, --squat-pain, --jog-pain and --hop-pain")
        when = today if day is None else parsing.iso_date(day, "date")
        with state(ctx).database.session() as session:
            owner = resolve_athlete(session, athlete)
            assert owner.id is not None
            chosen = choose_injury(session, owner.id, injury, today)
            assert chosen.id is not None
            if walk_pain is None or squat_pain is None or jog_pain is None or hop_pain is None:
                report = rehab_report(session, owner.id, today, chosen.id)
            else:
                check = ReadinessCheck(
                    date=when,
                    walk_pain=walk_pain,
                    single_leg_squat_pain=squat_pain,
                    jog_on_spot_pain=jog_pain,
                    hop_pain=hop_pain,
                    notes=notes,
                )
                report = log_readiness(session, owner.id, chosen.id, check, today)
    data = rehab_report_to_dict(report, today)
    if output is OutputFormat.JSON:
        latest = data["readiness"][-1] if data["readiness"] else None
        print_json(
            {
                "injury_id": report.injury.id,
                "tests": [{"name": name, "what": what} for name, what in READINESS_TESTS],
                "safe_pain": SAFE_PAIN,
                "latest": latest,
                "passed": report.status.readiness_passed,
                "next_action": report.status.next_action,
            }
        )
        return
    typer.echo(f"Readiness checks (each at most {SAFE_PAIN}/10 pain):")
    for _, what in READINESS_TESTS:
        typer.echo(f"  - {what}")
    typer.echo(f"Passed: {'yes' if report.status.readiness_passed else 'not yet'}")
    typer.echo(f"Next: {report.status.next_action}")


def _show(report: RehabReport, today: date, output: OutputFormat) -> None:
    data = rehab_report_to_dict(report, today)
    if output is OutputFormat.JSON:
        print_json(data)
        return
    injury = data["injury"]
    print_table(
        key_value_table(
            f"Return to run after injury {injury['id']} ({injury['region']}, {injury['side']})",
            [
                ("stage", f"{data['stage']}: {data['stage_description']}"),
                ("green sessions", f"{data['green_sessions']} of {data['sessions_needed']}"),
                ("readiness", "passed" if data["readiness_passed"] else "not passed yet"),
                ("next", data["next_action"]),
                ("earliest", text_or_dash(data["next_date"])),
                ("strength", data["strength"]["message"]),
            ],
        )
    )
    if not data["history"]:
        return
    table = Table(title="Sessions", title_justify="left")
    for column in ("date", "stage", "pain", "next morning", "settled", "gate", "why"):
        table.add_column(column)
    for row in data["history"]:
        settled = row["settled_24h"]
        table.add_row(
            row["date"],
            str(row["stage"]),
            str(row["pain_during"]),
            text_or_dash(row["pain_next_morning"]),
            "–" if settled is None else ("yes" if settled else "no"),
            row["gate"],
            "; ".join(row["reasons"]),
        )
    print_table(table)
