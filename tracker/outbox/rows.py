"""Writing outbox rows: one Escalation row per (promise, step, channel, recipient).

The unique key makes "each step at most once per promise and recipient" a property
of the database, not of the code that decides: inserting an existing key is a no-op.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from tracker.db import rowcount
from tracker.kinds import OutboxStatus
from tracker.models import Escalation

PENDING: OutboxStatus = "pending"
SENT: OutboxStatus = "sent"
FAILED: OutboxStatus = "failed"
CANCELLED: OutboxStatus = "cancelled"
TAG_OPEN, TAG_CLEAR = "tag-open", "tag-clear"
TICKET_RECIPIENT = "ticket"


Key = tuple[str, str, str]  # (step, channel, recipient)


def rows_of(session: Session, promise_id: int) -> dict[Key, Escalation]:
    """Every outbox row of a promise, by key: load once, then pass to `queue`."""
    query = select(Escalation).where(Escalation.promise_id == promise_id)
    return {(row.step, row.channel, row.recipient): row for row in session.exec(query)}


def queue(
    session: Session,
    promise_id: int,
    step: str,
    channel: str,
    recipient: str,
    now: datetime,
    existing: dict[Key, Escalation] | None = None,
) -> bool:
    """Add a pending row unless the key exists; a cancelled row (a snooze stopped it before
    it was sent) is revived. Returns True when something will be sent.

    `existing`: the promise's rows from `rows_of`, kept up to date here (saves a query)."""
    recipient = recipient[:320]
    key = (step, channel, recipient)
    if existing is not None:
        row = existing.get(key)
    else:
        row = session.exec(
            select(Escalation).where(
                Escalation.promise_id == promise_id,
                Escalation.step == step,
                Escalation.channel == channel,
                Escalation.recipient == recipient,
            )
        ).first()
    if row is not None:
        if row.status != CANCELLED:
            return False
        row.status = PENDING
        row.due_at = now
        row.next_attempt_at = now
        row.attempts = 0
        row.last_error = None
        session.add(row)
        return True
    row = Escalation(
        promise_id=promise_id,
        step=step,
        channel=channel,
        recipient=recipient,
        status=PENDING,
        due_at=now,
        next_attempt_at=now,
        created_at=now,
    )
    session.add(row)
    if existing is not None:
        existing[key] = row
    return True


def cancel_pending(session: Session, promise_id: int) -> int:
    """Stop every notification of a promise that has not gone out yet."""
    result = session.execute(
        sa.update(Escalation)
        .where(col(Escalation.promise_id) == promise_id, col(Escalation.status) == PENDING)
        .values(status=CANCELLED, lease_owner=None, lease_until=None)
    )
    return rowcount(result) or 0


def steps_taken(rows: dict[Key, Escalation]) -> set[str]:
    """Steps with a row that was not cancelled: decided already, whatever their outcome."""
    return {row.step for row in rows.values() if row.status != CANCELLED}


def close_out(session: Session, promise_id: int, now: datetime) -> None:
    """The promise is no longer open: cancel what is pending and, if its ticket was tagged
    `promise_open`, queue removing the tags."""
    cancel_pending(session, promise_id)
    tagged = session.exec(
        select(Escalation.id).where(
            Escalation.promise_id == promise_id,
            Escalation.step == TAG_OPEN,
            Escalation.status == SENT,
        )
    ).first()
    if tagged is not None:
        queue(session, promise_id, TAG_CLEAR, "ticket", TICKET_RECIPIENT, now)
