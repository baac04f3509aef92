"""Insights: injuries before and after the strength work took hold, the quad-vs-glute soreness
trend, and strength progression — from the athlete's own record (domain/insights.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from stridewell.domain.athletes import ValidationError
from stridewell.domain.exercises.lookup import UnknownExerciseError, by_slug
from stridewell.domain.insights import (
    BALANCE_FLAG_RATIO,
    HARD_SET_RPE,
    POST_EXERTION_CONTEXTS,
    AdherenceRule,
    E1rmSeries,
    HardSetVolume,
    IncidencePeriod,
    InjuryIncidence,
    QuadGlutePoint,
    QuadGluteWeek,
    RunExposure,
    SideBalance,
    adherence_start,
    e1rm_progression_of_sets,
    hard_sets_per_muscle,
    injury_incidence,
    quad_glute_points,
    side_balance,
    weekly_quad_glute,
)
from stridewell.domain.load import week_start_of
from stridewell.domain.vocab import Region
from stridewell.services.athletes import get_athlete
from stridewell.store.repositories import InjuryRepository
from stridewell.store.repositories.analytics import ActivityTable, AnalyticsRepository

DEFAULT_HARD_SET_WEEKS = 12
DEFAULT_BALANCE_WEEKS = 8
_UTC_MARGIN = timedelta(hours=14)  # local days span UTC+14 … UTC−12

INCIDENCE_CAVEAT = (
    "one runner's record, not a controlled trial: a lower rate after adherence began is "
    "encouraging, not proof, and with few injuries either rate is very uncertain"
)
SORENESS_INDEX_DEFINITION = (
    "quad ÷ (quad + glute) soreness (0–10 scores; the worst side of each region) per "
    "post-run or post-race log: 1 = all in the quads, 0 = all in the glutes. Our own "
    "construct, not a validated measure: read it as a personal trend "
    "(docs/science.md#quad_glute_index)"
)
HARD_SET_DEFINITION = (
    f"a hard set has RPE ≥ {HARD_SET_RPE:g}, or — without an RPE — is any working set; each "
    "counts 1 for the exercise's primary muscles and 0.5 for its secondary ones, and a set "
    "done on one side counts half (left + right = one set)"
)


@dataclass(frozen=True)
class Insights:
    athlete_id: int
    as_of: date
    incidence: InjuryIncidence
    soreness: tuple[QuadGlutePoint, ...]
    soreness_weekly: tuple[QuadGluteWeek, ...]
    e1rm: tuple[E1rmSeries, ...]
    hard_sets: HardSetVolume
    hard_sets_since: date
    balance: tuple[SideBalance, ...]
    balance_since: date


def insights(
    session: Session,
    athlete_id: int,
    today: date,
    *,
    as_of: date | None = None,
    rule: AdherenceRule | None = None,
    hard_set_weeks: int = DEFAULT_HARD_SET_WEEKS,
    balance_weeks: int = DEFAULT_BALANCE_WEEKS,
    activities: ActivityTable | None = None,
) -> Insights:
    """Everything `stridewell insights` shows, as of `as_of` (default today).

    Injury incidence and the soreness trend use the whole record; hard sets per muscle cover
    the last `hard_set_weeks` weeks (the current one included); left/right balance the last
    `balance_weeks` weeks; e1RM the whole record. `rule` defines strength-training adherence.
    `activities` are the athlete's activities when the caller has read them already
    (services.load.read_activities, at least up to `as_of`).
    """
    athlete = get_athlete(session, athlete_id)
    as_of = as_of or today
    if as_of > today:
        raise ValidationError(
            f"as-of date {as_of.isoformat()} is in the future (today is {today.isoformat()})",
            "as_of",
        )
    if hard_set_weeks < 1 or balance_weeks < 1:
        raise ValidationError("the number of weeks must be at least 1", "weeks")
    rule = rule or AdherenceRule()
    repository = AnalyticsRepository(session)

    end_utc = datetime.combine(as_of + timedelta(days=1), time(), UTC) + _UTC_MARGIN
    table = activities
    if table is None:
        table = repository.activity_table(athlete_id, athlete.timezone, end_utc=end_utc)
    with np.errstate(invalid="ignore"):
        timed = (
            (table.start_unix_s < math.floor(end_utc.timestamp()))
            & table.is_run
            & (table.duration_s != 0)
            & ~np.isnan(table.duration_s)
        )
    runs = [
        RunExposure(date.fromordinal(day), duration_s)
        for day, duration_s in zip(
            table.local_day[timed].tolist(), table.duration_s[timed].tolist(), strict=True
        )
    ]

    # Adherence needs the dates of every session, e1RM the loaded sets of every session, hard
    # sets and balance every set of the last weeks: three narrow queries, not every set.
    started = adherence_start(repository.strength_dates(athlete_id, end=as_of), rule)
    onsets = [injury.onset for injury in InjuryRepository(session).list_for(athlete_id)]
    points = quad_glute_points(
        repository.soreness(
            athlete_id,
            end=as_of,
            contexts=POST_EXERTION_CONTEXTS,
            regions=frozenset({Region.QUAD, Region.GLUTE}),
        )
    )

    hard_sets_since = week_start_of(as_of) - timedelta(weeks=hard_set_weeks - 1)
    balance_since = as_of - timedelta(days=7 * balance_weeks - 1)
    recent = repository.strength_sets(
        athlete_id, start=min(hard_sets_since, balance_since), end=as_of
    )
    return Insights(
        athlete_id=athlete_id,
        as_of=as_of,
        incidence=injury_incidence(runs, onsets, started, as_of, rule),
        soreness=points,
        soreness_weekly=weekly_quad_glute(points),
        e1rm=e1rm_progression_of_sets(repository.e1rm_sets(athlete_id, end=as_of)),
        hard_sets=hard_sets_per_muscle(s for s in recent if s.date >= hard_sets_since),
        hard_sets_since=hard_sets_since,
        balance=side_balance(s for s in recent if s.date >= balance_since),
        balance_since=balance_since,
    )


# --- JSON -----------------------------------------------------------------------------------


def insights_to_dict(result: Insights) -> dict[str, Any]:
    incidence = result.incidence
    return {
        "athlete_id": result.athlete_id,
        "as_of": result.as_of.isoformat(),
        "injury_incidence": {
            "before": _period_dict(incidence.before),
            "after": _period_dict(incidence.after),
            "adherence_start": _iso(incidence.adherence_start),
            "definition": incidence.definition,
            "rule": {
                "min_sessions_per_week": incidence.rule.min_sessions_per_week,
                "min_weeks": incidence.rule.min_weeks,
                "window_weeks": incidence.rule.window_weeks,
            },
            "rate_ratio": incidence.rate_ratio,
            "excluded_injuries": incidence.excluded_injuries,
            "caveat": INCIDENCE_CAVEAT,
        },
        "soreness_index": [
            {
                "date": point.date.isoformat(),
                "context": point.context.value,
                "quad": point.quad,
                "glute": point.glute,
                "index": point.index,
            }
            for point in result.soreness
        ],
        "soreness_index_weekly": [
            {
                "week": week.week_start.isoformat(),
                "entries": week.entries,
                "quad": week.quad,
                "glute": week.glute,
                "index": week.index,
            }
            for week in result.soreness_weekly
        ],
        "soreness_index_definition": SORENESS_INDEX_DEFINITION,
        "strength": {
            "e1rm": [_series_dict(series) for series in result.e1rm],
            "hard_sets_per_muscle": [
                {
                    "week_start": row.week_start.isoformat(),
                    "muscle": row.muscle.value,
                    "hard_sets": row.hard_sets,
                }
                for row in result.hard_sets.weeks
            ],
            "hard_sets_since": result.hard_sets_since.isoformat(),
            "hard_set_definition": HARD_SET_DEFINITION,
            "unknown_exercises": list(result.hard_sets.unknown_exercises),
            "balance": [_balance_dict(row) for row in result.balance],
            "balance_since": result.balance_since.isoformat(),
        },
    }


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _period_dict(period: IncidencePeriod) -> dict[str, Any]:
    return {
        "start": _iso(period.start),
        "end": _iso(period.end),
        "injuries": period.injuries,
        "run_hours": period.run_hours,
        "per_1000h": period.per_1000h,
    }


def exercise_name(slug: str) -> str:
    """The library name of an exercise, or its slug when the library does not know it."""
    try:
        return by_slug(slug).name
    except UnknownExerciseError:
        return slug


def _series_dict(series: E1rmSeries) -> dict[str, Any]:
    return {
        "exercise": series.exercise_slug,
        "name": exercise_name(series.exercise_slug),
        "points": [
            {
                "date": point.date.isoformat(),
                "e1rm_kg": point.e1rm_kg,
                "brzycki_kg": point.brzycki_kg,
                "load_kg": point.load_kg,
                "reps": point.reps,
                "side": point.side.value,
            }
            for point in series.points
        ],
        "best_kg": series.best.e1rm_kg,
        "latest_kg": series.points[-1].e1rm_kg,
        "change_pct": series.change_pct,
    }


def balance_message(row: SideBalance) -> str | None:
    """Plain words for a flagged imbalance, else None."""
    if not row.flagged:
        return None
    weaker = row.weaker_side.value if row.weaker_side is not None else "one"
    ratios = [
        f"{what} {ratio * 100:.0f} %"
        for what, ratio in (("volume", row.volume_ratio), ("e1RM", row.e1rm_ratio))
        if ratio is not None
    ]
    return (
        f"{exercise_name(row.exercise_slug)}: the {weaker} side is at {', '.join(ratios)} of "
        f"the other (flag under {BALANCE_FLAG_RATIO * 100:.0f} %)"
    )


def _balance_dict(row: SideBalance) -> dict[str, Any]:
    return {
        "exercise": row.exercise_slug,
        "name": exercise_name(row.exercise_slug),
        "measure": row.measure,
        "left": row.left_volume,
        "right": row.right_volume,
        "volume_ratio": row.volume_ratio,
        "left_e1rm_kg": row.left_e1rm_kg,
        "right_e1rm_kg": row.right_e1rm_kg,
        "e1rm_ratio": row.e1rm_ratio,
        "weaker_side": None if row.weaker_side is None else row.weaker_side.value,
        "flag": row.flagged,
        "message": balance_message(row),
    }
