"""Records set aside in `rejected` are fetched again and stored, at the start of a pass.

A connector that can fetch one record by its id offers `refetch(kind, external_id, *,
cursor, now) -> Batch | None` (None: this kind cannot be fetched alone, or the record is gone).
The batch is stored through the same `store_page` path as a polled page: when it stores
without a rejection the row is deleted, otherwise it counts one more attempt. A connector
without `refetch` keeps the rows until the source sends the records again.

At most `LIMIT` rows per pass, oldest first; a row tried (or rejected again) within
`EVERY` waits, so a record that keeps failing costs one call an hour, not one a pass.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import col, select

from tracker.db import session_scope
from tracker.errors import error_class
from tracker.ingest.quarantine import Ingest, store_page
from tracker.ingest.sanitize import clean_batch
from tracker.ingest.store import IngestResult
from tracker.models import Rejected
from tracker.sources import Poller, Refetcher

log = logging.getLogger(__name__)

LIMIT = 50
EVERY = timedelta(hours=1)


@dataclass
class RetryReport:
    tried: int = 0
    stored: int = 0
    result: IngestResult = field(default_factory=IngestResult)
    cursor: str | None = None  # the source's cursor after the retries


def due(engine: Engine, source_id: int, now: datetime, limit: int = LIMIT) -> list[Rejected]:
    """The rows to try this pass: oldest first, none tried within `EVERY`."""
    with session_scope(engine) as session:
        query = (
            select(Rejected)
            .where(Rejected.source_id == source_id, Rejected.last_seen_at <= now - EVERY)
            .order_by(col(Rejected.first_seen_at), col(Rejected.id))
            .limit(limit)
        )
        rows = list(session.exec(query))
        for row in rows:
            session.expunge(row)
    return rows


def retry_rejected(
    engine: Engine,
    connector: Poller,
    source_id: int,
    cursor: str | None,
    apply: Ingest,
    *,
    now: datetime,
    source_name: str,
) -> RetryReport:
    """Fetch and store again what this source set aside. A failure of the source stops
    the retries for this pass (the row counts an attempt); a database failure raises."""
    report = RetryReport(cursor=cursor)
    if not isinstance(connector, Refetcher):
        return report
    for row in due(engine, source_id, now):
        if not _exists(engine, row.id):
            continue  # stored by an earlier refetch of this pass (a ticket with its messages)
        report.tried += 1
        try:
            batch = connector.refetch(row.kind, row.external_id, cursor=report.cursor, now=now)
        except Exception as exc:
            _touch(engine, row.id, now, error_class(exc))
            log.warning(
                "refetching a rejected record failed; retries stop for this pass",
                extra={"source": source_name, "kind": row.kind,
                       "external_id": row.external_id, "error": error_class(exc)},
            )  # fmt: skip
            break
        if batch is None:
            _touch(engine, row.id, now, None)  # tried: not again within the hour
            continue
        batch = clean_batch(batch, now, source_name)
        result, rejected = store_page(
            engine, source_id, batch, apply, now=now, source_name=source_name
        )
        for name in ("tickets", "messages", "promises", "handoffs"):
            setattr(report.result, name, getattr(report.result, name) + getattr(result, name))
        if batch.cursor is not None:
            report.cursor = batch.cursor
        if (row.kind, row.external_id) in {(r.kind, r.external_id) for r in rejected}:
            continue  # store_page counted the attempt
        if rejected:
            _touch(engine, row.id, now, rejected[0].error)
        else:
            _forget(engine, row.id)  # e.g. a mail stored as its thread's ticket and message
            report.stored += 1
    if report.tried:
        log.info(
            "rejected records tried again",
            extra={"source": source_name, "tried": report.tried, "stored": report.stored},
        )
    return report


def _touch(engine: Engine, row_id: int | None, now: datetime, error: str | None) -> None:
    """One more attempt (with `error`), or only the time of trying (without)."""
    with session_scope(engine) as session:
        row = session.get(Rejected, row_id)
        if row is None:
            return
        row.last_seen_at = now
        if error is not None:
            row.attempts, row.error = row.attempts + 1, error[:100]
        session.add(row)


def _exists(engine: Engine, row_id: int | None) -> bool:
    with session_scope(engine) as session:
        return session.get(Rejected, row_id) is not None


def _forget(engine: Engine, row_id: int | None) -> None:
    with session_scope(engine) as session:
        row = session.get(Rejected, row_id)
        if row is not None:
            session.delete(row)
