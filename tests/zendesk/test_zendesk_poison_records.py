"""One poison record never stops a Zendesk source (issue 14, item 1): a customer name of
250 characters, a comment ending in NUL, a comment dated 9999-12-31T23:00Z and a ticket
event without ticket_id are cleaned or set aside, and the rest of the page is stored."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

import responses
from sqlmodel import select

from tests.helpers.zendesk import (
    AMY,
    CUSTOMER,
    EVENTS_URL,
    NOW,
    SHOW_MANY_URL,
    TICKETS_URL,
    comment,
    config,
    connector,
    directory,
    epoch,
    event,
    events_page,
    source,
    ticket,
    ticket_page,
    user,
)
from tracker.db import session_scope
from tracker.ingest.sync import sync_source
from tracker.models import Message, Person, Promise, Rejected, Source

T0 = epoch(NOW - timedelta(hours=2))
LONG_NAME = "Carla " + "C" * 244  # 250 characters


def _poison_pages() -> None:
    responses.get(TICKETS_URL, json=ticket_page([ticket(1), ticket(2)], "c1", True))
    directory(responses)
    carla = user(CUSTOMER, LONG_NAME, "end-user")
    responses.get(SHOW_MANY_URL, json={"users": [carla]})
    events = [
        event(11, 1, T0 + 1, [comment(101, AMY, "I'll call you back tomorrow.\x00")]),
        event(12, 1, T0 + 2, [comment(102, AMY, "I will update you by Friday.")]),
        event(13, 2, T0 + 3, [comment(103, CUSTOMER, "Hello?", created="9999-12-31T23:00Z")]),
        {**event(14, 2, T0 + 4, [comment(104, AMY, "lost")]), "ticket_id": None},
        event(15, 2, T0 + 5, [comment(105, AMY, "I'll send you the invoice today.")]),
    ]
    responses.get(EVENTS_URL, json=events_page(events, T0 + 5, True))


@responses.activate
def test_a_page_with_poison_records_is_stored_and_the_cursor_moves_on(monkeypatch, engine, caplog):
    _poison_pages()
    src = source()
    with caplog.at_level(logging.WARNING):
        report = sync_source(engine, config(src), src, now=NOW, connector=connector(monkeypatch))
    assert report.error is None
    with session_scope(engine) as session:
        carla = session.exec(select(Person).where(Person.external_id == str(CUSTOMER))).one()
        assert carla.name == LONG_NAME[:200]
        messages = {m.external_id: m for m in session.exec(select(Message))}
        assert sorted(messages) == ["101", "102", "103", "105"]
        assert messages["101"].text == "I'll call you back tomorrow."
        assert messages["103"].sent_at <= NOW + timedelta(days=1)
        assert len(session.exec(select(Promise)).all()) == 3
        rejected = session.exec(select(Rejected)).all()
        assert [(r.kind, r.external_id, r.error) for r in rejected] == [
            ("event", "14", "MissingTicketId")
        ]
        assert rejected[0].attempts == 1 and rejected[0].last_seen_at == NOW
        cursor = json.loads(session.exec(select(Source)).one().cursor)
        assert cursor["events"]["start"] == T0 + 5
    lines = [r for r in caplog.records if r.getMessage() == "record rejected"]
    assert len(lines) == 1 and lines[0].external_id == "14"  # type: ignore[attr-defined]
