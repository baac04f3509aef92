"""Core: athletes, users and coaches, injuries, races, plans and planned sessions.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC_DATETIME = sa.DateTime(timezone=True)


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), nullable=False)


def upgrade() -> None:
    op.create_table(
        "athlete",
        _id(),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("birth_year", sa.Integer(), nullable=False),
        sa.Column("units", sa.String(length=2), nullable=False),
        sa.Column("max_hr", sa.Integer(), nullable=True),
        sa.Column("rest_hr", sa.Integer(), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("experience", sa.String(length=20), nullable=False),
        sa.Column("equipment", sa.JSON(), nullable=False),
        sa.Column("weekly_availability", sa.JSON(), nullable=False),
        sa.Column("weekly_km", sa.Float(), nullable=False),
        sa.Column("created_utc", UTC_DATETIME, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_athlete")),
    )
    op.create_table(
        "user",
        _id(),
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=True),
        sa.Column("created_utc", UTC_DATETIME, nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athlete.id"],
            name=op.f("fk_user_athlete_id_athlete"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user")),
        sa.UniqueConstraint("email", name=op.f("uq_user_email")),
    )
    op.create_index(op.f("ix_user_athlete_id"), "user", ["athlete_id"])
    op.create_table(
        "coach_athlete",
        sa.Column("coach_id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athlete.id"],
            name=op.f("fk_coach_athlete_athlete_id_athlete"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["coach_id"],
            ["user.id"],
            name=op.f("fk_coach_athlete_coach_id_user"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("coach_id", "athlete_id", name=op.f("pk_coach_athlete")),
    )
    op.create_index(op.f("ix_coach_athlete_athlete_id"), "coach_athlete", ["athlete_id"])
    op.create_table(
        "injury",
        _id(),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=20), nullable=False),
        sa.Column("side", sa.String(length=5), nullable=False),
        sa.Column("onset", sa.Date(), nullable=False),
        sa.Column("resolved", sa.Date(), nullable=True),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("days_off_running", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athlete.id"],
            name=op.f("fk_injury_athlete_id_athlete"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_injury")),
    )
    op.create_index(op.f("ix_injury_athlete_id"), "injury", ["athlete_id"])
    # race.activity_id gets its foreign key in 0002, together with the activity table.
    op.create_table(
        "race",
        _id(),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("distance_m", sa.Float(), nullable=False),
        sa.Column("goal_s", sa.Integer(), nullable=True),
        sa.Column("result_s", sa.Integer(), nullable=True),
        sa.Column("activity_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athlete.id"],
            name=op.f("fk_race_athlete_id_athlete"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_race")),
    )
    op.create_index(op.f("ix_race_athlete_id"), "race", ["athlete_id"])
    op.create_index(op.f("ix_race_activity_id"), "race", ["activity_id"])
    op.create_table(
        "plan",
        _id(),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("created_utc", UTC_DATETIME, nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("end", sa.Date(), nullable=False),
        sa.Column("race_id", sa.Integer(), nullable=True),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("weeks", sa.JSON(), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athlete.id"],
            name=op.f("fk_plan_athlete_id_athlete"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["race_id"], ["race.id"], name=op.f("fk_plan_race_id_race"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
    )
    op.create_index(op.f("ix_plan_athlete_id"), "plan", ["athlete_id"])
    op.create_index(op.f("ix_plan_race_id"), "plan", ["race_id"])
    op.create_table(
        "planned_session",
        _id(),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("week_index", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("order", sa.Integer(), nullable=False),
        sa.Column("body", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plan.id"],
            name=op.f("fk_planned_session_plan_id_plan"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_planned_session")),
    )
    op.create_index(op.f("ix_planned_session_plan_id"), "planned_session", ["plan_id"])


def downgrade() -> None:
    # Indexes go with their tables.
    for table in ("planned_session", "plan", "race", "injury", "coach_athlete", "user", "athlete"):
        op.drop_table(table)
