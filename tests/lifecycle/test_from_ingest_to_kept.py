"""End to end through ingest and the real extractor: a promise is made, the ticket is
handed over, the colleague replies late, and replaying the sweep changes nothing."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlmodel import Session, select

from tests.helpers.promise_world import make_config
from tracker.ingest.records import (
    AssignmentRecord,
    Batch,
    MessageRecord,
    PersonRecord,
    TicketRecord,
)
from tracker.ingest.store import get_or_create_source, ingest
from tracker.models import Promise, PromiseEvent
from tracker.promise_json import promise_json_rows
from tracker.sweep import decide
from tracker.teams import sync_teams

MON = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
PEOPLE = [
    PersonRecord("a1", "agent", "Amy", "amy@acme.example"),
    PersonRecord("b1", "agent", "Bob", "bob@acme.example"),
    PersonRecord("c1", "customer", "Cat", "cat@customer.example"),
]


def _ticket(assignee: str, at: datetime, status: str = "open") -> TicketRecord:
    return TicketRecord("500", "Refund", status, "c1", assignee, None, "http://desk/500", MON, at)


def _ingest(engine, config, batch: Batch, now: datetime) -> None:
    with Session(engine) as session:
        sync_teams(session, config)
        source = get_or_create_source(session, "desk", "imap")
        ingest(session, source, batch, default_due=config.escalation.default_due, now=now)
        session.commit()


def test_a_promise_handed_over_and_kept_late_by_a_colleague(engine):
    config = make_config(email_port=None)
    made = Batch(
        cursor="1",
        people=PEOPLE,
        tickets=[_ticket("a1", MON)],
        messages=[
            MessageRecord("m1", "500", MON, "Where is my refund?", "c1", "customer"),
            MessageRecord(
                "m2", "500", MON, "I'll call you back tomorrow at 2pm with an update.", "a1",
                "agent",
            ),
        ],
    )  # fmt: skip
    _ingest(engine, config, made, MON)
    with Session(engine) as session:
        [promise] = session.exec(select(Promise)).all()
    assert promise.state == "open" and promise.kind == "callback"
    due = promise.due_at

    decide(engine, config, now=MON)
    handed = Batch(
        cursor="2",
        people=PEOPLE,
        tickets=[_ticket("b1", datetime(2026, 11, 23, 15, tzinfo=UTC))],
        assignments=[
            AssignmentRecord(
                "as1", "500", datetime(2026, 11, 23, 15, tzinfo=UTC), "b1", None, "a1", None
            )
        ],
        messages=[
            MessageRecord(
                "m3", "500", datetime(2026, 11, 23, 15, 5, tzinfo=UTC), "Bob takes over.", "a1",
                "agent", public=False,
            )
        ],
    )  # fmt: skip
    _ingest(engine, config, handed, datetime(2026, 11, 23, 15, 10, tzinfo=UTC))
    report = decide(engine, config, now=datetime(2026, 11, 23, 15, 10, tzinfo=UTC))
    assert (report.handoffs, report.kept) == (1, 0)

    late = due.replace(hour=due.hour + 1)
    reply = Batch(
        cursor="3",
        people=PEOPLE,
        messages=[
            MessageRecord("m4", "500", late, "Called you: the refund is on its way.", "b1", "agent")
        ],
    )
    _ingest(engine, config, reply, late)
    assert decide(engine, config, now=late).kept == 1

    with Session(engine) as session:
        [row] = promise_json_rows(session, now=late)
        kept_event = session.exec(select(PromiseEvent).where(PromiseEvent.event == "kept")).one()
    assert (row["state"], row["owner"], row["maker"], row["inherited"]) == (
        "kept",
        "bob@acme.example",
        "amy@acme.example",
        True,
    )
    assert row["late_by_seconds"] == 3600
    assert json.loads(kept_event.detail)["kept_by"] == "bob@acme.example"

    # Replaying the same history changes nothing: no new events, no new decisions.
    with Session(engine) as session:
        before = len(session.exec(select(PromiseEvent)).all())
    again = decide(engine, config, now=late)
    assert (again.examined, again.kept, again.handoffs) == (0, 0, 0)
    with Session(engine) as session:
        assert len(session.exec(select(PromiseEvent)).all()) == before
