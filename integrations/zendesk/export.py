"""Zendesk's JSON export for an audit of history: the full export (one JSON object per
line), or a JSON array, or `{"tickets": […], "users": […]}`; the path may be a folder of
such files. A ticket carries its `comments` (or `audits` with their events); user
objects (with a `role`) say who is an agent; without them, a ticket's assignees are
taken as agents. Mapped by the live connector's mapping code."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from integrations.exports import JsonExportConnector, with_url
from integrations.zendesk import mapping
from tracker.ingest.records import Batch


class ZendeskExportConnector(JsonExportConnector):
    def __init__(self, name: str, path: Path, link_base: str | None = None):
        super().__init__(name, path, link_base)
        self.roles: dict[str, str] = {}

    def _link_base(self, ticket: dict[str, Any]) -> str:
        if self.link_base:
            return self.link_base
        url = ticket.get("url")
        if isinstance(url, str) and "/api/v2/" in url:
            return url.split("/api/v2/")[0]
        return ""

    def add(self, item: dict[str, Any], batch: Batch, replay: bool) -> None:
        if "role" in item and "comments" not in item and "audits" not in item:
            record = mapping.person_record(item)
            self.roles[record.external_id] = item.get("role") or record.role
            if not replay:
                batch.people.append(record)
            return
        if "id" not in item:
            return
        tid = str(item["id"])
        assignees = {mapping._id(item.get("assignee_id"))}
        events = self._events(item, tid)
        for event in events:
            for child in event["child_events"]:
                if child.get("event_type") == "Change" and "assignee_id" in child:
                    assignees |= {mapping._id(child.get("assignee_id"))}
                    assignees |= {mapping._id(child.get("previous_value"))}
        for person in assignees:
            if person is not None:
                self.roles.setdefault(person, "agent")
        if replay:
            return
        ticket = mapping.ticket_record(item, self._link_base(item))
        if not ticket.url or not ticket.url.startswith("http"):
            ticket = with_url(ticket, None)
        batch.tickets.append(ticket)
        for event in events:
            found = mapping.event_records(event, self.roles, None)
            batch.messages += found.messages
            batch.assignments += found.assignments

    @staticmethod
    def _events(ticket: dict[str, Any], tid: str) -> list[dict[str, Any]]:
        """The ticket's history as ticket events (the shape the live connector maps):
        one per audit when the export has audits, else one holding the comments."""
        audits = ticket.get("audits")
        if isinstance(audits, list) and audits:
            events = []
            for audit in audits:
                if not isinstance(audit, dict):
                    continue
                children = []
                for event in audit.get("events") or []:
                    if not isinstance(event, dict):
                        continue
                    kind = event.get("type")
                    if kind in ("Comment", "VoiceComment"):
                        children.append(
                            {"event_type": kind, "created_at": audit.get("created_at"), **event}
                        )
                    elif kind == "Change" and event.get("field_name") in (
                        "assignee_id",
                        "group_id",
                    ):
                        children.append(
                            {
                                "event_type": "Change",
                                event["field_name"]: event.get("value"),
                                "previous_value": event.get("previous_value"),
                            }
                        )
                events.append(
                    {
                        "id": f"audit:{audit.get('id')}",
                        "ticket_id": tid,
                        "created_at": audit.get("created_at"),
                        "child_events": children,
                    }
                )
            return events
        comments = [c for c in ticket.get("comments") or [] if isinstance(c, dict)]
        if not comments:
            return []
        return [
            {
                "id": f"export:{tid}",
                "ticket_id": tid,
                "created_at": ticket.get("created_at") or ticket.get("updated_at"),
                "child_events": [{"event_type": c.get("type") or "Comment", **c} for c in comments],
            }
        ]


def open_export(
    name: str, path: Path, *, agent_addresses: Sequence[str] = (), backfill: Any = None,
    link_base: str | None = None,
) -> ZendeskExportConnector:  # fmt: skip
    return ZendeskExportConnector(name, path, link_base)
