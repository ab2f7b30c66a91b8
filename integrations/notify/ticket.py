"""Write-back to the help desk: an internal note and tags on the promise's ticket,
through the ticket writer of the source's own connector."""

from __future__ import annotations

import time
from collections.abc import Callable

from tracker.config import Config
from tracker.outbox.transport import Notice, TransportError
from tracker.sources import (
    ConnectorRegistry,
    SourceError,
    TicketWriter,
    WriteBackError,
    installed,
)


class TicketTransport:
    def __init__(
        self,
        config: Config,
        *,
        sleep: Callable[[float], None] = time.sleep,
        connectors: ConnectorRegistry | None = None,
    ):
        self.config = config
        self.sleep = sleep
        self.connectors = connectors or installed()
        self._writers: dict[str, TicketWriter] = {}

    @classmethod
    def from_config(cls, config: Config) -> TicketTransport | None:
        if not (config.ticket.note or config.ticket.tags):
            return None
        return cls(config)

    def writer(self, source_name: str) -> TicketWriter:
        if source_name not in self._writers:
            try:
                source = self.config.source(source_name)
            except KeyError:
                raise TransportError(
                    f"source {source_name!r} is no longer configured", permanent=True
                ) from None
            spec = self.connectors.get(source.type)
            if spec is not None and spec.writer is None:
                raise TransportError(
                    f"source {source_name!r} ({spec.label}) has no ticket to write on",
                    permanent=True,
                )
            try:
                spec = self.connectors.spec_for(source)
                connector = spec.build(source, sleep=self.sleep)
            except Exception as exc:  # no connector for this type, or no credentials
                permanent = exc.permanent if isinstance(exc, SourceError) else True
                raise TransportError(f"ticket write-back: {exc}", permanent=permanent) from None
            assert spec.writer is not None
            self._writers[source_name] = spec.writer(connector)
        return self._writers[source_name]

    def send(self, notice: Notice, recipient: str) -> None:
        if not notice.source or not notice.ticket:
            raise TransportError("the notice names no ticket", permanent=True)
        writer = self.writer(notice.source)
        try:
            if notice.note and self.config.ticket.note and not self._noted(writer, notice):
                writer.add_note(notice.ticket, notice.text)
            if self.config.ticket.tags and (notice.add_tags or notice.remove_tags):
                writer.change_tags(notice.ticket, list(notice.add_tags), list(notice.remove_tags))
            if notice.due is not None:
                writer.set_due_field(notice.ticket, notice.due)
        except WriteBackError as exc:
            raise TransportError(
                str(exc),
                permanent=exc.permanent,
                unreachable=exc.status is None or exc.status >= 500,
            ) from None

    @staticmethod
    def _noted(writer: TicketWriter, notice: Notice) -> bool:
        """The ticket already has this note (written just before a crash)."""
        if not notice.marker:
            return False
        assert notice.ticket is not None
        return writer.has_note(notice.ticket, notice.marker)
