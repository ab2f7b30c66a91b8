"""a promise's team, stored on the promise

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0005"
branch_labels = None
depends_on = None

# Existing promises: the owner's team, else the ticket's help-desk group's team (the
# source's `team` lives in the configuration; the next sweep re-decides live promises).
BACKFILL = """
UPDATE promise SET team_id = COALESCE(
    (SELECT person.team_id FROM person WHERE person.id = promise.owner_id),
    (SELECT helpdesk_group.team_id FROM ticket
       JOIN helpdesk_group ON helpdesk_group.id = ticket.group_id
      WHERE ticket.id = promise.ticket_id)
)
"""


def upgrade() -> None:
    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.add_column(sa.Column("team_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_promise_team_id"), ["team_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_promise_team_id_team"), "team", ["team_id"], ["id"]
        )
    op.execute(BACKFILL)


def downgrade() -> None:
    with op.batch_alter_table("promise", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_promise_team_id_team"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_promise_team_id"))
        batch_op.drop_column("team_id")
