from __future__ import annotations

from datetime import date

import pytest

from stridewell.domain.athletes import ValidationError
from stridewell.domain.vocab import Equipment, Region, Sex, Weekday
from stridewell.services import parsing


@pytest.mark.parametrize("text", ["it_band", "IT-band", " it band ", "It_Band"])
def test_region_spellings_people_type_are_understood(text: str) -> None:
    assert parsing.term(Region, text, "region") is Region.IT_BAND


def test_sex_is_read_in_either_case() -> None:
    assert parsing.term(Sex, "f", "sex") is Sex.F


def test_an_unknown_term_names_every_allowed_one() -> None:
    with pytest.raises(ValidationError) as error:
        parsing.term(Region, "elbow", "region")
    message = str(error.value)
    assert "elbow" in message and "it_band" in message and "\n" not in message
    assert error.value.field == "region"


def test_comma_lists_keep_their_order_and_skip_blanks() -> None:
    assert parsing.terms(Equipment, "band, dumbbell,,", "equipment") == (
        Equipment.BAND,
        Equipment.DUMBBELL,
    )
    assert parsing.weekdays(["Sunday", "tue"]) == (Weekday.SUN, Weekday.TUE)


def test_unknown_day_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="unknown day 'funday'"):
        parsing.weekdays("mon,funday")


def test_dates_must_be_iso() -> None:
    assert parsing.iso_date("2026-03-11") == date(2026, 3, 11)
    with pytest.raises(ValidationError, match="onset '11/03/2026' is not a date"):
        parsing.iso_date("11/03/2026", "onset")


def test_durations_name_the_field_in_errors() -> None:
    assert parsing.duration_s("3:24:06", "result") == 12246
    with pytest.raises(ValidationError, match="^goal: "):
        parsing.duration_s("3h24", "goal")


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("48:30", 2910), ("48.30", 2910), ("48 30", 2910), ("1.45.30", 6330), ("3:5:7", 11107)],
)
def test_a_phone_number_pad_can_type_a_time_with_dots(text: str, seconds: int) -> None:
    assert parsing.duration_s(text, "duration") == seconds


@pytest.mark.parametrize("text", ["45.5", "1.5.30", "48.", ".30", "1:2:3:4", "48,30"])
def test_a_time_with_dots_needs_two_digit_minutes_and_seconds(text: str) -> None:
    with pytest.raises(ValidationError, match="^duration: time .* is not H:MM:SS"):
        parsing.duration_s(text, "duration")


def test_time_zones_must_exist() -> None:
    assert parsing.timezone_name("Europe/Oslo") == "Europe/Oslo"
    with pytest.raises(ValidationError, match="unknown time zone"):
        parsing.timezone_name("Mars/Olympus")
