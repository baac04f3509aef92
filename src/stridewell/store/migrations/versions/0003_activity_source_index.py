"""One file can hold several activities (a multisport FIT file has one per session): the
content hash is unique per athlete together with the activity's index inside its file.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("activity") as batch:
        batch.add_column(
            sa.Column("source_index", sa.Integer(), nullable=False, server_default="0")
        )
        batch.drop_constraint("uq_activity_athlete_id_source_sha256", type_="unique")
        batch.create_unique_constraint(
            "uq_activity_athlete_id_source_sha256_source_index",
            ["athlete_id", "source_sha256", "source_index"],
        )


def downgrade() -> None:
    with op.batch_alter_table("activity") as batch:
        batch.drop_constraint("uq_activity_athlete_id_source_sha256_source_index", type_="unique")
        batch.create_unique_constraint(
            "uq_activity_athlete_id_source_sha256", ["athlete_id", "source_sha256"]
        )
        batch.drop_column("source_index")
