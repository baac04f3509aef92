"""`stridewell exercises`: browse the exercise library."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from stridewell.cli.context import FormatOption, OutputFormat, user_errors
from stridewell.cli.output import print_json, print_table
from stridewell.domain.vocab import Category, Equipment, Muscle
from stridewell.services import parsing
from stridewell.services.exercises import exercise_to_dict, list_exercises


def exercises(
    muscle: Annotated[
        str | None, typer.Option(metavar="MUSCLE", help="e.g. gluteus_medius, adductors.")
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            metavar="CATEGORY",
            help="compound, glute_accessory, activation, core, plyometric, calf_foot, mobility.",
        ),
    ] = None,
    equipment: Annotated[
        str | None,
        typer.Option(metavar="KIT", help="Only exercises you can do with this (e.g. band)."),
    ] = None,
    search: Annotated[
        str | None, typer.Option(metavar="TEXT", help="Words in the name or an alias.")
    ] = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """List the exercise library, filtered by muscle, category or equipment.

    Example:

        stridewell exercises --muscle gluteus_medius --equipment band --format json
    """
    with user_errors():
        found = list_exercises(
            muscle=None if muscle is None else parsing.term(Muscle, muscle, "muscle"),
            category=None if category is None else parsing.term(Category, category, "category"),
            equipment=(
                None if equipment is None else parsing.term(Equipment, equipment, "equipment")
            ),
            text=search,
        )
    if output is OutputFormat.JSON:
        print_json({"exercises": [exercise_to_dict(exercise) for exercise in found]})
        return
    table = Table(title=f"{len(found)} exercises", title_justify="left")
    for column in ("slug", "name", "category", "level", "equipment", "primary muscles"):
        table.add_column(column)
    for exercise in found:
        table.add_row(
            exercise.slug,
            exercise.name,
            exercise.category.value,
            str(exercise.level),
            ", ".join(e.value for e in exercise.equipment),
            ", ".join(m.value for m in exercise.primary_muscles),
        )
    print_table(table)
