"""Freshdesk payloads → the project's plain records. Pure functions, no I/O."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from integrations.freshdesk.timezones import to_iana
from tracker.extraction import clean_html
from tracker.ingest.records import GroupRecord, MessageRecord, PersonRecord, TicketRecord

STATUS = {2: "open", 3: "pending", 4: "solved", 5: "closed"}

# Conversation `source` values (Zammad's Freshdesk importer SOURCE_MAP).
CONVERSATION_CHANNEL = {
    0: "email",
    2: "note",
    5: "twitter",
    6: "survey",
    7: "facebook",
    8: "forward",
    9: "phone",
    10: "mobihelp",
    11: "ecommerce",
}
REPLY, NOTE, PHONE = 0, 2, 9


class PayloadError(ValueError):
    """A record lacks what we cannot do without (an id, a time)."""


def parse_time(value: Any, what: str) -> datetime:
    """ISO 8601 with `Z` or an offset (some samples use +05:30) → aware UTC."""
    if not isinstance(value, str) or not value:
        raise PayloadError(f"{what}: missing or non-text time {value!r}")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise PayloadError(f"{what}: unreadable time {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.astimezone(UTC)
    except OverflowError:
        raise PayloadError(f"{what}: time out of range {value!r}") from None


def format_time(value: datetime) -> str:
    """`updated_since` wants `…Z`: a `+00:00` suffix turns into a space in naive URL building."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def ticket_id(ticket: dict[str, Any]) -> int:
    value = ticket.get("id")
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
        raise PayloadError(f"ticket without a usable id: {value!r}")
    return int(value)


def external_id(value: Any) -> str | None:
    if value is None or isinstance(value, bool) or value == "":
        return None
    return str(value)


def custom_field_text(value: Any) -> str | None:
    """Custom-field values arrive as whatever the account stored (booleans for text fields,
    numbers, lists): one text form for all of them."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return ",".join(t for t in (custom_field_text(v) for v in value) if t)
    if isinstance(value, dict):
        return ",".join(f"{k}={custom_field_text(v)}" for k, v in sorted(value.items()))
    return str(value)


def custom_fields(ticket: dict[str, Any]) -> dict[str, str | None]:
    fields = ticket.get("custom_fields")
    if not isinstance(fields, dict):
        return {}
    return {str(name): custom_field_text(value) for name, value in fields.items()}


def _text(item: dict[str, Any], text_key: str, html_key: str) -> str:
    """The HTML body through the project's cleaner (it keeps quoted history marked as
    quoted, which `*_text` flattens); the `*_text` twin when there is no HTML."""
    body = item.get(html_key)
    if isinstance(body, str) and body.strip():
        return clean_html(body)
    text = item.get(text_key)
    return text if isinstance(text, str) else ""


def ticket_status(ticket: dict[str, Any], forced: str | None = None) -> str:
    if forced:
        return forced
    if ticket.get("deleted") is True:
        return "deleted"
    if ticket.get("spam") is True:
        return "spam"
    status = ticket.get("status")
    # Custom statuses (accounts add their own numbers) mostly mean "waiting on something".
    return STATUS.get(status, "pending") if isinstance(status, int) else "open"


def ticket_record(
    ticket: dict[str, Any], base_url: str, forced_status: str | None = None
) -> TicketRecord:
    tid = ticket_id(ticket)
    subject = ticket.get("subject")
    created = ticket.get("created_at")
    return TicketRecord(
        external_id=str(tid),
        subject=subject if isinstance(subject, str) else "",
        status=ticket_status(ticket, forced_status),
        requester_external_id=external_id(ticket.get("requester_id")),
        assignee_external_id=external_id(ticket.get("responder_id")),
        group_external_id=external_id(ticket.get("group_id")),
        url=f"{base_url}/a/tickets/{tid}",
        created_at=parse_time(created, f"ticket {tid} created_at") if created else None,
        updated_at=parse_time(ticket.get("updated_at"), f"ticket {tid} updated_at"),
        tags=tuple(str(t) for t in ticket.get("tags") or () if isinstance(t, str)),
    )


def requester_record(ticket: dict[str, Any]) -> PersonRecord | None:
    """From `include=requester`."""
    requester = ticket.get("requester")
    if not isinstance(requester, dict) or external_id(requester.get("id")) is None:
        return None
    email = requester.get("email")
    name = requester.get("name")
    return PersonRecord(
        external_id=str(requester["id"]),
        role="customer",
        name=name if isinstance(name, str) else "",
        email=email if isinstance(email, str) and email else None,
    )


OUTBOUND_EMAIL = 10  # ticket `source`: an agent wrote the first message


def description_record(ticket: dict[str, Any]) -> MessageRecord | None:
    """The ticket's description is its first message (it is not a conversation): the
    customer's, or for an outbound e-mail the assigned agent's."""
    tid = ticket_id(ticket)
    text = _text(ticket, "description_text", "description")
    if not text.strip():
        return None
    created = ticket.get("created_at") or ticket.get("updated_at")
    outbound = ticket.get("source") == OUTBOUND_EMAIL
    author = ticket.get("responder_id") if outbound else ticket.get("requester_id")
    return MessageRecord(
        external_id=f"{tid}:description",
        ticket_external_id=str(tid),
        sent_at=parse_time(created, f"ticket {tid} created_at"),
        text=text,
        author_external_id=external_id(author),
        author_role="agent" if outbound else "customer",
        public=True,
        channel="outbound" if outbound else "description",
    )


def conversation_record(
    conversation: dict[str, Any], ticket_external_id: str, own_agent_id: str | None
) -> MessageRecord:
    cid = external_id(conversation.get("id"))
    if cid is None:
        raise PayloadError(f"ticket {ticket_external_id}: conversation without an id")
    source = conversation.get("source")
    private = conversation.get("private") is True
    incoming = conversation.get("incoming") is True
    author = external_id(conversation.get("user_id"))
    own = own_agent_id is not None and author == own_agent_id
    channel = CONVERSATION_CHANNEL.get(source, "other") if isinstance(source, int) else "other"
    if incoming:
        role, public = "customer", not private
    else:
        role = "agent"
        # Only what reaches the customer counts as public: replies and calls, not notes
        # (a "public" note shows in the portal but is not sent).
        public = not private and source != NOTE
    return MessageRecord(
        external_id=cid,
        ticket_external_id=ticket_external_id,
        sent_at=parse_time(conversation.get("created_at"), f"conversation {cid} created_at"),
        text=_text(conversation, "body_text", "body"),
        author_external_id=author,
        author_role=role,
        public=public,
        channel=channel,
        is_call=source == PHONE,
        is_own_note=own,
    )


def conversation_time(conversation: dict[str, Any]) -> datetime | None:
    """The later of created_at/updated_at, for the client-side "since" filter."""
    times = []
    for key in ("created_at", "updated_at"):
        try:
            times.append(parse_time(conversation.get(key), key))
        except PayloadError:
            continue
    return max(times) if times else None


def agent_record(agent: dict[str, Any]) -> PersonRecord | None:
    aid = external_id(agent.get("id"))
    if aid is None:
        return None
    contact = agent.get("contact")
    if not isinstance(contact, dict):
        contact = {}
    name, email = contact.get("name"), contact.get("email")
    return PersonRecord(
        external_id=aid,
        role="agent",
        name=name if isinstance(name, str) else "",
        email=email if isinstance(email, str) and email else None,
        time_zone=to_iana(contact.get("time_zone")),
    )


def group_record(group: dict[str, Any]) -> GroupRecord | None:
    gid = external_id(group.get("id"))
    if gid is None:
        return None
    name = group.get("name")
    return GroupRecord(
        external_id=gid,
        name=name if isinstance(name, str) else gid,
        lead_external_id=external_id(group.get("escalate_to")),
    )
