"""Small helpers that insert the rows a lifecycle test needs, with named personas."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from itertools import count

from sqlmodel import Session, select

from tracker.config import Config, EmailConfig, EscalationConfig, SourceConfig, TeamConfig
from tracker.durations import parse_duration
from tracker.models import Assignment, Message, Person, Promise, PromiseEvent, Source, Team, Ticket

_ids = count(1)
FULLY_SYNCED = datetime(2100, 1, 1, tzinfo=UTC)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def make_config(
    *,
    source_type: str = "imap",
    email_port: int | None = 2525,
    leads: tuple[str, ...] = ("lead@acme.example",),
    managers: tuple[str, ...] = ("boss@acme.example",),
    timezone: str = "Europe/London",
    holidays: str | None = "GB",
    remind_before: str = "1h",
    grace: str = "2h",
    digest_at: str = "23:59",
) -> Config:
    config = Config()
    config.sources = [
        SourceConfig(
            "desk", source_type, parse_duration("2m"), parse_duration("14d"), {"name": "desk"}
        )
    ]
    config.teams = [
        TeamConfig(
            name="Tier 1",
            timezone=timezone,
            holidays=holidays,
            leads=list(leads),
            members=["amy@acme.example", "bob@acme.example"],
        )
    ]
    config.escalation = EscalationConfig(
        default_due=parse_duration("1 business day"),
        remind_before=parse_duration(remind_before),
        grace=parse_duration(grace),
        managers=list(managers),
        digest_at=digest_at,
    )
    if email_port is not None:
        config.email = EmailConfig(
            smtp_host="127.0.0.1", smtp_port=email_port, sender="ft@acme.example"
        )
    return config


class World:
    """A help desk in a database: one source, one team, agents amy and bob, customer cat."""

    def __init__(self, session: Session, config: Config | None = None):
        self.session = session
        self.config = config or make_config()
        kind = self.config.sources[0].type if self.config.sources else "imap"
        # Synced far ahead: these tests are about the ladder, not about waiting for data
        # (tests/lifecycle/test_stale_data.py sets it back).
        self.source = Source(name="desk", type=kind, last_success_at=FULLY_SYNCED)
        session.add(self.source)
        session.flush()
        team_config = self.config.teams[0]
        self.team = Team(
            name=team_config.name,
            timezone=team_config.timezone,
            holidays=team_config.holidays,
            leads=json.dumps(team_config.leads),
        )
        session.add(self.team)
        session.flush()
        self.amy = self.person("amy@acme.example", team=True)
        self.bob = self.person("bob@acme.example", team=True)
        self.cat = self.person("cat@customer.example", role="customer")

    def person(self, email: str, role: str = "agent", team: bool = False) -> Person:
        person = Person(
            source_id=self.source.id,
            external_id=f"p{next(_ids)}",
            email=email,
            role=role,
            team_id=self.team.id if team else None,
        )
        self.session.add(person)
        self.session.flush()
        return person

    def ticket(self, assignee: Person | None = None, status: str = "open") -> Ticket:
        number = next(_ids)
        ticket = Ticket(
            source_id=self.source.id,
            external_id=str(1000 + number),
            subject=f"Printer on fire #{number}",
            requester_id=self.cat.id,
            assignee_id=assignee.id if assignee else None,
            status=status,
            url=f"https://acme.zendesk.com/agent/tickets/{1000 + number}",
        )
        self.session.add(ticket)
        self.session.flush()
        return ticket

    def message(
        self,
        ticket: Ticket,
        author: Person,
        sent_at: datetime,
        *,
        public: bool = True,
        is_call: bool = False,
        own_note: bool = False,
        text: str = "Thanks!",
    ) -> Message:
        message = Message(
            source_id=self.source.id,
            external_id=f"m{next(_ids)}",
            ticket_id=ticket.id,
            author_id=author.id,
            author_role="agent" if author.role in ("agent", "admin") else "customer",
            public=public,
            is_call=is_call,
            is_own_note=own_note,
            sent_at=sent_at,
            text=text,
        )
        self.session.add(message)
        self.session.flush()
        return message

    def promise(
        self,
        ticket: Ticket,
        maker: Person,
        made_at: datetime,
        due_at: datetime,
        *,
        kind: str = "update",
        quote: str = "I'll get back to you tomorrow",
    ) -> Promise:
        message = self.message(ticket, maker, made_at, text=quote)
        owner = self.session.get(Person, ticket.assignee_id or maker.id)
        promise = Promise(
            message_id=message.id,
            ticket_id=ticket.id,
            start=0,
            end=len(quote),
            quote=quote,
            kind=kind,
            due_at=due_at,
            maker_id=maker.id,
            owner_id=owner.id,
            team_id=owner.team_id,  # as ingest decides it (tracker.teams.decide_team)
            state="open",
            made_at=made_at,
            next_action_at=made_at,
        )
        self.session.add(promise)
        self.session.flush()
        self.session.add(PromiseEvent(promise_id=promise.id, at=made_at, event="made"))
        self.session.flush()
        return promise

    def reassign(self, ticket: Ticket, to: Person, at: datetime) -> Assignment:
        assignment = Assignment(
            source_id=self.source.id,
            external_id=f"a{next(_ids)}",
            ticket_id=ticket.id,
            from_assignee_id=ticket.assignee_id,
            to_assignee_id=to.id,
            changed_at=at,
        )
        ticket.assignee_id = to.id
        self.session.add_all([assignment, ticket])
        self.session.flush()
        return assignment


def events(session: Session, promise_id: int) -> list[PromiseEvent]:
    query = select(PromiseEvent).where(PromiseEvent.promise_id == promise_id)
    return list(session.exec(query.order_by(PromiseEvent.id)))


def later(moment: datetime, **kwargs: float) -> datetime:
    return moment + timedelta(**kwargs)
