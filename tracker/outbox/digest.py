"""The daily digest: one per team and lead, at `[escalation] digest_at` local team time.

It lists what is overdue now, and what was broken or kept late in the last day,
per agent. Rows are outbox rows (`Digest`), delivered like escalations.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session, col, select

from tracker.calendar import parse_time_of_day
from tracker.config import Config
from tracker.models import Digest, Person, Promise, Team, Ticket, stored_id

CATEGORIES = ("overdue", "broken", "kept late")


@dataclass(frozen=True)
class DigestItem:
    category: str  # overdue | broken | kept late
    owner: str
    ticket: str
    quote: str
    due_at: datetime


def digest_due(now: datetime, zone: str, digest_at: str) -> str | None:
    """The team's local date when its digest time has passed today, else None."""
    local = now.astimezone(ZoneInfo(zone))
    if local.time() >= parse_time_of_day(digest_at):
        return local.date().isoformat()
    return None


def digest_body(team: str, day: str, items: list[DigestItem]) -> str:
    """Plain text: totals, then per agent, then the promises themselves."""
    totals = Counter(item.category for item in items)
    lines = [f"Follow-through digest for {team}, {day}", ""]
    lines.append(", ".join(f"{category}: {totals.get(category, 0)}" for category in CATEGORIES))
    per_agent: dict[str, Counter[str]] = defaultdict(Counter)
    for item in items:
        per_agent[item.owner][item.category] += 1
    if per_agent:
        lines += ["", "Per agent:"]
        for owner in sorted(per_agent):
            counts = ", ".join(f"{c}: {per_agent[owner][c]}" for c in CATEGORIES)
            lines.append(f"  {owner}: {counts}")
    for category in CATEGORIES:
        chosen = [i for i in items if i.category == category]
        if chosen:
            lines += ["", f"{category.capitalize()}:"]
            for item in sorted(chosen, key=lambda i: i.due_at):
                lines.append(
                    f"  #{item.ticket} {item.owner} due {item.due_at:%Y-%m-%d %H:%M} UTC: "
                    f"\u201c{item.quote}\u201d"
                )
    if not items:
        lines += ["", "Nothing overdue, broken or kept late. Well done."]
    return "\n".join(lines) + "\n"


def team_items(session: Session, team: Team, now: datetime) -> list[DigestItem]:
    since = now - timedelta(days=1)
    query = (
        select(Promise, Ticket.external_id, Person.email)
        .outerjoin(Person, col(Person.id) == col(Promise.owner_id))
        .join(Ticket, col(Ticket.id) == col(Promise.ticket_id))
        .where(
            Promise.team_id == team.id,
            sa.or_(
                sa.and_(col(Promise.state) == "open", col(Promise.due_at) <= now),
                sa.and_(col(Promise.state) == "broken", col(Promise.closed_at) >= since),
                sa.and_(
                    col(Promise.state) == "kept",
                    col(Promise.kept_at) >= since,
                    col(Promise.kept_at) > col(Promise.due_at),
                ),
            ),
        )
    )
    items = []
    for promise, ticket, email in session.exec(query):
        category = {"open": "overdue", "broken": "broken"}.get(promise.state, "kept late")
        items.append(
            DigestItem(category, email or "unknown", ticket, promise.quote, promise.due_at)
        )
    return items


def queue_digests(session: Session, config: Config, now: datetime) -> int:
    """Add today's digest rows for teams whose digest time has passed; returns how many."""
    if config.email is None:
        return 0  # e-mail is the digest's only channel
    created = 0
    for team in session.exec(select(Team)):
        leads = [lead.lower() for lead in json.loads(team.leads or "[]")]
        day = digest_due(now, team.timezone, config.escalation.digest_at) if leads else None
        if day is None:
            continue
        have = set(
            session.exec(
                select(Digest.recipient).where(Digest.team_id == team.id, Digest.day == day)
            )
        )
        missing = [lead for lead in leads if lead not in have]
        if not missing:
            continue
        body = digest_body(team.name, day, team_items(session, team, now))
        for lead in missing:
            session.add(
                Digest(
                    team_id=stored_id(team),
                    day=day,
                    recipient=lead,
                    status="pending",
                    body=body,
                    next_attempt_at=now,
                )
            )
            created += 1
    session.flush()
    return created
