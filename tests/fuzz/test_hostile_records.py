"""Random and hostile records through each connector's parsing into both databases: every
good record is stored, every bad one is in `rejected`, and no pass fails (issue 14).

Hostile means NUL and other control characters, lone surrogates, names longer than
their columns, e-mail addresses with CR/LF, times in the year 9999 or before 1970 or
unreadable; bad means a record that cannot be stored without guessing (no ticket id,
no comment id, an unreadable change time, mail without a sender)."""

from __future__ import annotations

from datetime import timedelta

import pytest
import responses
from hypothesis import given
from hypothesis import strategies as st
from sqlmodel import Session, select

from integrations.freshdesk.connector import build as build_freshdesk
from integrations.zendesk.client import make_client
from integrations.zendesk.connector import ZendeskConnector
from tests.helpers.freshdesk import KEY as FD_KEY
from tests.helpers.freshdesk import FreshdeskDesk
from tests.helpers.freshdesk import ticket as fd_ticket
from tests.helpers.hostile import (
    FUZZ,
    NOW,
    fuzz_source,
    hostile_email,
    hostile_text,
    hostile_time,
    record_ids,
    stored_ids,
)
from tracker.config import Config
from tracker.ingest.sync import sync_source
from tracker.models import Message, Person, Rejected, Ticket

ZD = "https://acme.zendesk.com"


# -- Zendesk: ticket events ------------------------------------------------------------------

zd_comment = st.fixed_dictionaries(
    {"has_id": st.booleans().map(lambda b: b or None), "body": hostile_text, "at": hostile_time}
)
zd_event = st.fixed_dictionaries(
    {
        "has_ticket": st.sampled_from([True, True, True, False]),
        "comments": st.lists(zd_comment, min_size=1, max_size=3),
        "author_name": hostile_text,
        "author_email": hostile_email,
    }
)


@FUZZ
@given(events=st.lists(zd_event, min_size=1, max_size=6))
def test_zendesk_events_are_stored_or_rejected(engine, monkeypatch, events):
    monkeypatch.setenv("ZD_FUZZ_TOKEN", "zd-fuzz-token")
    source = fuzz_source(
        "zendesk", subdomain="acme", email="ops@acme.example", token_env="ZD_FUZZ_TOKEN"
    )
    start = int((NOW - timedelta(hours=2)).timestamp())
    payload, users, good, bad = [], [], set(), set()
    for n, spec in enumerate(events):
        event_id, author = next(record_ids), next(record_ids)
        users.append(
            {
                "id": author,
                "name": spec["author_name"],
                "email": spec["author_email"],
                "role": "end-user",
            }
        )
        children = []
        for comment in spec["comments"]:
            cid = next(record_ids) if comment["has_id"] else None
            children.append(
                {
                    "id": cid,
                    "event_type": "Comment",
                    "author_id": author,
                    "body": comment["body"],
                    "public": True,
                    "created_at": comment["at"],
                }
            )
        ticket_id = next(record_ids) if spec["has_ticket"] else None
        payload.append(
            {
                "id": event_id,
                "ticket_id": ticket_id,
                "timestamp": start + n,
                "created_at": "9999-12-31T23:00Z" if n % 2 else None,
                "child_events": children,
            }
        )
        if ticket_id is None or any(c["id"] is None for c in children):
            bad.add(str(event_id))
        else:
            good |= {str(c["id"]) for c in children}
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.get(
            f"{ZD}/api/v2/incremental/tickets/cursor.json",
            json={"tickets": [], "end_of_stream": True},
        )
        mock.get(
            f"{ZD}/api/v2/users/me.json", json={"user": {"id": 1, "name": "FT", "role": "admin"}}
        )
        mock.get(f"{ZD}/api/v2/users.json", json={"users": [], "meta": {"has_more": False}})
        mock.get(f"{ZD}/api/v2/groups.json", json={"groups": [], "meta": {"has_more": False}})
        mock.get(f"{ZD}/api/v2/users/show_many.json", json={"users": users})
        mock.get(
            f"{ZD}/api/v2/incremental/ticket_events.json",
            json={
                "ticket_events": payload,
                "end_of_stream": True,
                "end_time": start + len(payload),
            },
        )
        client = make_client(source, sleep=lambda s: None)
        connector = ZendeskConnector(source, client)
        report = sync_source(engine, Config(sources=[source]), source, now=NOW, connector=connector)
    assert report.error is None
    assert stored_ids(engine, source, Message) == good
    assert stored_ids(engine, source, Rejected) == bad
    _no_line_breaks_in_addresses(engine)


# -- Freshdesk: the ticket list and conversations ----------------------------------------------

fd_spec = st.fixed_dictionaries(
    {
        "readable": st.sampled_from([True, True, True, False]),
        "subject": hostile_text,
        "description": hostile_text,
        "requester_name": hostile_text,
        "requester_email": hostile_email,
        "conversation": hostile_text,
    }
)


@FUZZ
@given(specs=st.lists(fd_spec, min_size=1, max_size=5))
def test_freshdesk_tickets_are_stored_or_rejected(engine, monkeypatch, specs):
    monkeypatch.setenv("FD_FUZZ_KEY", FD_KEY)
    with FreshdeskDesk(NOW) as desk:
        source = fuzz_source("freshdesk", url=desk.url, api_key_env="FD_FUZZ_KEY")
        listed, good, bad = [], set(), set()
        for n, spec in enumerate(specs):
            tid = next(record_ids)
            item = fd_ticket(
                tid,
                NOW - timedelta(hours=1, seconds=n),
                subject=spec["subject"],
                description_text=spec["description"],
                requester={
                    "id": 5000 + tid,
                    "name": spec["requester_name"],
                    "email": spec["requester_email"],
                },
            )
            if spec["readable"]:
                desk.add(item)
                desk.converse(
                    {
                        "id": next(record_ids),
                        "ticket_id": tid,
                        "user_id": 901,
                        "body_text": spec["conversation"],
                        "body": "",
                        "incoming": False,
                        "private": False,
                        "source": 0,
                        "created_at": "2026-11-23T11:30:00Z",
                        "updated_at": "2026-11-23T11:30:00Z",
                    }
                )
                good.add(str(tid))
            else:
                item["updated_at"] = "9999-99-99"
                bad.add(str(tid))
            listed.append(item)
        desk.fail(r"GET /api/v2/tickets", 200, sorted(listed, key=lambda t: t["id"]), {}, 1)
        connector = build_freshdesk(source, sleep=lambda s: None)
        report = sync_source(engine, Config(sources=[source]), source, now=NOW, connector=connector)
    assert report.error is None
    assert stored_ids(engine, source, Ticket) >= good
    assert stored_ids(engine, source, Rejected) == bad
    _no_line_breaks_in_addresses(engine)


def _no_line_breaks_in_addresses(engine) -> None:
    with Session(engine) as session:
        for email in session.exec(select(Person.email).where(Person.email.is_not(None))):
            assert "\n" not in email and "\r" not in email and " " not in email


@pytest.fixture(autouse=True)
def _quiet(caplog):
    caplog.set_level("ERROR")  # the expected "record rejected" lines, hundreds of them
