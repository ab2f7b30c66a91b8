"""A Zendesk ticket set aside in `rejected` is fetched again by a later pass (issue 14,
item 1: "a later pass retries them"), with its comments, and the row goes."""

from __future__ import annotations

from datetime import timedelta

import responses
from sqlmodel import select

import tracker.ingest.sync
from tests.helpers.zendesk import (
    AMY,
    BASE,
    CUSTOMER,
    EVENTS_URL,
    NOW,
    TICKETS_URL,
    calls_to,
    config,
    connector,
    customers,
    directory,
    epoch,
    events_page,
    source,
    ticket,
    ticket_page,
)
from tracker.db import session_scope
from tracker.ingest.retry import EVERY
from tracker.ingest.sync import sync_source
from tracker.models import Message, Promise, Rejected, Ticket

TICKET_URL = f"{BASE}/api/v2/tickets/2.json"
COMMENTS_URL = f"{BASE}/api/v2/tickets/2/comments.json"


class Fault(Exception):
    """Injected: storing ticket 2 fails while `on`."""


def _fail_storing_ticket_2(monkeypatch) -> dict[str, bool]:
    switch = {"on": True}
    real = tracker.ingest.sync.ingest

    def ingest(session, source, batch, **kwargs):
        if switch["on"] and any(t.external_id == "2" for t in batch.tickets):
            raise Fault("injected")
        return real(session, source, batch, **kwargs)

    monkeypatch.setattr(tracker.ingest.sync, "ingest", ingest)
    return switch


def _comments() -> dict:
    """`GET /tickets/{id}/comments` as shared/api-notes (1.3) shows it."""
    return {
        "comments": [
            {
                "id": 1274,
                "type": "Comment",
                "author_id": CUSTOMER,
                "public": True,
                "body": "Where is my refund?",
                "html_body": '<div class="zd-comment"><p>Where is my refund?</p></div>',
                "plain_body": "Where is my refund?",
                "attachments": [],
                "audit_id": 432567,
                "via": {"channel": "email", "source": {"from": {}, "to": {}, "rel": None}},
                "metadata": {"system": {}, "custom": {}},
                "created_at": "2026-11-23T09:55:29Z",
            },
            {
                "id": 1275,
                "type": "Comment",
                "author_id": AMY,
                "public": True,
                "body": "I'll call you back tomorrow.",
                "html_body": '<div class="zd-comment"><p>I\'ll call you back tomorrow.</p></div>',
                "plain_body": "I'll call you back tomorrow.",
                "attachments": [],
                "audit_id": 432568,
                "via": {"channel": "web", "source": {"from": {}, "to": {}, "rel": None}},
                "metadata": {"system": {}, "custom": {}},
                "created_at": "2026-11-23T10:15:18Z",
            },
        ],
        "meta": {"has_more": False, "after_cursor": None, "before_cursor": None},
        "links": {"next": None, "prev": None},
    }


@responses.activate
def test_a_rejected_ticket_is_refetched_with_its_comments_and_leaves_rejected(monkeypatch, engine):
    switch = _fail_storing_ticket_2(monkeypatch)
    t0 = epoch(NOW - timedelta(hours=2))
    responses.get(TICKETS_URL, json=ticket_page([ticket(1), ticket(2)], "c1", True))
    directory(responses)
    customers(responses)
    responses.get(EVENTS_URL, json=events_page([], t0, True))
    src = source()
    first = sync_source(engine, config(src), src, now=NOW, connector=connector(monkeypatch))
    assert first.error is None and first.rejected == 1
    with session_scope(engine) as session:
        assert [t.external_id for t in session.exec(select(Ticket))] == ["1"]
        row = session.exec(select(Rejected)).one()
        assert (row.kind, row.external_id, row.error, row.attempts) == ("ticket", "2", "Fault", 1)

    # the fault is gone; the export has nothing new, so only the retry can bring ticket 2
    switch["on"] = False
    responses.get(TICKET_URL, json={"ticket": {**ticket(2), "url": TICKET_URL}})
    responses.get(COMMENTS_URL, json=_comments())
    later = NOW + EVERY
    second = sync_source(engine, config(src), src, now=later, connector=connector(monkeypatch))
    assert second.error is None and second.rejected == 0
    assert len(calls_to(responses, TICKET_URL)) == 1
    with session_scope(engine) as session:
        assert sorted(t.external_id for t in session.exec(select(Ticket))) == ["1", "2"]
        messages = {m.external_id: m for m in session.exec(select(Message))}
        assert sorted(messages) == ["1274", "1275"]
        assert messages["1275"].author_role == "agent"
        assert messages["1274"].author_role == "customer"
        assert len(session.exec(select(Promise)).all()) == 1
        assert session.exec(select(Rejected)).all() == []


@responses.activate
def test_a_rejected_ticket_that_fails_again_counts_an_attempt_and_waits_an_hour(
    monkeypatch, engine
):
    _fail_storing_ticket_2(monkeypatch)  # stays on
    t0 = epoch(NOW - timedelta(hours=2))
    responses.get(TICKETS_URL, json=ticket_page([ticket(1), ticket(2)], "c1", True))
    directory(responses)
    customers(responses)
    responses.get(EVENTS_URL, json=events_page([], t0, True))
    responses.get(TICKET_URL, json={"ticket": ticket(2)})
    responses.get(COMMENTS_URL, json=_comments())
    src = source()
    sync_source(engine, config(src), src, now=NOW, connector=connector(monkeypatch))
    responses.replace(responses.GET, TICKETS_URL, json=ticket_page([], None, True))
    # within the hour: not tried again
    soon = NOW + EVERY - timedelta(minutes=1)
    sync_source(engine, config(src), src, now=soon, connector=connector(monkeypatch))
    assert calls_to(responses, TICKET_URL) == []
    later = NOW + EVERY
    report = sync_source(engine, config(src), src, now=later, connector=connector(monkeypatch))
    assert report.error is None
    assert len(calls_to(responses, TICKET_URL)) == 1
    with session_scope(engine) as session:
        row = session.exec(select(Rejected)).one()
        assert (row.kind, row.external_id, row.attempts) == ("ticket", "2", 2)
        assert row.last_seen_at == later and row.first_seen_at == NOW
