"""The sandbox's objects as Zendesk JSON, shaped as in shared/api-notes/zendesk-freshdesk.md."""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime
from typing import Any

from helpdesk_sandbox.objects import Comment, Group, Person, Ticket, Update
from helpdesk_sandbox.store import Store


def iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def second(value: datetime | None) -> int:
    return int(value.timestamp()) if value else 0


def encode_cursor(second: int, ticket_id: int) -> str:
    return base64.b64encode(f"{second}.0||{ticket_id}|".encode()).decode()


def decode_cursor(cursor: str) -> tuple[int, int] | None:
    try:
        text = base64.b64decode(cursor.encode(), validate=True).decode()
        second, _, rest = text.partition(".0||")
        return int(second), int(rest.rstrip("|"))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None


class ZendeskJson:
    def __init__(self, store: Store, host: str):
        self.store = store
        self.host = host

    def _url(self, path: str) -> str:
        return f"https://{self.host}{path}"

    def user_json(self, person: Person) -> dict[str, Any]:
        return {
            "id": person.id,
            "url": self._url(f"/api/v2/users/{person.id}.json"),
            "name": person.name,
            "email": person.email,
            "role": person.role,
            "role_type": None,
            "time_zone": person.time_zone,
            "iana_time_zone": person.time_zone,
            "default_group_id": person.group_ids[0] if person.group_ids else None,
            "active": True,
            "suspended": False,
            "created_at": iso(person.created_at),
            "updated_at": iso(person.updated_at),
        }

    def group_json(self, group: Group) -> dict[str, Any]:
        return {
            "id": group.id,
            "url": self._url(f"/api/v2/groups/{group.id}.json"),
            "name": group.name,
            "deleted": False,
            "created_at": iso(group.created_at),
            "updated_at": iso(group.updated_at),
        }

    def ticket_json(self, ticket: Ticket) -> dict[str, Any]:
        first = self.store.comments.get(ticket.comment_ids[0]) if ticket.comment_ids else None
        return {
            "id": ticket.id,
            "url": self._url(f"/api/v2/tickets/{ticket.id}.json"),
            "subject": ticket.subject,
            "raw_subject": ticket.subject,
            "description": first.body if first else "",
            "status": ticket.status,
            "requester_id": ticket.requester_id,
            "submitter_id": ticket.requester_id,
            "assignee_id": ticket.assignee_id,
            "group_id": ticket.group_id,
            "tags": list(ticket.tags),
            "custom_fields": [{"id": k, "value": v} for k, v in ticket.custom_fields.items()],
            "via": {"channel": ticket.channel, "source": {"from": {}, "to": {}, "rel": None}},
            "created_at": iso(ticket.created_at),
            "updated_at": iso(ticket.updated_at),
            "generated_timestamp": second(ticket.changed_at),
        }

    def comment_json(self, comment: Comment, audit_id: int | None = None) -> dict[str, Any]:
        kind = "VoiceComment" if comment.call else "Comment"
        html_body = comment.html_body or f'<div class="zd-comment"><p>{comment.body}</p></div>'
        data: dict[str, Any] = {
            "id": comment.id,
            "type": kind,
            "event_type": kind,
            "author_id": comment.author_id,
            "body": comment.body,
            "html_body": html_body,
            "plain_body": comment.body,
            "public": comment.public,
            "attachments": [],
            "audit_id": audit_id,
            "created_at": iso(comment.created_at),
            "via": {"channel": comment.channel, "source": {"from": {}, "to": {}, "rel": None}},
            "via_reference_id": None,
        }
        if comment.call:
            data["data"] = {"transcription_text": comment.body, "call_duration": 180}
        return data

    def event_json(self, update: Update) -> dict[str, Any]:
        children: list[dict[str, Any]] = [self.comment_json(c, update.id) for c in update.comments]
        for change in update.changes:
            if change.field.startswith("custom_field:"):
                continue
            child: dict[str, Any] = {
                "id": change.id,
                "event_type": "Create" if update.kind == "Create" else "Change",
                "via": "Web form",
                "via_reference_id": None,
                change.field: change.value,
            }
            if update.kind != "Create":
                child["previous_value"] = change.previous
            if change.field == "tags":
                before, after = set(change.previous or []), set(change.value or [])
                child["added_tags"] = sorted(after - before)
                child["removed_tags"] = sorted(before - after)
            children.append(child)
        return {
            "id": update.id,
            "ticket_id": update.ticket_id,
            "timestamp": update.second,
            "created_at": iso(update.at),
            "updater_id": update.actor_id if update.actor_id is not None else -1,
            "via": "Mail" if update.channel == "email" else "Web form",
            "event_type": "Audit",
            "child_events": children,
        }
