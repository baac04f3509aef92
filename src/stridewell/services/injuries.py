"""Injuries: record and list an athlete's injury history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from stridewell.domain.athletes import Injury
from stridewell.domain.vocab import Region, Side
from stridewell.services import parsing
from stridewell.services.athletes import get_athlete
from stridewell.services.errors import NotFoundError
from stridewell.store.repositories import InjuryRepository
from stridewell.store.repositories.rehab import RehabRepository


def injury_from_text(
    *,
    region: str,
    side: str,
    onset: str,
    severity: int,
    resolved: str | None = None,
    days_off_running: int = 0,
    notes: str = "",
) -> Injury:
    """An `Injury` from typed-in values; unknown terms and bad dates raise `ValidationError`."""
    return Injury(
        region=parsing.term(Region, region, "region"),
        side=parsing.term(Side, side, "side"),
        onset=parsing.iso_date(onset, "onset"),
        resolved=None if resolved is None else parsing.iso_date(resolved, "resolved"),
        severity=severity,
        days_off_running=days_off_running,
        notes=notes.strip(),
    )


def add_injury(session: Session, athlete_id: int, injury: Injury, today: date) -> Injury:
    """Validate and store an injury for the athlete; returns it with its id."""
    get_athlete(session, athlete_id)
    injury.validate(today)
    return InjuryRepository(session).add(athlete_id, injury)


def list_injuries(session: Session, athlete_id: int) -> list[Injury]:
    """The athlete's injuries, oldest onset first."""
    get_athlete(session, athlete_id)
    return InjuryRepository(session).list_for(athlete_id)


def get_injury(session: Session, athlete_id: int, injury_id: int) -> Injury:
    """The athlete's injury with this id; `NotFoundError` for another athlete's or none."""
    get_athlete(session, athlete_id)
    injury = RehabRepository(session).injury(injury_id)
    if injury is None or injury.athlete_id != athlete_id:
        raise NotFoundError(f"no injury with id {injury_id} for this athlete")
    return injury


def update_injury(
    session: Session,
    athlete_id: int,
    injury_id: int,
    today: date,
    *,
    severity: int | None = None,
    notes: str | None = None,
    days_off_running: int | None = None,
) -> Injury:
    """Change what is known about an injury; the same rules as for a new one apply."""
    injury = get_injury(session, athlete_id, injury_id)
    changed = replace(
        injury,
        severity=injury.severity if severity is None else severity,
        notes=injury.notes if notes is None else notes.strip(),
        days_off_running=(
            injury.days_off_running if days_off_running is None else days_off_running
        ),
    )
    changed.validate(today)
    return RehabRepository(session).update_injury(changed)


def resolve_injury(
    session: Session,
    athlete_id: int,
    injury_id: int,
    resolved: date,
    today: date,
    *,
    days_off_running: int | None = None,
) -> Injury:
    """Mark the injury cleared up on `resolved` (not before its onset, not in the future)."""
    injury = get_injury(session, athlete_id, injury_id)
    changed = replace(
        injury,
        resolved=resolved,
        days_off_running=(
            injury.days_off_running if days_off_running is None else days_off_running
        ),
    )
    changed.validate(today)
    return RehabRepository(session).update_injury(changed)


def injury_to_dict(injury: Injury, today: date) -> dict[str, Any]:
    return {
        "id": injury.id,
        "athlete_id": injury.athlete_id,
        "region": injury.region.value,
        "side": injury.side.value,
        "onset": injury.onset.isoformat(),
        "resolved": None if injury.resolved is None else injury.resolved.isoformat(),
        "severity": injury.severity,
        "days_off_running": injury.days_off_running,
        "notes": injury.notes,
        "active": injury.is_active(today),
    }
