"""One ticket with very many promises must not stall the sweep (issue 14, item 3): the
work per promise is a constant number of statements, not a query per promise, and a
ticket holds no more open promises than a person could keep."""

from __future__ import annotations

import random
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, func, select

from tests.helpers.promise_world import World, make_config, utc
from tracker.ingest.records import Batch, MessageRecord
from tracker.ingest.store import MAX_OPEN_PER_TICKET, ingest
from tracker.models import Promise
from tracker.promises import lifecycle
from tracker.promises.recompute import Recomputer
from tracker.reports import DecisionTally as Tally
from tracker.sweep import decide

MADE = utc(2026, 11, 23, 10)
DUE = utc(2026, 11, 23, 12)


def _busy_ticket(engine, promises: int) -> None:
    """`promises` open promises on one ticket, 20 per private note (so none is kept),
    all overdue, and the ticket handed from Amy to Bob."""
    with Session(engine) as session:
        world = World(session, make_config())
        ticket = world.ticket(assignee=world.amy)
        for n in range(promises):
            if n % 20 == 0:
                note = world.message(ticket, world.amy, MADE, public=False)
            session.add(
                Promise(
                    message_id=note.id, ticket_id=ticket.id, start=n % 20, end=n % 20 + 1,
                    quote="I'll update you", kind="update", due_at=DUE, maker_id=world.amy.id,
                    owner_id=world.amy.id, state="open", made_at=MADE, next_action_at=MADE,
                )
            )  # fmt: skip
        world.reassign(ticket, world.bob, MADE + timedelta(minutes=30))
        session.commit()


def test_a_busy_tickets_sweep_needs_no_statement_per_promise(engine):
    _busy_ticket(engine, 200)
    statements = []
    sa.event.listen(engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    report = decide(engine, make_config(), now=utc(2026, 11, 23, 15))
    assert report.examined == 200 and report.handoffs == 200
    assert report.escalations_created >= 400
    # Rows written are one per event and notice; what must not grow with the promises is
    # the rest (before: an assignment query, person loads and a flush for each promise).
    others = [s for s in statements if not s.lstrip().upper().startswith("INSERT")]
    assert len(others) < 50, len(others)


def test_a_ticket_holds_no_more_open_promises_than_the_cap(engine, caplog):
    text = " ".join(f"I will send you report number {n} tomorrow." for n in range(25))
    with Session(engine) as session:
        world = World(session, make_config())
        ticket = world.ticket(assignee=world.amy)
        messages = [
            MessageRecord(f"x{n}", ticket.external_id, MADE, text, world.amy.external_id, "agent")
            for n in range(7)
        ]
        ingest(session, world.source, Batch(cursor=None, messages=messages))
        session.commit()
        stored = session.exec(select(func.count()).select_from(Promise)).one()
    assert stored == MAX_OPEN_PER_TICKET == 100
    assert any(r.getMessage() == "open promises per ticket capped" for r in caplog.records)


def test_the_first_keepers_give_the_same_outcome_as_all_of_the_tickets_messages():
    rng = random.Random(14)
    for _ in range(300):
        messages = [
            lifecycle.MessageFacts(
                id=i,
                sent_at=MADE + timedelta(minutes=rng.randrange(0, 40)),
                author_role=rng.choice(["agent", "agent", "customer", "system"]),
                public=rng.random() < 0.6,
                is_own_note=rng.random() < 0.1,
                is_call=rng.random() < 0.3,
            )
            for i in range(1, rng.randrange(2, 12))
        ]
        made_by = rng.choice(messages)
        promise = lifecycle.PromiseFacts(
            1, rng.choice(["callback", "update"]), made_by.id, made_by.sent_at, DUE, "open"
        )
        recomputer = Recomputer(None, make_config(), Tally())  # type: ignore[arg-type]
        recomputer._messages[7] = messages
        now = MADE + timedelta(minutes=rng.randrange(0, 45))
        expected = lifecycle.resolve(promise, messages, "open", now)
        found = lifecycle.resolve(promise, recomputer._first_keepers(promise, 7), "open", now)
        assert found == expected
