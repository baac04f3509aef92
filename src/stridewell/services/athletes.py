"""Athletes: create, find, choose "the only athlete", and their JSON form."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from stridewell.domain.athletes import DEFAULT_RUN_DAYS, Athlete, Availability, ValidationError
from stridewell.domain.vocab import Equipment, Experience, Sex, Weekday
from stridewell.services import parsing
from stridewell.services.errors import AmbiguousAthleteError, NoAthleteError, NotFoundError
from stridewell.store.repositories import ActivityRepository, AthleteRepository


def athlete_from_text(
    *,
    name: str,
    sex: str,
    birth_year: int,
    weekly_km: float | None = None,
    experience: str | None = None,
    equipment: str | Iterable[str] | None = None,
    days: str | Iterable[str] | None = None,
    long_run_day: str | None = None,
    max_hr: int | None = None,
    rest_hr: int | None = None,
    timezone: str | None = None,
    units: str | None = None,
) -> Athlete:
    """An `Athlete` from typed-in values; unknown terms raise `ValidationError`.

    Without `long_run_day`, the long run goes on Sunday when Sunday is a training day, else on
    the last training day of the week.
    """
    run_days = parsing.weekdays(days) if days is not None else DEFAULT_RUN_DAYS
    if long_run_day is not None:
        long_day = parsing.weekday(long_run_day)
    elif Weekday.SUN in run_days or not run_days:
        long_day = Weekday.SUN
    else:
        long_day = max(run_days, key=lambda day: day.number)
    defaults = Athlete(name=name, sex=Sex.X, birth_year=birth_year)
    return Athlete(
        name=name.strip(),
        sex=parsing.term(Sex, sex, "sex"),
        birth_year=birth_year,
        weekly_km=defaults.weekly_km if weekly_km is None else weekly_km,
        experience=(
            defaults.experience
            if experience is None
            else parsing.term(Experience, experience, "experience")
        ),
        equipment=(
            defaults.equipment
            if equipment is None
            else frozenset(parsing.terms(Equipment, equipment, "equipment")) or defaults.equipment
        ),
        availability=Availability(days=run_days, long_run_day=long_day),
        max_hr=max_hr,
        rest_hr=rest_hr,
        timezone=defaults.timezone if timezone is None else parsing.timezone_name(timezone),
        units=defaults.units if units is None else units.strip().lower(),
    )


# What `athlete_with_changes` may change, by its name in athlete_to_dict / athlete_from_text.
CHANGEABLE = frozenset(
    {
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
        "units",
    }
)
CLEARABLE = frozenset({"max_hr", "rest_hr"})


def athlete_with_changes(athlete: Athlete, changes: Mapping[str, Any]) -> Athlete:
    """`athlete` with the typed-in `changes` applied, parsed as for a new athlete.

    Keys are those of `CHANGEABLE`; a value of None clears a field of `CLEARABLE`. When the
    training days change and the long-run day is no longer among them (and no new one is
    given), the long run moves by the rule for a new athlete (Sunday, else the last day).
    """
    unknown = set(changes) - CHANGEABLE
    if unknown:
        raise ValidationError(f"cannot change {', '.join(sorted(unknown))}", sorted(unknown)[0])
    for key, value in changes.items():
        if value is None and key not in CLEARABLE:
            raise ValidationError(f"{key} cannot be cleared", key)
    merged = {key: value for key, value in athlete_to_dict(athlete).items() if key != "id"}
    merged.update(changes)
    if "days" in changes and "long_run_day" not in changes:
        new_days = parsing.weekdays(merged["days"])
        if athlete.availability.long_run_day not in new_days:
            merged["long_run_day"] = None
    updated = athlete_from_text(**merged)
    return replace(updated, id=athlete.id)


def create_athlete(session: Session, athlete: Athlete, today: date) -> Athlete:
    """Validate and store a new athlete; returns it with its id."""
    athlete.validate(today)
    parsing.timezone_name(athlete.timezone)
    return AthleteRepository(session).add(athlete)


def update_athlete(session: Session, athlete: Athlete, today: date) -> Athlete:
    """Validate and store changes to an athlete (found by `athlete.id`); returns it as stored.

    When max HR, rest HR or sex change, the loads measured from the athlete's heart-rate
    streams for the old values no longer hold: they are forgotten, and the load watch measures
    each again the first time it needs it (store/repositories/activities.py)."""
    if athlete.id is None:
        raise NotFoundError("an athlete without an id cannot be updated")
    before = get_athlete(session, athlete.id)
    athlete.validate(today)
    parsing.timezone_name(athlete.timezone)
    updated = AthleteRepository(session).update(athlete)
    if _hr_profile(before) != _hr_profile(updated):
        ActivityRepository(session).forget_stream_loads(athlete.id)
    return updated


def _hr_profile(athlete: Athlete) -> tuple[int | None, int | None, Sex]:
    """What the load of a heart-rate stream depends on (domain.load.hr_stream_load)."""
    return athlete.max_hr, athlete.rest_hr, athlete.sex


def list_athletes(session: Session) -> list[Athlete]:
    return AthleteRepository(session).all()


def get_athlete(session: Session, athlete_id: int) -> Athlete:
    athlete = AthleteRepository(session).get(athlete_id)
    if athlete is None:
        raise NotFoundError(f"no athlete with id {athlete_id}")
    return athlete


def resolve_athlete(session: Session, athlete_id: int | None) -> Athlete:
    """The athlete asked for, or — when none is named — the only one in the database."""
    if athlete_id is not None:
        return get_athlete(session, athlete_id)
    ids = AthleteRepository(session).ids(limit=11)
    if not ids:
        raise NoAthleteError("there is no athlete yet; add one first")
    if len(ids) > 1:
        shown = ", ".join(str(i) for i in ids[:10]) + (", …" if len(ids) > 10 else "")
        raise AmbiguousAthleteError(
            f"there are several athletes (ids {shown}); choose one by id", ids[:10]
        )
    return get_athlete(session, ids[0])


def athlete_to_dict(athlete: Athlete) -> dict[str, Any]:
    return {
        "id": athlete.id,
        "name": athlete.name,
        "sex": athlete.sex.value,
        "birth_year": athlete.birth_year,
        "units": athlete.units,
        "max_hr": athlete.max_hr,
        "rest_hr": athlete.rest_hr,
        "timezone": athlete.timezone,
        "experience": athlete.experience.value,
        "equipment": [e.value for e in Equipment if e in athlete.equipment],
        "days": [day.value for day in sorted(athlete.availability.days, key=lambda d: d.number)],
        "long_run_day": athlete.availability.long_run_day.value,
        "weekly_km": athlete.weekly_km,
    }
