"""Delivery: claim outbox rows with an expiring lease, send, record the outcome.

Steps of `deliver_outbox`, for escalation rows (one channel after another) and then
digest rows:
1. skip a channel that is paused (it did not answer on an earlier pass);
2. pick due pending rows of the channel whose lease is free (PostgreSQL: FOR UPDATE
   SKIP LOCKED, so workers do not even try the same rows), claim each by compare-and-set
   (`UPDATE … WHERE id AND status='pending' AND lease free`, rowcount 1) and commit;
3. send each and commit its outcome before taking the next row: sent, failed (permanent,
   or too many attempts) or retry later (exponential backoff). The record only lands if
   we still hold the lease;
4. stop taking rows when the stop flag is set, the channel's time for this pass
   (`[service] channel_time`) is spent, or the channel turned out unreachable (it is then
   paused with a growing backoff: the row that found it down is retried after the pause,
   the rest are not tried one by one meanwhile); unsent claims are released.

Delivery guarantee: a crash between a send and its record leaves that one row pending
with a lease that expires, so it is sent once more (at least once, never skipped, and at
most one repeat per channel per crash: each worker sends one row at a time). Ticket notes
carry a marker the write-back looks for first, so even that note is not written twice.
"""

from __future__ import annotations

import html
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from tracker.config import Config
from tracker.corrections.replies import with_reply_token
from tracker.db import rowcount
from tracker.models import (
    Digest,
    Escalation,
    Lease,
    Person,
    Promise,
    Source,
    Team,
    Ticket,
    stored_id,
)
from tracker.outbox.notices import PromiseView, compose
from tracker.outbox.rows import CANCELLED, FAILED, PENDING, SENT, TAG_CLEAR, TAG_OPEN
from tracker.outbox.transport import Notice, TransportError, Transports
from tracker.promises.candidates import preload
from tracker.reports import DeliveryTally
from tracker.row_cache import RowCache

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
CLAIM_BATCH = 200
DIGEST_CHANNEL = "email"
PAUSE_PREFIX = "pause:"  # lease-table rows: a paused channel (owner: pauses in a row)


def backoff(attempts: int) -> timedelta:
    """1 min, 2, 4, … capped at an hour."""
    return min(timedelta(hours=1), timedelta(minutes=1) * 2 ** max(0, attempts - 1))


def _lease_free(model: Any, now: datetime) -> sa.ColumnElement[bool]:
    return sa.or_(model.lease_until.is_(None), model.lease_until < now)


def claim(
    engine: Engine,
    model: Any,
    *,
    now: datetime,
    worker_id: str,
    lease: timedelta,
    limit: int = CLAIM_BATCH,
    channel: str | None = None,
) -> list[int]:
    """Claim up to `limit` due rows of `model` (Escalation or Digest) for this worker;
    with `channel`, only escalation rows of that channel."""
    with Session(engine) as session:
        query = (
            select(model.id)
            .where(model.status == PENDING, model.next_attempt_at <= now, _lease_free(model, now))
            .order_by(model.next_attempt_at, model.id)
            .limit(limit)
        )
        if channel is not None and model is Escalation:
            query = query.where(Escalation.channel == channel)
        if engine.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        candidates = list(session.exec(query))
        claimed = []
        for row_id in candidates:
            result = session.execute(
                sa.update(model)
                .where(model.id == row_id, model.status == PENDING, _lease_free(model, now))
                .values(lease_owner=worker_id, lease_until=now + lease, attempts=model.attempts + 1)
            )
            if rowcount(result) == 1:
                claimed.append(row_id)
        session.commit()
    return claimed


def release(session: Session, model: Any, row_ids: list[int], worker_id: str) -> int:
    """Give back claims that were not tried (the attempt they counted is undone)."""
    if not row_ids:
        return 0
    result = session.execute(
        sa.update(model)
        .where(model.id.in_(row_ids), model.lease_owner == worker_id, model.status == PENDING)
        .values(lease_owner=None, lease_until=None, attempts=model.attempts - 1)
        .execution_options(synchronize_session=False)
    )
    return rowcount(result)


def record(session: Session, model: Any, row_id: int, worker_id: str, **values: Any) -> bool:
    """Write an outcome if this worker still holds the row's lease (the caller commits,
    before it takes the next row: a crash then repeats at most the row in flight)."""
    result = session.execute(
        sa.update(model)
        .where(model.id == row_id, model.lease_owner == worker_id)
        .values(lease_owner=None, lease_until=None, **values)
        # The batch's rows are loaded in this session; matching the update against all of
        # them in Python costs more than the update itself, and they are not read again.
        .execution_options(synchronize_session=False)
    )
    return rowcount(result) == 1


def pause(session: Session, channel: str, now: datetime) -> datetime:
    """Pause a channel that did not answer: 1 min, then 2, 4 … (at most an hour) while it
    keeps failing; a send that goes through ends the streak (`resume`)."""
    row = session.get(Lease, PAUSE_PREFIX + channel)
    streak = (int(row.owner) if row is not None and row.owner.isdigit() else 0) + 1
    until = now + backoff(streak)
    if row is None:
        row = Lease(name=PAUSE_PREFIX + channel, owner=str(streak), until=until)
    row.owner, row.until = str(streak), until
    session.add(row)
    return until


def resume(session: Session, channel: str) -> None:
    session.execute(sa.delete(Lease).where(col(Lease.name) == PAUSE_PREFIX + channel))


class Deliverer:
    def __init__(
        self,
        engine: Engine,
        config: Config,
        now: datetime,
        worker_id: str,
        transports: Transports,
        *,
        stop: threading.Event | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.engine = engine
        self.config = config
        self.now = now
        self.worker_id = worker_id
        self.transports = transports
        self.stop = stop if stop is not None else threading.Event()
        self.clock = clock
        self._started = clock()
        self.channel_time = config.service.channel_time.delta.total_seconds()
        self.report = DeliveryTally()
        self.paused: set[str] = set()
        self._was_paused: set[str] = set()

    def channels(self) -> list[str]:
        """The channels with rows pending, e-mail first."""
        with Session(self.engine) as session:
            query = select(Escalation.channel).where(Escalation.status == PENDING).distinct()
            found = set(session.exec(query))
        order = ("email", "slack", "ticket")
        return [c for c in order if c in found] + sorted(found - set(order))

    def run(self, model: Any, limit: int) -> None:
        if model is Escalation:
            channels: list[str | None] = list(self.channels())
        else:
            channels = [None]
        done = 0
        for channel in channels:
            if self.stop.is_set() or done >= limit:
                return
            done += self.run_channel(model, channel, limit - done)

    def run_channel(self, model: Any, channel: str | None, limit: int) -> int:
        """Deliver one channel's due rows, within its time for this pass."""
        name = channel or DIGEST_CHANNEL
        with Session(self.engine) as session:
            row = session.get(Lease, PAUSE_PREFIX + name)
            if row is not None and row.until > self.now:
                self.paused.add(name)
            elif row is not None:
                self._was_paused.add(name)  # tried again: a success ends the streak
        deadline = self.clock() + self.channel_time
        lease = self.config.service.lease.delta
        done = 0
        while done < limit and not self._must_stop(name, deadline):
            ids = claim(
                self.engine,
                model,
                now=self.claim_time(),
                worker_id=self.worker_id,
                lease=lease,
                limit=min(CLAIM_BATCH, limit - done),
                channel=channel,
            )
            if not ids:
                break
            with Session(self.engine, expire_on_commit=False) as session, RowCache() as held:
                held.hold(self._preload(session, model, ids))
                for number, row_id in enumerate(ids):
                    if self._must_stop(name, deadline):
                        release(session, model, ids[number:], self.worker_id)
                        session.commit()
                        return done + number
                    self.one(session, model, row_id, name)
                    session.commit()  # recorded before the next row is taken
            done += len(ids)
        return done

    def claim_time(self) -> datetime:
        """The pass's `now` moved on by the time the pass has taken: a claim made late in a
        long pass holds its rows for the full lease from when it is made, and another
        worker's claim does not see a lease as run out before it has."""
        return self.now + timedelta(seconds=max(0.0, self.clock() - self._started))

    def _must_stop(self, channel: str, deadline: float) -> bool:
        return self.stop.is_set() or channel in self.paused or self.clock() >= deadline

    def _preload(self, session: Session, model: Any, ids: list[int]) -> list[Any]:
        """The claimed rows and what their notices need, in a few queries (held for the
        batch in a tracker.row_cache.RowCache)."""
        rows = list(session.exec(select(model).where(model.id.in_(ids))))
        if model is not Escalation:
            return [*rows, *session.exec(select(Team))]
        return [*rows, *preload(session, sorted({r.promise_id for r in rows})),
                *session.exec(select(Source))]  # fmt: skip

    def one(self, session: Session, model: Any, row_id: int, channel: str = "") -> None:
        row = session.get(model, row_id)
        try:
            notice, channel, recipient, label = self._notice(session, row)
        except TransportError as exc:
            self._outcome(session, model, row, exc, f"{model.__name__} {row_id}")
            return
        if notice is None:
            record(session, model, row_id, self.worker_id, status=CANCELLED)
            return
        transport = self.transports.get(channel)
        try:
            if transport is None:
                raise TransportError(f"channel {channel} is not configured", permanent=True)
            transport.send(notice, recipient)
        except TransportError as exc:
            self._outcome(session, model, row, exc, label, channel)
            return
        except Exception as exc:  # a transport bug: retry later, keep going
            log.exception("sending %s failed", label)
            self._outcome(
                session, model, row, TransportError(f"{type(exc).__name__}: {exc}"), label
            )
            return
        if record(
            session,
            model,
            row_id,
            self.worker_id,
            status=SENT,
            sent_at=self.now,
            last_error=None,
        ):
            self.report.delivered += 1
        if channel in self._was_paused:
            resume(session, channel)
            self._was_paused.discard(channel)

    def _outcome(
        self,
        session: Session,
        model: Any,
        row: Any,
        exc: TransportError,
        label: str,
        channel: str | None = None,
    ) -> None:
        message = str(exc)[:2000]
        if exc.unreachable and channel is not None:
            # The channel is down, not this message: pause the channel and retry this
            # row after the pause; the attempt does not count towards giving up.
            until = pause(session, channel, self.now)
            self.paused.add(channel)
            self.report.paused.append(channel)
            log.warning("channel %s paused until %s: %s", channel, until.isoformat(), message)
            if record(
                session,
                model,
                row.id,
                self.worker_id,
                next_attempt_at=until,
                attempts=max(0, row.attempts - 1),
                last_error=message,
            ):
                self.report.retried += 1
            return
        if exc.permanent or row.attempts >= MAX_ATTEMPTS:
            if not exc.permanent:
                message = f"gave up after {row.attempts} attempts: {message}"
            if record(
                session,
                model,
                row.id,
                self.worker_id,
                status=FAILED,
                last_error=message,
            ):
                self.report.failed += 1
                self.report.failures.append(f"{label}: {message}")
            return
        retry_at = self.now + backoff(row.attempts)
        if record(
            session,
            model,
            row.id,
            self.worker_id,
            next_attempt_at=retry_at,
            last_error=message,
        ):
            self.report.retried += 1

    def _notice(self, session: Session, row: Any) -> tuple[Notice | None, str, str, str]:
        if isinstance(row, Digest):
            team = session.get(Team, row.team_id)
            name = team.name if team else str(row.team_id)
            subject = f"Follow-through daily digest: {name}, {row.day}"
            notice = Notice(
                subject=subject,
                text=row.body,
                html=f"<h3>{html.escape(subject)}</h3><pre>{html.escape(row.body)}</pre>",
                slack=row.body,
            )
            return notice, "email", row.recipient, f"digest {name} {row.day} to {row.recipient}"
        label = f"promise {row.promise_id} {row.step} {row.channel} {row.recipient}"
        promise = session.get(Promise, row.promise_id)
        if promise is None:
            raise TransportError("the promise no longer exists", permanent=True)
        if row.step == "broken":
            if promise.state != "broken":
                return None, row.channel, row.recipient, label
        elif row.step not in (TAG_OPEN, TAG_CLEAR) and promise.state != "open":
            return None, row.channel, row.recipient, label  # kept, snoozed, dismissed: stop
        if row.step == TAG_OPEN and promise.state != "open":
            return None, row.channel, row.recipient, label
        view = promise_view(session, promise, self.config, self.now)
        ticket = session.get(Ticket, promise.ticket_id)
        if row.channel == "ticket" and ticket is not None and ticket.status in ("solved", "closed"):
            raise TransportError(f"ticket {ticket.external_id} is {ticket.status}", permanent=True)
        notice = compose(row.step, view, self.now)
        if row.channel == "email":
            notice = with_reply_token(
                session, self.config, notice, stored_id(promise), row.recipient, self.now
            )
        if row.channel == "ticket" and notice.note:
            # Every note carries its marker; only a row claimed before (its worker may have
            # died after writing the note) costs the help desk a look at the ticket first.
            marker = note_marker(row)
            check = marker if row.attempts > 1 else None
            notice = replace(notice, text=f"{notice.text}\n\n{marker}", marker=check)
        return notice, row.channel, row.recipient, label


def note_marker(row: Escalation) -> str:
    """The line that identifies one outbox row's ticket note (checked before writing)."""
    return f"(follow-through ref {row.promise_id}-{row.step})"


def promise_view(
    session: Session, promise: Promise, config: Config | None = None, now: datetime | None = None
) -> PromiseView:
    """What a notice says about `promise`; with `config` and `now`, also whether the
    source's data is older than one poll interval (the notice then says so)."""
    ticket = session.get(Ticket, promise.ticket_id)
    assert ticket is not None
    source = session.get(Source, ticket.source_id)
    owner = session.get(Person, promise.owner_id) if promise.owner_id else None
    maker = session.get(Person, promise.maker_id) if promise.maker_id else None
    zone = "UTC"
    team = session.get(Team, promise.team_id) if promise.team_id is not None else None
    if team is not None:  # the promise's team (tracker.teams.decide_team)
        zone = team.timezone
    elif owner is not None and owner.time_zone:
        zone = owner.time_zone
    return PromiseView(
        promise_id=stored_id(promise),
        quote=promise.quote,
        kind=promise.kind,
        due_at=promise.due_at,
        source=source.name if source else "",
        source_type=source.type if source else "",
        ticket=ticket.external_id,
        ticket_subject=ticket.subject,
        ticket_url=ticket.url,
        owner=owner.email if owner else None,
        maker=maker.email if maker else None,
        timezone=zone,
        synced_to=source.last_success_at if source else None,
        stale=_stale(source, config, now),
    )


def _stale(source: Source | None, config: Config | None, now: datetime | None) -> bool:
    if source is None or config is None or now is None:
        return False
    try:
        poll = config.source(source.name).poll_every.delta
    except KeyError:
        return False  # no longer polled: its age says nothing about a missed reply
    synced = source.last_success_at
    return synced is None or now - synced > poll


def deliver_outbox(
    engine: Engine,
    config: Config,
    *,
    now: datetime,
    transports: Transports,
    worker_id: str = "cli",
    limit: int | None = None,
    stop: threading.Event | None = None,
) -> DeliveryTally:
    """Send every due escalation and digest row (up to `limit`, by default
    `[service] delivery_batch`, of each) through `transports`, which the caller chose
    (`integrations.notify.transports_for` at the edges); they are closed at the end."""
    if limit is None:
        limit = config.service.delivery_batch
    deliverer = Deliverer(
        engine,
        config,
        now,
        worker_id,
        transports,
        stop=stop,
    )
    try:
        deliverer.run(Escalation, limit)
        deliverer.run(Digest, limit)
    finally:
        for transport in deliverer.transports.values():
            close = getattr(transport, "close", None)
            if close is not None:
                close()
    return deliverer.report
