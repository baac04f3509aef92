from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.athletes import ValidationError
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.races import (
    add_race,
    get_race,
    list_races,
    next_goal_race,
    race_from_text,
    race_to_dict,
)


def _athlete_id(session: Session, today: date, name: str = "A") -> int:
    athlete = create_athlete(session, athlete_from_text(name=name, sex="F", birth_year=1990), today)
    assert athlete.id is not None
    return athlete.id


def _race(**changes: str) -> dict[str, str]:
    return {"name": "R", "race_date": "2026-10-04", "distance": "marathon", **changes}


def test_a_past_result_and_a_goal_race_are_stored(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    pb = add_race(
        session,
        athlete_id,
        race_from_text(**_race(race_date="2024-10-06", result="3:24:06")),
        today,
    )
    goal = add_race(session, athlete_id, race_from_text(**_race(goal="3:15:00")), today)
    assert list_races(session, athlete_id) == [pb, goal]
    assert race_to_dict(pb)["result"] == "3:24:06" and race_to_dict(pb)["result_s"] == 12246
    assert race_to_dict(goal)["distance"] == "marathon"
    assert race_to_dict(goal)["distance_m"] == 42195.0


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"race_date": "2025-05-01"}, "is in the past: give its result"),
        ({"race_date": "2025-05-01", "goal": "3:40:00"}, "is in the past: give its result"),
        ({"goal": "0:01:00"}, r"goal time 0:01:00 for marathon is faster than world-record pace"),
        ({"race_date": "1800-10-04", "result": "3:30:00"}, "date 1800-10-04 is before 1900"),
        ({"name": "R" * 101}, "the race name is 101 characters long; at most 100"),
        ({"race_date": "2025-05-01", "result": "24:00:01"}, "under 24 hours"),
        ({"result": "3:30:00"}, "result was given for a race in the future"),
        ({"distance": "ultra"}, "unknown distance 'ultra'"),
        ({"goal": "3h15"}, "goal: time '3h15' is not H:MM:SS"),
        ({"race_date": "next sunday"}, "date 'next sunday' is not a date"),
    ],
)
def test_impossible_races_are_refused(
    session: Session, today: date, changes: dict[str, str], words: str
) -> None:
    athlete_id = _athlete_id(session, today)
    with pytest.raises(ValidationError, match=words):
        add_race(session, athlete_id, race_from_text(**_race(**changes)), today)
    assert list_races(session, athlete_id) == []


def test_a_race_today_without_a_result_is_a_goal(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    race = add_race(
        session, athlete_id, race_from_text(**_race(race_date=today.isoformat())), today
    )
    assert next_goal_race(session, athlete_id, today) == race


def test_next_goal_race_is_the_nearest_future_race_without_result(
    session: Session, today: date
) -> None:
    athlete_id = _athlete_id(session, today)
    assert next_goal_race(session, athlete_id, today) is None
    add_race(
        session,
        athlete_id,
        race_from_text(**_race(race_date="2025-10-05", result="3:30:00")),
        today,
    )
    later = add_race(session, athlete_id, race_from_text(**_race(race_date="2026-10-04")), today)
    sooner = add_race(
        session, athlete_id, race_from_text(**_race(race_date="2026-05-10", distance="half")), today
    )
    assert next_goal_race(session, athlete_id, today) == sooner
    assert next_goal_race(session, athlete_id, date(2026, 6, 1)) == later


def test_a_race_of_another_athlete_is_not_found(session: Session, today: date) -> None:
    mine = _athlete_id(session, today, "Mine")
    theirs = _athlete_id(session, today, "Theirs")
    race = add_race(session, theirs, race_from_text(**_race()), today)
    with pytest.raises(NotFoundError):
        get_race(session, mine, race.id or 0)
    assert get_race(session, theirs, race.id or 0) == race
