"""Notification transports: tiny classes with `send(notice, recipient)`, found by kind.

A transport raises `TransportError(message, permanent=...)`: permanent failures
(a revoked webhook, a refused address, a closed ticket) are recorded and never
retried; the others are retried with backoff by the delivery loop. `unreachable` says
the whole channel is down (no answer, a timeout, a refused connection) rather than this
one message failing: the delivery loop then pauses the channel instead of trying row
after row.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from tracker.config import Config


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


class TransportClass(Protocol):
    """A transport class: builds its transport from the configuration, or None when the
    configuration does not enable that channel."""

    def from_config(self, config: Config) -> Transport | None: ...


_REGISTRY = {
    "email": "integrations.notify.email:EmailTransport",
    "slack": "integrations.notify.slack:SlackTransport",
    "ticket": "integrations.notify.ticket:TicketTransport",
}


def transport_class(kind: str) -> TransportClass:
    """The transport class for a channel kind, imported only when used."""
    try:
        module_name, _, name = _REGISTRY[kind].partition(":")
    except KeyError:
        raise TransportError(f"no transport for channel {kind!r}", permanent=True) from None
    return getattr(importlib.import_module(module_name), name)


def transports_for(config: Config) -> dict[str, Transport]:
    """Every transport the configuration enables."""
    found: dict[str, Transport] = {}
    for kind in _REGISTRY:
        cls = transport_class(kind)
        transport = cls.from_config(config)
        if transport is not None:
            found[kind] = transport
    return found
