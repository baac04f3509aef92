"""A plan as Rich tables: one per week, a row per session, with its run and exercises."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from stridewell.domain.athletes import distance_label, format_duration
from stridewell.domain.planning.model import ExercisePrescription, Plan, PlannedSession, PlanWeek


def print_plan(console: Console, plan: Plan) -> None:
    console.print(_heading(plan), style="bold")
    for week in plan.weeks:
        console.print(week_table(week))
    for note in plan.notes:
        console.print(f"• {note}")


def _heading(plan: Plan) -> str:
    span = f"{plan.start.isoformat()} to {plan.end.isoformat()}, {len(plan.weeks)} weeks"
    if plan.race is None:
        return f"Plan {span} (no goal race)"
    race = plan.race
    goal = f", goal {format_duration(race.goal_s)}" if race.goal_s is not None else ""
    return (
        f"Plan {span}: {race.name} ({distance_label(race.distance_m)})"
        f" on {race.date.isoformat()}{goal}"
    )


def week_table(week: PlanWeek) -> Table:
    title = (
        f"Week {week.index} · {week.phase.value} · from {week.start.isoformat()} · "
        f"{week.run_km:g} km · {week.strength_sessions} strength"
        + (" · deload" if week.deload else "")
    )
    table = Table(title=title, title_justify="left", caption=week.why or None, show_lines=True)
    table.add_column("day", no_wrap=True)
    table.add_column("session")
    table.add_column("run")
    table.add_column("strength")
    for session in week.sessions:
        table.add_row(
            session.date.strftime("%a %d %b"),
            session.title,
            _run_text(session),
            "\n".join(_exercise_text(e) for e in session.exercises),
        )
    return table


def _run_text(session: PlannedSession) -> str:
    run = session.run
    if run is None:
        return ""
    return f"{run.type.value} {run.distance_km:g} km, {run.duration_min} min"


def _exercise_text(exercise: ExercisePrescription) -> str:
    amount = exercise.reps if exercise.reps is not None else f"{exercise.hold_s} s"
    per_side = " per side" if exercise.per_side else ""
    return f"{exercise.name}: {exercise.sets} × {amount}{per_side}, {exercise.intensity}"
