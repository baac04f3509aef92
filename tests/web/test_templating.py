"""How terms, dates and durations read on the pages."""

from __future__ import annotations

from datetime import date

import pytest

from stridewell.web.templating import (
    km_text,
    long_date,
    rest_text,
    sentence,
    short_day,
    term_label,
)


@pytest.mark.parametrize(
    ("term", "label"),
    [
        ("gluteus_medius", "Gluteus medius"),
        ("it_band", "IT band"),
        ("return_to_run", "Return to run"),
        ("single-leg-squat", "Single leg squat"),
        ("", ""),
    ],
)
def test_terms_read_as_words(term: str, label: str) -> None:
    assert term_label(term) == label


def test_dates_and_amounts() -> None:
    assert short_day(date(2026, 3, 17)) == "Tue 17 Mar"
    assert long_date(date(2026, 3, 1)) == "Sunday 1 March 2026"
    assert km_text(8.0) == "8 km" and km_text(8.5) == "8.5 km"
    assert rest_text(90) == "90 s" and rest_text(180) == "3 min"


def test_service_messages_read_as_sentences() -> None:
    assert sentence("birth year 2031 is not plausible") == "Birth year 2031 is not plausible."
    assert sentence("Nothing was saved.") == "Nothing was saved."
    assert sentence("") == ""
