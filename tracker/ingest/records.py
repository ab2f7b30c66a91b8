"""Plain records: what a connector hands to the core. No database, no business rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class PersonRecord:
    external_id: str
    role: str  # agent | admin | customer
    name: str = ""
    email: str | None = None
    time_zone: str | None = None  # IANA name


@dataclass(frozen=True)
class GroupRecord:
    external_id: str
    name: str
    lead_external_id: str | None = None  # e.g. Freshdesk's escalate_to


@dataclass(frozen=True)
class TicketRecord:
    external_id: str
    subject: str = ""
    status: str = "open"  # new | open | pending | hold | solved | closed | deleted
    requester_external_id: str | None = None
    assignee_external_id: str | None = None
    group_external_id: str | None = None
    url: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    tags: tuple[str, ...] = ()  # the ticket's tags, for the ft_done / ft_not_a_promise commands


@dataclass(frozen=True)
class MessageRecord:
    external_id: str
    ticket_external_id: str
    sent_at: datetime
    text: str  # plain text, as cleaned by the connector (HTML already converted)
    author_external_id: str | None = None
    author_role: str = "customer"  # agent | customer | system
    public: bool = True
    channel: str = ""
    body_hash: str = ""
    is_call: bool = False
    is_own_note: bool = False


@dataclass(frozen=True)
class AssignmentRecord:
    """A change of assignee or group seen at `changed_at` (a hand-off)."""

    external_id: str
    ticket_external_id: str
    changed_at: datetime
    to_assignee_external_id: str | None = None
    to_group_external_id: str | None = None
    from_assignee_external_id: str | None = None
    from_group_external_id: str | None = None


@dataclass(frozen=True)
class TicketMergeRecord:
    """Two tickets are one (a later e-mail proved two threads one): move everything of
    `from_external_id` to `into_external_id`, then forget the former."""

    from_external_id: str
    into_external_id: str


@dataclass(frozen=True)
class RejectedRecord:
    """A record that could not be read or stored: named by kind and id only, never by its
    text. `error` is a class of error (`MissingTicketId`, `DataError`), not a message."""

    kind: str  # person | group | ticket | message | assignment | event | mail
    external_id: str
    error: str


@dataclass
class Batch:
    """One page of changes and the cursor to store with it, in the same transaction."""

    cursor: str | None
    people: list[PersonRecord] = field(default_factory=list)
    groups: list[GroupRecord] = field(default_factory=list)
    tickets: list[TicketRecord] = field(default_factory=list)
    messages: list[MessageRecord] = field(default_factory=list)
    assignments: list[AssignmentRecord] = field(default_factory=list)
    merges: list[TicketMergeRecord] = field(default_factory=list)
    rejected: list[RejectedRecord] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
