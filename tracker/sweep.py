"""The sweep: fulfilment, escalation decisions, delivery and digests, as of `now`.

The loop only acts; `tracker.lifecycle` and `tracker.escalation` decide. Steps of
`decide`:
1. promises a new agent message may keep (messages past a watermark);
2. promises whose ticket was closed or reassigned;
3. promises whose `next_action_at` has come (`state IN open/snoozed` on the
   (state, next_action_at) index): recompute, write outbox rows, push the column
   forward — by an hour when recomputing crashes, so one bad row cannot loop.
`deliver` then claims outbox rows and sends them (tracker.delivery).
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from tracker.config import Config
from tracker.models import Lease, Message, Promise, Ticket
from tracker.recompute import Recomputer, Tally
from tracker.teams import sync_teams

log = logging.getLogger(__name__)

CRASH_BACKOFF = timedelta(hours=1)
BATCH = 500
WATERMARK = "sweep:message-watermark"
# Messages are numbered as they are stored, but a slow ingest transaction can commit a
# lower id after a higher one: look back this many ids each pass so none is skipped.
WATERMARK_MARGIN = 1000


@dataclass
class SweepReport:
    examined: int = 0
    kept: int = 0
    broken: int = 0
    handoffs: int = 0
    resumed: int = 0
    escalations_created: int = 0
    delivered: int = 0
    failed: int = 0
    retried: int = 0
    digests: int = 0
    dismissed_total: int = 0
    failures: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, other: SweepReport) -> SweepReport:
        for key, value in asdict(other).items():
            if key == "seconds":
                continue
            if isinstance(value, list):
                getattr(self, key).extend(value)
            elif key != "dismissed_total":
                setattr(self, key, getattr(self, key) + value)
        self.dismissed_total = max(self.dismissed_total, other.dismissed_total)
        return self

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _live() -> sa.ColumnElement[bool]:
    return Promise.state.in_(("open", "snoozed"))


def candidates_by_message(session: Session, watermark: int, now: datetime) -> list[int]:
    """Live promises that a message stored past the watermark may keep."""
    m = Message
    query = (
        select(Promise.id)
        .join(m, m.ticket_id == Promise.ticket_id)
        .where(
            m.id > watermark,
            _live(),
            m.id != Promise.message_id,
            m.author_role == "agent",
            m.is_own_note == sa.false(),
            sa.or_(
                m.public == sa.true(), sa.and_(m.is_call == sa.true(), Promise.kind == "callback")
            ),
            m.sent_at >= Promise.made_at,
            m.sent_at <= now,
        )
        .distinct()
    )
    return list(session.exec(query))


def candidates_by_ticket(session: Session) -> list[int]:
    """Live promises whose ticket was closed or handed to someone else."""
    query = (
        select(Promise.id)
        .join(Ticket, Ticket.id == Promise.ticket_id)
        .where(
            _live(),
            sa.or_(
                Ticket.status.in_(("solved", "closed")),
                sa.and_(
                    Ticket.assignee_id.is_not(None),
                    sa.or_(Promise.owner_id.is_(None), Ticket.assignee_id != Promise.owner_id),
                ),
            ),
        )
    )
    return list(session.exec(query))


def due_query(state: str, now: datetime, limit: int) -> Any:
    """The indexed query: promises in `state` whose next action time has come."""
    return (
        select(Promise.id)
        .where(Promise.state == state, Promise.next_action_at <= now)
        .order_by(Promise.next_action_at)
        .limit(limit)
    )


def _read_watermark(session: Session) -> int:
    lease = session.get(Lease, WATERMARK)
    try:
        return int(lease.owner) if lease is not None else 0
    except ValueError:
        return 0


def _write_watermark(session: Session, value: int, now: datetime) -> None:
    lease = session.get(Lease, WATERMARK) or Lease(name=WATERMARK, owner="0", until=now)
    lease.owner = str(value)
    lease.until = now
    session.add(lease)


def _recompute_batch(
    engine: Engine,
    config: Config,
    ids: list[int],
    now: datetime,
    tally: Tally,
    calendars: dict[object, Any],
) -> None:
    """Recompute promises in one transaction; if any fails, redo them one by one so
    only the bad one is pushed an hour on."""
    trial = Tally()
    try:
        with Session(engine, expire_on_commit=False) as session:
            recomputer = Recomputer(session, config, trial, calendars)
            # Load the batch's promises and tickets in two queries, not one per promise.
            promises = list(session.exec(select(Promise).where(Promise.id.in_(ids))))
            ticket_ids = {p.ticket_id for p in promises}
            list(session.exec(select(Ticket).where(Ticket.id.in_(ticket_ids))))
            for promise_id in ids:
                promise = session.get(Promise, promise_id)
                if promise is not None and promise.state in ("open", "snoozed"):
                    recomputer.recompute(promise, now)
            session.commit()
    except Exception:
        if len(ids) == 1:
            _push_on(engine, ids[0], now, tally)
            return
        for promise_id in ids:
            _recompute_batch(engine, config, [promise_id], now, tally, calendars)
        return
    tally.merge(trial)


def _push_on(engine: Engine, promise_id: int, now: datetime, tally: Tally) -> None:
    exc = sys.exc_info()[1]
    log.exception("recomputing promise %s failed", promise_id)
    tally.errors.append(f"promise {promise_id}: {type(exc).__name__}: {exc}")
    with Session(engine) as session:
        session.execute(
            sa.update(Promise)
            .where(Promise.id == promise_id)
            .values(next_action_at=now + CRASH_BACKOFF)
        )
        session.commit()


def _recompute_ids(
    engine: Engine,
    config: Config,
    ids: list[int],
    now: datetime,
    tally: Tally,
    calendars: dict[object, Any],
) -> None:
    for start in range(0, len(ids), BATCH):
        _recompute_batch(engine, config, ids[start : start + BATCH], now, tally, calendars)


def decide(engine: Engine, config: Config, *, now: datetime, limit: int = 100_000) -> SweepReport:
    """Fulfilment and escalation decisions: writes promise states and outbox rows."""
    started = time.perf_counter()
    tally = Tally()
    with Session(engine, expire_on_commit=False) as session:
        sync_teams(session, config)
        watermark = _read_watermark(session)
        newest = session.exec(select(sa.func.max(Message.id))).one() or 0
        ids = candidates_by_message(session, max(0, watermark - WATERMARK_MARGIN), now)
        ids += candidates_by_ticket(session)
        session.commit()
    calendars: dict[object, Any] = {}
    _recompute_ids(engine, config, list(dict.fromkeys(ids)), now, tally, calendars)
    with Session(engine) as session:
        _write_watermark(session, max(watermark, newest), now)
        session.commit()

    done = 0
    for state in ("snoozed", "open"):
        while done < limit:
            with Session(engine) as session:
                batch = list(session.exec(due_query(state, now, min(BATCH, limit - done))))
            if not batch:
                break
            _recompute_ids(engine, config, batch, now, tally, calendars)
            done += len(batch)

    report = SweepReport(
        examined=tally.examined,
        kept=tally.kept,
        broken=tally.broken,
        handoffs=tally.handoffs,
        resumed=tally.resumed,
        escalations_created=tally.escalations_created,
        errors=tally.errors,
    )
    report.seconds = time.perf_counter() - started
    return report


def deliver(
    engine: Engine,
    config: Config,
    *,
    now: datetime,
    worker_id: str = "cli",
    transports: dict[str, Any] | None = None,
    limit: int = 10_000,
) -> SweepReport:
    """Claim due outbox rows (escalations and digests), send them, record the outcome."""
    from tracker.delivery import deliver_outbox

    return deliver_outbox(
        engine, config, now=now, worker_id=worker_id, transports=transports, limit=limit
    )


def digests(engine: Engine, config: Config, *, now: datetime) -> int:
    """Queue each team's daily digest for its leads once `digest_at` has passed locally."""
    from tracker.digest import queue_digests

    with Session(engine, expire_on_commit=False) as session:
        count = queue_digests(session, config, now)
        session.commit()
    return count


def run_sweep(
    engine: Engine,
    config: Config,
    *,
    now: datetime,
    worker_id: str = "cli",
    transports: dict[str, Any] | None = None,
) -> SweepReport:
    """One whole pass: decide, queue digests, deliver."""
    from tracker.queries import dismissed_total

    started = time.perf_counter()
    report = decide(engine, config, now=now)
    report.digests = digests(engine, config, now=now)
    report.add(deliver(engine, config, now=now, worker_id=worker_id, transports=transports))
    with Session(engine) as session:
        report.dismissed_total = dismissed_total(session)
    report.seconds = time.perf_counter() - started
    return report
