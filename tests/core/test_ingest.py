from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, select

from tracker.ingest import get_or_create_source, ingest
from tracker.models import Assignment, Message, Person, Source, Ticket
from tracker.records import (
    AssignmentRecord,
    Batch,
    GroupRecord,
    MessageRecord,
    PersonRecord,
    TicketRecord,
)

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _batch(cursor: str, assignee: str = "a1") -> Batch:
    return Batch(
        cursor=cursor,
        people=[
            PersonRecord("a1", "agent", "Amy", "Amy@Acme.example", "Europe/London"),
            PersonRecord("c1", "customer", "Carl", "carl@example.com"),
        ],
        groups=[GroupRecord("g1", "Tier 1", lead_external_id="a9")],
        tickets=[
            TicketRecord("100", "Fence", "open", "c1", assignee, "g1", "http://x/100", T0, T0)
        ],
        messages=[
            MessageRecord("m1", "100", T0, "My fence broke", "c1", "customer"),
            MessageRecord("m2", "100", T0, "internal: ask despatch", "a1", "agent", public=False),
        ],
    )


def _snapshot(engine) -> dict:
    with Session(engine) as session:
        return {
            "people": sorted(
                (p.external_id, p.role, p.email) for p in session.exec(select(Person))
            ),
            "tickets": sorted(
                (t.external_id, t.status, t.assignee_id) for t in session.exec(select(Ticket))
            ),
            "messages": sorted(
                (m.external_id, m.author_role, m.public) for m in session.exec(select(Message))
            ),
            "handoffs": len(session.exec(select(Assignment)).all()),
            "cursor": session.exec(select(Source)).one().cursor,
        }


def test_a_batch_is_stored_with_its_cursor(engine):
    with Session(engine) as session:
        source = get_or_create_source(session, "zendesk", "zendesk")
        result = ingest(session, source, _batch("c-1"), now=T0)
        session.commit()
    assert (result.tickets, result.messages) == (1, 2)
    snap = _snapshot(engine)
    assert snap["cursor"] == "c-1"
    assert ("a1", "agent", "amy@acme.example") in snap["people"]
    assert ("m2", "agent", False) in snap["messages"]


def test_applying_the_same_batch_twice_changes_nothing(engine):
    for _ in range(2):
        with Session(engine) as session:
            source = get_or_create_source(session, "zendesk", "zendesk")
            ingest(session, source, _batch("c-1"), now=T0)
            session.commit()
        if _ == 0:
            first = _snapshot(engine)
    assert _snapshot(engine) == first


def test_a_rolled_back_batch_leaves_records_and_cursor_untouched(engine):
    with Session(engine) as session:
        source = get_or_create_source(session, "zendesk", "zendesk")
        session.commit()
        ingest(session, source, _batch("c-2"), now=T0)
        session.rollback()
    snap = _snapshot(engine)
    assert snap["cursor"] is None
    assert snap["tickets"] == []


def test_records_naming_unseen_people_and_tickets_get_placeholders(engine):
    batch = Batch(
        cursor="c",
        messages=[MessageRecord("m9", "555", T0, "hello", "u77", "agent")],
        assignments=[AssignmentRecord("e1", "555", T0, to_assignee_external_id="u78")],
    )
    with Session(engine) as session:
        source = get_or_create_source(session, "zendesk", "zendesk")
        ingest(session, source, batch)
        session.commit()
    snap = _snapshot(engine)
    assert ("555", "open", None) in snap["tickets"]
    assert {p[0] for p in snap["people"]} == {"u77", "u78"}
    assert snap["handoffs"] == 1


def test_a_changed_assignee_between_snapshots_is_a_handoff_when_asked(engine):
    with Session(engine) as session:
        source = get_or_create_source(session, "freshdesk", "freshdesk")
        ingest(session, source, _batch("c-1"), derive_handoffs=True)
        session.commit()
        later = _batch("c-2", assignee="a2")
        later.tickets[0] = TicketRecord(
            "100", "Fence", "open", "c1", "a2", "g1", None, T0, datetime(2026, 11, 21, tzinfo=UTC)
        )
        ingest(session, source, later, derive_handoffs=True)
        ingest(session, source, later, derive_handoffs=True)
        session.commit()
        handoff = session.exec(select(Assignment)).one()
        new_owner = session.get(Person, handoff.to_assignee_id)
    assert new_owner.external_id == "a2"
    assert handoff.changed_at == datetime(2026, 11, 21, tzinfo=UTC)
