"""Freshdesk tickets for an audit of history, as `GET /api/v2/tickets/{id}?include=
conversations,requester` returns them (one per line, an array, or `{"tickets": […],
"agents": […]}`), mapped by the live connector's mapping code."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from integrations.exports import JsonExportConnector, with_url
from integrations.freshdesk import mapping
from tracker.ingest.records import Batch


class FreshdeskExportConnector(JsonExportConnector):
    # One snapshot per ticket: a ticket seen twice shows the change (the freshdesk spec's
    # `derives_handoffs`, as for the live connector).

    def add(self, item: dict[str, Any], batch: Batch, replay: bool) -> None:
        if isinstance(item.get("contact"), dict):  # an agent (GET /api/v2/agents)
            if not replay and (record := mapping.agent_record(item)) is not None:
                batch.people.append(record)
            return
        if "id" not in item or replay:
            return
        ticket = mapping.ticket_record(item, self.link_base or "")
        if not self.link_base:
            ticket = with_url(ticket, None)
        batch.tickets.append(ticket)
        tid = ticket.external_id
        if (requester := mapping.requester_record(item)) is not None:
            batch.people.append(requester)
        if (description := mapping.description_record(item)) is not None:
            batch.messages.append(description)
        for conversation in item.get("conversations") or []:
            if isinstance(conversation, dict):
                batch.messages.append(mapping.conversation_record(conversation, tid, None))


def open_export(
    name: str, path: Path, *, agent_addresses: Sequence[str] = (), backfill: Any = None,
    link_base: str | None = None,
) -> FreshdeskExportConnector:  # fmt: skip
    return FreshdeskExportConnector(name, path, link_base)
