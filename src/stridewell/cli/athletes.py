"""`stridewell athlete …`: add, change, list and show athletes."""

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
from stridewell.cli.output import key_value_table, print_json, print_table, text_or_dash
from stridewell.domain.athletes import Athlete, ValidationError
from stridewell.services.athletes import (
    athlete_from_text,
    athlete_to_dict,
    athlete_with_changes,
    create_athlete,
    list_athletes,
    resolve_athlete,
    update_athlete,
)
from stridewell.services.injuries import injury_to_dict, list_injuries
from stridewell.services.races import list_races, race_to_dict

app = typer.Typer(help="Add, change, list and show athletes.", no_args_is_help=True)


# Profile options that `add` and `update` share (all optional in both).
WeeklyKmOption = Annotated[
    float | None, typer.Option(metavar="KM", help="Weekly running now (new athlete: 30).")
]
ExperienceOption = Annotated[
    str | None,
    typer.Option(metavar="LEVEL", help="novice, intermediate or advanced (new: intermediate)."),
]
EquipmentOption = Annotated[
    str | None,
    typer.Option(metavar="LIST", help="Comma-separated: bodyweight,band,dumbbell,barbell,…"),
]
DaysOption = Annotated[
    str | None,
    typer.Option(metavar="DAYS", help="Training days, e.g. tue,thu,sat,sun (new: tue-thu,sat,sun)"),
]
LongRunDayOption = Annotated[
    str | None, typer.Option(metavar="DAY", help="Day of the long run (new: sun if trained).")
]
MaxHrOption = Annotated[int | None, typer.Option(metavar="BPM", help="Maximum heart rate.")]
RestHrOption = Annotated[int | None, typer.Option(metavar="BPM", help="Resting heart rate.")]
TimezoneOption = Annotated[
    str | None, typer.Option(metavar="ZONE", help="IANA time zone, e.g. Europe/Oslo.")
]


@app.command("add")
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Option(help="Name shown in lists.")],
    sex: Annotated[str, typer.Option(metavar="F|M|X", help="F, M or X.")],
    birth_year: Annotated[int, typer.Option(metavar="YEAR", help="Year of birth.")],
    weekly_km: WeeklyKmOption = None,
    experience: ExperienceOption = None,
    equipment: EquipmentOption = None,
    days: DaysOption = None,
    long_run_day: LongRunDayOption = None,
    max_hr: MaxHrOption = None,
    rest_hr: RestHrOption = None,
    timezone: TimezoneOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Add an athlete and print the new id.

    Example:

        stridewell athlete add --name Ada --sex F --birth-year 1988 --weekly-km 40
            --equipment bodyweight,band,dumbbell --days tue,thu,sat,sun --long-run-day sun
    """
    with user_errors():
        athlete = athlete_from_text(
            name=name,
            sex=sex,
            birth_year=birth_year,
            weekly_km=weekly_km,
            experience=experience,
            equipment=equipment,
            days=days,
            long_run_day=long_run_day,
            max_hr=max_hr,
            rest_hr=rest_hr,
            timezone=timezone,
        )
        with state(ctx).database.session() as session:
            stored = create_athlete(session, athlete, state(ctx).today())
    if output is OutputFormat.JSON:
        print_json({"id": stored.id})
    else:
        typer.echo(stored.id)


@app.command("update")
def update(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Option(help="Name shown in lists.")] = None,
    sex: Annotated[str | None, typer.Option(metavar="F|M|X", help="F, M or X.")] = None,
    birth_year: Annotated[int | None, typer.Option(metavar="YEAR", help="Year of birth.")] = None,
    weekly_km: WeeklyKmOption = None,
    experience: ExperienceOption = None,
    equipment: EquipmentOption = None,
    days: DaysOption = None,
    long_run_day: LongRunDayOption = None,
    max_hr: MaxHrOption = None,
    rest_hr: RestHrOption = None,
    timezone: TimezoneOption = None,
    units: Annotated[str | None, typer.Option(metavar="km|mi", help="Distance units.")] = None,
    clear: Annotated[
        list[str] | None,
        typer.Option(metavar="FIELD", help="Forget a value: max_hr or rest_hr (repeatable)."),
    ] = None,
    athlete: AthleteOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Change an athlete's profile; what is not given stays as it is.

    A new max HR, rest HR or sex makes the load watch measure the heart-rate streams again.

    Example:

        stridewell athlete update --equipment bodyweight,band,dumbbell,barbell --max-hr 188
    """
    given = {
        "name": name,
        "sex": sex,
        "birth_year": birth_year,
        "weekly_km": weekly_km,
        "experience": experience,
        "equipment": equipment,
        "days": days,
        "long_run_day": long_run_day,
        "max_hr": max_hr,
        "rest_hr": rest_hr,
        "timezone": timezone,
        "units": units,
    }
    changes: dict[str, object] = {key: value for key, value in given.items() if value is not None}
    for field_name in clear or []:
        changes[field_name.strip().lower().replace("-", "_")] = None
    with user_errors():
        if not changes:
            raise ValidationError("nothing to change: give at least one option")
        with state(ctx).database.session() as session:
            current = resolve_athlete(session, athlete)
            stored = update_athlete(
                session, athlete_with_changes(current, changes), state(ctx).today()
            )
    if output is OutputFormat.JSON:
        print_json({"athlete": athlete_to_dict(stored)})
    else:
        typer.echo(f"Updated {stored.name} (id {stored.id}).")


@app.command("list")
def list_command(ctx: typer.Context, output: FormatOption = OutputFormat.TABLE) -> None:
    """List every athlete.

    Example:

        stridewell athlete list --format json
    """
    with user_errors(), state(ctx).database.session() as session:
        athletes = list_athletes(session)
    if output is OutputFormat.JSON:
        print_json({"athletes": [athlete_to_dict(a) for a in athletes]})
        return
    table = Table(title="Athletes", title_justify="left")
    for column in ("id", "name", "sex", "born", "km/week", "days", "long run"):
        table.add_column(column)
    for athlete in athletes:
        data = athlete_to_dict(athlete)
        table.add_row(
            str(athlete.id),
            athlete.name,
            athlete.sex.value,
            str(athlete.birth_year),
            f"{athlete.weekly_km:g}",
            ",".join(data["days"]),
            data["long_run_day"],
        )
    print_table(table)


@app.command("show")
def show(
    ctx: typer.Context, athlete: AthleteOption = None, output: FormatOption = OutputFormat.TABLE
) -> None:
    """Show an athlete's profile with their injuries and races.

    Example:

        stridewell athlete show --athlete 1 --format json
    """
    with user_errors(), state(ctx).database.session() as session:
        found = resolve_athlete(session, athlete)
        assert found.id is not None
        injuries = list_injuries(session, found.id)
        races = list_races(session, found.id)
    today = state(ctx).today()
    data = {
        "athlete": athlete_to_dict(found),
        "injuries": [injury_to_dict(injury, today) for injury in injuries],
        "races": [race_to_dict(race) for race in races],
    }
    if output is OutputFormat.JSON:
        print_json(data)
        return
    print_table(key_value_table(f"Athlete {found.id}", _profile_rows(found)))
    typer.echo(f"{len(injuries)} injuries and {len(races)} races on file.")


def _profile_rows(athlete: Athlete) -> list[tuple[str, str]]:
    data = athlete_to_dict(athlete)
    return [
        ("name", athlete.name),
        ("sex", data["sex"]),
        ("birth year", str(athlete.birth_year)),
        ("experience", data["experience"]),
        ("weekly km", f"{athlete.weekly_km:g}"),
        ("training days", ", ".join(data["days"])),
        ("long run", data["long_run_day"]),
        ("equipment", ", ".join(data["equipment"])),
        ("max / rest HR", f"{text_or_dash(athlete.max_hr)} / {text_or_dash(athlete.rest_hr)}"),
        ("time zone", athlete.timezone),
    ]
