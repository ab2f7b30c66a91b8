"""The sweep's decisions on both databases: fulfilment, hand-offs, the ladder, snoozes."""

from __future__ import annotations

import json

import sqlalchemy as sa
from sqlmodel import Session, select

from tests.helpers.promise_world import World, events, make_config, utc
from tracker.models import Escalation, Promise
from tracker.promises import actions
from tracker.promises.recompute import Recomputer
from tracker.sweep import decide, run_sweep

MADE = utc(2026, 11, 23, 10)  # a Monday
DUE = utc(2026, 11, 24, 11)


def rows(engine, promise_id):
    with Session(engine) as session:
        query = select(Escalation).where(Escalation.promise_id == promise_id)
        return {(e.step, e.channel, e.recipient): e.status for e in session.exec(query)}


def load(engine, promise_id) -> Promise:
    with Session(engine) as session:
        return session.get(Promise, promise_id)


def setup(engine, config=None, **kw):
    with Session(engine, expire_on_commit=False) as session:
        world = World(session, config or make_config(**kw))
        ticket = world.ticket(assignee=world.amy)
        promise = world.promise(ticket, world.amy, MADE, DUE)
        session.commit()
    return world, ticket, promise


def test_it_walks_the_ladder_once_and_stops_when_a_colleague_replies(engine):
    world, ticket, promise = setup(engine)
    config = world.config

    decide(engine, config, now=MADE)
    assert load(engine, promise.id).next_action_at == utc(2026, 11, 24, 10)
    assert rows(engine, promise.id) == {}

    decide(engine, config, now=utc(2026, 11, 24, 10, 5))
    assert rows(engine, promise.id) == {("remind", "email", "amy@acme.example"): "pending"}
    decide(engine, config, now=utc(2026, 11, 24, 11))
    report = decide(engine, config, now=utc(2026, 11, 24, 13))
    assert report.escalations_created == 1
    assert set(rows(engine, promise.id)) == {
        ("remind", "email", "amy@acme.example"),
        ("overdue", "email", "amy@acme.example"),
        ("lead", "email", "lead@acme.example"),
    }
    assert load(engine, promise.id).next_action_at == utc(2026, 11, 24, 15)
    again = decide(engine, config, now=utc(2026, 11, 24, 13, 1))
    assert again.escalations_created == 0 and again.examined == 0

    with Session(engine) as session:
        world.session = session
        reply = world.message(ticket, world.bob, utc(2026, 11, 24, 13, 30))
        reply_id = reply.id
        session.commit()
    report = decide(engine, config, now=utc(2026, 11, 24, 13, 31))
    assert report.kept == 1
    kept = load(engine, promise.id)
    assert (kept.state, kept.kept_at, kept.kept_by_message_id) == (
        "kept",
        utc(2026, 11, 24, 13, 30),
        reply_id,
    )
    assert kept.next_action_at is None
    with Session(engine) as session:
        last = events(session, promise.id)[-1]
    assert last.event == "kept"
    detail = json.loads(last.detail)
    assert detail["late_by_seconds"] == 2.5 * 3600
    assert detail["kept_by"] == "bob@acme.example"
    # The manager step never comes.
    decide(engine, config, now=utc(2026, 11, 25, 12))
    assert ("manager", "email", "boss@acme.example") not in rows(engine, promise.id)


def test_a_hand_off_moves_the_promise_and_tells_the_new_owner(engine):
    world, ticket, promise = setup(engine)
    with Session(engine, expire_on_commit=False) as session:
        world.session = session
        ticket = session.get(type(ticket), ticket.id)
        assignment = world.reassign(ticket, world.bob, utc(2026, 11, 23, 12))
        session.commit()
    report = decide(engine, world.config, now=utc(2026, 11, 23, 12, 5))
    assert report.handoffs == 1
    moved = load(engine, promise.id)
    assert moved.owner_id == world.bob.id
    assert rows(engine, promise.id) == {
        (f"handoff-{assignment.id}", "email", "bob@acme.example"): "pending"
    }
    with Session(engine) as session:
        handed = [e for e in events(session, promise.id) if e.event == "handed_off"]
    assert len(handed) == 1
    assert json.loads(handed[0].detail)["to"] == "bob@acme.example"
    # The reminder now goes to the new owner.
    decide(engine, world.config, now=utc(2026, 11, 24, 10, 30))
    assert ("remind", "email", "bob@acme.example") in rows(engine, promise.id)
    assert decide(engine, world.config, now=utc(2026, 11, 24, 10, 31)).handoffs == 0
    # The new owner's reply keeps the promise the old owner made.
    with Session(engine, expire_on_commit=False) as session:
        world.session = session
        reply = world.message(ticket, world.bob, utc(2026, 11, 24, 10, 45))
        session.commit()
    assert decide(engine, world.config, now=utc(2026, 11, 24, 10, 46)).kept == 1
    kept = load(engine, promise.id)
    assert (kept.state, kept.kept_by_message_id, kept.maker_id, kept.owner_id) == (
        "kept",
        reply.id,
        world.amy.id,
        world.bob.id,
    )


def test_a_ticket_solved_without_a_reply_breaks_the_promise(engine):
    world, ticket, promise = setup(engine)
    decide(engine, world.config, now=utc(2026, 11, 24, 11))
    with Session(engine) as session:
        session.execute(
            sa.update(type(ticket)).where(type(ticket).id == ticket.id).values(status="solved")
        )
        session.commit()
    report = decide(engine, world.config, now=utc(2026, 11, 24, 11, 10))
    assert report.broken == 1
    assert load(engine, promise.id).state == "broken"
    # What the ladder had pending is cancelled; the owner and the lead hear of the break.
    outbox = rows(engine, promise.id)
    broken = {key: status for key, status in outbox.items() if key[0] == "broken"}
    assert broken == {
        ("broken", "email", "amy@acme.example"): "pending",
        ("broken", "email", "lead@acme.example"): "pending",
    }
    assert set(outbox.values()) - set(broken.values()) <= {"cancelled"}


def test_a_private_note_or_customer_reply_keeps_nothing(engine):
    world, ticket, promise = setup(engine)
    with Session(engine) as session:
        world.session = session
        world.message(ticket, world.bob, utc(2026, 11, 23, 11), public=False)
        world.message(ticket, world.cat, utc(2026, 11, 23, 12))
        world.message(ticket, world.amy, utc(2026, 11, 23, 13), own_note=True)
        session.commit()
    report = decide(engine, world.config, now=utc(2026, 11, 23, 14))
    assert report.kept == 0
    assert load(engine, promise.id).state == "open"


def test_a_snooze_stops_what_is_pending_and_the_ladder_resumes_after_it(engine):
    world, _ticket, promise = setup(engine)
    decide(engine, world.config, now=utc(2026, 11, 24, 11))
    assert rows(engine, promise.id)[("overdue", "email", "amy@acme.example")] == "pending"
    with Session(engine) as session:
        actions.snooze(
            session,
            promise.id,
            "amy@acme.example",
            utc(2026, 11, 25, 14),
            now=utc(2026, 11, 24, 11, 5),
        )
        session.commit()
    assert set(rows(engine, promise.id).values()) == {"cancelled"}
    assert decide(engine, world.config, now=utc(2026, 11, 25, 13)).examined == 0
    report = decide(engine, world.config, now=utc(2026, 11, 25, 14))
    assert report.resumed == 1
    assert load(engine, promise.id).state == "open"
    assert rows(engine, promise.id)[("overdue", "email", "amy@acme.example")] == "pending"
    assert load(engine, promise.id).next_action_at == utc(2026, 11, 25, 16)


def test_one_crashing_promise_is_pushed_an_hour_on_and_the_rest_go_on(engine, monkeypatch):
    world, _ticket, bad = setup(engine)
    with Session(engine, expire_on_commit=False) as session:
        world.session = session
        good = world.promise(world.ticket(assignee=world.bob), world.bob, MADE, DUE)
        session.commit()
    real = Recomputer.recompute

    def explode(self, promise, now):
        if promise.id == bad.id:
            raise RuntimeError("corrupt row")
        return real(self, promise, now)

    monkeypatch.setattr(Recomputer, "recompute", explode)
    now = utc(2026, 11, 24, 11)
    report = decide(engine, world.config, now=now)
    assert report.errors == [f"promise {bad.id}: RuntimeError: corrupt row"]
    assert load(engine, bad.id).next_action_at == utc(2026, 11, 24, 12)
    assert load(engine, good.id).next_action_at == utc(2026, 11, 24, 13)
    assert decide(engine, world.config, now=now).examined == 0


def test_the_summary_counts_dismissals(engine):
    world, _ticket, promise = setup(engine, email_port=None)
    with Session(engine) as session:
        actions.dismiss(session, promise.id, "lead@acme.example", "a question", now=MADE)
        session.commit()
    report = run_sweep(engine, world.config, now=utc(2026, 11, 24, 12), transports={})
    assert report.dismissed_total == 1
    assert rows(engine, promise.id) == {}
