"""What the sandbox store holds: people, groups, tickets, comments and every update,
help-desk-neutral; faces render them as one vendor's JSON.

`vendor` on a person, group, ticket or comment holds fields a face sends as given, over
what it renders: values the neutral store has no notion of (a Freshdesk `source` code, a
group's `escalate_to`) or malformed ones a test needs a help desk to send."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

STATUSES = ("new", "open", "pending", "hold", "solved", "closed", "deleted")


class StoreError(Exception):
    """A request the help desk would refuse; `kind` says why: not_found, closed, conflict."""

    def __init__(self, kind: str, message: str):
        self.kind = kind
        super().__init__(message)


@dataclass
class Person:
    id: int
    name: str
    email: str
    role: str  # agent | admin | end-user
    time_zone: str = "UTC"  # IANA
    group_ids: list[int] = field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    vendor: dict[str, Any] = field(default_factory=dict)

    @property
    def is_agent(self) -> bool:
        return self.role in ("agent", "admin")


@dataclass
class Group:
    id: int
    name: str
    created_at: datetime | None = None
    updated_at: datetime | None = None
    vendor: dict[str, Any] = field(default_factory=dict)


@dataclass
class Comment:
    id: int
    ticket_id: int
    author_id: int
    body: str
    public: bool
    created_at: datetime
    html_body: str | None = None
    channel: str = "web"  # web | email | api | rule | voice
    call: bool = False  # a logged phone call (Zendesk VoiceComment)
    vendor: dict[str, Any] = field(default_factory=dict)


@dataclass
class Change:
    id: int
    field: str  # assignee_id | group_id | status | tags | custom_field:<id>
    value: Any
    previous: Any


@dataclass
class Update:
    """One ticket update, as help desks log them: who, when, comments and field changes."""

    id: int
    ticket_id: int
    at: datetime
    actor_id: int | None
    kind: str = "Update"  # Create | Update
    channel: str = "web"
    comments: list[Comment] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    @property
    def second(self) -> int:
        return int(self.at.timestamp())


@dataclass
class Ticket:
    id: int
    subject: str
    requester_id: int
    status: str = "new"
    assignee_id: int | None = None
    group_id: int | None = None
    tags: list[str] = field(default_factory=list)
    custom_fields: dict[int, Any] = field(default_factory=dict)
    channel: str = "web"
    created_at: datetime | None = None
    updated_at: datetime | None = None
    changed_at: datetime | None = None  # moves on every change (Zendesk generated_timestamp)
    comment_ids: list[int] = field(default_factory=list)
    spam: bool = False  # marked as spam: listed only when asked for (Freshdesk filter=spam)
    vendor: dict[str, Any] = field(default_factory=dict)


class MovableClock:
    """A clock tests and demos can set and move: `clock()` returns the current time."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> datetime:
        self.now += delta
        return self.now
