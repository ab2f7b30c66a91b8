"""What the outbox hands a channel: a `Notice`, and the `Transport` that sends it.

The core writes against these; `integrations.notify` implements them (e-mail, Slack,
ticket notes) and the edges (the CLI, the service, the demo) choose which transports a
pass gets and pass them in, so deciding and delivering never import transport code.

A transport raises `TransportError(message, permanent=...)`: permanent failures
(a revoked webhook, a refused address, a closed ticket) are recorded and never
retried; the others are retried with backoff by the delivery loop. `unreachable` says
the whole channel is down (no answer, a timeout, a refused connection) rather than this
one message failing: the delivery loop then pauses the channel instead of trying row
after row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol


class TransportError(Exception):
    def __init__(self, message: str, permanent: bool = False, unreachable: bool = False):
        super().__init__(message)
        self.permanent = permanent
        self.unreachable = unreachable and not permanent


@dataclass(frozen=True)
class Notice:
    """One message, already worded for every channel."""

    subject: str
    text: str  # plain text (e-mail, ticket note)
    html: str  # e-mail HTML, customer-written text already escaped
    slack: str  # Slack mrkdwn, text already escaped per Slack rules
    source: str | None = None  # the source name, for ticket write-back
    ticket: str | None = None  # the external ticket id
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    note: bool = True  # write `text` as an internal note on the ticket
    due: datetime | None = None  # write the due time into the ticket's due field
    headers: dict[str, str] = field(default_factory=dict)
    # Set on a retried ticket note whose text carries it: write-back skips the note when
    # the ticket already has one with it (a note sent just before a crash, not recorded).
    marker: str | None = None


class Transport(Protocol):
    def send(self, notice: Notice, recipient: str) -> None: ...


# Channel kind ("email", "slack", "ticket") -> its transport, as the edge chose them.
Transports = Mapping[str, Transport]
