"""Races: past results and goal races, and which goal race a plan aims at."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from stridewell.domain.athletes import (
    Race,
    ValidationError,
    distance_label,
    format_duration,
    parse_distance_m,
)
from stridewell.services import parsing
from stridewell.services.athletes import get_athlete
from stridewell.services.errors import NotFoundError
from stridewell.store.repositories import RaceRepository


def race_from_text(
    *,
    name: str,
    race_date: str,
    distance: str,
    goal: str | None = None,
    result: str | None = None,
) -> Race:
    """A `Race` from typed-in values: distance `5k|10k|half|marathon|METRES`, times H:MM:SS."""
    return Race(
        name=name.strip(),
        date=parsing.iso_date(race_date, "date"),
        distance_m=parse_distance_m(distance),
        goal_s=None if goal is None else parsing.duration_s(goal, "goal"),
        result_s=None if result is None else parsing.duration_s(result, "result"),
    )


def add_race(session: Session, athlete_id: int, race: Race, today: date) -> Race:
    """Validate and store a race: a past one needs its result, a future one cannot have one."""
    get_athlete(session, athlete_id)
    race.validate(today)
    if race.result_s is None and race.date < today:
        raise ValidationError(
            f"the race on {race.date.isoformat()} is in the past: give its result,"
            " or a future date for a goal race",
            "result",
        )
    return RaceRepository(session).add(athlete_id, race)


RACE_FIELDS = ("name", "date", "distance", "goal", "result")
CLEARABLE_RACE_FIELDS = frozenset({"goal", "result"})


def race_with_changes(race: Race, changes: Mapping[str, str | None]) -> Race:
    """`race` with the typed-in `changes` applied, parsed as for a new race (`race_from_text`).

    Keys are those of `RACE_FIELDS`; None or a blank clears the goal or the result.
    """
    unknown = sorted(set(changes) - set(RACE_FIELDS))
    if unknown:
        raise ValidationError(
            f"cannot change {', '.join(unknown)} (use {', '.join(RACE_FIELDS)})", unknown[0]
        )
    given: dict[str, str | None] = {}
    for key, value in changes.items():
        text = None if value is None or not value.strip() else value
        if text is None and key not in CLEARABLE_RACE_FIELDS:
            raise ValidationError(f"the race {key} cannot be cleared", key)
        given[key] = text

    def time_s(key: str, current: int | None) -> int | None:
        if key not in given:
            return current
        text = given[key]
        return None if text is None else parsing.duration_s(text, key)

    return replace(
        race,
        name=(given["name"] or "").strip() if "name" in given else race.name,
        date=parsing.iso_date(given["date"] or "", "date") if "date" in given else race.date,
        distance_m=parse_distance_m(given["distance"] or "")
        if "distance" in given
        else race.distance_m,
        goal_s=time_s("goal", race.goal_s),
        result_s=time_s("result", race.result_s),
    )


def update_race(session: Session, athlete_id: int, race: Race, today: date) -> Race:
    """Store changes to one of the athlete's races (found by `race.id`).

    The rules of a new race apply, except that a goal race whose day has passed may stay
    without its result until it is given. Giving a goal race its result makes it a past result:
    the same race, never a second one. Its recorded activity, if any, stays linked.
    """
    if race.id is None:
        raise NotFoundError("a race without an id cannot be updated")
    before = get_race(session, athlete_id, race.id)
    race.validate(today)
    if race.result_s is None and race.date < today and race.date != before.date:
        raise ValidationError(
            f"the race on {race.date.isoformat()} is in the past: give its result,"
            " or a future date for a goal race",
            "result",
        )
    changed = replace(race, athlete_id=athlete_id, activity_id=before.activity_id)
    return RaceRepository(session).update(changed)


def delete_race(session: Session, athlete_id: int, race_id: int) -> Race:
    """Remove one of the athlete's races; returns it as it was. A plan aimed at it keeps its
    sessions (it no longer names a race until it is generated again)."""
    race = get_race(session, athlete_id, race_id)
    RaceRepository(session).delete(race_id)
    return race


def list_races(session: Session, athlete_id: int) -> list[Race]:
    """The athlete's races by date."""
    get_athlete(session, athlete_id)
    return RaceRepository(session).list_for(athlete_id)


def get_race(session: Session, athlete_id: int, race_id: int) -> Race:
    race = RaceRepository(session).get(race_id)
    if race is None or race.athlete_id != athlete_id:
        raise NotFoundError(f"athlete {athlete_id} has no race with id {race_id}")
    return race


def next_goal_race(session: Session, athlete_id: int, today: date) -> Race | None:
    """The nearest race on or after today that has no result yet."""
    upcoming = [
        race for race in list_races(session, athlete_id) if race.is_goal and race.date >= today
    ]
    return min(upcoming, key=lambda race: (race.date, race.id or 0), default=None)


def race_to_dict(race: Race) -> dict[str, Any]:
    return {
        "id": race.id,
        "athlete_id": race.athlete_id,
        "name": race.name,
        "date": race.date.isoformat(),
        "distance": distance_label(race.distance_m),
        "distance_m": race.distance_m,
        "goal_s": race.goal_s,
        "goal": None if race.goal_s is None else format_duration(race.goal_s),
        "result_s": race.result_s,
        "result": None if race.result_s is None else format_duration(race.result_s),
        "activity_id": race.activity_id,
    }
