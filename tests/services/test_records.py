"""Records through the store, on both databases: PBs from races and best efforts, predictions
from the best recent reference (Riegel 1981, Daniels & Gilbert VDOT) and training paces."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.activities import BestEffort
from stridewell.domain.athletes import Race
from stridewell.domain.load import local_date
from stridewell.domain.performance import (
    Effort,
    EffortSource,
    PersonalBest,
    personal_bests,
    predict_time_s,
    reference_best,
    training_paces,
    vdot,
)
from stridewell.services.athletes import get_athlete
from stridewell.services.records import athlete_efforts, records, records_to_dict
from stridewell.store.repositories import RaceRepository
from stridewell.store.repositories.analytics import AnalyticsRepository
from tests.services.training_rows import add_activity, add_athlete, at


def _race(session: Session, athlete_id: int, day: date, distance_m: float, result_s: int,
          activity_id: int | None = None) -> None:  # fmt: skip
    RaceRepository(session).add(
        athlete_id,
        Race(name="R", date=day, distance_m=distance_m, result_s=result_s,
             activity_id=activity_id),
    )  # fmt: skip


def _history(session: Session) -> tuple[int, int]:
    """An old 5 km race in 20:00 (2024-01-07, over two years before today), a 10 km race in
    45:00 (2025-09-14), and a run on 2026-02-01 — started 23:30 UTC, 00:30 local by its file
    (UTC+1), so on 2026-02-02 — with best efforts 1 km 4:00, 5 km 22:00 and 10 km 45:30."""
    athlete_id = add_athlete(session, timezone="Europe/Oslo")
    run_id = add_activity(
        session,
        athlete_id,
        at(date(2026, 2, 1), 23, 30),
        distance_m=10_500,
        moving_s=2900,
        tz_offset_s=3600,
        best_efforts=[
            BestEffort(1000.0, "1k", 240.0, 100.0),
            BestEffort(5000.0, "5k", 1320.0, 300.0),
            BestEffort(10_000.0, "10k", 2730.0, 0.0),
        ],
    )
    _race(session, athlete_id, date(2024, 1, 7), 5000.0, 1200)
    _race(session, athlete_id, date(2025, 9, 14), 10_000.0, 2700)
    return athlete_id, run_id


def test_personal_bests_come_from_races_and_best_efforts(session: Session, today: date) -> None:
    athlete_id, run_id = _history(session)
    pbs = records_to_dict(records(session, athlete_id, today))["pbs"]
    assert pbs == [
        {"distance": "1k", "distance_m": 1000.0, "time_s": 240.0, "date": "2026-02-02",
         "source": "best_effort", "activity_id": run_id},
        {"distance": "5k", "distance_m": 5000.0, "time_s": 1200.0, "date": "2024-01-07",
         "source": "race", "activity_id": None},
        {"distance": "10k", "distance_m": 10000.0, "time_s": 2700.0, "date": "2025-09-14",
         "source": "race", "activity_id": None},
    ]  # fmt: skip


def test_predictions_come_from_the_best_recent_performance(
    session: Session, today: date
) -> None:
    """The old 5 km (VDOT 49.8) is the fastest on record but more than two years old. Of the
    recent ones — 10 km in 45:00 and a 5 km best effort of 22:00 — the 10 km has the higher
    VDOT, so it is the reference. Riegel: 2,700 · (D / 10,000)^1.06."""
    athlete_id, _ = _history(session)
    result = records(session, athlete_id, today)
    data = records_to_dict(result)
    assert vdot(5000, 1320) < vdot(10_000, 2700) < vdot(5000, 1200)
    assert data["reference"]["date"] == "2025-09-14" and data["reference"]["recent"] is True
    assert data["vdot"] == pytest.approx(vdot(10_000, 2700))
    predictions = {p["distance"]: p for p in data["predictions"]}
    assert list(predictions) == ["5k", "10k", "half", "marathon"]
    assert all(set(p) == {"distance", "distance_m", "riegel_s", "vdot_s"}
               for p in data["predictions"])  # fmt: skip
    assert predictions["5k"]["riegel_s"] == pytest.approx(2700 * 0.5**1.06)
    assert predictions["marathon"]["riegel_s"] == pytest.approx(2700 * 4.2195**1.06)
    assert predictions["half"]["vdot_s"] == pytest.approx(predict_time_s(data["vdot"], 21097.5))
    assert predictions["10k"]["vdot_s"] == pytest.approx(2700, abs=0.01)
    assert list(data["riegel_caveats"]) == ["marathon"]
    assert "too optimistic beyond the half marathon" in data["riegel_caveats"]["marathon"]
    assert data["notes"] == []


def test_training_paces_follow_the_reference_vdot(session: Session, today: date) -> None:
    athlete_id, _ = _history(session)
    data = records_to_dict(records(session, athlete_id, today))
    expected = training_paces(vdot(10_000, 2700))
    assert [p["zone"] for p in data["paces"]] == ["E", "M", "T", "I", "R"]
    for pace, want in zip(data["paces"], expected, strict=True):
        assert pace["fast_s_per_km"] == pytest.approx(want.fast_s_per_km)
        assert pace["slow_s_per_km"] == pytest.approx(want.slow_s_per_km)
    # Threshold pace lies between the 10 km race pace (270 s/km) and easy running.
    threshold = data["paces"][2]
    assert 270 < threshold["fast_s_per_km"] < threshold["slow_s_per_km"]
    assert threshold["slow_s_per_km"] < data["paces"][0]["fast_s_per_km"]


def test_an_old_best_still_predicts_but_says_so(session: Session, today: date) -> None:
    athlete_id = add_athlete(session)
    _race(session, athlete_id, date(2022, 10, 2), 42195.0, 12246)  # 3:24:06
    data = records_to_dict(records(session, athlete_id, today))
    assert data["reference"]["recent"] is False
    assert "more than 2 years ago" in data["notes"][0]
    assert data["vdot"] == pytest.approx(vdot(42195, 12246))
    assert math.isclose(data["predictions"][3]["riegel_s"], 12246)


def test_no_results_no_records(session: Session, today: date) -> None:
    athlete_id = add_athlete(session)
    _race(session, athlete_id, date(2026, 10, 4), 42195.0, 0)  # a goal race: no result yet
    data = records_to_dict(records(session, athlete_id, today))
    assert data["pbs"] == [] and data["predictions"] == [] and data["paces"] == []
    assert data["vdot"] is None and data["reference"] is None


def test_short_efforts_do_not_set_the_reference(session: Session, today: date) -> None:
    """A 1 km best effort of 3:00 (VDOT far above the 10 km's) leans on anaerobic capacity:
    references are 3 km or longer."""
    athlete_id = add_athlete(session)
    add_activity(session, athlete_id, at(date(2026, 3, 1)), distance_m=3000, moving_s=700,
                 best_efforts=[BestEffort(1000.0, "1k", 180.0, 0.0)])  # fmt: skip
    _race(session, athlete_id, date(2026, 2, 1), 10_000.0, 2700)
    data = records_to_dict(records(session, athlete_id, today))
    assert vdot(1000, 180) > vdot(10_000, 2700)
    assert data["reference"]["distance"] == "10k"


def test_other_athletes_records_stay_theirs(session: Session, today: date) -> None:
    athlete_id, _ = _history(session)
    other = add_athlete(session)
    assert records_to_dict(records(session, other, today))["pbs"] == []
    assert len(records_to_dict(records(session, athlete_id, today))["pbs"]) == 3


def _scan_every_effort(
    session: Session, athlete_id: int, timezone: str, today: date, since: date
) -> tuple[tuple[PersonalBest, ...], tuple[PersonalBest, ...]]:
    """PBs ever and since `since` the plain way: every race and every best effort on file,
    dated on its local day, then `personal_bests` over them (what records did before the
    database found the fastest)."""
    efforts = [
        Effort(race.distance_m, float(race.result_s), race.date, EffortSource.RACE,
               race.activity_id)
        for race in RaceRepository(session).list_for(athlete_id)
        if race.result_s and race.date <= today
    ]  # fmt: skip
    for record in AnalyticsRepository(session).best_efforts(athlete_id):
        day = local_date(record.start_utc, record.tz_offset_s if record.tz_offset_s is not None
                         else timezone)  # fmt: skip
        if record.time_s > 0 and record.distance_m > 0 and day <= today:
            efforts.append(Effort(record.distance_m, record.time_s, day,
                                  EffortSource.BEST_EFFORT, record.activity_id))  # fmt: skip
    return personal_bests(efforts), personal_bests(e for e in efforts if e.date >= since)


DISTANCES = [(1000.0, "1k"), (5000.0, "5k"), (10_000.0, "10k"), (21_097.5, "half")]


def test_the_fastest_found_by_the_database_are_the_pbs_of_every_effort(
    session: Session,
) -> None:
    """The database keeps the fastest effort at each distance; runs near the ends of the
    ranges (today, and the start of the recent years) are checked on their local day. At each
    end the fastest effort of one distance sits just outside the range by its file's offset
    (UTC+14 or UTC−12), and of another just inside; around them, 200 runs at random times
    near midnight in other zones or the athlete's own, some tied. The PBs ever and since the
    start are those of a scan of every effort, for several days."""
    rng = random.Random(5)
    zone = "Pacific/Auckland"
    athlete_id = add_athlete(session, timezone=zone)
    _race(session, athlete_id, date(2024, 3, 9), 5000.0, 1230)
    today, since = date(2026, 3, 11), date(2024, 3, 11)
    end, start = at(today + timedelta(days=1), 0), at(since, 0)
    hour = timedelta(hours=1)
    # (start, offset) of the fastest effort at each distance, outside or inside by a day.
    tricky = [
        (end - 13 * hour, 14 * 3600),  # 1k: 01:00 tomorrow there: not yet
        (end + 11 * hour, -12 * 3600),  # 5k: 23:00 today there: counts
        (start - 13 * hour, 14 * 3600),  # 10k: 01:00 on the first day there: recent
        (start + 11 * hour, -12 * 3600),  # half: 23:00 the day before there: not recent
    ]
    for (metres, label), (begin, offset) in zip(DISTANCES, tricky, strict=True):
        add_activity(session, athlete_id, begin, distance_m=metres, moving_s=metres / 4,
                     tz_offset_s=offset,
                     best_efforts=[BestEffort(metres, label, metres / 6, 0.0)])  # fmt: skip
    for i in range(200):
        begin = rng.choice([end, start]) + timedelta(minutes=rng.randrange(-30 * 60, 30 * 60))
        offset = rng.choice([None, -5 * 3600, 0, 3600, 13 * 3600])
        time_s = [round(rng.uniform(0.0, 30.0), 1 if i % 3 else 0) for _ in DISTANCES]
        add_activity(
            session, athlete_id, begin, distance_m=25_000, moving_s=7000, tz_offset_s=offset,
            best_efforts=[BestEffort(metres, label, metres / 5 + extra, 0.0)
                          for (metres, label), extra in zip(DISTANCES, time_s, strict=True)],
        )  # fmt: skip
    add_activity(session, add_athlete(session), at(today), distance_m=1000, moving_s=150,
                 best_efforts=[BestEffort(1000.0, "1k", 150.0, 0.0)])  # another athlete's
    athlete = get_athlete(session, athlete_id)
    for day in [today - timedelta(days=1), today, today + timedelta(days=1)]:
        for first in [since - timedelta(days=1), since, since + timedelta(days=1)]:
            every, recent = athlete_efforts(session, athlete, day, first)
            expected = _scan_every_effort(session, athlete_id, zone, day, first)
            assert (personal_bests(every), personal_bests(recent)) == expected, (day, first)
            found = records(session, athlete_id, day, reference_max_age_days=(day - first).days)
            want = reference_best(expected[1]) or reference_best(expected[0])
            assert (None if found.reference is None else found.reference.best) == want
