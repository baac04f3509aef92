"""Races: past results and goal races, and which goal race a plan aims at."""

from __future__ import annotations

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
