"""Plans: a plan row with its week headers, one planned_session row per session.

The JSON kept in `plan.weeks` and `planned_session.body` is a storage format, private to this
module; the public plan JSON of design.md is built by `services.plans.plan_to_dict`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from stridewell.domain.planning.model import (
    ExercisePrescription,
    Plan,
    PlannedSession,
    PlanWeek,
    RunPrescription,
)
from stridewell.domain.vocab import Category, Phase, RunType
from stridewell.store.models import PlannedSessionRow, PlanRow, RaceRow
from stridewell.store.repositories.athletes import race_from_row


@dataclass(frozen=True)
class StoredPlan:
    id: int
    created_utc: datetime
    inputs: dict[str, Any]
    plan: Plan


class PlanRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self,
        athlete_id: int,
        plan: Plan,
        inputs: dict[str, Any],
        created_utc: datetime | None = None,
    ) -> StoredPlan:
        row = PlanRow(
            athlete_id=athlete_id,
            created_utc=created_utc or datetime.now(UTC),
            start=plan.start,
            end=plan.end,
            race_id=plan.race.id if plan.race is not None else None,
            inputs=inputs,
            weeks=[_week_to_json(week) for week in plan.weeks],
            notes=list(plan.notes),
        )
        order = 0
        for week in plan.weeks:
            for session in week.sessions:
                row.sessions.append(
                    PlannedSessionRow(
                        week_index=week.index,
                        date=session.date,
                        kind=session.kind,
                        order=order,
                        body=_session_to_json(session),
                    )
                )
                order += 1
        self.session.add(row)
        self.session.flush()
        return self._stored(row)

    def get(self, plan_id: int) -> StoredPlan | None:
        query = select(PlanRow).where(PlanRow.id == plan_id).options(selectinload(PlanRow.sessions))
        row = self.session.scalar(query)
        return None if row is None else self._stored(row)

    def latest(self, athlete_id: int) -> StoredPlan | None:
        """The athlete's most recently created plan."""
        query = (
            select(PlanRow)
            .where(PlanRow.athlete_id == athlete_id)
            .order_by(PlanRow.created_utc.desc(), PlanRow.id.desc())
            .limit(1)
            .options(selectinload(PlanRow.sessions))
        )
        row = self.session.scalar(query)
        return None if row is None else self._stored(row)

    def _stored(self, row: PlanRow) -> StoredPlan:
        race_row = self.session.get(RaceRow, row.race_id) if row.race_id is not None else None
        by_week: dict[int, list[PlannedSession]] = {}
        for session_row in sorted(row.sessions, key=lambda s: s.order):
            by_week.setdefault(session_row.week_index, []).append(_session_from_row(session_row))
        weeks = tuple(
            _week_from_json(header, tuple(by_week.get(int(header["index"]), ())))
            for header in row.weeks
        )
        plan = Plan(
            athlete_id=row.athlete_id,
            start=row.start,
            end=row.end,
            race=race_from_row(race_row) if race_row is not None else None,
            weeks=weeks,
            notes=tuple(row.notes),
        )
        return StoredPlan(id=row.id, created_utc=row.created_utc, inputs=row.inputs, plan=plan)


def _week_to_json(week: PlanWeek) -> dict[str, Any]:
    return {
        "index": week.index,
        "start": week.start.isoformat(),
        "phase": week.phase.value,
        "run_km": week.run_km,
        "strength_sessions": week.strength_sessions,
        "deload": week.deload,
        "why": week.why,
    }


def _week_from_json(data: dict[str, Any], sessions: tuple[PlannedSession, ...]) -> PlanWeek:
    return PlanWeek(
        index=int(data["index"]),
        start=date.fromisoformat(data["start"]),
        phase=Phase(data["phase"]),
        run_km=float(data["run_km"]),
        strength_sessions=int(data["strength_sessions"]),
        sessions=sessions,
        deload=bool(data["deload"]),
        why=str(data["why"]),
    )


def _session_to_json(session: PlannedSession) -> dict[str, Any]:
    run = session.run
    return {
        "title": session.title,
        "why": session.why,
        "run": None
        if run is None
        else {
            "type": run.type.value,
            "distance_km": run.distance_km,
            "duration_min": run.duration_min,
            "why": run.why,
            "description": run.description,
        },
        "exercises": [
            {
                "slug": e.slug,
                "name": e.name,
                "category": e.category.value,
                "sets": e.sets,
                "reps": e.reps,
                "hold_s": e.hold_s,
                "per_side": e.per_side,
                "intensity": e.intensity,
                "rest_s": e.rest_s,
                "why": e.why,
                "heavy": e.heavy,
            }
            for e in session.exercises
        ],
    }


def _session_from_row(row: PlannedSessionRow) -> PlannedSession:
    body = row.body
    run = body.get("run")
    return PlannedSession(
        date=row.date,
        kind=row.kind,
        title=str(body["title"]),
        why=str(body["why"]),
        run=None
        if run is None
        else RunPrescription(
            type=RunType(run["type"]),
            distance_km=float(run["distance_km"]),
            duration_min=int(run["duration_min"]),
            why=str(run["why"]),
            description=str(run.get("description", "")),
        ),
        exercises=tuple(
            ExercisePrescription(
                slug=str(e["slug"]),
                name=str(e["name"]),
                category=Category(e["category"]),
                sets=int(e["sets"]),
                reps=e["reps"],
                hold_s=e["hold_s"],
                per_side=bool(e["per_side"]),
                intensity=str(e["intensity"]),
                rest_s=int(e["rest_s"]),
                why=str(e["why"]),
                heavy=bool(e.get("heavy", False)),
            )
            for e in body.get("exercises", ())
        ),
    )
