"""The sweep: fulfilment, escalation decisions, delivery and digests, as of `now`.

The loop only acts; `tracker.promises.lifecycle` and `tracker.promises.escalation` decide. Steps of
`decide`:
1. promises on tickets with a message or assignment stored since the last pass
   (watermarks, in `sweep_progress`) that a reply keeps or a closure or hand-off changes;
2. every FULL_CHECK_EVERY, all live promises whose ticket was closed or reassigned
   (a safety net for ticket changes that came with neither);
3. promises whose `next_action_at` has come (`state IN open/snoozed` on the
   (state, next_action_at) index): recompute, write outbox rows, push the column
   forward — by an hour when recomputing crashes, so one bad row cannot loop.
`deliver` then claims outbox rows and sends them (tracker.outbox.delivery) through the
transports the caller chose (`integrations.notify.transports_for` at the edges).
The queries live in tracker.promises.candidates and the counts in tracker.reports; this
module runs the steps, batching the recomputation and isolating a promise that fails.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from tracker.config import Config
from tracker.models import Assignment, Message, Promise, SweepProgress
from tracker.outbox.delivery import deliver_outbox
from tracker.outbox.digest import queue_digests
from tracker.outbox.transport import Transports
from tracker.promises.candidates import (
    BATCH,
    candidates_by_ticket,
    candidates_on_tickets,
    due_query,
    preload,
    touched_tickets,
)
from tracker.promises.lifecycle import LIVE_STATES
from tracker.promises.recompute import Recomputer
from tracker.queries import dismissed_total
from tracker.reports import DecisionTally, SweepReport
from tracker.row_cache import RowCache
from tracker.teams import teams_follow_config

log = logging.getLogger(__name__)

CRASH_BACKOFF = timedelta(hours=1)
FULL_CHECK_EVERY = timedelta(minutes=10)
# Rows are numbered as they are stored, but a slow ingest transaction can commit a lower
# id after a higher one: look back this many ids each pass so none is skipped (the
# candidate query only returns promises that actually changed, so this costs little).
WATERMARK_MARGIN = 1000


def _progress(session: Session, now: datetime) -> SweepProgress:
    """The sweep's one progress row (tracker.models.SweepProgress), new if none yet."""
    return session.get(SweepProgress, 1) or SweepProgress(id=1, updated_at=now)


def _recompute_batch(
    engine: Engine,
    config: Config,
    ids: list[int],
    now: datetime,
    tally: DecisionTally,
    calendars: dict[object, Any],
) -> None:
    """Recompute promises in one transaction; if any fails, redo them one by one so
    only the bad one is pushed an hour on."""
    trial = DecisionTally()
    try:
        with Session(engine, expire_on_commit=False) as session, RowCache() as held:
            recomputer = Recomputer(session, config, trial, calendars)
            # Load what the batch needs in a few queries, not several per promise.
            loaded = held.hold(preload(session, ids))
            live = [p for p in loaded if isinstance(p, Promise) and p.state in LIVE_STATES]
            if live:
                recomputer.prime(live)
            # No autoflush: the batch's inserts go out together at commit (a hand-off
            # flushes for itself when it needs an id).
            with session.no_autoflush:
                for promise_id in ids:
                    promise = session.get(Promise, promise_id)
                    if promise is not None and promise.state in LIVE_STATES:
                        recomputer.recompute(promise, now)
            session.commit()
    except Exception:
        if len(ids) == 1:
            _push_on(engine, ids[0], now, tally)
            return
        for promise_id in ids:
            _recompute_batch(engine, config, [promise_id], now, tally, calendars)
        return
    tally.add_decisions(trial)


def _push_on(engine: Engine, promise_id: int, now: datetime, tally: DecisionTally) -> None:
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
    tally: DecisionTally,
    calendars: dict[object, Any],
) -> None:
    for start in range(0, len(ids), BATCH):
        _recompute_batch(engine, config, ids[start : start + BATCH], now, tally, calendars)


def decide(engine: Engine, config: Config, *, now: datetime, limit: int = 100_000) -> SweepReport:
    """Fulfilment and escalation decisions: writes promise states and outbox rows."""
    started = time.perf_counter()
    report = SweepReport()
    teams_follow_config(engine, config)
    with Session(engine, expire_on_commit=False) as session:
        progress = _progress(session, now)
        seen_messages = progress.message_watermark
        seen_assignments = progress.assignment_watermark
        newest_message = session.exec(select(sa.func.max(Message.id))).one() or 0
        newest_assignment = session.exec(select(sa.func.max(Assignment.id))).one() or 0
        touched = touched_tickets(
            session,
            max(0, seen_messages - WATERMARK_MARGIN),
            max(0, seen_assignments - WATERMARK_MARGIN),
        )
        ids = candidates_on_tickets(session, touched, now)
        full_check = progress.full_check_at is None or progress.full_check_at <= now
        if full_check:
            ids += candidates_by_ticket(session)
        session.commit()
    calendars: dict[object, Any] = {}
    _recompute_ids(engine, config, list(dict.fromkeys(ids)), now, report, calendars)
    with Session(engine) as session:
        progress = _progress(session, now)
        progress.message_watermark = max(seen_messages, newest_message)
        progress.assignment_watermark = max(seen_assignments, newest_assignment)
        progress.updated_at = now
        if full_check:
            progress.full_check_at = now + FULL_CHECK_EVERY
        session.add(progress)
        session.commit()

    done = 0
    for state in ("snoozed", "open"):
        while done < limit:
            with Session(engine) as session:
                batch = list(session.exec(due_query(state, now, min(BATCH, limit - done))))
            if not batch:
                break
            _recompute_ids(engine, config, batch, now, report, calendars)
            done += len(batch)

    report.seconds = time.perf_counter() - started
    return report


def deliver(
    engine: Engine,
    config: Config,
    *,
    now: datetime,
    transports: Transports,
    worker_id: str = "cli",
    limit: int | None = None,
    stop: threading.Event | None = None,
) -> SweepReport:
    """Claim due outbox rows (escalations and digests), send them through `transports`,
    record the outcome; between rows, stop when `stop` is set."""
    delivered = deliver_outbox(
        engine,
        config,
        now=now,
        worker_id=worker_id,
        transports=transports,
        limit=limit,
        stop=stop,
    )
    return SweepReport.of_deliveries(delivered)


def digests(engine: Engine, config: Config, *, now: datetime) -> int:
    """Queue each team's daily digest for its leads once `digest_at` has passed locally."""
    with Session(engine, expire_on_commit=False) as session:
        count = queue_digests(session, config, now)
        session.commit()
    return count


def run_sweep(
    engine: Engine,
    config: Config,
    *,
    now: datetime,
    transports: Transports,
    worker_id: str = "cli",
    stop: threading.Event | None = None,
) -> SweepReport:
    """One whole pass: decide, queue digests, deliver (the service runs delivery as a
    job of its own, so deciding never waits on a slow channel)."""
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
