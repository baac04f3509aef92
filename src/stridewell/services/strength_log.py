"""Strength sessions as logged: from command-line set specs or a YAML/CSV session file, checked
against the exercise library, stored in one transaction, and listed as JSON.

Set spec (one per `--set`): `slug:side:reps[:load_kg][:rpe]` or `slug:side:hold=30s`; fields
after the side may also be named (`reps=12`, `load=20kg`, `hold=45s`, `rpe=7`), and positional
ones may be left empty (`clamshell:left:15::7`).

Session file, YAML::

    date: 2026-03-10
    duration: 45          # minutes, or "0:45:00"
    rpe: 7                # session RPE, 0-10
    planned_session: 12   # optional: the planned session this fulfils
    notes: felt strong
    sets:
      - {exercise: single-leg-rdl, side: left, reps: 10, load_kg: 12, rpe: 7}
      - {exercise: side-plank, side: right, hold_s: 30}

Session file, CSV: one row per set with the columns `exercise, side, reps, load_kg, hold_s, rpe`
and, on any row (repeats must agree), the session's `date, duration, session_rpe,
planned_session, notes`.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.orm import Session

from stridewell.domain.athletes import ValidationError
from stridewell.domain.strength_log import SetEntry, StrengthSession, exercise_by_slug, side_term
from stridewell.services import parsing
from stridewell.services.athletes import get_athlete
from stridewell.services.errors import NotFoundError
from stridewell.store.repositories.logs import StrengthLogRepository

MAX_FILE_BYTES = 1_000_000  # a session file is a few hundred bytes; refuse anything huge

_SET_FIELDS = ("reps", "load_kg", "rpe")  # positional order after exercise and side
_SET_KEYS = {
    "reps": "reps",
    "load": "load_kg",
    "load_kg": "load_kg",
    "kg": "load_kg",
    "hold": "hold_s",
    "hold_s": "hold_s",
    "rpe": "rpe",
}
_FILE_SET_KEYS = {**_SET_KEYS, "exercise": "exercise", "slug": "exercise", "side": "side"}
_SESSION_KEYS = ("date", "duration", "rpe", "planned_session", "notes", "sets")
_CSV_SESSION_COLUMNS = {
    "date": "date",
    "duration": "duration",
    "session_rpe": "rpe",
    "planned_session": "planned_session",
    "notes": "notes",
}


@dataclass(frozen=True)
class SessionDraft:
    """What a session file or the command line said, before the session is checked."""

    date: str | None = None
    duration: str | None = None
    rpe: float | None = None
    planned_session: int | None = None
    notes: str | None = None
    sets: tuple[SetEntry, ...] = field(default=())


def strength_session_from_text(
    *,
    day: str | None = None,
    duration: str | None = None,
    rpe: float | None = None,
    planned_session_id: int | None = None,
    set_specs: Sequence[str] = (),
    file: Path | None = None,
    notes: str | None = None,
    default_day: date | None = None,
) -> StrengthSession:
    """A `StrengthSession` from typed-in values and/or a session file.

    Values given here win over the file's; `set_specs` are added after the file's sets; with no
    date anywhere the session is on `default_day`. Bad input raises `ValidationError` naming
    the set or field.
    """
    draft = read_session_file(file) if file is not None else SessionDraft()
    draft = replace(
        draft,
        date=day if day is not None else draft.date,
        duration=duration if duration is not None else draft.duration,
        rpe=rpe if rpe is not None else draft.rpe,
        planned_session=(
            planned_session_id if planned_session_id is not None else draft.planned_session
        ),
        notes=notes if notes is not None else draft.notes,
        sets=draft.sets + tuple(parse_set(spec) for spec in set_specs),
    )
    if draft.date is None and default_day is not None:
        draft = replace(draft, date=default_day.isoformat())
    if draft.date is None:
        raise ValidationError("the session needs a date (--date or `date:` in the file)", "date")
    return StrengthSession(
        date=parsing.iso_date(draft.date, "date"),
        sets=draft.sets,
        duration_s=None if draft.duration is None else duration_s(draft.duration),
        rpe=draft.rpe,
        planned_session_id=draft.planned_session,
        notes=(draft.notes or "").strip(),
    )


def log_strength_session(
    session: Session, athlete_id: int, strength: StrengthSession, today: date
) -> StrengthSession:
    """Check the session (exercises, sides, ranges, planned session) and store it with its sets,
    all or nothing; returns it with its id."""
    get_athlete(session, athlete_id)
    strength.validate(today)
    repository = StrengthLogRepository(session)
    if strength.planned_session_id is not None:
        planned = repository.planned_session(strength.planned_session_id)
        if planned is None or planned.athlete_id != athlete_id:
            raise NotFoundError(
                f"no planned session with id {strength.planned_session_id} in this athlete's plans"
            )
        if planned.kind != "strength":
            raise ValidationError(
                f"planned session {planned.id} ({planned.date.isoformat()}, {planned.title}) is "
                f"a {planned.kind} session, not a strength session",
                "planned_session",
            )
    canonical = tuple(
        replace(entry, exercise_slug=exercise_by_slug(entry.exercise_slug).slug)
        for entry in strength.sets
    )
    return repository.add(athlete_id, replace(strength, sets=canonical))


def list_strength_sessions(
    session: Session,
    athlete_id: int,
    start: date | None = None,
    end: date | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[StrengthSession]:
    """The athlete's strength sessions with their sets, oldest first."""
    get_athlete(session, athlete_id)
    repository = StrengthLogRepository(session)
    return repository.list_for(athlete_id, start, end, limit=limit, offset=offset)


def get_strength_session(session: Session, athlete_id: int, session_id: int) -> StrengthSession:
    """The athlete's logged session with its sets; `NotFoundError` for another athlete's or
    none."""
    get_athlete(session, athlete_id)
    found = StrengthLogRepository(session).get(session_id)
    if found is None or found.athlete_id != athlete_id:
        raise NotFoundError(f"no strength session with id {session_id} for this athlete")
    return found


def delete_strength_session(session: Session, athlete_id: int, session_id: int) -> StrengthSession:
    """Remove a logged session with its sets (a mistake, a duplicate); returns it as it was.
    Its planned session counts as not done again, and the load watch, hard sets and adherence
    no longer count it."""
    found = get_strength_session(session, athlete_id, session_id)
    StrengthLogRepository(session).delete(session_id)
    return found


def count_strength_sessions(
    session: Session, athlete_id: int, start: date | None = None, end: date | None = None
) -> int:
    """How many sessions `list_strength_sessions` lists without `limit`."""
    get_athlete(session, athlete_id)
    return StrengthLogRepository(session).count_for(athlete_id, start, end)


def strength_session_to_dict(strength: StrengthSession) -> dict[str, Any]:
    return {
        "id": strength.id,
        "athlete_id": strength.athlete_id,
        "date": strength.date.isoformat(),
        "duration_s": strength.duration_s,
        "rpe": strength.rpe,
        "planned_session_id": strength.planned_session_id,
        "notes": strength.notes,
        "tonnage_kg": strength.tonnage_kg,
        "sets": [
            {
                "exercise": entry.exercise_slug,
                "name": exercise_by_slug(entry.exercise_slug).name,
                "side": entry.side.value,
                "reps": entry.reps,
                "load_kg": entry.load_kg,
                "hold_s": entry.hold_s,
                "rpe": entry.rpe,
            }
            for entry in strength.sets
        ],
    }


# --- parsing ----------------------------------------------------------------------------------


def duration_s(text: str) -> int:
    """Minutes (`45`, `37.5`) or a clock time (`0:45:00`, `45:00`) to seconds."""
    value = text.strip()
    if ":" in value:
        return parsing.duration_s(value, "duration")
    minutes = _number(value, "duration (minutes)")
    return round(minutes * 60)


def parse_set(spec: str) -> SetEntry:
    """One `--set` value (see the module docstring)."""
    parts = [part.strip() for part in spec.split(":")]
    if len(parts) < 3 or not parts[0] or not parts[1]:
        raise ValidationError(
            f"set {spec!r}: expected exercise:side:reps[:load_kg][:rpe] or exercise:side:hold=30s",
            "set",
        )
    values: dict[str, str] = {}
    positional = 0
    for part in parts[2:]:
        if "=" in part:
            key, _, value = part.partition("=")
            name = _SET_KEYS.get(key.strip().lower())
            if name is None:
                allowed = ", ".join(sorted(set(_SET_KEYS)))
                raise ValidationError(
                    f"set {spec!r}: unknown field {key.strip()!r} (use {allowed})", "set"
                )
        else:
            if positional >= len(_SET_FIELDS):
                raise ValidationError(
                    f"set {spec!r}: too many fields; expected exercise:side:reps:load_kg:rpe",
                    "set",
                )
            name, value = _SET_FIELDS[positional], part
            positional += 1
        if value.strip():
            if name in values:
                raise ValidationError(f"set {spec!r}: {name} is given twice", "set")
            values[name] = value
    try:
        return _set_entry(parts[0], parts[1], values)
    except ValidationError as error:
        raise ValidationError(f"set {spec!r}: {error}", error.field) from None


def _set_entry(exercise: str, side: str, values: Mapping[str, object]) -> SetEntry:
    return SetEntry(
        exercise_slug=exercise_by_slug(exercise).slug,
        side=side_term(side),
        reps=_optional_int(values.get("reps"), "reps"),
        load_kg=_optional_load(values.get("load_kg")),
        hold_s=_optional_hold(values.get("hold_s")),
        rpe=_optional_number(values.get("rpe"), "RPE"),
    )


def read_session_file(path: Path) -> SessionDraft:
    """A session from a `.yaml`/`.yml` or `.csv` file (see the module docstring)."""
    suffix = path.suffix.lower()
    if suffix not in (".yaml", ".yml", ".csv"):
        raise ValidationError(
            f"{path.name}: a session file must end in .yaml, .yml or .csv", "file"
        )
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ValidationError(f"{path.name}: too large for a session file", "file")
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise ValidationError(f"cannot read {path}: {error.strerror or error}", "file") from None
    except UnicodeDecodeError:
        raise ValidationError(f"{path.name}: not a UTF-8 text file", "file") from None
    try:
        return session_from_csv(text) if suffix == ".csv" else session_from_yaml(text)
    except ValidationError as error:
        raise ValidationError(f"{path.name}: {error}", error.field) from None


class _SessionYamlLoader(yaml.SafeLoader):
    """Safe YAML, except that `45:00` stays text (YAML 1.1 reads it as the number 2700)."""


_CLOCK = re.compile(r"^[0-9]+(?::[0-9]+)+$")
_SessionYamlLoader.yaml_implicit_resolvers = {
    key: ([("tag:yaml.org,2002:str", _CLOCK)] if key.isdigit() else []) + list(resolvers)
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def session_from_yaml(text: str) -> SessionDraft:
    try:
        data = yaml.load(text, Loader=_SessionYamlLoader)  # a SafeLoader: no object tags
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ValidationError(f"not valid YAML{where}", "file") from None
    if not isinstance(data, dict):
        raise ValidationError("expected a mapping with date, duration, rpe and sets", "file")
    unknown = sorted(str(key) for key in data if key not in _SESSION_KEYS)
    if unknown:
        raise ValidationError(
            f"unknown field {unknown[0]!r} (use {', '.join(_SESSION_KEYS)})", "file"
        )
    raw_sets = data.get("sets") or []
    if not isinstance(raw_sets, list):
        raise ValidationError("`sets` must be a list", "sets")
    sets = []
    for number, item in enumerate(raw_sets, start=1):
        if not isinstance(item, dict):
            raise ValidationError(f"set {number}: expected exercise, side, reps…", "sets")
        sets.append(_file_set(number, {str(k): v for k, v in item.items()}))
    return SessionDraft(
        date=_text(data.get("date")),
        duration=_text(data.get("duration")),
        rpe=_optional_number(data.get("rpe"), "session RPE"),
        planned_session=_optional_int(data.get("planned_session"), "planned_session"),
        notes=_text(data.get("notes")),
        sets=tuple(sets),
    )


def session_from_csv(text: str) -> SessionDraft:
    reader = csv.DictReader(io.StringIO(text))
    columns = [name.strip().lower() for name in reader.fieldnames or []]
    allowed = {*_CSV_SESSION_COLUMNS, *(k for k in _FILE_SET_KEYS if k not in ("kg",))}
    unknown = [name for name in columns if name not in allowed]
    if unknown:
        raise ValidationError(
            f"unknown column {unknown[0]!r} (use {', '.join(sorted(allowed))})", "file"
        )
    if "exercise" not in columns and "slug" not in columns:
        raise ValidationError("the CSV needs an `exercise` column", "file")
    session_values: dict[str, str] = {}
    sets = []
    for number, raw in enumerate(reader, start=1):
        row = {
            (key or "").strip().lower(): (value or "").strip()
            for key, value in raw.items()
            if not isinstance(value, list)  # extra cells beyond the header
        }
        if not any(row.values()):
            continue
        for column, name in _CSV_SESSION_COLUMNS.items():
            value = row.pop(column, "")
            if not value:
                continue
            if name in session_values and session_values[name] != value:
                raise ValidationError(
                    f"row {number}: {column} {value!r} differs from {session_values[name]!r}",
                    column,
                )
            session_values[name] = value
        if any(row.values()):
            sets.append(_file_set(number, {k: v for k, v in row.items() if v}))
    return SessionDraft(
        date=session_values.get("date"),
        duration=session_values.get("duration"),
        rpe=_optional_number(session_values.get("rpe"), "session RPE"),
        planned_session=_optional_int(session_values.get("planned_session"), "planned_session"),
        notes=session_values.get("notes"),
        sets=tuple(sets),
    )


def _file_set(number: int, item: Mapping[str, object]) -> SetEntry:
    values: dict[str, object] = {}
    for key, value in item.items():
        name = _FILE_SET_KEYS.get(key.strip().lower())
        if name is None:
            allowed = ", ".join(("exercise", "side", "reps", "load_kg", "hold_s", "rpe"))
            raise ValidationError(f"set {number}: unknown field {key!r} (use {allowed})", "sets")
        values[name] = value
    exercise = _text(values.pop("exercise", None))
    if not exercise:
        raise ValidationError(f"set {number}: the exercise is missing", "exercise")
    side = _text(values.pop("side", None)) or "both"
    try:
        return _set_entry(exercise, side, values)
    except ValidationError as error:
        raise ValidationError(f"set {number} ({exercise}): {error}", error.field) from None


def _text(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value).strip()


def _number(value: object, what: str) -> float:
    if isinstance(value, bool):
        raise ValidationError(f"{what} {value!r} is not a number", what)
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(str(value).strip())
        except ValueError:
            raise ValidationError(f"{what} {value!r} is not a number", what) from None
    if not math.isfinite(number):
        raise ValidationError(f"{what} {value!r} is not a number", what)
    return number


def _optional_number(value: object, what: str) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return _number(value, what)


def _optional_int(value: object, what: str) -> int | None:
    number = _optional_number(value, what)
    if number is None:
        return None
    if not number.is_integer():
        raise ValidationError(f"{what} {value!r} is not a whole number", what)
    return int(number)


def _optional_load(value: object) -> float | None:
    if isinstance(value, str) and value.strip().lower().endswith("kg"):
        value = value.strip()[:-2]
    return _optional_number(value, "load_kg")


def _optional_hold(value: object) -> int | None:
    if isinstance(value, str) and value.strip().lower().endswith("s"):
        value = value.strip()[:-1]
    return _optional_int(value, "hold_s")
