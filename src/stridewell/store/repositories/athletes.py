"""Athletes, injuries and races: rows <-> domain value objects."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from stridewell.domain.athletes import Athlete, Availability, Injury, Race
from stridewell.domain.vocab import Equipment, Experience, Region, Sex, Side, Weekday
from stridewell.store.models import AthleteRow, InjuryRow, RaceRow


class AthleteRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, athlete: Athlete, created_utc: datetime | None = None) -> Athlete:
        """Insert `athlete`; returns it with its new id."""
        row = AthleteRow(created_utc=created_utc or datetime.now(UTC))
        _copy_athlete(athlete, row)
        self.session.add(row)
        self.session.flush()
        return athlete_from_row(row)

    def update(self, athlete: Athlete) -> Athlete:
        if athlete.id is None:
            raise ValueError("an athlete without an id cannot be updated")
        row = self.session.get(AthleteRow, athlete.id)
        if row is None:
            raise LookupError(f"no athlete with id {athlete.id}")
        _copy_athlete(athlete, row)
        self.session.flush()
        return athlete_from_row(row)

    def get(self, athlete_id: int) -> Athlete | None:
        row = self.session.get(AthleteRow, athlete_id)
        return None if row is None else athlete_from_row(row)

    def all(self) -> list[Athlete]:
        rows = self.session.scalars(select(AthleteRow).order_by(AthleteRow.id))
        return [athlete_from_row(row) for row in rows]

    def ids(self, limit: int | None = None) -> list[int]:
        query = select(AthleteRow.id).order_by(AthleteRow.id).limit(limit)
        return list(self.session.scalars(query))

    def count(self) -> int:
        return self.session.scalar(select(func.count()).select_from(AthleteRow)) or 0

    def delete(self, athlete_id: int) -> bool:
        row = self.session.get(AthleteRow, athlete_id)
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        return True


class InjuryRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, athlete_id: int, injury: Injury) -> Injury:
        row = InjuryRow(
            athlete_id=athlete_id,
            region=injury.region.value,
            side=injury.side.value,
            onset=injury.onset,
            resolved=injury.resolved,
            severity=injury.severity,
            days_off_running=injury.days_off_running,
            notes=injury.notes,
        )
        self.session.add(row)
        self.session.flush()
        return injury_from_row(row)

    def list_for(self, athlete_id: int) -> list[Injury]:
        query = (
            select(InjuryRow)
            .where(InjuryRow.athlete_id == athlete_id)
            .order_by(InjuryRow.onset, InjuryRow.id)
        )
        return [injury_from_row(row) for row in self.session.scalars(query)]


class RaceRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, athlete_id: int, race: Race) -> Race:
        row = RaceRow(
            athlete_id=athlete_id,
            name=race.name,
            date=race.date,
            distance_m=race.distance_m,
            goal_s=race.goal_s,
            result_s=race.result_s,
            activity_id=race.activity_id,
        )
        self.session.add(row)
        self.session.flush()
        return race_from_row(row)

    def get(self, race_id: int) -> Race | None:
        row = self.session.get(RaceRow, race_id)
        return None if row is None else race_from_row(row)

    def update(self, race: Race) -> Race:
        """Store a changed race (found by `race.id`): name, date, distance, goal and result."""
        if race.id is None:
            raise ValueError("a race without an id cannot be updated")
        row = self.session.get(RaceRow, race.id)
        if row is None:
            raise LookupError(f"no race with id {race.id}")
        row.name = race.name
        row.date = race.date
        row.distance_m = race.distance_m
        row.goal_s = race.goal_s
        row.result_s = race.result_s
        self.session.flush()
        return race_from_row(row)

    def delete(self, race_id: int) -> bool:
        """Delete the race; a plan aimed at it keeps its sessions, its `race_id` set to NULL."""
        row = self.session.get(RaceRow, race_id)
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        return True

    def list_for(self, athlete_id: int) -> list[Race]:
        query = (
            select(RaceRow)
            .where(RaceRow.athlete_id == athlete_id)
            .order_by(RaceRow.date, RaceRow.id)
        )
        return [race_from_row(row) for row in self.session.scalars(query)]


def _copy_athlete(athlete: Athlete, row: AthleteRow) -> None:
    row.name = athlete.name
    row.sex = athlete.sex.value
    row.birth_year = athlete.birth_year
    row.units = athlete.units
    row.max_hr = athlete.max_hr
    row.rest_hr = athlete.rest_hr
    row.timezone = athlete.timezone
    row.experience = athlete.experience.value
    # Sorted in vocabulary order so the stored list is stable and diff-friendly.
    row.equipment = [e.value for e in Equipment if e in athlete.equipment]
    row.weekly_availability = availability_to_json(athlete.availability)
    row.weekly_km = athlete.weekly_km


def availability_to_json(availability: Availability) -> dict[str, Any]:
    return {
        "days": [day.value for day in availability.days],
        "long_run_day": availability.long_run_day.value,
    }


def availability_from_json(data: dict[str, Any]) -> Availability:
    return Availability(
        days=tuple(Weekday(day) for day in data["days"]),
        long_run_day=Weekday(data["long_run_day"]),
    )


def athlete_from_row(row: AthleteRow) -> Athlete:
    return Athlete(
        id=row.id,
        name=row.name,
        sex=Sex(row.sex),
        birth_year=row.birth_year,
        units=row.units,
        max_hr=row.max_hr,
        rest_hr=row.rest_hr,
        timezone=row.timezone,
        experience=Experience(row.experience),
        equipment=frozenset(Equipment(term) for term in row.equipment),
        availability=availability_from_json(row.weekly_availability),
        weekly_km=row.weekly_km,
    )


def injury_from_row(row: InjuryRow) -> Injury:
    return Injury(
        id=row.id,
        athlete_id=row.athlete_id,
        region=Region(row.region),
        side=Side(row.side),
        onset=row.onset,
        resolved=row.resolved,
        severity=row.severity,
        days_off_running=row.days_off_running,
        notes=row.notes,
    )


def race_from_row(row: RaceRow) -> Race:
    return Race(
        id=row.id,
        athlete_id=row.athlete_id,
        name=row.name,
        date=row.date,
        distance_m=row.distance_m,
        goal_s=row.goal_s,
        result_s=row.result_s,
        activity_id=row.activity_id,
    )
