"""Every table, in one place.

All timestamps are timezone-aware UTC (`UTCDateTime`); SQLite stores them as naive
UTC text, so the column type re-attaches UTC on the way out.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Protocol

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator
from sqlmodel import AutoString, Field, SQLModel

from tracker.kinds import OutboxStatus, PromiseKind, PromiseState

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION

# The column type SQLModel gives `str` with max_length=20, spelled out for the Literal fields
# (it cannot derive a column type from a Literal); the schema is unchanged.
_SHORT_TEXT = AutoString(length=20)


class UTCDateTime(TypeDecorator):
    """A DateTime that refuses naive values and always returns aware UTC."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utc_column(*, nullable: bool = True, index: bool = False) -> sa.Column:
    return sa.Column(UTCDateTime(), nullable=nullable, index=index)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Stored(Protocol):
    """A table row: its `id` is None until the row is flushed."""

    @property
    def id(self) -> int | None: ...


def stored_id(row: Stored) -> int:
    """A stored row's primary key. SQLModel types `id` as `int | None` because it is None
    until the row is flushed; reading it before then is a bug, so say so here rather than
    write a NULL foreign key."""
    if row.id is None:
        raise ValueError(f"{type(row).__name__} has no id yet: it was not flushed")
    return row.id


class Source(SQLModel, table=True):
    """A configured help desk or mailbox, with its sync cursor."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)
    type: str = Field(max_length=20)
    cursor: str | None = Field(default=None, sa_type=sa.Text)
    last_sync_at: datetime | None = Field(default=None, sa_column=utc_column())
    last_success_at: datetime | None = Field(default=None, sa_column=utc_column())
    last_error: str | None = Field(default=None, sa_type=sa.Text)


class Rejected(SQLModel, table=True):
    """A record of a source that could not be read or stored, set aside so the rest of its
    page is stored and the cursor moves on. Ids and an error class only: no customer text."""

    __table_args__ = (sa.UniqueConstraint("source_id", "kind", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id")
    kind: str = Field(max_length=20)
    external_id: str = Field(max_length=300)
    error: str = Field(max_length=100)
    first_seen_at: datetime = Field(sa_column=utc_column(nullable=False))
    last_seen_at: datetime = Field(sa_column=utc_column(nullable=False))
    attempts: int = 1


class Team(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    timezone: str = Field(default="UTC", max_length=64)
    working_hours: str = Field(default="09:00-17:00", max_length=20)
    working_days: str = Field(default="Mon-Fri", max_length=40)
    holidays: str | None = Field(default=None, max_length=20)
    leads: str = Field(default="[]", sa_type=sa.Text)  # JSON list of e-mail addresses


class HelpdeskGroup(SQLModel, table=True):
    __tablename__ = "helpdesk_group"
    __table_args__ = (sa.UniqueConstraint("source_id", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id")
    external_id: str = Field(max_length=100)
    name: str = Field(default="", max_length=200)
    lead_external_id: str | None = Field(default=None, max_length=100)
    team_id: int | None = Field(default=None, foreign_key="team.id")


class Person(SQLModel, table=True):
    """An agent, admin or customer as one source knows them."""

    __table_args__ = (sa.UniqueConstraint("source_id", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id")
    external_id: str = Field(max_length=200)
    name: str = Field(default="", max_length=200)
    email: str | None = Field(default=None, max_length=320, index=True)
    role: str = Field(default="customer", max_length=20)  # agent | admin | customer
    time_zone: str | None = Field(default=None, max_length=64)
    team_id: int | None = Field(default=None, foreign_key="team.id")


class Ticket(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("source_id", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id")
    external_id: str = Field(max_length=200)
    subject: str = Field(default="", max_length=500)
    requester_id: int | None = Field(default=None, foreign_key="person.id")
    assignee_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    group_id: int | None = Field(default=None, foreign_key="helpdesk_group.id")
    status: str = Field(default="open", max_length=30)
    url: str | None = Field(default=None, max_length=1000)
    created_at: datetime | None = Field(default=None, sa_column=utc_column())
    updated_at: datetime | None = Field(default=None, sa_column=utc_column())


class Message(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("source_id", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id")
    external_id: str = Field(max_length=300)
    ticket_id: int = Field(foreign_key="ticket.id", index=True)
    author_id: int | None = Field(default=None, foreign_key="person.id")
    author_role: str = Field(default="customer", max_length=20)  # agent | customer | system
    public: bool = True
    channel: str = Field(default="", max_length=40)
    is_call: bool = False  # a logged phone call: keeps a callback promise
    is_own_note: bool = False  # written by Follow-through itself
    sent_at: datetime = Field(sa_column=utc_column(nullable=False))
    text: str = Field(default="", sa_type=sa.Text)
    body_hash: str = Field(default="", max_length=64)


class Assignment(SQLModel, table=True):
    """A hand-off: the ticket's assignee or group changed at `changed_at`."""

    __table_args__ = (sa.UniqueConstraint("source_id", "external_id"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id")
    external_id: str = Field(max_length=300)
    ticket_id: int = Field(foreign_key="ticket.id", index=True)
    from_assignee_id: int | None = Field(default=None, foreign_key="person.id")
    to_assignee_id: int | None = Field(default=None, foreign_key="person.id")
    from_group_id: int | None = Field(default=None, foreign_key="helpdesk_group.id")
    to_group_id: int | None = Field(default=None, foreign_key="helpdesk_group.id")
    changed_at: datetime = Field(sa_column=utc_column(nullable=False))


class Promise(SQLModel, table=True):
    __table_args__ = (
        sa.UniqueConstraint("message_id", "start"),
        sa.Index("ix_promise_state_next_action_at", "state", "next_action_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    message_id: int = Field(foreign_key="message.id")
    ticket_id: int = Field(foreign_key="ticket.id", index=True)
    start: int
    end: int
    quote: str = Field(sa_type=sa.Text)
    kind: PromiseKind = Field(max_length=20, sa_type=_SHORT_TEXT)
    due_at: datetime = Field(sa_column=utc_column(nullable=False))
    due_is_default: bool = False
    due_text: str | None = Field(default=None, max_length=200)
    maker_id: int | None = Field(default=None, foreign_key="person.id")
    owner_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    # Decided by one rule (tracker.teams.decide_team) and re-decided on hand-off and
    # group change; None: no team maps the promise (its lead step goes to the managers).
    team_id: int | None = Field(default=None, foreign_key="team.id", index=True)
    state: PromiseState = Field(default="open", max_length=20, sa_type=_SHORT_TEXT)
    kept_by_message_id: int | None = Field(default=None, foreign_key="message.id")
    made_at: datetime = Field(sa_column=utc_column(nullable=False))
    kept_at: datetime | None = Field(default=None, sa_column=utc_column())
    closed_at: datetime | None = Field(default=None, sa_column=utc_column())
    snoozed_until: datetime | None = Field(default=None, sa_column=utc_column())
    next_action_at: datetime | None = Field(default=None, sa_column=utc_column())
    acted_by: str | None = Field(default=None, max_length=320)
    reason: str | None = Field(default=None, sa_type=sa.Text)
    created_at: datetime = Field(default_factory=utcnow, sa_column=utc_column(nullable=False))
    updated_at: datetime = Field(default_factory=utcnow, sa_column=utc_column(nullable=False))


class PromiseEvent(SQLModel, table=True):
    """The history of one promise: made, handed off, reminded, escalated, kept…"""

    __tablename__ = "promise_event"

    id: int | None = Field(default=None, primary_key=True)
    promise_id: int = Field(foreign_key="promise.id", index=True)
    at: datetime = Field(sa_column=utc_column(nullable=False))
    event: str = Field(max_length=30)
    actor: str | None = Field(default=None, max_length=320)
    detail: str = Field(default="{}", sa_type=sa.Text)  # JSON


class Escalation(SQLModel, table=True):
    """An outbox row: one notification of one ladder step to one recipient on one channel."""

    __table_args__ = (
        sa.UniqueConstraint("promise_id", "step", "channel", "recipient"),
        sa.Index("ix_escalation_status_next_attempt_at", "status", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    promise_id: int = Field(foreign_key="promise.id", index=True)
    step: str = Field(max_length=40)  # remind | overdue | lead | manager | handoff-<id>
    channel: str = Field(max_length=20)  # email | slack | ticket
    recipient: str = Field(max_length=320)
    status: OutboxStatus = Field(default="pending", max_length=20, sa_type=_SHORT_TEXT)
    due_at: datetime = Field(sa_column=utc_column(nullable=False))
    next_attempt_at: datetime | None = Field(default=None, sa_column=utc_column())
    sent_at: datetime | None = Field(default=None, sa_column=utc_column())
    attempts: int = 0
    last_error: str | None = Field(default=None, sa_type=sa.Text)
    lease_owner: str | None = Field(default=None, max_length=200)
    lease_until: datetime | None = Field(default=None, sa_column=utc_column())
    created_at: datetime = Field(default_factory=utcnow, sa_column=utc_column(nullable=False))


class Digest(SQLModel, table=True):
    """One daily digest of one team for one lead: an outbox row like `Escalation`."""

    __table_args__ = (sa.UniqueConstraint("team_id", "day", "recipient"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    day: str = Field(max_length=10)  # the team's local date, YYYY-MM-DD
    recipient: str = Field(max_length=320)
    status: OutboxStatus = Field(default="pending", max_length=20, sa_type=_SHORT_TEXT)
    body: str = Field(default="", sa_type=sa.Text)
    next_attempt_at: datetime | None = Field(default=None, sa_column=utc_column())
    sent_at: datetime | None = Field(default=None, sa_column=utc_column())
    attempts: int = 0
    last_error: str | None = Field(default=None, sa_type=sa.Text)
    lease_owner: str | None = Field(default=None, max_length=200)
    lease_until: datetime | None = Field(default=None, sa_column=utc_column())


class Lease(SQLModel, table=True):
    """A named lease a worker holds until `until` (one sync per source, one digest run…)."""

    name: str = Field(primary_key=True, max_length=200)
    owner: str = Field(max_length=200)
    until: datetime = Field(sa_column=utc_column(nullable=False))


class SweepProgress(SQLModel, table=True):
    """How far the sweep has looked (tracker.sweep), in one row: the newest message and
    assignment ids already looked at, and when the next full check is due."""

    __tablename__ = "sweep_progress"

    id: int = Field(default=1, primary_key=True)  # always 1: there is one sweep
    message_watermark: int = 0
    assignment_watermark: int = 0
    full_check_at: datetime | None = Field(default=None, sa_column=utc_column())
    updated_at: datetime = Field(sa_column=utc_column(nullable=False))


class SignInToken(SQLModel, table=True):
    """A one-time sign-in link; only its hash is stored."""

    __tablename__ = "signin_token"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    email: str = Field(max_length=320)
    created_at: datetime = Field(sa_column=utc_column(nullable=False))
    expires_at: datetime = Field(sa_column=utc_column(nullable=False))
    used_at: datetime | None = Field(default=None, sa_column=utc_column())


class Correction(SQLModel, table=True):
    """A person corrected the extractor: one labelled example, with its text, for a later
    learning step. `promise_id` is not a foreign key on purpose: an example outlives the
    promise row it came from."""

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=utc_column(nullable=False, index=True))
    channel: str = Field(max_length=20)  # web | cli | note | tag | slack | email
    action: str = Field(max_length=20)  # dismissed | added | kind_changed | due_changed
    actor: str = Field(max_length=320)
    promise_id: int | None = Field(default=None, index=True)
    team_id: int | None = Field(default=None, index=True)
    is_promise: bool  # the label: was this text a promise?
    text: str = Field(default="", sa_type=sa.Text)  # the whole message the example is from
    quote: str = Field(default="", sa_type=sa.Text)
    start: int | None = None
    end: int | None = None
    sent_at: datetime | None = Field(default=None, sa_column=utc_column())
    kind: PromiseKind | None = Field(default=None, max_length=20, sa_type=_SHORT_TEXT)  # corrected
    previous_kind: PromiseKind | None = Field(default=None, max_length=20, sa_type=_SHORT_TEXT)
    due_at: datetime | None = Field(default=None, sa_column=utc_column())
    previous_due_at: datetime | None = Field(default=None, sa_column=utc_column())
    overruled_at: datetime | None = Field(default=None, sa_column=utc_column())
    overruled_by: str | None = Field(default=None, max_length=320)


class NoticeToken(SQLModel, table=True):
    """The token in one notice e-mail's Message-ID and Reply-To address, so a reply to it
    can act on its promise (only its hash is stored, like sign-in links)."""

    __tablename__ = "notice_token"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    promise_id: int = Field(index=True)
    recipient: str = Field(max_length=320)
    created_at: datetime = Field(sa_column=utc_column(nullable=False))


class WebSession(SQLModel, table=True):
    """Per e-mail address: the version its session cookies must carry. Signing out and a
    change of role bump it, which ends every copy of every earlier cookie."""

    __tablename__ = "web_session"

    email: str = Field(primary_key=True, max_length=320)
    version: int = 0
    roles: str = Field(default="", max_length=40)  # "admin,lead,agent" when last seen
    updated_at: datetime = Field(sa_column=utc_column(nullable=False))


class SignInAttempt(SQLModel, table=True):
    """One request for a sign-in link, by client address, for the per-client limit."""

    __tablename__ = "signin_attempt"
    __table_args__ = (sa.Index("ix_signin_attempt_client_at", "client", "at"),)

    id: int | None = Field(default=None, primary_key=True)
    client: str = Field(max_length=64)
    at: datetime = Field(sa_column=utc_column(nullable=False))
