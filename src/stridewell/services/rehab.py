"""Return to run after an injury: log readiness checks and walk-run sessions with their pain,
and tell the runner where she stands (domain/rehab.py holds the rules)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from stridewell.domain.athletes import Injury, ValidationError
from stridewell.domain.planning.rules import RETURN_AFTER_DAYS_OFF
from stridewell.domain.rehab import (
    SESSIONS_TO_PASS,
    STAGES,
    Outcome,
    ReadinessCheck,
    RehabSession,
    RehabStatus,
    check_can_log,
    rehab_status,
)
from stridewell.domain.strength_log import check_log_date
from stridewell.domain.vocab import Phase
from stridewell.services.athletes import get_athlete
from stridewell.services.errors import NotFoundError
from stridewell.services.injuries import get_injury, injury_to_dict, list_injuries
from stridewell.services.plans import latest_plan
from stridewell.store.repositories.rehab import RehabRepository


@dataclass(frozen=True)
class StrengthFocus:
    """Where the plan keeps strength going while running is rebuilt."""

    weeks: tuple[tuple[date, int], ...]  # (week start, strength sessions) of return_to_run weeks
    message: str


@dataclass(frozen=True)
class RehabReport:
    injury: Injury
    status: RehabStatus
    strength: StrengthFocus


def choose_injury(session: Session, athlete_id: int, injury_id: int | None, today: date) -> Injury:
    """The injury named, or else the latest-onset one a return to run is about: active, with
    rehab entries, or resolved after two weeks or more off running."""
    if injury_id is not None:
        return get_injury(session, athlete_id, injury_id)
    injuries = list_injuries(session, athlete_id)
    if not injuries:
        raise NotFoundError("no injury recorded yet; add one with `stridewell injury add`")
    logged = set(RehabRepository(session).injury_ids_with_log(athlete_id))
    candidates = [
        injury
        for injury in injuries
        if injury.is_active(today)
        or injury.id in logged
        or injury.days_off_running >= RETURN_AFTER_DAYS_OFF  # return_to_run
    ]
    if not candidates:
        raise NotFoundError(
            "no injury needs a return to run (none is active or had two weeks off running); "
            "choose one with --injury ID"
        )
    return max(candidates, key=lambda injury: (injury.onset, injury.id or 0))


def rehab_report(
    session: Session, athlete_id: int, today: date, injury_id: int | None = None
) -> RehabReport:
    """Where the runner stands on the return-to-run ladder for one injury."""
    injury = choose_injury(session, athlete_id, injury_id, today)
    assert injury.id is not None
    repository = RehabRepository(session)
    status = rehab_status(repository.readiness(injury.id), repository.sessions(injury.id))
    return RehabReport(injury, status, _strength_focus(session, athlete_id))


def log_readiness(
    session: Session, athlete_id: int, injury_id: int, check: ReadinessCheck, today: date
) -> RehabReport:
    """Store the readiness checks of one day; the report says whether stage 1 is unlocked."""
    injury = get_injury(session, athlete_id, injury_id)
    check.validate()
    _check_day(check.date, injury, today)
    cleaned = replace(check, notes=check.notes.strip())
    RehabRepository(session).add_readiness(athlete_id, injury_id, cleaned)
    return rehab_report(session, athlete_id, today, injury_id)


def log_rehab_session(
    session: Session,
    athlete_id: int,
    injury_id: int,
    today: date,
    *,
    day: date,
    stage: int,
    pain_during: int | None = None,
    pain_next_morning: int | None = None,
    settled_24h: bool | None = None,
    notes: str | None = None,
) -> tuple[RehabSession, RehabReport]:
    """Log a walk-run session, or complete one already logged for that day and stage (the
    next-morning answers usually come a day later). Returns the session and the new report.

    A stage that was not unlocked on that day is refused: no skipping ahead.
    """
    injury = get_injury(session, athlete_id, injury_id)
    _check_day(day, injury, today)
    if (pain_next_morning is not None or settled_24h is not None) and day >= today:
        raise ValidationError(
            f"the morning after {day.isoformat()} has not come yet; log next-morning pain "
            "and whether it settled tomorrow",
            "pain_next_morning",
        )
    repository = RehabRepository(session)
    sessions = repository.sessions(injury_id)
    existing = next((s for s in sessions if s.date == day and s.stage == stage), None)
    if existing is None:
        if pain_during is None:
            raise ValidationError("a new session needs its pain during (0-10)", "pain_during")
        entry = RehabSession(
            date=day,
            stage=stage,
            pain_during=pain_during,
            pain_next_morning=pain_next_morning,
            settled_24h=settled_24h,
            notes=(notes or "").strip(),
        )
    else:
        entry = replace(
            existing,
            pain_during=existing.pain_during if pain_during is None else pain_during,
            pain_next_morning=(
                existing.pain_next_morning if pain_next_morning is None else pain_next_morning
            ),
            settled_24h=existing.settled_24h if settled_24h is None else settled_24h,
            notes=existing.notes if notes is None else notes.strip(),
        )
    check_can_log(repository.readiness(injury_id), sessions, entry)
    stored = (
        repository.add_session(athlete_id, injury_id, entry)
        if existing is None
        else repository.update_session(entry)
    )
    return stored, rehab_report(session, athlete_id, today, injury_id)


def yes_no(text: str, what: str) -> bool:
    """`yes`/`no` (also y/n, true/false) as typed on the command line or in a form."""
    key = text.strip().lower()
    if key in ("yes", "y", "true"):
        return True
    if key in ("no", "n", "false"):
        return False
    raise ValidationError(f"{what} must be yes or no, not {text!r}", what)


def _check_day(day: date, injury: Injury, today: date) -> None:
    check_log_date(day, today)
    if day < injury.onset:
        raise ValidationError(
            f"date {day.isoformat()} is before the injury's onset {injury.onset.isoformat()}",
            "date",
        )


def _strength_focus(session: Session, athlete_id: int) -> StrengthFocus:
    """Point at the plan's return_to_run weeks, where strength work is emphasised."""
    get_athlete(session, athlete_id)
    plan = latest_plan(session, athlete_id)
    weeks = tuple(
        (week.start, week.strength_sessions)
        for week in (plan.weeks if plan is not None else ())
        if week.phase is Phase.RETURN_TO_RUN
    )
    if plan is None:
        message = (
            "Keep strength training while running is rebuilt. Generate a plan "
            "(`stridewell plan generate`): after an injury it opens with return_to_run weeks "
            "that put strength first."
        )
    elif not weeks:
        message = (
            "Keep strength training while running is rebuilt. Your current plan has no "
            "return_to_run weeks; regenerate it (`stridewell plan generate`) so it accounts "
            "for this injury."
        )
    else:
        first, sessions = weeks[0]
        message = (
            f"Keep strength training while running is rebuilt: your plan's return_to_run "
            f"phase ({len(weeks)} weeks from {first.isoformat()}) has {sessions} strength "
            "sessions a week."
        )
    return StrengthFocus(weeks, message)


def readiness_to_dict(check: ReadinessCheck) -> dict[str, Any]:
    return {
        "id": check.id,
        "date": check.date.isoformat(),
        "pains": check.pains,
        "passed": check.passed,
        "failed": list(check.failed),
        "notes": check.notes,
    }


def outcome_to_dict(outcome: Outcome) -> dict[str, Any]:
    entry = outcome.session
    return {
        "id": entry.id,
        "date": entry.date.isoformat(),
        "stage": entry.stage,
        "pain_during": entry.pain_during,
        "pain_next_morning": entry.pain_next_morning,
        "settled_24h": entry.settled_24h,
        "notes": entry.notes,
        "gate": outcome.result.gate.value,
        "reasons": list(outcome.result.reasons),
        "stage_after": outcome.stage_after,
    }


def rehab_report_to_dict(report: RehabReport, today: date) -> dict[str, Any]:
    status = report.status
    return {
        "injury": injury_to_dict(report.injury, today),
        "stage": status.stage,
        "stage_description": status.stage_description,
        "green_sessions": status.green_sessions,
        "sessions_needed": SESSIONS_TO_PASS,
        "readiness_passed": status.readiness_passed,
        "cleared": status.cleared,
        "next_action": status.next_action,
        "next_date": None if status.next_date is None else status.next_date.isoformat(),
        "stages": [{"stage": stage.number, "description": stage.description} for stage in STAGES],
        "readiness": [readiness_to_dict(check) for check in status.readiness],
        "history": [outcome_to_dict(outcome) for outcome in status.history],
        "strength": {
            "phase": Phase.RETURN_TO_RUN.value,
            "weeks": [
                {"week_start": start.isoformat(), "strength_sessions": count}
                for start, count in report.strength.weeks
            ],
            "message": report.strength.message,
        },
    }
