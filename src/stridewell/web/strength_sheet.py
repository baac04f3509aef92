"""The strength log sheet: one row per set (and per side), prefilled from a planned session.

The page and its JSON twin share it. A sheet lives in the form itself: hidden fields say which
exercise, side and set each row is, so a sheet sent back with an error, or with an exercise
added, comes back exactly as it was typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from stridewell.domain.athletes import ValidationError
from stridewell.domain.exercises.model import Exercise
from stridewell.domain.planning.dose import dose_for, prescribe
from stridewell.domain.planning.model import ExercisePrescription, PlannedSession
from stridewell.domain.strength_log import SetEntry, StrengthSession, exercise_by_slug, side_term
from stridewell.domain.vocab import Phase, Side
from stridewell.web.forms import FormState

ROWS_FIELD = "rows"
DONE = "1"
# A free-logged exercise gets the planner's base-phase dose (its second week, no cut-back).
FREE_PHASE = Phase.BASE
FREE_BLOCK_WEEK = 2
_FIRST_NUMBER = re.compile(r"\d+")


def row_field(index: int, name: str) -> str:
    return f"set-{index}-{name}"


@dataclass(frozen=True)
class SheetRow:
    """One set on one side, as the form shows it."""

    index: int
    exercise_slug: str
    side: Side
    number: int  # set number within the exercise
    timed: bool  # a hold (seconds) rather than reps
    rest_s: int

    def field(self, name: str) -> str:
        return row_field(self.index, name)

    @property
    def label(self) -> str:
        side = "" if self.side is Side.BOTH else f" · {self.side.value.capitalize()}"
        return f"Set {self.number}{side}"


@dataclass(frozen=True)
class SheetExercise:
    """The rows of one exercise, with the prescription they came from."""

    slug: str
    name: str
    target: str  # e.g. "3 × 12-15 reps per side · RPE 6"
    rest_s: int
    rows: tuple[SheetRow, ...]


@dataclass(frozen=True)
class LastSet:
    """What was lifted last time for an exercise and side (to start from)."""

    date: date
    reps: int | None
    load_kg: float | None
    hold_s: int | None


def prescription_rows(
    prescription: ExercisePrescription, last: dict[tuple[str, Side], LastSet]
) -> list[dict[str, str]]:
    """The rows of a planned exercise: every set, on each side when it is done one leg at a
    time, prefilled with the low end of the rep range and last time's load."""
    sides = (Side.LEFT, Side.RIGHT) if prescription.per_side else (Side.BOTH,)
    target = _target_text(
        prescription.sets,
        prescription.reps,
        prescription.hold_s,
        prescription.per_side,
        prescription.intensity,
    )
    return [
        _row_values(
            prescription.slug,
            side,
            number,
            target,
            prescription.rest_s,
            reps=_first_number(prescription.reps),
            hold_s=prescription.hold_s,
            last=last.get((prescription.slug, side)),
        )
        for number in range(1, prescription.sets + 1)
        for side in sides
    ]


def free_rows(exercise: Exercise, last: dict[tuple[str, Side], LastSet]) -> list[dict[str, str]]:
    """Rows for an exercise added by hand, with the planner's everyday dose for it."""
    dose = dose_for(exercise, FREE_PHASE, FREE_BLOCK_WEEK, cutback=False, light=False)
    prescription = prescribe(exercise, dose, exercise.why_runners)
    return prescription_rows(prescription, last)


def planned_sheet(
    planned: PlannedSession,
    planned_session_id: int,
    history: Sequence[StrengthSession],
    day: date,
) -> FormState:
    """The form for logging `planned` on `day`, one row per set and side."""
    last = last_sets(history)
    rows = [row for e in planned.exercises for row in prescription_rows(e, last)]
    return sheet_form(rows, {"date": day.isoformat(), "planned_session": str(planned_session_id)})


def sheet_form(rows: Iterable[dict[str, str]], values: dict[str, str]) -> FormState:
    form = FormState.initial(values)
    append_rows(form, rows)
    return form


def append_rows(form: FormState, rows: Iterable[dict[str, str]]) -> None:
    """Add rows (field → value, without the `set-<i>-` prefix) after the form's own."""
    index = row_count(form)
    for row in rows:
        for name, value in row.items():
            form.values[row_field(index, name)] = [value]
        index += 1
    form.values[ROWS_FIELD] = [str(index)]


def row_count(form: FormState) -> int:
    """The rows the form says it has, never more than the fields it holds: a tampered count
    (a billion, or 10**25) must not keep the server looping over empty rows."""
    return min(_count(form.value(ROWS_FIELD), 0), len(form.values))


def sheet_exercises(form: FormState) -> list[SheetExercise]:
    """The form's rows grouped by exercise, in the order they first appear."""
    groups: dict[str, list[SheetRow]] = {}
    targets: dict[str, str] = {}
    for index in range(row_count(form)):
        slug = form.value(row_field(index, "exercise"))
        try:
            exercise = exercise_by_slug(slug)
            side = side_term(form.value(row_field(index, "side")) or Side.BOTH.value)
        except ValidationError:
            continue  # a tampered row: not shown, never saved
        number = form.value(row_field(index, "number"))
        rest = form.value(row_field(index, "rest_s"))
        row = SheetRow(
            index=index,
            exercise_slug=exercise.slug,
            side=side,
            number=_count(number, 1),
            timed=form.value(row_field(index, "kind")) == "hold",
            rest_s=_count(rest, 60),
        )
        groups.setdefault(exercise.slug, []).append(row)
        targets.setdefault(exercise.slug, form.value(row_field(index, "target")))
    return [
        SheetExercise(
            slug=slug,
            name=exercise_by_slug(slug).name,
            target=targets[slug],
            rest_s=rows[0].rest_s,
            rows=tuple(rows),
        )
        for slug, rows in groups.items()
    ]


def done_sets(form: FormState) -> tuple[tuple[SetEntry, ...], dict[str, str]]:
    """The ticked rows as sets, and an error by field for each row that does not make sense."""
    entries: list[SetEntry] = []
    errors: dict[str, str] = {}
    for exercise in sheet_exercises(form):
        for row in exercise.rows:
            if form.value(row.field("done")) != DONE:
                continue
            try:
                entries.append(_row_entry(form, row))
            except ValidationError as error:
                message = str(error).removeprefix(f"{row.exercise_slug}: ")
                errors[_error_field(row, error.field)] = (
                    f"{exercise.name}, {row.label.lower()}: {message}"
                )
    return tuple(entries), errors


def _error_field(row: SheetRow, field: str | None) -> str:
    """The visible field of `row` an error belongs next to."""
    name = (field or "").removeprefix(f"set-{row.index}-")
    if name in ("reps", "hold_s", "load_kg", "rpe"):
        return row.field(name)
    return row.field("hold_s" if row.timed else "reps")


def set_entry(
    *,
    exercise: str,
    side: str,
    reps: int | None,
    load_kg: float | None,
    hold_s: int | None,
    rpe: float | None,
) -> SetEntry:
    """A checked set; `ValidationError` names the field at fault."""
    entry = SetEntry(
        exercise_slug=exercise_by_slug(exercise).slug,
        side=side_term(side),
        reps=reps,
        load_kg=load_kg,
        hold_s=hold_s,
        rpe=rpe,
    )
    entry.validate()
    return entry


def last_sets(history: Sequence[StrengthSession]) -> dict[tuple[str, Side], LastSet]:
    """The last logged set of each exercise and side (history oldest first)."""
    last: dict[tuple[str, Side], LastSet] = {}
    for logged in history:
        for entry in logged.sets:
            last[(entry.exercise_slug, entry.side)] = LastSet(
                logged.date, entry.reps, entry.load_kg, entry.hold_s
            )
    return last


def last_time_text(last: dict[tuple[str, Side], LastSet]) -> dict[str, str]:
    """`Last time, 3 Mar: 10 reps at 12 kg` for each exercise logged before."""
    texts: dict[str, str] = {}
    for (slug, _side), done in sorted(last.items(), key=lambda item: item[1].date):
        amount = f"{done.reps} reps" if done.reps is not None else f"{done.hold_s} s hold"
        load = "" if not done.load_kg else f" at {done.load_kg:g} kg"
        texts[slug] = f"Last time, {done.date.day} {done.date:%b}: {amount}{load}"
    return texts


def sheet_to_dict(form: FormState) -> dict[str, Any]:
    """A prefilled sheet as JSON: the exercises with a draft of each set."""
    return {
        "planned_session_id": int(form.value("planned_session"))
        if form.value("planned_session").isdigit()
        else None,
        "date": form.value("date"),
        "exercises": [
            {
                "exercise": exercise.slug,
                "name": exercise.name,
                "target": exercise.target,
                "rest_s": exercise.rest_s,
                "sets": [
                    {
                        "set": row.number,
                        "side": row.side.value,
                        "reps": _int_or_none(form.value(row.field("reps"))),
                        "hold_s": _int_or_none(form.value(row.field("hold_s"))),
                        "load_kg": _float_or_none(form.value(row.field("load_kg"))),
                    }
                    for row in exercise.rows
                ],
            }
            for exercise in sheet_exercises(form)
        ],
    }


def _row_entry(form: FormState, row: SheetRow) -> SetEntry:
    reps = None if row.timed else form.integer(row.field("reps"), "reps")
    hold_s = form.integer(row.field("hold_s"), "hold") if row.timed else None
    if reps is None and hold_s is None:
        missing = "hold_s" if row.timed else "reps"
        what = "the hold in seconds" if row.timed else "the reps"
        raise ValidationError(f"give {what}, or untick the set", missing)
    return set_entry(
        exercise=row.exercise_slug,
        side=row.side.value,
        reps=reps,
        load_kg=form.number(row.field("load_kg"), "load (kg)"),
        hold_s=hold_s,
        rpe=form.number(row.field("rpe"), "RPE"),
    )


def _row_values(
    slug: str,
    side: Side,
    number: int,
    target: str,
    rest_s: int,
    *,
    reps: int | None,
    hold_s: int | None,
    last: LastSet | None,
) -> dict[str, str]:
    load = None if last is None else last.load_kg
    return {
        "exercise": slug,
        "side": side.value,
        "number": str(number),
        "target": target,
        "rest_s": str(rest_s),
        "kind": "hold" if hold_s is not None else "reps",
        "reps": "" if reps is None else str(reps),
        "hold_s": "" if hold_s is None else str(hold_s),
        "load_kg": "" if load is None else f"{load:g}",
        "rpe": "",
    }


def _target_text(
    sets: int, reps: str | None, hold_s: int | None, per_side: bool, intensity: str
) -> str:
    amount = f"{reps} reps" if reps else f"{hold_s} s hold"
    if reps and not reps[-1].isdigit():
        amount = reps  # "6-8 contacts"
    side = " per side" if per_side else ""
    return f"{sets} × {amount}{side} · {intensity}"


def _first_number(text: str | None) -> int | None:
    found = None if text is None else _FIRST_NUMBER.search(text)
    return None if found is None else int(found.group())


def _count(text: str, default: int) -> int:
    """A small whole number from a hidden field (a row count, a set number, a rest), else
    `default`: digits beyond ASCII, or more than int() reads, are a tampered form."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 9 else default


def _int_or_none(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None


def _float_or_none(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None
