"""The training log kept by hand: strength sessions with their sets, soreness scores, and the
RPE added to an imported activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload

from stridewell.domain.strength_log import SetEntry, SorenessContext, SorenessEntry, StrengthSession
from stridewell.domain.vocab import Region, Side
from stridewell.store.models import (
    ActivityRow,
    PlannedSessionRow,
    PlanRow,
    SetEntryRow,
    SorenessRow,
    StrengthSessionRow,
)

# set_entry.side is stored as L | R | both (design.md data model).
_SIDE_CODES = {Side.LEFT: "L", Side.RIGHT: "R", Side.BOTH: "both"}
_SIDES_BY_CODE = {code: side for side, code in _SIDE_CODES.items()}


def side_from_code(code: str) -> Side:
    """The side of a stored set (L | R | both)."""
    return _SIDES_BY_CODE[code]


@dataclass(frozen=True)
class PlannedSessionRef:
    """Which athlete's plan a planned session belongs to, and what kind of session it is."""

    id: int
    athlete_id: int
    plan_id: int
    date: date
    kind: str  # strength | run | rest
    title: str


class StrengthLogRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, athlete_id: int, strength: StrengthSession) -> StrengthSession:
        """Insert the session with its sets (in the order given); returns it with its ids."""
        row = StrengthSessionRow(
            athlete_id=athlete_id,
            date=strength.date,
            planned_session_id=strength.planned_session_id,
            duration_s=strength.duration_s,
            rpe=strength.rpe,
            notes=strength.notes,
        )
        row.sets = [
            SetEntryRow(
                exercise_slug=entry.exercise_slug,
                order=order,
                side=_SIDE_CODES[entry.side],
                reps=entry.reps,
                load_kg=entry.load_kg,
                hold_s=entry.hold_s,
                rpe=entry.rpe,
            )
            for order, entry in enumerate(strength.sets)
        ]
        self.session.add(row)
        self.session.flush()
        return strength_session_from_row(row)

    def get(self, session_id: int) -> StrengthSession | None:
        query = (
            select(StrengthSessionRow)
            .where(StrengthSessionRow.id == session_id)
            .options(selectinload(StrengthSessionRow.sets))
        )
        row = self.session.scalar(query)
        return None if row is None else strength_session_from_row(row)

    def delete(self, session_id: int) -> bool:
        """Delete the session; its sets go with it (the database cascades). False when there
        is no such session."""
        row = self.session.get(StrengthSessionRow, session_id)
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        return True

    def list_for(
        self,
        athlete_id: int,
        start: date | None = None,
        end: date | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StrengthSession]:
        """The athlete's sessions from `start` to `end` (both included), oldest first; a page of
        them with `limit`/`offset` (sets are read for that page only). Two queries of plain
        columns: years of sessions would spend most of their time building ORM objects."""
        self.session.flush()
        connection = self.session.connection()
        query = (
            _in_days(
                select(
                    StrengthSessionRow.id,
                    StrengthSessionRow.date,
                    StrengthSessionRow.planned_session_id,
                    StrengthSessionRow.duration_s,
                    StrengthSessionRow.rpe,
                    StrengthSessionRow.notes,
                ),
                StrengthSessionRow,
                athlete_id,
                start,
                end,
            )
            .order_by(StrengthSessionRow.date, StrengthSessionRow.id)
            .offset(offset)
            .limit(limit)
        )
        sessions = connection.execute(query).all()
        if not sessions:
            return []
        sets_query = select(
            SetEntryRow.session_id,
            SetEntryRow.exercise_slug,
            SetEntryRow.side,
            SetEntryRow.reps,
            SetEntryRow.load_kg,
            SetEntryRow.hold_s,
            SetEntryRow.rpe,
        ).order_by(SetEntryRow.session_id, SetEntryRow.order)
        if limit is None and offset == 0:
            # Every session in the range: join rather than list thousands of ids.
            sets_query = _in_days(
                sets_query.join(
                    StrengthSessionRow, StrengthSessionRow.id == SetEntryRow.session_id
                ),
                StrengthSessionRow,
                athlete_id,
                start,
                end,
            )
        else:
            sets_query = sets_query.where(SetEntryRow.session_id.in_([row[0] for row in sessions]))
        sets: dict[int, list[SetEntry]] = {}
        for session_id, slug, side, reps, load_kg, hold_s, rpe in connection.execute(sets_query):
            sets.setdefault(session_id, []).append(
                SetEntry(slug, _SIDES_BY_CODE[side], reps, load_kg, hold_s, rpe)
            )
        return [
            StrengthSession(
                id=session_id,
                athlete_id=athlete_id,
                date=day,
                planned_session_id=planned_session_id,
                duration_s=duration_s,
                rpe=rpe,
                notes=notes,
                sets=tuple(sets.get(session_id, ())),
            )
            for session_id, day, planned_session_id, duration_s, rpe, notes in sessions
        ]

    def count_for(self, athlete_id: int, start: date | None = None, end: date | None = None) -> int:
        query = _in_days(
            select(func.count(StrengthSessionRow.id)), StrengthSessionRow, athlete_id, start, end
        )
        return int(self.session.scalar(query) or 0)

    def planned_session(self, planned_session_id: int) -> PlannedSessionRef | None:
        query = (
            select(PlannedSessionRow, PlanRow.athlete_id)
            .join(PlanRow, PlannedSessionRow.plan_id == PlanRow.id)
            .where(PlannedSessionRow.id == planned_session_id)
        )
        found = self.session.execute(query).first()
        if found is None:
            return None
        row, athlete_id = found
        return PlannedSessionRef(
            id=row.id,
            athlete_id=athlete_id,
            plan_id=row.plan_id,
            date=row.date,
            kind=row.kind,
            title=str(row.body.get("title", "")),
        )


class SorenessRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_all(self, athlete_id: int, entries: tuple[SorenessEntry, ...]) -> list[SorenessEntry]:
        rows = [
            SorenessRow(
                athlete_id=athlete_id,
                date=entry.date,
                context=entry.context.value,
                region=entry.region.value,
                side=entry.side.value,
                score=entry.score,
            )
            for entry in entries
        ]
        self.session.add_all(rows)
        self.session.flush()
        return [soreness_from_row(row) for row in rows]

    def get(self, entry_id: int) -> SorenessEntry | None:
        row = self.session.get(SorenessRow, entry_id)
        return None if row is None else soreness_from_row(row)

    def delete(self, entry_id: int) -> bool:
        """Delete one score; False when there is no such score."""
        row = self.session.get(SorenessRow, entry_id)
        if row is None:
            return False
        self.session.delete(row)
        self.session.flush()
        return True

    def list_for(
        self,
        athlete_id: int,
        start: date | None = None,
        end: date | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[SorenessEntry]:
        """The athlete's scores from `start` to `end` (both included), oldest first; a page of
        them with `limit`/`offset`."""
        query = (
            _in_days(select(SorenessRow), SorenessRow, athlete_id, start, end)
            .order_by(SorenessRow.date, SorenessRow.id)
            .offset(offset)
            .limit(limit)
        )
        return [soreness_from_row(row) for row in self.session.scalars(query)]

    def count_for(self, athlete_id: int, start: date | None = None, end: date | None = None) -> int:
        query = _in_days(select(func.count(SorenessRow.id)), SorenessRow, athlete_id, start, end)
        return int(self.session.scalar(query) or 0)


class ActivityRpeRepository:
    """The one field of an imported activity the athlete edits by hand: its RPE."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def owner(self, activity_id: int) -> int | None:
        """The id of the athlete the activity belongs to (None: no such activity)."""
        return self.session.scalar(
            select(ActivityRow.athlete_id).where(ActivityRow.id == activity_id)
        )

    def set_rpe(self, activity_id: int, rpe: float | None) -> bool:
        row = self.session.get(ActivityRow, activity_id)
        if row is None:
            return False
        row.rpe = rpe
        self.session.flush()
        return True


_Select = TypeVar("_Select", bound=Select[*tuple[Any, ...]])


def _in_days(
    query: _Select,
    row: type[StrengthSessionRow] | type[SorenessRow],
    athlete_id: int,
    start: date | None,
    end: date | None,
) -> _Select:
    """`query` limited to the athlete's rows dated from `start` to `end` (both included)."""
    query = query.where(row.athlete_id == athlete_id)
    if start is not None:
        query = query.where(row.date >= start)
    if end is not None:
        query = query.where(row.date <= end)
    return query


def strength_session_from_row(row: StrengthSessionRow) -> StrengthSession:
    return StrengthSession(
        id=row.id,
        athlete_id=row.athlete_id,
        date=row.date,
        planned_session_id=row.planned_session_id,
        duration_s=row.duration_s,
        rpe=row.rpe,
        notes=row.notes,
        sets=tuple(
            SetEntry(
                exercise_slug=entry.exercise_slug,
                side=_SIDES_BY_CODE[entry.side],
                reps=entry.reps,
                load_kg=entry.load_kg,
                hold_s=entry.hold_s,
                rpe=entry.rpe,
            )
            for entry in sorted(row.sets, key=lambda s: s.order)
        ),
    )


def soreness_from_row(row: SorenessRow) -> SorenessEntry:
    return SorenessEntry(
        id=row.id,
        athlete_id=row.athlete_id,
        date=row.date,
        context=SorenessContext(row.context),
        region=Region(row.region),
        side=Side(row.side),
        score=row.score,
    )
