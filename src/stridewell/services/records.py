"""Records: personal bests from races and best efforts, race predictions and training paces.

Predictions come from one reference performance: the personal best of 3 km or more with the
highest VDOT among the recent ones (docs/science.md#vdot, #riegel1981, #daniels_zones).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy.orm import Session

from stridewell.domain.athletes import RACE_DISTANCES_M, Athlete
from stridewell.domain.load import local_date
from stridewell.domain.performance import (
    Effort,
    EffortSource,
    PersonalBest,
    RacePrediction,
    TrainingPace,
    personal_bests,
    predict_races,
    reference_best,
    riegel_caveat,
    training_paces,
    vdot,
)
from stridewell.services.athletes import get_athlete
from stridewell.store.repositories import RaceRepository
from stridewell.store.repositories.analytics import AnalyticsRepository

# Performances older than this say little about today's fitness (as the planner's paces).
REFERENCE_MAX_AGE_DAYS = 730
# A local day starts up to 14 h before its UTC date and ends up to 12 h after it (UTC+14 …
# UTC−12); 14 h both ways leaves room for an odd offset in a file.
_UTC_MARGIN = timedelta(hours=14)
ZONE_NAMES = {
    "E": "easy",
    "M": "marathon",
    "T": "threshold",
    "I": "interval",
    "R": "repetition",
}


@dataclass(frozen=True)
class Reference:
    """The performance predictions are drawn from."""

    best: PersonalBest
    vdot: float
    recent: bool  # within the maximum age; False: the best on record, however old


@dataclass(frozen=True)
class Records:
    athlete_id: int
    pbs: tuple[PersonalBest, ...]
    reference: Reference | None
    predictions: tuple[RacePrediction, ...]
    paces: tuple[TrainingPace, ...]


def athlete_efforts(
    session: Session, athlete: Athlete, today: date, since: date
) -> tuple[list[Effort], list[Effort]]:
    """The efforts that can be personal bests up to today: (all of them, those since `since`)
    — race results, and best efforts found in imported runs, on local days.

    The database keeps the fastest effort at each distance (with its ties) among the
    activities that surely fall in each range whatever their time zone; every effort of the
    activities in the hours at either end that may fall either side is checked here day by
    day. `personal_bests` of each list is that of every effort in its range.
    """
    assert athlete.id is not None
    races = [
        Effort(
            race.distance_m, float(race.result_s), race.date, EffortSource.RACE, race.activity_id
        )
        for race in RaceRepository(session).list_for(athlete.id)
        if race.result_s is not None and race.result_s > 0 and race.date <= today
    ]
    since_utc = datetime.combine(since, time(), UTC)
    end_utc = datetime.combine(today + timedelta(days=1), time(), UTC)
    sure_start, sure_end = since_utc + _UTC_MARGIN, end_utc - _UTC_MARGIN
    repository = AnalyticsRepository(session)
    found = repository.fastest_efforts(athlete.id, end_utc=sure_end, recent_utc=sure_start)
    found += repository.best_efforts(
        athlete.id,
        ranges=[(sure_end, end_utc + _UTC_MARGIN), (since_utc - _UTC_MARGIN, sure_start)],
    )
    efforts = []
    # In start order, each once, as a scan of every effort would meet them (ties go to the first).
    for record in sorted(set(found), key=lambda record: (record.start_utc, record.activity_id)):
        tz = record.tz_offset_s if record.tz_offset_s is not None else athlete.timezone
        day = local_date(record.start_utc, tz)
        if record.time_s > 0 and record.distance_m > 0 and day <= today:
            efforts.append(
                Effort(
                    record.distance_m,
                    record.time_s,
                    day,
                    EffortSource.BEST_EFFORT,
                    record.activity_id,
                )
            )
    every = races + efforts
    return every, [effort for effort in every if effort.date >= since]


def records(
    session: Session,
    athlete_id: int,
    today: date,
    *,
    reference_max_age_days: int = REFERENCE_MAX_AGE_DAYS,
) -> Records:
    """The athlete's PBs per standard distance, predictions for 5k to marathon (Riegel and
    VDOT) and Daniels training paces.

    The reference is the best-VDOT PB of ≥ 3 km set in the last `reference_max_age_days`; when
    there is none, the best on record, marked as not recent.
    """
    athlete = get_athlete(session, athlete_id)
    since = today - timedelta(days=reference_max_age_days)
    every, lately = athlete_efforts(session, athlete, today, since)
    pbs = personal_bests(every)
    best = reference_best(personal_bests(lately))
    recent = best is not None
    if best is None:
        best = reference_best(pbs)
    if best is None:
        return Records(athlete_id, pbs, None, (), ())
    reference_vdot = vdot(best.distance_m, best.time_s)
    return Records(
        athlete_id=athlete_id,
        pbs=pbs,
        reference=Reference(best, reference_vdot, recent),
        predictions=predict_races(best, RACE_DISTANCES_M),
        paces=training_paces(reference_vdot),
    )


# --- JSON -----------------------------------------------------------------------------------


def records_to_dict(result: Records) -> dict[str, Any]:
    """The JSON of `stridewell records`. PB and prediction items carry exactly the keys of the
    contract (design.md); everything else sits beside them at the top level."""
    reference = result.reference
    notes = []
    if reference is not None and not reference.recent:
        notes.append(
            f"predictions and paces come from a performance on {reference.best.date.isoformat()},"
            f" more than {REFERENCE_MAX_AGE_DAYS // 365} years ago: race or log a recent effort"
        )
    caveats = {
        prediction.distance: caveat
        for prediction in result.predictions
        if (caveat := riegel_caveat(prediction.distance_m)) is not None
    }
    return {
        "athlete_id": result.athlete_id,
        "pbs": [_pb_dict(pb) for pb in result.pbs],
        "predictions": [
            {
                "distance": p.distance,
                "distance_m": p.distance_m,
                "riegel_s": p.riegel_s,
                "vdot_s": p.vdot_s,
            }
            for p in result.predictions
        ],
        "vdot": None if reference is None else reference.vdot,
        "reference": None
        if reference is None
        else {**_pb_dict(reference.best), "vdot": reference.vdot, "recent": reference.recent},
        "riegel_caveats": caveats,
        "paces": [_pace_dict(pace) for pace in result.paces],
        "notes": notes,
    }


def _pb_dict(pb: PersonalBest) -> dict[str, Any]:
    return {
        "distance": pb.distance,
        "distance_m": pb.distance_m,
        "time_s": pb.time_s,
        "date": pb.date.isoformat(),
        "source": pb.source.value,
        "activity_id": pb.activity_id,
    }


def _pace_dict(pace: TrainingPace) -> dict[str, Any]:
    return {
        "zone": pace.zone,
        "name": ZONE_NAMES.get(pace.zone, pace.zone),
        "pct_low": pace.pct_low,
        "pct_high": pace.pct_high,
        "fast_s_per_km": pace.fast_s_per_km,
        "slow_s_per_km": pace.slow_s_per_km,
        "fast": format_pace(pace.fast_s_per_km),
        "slow": format_pace(pace.slow_s_per_km),
    }


def format_pace(s_per_km: float) -> str:
    """Seconds per km as M:SS/km."""
    total = int(round(s_per_km))
    return f"{total // 60}:{total % 60:02d}/km"
