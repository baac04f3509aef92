from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity
from stridewell.domain.athletes import ValidationError
from stridewell.domain.load import local_date
from stridewell.services.athletes import athlete_from_text, create_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.runs import log_manual_run, set_activity_rpe
from stridewell.store.repositories.activities import ActivityRepository


def _athlete_id(session: Session, today: date, timezone: str = "Europe/London") -> int:
    athlete = create_athlete(
        session,
        athlete_from_text(name="A", sex="F", birth_year=1990, timezone=timezone),
        today,
    )
    assert athlete.id is not None
    return athlete.id


@pytest.mark.parametrize("timezone", ["Europe/London", "Pacific/Auckland", "America/Los_Angeles"])
def test_a_manual_run_is_an_activity_on_the_athletes_local_day(
    session: Session, today: date, timezone: str
) -> None:
    athlete_id = _athlete_id(session, today, timezone)
    activity_id = log_manual_run(
        session,
        athlete_id,
        today,
        day=date(2026, 3, 10),
        distance_km=8.5,
        duration_s=48 * 60 + 30,
        rpe=4,
        name=" Canal loop ",
    )
    stored = ActivityRepository(session).get(activity_id)
    assert stored is not None and stored.athlete_id == athlete_id
    run = stored.activity
    assert (run.source_kind, run.sport, run.is_run) == ("manual", "running", True)
    assert run.distance_m == 8500 and run.elapsed_s == run.moving_s == 2910
    assert run.rpe == 4 and run.name == "Canal loop" and run.samples == 0
    assert run.tz_offset_s is not None
    assert local_date(run.start_utc, timezone) == date(2026, 3, 10)
    assert local_date(run.start_utc, run.tz_offset_s) == date(2026, 3, 10)


@pytest.mark.parametrize(
    ("values", "words"),
    [
        ({"day": date(2026, 3, 12)}, "is in the future"),
        ({"day": date(1900, 1, 1)}, "date 1900-01-01 is before 1970"),
        ({"name": "x" * 101}, "the name is 101 characters long; at most 100"),
        ({"distance_km": 0.0}, "distance 0 km must be above 0"),
        ({"distance_km": 401.0}, "at most 400 km"),
        ({"duration_s": 0}, "duration 0:00:00 must be above 0"),
        ({"distance_km": 85.0}, "0:34/km, faster than any world record"),
        ({"rpe": 11.0}, "RPE 11 must be 0 to 10"),
    ],
)
def test_impossible_manual_runs_are_refused(
    session: Session, today: date, values: dict[str, object], words: str
) -> None:
    athlete_id = _athlete_id(session, today)
    arguments: dict[str, object] = {
        "day": date(2026, 3, 10),
        "distance_km": 8.5,
        "duration_s": 2910,
        **values,
    }
    with pytest.raises(ValidationError, match=words):
        log_manual_run(session, athlete_id, today, **arguments)  # type: ignore[arg-type]
    assert ActivityRepository(session).list_for(athlete_id) == []


def test_rpe_can_be_added_to_an_imported_activity_of_the_athlete_only(
    session: Session, today: date
) -> None:
    athlete_id = _athlete_id(session, today)
    other_id = _athlete_id(session, today)
    imported = Activity(
        source_kind="fit",
        sport="running",
        start_utc=datetime(2026, 3, 9, 7, 0, tzinfo=UTC),
        elapsed_s=3600.0,
        distance_m=10_000.0,
    )
    repository = ActivityRepository(session)
    activity_id = repository.add(athlete_id, imported, source_sha256="a" * 64)
    set_activity_rpe(session, athlete_id, activity_id, 6.5)
    stored = repository.get(activity_id)
    assert stored is not None and stored.activity.rpe == 6.5
    with pytest.raises(NotFoundError, match=f"no activity with id {activity_id} for this"):
        set_activity_rpe(session, other_id, activity_id, 3)
    with pytest.raises(NotFoundError, match="no activity with id 999"):
        set_activity_rpe(session, athlete_id, 999, 3)
    with pytest.raises(ValidationError, match="RPE -1 must be 0 to 10"):
        set_activity_rpe(session, athlete_id, activity_id, -1)
    stored = repository.get(activity_id)
    assert stored is not None and stored.activity.rpe == 6.5
