"""Plan adherence: what the plan asked for against what was done, week by week.

Runs: the planned kilometres and number of runs against the running activities booked on the
athlete's local days. Strength: planned sessions against logged ones. A logged session that names
the planned session it fulfils counts in that session's week, even when it was done in another
week; one that names none (or a session of another plan) counts in the week of its own date.

The current week is compared "to date": only what was planned up to today counts as planned, plus
any later session of that week that has already been done, so a Wednesday view does not call
Saturday's long run missed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from stridewell.domain.planning.model import Plan
from stridewell.domain.vocab import Phase

RECENT_WEEKS = 4  # how far back "current weekly volume" looks


@dataclass(frozen=True)
class DoneRun:
    """A running activity on the athlete's local day."""

    date: date
    distance_km: float


@dataclass(frozen=True)
class DoneStrength:
    """A logged strength session, and the planned session it says it fulfils (if any)."""

    date: date
    planned_session_id: int | None = None


@dataclass(frozen=True)
class WeekAdherence:
    week_start: date  # the Monday
    phase: Phase
    planned_run_km: float
    done_run_km: float
    planned_runs: int
    done_runs: int
    planned_strength: int
    done_strength: int
    partial: bool  # the week is under way: planned counts only what was due by today

    @property
    def run_pct(self) -> float | None:
        """Done kilometres as a percentage of planned ones (None when no running was planned)."""
        return _percent(self.done_run_km, self.planned_run_km)

    @property
    def strength_pct(self) -> float | None:
        """Done strength sessions as a percentage of planned ones (None when none was planned)."""
        return _percent(self.done_strength, self.planned_strength)


def weekly_adherence(
    plan: Plan,
    runs: Sequence[DoneRun],
    strength: Sequence[DoneStrength],
    today: date,
    planned_strength_dates: Mapping[int, date] | None = None,
) -> list[WeekAdherence]:
    """Planned against done for every week of `plan` that has begun by `today`, oldest first.

    `planned_strength_dates` maps the stored ids of the plan's strength sessions to their dates,
    so logged sessions that name one are booked in its week; ids of other plans are ignored and
    the session is booked by its own date.
    """
    linked_dates = dict(planned_strength_dates or {})
    weeks = [week for week in plan.weeks if week.start <= today]
    logged = [(_booked_day(log, linked_dates), log) for log in strength if log.date <= today]
    result = []
    for week in weeks:
        week_end = week.start + timedelta(days=6)
        partial = week_end > today
        planned_runs = [s for s in week.sessions if s.kind == "run" and s.date <= today]
        planned_km = sum((s.run.distance_km for s in planned_runs if s.run is not None), 0.0)
        done = [r for r in runs if week.start <= r.date <= min(week_end, today)]
        in_week = [(day, log) for day, log in logged if week.start <= day <= week_end]
        # Planned days already fulfilled by a session that names them (done early counts).
        fulfilled_days = {day for day, log in in_week if log.planned_session_id in linked_dates}
        planned_strength = sum(
            1
            for s in week.sessions
            if s.kind == "strength" and (s.date <= today or s.date in fulfilled_days)
        )
        result.append(
            WeekAdherence(
                week_start=week.start,
                phase=week.phase,
                planned_run_km=round(planned_km, 1),
                done_run_km=round(sum((r.distance_km for r in done), 0.0), 1),
                planned_runs=len(planned_runs),
                done_runs=len(done),
                planned_strength=planned_strength,
                done_strength=len(in_week),
                partial=partial,
            )
        )
    return result


def recent_weekly_km(
    runs: Sequence[DoneRun], before: date, weeks: int = RECENT_WEEKS
) -> float | None:
    """Average running kilometres a week over the `weeks` weeks up to the day before `before`.

    Weeks without a run count as zero; None when there is no run at all in the window (no data
    to go on, rather than proof of rest).
    """
    first = before - timedelta(days=7 * weeks)
    window = [run.distance_km for run in runs if first <= run.date < before]
    if not window:
        return None
    return round(sum(window) / weeks, 1)


def _booked_day(done: DoneStrength, linked_dates: Mapping[int, date]) -> date:
    """The planned session's date when the log names one of this plan's sessions, else its own."""
    if done.planned_session_id is not None and done.planned_session_id in linked_dates:
        return linked_dates[done.planned_session_id]
    return done.date


def _percent(done: float, planned: float) -> float | None:
    if planned <= 0:
        return None
    return round(100.0 * done / planned, 1)
