"""A small support desk for the web tests: two teams, their leads, agents, promises.

Personas: amy and bob work in Tier 1 (lead: lena), carl in Tier 2 (lead: lars);
ada is an admin; a customer writes in. Time is fixed at NOW (a Wednesday).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session

from tracker.config import validate
from tracker.models import (
    Escalation,
    HelpdeskGroup,
    Message,
    Person,
    Promise,
    PromiseEvent,
    Source,
    Team,
    Ticket,
)

NOW = datetime(2026, 11, 18, 10, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
AMY, BOB, CARL = "amy@acme.example", "bob@acme.example", "carl@acme.example"
LENA, LARS, ADA = "lena@acme.example", "lars@acme.example", "ada@acme.example"
CUSTOMER_TEXT = "Hi, my order <script>alert('pwned')</script> never arrived & I'm cross.\n"


@dataclass
class World:
    promises: dict[str, int] = field(default_factory=dict)
    people: dict[str, int] = field(default_factory=dict)
    teams: dict[str, int] = field(default_factory=dict)


def make_config(base_url: str = "http://127.0.0.1:8765", **web: object):
    return validate(
        {
            "team": [
                {"name": "Tier 1", "timezone": "Europe/London", "leads": [LENA]},
                {"name": "Tier 2", "timezone": "America/New_York", "leads": [LARS]},
            ],
            "web": {"enabled": True, "base_url": base_url, "admins": [ADA], **web},
        }
    )


def seed(session: Session, now: datetime = NOW) -> World:
    world = World()
    source = Source(name="zendesk", type="zendesk")
    session.add(source)
    session.flush()
    for name, zone in (("Tier 1", "Europe/London"), ("Tier 2", "America/New_York")):
        lead = LENA if name == "Tier 1" else LARS
        team = Team(name=name, timezone=zone, leads=json.dumps([lead]))
        session.add(team)
        session.flush()
        world.teams[name] = team.id
    group = HelpdeskGroup(source_id=source.id, external_id="g2", name="Tier 2")
    group.team_id = world.teams["Tier 2"]
    session.add(group)
    people = [
        (AMY, "agent", "Tier 1", None),
        (BOB, "agent", "Tier 1", "Asia/Tokyo"),
        (CARL, "agent", "Tier 2", None),
        (LENA, "agent", "Tier 1", None),
        ("customer@example.com", "customer", None, None),
    ]
    owner_team: dict[str, int | None] = {}
    for i, (email, role, team, zone) in enumerate(people):
        person = Person(
            source_id=source.id,
            external_id=f"u{i}",
            name=email.split("@")[0].title(),
            email=email,
            role=role,
            time_zone=zone,
            team_id=world.teams.get(team) if team else None,
        )
        session.add(person)
        session.flush()
        world.people[email] = person.id
        owner_team[email] = person.team_id

    def promise(
        key: str,
        owner: str,
        maker: str,
        due: datetime,
        quote: str = "I'll call you back tomorrow",
        state: str = "open",
        kept_at: datetime | None = None,
        prefix: str = "Thanks for waiting. ",
        group_id: int | None = None,
    ) -> None:
        n = len(world.promises) + 1
        ticket = Ticket(
            source_id=source.id,
            external_id=str(100 + n),
            subject=f"Order {n} <b>late</b>",
            assignee_id=world.people[owner],
            group_id=group_id,
            url=f"https://acme.zendesk.com/agent/tickets/{100 + n}",
        )
        session.add(ticket)
        session.flush()
        made = due - timedelta(days=1)
        session.add(
            Message(
                source_id=source.id,
                external_id=f"c{n}a",
                ticket_id=ticket.id,
                author_id=world.people["customer@example.com"],
                author_role="customer",
                sent_at=made - timedelta(hours=1),
                text=CUSTOMER_TEXT,
            )
        )
        text = f"{prefix}{quote}. Best, {maker}"
        message = Message(
            source_id=source.id,
            external_id=f"c{n}b",
            ticket_id=ticket.id,
            author_id=world.people[maker],
            author_role="agent",
            sent_at=made,
            text=text,
        )
        session.add(message)
        session.flush()
        row = Promise(
            message_id=message.id,
            ticket_id=ticket.id,
            start=len(prefix),
            end=len(prefix) + len(quote),
            quote=quote,
            kind="callback",
            due_at=due,
            due_text="tomorrow",
            maker_id=world.people[maker],
            owner_id=world.people[owner],
            team_id=owner_team[owner],  # as ingest decides it (tracker.teams.decide_team)
            state=state,
            made_at=made,
            kept_at=kept_at,
            next_action_at=due,
        )
        session.add(row)
        session.flush()
        session.add(PromiseEvent(promise_id=row.id, at=made, event="made", actor=maker))
        world.promises[key] = row.id

    promise("amy_soon", AMY, AMY, NOW + timedelta(hours=3))
    promise("amy_later", AMY, AMY, NOW + timedelta(days=2), quote="I will send the invoice")
    promise("amy_overdue", AMY, AMY, NOW - timedelta(hours=5), quote="I'll check with the courier")
    promise("amy_inherited", AMY, BOB, NOW + timedelta(hours=20), quote="I'll update you Friday")
    promise(
        "carl_open",
        CARL,
        CARL,
        NOW + timedelta(hours=4),
        prefix="Customer said: <script>alert(1)</script>\n",
        group_id=group.id,
    )
    day = timedelta(days=1)
    promise("bob_kept", BOB, BOB, NOW - 2 * day, state="kept", kept_at=NOW - 2 * day - 2 * HOUR)
    promise("bob_late", BOB, BOB, NOW - 3 * day, state="kept", kept_at=NOW - 2 * day)
    promise("amy_broken", AMY, AMY, NOW - timedelta(days=10), state="broken")
    inherited = world.promises["amy_inherited"]
    session.add(
        PromiseEvent(
            promise_id=inherited,
            at=NOW - timedelta(hours=2),
            event="handed_off",
            actor=None,
            detail=json.dumps({"from": BOB, "to": AMY}),
        )
    )
    overdue = world.promises["amy_overdue"]
    session.add(
        Escalation(
            promise_id=overdue,
            step="lead",
            channel="email",
            recipient=LENA,
            status="sent",
            due_at=NOW - timedelta(hours=3),
            sent_at=NOW - timedelta(hours=3),
        )
    )
    session.commit()
    return world


class Browserless:
    """A Flask test client signed in as one person, sending the CSRF token on POSTs."""

    def __init__(self, app, email: str | None):
        self.client = app.test_client()
        self.csrf = None
        if email is not None:
            with self.client.session_transaction() as session:
                session["email"] = email
                session["sv"] = 0  # the session version of an address never signed out
                session["csrf_token"] = self.csrf = "test-csrf-token-0123456789"

    def get(self, path: str, **kwargs):
        return self.client.get(path, **kwargs)

    def post_form(self, path: str, data: dict | None = None, csrf: bool = True):
        data = dict(data or {})
        if csrf and self.csrf:
            data["csrf_token"] = self.csrf
        return self.client.post(path, data=data)

    def post_json(self, path: str, body: dict | None = None, csrf: bool = True):
        headers = {"X-CSRF-Token": self.csrf} if csrf and self.csrf else {}
        return self.client.post(path, json=body or {}, headers=headers)


class _Inbox:
    def __init__(self):
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):
        import email
        from email import policy

        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"


@pytest.fixture
def smtp_server():
    """A real SMTP server on loopback; `.inbox.messages` holds (recipients, message)."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    controller.inbox = inbox
    try:
        yield controller
    finally:
        controller.stop()


def smtp_config(server, base_url: str = "http://127.0.0.1:8765", **web: object):
    config = make_config(base_url, **web)
    from tracker.config import EmailConfig

    config.email = EmailConfig(
        smtp_host="127.0.0.1", smtp_port=server.port, sender="followthrough@acme.example"
    )
    return config


def link_in(message) -> str:
    import re

    body = message.get_body(("plain",)).get_content()
    match = re.search(r"https?://\S+/signin/\S+", body)
    assert match, body
    return match[0]
