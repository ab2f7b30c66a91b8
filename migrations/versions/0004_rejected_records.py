"""rejected records: what a source sent that could not be read or stored

Revision ID: 0004
Revises: 0001
Create Date: 2026-12-02 01:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes  # noqa: F401
from alembic import op

import tracker.models  # noqa: F401

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rejected",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("external_id", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("error", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("first_seen_at", tracker.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", tracker.models.UTCDateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["source.id"], name=op.f("fk_rejected_source_id_source")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rejected")),
        sa.UniqueConstraint(
            "source_id", "kind", "external_id", name=op.f("uq_rejected_source_id_kind_external_id")
        ),
    )


def downgrade() -> None:
    op.drop_table("rejected")
