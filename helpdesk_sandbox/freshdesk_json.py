"""The sandbox's objects as Freshdesk v2 JSON, shaped as in shared/api-notes §2; an
object's `vendor` fields are sent as given, over what is rendered."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from helpdesk_sandbox.store import Comment, Group, Person, Store, Ticket
from integrations.freshdesk.timezones import rails_zone

STATUS_CODES = {"new": 2, "open": 2, "pending": 3, "hold": 3, "solved": 4, "closed": 5}


def iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def agent_json(person: Person) -> dict[str, Any]:
    return {
        "id": person.id,
        "available": True,
        "occasional": False,
        "ticket_scope": 1,
        "group_ids": list(person.group_ids),
        "role_ids": [1 if person.role == "admin" else 2],
        "signature": None,
        "contact": {
            "name": person.name,
            "email": person.email,
            "time_zone": rails_zone(person.time_zone),
            "language": "en",
            "active": True,
        },
        "created_at": iso(person.created_at),
        "updated_at": iso(person.updated_at),
    } | person.vendor


def group_json(group: Group, store: Store) -> dict[str, Any]:
    members = [p.id for p in store.agents() if group.id in p.group_ids]
    return {
        "id": group.id,
        "name": group.name,
        "description": None,
        "agent_ids": members,
        "escalate_to": None,
        "unassigned_for": None,
        "business_hour_id": None,
        "created_at": iso(group.created_at),
        "updated_at": iso(group.updated_at),
    } | group.vendor


def custom_fields(ticket: Ticket, field_ids: dict[str, int]) -> dict[str, Any]:
    names = {v: k for k, v in field_ids.items()}
    fields = {name: None for name in field_ids}
    for field_id, value in ticket.custom_fields.items():
        fields[names.get(field_id, f"cf_field_{field_id}")] = value
    return fields


def ticket_json(
    ticket: Ticket, store: Store, field_ids: dict[str, int], includes: list[str] | None = None
) -> dict[str, Any]:
    first = store.comments.get(ticket.comment_ids[0]) if ticket.comment_ids else None
    deleted = ticket.status == "deleted"
    data: dict[str, Any] = {
        "id": ticket.id,
        "subject": ticket.subject,
        "status": STATUS_CODES.get(ticket.status, 5),
        "priority": 1,
        "source": 1 if ticket.channel == "email" else 2,
        "type": None,
        "requester_id": ticket.requester_id,
        "responder_id": ticket.assignee_id,
        "group_id": ticket.group_id,
        "company_id": None,
        "tags": list(ticket.tags),
        "custom_fields": custom_fields(ticket, field_ids),
        "due_by": iso((ticket.created_at or store.clock()) + timedelta(days=3)),
        "fr_due_by": iso((ticket.created_at or store.clock()) + timedelta(days=1)),
        "is_escalated": False,
        "fr_escalated": False,
        "spam": ticket.spam,
        "deleted": deleted,
        "created_at": iso(ticket.created_at),
        "updated_at": iso(ticket.updated_at),
    }
    if includes is None or "description" in includes:
        data["description"] = (first.html_body or f"<div>{first.body}</div>") if first else ""
        data["description_text"] = first.body if first else ""
    if includes and "requester" in includes:
        person = store.people.get(ticket.requester_id)
        if person is not None:
            data["requester"] = {
                "id": person.id,
                "name": person.name,
                "email": person.email,
                "mobile": None,
                "phone": None,
            }
    # a listing leaves the description out unless asked for it, whatever `vendor` says
    return data | {k: v for k, v in ticket.vendor.items() if k in data or "description" not in k}


def conversation_json(comment: Comment, store: Store) -> dict[str, Any]:
    author = store.people.get(comment.author_id)
    incoming = author is None or not author.is_agent
    if comment.call:
        source = 9
    elif comment.public:
        source = 0
    else:
        source = 2
    return {
        "id": comment.id,
        "ticket_id": comment.ticket_id,
        "user_id": comment.author_id,
        "body": comment.html_body or f"<div>{comment.body}</div>",
        "body_text": comment.body,
        "incoming": incoming,
        "private": not comment.public,
        "source": source,
        "category": 3 if not incoming else 2,
        "support_email": None if source == 2 else "support@sandbox.freshdesk.local",
        "to_emails": [],
        "from_email": author.email if author else None,
        "cc_emails": [],
        "bcc_emails": [],
        "attachments": [],
        "source_additional_info": None,
        "created_at": iso(comment.created_at),
        "updated_at": iso(comment.created_at),
    } | comment.vendor
