"""What keeps a promise, asked of its Python form (`lifecycle.keeping_message`, which the
recomputer uses) and of its SQL form (`keeping.keeping_message_exists`, which the sweep
uses to find promises a reply may have kept), on the same stored cases: every mix of a
message's time (before the promise, the same second with a lower or a higher id, later,
after `now`), author, visibility, call flag and own-note flag, for a callback and for
an update. On SQLite and PostgreSQL (the `engine` fixture)."""

from __future__ import annotations

import itertools
from datetime import timedelta

import sqlalchemy as sa
from sqlmodel import Session, select

from tests.helpers.promise_world import utc
from tracker.models import Message, Promise, Source, Ticket
from tracker.promises.keeping import keeping_message_exists
from tracker.promises.lifecycle import MessageFacts, PromiseFacts, keeping_message

MADE = utc(2026, 11, 23, 10)
NOW = utc(2026, 11, 24, 12)
WHEN = {  # the message's time, and whether it is stored before the promise's message
    "earlier": (MADE - timedelta(minutes=5), False),
    "same second, lower id": (MADE, True),
    "same second, higher id": (MADE, False),
    "later": (MADE + timedelta(hours=2), False),
    "after now": (NOW + timedelta(minutes=1), False),
}
CASES = list(
    itertools.product(
        WHEN,
        ("agent", "customer"),  # author_role
        (True, False),  # public
        (True, False),  # is_call
        (True, False),  # is_own_note
        ("callback", "update"),  # the promise's kind
    )
)


def _message(session: Session, ticket: Ticket, external: str, **values: object) -> Message:
    row = Message(source_id=ticket.source_id, ticket_id=ticket.id, external_id=external, **values)
    session.add(row)
    session.flush()
    return row


def _store(session: Session) -> dict[int, tuple]:
    source = Source(name="desk", type="zendesk")
    session.add(source)
    session.flush()
    cases = {}
    for number, case in enumerate(CASES):
        when, role, public, is_call, own, kind = case
        sent_at, first = WHEN[when]
        ticket = Ticket(source_id=source.id, external_id=str(number))
        session.add(ticket)
        session.flush()
        candidate = {
            "sent_at": sent_at,
            "author_role": role,
            "public": public,
            "is_call": is_call,
            "is_own_note": own,
        }
        if first:
            _message(session, ticket, f"{number}-m", **candidate)
        origin = _message(session, ticket, f"{number}-p", sent_at=MADE, author_role="agent")
        if not first:
            _message(session, ticket, f"{number}-m", **candidate)
        promise = Promise(
            message_id=origin.id,
            ticket_id=ticket.id,
            start=0,
            end=10,
            quote="I'll call you back",
            kind=kind,
            made_at=MADE,
            due_at=MADE + timedelta(days=1),
        )
        session.add(promise)
        session.flush()
        cases[promise.id] = case
    session.commit()
    return cases


def _kept_in_python(session: Session) -> set[int]:
    kept = set()
    for promise in session.exec(select(Promise)):
        facts = PromiseFacts(
            promise.id,
            promise.kind,
            promise.message_id,
            promise.made_at,
            promise.due_at,
            promise.state,
        )
        messages = [
            MessageFacts(m.id, m.sent_at, m.author_role, m.public, m.is_own_note, m.is_call)
            for m in session.exec(select(Message).where(Message.ticket_id == promise.ticket_id))
        ]
        if keeping_message(facts, messages, NOW) is not None:
            kept.add(promise.id)
    return kept


def _kept_in_sql(session: Session) -> set[int]:
    query = select(Promise.id).where(keeping_message_exists(Message, Promise, NOW))
    return set(session.exec(query))


def test_the_python_and_sql_forms_of_kept_agree_on_every_case(engine):
    with Session(engine) as session:
        cases = _store(session)
        in_python = _kept_in_python(session)
        in_sql = _kept_in_sql(session)
    differ = sorted(cases[i] for i in in_python ^ in_sql)
    assert not differ, f"{len(differ)} cases differ, e.g. {differ[:5]}"
    # The cases reach both answers and each part of the rule (not a vacuous agreement).
    kept = {cases[i] for i in in_python}
    assert 0 < len(kept) < len(cases)
    assert ("later", "agent", True, False, False, "update") in kept
    assert ("same second, higher id", "agent", False, True, False, "callback") in kept
    assert ("later", "agent", False, True, False, "update") not in kept  # a call, an update
    assert ("same second, lower id", "agent", True, False, False, "update") not in kept
    assert ("after now", "agent", True, False, False, "update") not in kept
    assert ("later", "agent", True, False, True, "update") not in kept  # our own note
    assert ("later", "customer", True, False, False, "update") not in kept


def test_the_sql_form_correlates_with_each_promise_not_the_first(engine):
    """Two promises on one ticket, made before and after the one reply: only the first
    is kept, by both forms."""
    with Session(engine) as session:
        source = Source(name="desk", type="zendesk")
        session.add(source)
        session.flush()
        ticket = Ticket(source_id=source.id, external_id="1")
        session.add(ticket)
        session.flush()
        ids = []
        for external, at in (("a", MADE), ("reply", MADE + timedelta(hours=1))):
            row = Message(
                source_id=source.id, ticket_id=ticket.id, external_id=external,
                sent_at=at, author_role="agent",
            )  # fmt: skip
            session.add(row)
            session.flush()
            ids.append(row.id)
        late = Message(source_id=source.id, ticket_id=ticket.id, external_id="b",
                       sent_at=MADE + timedelta(hours=2), author_role="agent")  # fmt: skip
        session.add(late)
        session.flush()
        for message_id, made in ((ids[0], MADE), (late.id, late.sent_at)):
            session.add(
                Promise(message_id=message_id, ticket_id=ticket.id, start=0, end=1, quote="q",
                        kind="update", made_at=made, due_at=made + timedelta(days=1))
            )  # fmt: skip
        session.commit()
        first = session.exec(select(Promise.id).where(Promise.message_id == ids[0])).one()
        assert _kept_in_sql(session) == _kept_in_python(session) == {first}
        assert session.exec(select(sa.func.count()).select_from(Promise)).one() == 2
