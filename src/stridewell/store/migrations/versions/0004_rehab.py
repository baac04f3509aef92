"""Return to run: the rehab log (walk-run sessions with their pain answers, and readiness checks).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rehab_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("athlete_id", sa.Integer(), nullable=False),
        sa.Column("injury_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("stage", sa.Integer(), nullable=False),
        sa.Column("pain_during", sa.Integer(), nullable=False),
        sa.Column("pain_next_morning", sa.Integer(), nullable=True),
        sa.Column("pain_24h_settled", sa.Boolean(), nullable=True),
        sa.Column("checks", sa.JSON(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["athlete_id"],
            ["athlete.id"],
            name=op.f("fk_rehab_log_athlete_id_athlete"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["injury_id"],
            ["injury.id"],
            name=op.f("fk_rehab_log_injury_id_injury"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rehab_log")),
    )
    op.create_index(op.f("ix_rehab_log_athlete_id"), "rehab_log", ["athlete_id"])
    op.create_index(op.f("ix_rehab_log_injury_id"), "rehab_log", ["injury_id"])


def downgrade() -> None:
    op.drop_table("rehab_log")
