"""Findings picked at random for a person to confirm: the extractor's precision on this
team's own wording (the report shows it when given back with --confirmed K/N)."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from sqlmodel import Session, col, select

from tracker.audit.period import Period
from tracker.models import Message, Promise, Ticket

CONTEXT = 80


@dataclass(frozen=True)
class Finding:
    number: int
    ticket: str
    ticket_url: str | None
    kind: str
    quote: str
    context: str
    made_at: str
    due_at: str


def sample_findings(session: Session, period: Period, size: int, seed: int = 0) -> list[Finding]:
    """`size` promises of the period chosen at random (the same ones for the same seed)."""
    ids = list(
        session.exec(
            select(Promise.id)
            .where(Promise.made_at >= period.start, Promise.made_at < period.end)
            .order_by(col(Promise.id))
        )
    )
    # SQLModel types a primary key `int | None` (None before a flush); selected, never None
    chosen = sorted(random.Random(seed).sample(ids, min(size, len(ids))))  # type: ignore[type-var]
    found: list[Finding] = []
    query = (
        select(Promise, Message.text, Ticket.external_id, Ticket.url)
        .join(Message, col(Message.id) == col(Promise.message_id))
        .join(Ticket, col(Ticket.id) == col(Promise.ticket_id))
        .where(col(Promise.id).in_(chosen))
        .order_by(col(Promise.id))
    )
    for number, (promise, text, ticket, url) in enumerate(session.exec(query), 1):
        before = text[max(0, promise.start - CONTEXT) : promise.start]
        after = text[promise.end : promise.end + CONTEXT]
        context = " ".join(f"…{before}[{text[promise.start : promise.end]}]{after}…".split())
        found.append(
            Finding(
                number,
                ticket,
                url,
                promise.kind,
                promise.quote,
                re.sub(r"\s+", " ", context),
                promise.made_at.isoformat(),
                promise.due_at.isoformat(),
            )
        )
    return found


def parse_confirmed(text: str) -> tuple[int, int]:
    """`--confirmed 46/50` as (46, 50)."""
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text or "")
    if not match or int(match[2]) == 0 or int(match[1]) > int(match[2]):
        raise ValueError(f"--confirmed {text!r} is not like 46/50 (confirmed/checked)")
    return int(match[1]), int(match[2])
