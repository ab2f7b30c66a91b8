"""drop the unused worker lease on sources

Revision ID: 0009
Revises: 0008

Sources were never leased (the `lease` table serves the workers); nothing read or wrote
`source.lease_owner` / `source.lease_until`.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

import tracker.models

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Not a table copy on SQLite (3.35 drops a plain column in place): a copy of `source`
    # would break the foreign keys of every ticket, person and group that points at it.
    with op.batch_alter_table("source", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("lease_until")
        batch_op.drop_column("lease_owner")


def downgrade() -> None:
    with op.batch_alter_table("source", schema=None, recreate="never") as batch_op:
        batch_op.add_column(
            sa.Column("lease_owner", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True)
        )
        batch_op.add_column(
            sa.Column("lease_until", tracker.models.UTCDateTime(timezone=True), nullable=True)
        )
