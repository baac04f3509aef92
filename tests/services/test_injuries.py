from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.athletes import ValidationError
from stridewell.domain.vocab import Region, Side
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.injuries import (
    add_injury,
    injury_from_text,
    injury_to_dict,
    list_injuries,
)


def _athlete_id(session: Session, today: date) -> int:
    athlete = create_athlete(session, athlete_from_text(name="A", sex="F", birth_year=1990), today)
    assert athlete.id is not None
    return athlete.id


def test_an_injury_is_stored_and_listed(session: Session, today: date) -> None:
    athlete_id = _athlete_id(session, today)
    injury = injury_from_text(
        region="IT-band",
        side="right",
        onset="2025-04-02",
        resolved="2025-05-10",
        severity=6,
        days_off_running=21,
        notes=" after a hilly half ",
    )
    stored = add_injury(session, athlete_id, injury, today)
    assert stored.region is Region.IT_BAND and stored.side is Side.RIGHT
    assert stored.notes == "after a hilly half"
    assert list_injuries(session, athlete_id) == [stored]
    data = injury_to_dict(stored, today)
    assert data["region"] == "it_band" and data["resolved"] == "2025-05-10"
    assert data["active"] is False


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"onset": "2026-03-12"}, "onset 2026-03-12 is in the future"),
        ({"resolved": "2027-01-01"}, "resolved date 2027-01-01 is in the future"),
        ({"resolved": "2024-01-01"}, "resolved date is before the onset"),
        ({"severity": 11}, "severity 11 must be 0 to 10"),
        ({"days_off_running": -1}, "cannot be negative"),
    ],
)
def test_impossible_injuries_are_refused(
    session: Session, today: date, changes: dict[str, object], words: str
) -> None:
    athlete_id = _athlete_id(session, today)
    values: dict[str, object] = {"region": "knee", "side": "left", "onset": "2025-02-01"}
    values["severity"] = 4
    values.update(changes)
    with pytest.raises(ValidationError, match=words):
        add_injury(session, athlete_id, injury_from_text(**values), today)  # type: ignore[arg-type]
    assert list_injuries(session, athlete_id) == []


def test_unknown_region_or_side_is_refused_before_anything_is_stored() -> None:
    with pytest.raises(ValidationError, match="unknown region 'elbow'"):
        injury_from_text(region="elbow", side="left", onset="2025-01-01", severity=2)
    with pytest.raises(ValidationError, match="unknown side 'middle'"):
        injury_from_text(region="knee", side="middle", onset="2025-01-01", severity=2)


def test_an_injury_for_a_missing_athlete_is_not_found(session: Session, today: date) -> None:
    injury = injury_from_text(region="knee", side="left", onset="2025-01-01", severity=2)
    with pytest.raises(NotFoundError):
        add_injury(session, 404, injury, today)


def test_an_unresolved_injury_is_active(today: date) -> None:
    injury = injury_from_text(region="calf", side="both", onset="2026-03-01", severity=3)
    assert injury_to_dict(injury, today)["active"] is True
