"""Store a page so that one bad record never stops a source.

A page is stored in one transaction. When that fails for a reason that lies in the
data (a value the database refuses, a bug met by one odd record), the page is stored
again record by record, each in a savepoint; the records that still fail are set aside
in `rejected` (kind, id, error class: never their text), logged in one line each, and
the rest of the page and its cursor are committed. Failures of the database itself
(unreachable, lost connection) are not the records' fault: they stop the pass as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import datetime

import sqlalchemy.exc as sa_exc
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from tracker.db import session_scope
from tracker.errors import error_class
from tracker.ingest.records import Batch, RejectedRecord
from tracker.ingest.sanitize import rejection
from tracker.ingest.store import IngestResult
from tracker.models import Rejected, Source

log = logging.getLogger(__name__)

# The database, not the record: retrying record by record would only fail the same way.
NOT_THE_RECORDS_FAULT = (
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
    sa_exc.DisconnectionError,
    sa_exc.TimeoutError,
)

Ingest = Callable[[Session, Source, Batch], IngestResult]


def units(batch: Batch) -> Iterator[tuple[str, str, Batch]]:
    """One small batch per record, in the order ingest needs them (people and groups
    before the tickets that name them, tickets before their messages)."""
    for person in batch.people:
        yield "person", person.external_id, Batch(cursor=None, people=[person])
    for group in batch.groups:
        yield "group", group.external_id, Batch(cursor=None, groups=[group])
    for ticket in batch.tickets:
        # the ticket's people come along: a ticket names its requester
        yield "ticket", ticket.external_id, Batch(cursor=None, tickets=[ticket])
    for handoff in batch.assignments:
        yield "assignment", handoff.external_id, Batch(cursor=None, assignments=[handoff])
    for message in batch.messages:
        yield "message", message.external_id, Batch(cursor=None, messages=[message])


def store_page(
    engine: Engine,
    source_id: int,
    batch: Batch,
    apply: Ingest,
    *,
    now: datetime,
    source_name: str,
) -> tuple[IngestResult, list[RejectedRecord]]:
    """Store one page and its cursor; return what was stored and what was set aside."""
    try:
        with session_scope(engine) as session:
            row = session.get_one(Source, source_id)
            result = apply(session, row, batch)
            _settle(session, source_id, batch, batch.rejected, now)
        _log(source_name, batch.rejected)
        return result, list(batch.rejected)
    except NOT_THE_RECORDS_FAULT:
        raise
    except Exception as exc:
        log.warning(
            "page failed as a whole; storing it record by record",
            extra={"source": source_name, "error": error_class(exc)},
        )
    return _one_by_one(engine, source_id, batch, apply, now=now, source_name=source_name)


def _one_by_one(
    engine: Engine,
    source_id: int,
    batch: Batch,
    apply: Ingest,
    *,
    now: datetime,
    source_name: str,
) -> tuple[IngestResult, list[RejectedRecord]]:
    total = IngestResult()
    rejected = list(batch.rejected)
    with session_scope(engine) as session:
        row = session.get_one(Source, source_id)
        for kind, external_id, unit in units(batch):
            savepoint = session.begin_nested()
            try:
                result = apply(session, row, unit)
                savepoint.commit()
            except NOT_THE_RECORDS_FAULT:
                raise
            except Exception as exc:
                savepoint.rollback()
                rejected.append(rejection(kind, external_id, error_class(exc)))
                continue
            for name in ("tickets", "messages", "promises", "handoffs"):
                setattr(total, name, getattr(total, name) + getattr(result, name))
        cursor_only = Batch(cursor=batch.cursor, merges=batch.merges)  # after its messages
        apply(session, row, cursor_only)
        _settle(session, source_id, batch, rejected, now)
    _log(source_name, rejected)
    return total, rejected


def _settle(
    session: Session, source_id: int, batch: Batch, rejected: list[RejectedRecord], now: datetime
) -> None:
    """Record this page's rejections (a record rejected again counts one more attempt) and
    forget earlier rejections of the records this page stored."""
    refused = {(r.kind, r.external_id): r for r in rejected}
    stored = {(kind, external_id) for kind, external_id, _ in units(batch)} - refused.keys()
    if not refused and not stored:
        return
    if not refused:
        anything = select(Rejected.id).where(Rejected.source_id == source_id).limit(1)
        if session.exec(anything).first() is None:
            return  # the usual case: nothing set aside for this source, nothing to forget
    ids = sorted({key[1] for key in [*refused, *stored]})
    known: dict[tuple[str, str], Rejected] = {}
    for start in range(0, len(ids), 500):
        query = select(Rejected).where(
            col(Rejected.source_id) == source_id,
            col(Rejected.external_id).in_(ids[start : start + 500]),
        )
        known.update({(r.kind, r.external_id): r for r in session.exec(query)})
    for key, settled in known.items():
        if key in stored:
            session.delete(settled)
    for key, record in refused.items():
        row = known.get(key)
        if row is None:
            row = Rejected(
                source_id=source_id,
                kind=record.kind,
                external_id=record.external_id,
                error=record.error,
                first_seen_at=now,
                last_seen_at=now,
                attempts=1,
            )
        else:
            row.error, row.last_seen_at, row.attempts = record.error, now, row.attempts + 1
        session.add(row)
    session.flush()


def _log(source: str, rejected: list[RejectedRecord]) -> None:
    for record in rejected:
        log.warning(
            "record rejected",
            extra={
                "source": source,
                "kind": record.kind,
                "external_id": record.external_id,
                "error": record.error,
            },
        )
