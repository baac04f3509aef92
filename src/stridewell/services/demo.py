"""The demo athlete: the runner design.md was written for, so a new user sees a real plan.

A club marathoner (PB 3:24:06) whose hips, groin, knee and IT band kept giving out: weak
glutes, weeks off, a rebuild in the gym, one relapse from doing too much. She has a full gym,
runs five days a week with the long run on Sunday, and aims at an autumn marathon. Her last
twelve weeks of training come with her (services/demo_history.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from stridewell.domain.athletes import Athlete, Availability, Injury, Race
from stridewell.domain.vocab import Equipment, Experience, Region, Sex, Side, Weekday
from stridewell.services.demo_history import add_demo_history
from stridewell.store.repositories import AthleteRepository, InjuryRepository, RaceRepository

DEMO_NAME = "Maren Holt"
DEMO_PB_S = 3 * 3600 + 24 * 60 + 6  # 3:24:06
DEMO_GOAL_S = 3 * 3600 + 17 * 60 + 30  # 3:17:30
MARATHON_M = 42195.0
# A goal race closer than this leaves too little time to build; aim at the following autumn.
MIN_WEEKS_TO_GOAL = 12


def first_sunday_of_october(year: int) -> date:
    first = date(year, 10, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7)


def demo_goal_race_date(today: date) -> date:
    """The next autumn marathon (first Sunday of October) at least 12 weeks after today."""
    this_year = first_sunday_of_october(today.year)
    if this_year - today >= timedelta(weeks=MIN_WEEKS_TO_GOAL):
        return this_year
    return first_sunday_of_october(today.year + 1)


def demo_athlete(today: date) -> Athlete:
    return Athlete(
        name=DEMO_NAME,
        sex=Sex.F,
        birth_year=today.year - 38,
        experience=Experience.INTERMEDIATE,
        equipment=frozenset(Equipment),
        availability=Availability(
            days=(Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.SAT, Weekday.SUN),
            long_run_day=Weekday.SUN,
        ),
        weekly_km=45.0,
        max_hr=186,
        rest_hr=48,
        timezone="Europe/London",
    )


def demo_injuries(today: date) -> list[Injury]:
    """Her history over the last two years, every episode resolved, oldest first."""

    def ago(days: int) -> date:
        return today - timedelta(days=days)

    return [
        Injury(
            region=Region.HIP,
            side=Side.RIGHT,
            onset=ago(700),
            resolved=ago(660),
            severity=5,
            days_off_running=21,
            notes="Lateral hip pain late in long runs; weak gluteus medius on testing.",
        ),
        Injury(
            region=Region.IT_BAND,
            side=Side.RIGHT,
            onset=ago(560),
            resolved=ago(515),
            severity=6,
            days_off_running=28,
            notes="Outside-knee pain from 8 km on; rebuilt with hip abductor work.",
        ),
        Injury(
            region=Region.GROIN,
            side=Side.LEFT,
            onset=ago(400),
            resolved=ago(372),
            severity=4,
            days_off_running=10,
            notes="Adductor strain after hill repeats.",
        ),
        Injury(
            region=Region.IT_BAND,
            side=Side.RIGHT,
            onset=ago(300),
            resolved=ago(265),
            severity=5,
            days_off_running=18,
            notes="Relapse after jumping from 40 to 60 km a week.",
        ),
        Injury(
            region=Region.KNEE,
            side=Side.LEFT,
            onset=ago(170),
            resolved=ago(130),
            severity=4,
            days_off_running=12,
            notes="Patellofemoral pain on descents; settled with hip and quad strengthening.",
        ),
    ]


def demo_pb_date(today: date) -> date:
    """Her PB: the most recent autumn marathon at least four weeks before today."""
    this_year = first_sunday_of_october(today.year)
    return (
        this_year
        if today - this_year >= timedelta(weeks=4)
        else first_sunday_of_october(today.year - 1)
    )


def demo_races(today: date) -> list[Race]:
    return [
        Race(
            name="City Marathon",
            date=demo_pb_date(today),
            distance_m=MARATHON_M,
            result_s=DEMO_PB_S,
        ),
        Race(
            name="Autumn Marathon",
            date=demo_goal_race_date(today),
            distance_m=MARATHON_M,
            goal_s=DEMO_GOAL_S,
        ),
    ]


def create_demo_athlete(session: Session, today: date, *, history: bool = True) -> Athlete | None:
    """Add the demo athlete with her injuries, races and (unless `history` is False) her last
    twelve weeks of training — only into a database with no athlete.

    Returns the new athlete, or None when the database already had one.
    """
    athletes = AthleteRepository(session)
    if athletes.count() > 0:
        return None
    athlete = demo_athlete(today)
    athlete.validate(today)
    stored = athletes.add(athlete)
    assert stored.id is not None
    injuries = InjuryRepository(session)
    for injury in demo_injuries(today):
        injury.validate(today)
        injuries.add(stored.id, injury)
    races = RaceRepository(session)
    for race in demo_races(today):
        race.validate(today)
        races.add(stored.id, race)
    if history:
        add_demo_history(session, stored.id, today)
    return stored
