"""Retention: closed promises, their history and finished outbox rows older than
`keep_history` are pruned; live promises and recent history stay."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from tests.helpers.promise_world import World, make_config, utc
from tests.helpers.sweeping import run_sweep
from tracker.models import Escalation, Promise, PromiseEvent
from tracker.retention import prune

NOW = utc(2027, 6, 1)


def test_history_older_than_keep_history_is_pruned_and_the_rest_stays(engine):
    config = make_config(email_port=None)
    with Session(engine, expire_on_commit=False) as session:
        world = World(session, config)
        world.source.last_success_at = NOW
        old_ticket = world.ticket(assignee=world.amy)
        old = world.promise(old_ticket, world.amy, utc(2026, 11, 23, 10), utc(2026, 11, 24, 11))
        live = world.promise(world.ticket(assignee=world.amy), world.amy, utc(2027, 5, 30), NOW)
        recent = world.promise(world.ticket(assignee=world.bob), world.bob, utc(2027, 5, 1), NOW)
        session.commit()
    with Session(engine) as session:
        for promise_id, closed in ((old.id, utc(2026, 11, 25)), (recent.id, utc(2027, 5, 2))):
            promise = session.get(Promise, promise_id)
            promise.state, promise.closed_at = "kept", closed
            session.add(PromiseEvent(promise_id=promise_id, at=closed, event="kept"))
            session.add(promise)
        session.add(
            Escalation(promise_id=old.id, step="overdue", channel="email", recipient="a@x",
                       status="sent", due_at=utc(2026, 11, 24, 11), created_at=utc(2026, 11, 24))
        )  # fmt: skip
        session.commit()
    run_sweep(engine, config, now=NOW)

    report = prune(engine, now=NOW, keep=timedelta(days=180), batch=1)
    assert (report.promises, report.escalations) == (1, 1) and report.events >= 1
    with Session(engine) as session:
        left = set(session.exec(select(Promise.id)))
        assert left == {live.id, recent.id}
        assert (
            session.exec(select(PromiseEvent).where(PromiseEvent.promise_id == old.id)).all() == []
        )
    assert prune(engine, now=NOW, keep=timedelta(days=180)).promises == 0  # nothing twice
