"""Exports for other tools: the latest plan as an iCalendar file, and the data as CSV files.

The full backup (`stridewell export json`) lives in `services.backup`.
"""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event
from sqlalchemy import ColumnElement, Table, select
from sqlalchemy.orm import Session

from stridewell import __version__
from stridewell.domain.planning.model import ExercisePrescription, Plan, PlannedSession
from stridewell.services.athletes import get_athlete
from stridewell.services.errors import NotFoundError
from stridewell.store.models import AthleteRow, Base, PlannedSessionRow
from stridewell.store.repositories import PlanRepository

PRODID = f"-//Stridewell//Training plan {__version__}//EN"
UID_DOMAIN = "stridewell"

# --- iCalendar --------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanCalendar:
    plan_id: int
    events: int  # one per run or strength session (rest days are left out)
    ical: bytes  # RFC 5545 text, CRLF line ends, folded and escaped by the icalendar package


def plan_calendar(session: Session, athlete_id: int) -> PlanCalendar:
    """The athlete's latest plan as a calendar: one all-day event per run or strength session.

    UIDs name the athlete (not the plan) with the day, the kind and its number that day, so
    importing a regenerated plan updates the events of the same days instead of doubling them;
    SEQUENCE is the plan's id and DTSTAMP the plan's creation time, so a newer plan wins.
    """
    athlete = get_athlete(session, athlete_id)
    stored = PlanRepository(session).latest(athlete_id)
    if stored is None:
        raise NotFoundError("no plan yet; make one with `stridewell plan generate`")
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Stridewell — {athlete.name}")
    key = _athlete_key(session, athlete_id)
    events = 0
    for event in _plan_events(stored.plan, key, stored.id, stored.created_utc):
        calendar.add_component(event)
        events += 1
    return PlanCalendar(plan_id=stored.id, events=events, ical=calendar.to_ical())


def exercise_line(exercise: ExercisePrescription) -> str:
    """One exercise as a line: `Clamshell — 3×12-15 each side, RPE 7, rest 60 s: why`."""
    if exercise.reps is not None:
        dose = f"{exercise.sets}×{exercise.reps}"
    elif exercise.hold_s is not None:
        dose = f"{exercise.sets}×{exercise.hold_s} s hold"
    else:
        dose = f"{exercise.sets} sets"
    if exercise.per_side:
        dose += " each side"
    parts = [dose, exercise.intensity, f"rest {exercise.rest_s} s"]
    text = f"{exercise.name} — " + ", ".join(part for part in parts if part)
    return f"{text}: {exercise.why}" if exercise.why else text


def session_description(session: PlannedSession, week_text: str) -> str:
    """What a calendar event says: why, then the run or each exercise, then the week."""
    lines = [session.why] if session.why else []
    run = session.run
    if run is not None:
        lines.append("")
        lines.append(
            f"{run.type.value.replace('_', ' ').capitalize()} run: {run.distance_km:g} km,"
            f" about {run.duration_min} min."
        )
        if run.description:
            lines.append(run.description)
        if run.why and run.why != session.why:
            lines.append(run.why)
    if session.exercises:
        lines.append("")
        lines.extend(exercise_line(exercise) for exercise in session.exercises)
    lines.extend(["", week_text])
    return "\n".join(lines).strip()


def _plan_events(plan: Plan, key: str, plan_id: int, stamp: datetime) -> Iterator[Event]:
    numbers: dict[tuple[date, str], int] = {}
    for week in plan.weeks:
        phase = week.phase.value.replace("_", " ")
        week_text = f"Week {week.index} of {len(plan.weeks)} · {phase} phase"
        for session in week.sessions:
            if session.kind == "rest":
                continue
            number = numbers.get((session.date, session.kind), 0) + 1
            numbers[(session.date, session.kind)] = number
            event = Event()
            event.add("uid", f"{session.date:%Y%m%d}-{session.kind}-{number}-{key}@{UID_DOMAIN}")
            event.add("dtstamp", stamp)
            event.add("sequence", plan_id)
            event.add("dtstart", session.date)
            event.add("dtend", session.date + timedelta(days=1))
            event.add("summary", session.title)
            event.add("description", session_description(session, week_text))
            categories = [session.kind, week.phase.value]
            if session.run is not None:
                categories.append(session.run.type.value)
            event.add("categories", categories)
            # A training session should not mark the whole day as busy.
            event.add("transp", "TRANSPARENT")
            yield event


def _athlete_key(session: Session, athlete_id: int) -> str:
    """A short key unique to this athlete in this database (id + creation time), for UIDs."""
    created = session.scalar(select(AthleteRow.created_utc).where(AthleteRow.id == athlete_id))
    seed = f"{athlete_id}:{created.isoformat() if created is not None else ''}"
    return hashlib.sha256(seed.encode()).hexdigest()[:12]


# --- CSV --------------------------------------------------------------------------------------

# File names for the tables people ask for by name; other tables keep their table name.
CSV_NAMES = {
    "athlete": "athletes",
    "injury": "injuries",
    "race": "races",
    "plan": "plans",
    "planned_session": "plan_sessions",
    "activity": "activities",
    "lap": "laps",
    "best_effort": "best_efforts",
    "strength_session": "strength_sessions",
    "set_entry": "sets",
    "soreness": "soreness",
}
# Accounts (password hashes) and the binary stream blobs stay out of CSV; `export json` has all.
CSV_EXCLUDED = frozenset({"user", "coach_athlete", "activity_stream"})
PLAN_SESSION_COLUMNS = (
    "id",
    "plan_id",
    "week_index",
    "order",
    "date",
    "kind",
    "title",
    "why",
    "run_type",
    "run_distance_km",
    "run_duration_min",
    "run_description",
    "exercises",
)


@dataclass(frozen=True)
class CsvTable:
    name: str  # file name without .csv
    table: str  # the database table it comes from
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def text(self) -> str:
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return buffer.getvalue()


def csv_tables(session: Session, athlete_id: int | None = None) -> list[CsvTable]:
    """One CSV table per database table (see CSV_NAMES), every athlete's or one athlete's rows.

    Tables added later (e.g. the rehab log) are included under their table name. JSON columns
    are written as JSON text, dates and times in ISO 8601 (times in UTC), empty for no value.
    """
    if athlete_id is not None:
        get_athlete(session, athlete_id)
    tables = []
    for table in _csv_order():
        scope = None if athlete_id is None else athlete_scope(table, athlete_id)
        if athlete_id is not None and scope is None:
            continue  # a table with no path to an athlete holds nobody's training data
        name = CSV_NAMES.get(table.name, table.name)
        if table.name == "planned_session":
            rows = _plan_session_rows(session, scope)
            tables.append(CsvTable(name, table.name, PLAN_SESSION_COLUMNS, rows))
            continue
        query = select(table).order_by(*table.primary_key.columns)
        if scope is not None:
            query = query.where(scope)
        columns = tuple(column.name for column in table.columns)
        rows = tuple(tuple(csv_cell(value) for value in row) for row in session.execute(query))
        tables.append(CsvTable(name, table.name, columns, rows))
    return tables


def write_csv(tables: list[CsvTable], directory: Path) -> list[Path]:
    """Write each table as `<name>.csv` (UTF-8, header row) into `directory`, made if missing."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in tables:
        path = directory / f"{table.name}.csv"
        path.write_text(table.text(), encoding="utf-8", newline="")
        paths.append(path)
    return paths


def csv_cell(value: Any) -> str:
    """A stored value as CSV text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return str(value)


def _csv_order() -> list[Table]:
    """The named tables in the order of CSV_NAMES, then any others, parents first."""
    known = Base.metadata.tables
    named = [known[name] for name in CSV_NAMES if name in known]
    others = [
        table
        for table in Base.metadata.sorted_tables
        if table.name not in CSV_NAMES and table.name not in CSV_EXCLUDED
    ]
    return named + others


def athlete_scope(table: Table, athlete_id: int) -> ColumnElement[bool] | None:
    """A condition selecting the rows of `table` that belong to the athlete, or None.

    Rows belong through an `athlete_id` column, or through a required reference to a row that
    belongs (a lap through its activity, a set through its strength session…).
    """
    if table.name == "athlete":
        return table.c.id == athlete_id
    if "athlete_id" in table.c:
        return table.c.athlete_id == athlete_id
    for foreign_key in sorted(table.foreign_keys, key=lambda fk: fk.parent.name):
        if foreign_key.parent.nullable:
            continue
        parent = foreign_key.column.table
        parent_scope = athlete_scope(parent, athlete_id)
        if parent_scope is not None:
            owners = select(foreign_key.column).where(parent_scope)
            return foreign_key.parent.in_(owners)
    return None


def _plan_session_rows(
    session: Session, scope: ColumnElement[bool] | None
) -> tuple[tuple[str, ...], ...]:
    """Planned sessions flattened: the run's fields and the exercises as one line each."""
    query = select(
        PlannedSessionRow.id,
        PlannedSessionRow.plan_id,
        PlannedSessionRow.week_index,
        PlannedSessionRow.order,
    ).order_by(PlannedSessionRow.plan_id, PlannedSessionRow.order)
    if scope is not None:
        query = query.where(scope)
    by_plan: dict[int, list[tuple[int, int, int]]] = {}
    for session_id, plan_id, week_index, order in session.execute(query):
        by_plan.setdefault(plan_id, []).append((session_id, week_index, order))
    repository = PlanRepository(session)
    rows = []
    for plan_id, stored_rows in by_plan.items():
        stored = repository.get(plan_id)
        assert stored is not None
        # The repository returns the sessions in their stored order, so they pair up.
        for (session_id, week_index, order), planned in zip(
            stored_rows, stored.plan.sessions(), strict=True
        ):
            run = planned.run
            values: tuple[Any, ...] = (
                session_id,
                plan_id,
                week_index,
                order,
                planned.date,
                planned.kind,
                planned.title,
                planned.why,
                None if run is None else run.type.value,
                None if run is None else run.distance_km,
                None if run is None else run.duration_min,
                None if run is None else run.description,
                "\n".join(exercise_line(exercise) for exercise in planned.exercises),
            )
            rows.append(tuple(csv_cell(value) for value in values))
    return tuple(rows)
