"""Zendesk JSON → the project's plain records. Pure functions: no network, no clock."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from integrations.base import parse_time
from tracker.extraction import clean_html
from tracker.ingest.records import (
    AssignmentRecord,
    GroupRecord,
    MessageRecord,
    PersonRecord,
    TicketRecord,
)

AGENT_ROLES = ("agent", "admin")
COMMENT_TYPES = ("Comment", "VoiceComment")
STATUSES = ("new", "open", "pending", "hold", "solved", "closed", "deleted")


class MissingTicketId(ValueError):
    """A ticket event that names no ticket: nothing to attach its comments to."""


class MissingTime(ValueError):
    """A ticket event with neither `created_at` nor `timestamp`."""


class MissingCommentId(ValueError):
    """A comment without an id: it could not be told apart from the next one."""


def _id(value: Any) -> str | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    return str(value)


def person_role(user: Mapping[str, Any]) -> str:
    role = user.get("role")
    return role if role in AGENT_ROLES else "customer"


def person_record(user: Mapping[str, Any]) -> PersonRecord:
    zone = user.get("iana_time_zone")
    return PersonRecord(
        external_id=str(user["id"]),
        role=person_role(user),
        name=str(user.get("name") or ""),
        email=user.get("email") or None,
        time_zone=zone if isinstance(zone, str) and zone else None,
    )


def placeholder_person(user_id: str) -> PersonRecord:
    """Someone a record names but Zendesk no longer knows (deleted user): keep the id."""
    return PersonRecord(external_id=user_id, role="customer", name=f"(unknown user {user_id})")


def group_record(group: Mapping[str, Any]) -> GroupRecord:
    return GroupRecord(external_id=str(group["id"]), name=str(group.get("name") or ""))


def ticket_link(base: str, ticket_id: str) -> str:
    return f"{base}/agent/tickets/{ticket_id}"


def ticket_record(ticket: Mapping[str, Any], link_base: str) -> TicketRecord:
    external_id = str(ticket["id"])
    status = ticket.get("status")
    return TicketRecord(
        external_id=external_id,
        subject=str(ticket.get("subject") or ticket.get("raw_subject") or "")[:500],
        status=status if status in STATUSES else "open",
        requester_external_id=_id(ticket.get("requester_id")),
        assignee_external_id=_id(ticket.get("assignee_id")),
        group_external_id=_id(ticket.get("group_id")),
        url=ticket_link(link_base, external_id),
        created_at=parse_time(ticket.get("created_at")),
        updated_at=parse_time(ticket.get("updated_at")),
        tags=tuple(str(t) for t in ticket.get("tags") or () if isinstance(t, str)),
    )


def comment_text(child: Mapping[str, Any]) -> str:
    for key in ("plain_body", "body"):
        value = child.get(key)
        if isinstance(value, str) and value.strip():
            return value
    html_body = child.get("html_body")
    if isinstance(html_body, str) and html_body.strip():
        return clean_html(html_body)
    data = child.get("data")
    if isinstance(data, Mapping):  # voice comments keep a transcript here
        for key in ("transcription_text", "body"):
            if isinstance(data.get(key), str):
                return data[key]
    return ""


def _channel(via: Any) -> str:
    if isinstance(via, Mapping):
        channel = via.get("channel")
        return str(channel) if channel is not None else ""
    return ""  # top-level `via` comes as a string ("Web form", "-"): not a channel


@dataclass
class EventRecords:
    messages: list[MessageRecord] = field(default_factory=list)
    assignments: list[AssignmentRecord] = field(default_factory=list)
    author_ids: set[str] = field(default_factory=set)


def event_records(
    event: Mapping[str, Any], roles: Mapping[str, str], own_id: str | None
) -> EventRecords:
    """The comments and hand-offs in one ticket event (an audit with child events).

    `roles`: person id → role (agent/admin/customer) for everyone known so far.
    """
    out = EventRecords()
    ticket_id = _id(event.get("ticket_id"))
    if ticket_id is None:
        raise MissingTicketId("ticket event without ticket_id")
    event_at = parse_time(event.get("created_at")) or parse_time(event.get("timestamp"))
    if event_at is None:
        raise MissingTime(f"ticket event {event.get('id')} has no time")
    assignee: tuple[str | None, str | None] | None = None
    group: tuple[str | None, str | None] | None = None
    children = event.get("child_events") or []
    for child in children if isinstance(children, list) else []:
        if not isinstance(child, Mapping):
            continue
        kind = child.get("event_type") or child.get("type")
        if kind in COMMENT_TYPES:
            out.messages.append(_message(child, ticket_id, event_at, roles, own_id))
            if out.messages[-1].author_external_id:
                out.author_ids.add(out.messages[-1].author_external_id)
        elif kind == "Change":
            if "assignee_id" in child:
                assignee = (_id(child.get("assignee_id")), _id(child.get("previous_value")))
            if "group_id" in child:
                group = (_id(child.get("group_id")), _id(child.get("previous_value")))
    if assignee is not None or group is not None:
        out.assignments.append(
            AssignmentRecord(
                external_id=str(event.get("id")),
                ticket_external_id=ticket_id,
                changed_at=event_at,
                to_assignee_external_id=assignee[0] if assignee else None,
                from_assignee_external_id=assignee[1] if assignee else None,
                to_group_external_id=group[0] if group else None,
                from_group_external_id=group[1] if group else None,
            )
        )
    return out


def comment_record(
    comment: Mapping[str, Any], ticket_id: str, roles: Mapping[str, str], own_id: str | None
) -> MessageRecord:
    """One comment of `GET /tickets/{id}/comments` (the shape of an event's comment child)."""
    created = parse_time(comment.get("created_at"))
    if created is None:
        raise MissingTime(f"comment {comment.get('id')} on ticket {ticket_id} has no time")
    return _message(comment, ticket_id, created, roles, own_id)


def _message(
    child: Mapping[str, Any],
    ticket_id: str,
    event_at: Any,
    roles: Mapping[str, str],
    own_id: str | None,
) -> MessageRecord:
    if child.get("id") is None:
        raise MissingCommentId(f"comment on ticket {ticket_id} without id")
    author = _id(child.get("author_id"))
    channel = _channel(child.get("via"))
    own = author is not None and author == own_id
    if channel == "rule":
        role = "system"  # trigger and automation text is nobody's promise
    elif own or roles.get(author or "") in AGENT_ROLES:
        role = "agent"
    else:
        role = "customer"
    is_call = child.get("event_type") == "VoiceComment" or child.get("type") == "VoiceComment"
    return MessageRecord(
        external_id=str(child["id"]),
        ticket_external_id=ticket_id,
        sent_at=parse_time(child.get("created_at")) or event_at,
        text=comment_text(child),
        author_external_id=author,
        author_role=role,
        public=bool(child.get("public", True)),
        channel="voice" if is_call else channel,
        is_call=is_call,
        is_own_note=own,
    )
