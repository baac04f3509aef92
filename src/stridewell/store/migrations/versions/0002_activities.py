"""Activities and logging: activities with their streams, laps and best efforts; strength
sessions and their sets; soreness.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DATETIME = sa.DateTime(timezone=True)


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), nullable=False)


def _cascade(table: str, column: str, referred: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{referred}.id"], name=f"fk_{table}_{column}_{referred}", ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "activity",
        _id(),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("source_kind", sa.String(length=16), nullable=False),
        sa.Column("source_sha256", sa.String(length=64), nullable=True),
        sa.Column("source_path", sa.Text(), nullable=True),
        sa.Column("sport", sa.String(length=40), nullable=False),
        sa.Column("sub_sport", sa.String(length=40), nullable=True),
        sa.Column("start_utc", UTC_DATETIME, nullable=False),
        sa.Column("tz_offset_s", sa.Integer(), nullable=True),
        sa.Column("elapsed_s", sa.Float(), nullable=True),
        sa.Column("moving_s", sa.Float(), nullable=True),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("ascent_m", sa.Float(), nullable=True),
        sa.Column("avg_hr", sa.Float(), nullable=True),
        sa.Column("max_hr", sa.Float(), nullable=True),
        sa.Column("avg_cadence", sa.Float(), nullable=True),
        sa.Column("rpe", sa.Float(), nullable=True),
        sa.Column("load", sa.Float(), nullable=True),
        sa.Column("name", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("gear", sa.Text(), nullable=True),
        sa.Column("device", sa.Text(), nullable=True),
        sa.Column("samples", sa.Integer(), nullable=False),
        sa.Column("hr_zone_s", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("imported_utc", UTC_DATETIME, nullable=False),
        _cascade("activity", "athlete_id", "athlete"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
        sa.UniqueConstraint(
            "athlete_id", "source_sha256", name=op.f("uq_activity_athlete_id_source_sha256")
        ),
    )
    op.create_index("ix_activity_athlete_start", "activity", ["athlete_id", "start_utc"])
    op.create_table(
        "activity_stream",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("format_version", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        _cascade("activity_stream", "activity_id", "activity"),
        sa.PrimaryKeyConstraint("activity_id", name=op.f("pk_activity_stream")),
    )
    op.create_table(
        "lap",
        _id(),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("lap_index", sa.Integer(), nullable=False),
        sa.Column("start_utc", UTC_DATETIME, nullable=False),
        sa.Column("elapsed_s", sa.Float(), nullable=False),
        sa.Column("distance_m", sa.Float(), nullable=True),
        sa.Column("moving_s", sa.Float(), nullable=True),
        sa.Column("avg_hr", sa.Float(), nullable=True),
        sa.Column("max_hr", sa.Float(), nullable=True),
        _cascade("lap", "activity_id", "activity"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lap")),
    )
    op.create_index(op.f("ix_lap_activity_id"), "lap", ["activity_id"])
    op.create_table(
        "best_effort",
        _id(),
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("distance_m", sa.Float(), nullable=False),
        sa.Column("label", sa.String(length=16), nullable=False),
        sa.Column("time_s", sa.Float(), nullable=False),
        sa.Column("start_offset_s", sa.Float(), nullable=False),
        _cascade("best_effort", "activity_id", "activity"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_best_effort")),
    )
    op.create_index(op.f("ix_best_effort_activity_id"), "best_effort", ["activity_id"])
    op.create_table(
        "strength_session",
        _id(),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("planned_session_id", sa.Integer(), nullable=True),
        sa.Column("duration_s", sa.Integer(), nullable=True),
        sa.Column("rpe", sa.Float(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        _cascade("strength_session", "athlete_id", "athlete"),
        sa.ForeignKeyConstraint(
            ["planned_session_id"],
            ["planned_session.id"],
            name=op.f("fk_strength_session_planned_session_id_planned_session"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_strength_session")),
    )
    op.create_index(op.f("ix_strength_session_athlete_id"), "strength_session", ["athlete_id"])
    op.create_index(
        op.f("ix_strength_session_planned_session_id"), "strength_session", ["planned_session_id"]
    )
    op.create_table(
        "set_entry",
        _id(),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("exercise_slug", sa.String(length=80), nullable=False),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("side", sa.String(length=4), nullable=False),
        sa.Column("reps", sa.Integer(), nullable=True),
        sa.Column("load_kg", sa.Float(), nullable=True),
        sa.Column("hold_s", sa.Integer(), nullable=True),
        sa.Column("rpe", sa.Float(), nullable=True),
        _cascade("set_entry", "session_id", "strength_session"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_set_entry")),
    )
    op.create_index(op.f("ix_set_entry_session_id"), "set_entry", ["session_id"])
    op.create_table(
        "soreness",
        _id(),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("context", sa.String(length=40), nullable=False),
        sa.Column("region", sa.String(length=20), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        _cascade("soreness", "athlete_id", "athlete"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_soreness")),
    )
    op.create_index(op.f("ix_soreness_athlete_id"), "soreness", ["athlete_id"])
    # The race's recorded activity; SQLite cannot add a constraint in place, so batch mode
    # copies the table (foreign keys are switched off meanwhile by store.migrate).
    with op.batch_alter_table("race") as batch:
        batch.create_foreign_key(
            op.f("fk_race_activity_id_activity"),
            "activity",
            ["activity_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("race") as batch:
        batch.drop_constraint(op.f("fk_race_activity_id_activity"), type_="foreignkey")
    for table in (
        "soreness",
        "set_entry",
        "strength_session",
        "best_effort",
        "lap",
        "activity_stream",
        "activity",
    ):
        op.drop_table(table)
