"""The sweep: fulfilment, escalation decisions, delivery and digests, as of `now`.

The loop only acts; `tracker.promises.lifecycle` and `tracker.promises.escalation` decide. Steps of
`decide`:
1. promises on tickets with a message or assignment stored since the last pass
   (watermarks) that a reply keeps or a closure or hand-off changes;
2. every FULL_CHECK_EVERY, all live promises whose ticket was closed or reassigned
   (a safety net for ticket changes that came with neither);
3. promises whose `next_action_at` has come (`state IN open/snoozed` on the
   (state, next_action_at) index): recompute, write outbox rows, push the column
   forward — by an hour when recomputing crashes, so one bad row cannot loop.
`deliver` then claims outbox rows and sends them (tracker.outbox.delivery).
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
from sqlmodel import Session, col, select

from tracker.config import Config
from tracker.models import Assignment, Lease, Message, Person, Promise, Team, Ticket
from tracker.promises.recompute import Recomputer, Tally
from tracker.teams import sync_teams

log = logging.getLogger(__name__)

CRASH_BACKOFF = timedelta(hours=1)
BATCH = 500
# Progress markers kept in the lease table (name -> owner holds the value): the newest
# message and assignment ids already looked at, and when the next full check is due.
MESSAGE_WATERMARK = "sweep:message-watermark"
ASSIGNMENT_WATERMARK = "sweep:assignment-watermark"
FULL_CHECK = "sweep:full-check"
FULL_CHECK_EVERY = timedelta(minutes=10)
# Rows are numbered as they are stored, but a slow ingest transaction can commit a lower
# id after a higher one: look back this many ids each pass so none is skipped (the
# candidate query only returns promises that actually changed, so this costs little).
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
    paused: list[str] = field(default_factory=list)  # channels that did not answer
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
    return col(Promise.state).in_(("open", "snoozed"))


def _keeping_message_exists(now: datetime) -> sa.ColumnElement[bool]:
    m = Message
    return (
        select(m.id)
        .where(
            m.ticket_id == Promise.ticket_id,
            m.id != Promise.message_id,
            m.author_role == "agent",
            m.is_own_note == sa.false(),
            sa.or_(
                col(m.public) == sa.true(),
                sa.and_(col(m.is_call) == sa.true(), col(Promise.kind) == "callback"),
            ),
            m.sent_at >= Promise.made_at,
            m.sent_at <= now,
        )
        .exists()
    )


def _ticket_changed() -> sa.ColumnElement[bool]:
    """The ticket was closed, or is assigned to someone other than the promise's owner."""
    return sa.or_(
        col(Ticket.status).in_(("solved", "closed")),
        sa.and_(
            col(Ticket.assignee_id).is_not(None),
            sa.or_(
                col(Promise.owner_id).is_(None), col(Ticket.assignee_id) != col(Promise.owner_id)
            ),
        ),
    )


def touched_tickets(session: Session, message_after: int, assignment_after: int) -> set[int]:
    """Tickets with a message or an assignment stored past the watermarks (primary-key
    range scans: cheap however large the tables are)."""
    found = set(session.exec(select(col(Message.ticket_id)).where(col(Message.id) > message_after)))
    found.update(
        session.exec(select(col(Assignment.ticket_id)).where(col(Assignment.id) > assignment_after))
    )
    return found


def candidates_on_tickets(session: Session, ticket_ids: set[int], now: datetime) -> list[int]:
    """Live promises on these tickets that a reply keeps or a closure/hand-off changes."""
    ids: list[int] = []
    ordered = sorted(ticket_ids)
    for start in range(0, len(ordered), BATCH):
        query = (
            select(Promise.id)
            .join(Ticket, col(Ticket.id) == col(Promise.ticket_id))
            .where(
                col(Promise.ticket_id).in_(ordered[start : start + BATCH]),
                _live(),
                sa.or_(_ticket_changed(), _keeping_message_exists(now)),
            )
        )
        # SQLModel types a primary key `int | None` (None before a flush); selected, never None
        ids.extend(session.exec(query))  # type: ignore[arg-type]
    return ids


def candidates_by_ticket(session: Session) -> list[int]:
    """Every live promise whose ticket was closed or handed to someone else: a full scan
    of the live promises, run every FULL_CHECK_EVERY as a safety net for ticket changes
    that came with no message or assignment row."""
    query = select(Promise.id).join(Ticket, col(Ticket.id) == col(Promise.ticket_id))
    # SQLModel types a primary key `int | None` (None before a flush); selected, never None
    return list(session.exec(query.where(_live(), _ticket_changed())))  # type: ignore[arg-type]


def due_query(state: str, now: datetime, limit: int) -> Any:
    """The indexed query: promises in `state` whose next action time has come."""
    return (
        select(Promise.id)
        .where(Promise.state == state, col(Promise.next_action_at) <= now)
        .order_by(col(Promise.next_action_at))
        .limit(limit)
    )


def _watermark(session: Session, name: str) -> int:
    lease = session.get(Lease, name)
    try:
        return int(lease.owner) if lease is not None else 0
    except ValueError:
        return 0


def _set_marker(session: Session, name: str, owner: str, until: datetime) -> None:
    lease = session.get(Lease, name) or Lease(name=name, owner=owner, until=until)
    lease.owner = owner
    lease.until = until
    session.add(lease)


def _full_check_due(session: Session, now: datetime) -> bool:
    marker = session.get(Lease, FULL_CHECK)
    return marker is None or marker.until <= now


def preload(session: Session, promise_ids: list[int]) -> list[Any]:
    """The promises, their tickets, owners and makers, and every team, in four queries."""
    promises = list(session.exec(select(Promise).where(col(Promise.id).in_(promise_ids))))
    ticket_ids = {p.ticket_id for p in promises}
    people = {p.owner_id for p in promises} | {p.maker_id for p in promises}
    people.discard(None)
    return [
        *promises,
        *session.exec(select(Ticket).where(col(Ticket.id).in_(ticket_ids))),
        *session.exec(select(Person).where(col(Person.id).in_(people))),
        *session.exec(select(Team)),
    ]


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
            # Load what the batch needs in a few queries, not several per promise. The
            # session's identity map holds objects weakly: `loaded` keeps them alive.
            loaded = preload(session, ids)
            live = [p for p in loaded if isinstance(p, Promise) and p.state in ("open", "snoozed")]
            if live:
                recomputer.prime(live)
            # No autoflush: the batch's inserts go out together at commit (a hand-off
            # flushes for itself when it needs an id).
            with session.no_autoflush:
                for promise_id in ids:
                    promise = session.get(Promise, promise_id)
                    if promise is not None and promise.state in ("open", "snoozed"):
                        recomputer.recompute(promise, now)
            session.commit()
        del loaded
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
            .where(col(Promise.id) == promise_id)
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
        seen_messages = _watermark(session, MESSAGE_WATERMARK)
        seen_assignments = _watermark(session, ASSIGNMENT_WATERMARK)
        newest_message = session.exec(select(sa.func.max(Message.id))).one() or 0
        newest_assignment = session.exec(select(sa.func.max(Assignment.id))).one() or 0
        touched = touched_tickets(
            session,
            max(0, seen_messages - WATERMARK_MARGIN),
            max(0, seen_assignments - WATERMARK_MARGIN),
        )
        ids = candidates_on_tickets(session, touched, now)
        full_check = _full_check_due(session, now)
        if full_check:
            ids += candidates_by_ticket(session)
        session.commit()
    calendars: dict[object, Any] = {}
    _recompute_ids(engine, config, list(dict.fromkeys(ids)), now, tally, calendars)
    with Session(engine) as session:
        _set_marker(session, MESSAGE_WATERMARK, str(max(seen_messages, newest_message)), now)
        _set_marker(
            session, ASSIGNMENT_WATERMARK, str(max(seen_assignments, newest_assignment)), now
        )
        if full_check:
            _set_marker(session, FULL_CHECK, "sweep", now + FULL_CHECK_EVERY)
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
    limit: int | None = None,
    stop: Any = None,
) -> SweepReport:
    """Claim due outbox rows (escalations and digests), send them, record the outcome;
    between rows, stop when `stop` (a threading.Event) is set."""
    from tracker.outbox.delivery import deliver_outbox

    return deliver_outbox(
        engine,
        config,
        now=now,
        worker_id=worker_id,
        transports=transports,
        limit=limit,
        stop=stop,
    )


def digests(engine: Engine, config: Config, *, now: datetime) -> int:
    """Queue each team's daily digest for its leads once `digest_at` has passed locally."""
    from tracker.outbox.digest import queue_digests

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
    stop: Any = None,
) -> SweepReport:
    """One whole pass: decide, queue digests, deliver (the service runs delivery as a
    job of its own, so deciding never waits on a slow channel)."""
    from tracker.queries import dismissed_total

    started = time.perf_counter()
    report = decide(engine, config, now=now)
    report.digests = digests(engine, config, now=now)
    report.add(
        deliver(engine, config, now=now, worker_id=worker_id, transports=transports, stop=stop)
    )
    with Session(engine) as session:
        report.dismissed_total = dismissed_total(session)
    report.seconds = time.perf_counter() - started
    return report
