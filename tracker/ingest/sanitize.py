"""Clean every field of a connector's batch before it reaches the database.

What a help desk or a mailbox sends is written by strangers: names longer than our
columns, NUL bytes (PostgreSQL refuses them in text), control characters, lone
surrogates (not encodable as UTF-8), dates in the year 9999 (extraction overflows on
them). Each is repaired here where it can be without losing meaning: text is stripped
of control characters, clipped to its column, impossible dates are clamped. What cannot
be repaired (a missing or oversized id, which would merge or split records) is set
aside as a `RejectedRecord`, named by kind and id only.

Pure: no database, no clock (`now` is the pass's start).
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from tracker.ingest.records import (
    AssignmentRecord,
    Batch,
    GroupRecord,
    MessageRecord,
    PersonRecord,
    RejectedRecord,
    TicketRecord,
)
from tracker.models import Assignment, HelpdeskGroup, Message, Person, Ticket

log = logging.getLogger(__name__)

FLOOR = datetime(1970, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)  # clocks disagree; a day ahead of us is not plausible
PERSON_ROLES = ("agent", "admin", "customer")
MESSAGE_ROLES = ("agent", "admin", "customer", "system")

_TEXT_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[\t\r\n\x0b\x0c\x85\u2028\u2029]+")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_ADDRESS = re.compile(r"[^\s@<>()\[\],;:\"\\]+@[^\s@<>()\[\],;:\"\\]+")


@functools.cache
def _size(model: type, column: str) -> int:
    # SQLModel does not declare `__table__` on table classes (it is there at run time)
    return model.__table__.c[column].type.length  # type: ignore[attr-defined]


class Unusable(ValueError):
    """A record that cannot be stored without guessing; `error` names why."""

    def __init__(self, error: str):
        self.error = error
        super().__init__(error)


def text(value: Any) -> str:
    """Free text (a message body): no NUL or other control characters but tab and line
    breaks, no lone surrogates."""
    if value is None:
        return ""
    value = value if isinstance(value, str) else str(value)
    if value.isprintable() or not (_TEXT_CONTROLS.search(value) or _SURROGATES.search(value)):
        return value  # the usual case: nothing to remove, no copy
    return _SURROGATES.sub("\ufffd", _TEXT_CONTROLS.sub("", value))


def line(value: Any, size: int) -> str:
    """One line of text (a name, a subject) clipped to `size` characters."""
    cleaned = _LINE_BREAKS.sub(" ", text(value)).strip()
    return cleaned[:size].rstrip()


def optional_line(value: Any, size: int) -> str | None:
    return line(value, size) or None if value is not None else None


def identifier(value: Any, size: int) -> str:
    """An external id: kept exactly, or refused (clipping could make two records one)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise Unusable("MissingId")
    value = value if isinstance(value, str) else str(value)
    if len(value) > size:
        raise Unusable("IdTooLong")
    if value != line(value, size):
        raise Unusable("BadId")
    return value


def reference(value: Any, size: int) -> str | None:
    """An id naming another record: an unusable one names nobody."""
    if value is None:
        return None
    try:
        return identifier(value, size)
    except Unusable:
        return None


def moment(value: Any, now: datetime) -> datetime | None:
    """A time as aware UTC, clamped into [1970, now + a day]; None when it is not a time."""
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        value = value.astimezone(UTC)
    except (OverflowError, ValueError):
        return now
    if value > now + FUTURE_SLACK:
        return now
    return max(value, FLOOR)


def address(value: Any) -> str | None:
    """An e-mail address fit for a header, lower case; None when it is not one (CR/LF,
    several addresses, a display name…)."""
    if not isinstance(value, str) or not value:
        return None
    if len(value) > _size(Person, "email") or not _ADDRESS.fullmatch(value):
        return None
    return value.lower()


# -- one record of each kind ---------------------------------------------------------------------


def person(record: PersonRecord, source: str = "") -> PersonRecord:
    email = address(record.email)
    if record.email and email is None:
        log.warning(
            "person e-mail address refused",
            extra={"source": source, "person": record.external_id, "error": "InvalidAddress"},
        )
    return replace(
        record,
        external_id=identifier(record.external_id, _size(Person, "external_id")),
        role=record.role if record.role in PERSON_ROLES else "customer",
        name=line(record.name, _size(Person, "name")),
        email=email,
        time_zone=optional_line(record.time_zone, _size(Person, "time_zone")),
    )


def group(record: GroupRecord) -> GroupRecord:
    return replace(
        record,
        external_id=identifier(record.external_id, _size(HelpdeskGroup, "external_id")),
        name=line(record.name, _size(HelpdeskGroup, "name")),
        lead_external_id=reference(record.lead_external_id, _size(HelpdeskGroup, "external_id")),
    )


def ticket(record: TicketRecord, now: datetime) -> TicketRecord:
    url = optional_line(record.url, _size(Ticket, "url") + 1)
    return replace(
        record,
        external_id=identifier(record.external_id, _size(Ticket, "external_id")),
        subject=line(record.subject, _size(Ticket, "subject")),
        status=line(record.status, _size(Ticket, "status")) or "open",
        requester_external_id=reference(record.requester_external_id, _size(Person, "external_id")),
        assignee_external_id=reference(record.assignee_external_id, _size(Person, "external_id")),
        group_external_id=reference(record.group_external_id, _size(HelpdeskGroup, "external_id")),
        url=url if url is None or len(url) <= _size(Ticket, "url") else None,
        created_at=moment(record.created_at, now),
        updated_at=moment(record.updated_at, now),
    )


def message(record: MessageRecord, now: datetime) -> MessageRecord:
    role = record.author_role if record.author_role in MESSAGE_ROLES else "customer"
    return replace(
        record,
        external_id=identifier(record.external_id, _size(Message, "external_id")),
        ticket_external_id=identifier(record.ticket_external_id, _size(Ticket, "external_id")),
        sent_at=moment(record.sent_at, now) or now,
        text=text(record.text),
        author_external_id=reference(record.author_external_id, _size(Person, "external_id")),
        author_role=role,
        channel=line(record.channel, _size(Message, "channel")),
        body_hash=line(record.body_hash, _size(Message, "body_hash")),
    )


def assignment(record: AssignmentRecord, now: datetime) -> AssignmentRecord:
    person_size, group_size = _size(Person, "external_id"), _size(HelpdeskGroup, "external_id")
    return replace(
        record,
        external_id=identifier(record.external_id, _size(Assignment, "external_id")),
        ticket_external_id=identifier(record.ticket_external_id, _size(Ticket, "external_id")),
        changed_at=moment(record.changed_at, now) or now,
        to_assignee_external_id=reference(record.to_assignee_external_id, person_size),
        from_assignee_external_id=reference(record.from_assignee_external_id, person_size),
        to_group_external_id=reference(record.to_group_external_id, group_size),
        from_group_external_id=reference(record.from_group_external_id, group_size),
    )


@dataclass
class _Cleaner:
    now: datetime
    source: str
    rejected: list[RejectedRecord]

    def each(self, kind: str, records: list[Any], clean: Any) -> list[Any]:
        kept = []
        for record in records:
            try:
                kept.append(clean(record))
            except Unusable as exc:
                self.rejected.append(rejection(kind, getattr(record, "external_id", ""), exc.error))
            except (TypeError, ValueError, AttributeError, OverflowError) as exc:
                error = type(exc).__name__
                self.rejected.append(rejection(kind, getattr(record, "external_id", ""), error))
        return kept


def rejection(kind: str, external_id: Any, error: str) -> RejectedRecord:
    """A rejected record's name as it can be stored: its id as one clipped line."""
    shown = line(external_id, 300) if external_id is not None else ""
    return RejectedRecord(kind=kind, external_id=shown or "(none)", error=error[:100])


def clean_batch(batch: Batch, now: datetime, source: str = "") -> Batch:
    """The batch with every record cleaned; the unusable ones moved to `rejected`."""
    cleaner = _Cleaner(now, source, list(batch.rejected))
    return Batch(
        cursor=batch.cursor,
        people=cleaner.each("person", batch.people, lambda r: person(r, source)),
        groups=cleaner.each("group", batch.groups, group),
        tickets=cleaner.each("ticket", batch.tickets, lambda r: ticket(r, now)),
        messages=cleaner.each("message", batch.messages, lambda r: message(r, now)),
        assignments=cleaner.each("assignment", batch.assignments, lambda r: assignment(r, now)),
        merges=list(batch.merges),
        rejected=[rejection(r.kind, r.external_id, r.error) for r in cleaner.rejected],
        stats=batch.stats,
    )
