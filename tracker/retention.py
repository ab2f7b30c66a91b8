"""Retention: prune what is older than `[service] keep_history` (default 180 days).

Closed promises (kept, broken, dismissed) whose `closed_at` is older than the cutoff go,
with their history events and outbox rows; outbox rows that were sent, failed or
cancelled before the cutoff go even for live promises, and so do digests. Deletes run
in batches of BATCH promises, each batch one transaction, so the job never holds long
locks and a stop between batches loses nothing.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from tracker.db import rowcount
from tracker.models import Digest, Escalation, Promise, PromiseEvent
from tracker.outbox.rows import CANCELLED, FAILED, SENT

BATCH = 5_000
CLOSED = ("kept", "broken", "dismissed")
DONE = (SENT, FAILED, CANCELLED)


@dataclass
class PruneReport:
    promises: int = 0
    events: int = 0
    escalations: int = 0
    digests: int = 0


def prune(
    engine: Engine,
    *,
    now: datetime,
    keep: timedelta,
    stop: threading.Event | None = None,
    batch: int = BATCH,
) -> PruneReport:
    """Delete what is older than `now - keep`; returns how many rows of each went."""
    cutoff = now - keep
    report = PruneReport()
    while stop is None or not stop.is_set():
        with Session(engine) as session:
            ids = list(
                session.exec(
                    select(Promise.id)
                    .where(col(Promise.state).in_(CLOSED), col(Promise.closed_at) < cutoff)
                    .limit(batch)
                )
            )
            if not ids:
                break
            report.events += _delete(session, PromiseEvent, col(PromiseEvent.promise_id).in_(ids))
            report.escalations += _delete(session, Escalation, col(Escalation.promise_id).in_(ids))
            report.promises += _delete(session, Promise, col(Promise.id).in_(ids))
            session.commit()
    with Session(engine) as session:
        report.escalations += _delete(
            session,
            Escalation,
            col(Escalation.status).in_(DONE),
            col(Escalation.created_at) < cutoff,
        )
        report.digests += _delete(
            session,
            Digest,
            col(Digest.status).in_(DONE),
            sa.func.coalesce(Digest.sent_at, Digest.next_attempt_at) < cutoff,
        )
        session.commit()
    return report


def _delete(session: Session, model: type, *where: sa.ColumnElement[bool]) -> int:
    result = session.execute(
        sa.delete(model).where(*where).execution_options(synchronize_session=False)
    )
    return rowcount(result) or 0
