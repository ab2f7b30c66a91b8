from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, select

from tracker.ingest.records import (
    AssignmentRecord,
    Batch,
    GroupRecord,
    MessageRecord,
    PersonRecord,
    TicketRecord,
)
from tracker.ingest.store import get_or_create_source, ingest
from tracker.models import Assignment, Message, Person, Source, Ticket

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


def test_placeholders_take_the_role_of_their_first_mention_and_every_record_is_linked(engine):
    batch = Batch(
        cursor="c",
        tickets=[TicketRecord("200", "Gate", "open", "u1", "u2", "g7", None, T0, T0)],
        assignments=[AssignmentRecord("e5", "300", T0, to_assignee_external_id="u1")],
        messages=[
            MessageRecord("m20", "300", T0, "hello", "u3", "agent"),
            MessageRecord("m21", "400", T0, "thanks", "u2", "customer"),
        ],
    )
    with Session(engine) as session:
        source = get_or_create_source(session, "zendesk", "zendesk")
        ingest(session, source, batch)
        session.commit()
        people = {p.id: p for p in session.exec(select(Person))}
        tickets = {t.id: t for t in session.exec(select(Ticket))}
        roles = {p.external_id: p.role for p in people.values()}
        assert roles == {"u1": "customer", "u2": "agent", "u3": "agent"}
        gate = next(t for t in tickets.values() if t.external_id == "200")
        assert (people[gate.requester_id].external_id, people[gate.assignee_id].external_id) == (
            "u1",
            "u2",
        )
        links = {
            m.external_id: (tickets[m.ticket_id].external_id, people[m.author_id].external_id)
            for m in session.exec(select(Message))
        }
        assert links == {"m20": ("300", "u3"), "m21": ("400", "u2")}
        handoff = session.exec(select(Assignment)).one()
        assert tickets[handoff.ticket_id].external_id == "300"
        assert people[handoff.to_assignee_id].external_id == "u1"

        # A later batch naming them again finds the stored rows: nothing is duplicated.
        again = Batch(
            cursor="d",
            messages=[MessageRecord("m22", "400", T0, "more", "u3", "agent")],
            tickets=[TicketRecord("300", "Gate", "open", "u2", "u1", "g7", None, T0, T0)],
        )
        ingest(session, source, again)
        session.commit()
        assert len(session.exec(select(Person)).all()) == 3
        assert len(session.exec(select(Ticket)).all()) == 3
        assert {p.external_id: p.role for p in session.exec(select(Person))} == roles


def test_the_same_hand_off_snapshot_twice_in_one_batch_is_stored_once(engine):
    updated = datetime(2026, 11, 21, tzinfo=UTC)
    with Session(engine) as session:
        source = get_or_create_source(session, "freshdesk", "freshdesk")
        ingest(session, source, _batch("c-1"), derive_handoffs=True)
        session.commit()
        later = _batch("c-2", assignee="a2")
        to_a2 = TicketRecord("100", "Fence", "open", "c1", "a2", "g1", None, T0, updated)
        back = TicketRecord("100", "Fence", "open", "c1", "a1", "g1", None, T0, T0)
        later.tickets = [to_a2, back, to_a2]  # the third is the first one again
        result = ingest(session, source, later, derive_handoffs=True)
        session.commit()
        assert result.handoffs == 2
        assert len(session.exec(select(Assignment)).all()) == 2
