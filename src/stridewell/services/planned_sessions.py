"""Planned sessions with their database ids, so a logged session can name the one it fulfils.

Pages address a planned session as "the n-th session on this day of the latest plan"; a logged
strength session stores the planned session's id (adherence books it in that session's week).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from stridewell.domain.planning.model import PlannedSession
from stridewell.services.athletes import get_athlete
from stridewell.services.errors import NotFoundError
from stridewell.store.models import PlannedSessionRow, PlanRow
from stridewell.store.repositories import PlanRepository
from stridewell.store.repositories.plans import StoredPlan


@dataclass(frozen=True)
class PlannedSessionOnFile:
    """A planned session, its id, and its address in the plan (n-th session of its day)."""

    id: int
    session: PlannedSession
    number: int  # 1-based among the sessions on its day


def planned_session_at(
    session: Session, athlete_id: int, day: date, number: int
) -> PlannedSessionOnFile:
    """The `number`-th session on `day` of the athlete's latest plan; `NotFoundError` if none."""
    get_athlete(session, athlete_id)
    stored = PlanRepository(session).latest(athlete_id)
    found = None if stored is None else _on_file(session, stored)
    for planned in found or ():
        if planned.session.date == day and planned.number == number:
            return planned
    raise NotFoundError(f"the plan has no session {number} on {day.isoformat()}")


def planned_session_by_id(
    session: Session, athlete_id: int, planned_session_id: int
) -> PlannedSessionOnFile:
    """The planned session with this id from any of the athlete's plans (another athlete's
    is not found, so ids reveal nothing)."""
    get_athlete(session, athlete_id)
    query = (
        select(PlannedSessionRow.plan_id)
        .join(PlanRow, PlannedSessionRow.plan_id == PlanRow.id)
        .where(PlannedSessionRow.id == planned_session_id, PlanRow.athlete_id == athlete_id)
    )
    plan_id = session.scalar(query)
    stored = None if plan_id is None else PlanRepository(session).get(plan_id)
    for planned in [] if stored is None else _on_file(session, stored):
        if planned.id == planned_session_id:
            return planned
    raise NotFoundError(f"no planned session with id {planned_session_id} in this athlete's plans")


def _on_file(session: Session, stored: StoredPlan) -> list[PlannedSessionOnFile]:
    """The plan's sessions in order with their ids (rows are stored in the same order)."""
    query = (
        select(PlannedSessionRow.id)
        .where(PlannedSessionRow.plan_id == stored.id)
        .order_by(PlannedSessionRow.order)
    )
    ids = list(session.scalars(query))
    counts: dict[date, int] = {}
    result = []
    for session_id, planned in zip(ids, stored.plan.sessions(), strict=True):
        counts[planned.date] = counts.get(planned.date, 0) + 1
        result.append(PlannedSessionOnFile(session_id, planned, counts[planned.date]))
    return result
