"""Write-back to the help desk: an internal note and tags on the promise's ticket,
through the source's own connector."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from integrations.base import WriteBackError
from tracker.config import Config
from tracker.outbox.transport import Notice, TransportError


class TicketTransport:
    def __init__(self, config: Config, *, sleep: Callable[[float], None] = time.sleep):
        self.config = config
        self.sleep = sleep
        self._connectors: dict[str, Any] = {}

    @classmethod
    def from_config(cls, config: Config) -> TicketTransport | None:
        if not (config.ticket.note or config.ticket.tags):
            return None
        return cls(config)

    def connector(self, source_name: str) -> Any:
        if source_name not in self._connectors:
            try:
                source = self.config.source(source_name)
            except KeyError:
                raise TransportError(
                    f"source {source_name!r} is no longer configured", permanent=True
                ) from None
            try:
                from integrations.registry import connector_for
            except ImportError:
                raise TransportError(
                    "ticket write-back is not available in this version", permanent=True
                ) from None
            try:
                connector = connector_for(source, sleep=self.sleep)
            except Exception as exc:  # no connector for this type, or no credentials
                permanent = bool(getattr(exc, "permanent", True))
                raise TransportError(f"ticket write-back: {exc}", permanent=permanent) from None
            if connector is None or not hasattr(connector, "add_note"):
                raise TransportError(
                    f"source {source_name!r} ({source.type}) has no ticket write-back",
                    permanent=True,
                )
            self._connectors[source_name] = connector
        return self._connectors[source_name]

    def send(self, notice: Notice, recipient: str) -> None:
        if not notice.source or not notice.ticket:
            raise TransportError("the notice names no ticket", permanent=True)
        connector = self.connector(notice.source)
        try:
            if notice.note and self.config.ticket.note and not self._noted(connector, notice):
                connector.add_note(notice.ticket, notice.text)
            if self.config.ticket.tags and (notice.add_tags or notice.remove_tags):
                connector.change_tags(
                    notice.ticket, list(notice.add_tags), list(notice.remove_tags)
                )
            if notice.due is not None and hasattr(connector, "set_due_field"):
                connector.set_due_field(notice.ticket, notice.due)
        except WriteBackError as exc:
            status = getattr(exc, "status", None)
            raise TransportError(
                str(exc),
                permanent=bool(getattr(exc, "permanent", False)),
                unreachable=status is None or status >= 500,
            ) from None

    @staticmethod
    def _noted(connector: Any, notice: Notice) -> bool:
        """The ticket already has this note (written just before a crash)."""
        if not notice.marker or not hasattr(connector, "has_note"):
            return False
        assert notice.ticket is not None
        return bool(connector.has_note(notice.ticket, notice.marker))
