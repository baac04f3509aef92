from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from stridewell.domain.athletes import Athlete, Availability, Injury, Race
from stridewell.domain.vocab import Equipment, Experience, Region, Sex, Side, Weekday
from stridewell.store.repositories import AthleteRepository, InjuryRepository, RaceRepository


def _athlete(**changes: object) -> Athlete:
    values: dict[str, object] = {
        "name": "Maren",
        "sex": Sex.F,
        "birth_year": 1988,
        "experience": Experience.ADVANCED,
        "equipment": frozenset({Equipment.BAND, Equipment.BARBELL}),
        "availability": Availability(
            days=(Weekday.MON, Weekday.THU, Weekday.SAT), long_run_day=Weekday.SAT
        ),
        "weekly_km": 52.5,
        "max_hr": 186,
        "rest_hr": 48,
        "timezone": "Europe/Oslo",
        "units": "mi",
    }
    values.update(changes)
    return Athlete(**values)  # type: ignore[arg-type]


def test_an_athlete_comes_back_exactly_as_stored(session: Session) -> None:
    repository = AthleteRepository(session)
    stored = repository.add(_athlete())
    assert stored.id is not None
    session.expire_all()
    assert repository.get(stored.id) == stored
    assert stored == _athlete(id=stored.id)


def test_training_days_keep_the_order_given(session: Session) -> None:
    days = (Weekday.SUN, Weekday.TUE, Weekday.THU)
    stored = AthleteRepository(session).add(
        _athlete(availability=Availability(days=days, long_run_day=Weekday.SUN))
    )
    assert stored.availability.days == days


def test_list_count_update_and_delete(session: Session) -> None:
    repository = AthleteRepository(session)
    first = repository.add(_athlete(name="One"))
    second = repository.add(_athlete(name="Two"))
    assert [a.name for a in repository.all()] == ["One", "Two"]
    assert repository.count() == 2
    assert repository.ids() == [first.id, second.id]
    renamed = repository.update(_athlete(id=second.id, name="Deux", weekly_km=10.0))
    assert repository.get(renamed.id or 0) == renamed
    assert repository.delete(first.id or 0) is True
    assert repository.delete(first.id or 0) is False
    assert repository.count() == 1


def test_get_of_an_unknown_id_is_none(session: Session) -> None:
    assert AthleteRepository(session).get(12345) is None


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    equipment=st.frozensets(st.sampled_from(list(Equipment))),
    days=st.lists(st.sampled_from(list(Weekday)), min_size=1, max_size=6, unique=True),
    name=st.text(min_size=1, max_size=60).filter(lambda s: s.strip() and "\x00" not in s),
)
def test_any_profile_survives_a_round_trip(
    session: Session, equipment: frozenset[Equipment], days: list[Weekday], name: str
) -> None:
    athlete = _athlete(
        name=name,
        equipment=equipment,
        availability=Availability(days=tuple(days), long_run_day=days[-1]),
    )
    stored = AthleteRepository(session).add(athlete)
    session.expire_all()
    assert AthleteRepository(session).get(stored.id or 0) == _athlete(
        id=stored.id,
        name=name,
        equipment=equipment,
        availability=Availability(days=tuple(days), long_run_day=days[-1]),
    )


def test_injuries_come_back_oldest_first_with_every_field(session: Session) -> None:
    athlete = AthleteRepository(session).add(_athlete())
    assert athlete.id is not None
    repository = InjuryRepository(session)
    late = repository.add(
        athlete.id,
        Injury(
            region=Region.IT_BAND,
            side=Side.RIGHT,
            onset=date(2025, 9, 1),
            severity=6,
            resolved=date(2025, 10, 2),
            days_off_running=21,
            notes="relapse",
        ),
    )
    early = repository.add(
        athlete.id, Injury(region=Region.GROIN, side=Side.LEFT, onset=date(2024, 2, 1), severity=3)
    )
    assert repository.list_for(athlete.id) == [early, late]
    assert late.athlete_id == athlete.id
    assert late.notes == "relapse" and late.days_off_running == 21


def test_races_are_listed_per_athlete_by_date(session: Session) -> None:
    athletes = AthleteRepository(session)
    mine = athletes.add(_athlete(name="Mine"))
    theirs = athletes.add(_athlete(name="Theirs"))
    assert mine.id is not None and theirs.id is not None
    races = RaceRepository(session)
    goal = races.add(
        mine.id, Race(name="Goal", date=date(2026, 10, 4), distance_m=42195.0, goal_s=11700)
    )
    pb = races.add(
        mine.id, Race(name="PB", date=date(2024, 10, 6), distance_m=42195.0, result_s=12246)
    )
    races.add(
        theirs.id, Race(name="Other", date=date(2025, 1, 1), distance_m=5000.0, result_s=1200)
    )
    assert races.list_for(mine.id) == [pb, goal]
    assert races.get(goal.id or 0) == goal
    assert races.get(999) is None


@pytest.mark.parametrize("distance_m", [5000.0, 21097.5, 42195.0, 1609.344])
def test_race_distances_keep_their_fractions(session: Session, distance_m: float) -> None:
    athlete = AthleteRepository(session).add(_athlete())
    race = RaceRepository(session).add(
        athlete.id or 0, Race(name="R", date=date(2025, 1, 1), distance_m=distance_m, result_s=900)
    )
    session.expire_all()
    assert RaceRepository(session).get(race.id or 0) == race
