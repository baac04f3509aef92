"""Records through the store, on both databases: PBs from races and best efforts, predictions
from the best recent reference (Riegel 1981, Daniels & Gilbert VDOT) and training paces."""

from __future__ import annotations

import math
from datetime import date

import pytest
from sqlalchemy.orm import Session

from stridewell.domain.activities import BestEffort
from stridewell.domain.athletes import Race
from stridewell.domain.performance import predict_time_s, training_paces, vdot
from stridewell.services.records import records, records_to_dict
from stridewell.store.repositories import RaceRepository
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
