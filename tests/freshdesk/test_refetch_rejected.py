"""A Freshdesk ticket set aside in `rejected` is fetched again by a later pass (issue 14,
item 1: "a later pass retries them"), with its description and conversations."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

import tracker.ingest.sync
from tests.helpers.freshdesk import NOW, conversation, source_config, ticket
from tracker.config import Config
from tracker.db import session_scope
from tracker.ingest.retry import EVERY
from tracker.ingest.sync import sync_source
from tracker.models import Message, Promise, Rejected, Ticket


class Fault(Exception):
    """Injected: storing ticket 2 or its messages fails while `on`."""


def _fail_storing_ticket_2(monkeypatch) -> dict[str, bool]:
    switch = {"on": True}
    real = tracker.ingest.sync.ingest

    def ingest(session, source, batch, **kwargs):
        thread = [t.external_id for t in batch.tickets]
        thread += [m.ticket_external_id for m in batch.messages]
        if switch["on"] and "2" in thread:
            raise Fault("injected")
        return real(session, source, batch, **kwargs)

    monkeypatch.setattr(tracker.ingest.sync, "ingest", ingest)
    return switch


def _ticket_calls(desk, tid: int) -> list:
    return desk.calls("GET", f"/api/v2/tickets/{tid}")


def test_a_rejected_ticket_is_refetched_with_its_conversations_and_leaves_rejected(
    desk, make_connector, monkeypatch, engine
):
    switch = _fail_storing_ticket_2(monkeypatch)
    at = NOW - timedelta(hours=2)
    desk.add(ticket(1, at), ticket(2, at + timedelta(minutes=1)))
    desk.converse(conversation(21, 2, at, "I will call you back tomorrow."))
    src = source_config(desk.url)
    config = Config(sources=[src])
    first = sync_source(engine, config, src, now=NOW, connector=make_connector())
    assert first.error is None and first.rejected >= 1
    with session_scope(engine) as session:
        assert [t.external_id for t in session.exec(select(Ticket))] == ["1"]
        rows = {(r.kind, r.external_id): r.error for r in session.exec(select(Rejected))}
        assert rows == {k: "Fault" for k in [("ticket", "2"), ("message", "2:description"),
                                             ("message", "21")]}  # fmt: skip

    switch["on"] = False  # ticket 2 is not listed again: only the retry can bring it
    later = NOW + EVERY
    second = sync_source(engine, config, src, now=later, connector=make_connector())
    assert second.error is None and second.rejected == 0
    assert len(_ticket_calls(desk, 2)) == 1
    with session_scope(engine) as session:
        assert sorted(t.external_id for t in session.exec(select(Ticket))) == ["1", "2"]
        messages = {m.external_id: m for m in session.exec(select(Message))}
        assert {"2:description", "21"} <= set(messages)
        assert messages["21"].author_role == "agent"
        promises = session.exec(select(Promise)).all()
        assert len(promises) == 1 and "call you back tomorrow" in promises[0].quote
        assert session.exec(select(Rejected)).all() == []


def test_a_ticket_deleted_since_it_was_rejected_stays_in_rejected_and_waits(
    desk, make_connector, monkeypatch, engine
):
    _fail_storing_ticket_2(monkeypatch)
    at = NOW - timedelta(hours=2)
    desk.add(ticket(1, at), ticket(2, at))
    src = source_config(desk.url)
    config = Config(sources=[src])
    sync_source(engine, config, src, now=NOW, connector=make_connector())
    desk.store.purge_ticket(2)  # 404 from now on
    later = NOW + EVERY
    report = sync_source(engine, config, src, now=later, connector=make_connector())
    assert report.error is None
    assert len(_ticket_calls(desk, 2)) == 2  # for the ticket and for its description
    again = sync_source(engine, config, src, now=later + timedelta(minutes=5),
                        connector=make_connector())  # fmt: skip
    assert again.error is None and len(_ticket_calls(desk, 2)) == 2  # tried within the hour
    with session_scope(engine) as session:
        row = session.exec(select(Rejected).where(Rejected.kind == "ticket")).one()
        assert (row.external_id, row.attempts, row.last_seen_at) == ("2", 1, later)
