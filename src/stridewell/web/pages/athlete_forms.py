"""The profile, injury and race forms: their fields, and their values turned into domain objects.

Shared by onboarding and the profile page, so both accept and reject exactly the same input.
"""

from __future__ import annotations

from datetime import date

from stridewell.domain.athletes import (
    DEFAULT_RUN_DAYS,
    RACE_DISTANCES_M,
    Athlete,
    Injury,
    Race,
    ValidationError,
)
from stridewell.domain.vocab import Equipment, Experience, Weekday
from stridewell.services.athletes import athlete_from_text
from stridewell.services.injuries import injury_from_text
from stridewell.services.races import race_from_text
from stridewell.web.forms import FormState

PROFILE_FIELDS = (
    "name",
    "sex",
    "birth_year",
    "weekly_km",
    "experience",
    "equipment",
    "days",
    "long_run_day",
    "max_hr",
    "rest_hr",
    "timezone",
)
# Domain field names that differ from the form's.
PROFILE_ALIASES = {"day": "days"}

INJURY_FIELDS = (
    "region",
    "side",
    "onset",
    "resolved",
    "severity",
    "days_off_running",
    "notes",
)
RACE_FIELDS = ("name", "date", "distance", "distance_m", "goal", "result")
OTHER_DISTANCE = "other"


# Forms that pass: each field is checked alone inside one of these (FormState.reject_each), so
# a rejected form lists every field at fault, not only the first the domain meets.
PROFILE_BASELINE: dict[str, str | list[str]] = {
    "name": "Runner",
    "sex": "X",
    "birth_year": "1990",
    "weekly_km": "30",
    "experience": Experience.INTERMEDIATE.value,
    "equipment": [Equipment.BODYWEIGHT.value],
    "days": ["tue", "thu", "sun"],
    "long_run_day": "sun",
    "timezone": "UTC",
}
RACE_BASELINE: dict[str, str | list[str]] = {
    "name": "Race",
    "date": "2000-01-02",
    "distance": "10k",
}


def injury_baseline(today: date) -> dict[str, str | list[str]]:
    return {"region": "knee", "side": "left", "onset": today.isoformat(), "severity": "3"}


def profile_defaults() -> FormState:
    return FormState.initial(
        {
            "experience": Experience.INTERMEDIATE.value,
            "equipment": [Equipment.BODYWEIGHT.value],
            "days": [day.value for day in DEFAULT_RUN_DAYS],
            "long_run_day": Weekday.SUN.value,
            "weekly_km": "30",
        }
    )


def athlete_from_form(form: FormState) -> Athlete:
    """An athlete from the profile form; `ValidationError` names the field at fault."""
    return athlete_from_text(
        name=form.value("name"),
        sex=form.value("sex") or _missing("sex", "choose female, male or other"),
        birth_year=form.required_integer("birth_year", "Birth year"),
        weekly_km=form.number("weekly_km", "Weekly running"),
        experience=form.text("experience"),
        equipment=form.items("equipment"),
        days=form.items("days"),
        long_run_day=form.text("long_run_day"),
        max_hr=form.integer("max_hr", "Maximum heart rate"),
        rest_hr=form.integer("rest_hr", "Resting heart rate"),
        timezone=form.text("timezone"),
    )


def profile_values(athlete: Athlete) -> FormState:
    """The profile form filled in with what is stored."""
    values: dict[str, str | list[str]] = {
        "name": athlete.name,
        "sex": athlete.sex.value,
        "birth_year": str(athlete.birth_year),
        "weekly_km": f"{athlete.weekly_km:g}",
        "experience": athlete.experience.value,
        "equipment": [item.value for item in athlete.equipment],
        "days": [day.value for day in athlete.availability.days],
        "long_run_day": athlete.availability.long_run_day.value,
        "max_hr": "" if athlete.max_hr is None else str(athlete.max_hr),
        "rest_hr": "" if athlete.rest_hr is None else str(athlete.rest_hr),
        "timezone": athlete.timezone,
    }
    return FormState.initial(values)


def injury_defaults(today: date) -> FormState:
    return FormState.initial(
        {"side": "both", "onset": today.isoformat(), "severity": "3", "days_off_running": "0"}
    )


def injury_from_form(form: FormState) -> Injury:
    return injury_from_text(
        region=form.value("region") or _missing("region", "choose where it hurts"),
        side=form.value("side") or _missing("side", "choose left, right or both"),
        onset=form.value("onset") or _missing("onset", "give the date it started"),
        resolved=form.text("resolved"),
        severity=form.required_integer("severity", "Severity"),
        days_off_running=form.integer("days_off_running", "Days off running") or 0,
        notes=form.value("notes"),
    )


def race_defaults() -> FormState:
    return FormState.initial({"distance": "marathon"})


def race_from_form(form: FormState) -> Race:
    choice = form.value("distance")
    if choice == OTHER_DISTANCE or not choice:
        metres = form.number("distance_m", "Distance")
        if metres is None:
            raise ValidationError("give the distance in metres", "distance_m")
        distance = f"{metres:g}"
    elif choice in RACE_DISTANCES_M:
        distance = choice
    else:
        raise ValidationError(f"unknown distance {choice!r}", "distance")
    return race_from_text(
        name=form.value("name"),
        race_date=form.value("date") or _missing("date", "give the race date"),
        distance=distance,
        goal=form.text("goal"),
        result=form.text("result"),
    )


def reject_profile(entered: FormState, error: ValidationError, today: date) -> None:
    """Place `error`, and every other field's own error, next to their fields."""
    entered.reject(error, PROFILE_FIELDS, PROFILE_ALIASES)
    entered.reject_each(
        lambda form: athlete_from_form(form).validate(today),
        PROFILE_BASELINE,
        PROFILE_FIELDS,
        PROFILE_ALIASES,
    )


def reject_injury(entered: FormState, error: ValidationError, today: date) -> None:
    entered.reject(error, INJURY_FIELDS, {})
    entered.reject_each(
        lambda form: injury_from_form(form).validate(today),
        injury_baseline(today),
        INJURY_FIELDS,
        {},
    )


def reject_race(entered: FormState, error: ValidationError, today: date) -> None:
    aliases = race_aliases(entered)
    entered.reject(error, RACE_FIELDS, aliases)
    # The date and result rules depend on each other (a result needs a past date): only the
    # fields that stand alone are checked one by one.
    entered.reject_each(
        lambda form: race_from_form(form).validate(today),
        RACE_BASELINE,
        ("name", "date", "distance_m", "goal"),
        aliases,
    )


def race_aliases(form: FormState) -> dict[str, str]:
    """Where the domain's field names land in the race form."""
    if form.value("distance") in ("", OTHER_DISTANCE):
        # Typed-in metres live in their own field; range errors belong next to it.
        return {"distance": "distance_m"}
    return {}


def _missing(field: str, message: str) -> str:
    raise ValidationError(message, field)
