"""A Zendesk answer with `has_more: true` and the same `after_cursor` must not make a
pass loop for ever (issue 14, item 2): a repeated cursor stops the pass as the source's
error, and no pass reads more than its cap of pages."""

from __future__ import annotations

import json
from datetime import timedelta

import responses

from integrations.zendesk.client import make_client
from integrations.zendesk.connector import ZendeskConnector
from tests.helpers.zendesk import (
    EVENTS_URL,
    GROUPS_URL,
    ME_URL,
    NOW,
    SHOW_MANY_URL,
    TICKETS_URL,
    USERS_URL,
    calls_to,
    config,
    epoch,
    events_page,
    source,
    ticket,
    ticket_page,
    user,
)
from tracker.db import session_scope
from tracker.ingest.sync import sync_source
from tracker.models import Source

T0 = epoch(NOW - timedelta(hours=2))
STORED = json.dumps({"events": {"seen": [], "start": T0}, "tickets": {"cursor": "c0"}})
LOOP = 200  # how often the fake repeats itself before giving up (a fixed pass asks twice)


def connector(monkeypatch) -> ZendeskConnector:
    """A connector whose rate budget waits on a clock that sleeping moves on."""
    monkeypatch.setenv("ZD_TEST_TOKEN", "zd-secret-token-123")
    clock = [0.0]

    def sleep(seconds: float) -> None:
        clock[0] += seconds

    client = make_client(source(), sleep=sleep, clock=lambda: clock[0])
    return ZendeskConnector(source(), client, ticket_page_size=2, event_page_size=2)


def _store(engine, cursor: str) -> None:
    with session_scope(engine) as session:
        session.add(Source(name="helpdesk", type="zendesk", cursor=cursor))


@responses.activate
def test_a_user_listing_that_repeats_its_after_cursor_is_the_sources_error(monkeypatch, engine):
    responses.get(TICKETS_URL, json=ticket_page([ticket(1)], "c1", True))
    responses.get(ME_URL, json={"user": user(900, "Follow Through", "admin", "UTC")})
    same = {"users": [], "meta": {"has_more": True, "after_cursor": "again"}}
    for _ in range(LOOP):
        responses.get(USERS_URL, json=same)
    responses.get(USERS_URL, json={"users": [], "meta": {"has_more": False}})
    responses.get(GROUPS_URL, json={"groups": [], "meta": {"has_more": False}})
    responses.get(SHOW_MANY_URL, json={"users": []})
    responses.get(EVENTS_URL, json=events_page([], T0, True))
    src = source()
    report = sync_source(engine, config(src), src, now=NOW, connector=connector(monkeypatch))
    assert report.error is not None and "same after_cursor" in report.error
    assert len(calls_to(responses, USERS_URL)) <= 3


@responses.activate
def test_a_ticket_export_that_repeats_its_cursor_is_the_sources_error(monkeypatch, engine):
    _store(engine, STORED)
    for _ in range(LOOP):
        responses.get(TICKETS_URL, json=ticket_page([], "c1", False))
        responses.get(TICKETS_URL, json=ticket_page([], "c2", False))
    responses.get(TICKETS_URL, json=ticket_page([], "c3", True))
    responses.get(EVENTS_URL, json=events_page([], T0, True))
    src = source()
    report = sync_source(engine, config(src), src, now=NOW, connector=connector(monkeypatch))
    assert report.error is not None and "repeated cursor" in report.error
    assert len(calls_to(responses, TICKETS_URL)) <= 4


@responses.activate
def test_a_pass_reads_no_more_than_its_cap_of_export_pages(monkeypatch, engine):
    _store(engine, STORED)
    for n in range(1, 30):
        responses.get(TICKETS_URL, json=ticket_page([], f"c{n}", False))
    responses.get(EVENTS_URL, json=events_page([], T0, True))
    src = source()
    made = connector(monkeypatch)
    made.max_pages = 5
    report = sync_source(engine, config(src), src, now=NOW, connector=made)
    assert report.error is None  # a long export goes on next pass, from the stored cursor
    assert len(calls_to(responses, TICKETS_URL)) == 5
    with session_scope(engine) as session:
        stored = json.loads(session.get(Source, 1).cursor)
    assert stored["tickets"]["cursor"] == "c5"
