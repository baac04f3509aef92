"""Return to run: the rehab log (stage sessions and readiness checks), and the injury edits
the return depends on (days off, severity, resolution)."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from stridewell.domain.athletes import Injury
from stridewell.domain.rehab import READINESS_STAGE, ReadinessCheck, RehabSession
from stridewell.store.models import InjuryRow, RehabLogRow
from stridewell.store.repositories.athletes import injury_from_row


class RehabRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # --- injuries ---------------------------------------------------------------------------

    def injury(self, injury_id: int) -> Injury | None:
        row = self.session.get(InjuryRow, injury_id)
        return None if row is None else injury_from_row(row)

    def update_injury(self, injury: Injury) -> Injury:
        """Write the injury's editable fields (severity, resolved, days off, notes)."""
        if injury.id is None:
            raise ValueError("an injury without an id cannot be updated")
        row = self.session.get(InjuryRow, injury.id)
        if row is None:
            raise LookupError(f"no injury with id {injury.id}")
        row.severity = injury.severity
        row.resolved = injury.resolved
        row.days_off_running = injury.days_off_running
        row.notes = injury.notes
        self.session.flush()
        return injury_from_row(row)

    # --- stage sessions ---------------------------------------------------------------------

    def add_session(self, athlete_id: int, injury_id: int, entry: RehabSession) -> RehabSession:
        row = RehabLogRow(athlete_id=athlete_id, injury_id=injury_id, checks=None)
        _copy_session(entry, row)
        self.session.add(row)
        self.session.flush()
        return session_from_row(row)

    def update_session(self, entry: RehabSession) -> RehabSession:
        if entry.id is None:
            raise ValueError("a rehab session without an id cannot be updated")
        row = self.session.get(RehabLogRow, entry.id)
        if row is None or row.stage == READINESS_STAGE:
            raise LookupError(f"no rehab session with id {entry.id}")
        _copy_session(entry, row)
        self.session.flush()
        return session_from_row(row)

    def sessions(self, injury_id: int) -> list[RehabSession]:
        """The stage sessions logged for the injury, oldest first."""
        query = (
            select(RehabLogRow)
            .where(RehabLogRow.injury_id == injury_id, RehabLogRow.stage != READINESS_STAGE)
            .order_by(RehabLogRow.date, RehabLogRow.id)
        )
        return [session_from_row(row) for row in self.session.scalars(query)]

    # --- readiness checks -------------------------------------------------------------------

    def add_readiness(
        self, athlete_id: int, injury_id: int, check: ReadinessCheck
    ) -> ReadinessCheck:
        pains = check.pains
        row = RehabLogRow(
            athlete_id=athlete_id,
            injury_id=injury_id,
            date=check.date,
            stage=READINESS_STAGE,
            pain_during=max(pains.values()),
            pain_next_morning=None,
            pain_24h_settled=None,
            checks=dict(pains),
            notes=check.notes,
        )
        self.session.add(row)
        self.session.flush()
        return replace(check, id=row.id)

    def readiness(self, injury_id: int) -> list[ReadinessCheck]:
        query = (
            select(RehabLogRow)
            .where(RehabLogRow.injury_id == injury_id, RehabLogRow.stage == READINESS_STAGE)
            .order_by(RehabLogRow.date, RehabLogRow.id)
        )
        return [readiness_from_row(row) for row in self.session.scalars(query)]

    def injury_ids_with_log(self, athlete_id: int) -> list[int]:
        """Injuries of the athlete that have any rehab entry, most recently logged first."""
        query = (
            select(RehabLogRow.injury_id)
            .where(RehabLogRow.athlete_id == athlete_id)
            .order_by(RehabLogRow.date.desc(), RehabLogRow.id.desc())
        )
        ordered: list[int] = []
        for injury_id in self.session.scalars(query):
            if injury_id not in ordered:
                ordered.append(injury_id)
        return ordered


def _copy_session(entry: RehabSession, row: RehabLogRow) -> None:
    row.date = entry.date
    row.stage = entry.stage
    row.pain_during = entry.pain_during
    row.pain_next_morning = entry.pain_next_morning
    row.pain_24h_settled = entry.settled_24h
    row.notes = entry.notes


def session_from_row(row: RehabLogRow) -> RehabSession:
    return RehabSession(
        id=row.id,
        date=row.date,
        stage=row.stage,
        pain_during=row.pain_during,
        pain_next_morning=row.pain_next_morning,
        settled_24h=row.pain_24h_settled,
        notes=row.notes,
    )


def readiness_from_row(row: RehabLogRow) -> ReadinessCheck:
    checks = row.checks or {}
    # A row without per-test pains (not written by this module) counts its worst pain for all.
    worst = row.pain_during
    return ReadinessCheck(
        id=row.id,
        date=row.date,
        walk_pain=int(checks.get("walk", worst)),
        single_leg_squat_pain=int(checks.get("single_leg_squat", worst)),
        jog_on_spot_pain=int(checks.get("jog_on_spot", worst)),
        hop_pain=int(checks.get("hop", worst)),
        notes=row.notes,
    )
