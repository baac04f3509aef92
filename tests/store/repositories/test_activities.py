from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from stridewell.domain.activities import Activity, BestEffort, Lap, Streams
from stridewell.domain.athletes import Athlete
from stridewell.domain.vocab import Sex
from stridewell.store.models import ActivityStreamRow, BestEffortRow, LapRow
from stridewell.store.repositories import ActivityRepository, AthleteRepository
from stridewell.store.repositories.activities import StreamLoad, stored_columns

START = datetime(2026, 3, 8, 7, 30, tzinfo=UTC)


def _athlete(session: Session, name: str = "A") -> int:
    athlete = AthleteRepository(session).add(Athlete(name=name, sex=Sex.F, birth_year=1990))
    assert athlete.id is not None
    return athlete.id


def _activity(start: datetime = START, seconds: int = 600) -> Activity:
    t = np.arange(seconds, dtype=np.float64)
    streams = Streams(
        {
            "t": t,
            "distance": t * 3.1,
            "hr": np.where(t < 10, np.nan, 150.0),
            "lat": 59.9 + t * 1e-5,
            "lon": 10.7 + t * 1e-5,
        }
    )
    return Activity(
        source_kind="fit",
        sport="running",
        sub_sport="generic",
        start_utc=start,
        tz_offset_s=3600,
        elapsed_s=float(seconds),
        moving_s=float(seconds) - 5,
        distance_m=seconds * 3.1,
        ascent_m=12.4,
        avg_hr=150.0,
        max_hr=171.0,
        avg_cadence=172.0,
        name="Morning run",
        description="Easy",
        rpe=4.0,
        gear="Shoe A",
        device="Forerunner 255",
        streams=streams,
        laps=(
            Lap(start_utc=start, elapsed_s=300.0, distance_m=930.0, avg_hr=148.0),
            Lap(start_utc=start + timedelta(seconds=300), elapsed_s=300.0, distance_m=930.0),
        ),
        best_efforts=(
            BestEffort(distance_m=400.0, label="400m", time_s=129.0, start_offset_s=4.0),
            BestEffort(distance_m=1000.0, label="1k", time_s=322.6, start_offset_s=0.0),
        ),
        hr_zone_s=(10.0, 200.0, 390.0, 0.0, 0.0),
        notes=("salvaged: file truncated at byte 768",),
    )


def test_an_activity_with_streams_laps_and_efforts_comes_back_whole(session: Session) -> None:
    athlete_id = _athlete(session)
    activity = _activity()
    repository = ActivityRepository(session)
    activity_id = repository.add(
        athlete_id, activity, source_sha256="ab" * 32, source_path="/runs/a.fit", load=42.0
    )
    session.expire_all()
    stored = repository.get(activity_id)
    assert stored is not None
    loaded = stored.activity
    assert loaded.start_utc == START and loaded.start_utc.tzinfo is not None
    assert loaded.laps == activity.laps
    assert loaded.best_efforts == activity.best_efforts
    assert (loaded.name, loaded.gear, loaded.device, loaded.notes) == (
        activity.name,
        activity.gear,
        activity.device,
        activity.notes,
    )
    assert loaded.hr_zone_s == activity.hr_zone_s
    assert list(loaded.streams.columns) == list(activity.streams.columns)
    for name, column in activity.streams.columns.items():
        np.testing.assert_array_equal(loaded.streams.columns[name], column)
    assert (stored.source_path, stored.load, stored.samples) == ("/runs/a.fit", 42.0, 600)


def test_listing_skips_streams_but_keeps_the_sample_count(session: Session) -> None:
    athlete_id = _athlete(session)
    repository = ActivityRepository(session)
    later = repository.add(athlete_id, _activity(START + timedelta(days=1)))
    earlier = repository.add(athlete_id, _activity(START))
    listed = repository.list_for(athlete_id)
    assert [a.id for a in listed] == [earlier, later]
    assert all(len(a.activity.streams) == 0 and a.samples == 600 for a in listed)
    assert len(repository.streams(earlier)) == 600
    window = repository.list_for(athlete_id, START + timedelta(hours=1), START + timedelta(days=2))
    assert [a.id for a in window] == [later]


def test_the_same_file_twice_for_one_athlete_is_refused(session: Session) -> None:
    athlete_id = _athlete(session)
    repository = ActivityRepository(session)
    first = repository.add(athlete_id, _activity(), source_sha256="cd" * 32)
    assert repository.find_by_source(athlete_id, "cd" * 32) == first
    with pytest.raises(IntegrityError):
        repository.add(athlete_id, _activity(), source_sha256="cd" * 32)


def test_two_athletes_may_import_the_same_file(session: Session) -> None:
    repository = ActivityRepository(session)
    one, two = _athlete(session, "One"), _athlete(session, "Two")
    repository.add(one, _activity(), source_sha256="ef" * 32)
    repository.add(two, _activity(), source_sha256="ef" * 32)
    assert repository.find_by_source(two, "ef" * 32) is not None
    # Manual entries have no file and no hash; any number of them is fine.
    repository.add(one, _activity())
    repository.add(one, _activity())


def test_deleting_an_activity_deletes_its_stream_laps_and_efforts(session: Session) -> None:
    athlete_id = _athlete(session)
    repository = ActivityRepository(session)
    activity_id = repository.add(athlete_id, _activity())
    session.execute(text("DELETE FROM activity"))
    for table in (ActivityStreamRow, LapRow, BestEffortRow):
        assert session.scalar(select(func.count()).select_from(table)) == 0
    assert repository.get(activity_id) is None


def test_naive_times_are_refused(session: Session) -> None:
    athlete_id = _athlete(session)
    with pytest.raises(StatementError, match="naive datetime"):
        ActivityRepository(session).add(athlete_id, _activity(START.replace(tzinfo=None)))


def test_a_stream_load_is_kept_forgotten_and_told_apart_from_none(session: Session) -> None:
    """activity.load: not measured (NULL), measured with no load from the stream, or the
    load; forgetting clears one athlete's only."""
    mine, other = _athlete(session), _athlete(session, "B")
    repository = ActivityRepository(session)
    measured = repository.add(mine, _activity(), load=StreamLoad(12.5))
    nothing = repository.add(mine, _activity(START + timedelta(days=1)), load=StreamLoad(None))
    unmeasured = repository.add(mine, _activity(START + timedelta(days=2)))
    theirs = repository.add(other, _activity(), load=StreamLoad(3.0))

    def loads() -> list[StreamLoad | None]:
        return [
            stored.stream_load
            for stored in (repository.get(i, with_streams=False)
                           for i in (measured, nothing, unmeasured, theirs))
            if stored is not None
        ]  # fmt: skip

    assert loads() == [StreamLoad(12.5), StreamLoad(None), None, StreamLoad(3.0)]
    repository.set_stream_loads({unmeasured: StreamLoad(0.0), nothing: StreamLoad(7.25)})
    assert loads() == [StreamLoad(12.5), StreamLoad(7.25), StreamLoad(0.0), StreamLoad(3.0)]
    assert repository.forget_stream_loads(mine) == 3
    assert loads() == [None, None, None, StreamLoad(3.0)]
    with pytest.raises(ValueError, match="≥ 0"):
        StreamLoad(-2.0).stored()


def test_stored_columns_are_the_samples_as_the_database_gives_them_back(
    session: Session,
) -> None:
    """Heart rate is kept as float32 when that moves no sample by more than 0.005 bpm: a
    load measured at import sees those values, not the file's."""
    t = np.arange(100, dtype=np.float64)
    hr = 140.0 + t * 1e-4  # narrowed to float32 in the blob
    activity = replace(_activity(), streams=Streams({"t": t, "hr": hr, "cadence": t}))
    kept = stored_columns(activity.streams, ("t", "hr", "power"))
    assert sorted(kept.columns) == ["hr", "t"]
    activity_id = ActivityRepository(session).add(_athlete(session), activity)
    stored = ActivityRepository(session).streams(activity_id)
    np.testing.assert_array_equal(kept.columns["hr"], stored.columns["hr"])
    np.testing.assert_array_equal(kept.columns["t"], stored.columns["t"])
    assert not np.array_equal(kept.columns["hr"], hr)
