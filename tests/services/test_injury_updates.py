from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.athletes import ValidationError
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.injuries import (
    add_injury,
    get_injury,
    injury_from_text,
    list_injuries,
    resolve_injury,
    update_injury,
)


def _athlete_id(session: Session, today: date, name: str = "A") -> int:
    athlete = create_athlete(session, athlete_from_text(name=name, sex="F", birth_year=1990), today)
    assert athlete.id is not None
    return athlete.id


def _injury_id(session: Session, athlete_id: int, today: date) -> int:
    injury = injury_from_text(
        region="hip", side="left", onset="2026-02-01", severity=5, notes="sharp on hills"
    )
    stored = add_injury(session, athlete_id, injury, today)
    assert stored.id is not None
    return stored.id


def test_update_changes_only_what_is_given(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    injury_id = _injury_id(session, athlete_id, today)
    updated = update_injury(session, athlete_id, injury_id, today, days_off_running=18)
    assert (updated.days_off_running, updated.severity, updated.notes) == (18, 5, "sharp on hills")
    updated = update_injury(session, athlete_id, injury_id, today, severity=3, notes=" better ")
    assert (updated.days_off_running, updated.severity, updated.notes) == (18, 3, "better")
    assert list_injuries(session, athlete_id) == [updated]


def test_resolve_sets_the_date_and_ends_the_injury(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    injury_id = _injury_id(session, athlete_id, today)
    resolved = resolve_injury(session, athlete_id, injury_id, date(2026, 3, 1), today,
                              days_off_running=21)  # fmt: skip
    assert resolved.resolved == date(2026, 3, 1) and resolved.days_off_running == 21
    assert not resolved.is_active(today)
    assert get_injury(session, athlete_id, injury_id) == resolved


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"resolved": date(2026, 1, 31)}, "resolved date is before the onset"),
        ({"resolved": date(2026, 3, 12)}, "resolved date 2026-03-12 is in the future"),
        ({"severity": 11}, "severity 11 must be 0 to 10"),
        ({"days_off_running": -2}, "cannot be negative"),
    ],
)
def test_impossible_changes_are_refused_and_nothing_changes(
    session: Session, today: date, change: dict[str, object], words: str
) -> None:
    athlete_id = _athlete_id(session, today)
    injury_id = _injury_id(session, athlete_id, today)
    before = get_injury(session, athlete_id, injury_id)
    with pytest.raises(ValidationError, match=words):
        if "resolved" in change:
            resolve_injury(session, athlete_id, injury_id, change["resolved"], today)  # type: ignore[arg-type]
        else:
            update_injury(session, athlete_id, injury_id, today, **change)  # type: ignore[arg-type]
    assert get_injury(session, athlete_id, injury_id) == before


def test_another_athletes_injury_cannot_be_changed(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    theirs = _injury_id(session, _athlete_id(session, today, "B"), today)
    with pytest.raises(NotFoundError, match=f"no injury with id {theirs} for this athlete"):
        update_injury(session, athlete_id, theirs, today, severity=1)
    with pytest.raises(NotFoundError, match="no injury with id 404"):
        resolve_injury(session, athlete_id, 404, today, today)
