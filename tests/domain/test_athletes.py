"""The plausibility rules of athletes, injuries and races: typing slips are refused with words
that name the field, before anything is stored."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from stridewell.domain.athletes import (
    MAX_NAME_CHARS,
    MAX_NOTES_CHARS,
    RACE_DISTANCES_M,
    WORLD_RECORDS_S,
    Athlete,
    Injury,
    Race,
    ValidationError,
    parse_duration_s,
    world_record_time_s,
)
from stridewell.domain.vocab import Region, Sex, Side

TODAY = date(2026, 3, 11)
ADA = Athlete(name="Ada", sex=Sex.F, birth_year=1988)
KNEE = Injury(Region.KNEE, Side.LEFT, onset=date(2026, 1, 1), severity=4)
AUTUMN = Race("Autumn Marathon", date(2026, 10, 4), RACE_DISTANCES_M["marathon"])


def refused(thing: Athlete | Injury | Race, field: str) -> str:
    with pytest.raises(ValidationError) as caught:
        thing.validate(TODAY)
    assert caught.value.field == field
    return str(caught.value)


def test_a_name_is_at_most_100_characters() -> None:
    replace(ADA, name="A" * MAX_NAME_CHARS).validate(TODAY)
    message = refused(replace(ADA, name="A" * 10_000), "name")
    assert message == "the name is 10,000 characters long; at most 100"
    replace(AUTUMN, name="R" * MAX_NAME_CHARS).validate(TODAY)
    assert "at most 100" in refused(replace(AUTUMN, name="R" * 101), "name")


def test_an_injury_before_1900_is_a_typing_slip() -> None:
    replace(KNEE, onset=date(1900, 1, 1)).validate(TODAY)
    message = refused(replace(KNEE, onset=date(1800, 1, 1)), "onset")
    assert message == "onset 1800-01-01 is before 1900"


def test_days_off_running_fit_between_the_onset_and_today() -> None:
    since_onset = (TODAY - KNEE.onset).days + 1  # 70: the onset day and today both count
    replace(KNEE, days_off_running=since_onset).validate(TODAY)
    message = refused(replace(KNEE, days_off_running=100_000), "days_off_running")
    assert message == (
        "days off running 100000 is more than the 70 days from the onset 2026-01-01 to today"
    )
    assert "more than the 70 days" in refused(
        replace(KNEE, days_off_running=10**30), "days_off_running"
    )
    assert "negative" in refused(replace(KNEE, days_off_running=-1), "days_off_running")


def test_notes_are_at_most_2000_characters() -> None:
    replace(KNEE, notes="n" * MAX_NOTES_CHARS).validate(TODAY)
    assert "at most 2,000" in refused(replace(KNEE, notes="n" * 2001), "notes")


def test_a_race_before_1900_is_a_typing_slip() -> None:
    message = refused(replace(AUTUMN, date=date(1899, 10, 4), result_s=12_000), "date")
    assert message == "date 1899-10-04 is before 1900"


@pytest.mark.parametrize("what", ["goal", "result"])
def test_a_marathon_faster_than_the_world_record_is_refused(what: str) -> None:
    past = replace(AUTUMN, date=date(2025, 10, 5))

    def timed(text: str) -> Race:
        seconds = parse_duration_s(text)
        return replace(past, goal_s=seconds) if what == "goal" else replace(past, result_s=seconds)

    timed("2:00:35").validate(TODAY)  # Kiptum, Chicago 2023
    message = refused(timed("0:01:00"), what)
    assert message == (
        f"the {what} time 0:01:00 for marathon is faster than world-record pace (at least 2:00:35)"
    )
    assert "world-record pace" in refused(timed("2:00:34"), what)


@pytest.mark.parametrize(("distance_m", "record_s"), WORLD_RECORDS_S)
def test_over_a_record_distance_the_floor_is_the_record(distance_m: float, record_s: float) -> None:
    assert world_record_time_s(distance_m) == pytest.approx(record_s)


def test_between_record_distances_the_floor_is_the_shorter_records_pace() -> None:
    # 30 km at the half-marathon record's pace (56:42): no 30 km was ever run faster.
    assert world_record_time_s(30_000) == pytest.approx(3402 / 21097.5 * 30_000)
    # Longer than a marathon: its record pace, which no ultra comes near.
    assert world_record_time_s(100_000) == pytest.approx(7235 / 42195 * 100_000)
    floors = [world_record_time_s(metres) / metres for metres, _ in WORLD_RECORDS_S]
    assert floors == sorted(floors), "record paces slow down as the distance grows"


def test_realistic_goals_and_results_pass() -> None:
    for label, text in (("5k", "0:19:45"), ("10k", "0:41:10"), ("half", "1:31:00")):
        race = Race(label, date(2025, 5, 1), RACE_DISTANCES_M[label])
        replace(race, result_s=parse_duration_s(text)).validate(TODAY)
    replace(AUTUMN, goal_s=parse_duration_s("3:20:00")).validate(TODAY)
