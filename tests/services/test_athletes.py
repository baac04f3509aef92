from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity
from stridewell.domain.athletes import ValidationError
from stridewell.domain.vocab import Equipment, Experience, Sex, Weekday
from stridewell.services.athletes import (
    athlete_from_text,
    athlete_to_dict,
    athlete_with_changes,
    create_athlete,
    get_athlete,
    list_athletes,
    resolve_athlete,
    update_athlete,
)
from stridewell.services.errors import AmbiguousAthleteError, NoAthleteError, NotFoundError
from stridewell.store.repositories import ActivityRepository
from stridewell.store.repositories.activities import StreamLoad


def test_typed_in_profile_becomes_an_athlete() -> None:
    athlete = athlete_from_text(
        name=" Ada ",
        sex="f",
        birth_year=1988,
        weekly_km=40,
        experience="Advanced",
        equipment="band,dumbbell",
        days="tue,thu,sat,sun",
        long_run_day="sat",
        timezone="Europe/Oslo",
    )
    assert athlete.name == "Ada"
    assert athlete.sex is Sex.F
    assert athlete.experience is Experience.ADVANCED
    assert athlete.equipment == {Equipment.BAND, Equipment.DUMBBELL}
    assert athlete.availability.days == (Weekday.TUE, Weekday.THU, Weekday.SAT, Weekday.SUN)
    assert athlete.availability.long_run_day is Weekday.SAT
    assert athlete.weekly_km == 40


def test_long_run_defaults_to_sunday_or_else_the_last_training_day() -> None:
    with_sunday = athlete_from_text(name="A", sex="F", birth_year=1990, days="sun,mon,wed")
    assert with_sunday.availability.long_run_day is Weekday.SUN
    without = athlete_from_text(name="A", sex="F", birth_year=1990, days="sat,mon,wed")
    assert without.availability.long_run_day is Weekday.SAT


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"equipment": "bodyweight,trampoline"}, "unknown equipment 'trampoline'"),
        ({"days": "mon,someday"}, "unknown day 'someday'"),
        ({"days": "mon,wed", "long_run_day": "sun"}, "long-run day sun is not one of"),
        ({"days": "mon,tue,wed,thu,fri,sat,sun"}, "at most 6 training days"),
        ({"sex": "Q"}, "unknown sex 'Q'"),
        ({"experience": "elite"}, "unknown experience 'elite'"),
        ({"timezone": "Nowhere/Town"}, "unknown time zone"),
    ],
)
def test_bad_profile_input_is_one_clear_line(changes: dict[str, str], words: str) -> None:
    values: dict[str, object] = {"name": "A", "sex": "F", "birth_year": 1990, **changes}
    with pytest.raises(ValidationError, match=words) as error:
        athlete_from_text(**values)  # type: ignore[arg-type]
    assert "\n" not in str(error.value)


def test_create_athlete_validates_against_today(session: Session, today: date) -> None:
    too_young = athlete_from_text(name="A", sex="F", birth_year=today.year - 5)
    with pytest.raises(ValidationError, match="birth year"):
        create_athlete(session, too_young, today)
    stored = create_athlete(session, athlete_from_text(name="A", sex="F", birth_year=1990), today)
    assert stored.id is not None
    assert get_athlete(session, stored.id) == stored
    assert list_athletes(session) == [stored]


def test_the_only_athlete_is_chosen_when_none_is_named(session: Session, today: date) -> None:
    with pytest.raises(NoAthleteError):
        resolve_athlete(session, None)
    first = create_athlete(session, athlete_from_text(name="A", sex="F", birth_year=1990), today)
    assert resolve_athlete(session, None) == first
    second = create_athlete(session, athlete_from_text(name="B", sex="M", birth_year=1985), today)
    with pytest.raises(AmbiguousAthleteError) as error:
        resolve_athlete(session, None)
    assert error.value.athlete_ids == [first.id, second.id]
    assert resolve_athlete(session, second.id) == second
    with pytest.raises(NotFoundError, match="no athlete with id 999"):
        resolve_athlete(session, 999)


def _stored_loads(session: Session, athlete_id: int) -> list[float | None]:
    return [a.load for a in ActivityRepository(session).list_for(athlete_id)]


def test_an_update_forgets_stream_loads_only_when_the_hr_profile_changes(
    session: Session, today: date
) -> None:
    """A new name keeps the loads measured from heart-rate streams; a new max HR, rest HR or
    sex makes them wrong, so they are cleared (and measured again when next needed) — for
    this athlete only."""
    athlete = create_athlete(
        session, athlete_from_text(name="A", sex="F", birth_year=1990, max_hr=190, rest_hr=50),
        today,
    )  # fmt: skip
    other = create_athlete(session, athlete_from_text(name="B", sex="M", birth_year=1985), today)
    assert athlete.id is not None and other.id is not None
    for owner, load in ((athlete.id, 42.0), (other.id, 7.0)):
        ActivityRepository(session).add(
            owner,
            Activity(source_kind="fit", sport="running",
                     start_utc=datetime(2026, 3, 2, 7, tzinfo=UTC), moving_s=1800.0),
            load=StreamLoad(load),
        )  # fmt: skip

    renamed = update_athlete(session, replace(athlete, name="Ada"), today)
    assert renamed.name == "Ada" and _stored_loads(session, athlete.id) == [42.0]
    for change in ({"max_hr": 185}, {"rest_hr": 48}, {"sex": Sex.X}):
        ActivityRepository(session).set_stream_loads(
            {a.id: StreamLoad(42.0) for a in ActivityRepository(session).list_for(athlete.id)}
        )
        update_athlete(session, replace(get_athlete(session, athlete.id), **change), today)
        assert _stored_loads(session, athlete.id) == [None], change
    assert _stored_loads(session, other.id) == [7.0]
    with pytest.raises(ValidationError, match="max HR"):
        update_athlete(session, replace(athlete, max_hr=300), today)


def test_athlete_json_lists_days_in_week_order() -> None:
    athlete = athlete_from_text(
        name="A", sex="X", birth_year=1990, days="sun,tue", equipment="step,band"
    )
    data = athlete_to_dict(athlete)
    assert data["days"] == ["tue", "sun"]
    assert data["equipment"] == ["band", "step"]
    assert data["sex"] == "X" and data["long_run_day"] == "sun"


def test_changes_apply_only_what_is_given_and_parse_like_a_new_athlete() -> None:

    ada = athlete_from_text(
        name="Ada", sex="F", birth_year=1988, max_hr=190, rest_hr=50, days="tue,thu,sat,sun"
    )
    changed = athlete_with_changes(ada, {"equipment": "band, Dumbbell", "max_hr": 185})
    assert changed.max_hr == 185 and changed.rest_hr == 50
    assert {item.value for item in changed.equipment} == {"band", "dumbbell"}
    assert changed.availability == ada.availability and changed.name == "Ada"
    # The long run stays on Sunday while Sunday is a training day, and moves when it is not.
    kept = athlete_with_changes(ada, {"days": ["mon", "wed", "sun"]})
    assert kept.availability.long_run_day.value == "sun"
    moved = athlete_with_changes(ada, {"days": "mon,wed,fri"})
    assert moved.availability.long_run_day.value == "fri"
    assert athlete_with_changes(ada, {"rest_hr": None}).rest_hr is None


def test_changes_that_break_a_rule_name_the_field() -> None:

    ada = athlete_from_text(name="Ada", sex="F", birth_year=1988)
    for changes, field in (
        ({"experience": "elite"}, "experience"),
        ({"weekly_km": None}, "weekly_km"),
        ({"id": 7}, "id"),
    ):
        with pytest.raises(ValidationError) as raised:
            athlete_with_changes(ada, changes)
        assert raised.value.field == field
