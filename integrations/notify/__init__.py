"""Notification transports: tiny classes with `send(notice, recipient)`, found by kind.

They implement `tracker.outbox.transport` (`Notice`, `Transport`, `TransportError`, whose
docstring says what permanent and unreachable failures mean); the names are re-exported
here for the transports themselves. `transports_for` is what an edge (the CLI, the
service, the demo) calls to choose the transports it passes to delivery.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

from tracker.outbox.transport import Notice, Transport, TransportError

if TYPE_CHECKING:
    from tracker.config import Config

__all__ = ["Notice", "Transport", "TransportError", "transport_class", "transports_for"]


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
