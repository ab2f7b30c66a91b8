"""sweep progress in a typed table, not in the lease table's `owner` column

The sweep kept its message and assignment watermarks as strings in `lease.owner`
(rows `sweep:message-watermark`, `sweep:assignment-watermark`) and the time of its next
full check in `lease.until` (row `sweep:full-check`). They move to one `sweep_progress`
row; a value that was not a number counts as 0, as the sweep read it.

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-02 04:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import tracker.models  # noqa: F401

revision = "0008"
down_revision = "0004"
branch_labels = None
depends_on = None

MESSAGE, ASSIGNMENT, FULL_CHECK = (
    "sweep:message-watermark",
    "sweep:assignment-watermark",
    "sweep:full-check",
)

_lease = sa.table(
    "lease",
    sa.column("name", sa.String),
    sa.column("owner", sa.String),
    sa.column("until", tracker.models.UTCDateTime()),
)
_progress = sa.table(
    "sweep_progress",
    sa.column("id", sa.Integer),
    sa.column("message_watermark", sa.Integer),
    sa.column("assignment_watermark", sa.Integer),
    sa.column("full_check_at", tracker.models.UTCDateTime()),
    sa.column("updated_at", tracker.models.UTCDateTime()),
)


def _number(owner: str | None) -> int:
    try:
        return int(owner) if owner is not None else 0
    except ValueError:
        return 0


def upgrade() -> None:
    op.create_table(
        "sweep_progress",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_watermark", sa.Integer(), nullable=False),
        sa.Column("assignment_watermark", sa.Integer(), nullable=False),
        sa.Column("full_check_at", tracker.models.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", tracker.models.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sweep_progress")),
    )
    conn = op.get_bind()
    names = (MESSAGE, ASSIGNMENT, FULL_CHECK)
    found = {
        name: (owner, until)
        for name, owner, until in conn.execute(
            sa.select(_lease.c.name, _lease.c.owner, _lease.c.until).where(
                _lease.c.name.in_(names)
            )
        )
    }
    if found:
        conn.execute(
            _progress.insert().values(
                id=1,
                message_watermark=_number(found.get(MESSAGE, (None, None))[0]),
                assignment_watermark=_number(found.get(ASSIGNMENT, (None, None))[0]),
                full_check_at=found[FULL_CHECK][1] if FULL_CHECK in found else None,
                updated_at=max(until for _, until in found.values()),
            )
        )
        conn.execute(_lease.delete().where(_lease.c.name.in_(names)))


def downgrade() -> None:
    conn = op.get_bind()
    row = conn.execute(sa.select(_progress).where(_progress.c.id == 1)).first()
    if row is not None:
        rows = [
            {"name": MESSAGE, "owner": str(row.message_watermark), "until": row.updated_at},
            {"name": ASSIGNMENT, "owner": str(row.assignment_watermark), "until": row.updated_at},
        ]
        if row.full_check_at is not None:
            rows.append({"name": FULL_CHECK, "owner": "sweep", "until": row.full_check_at})
        conn.execute(_lease.insert(), rows)
    op.drop_table("sweep_progress")
