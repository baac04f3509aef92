from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.athletes import ValidationError
from stridewell.domain.strength_log import SorenessContext
from stridewell.domain.vocab import Region, Side
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.soreness import (
    list_soreness,
    log_soreness,
    soreness_from_text,
    soreness_to_dict,
)


def _athlete_id(session: Session, today: date) -> int:
    athlete = create_athlete(session, athlete_from_text(name="A", sex="F", birth_year=1990), today)
    assert athlete.id is not None
    return athlete.id


def test_repeated_regions_and_a_compact_list_are_logged_together(
    session: Session, today: date
) -> None:
    athlete_id = _athlete_id(session, today)
    entries = soreness_from_text(
        day="2026-03-10",
        context="post-race",
        regions=["quads", "calf"],
        sides=["left", "right"],
        scores=[6, 2],
        scores_text="glutes:2, IT band/right:3,lower back:1",
    )
    stored = log_soreness(session, athlete_id, entries, today)
    assert all(entry.id is not None for entry in stored)
    rows = [soreness_to_dict(entry) for entry in list_soreness(session, athlete_id)]
    assert [(r["region"], r["side"], r["score"]) for r in rows] == [
        ("quad", "left", 6),
        ("calf", "right", 2),
        ("glute", "both", 2),
        ("it_band", "right", 3),
        ("lower_back", "both", 1),
    ]
    assert {r["context"] for r in rows} == {"post_race"}
    assert {r["date"] for r in rows} == {"2026-03-10"}


def test_without_sides_every_region_is_scored_for_both_sides() -> None:
    (entry,) = soreness_from_text(day="2026-03-10", context="morning", regions=["hamstrings"],
                                  scores=[4])  # fmt: skip
    assert (entry.region, entry.side, entry.context) == (
        Region.HAMSTRING,
        Side.BOTH,
        SorenessContext.MORNING,
    )


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"regions": ["quad", "glute"], "scores": [3]}, "one --score per --region"),
        ({"regions": ["quad", "glute"], "sides": ["left"], "scores": [3, 2]},
         "one --side per --region"),
        ({"scores_text": "quad=6"}, "soreness 'quad=6': expected region"),
        ({"scores_text": "quad:six"}, "score 'six' is not a whole number"),
        ({"scores_text": "elbow:2"}, "unknown region 'elbow'"),
        ({"scores_text": "quad/up:2"}, "unknown side 'up'"),
        ({"scores_text": "quads:2,quad:3"}, r"quad \(both\) is scored twice"),
        ({}, "at least one region"),
        ({"context": "lunchtime", "scores_text": "quad:2"}, "unknown context 'lunchtime'"),
    ],
)  # fmt: skip
def test_bad_soreness_input_is_refused(values: dict[str, object], words: str) -> None:
    arguments: dict[str, object] = {"day": "2026-03-10", "context": "morning", **values}
    with pytest.raises(ValidationError, match=words):
        soreness_from_text(**arguments)  # type: ignore[arg-type]


def test_a_score_above_10_or_a_future_day_stores_nothing(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    entries = soreness_from_text(day="2026-03-10", context="morning", scores_text="quad:3,glute:11")
    with pytest.raises(ValidationError, match="glute score 11 must be 0 to 10"):
        log_soreness(session, athlete_id, entries, today)
    future = soreness_from_text(day="2026-03-12", context="morning", scores_text="quad:3")
    with pytest.raises(ValidationError, match="is in the future"):
        log_soreness(session, athlete_id, future, today)
    assert list_soreness(session, athlete_id) == []


def test_listing_by_date_range_and_for_a_missing_athlete(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    for day in ("2026-03-01", "2026-03-08"):
        log_soreness(
            session,
            athlete_id,
            soreness_from_text(day=day, context="morning", scores_text="quad:3"),
            today,
        )
    assert [e.date for e in list_soreness(session, athlete_id, start=date(2026, 3, 2))] == [
        date(2026, 3, 8)
    ]
    assert [e.date for e in list_soreness(session, athlete_id, end=date(2026, 3, 2))] == [
        date(2026, 3, 1)
    ]
    with pytest.raises(NotFoundError):
        list_soreness(session, 404)
