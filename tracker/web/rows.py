"""Promises as the web shows them: the `promises --json` shape, for what a viewer may see."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from tracker.models import Escalation, Person, Promise, Source, Team, Ticket
from tracker.web.access import Viewer, visible_promises_query


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def promise_rows(session: Session, promises: list[Promise], now: datetime) -> list[dict]:
    """One dict per promise, in the order given, loading related rows in bulk."""
    if not promises:
        return []
    person_ids = {p.owner_id for p in promises} | {p.maker_id for p in promises}
    people = {
        p.id: p for p in session.exec(select(Person).where(Person.id.in_(person_ids - {None})))
    }
    tickets = {
        t.id: t
        for t in session.exec(select(Ticket).where(Ticket.id.in_({p.ticket_id for p in promises})))
    }
    sources = {s.id: s for s in session.exec(select(Source))}
    escalations: dict[int, list[Escalation]] = defaultdict(list)
    query = (
        select(Escalation)
        .where(Escalation.promise_id.in_([p.id for p in promises]), Escalation.status == "sent")
        .order_by(Escalation.sent_at, Escalation.id)
    )
    for escalation in session.exec(query):
        escalations[escalation.promise_id].append(escalation)

    def email(person_id: int | None) -> str | None:
        person = people.get(person_id)
        return person.email if person is not None else None

    rows = []
    for promise in promises:
        ticket = tickets.get(promise.ticket_id)
        source = sources.get(ticket.source_id) if ticket is not None else None
        overdue = promise.state == "open" and promise.due_at < now
        late_by = None
        if overdue:
            late_by = (now - promise.due_at).total_seconds()
        elif promise.kept_at is not None and promise.kept_at > promise.due_at:
            late_by = (promise.kept_at - promise.due_at).total_seconds()
        rows.append(
            {
                "id": promise.id,
                "source": source.name if source is not None else None,
                "ticket": ticket.external_id if ticket is not None else None,
                "ticket_url": ticket.url if ticket is not None else None,
                "subject": ticket.subject if ticket is not None else "",
                "quote": promise.quote,
                "kind": promise.kind,
                "state": promise.state,
                "due": _iso(promise.due_at),
                "due_is_default": promise.due_is_default,
                "due_text": promise.due_text,
                "maker": email(promise.maker_id),
                "owner": email(promise.owner_id),
                "made_at": _iso(promise.made_at),
                "kept_at": _iso(promise.kept_at),
                "snoozed_until": _iso(promise.snoozed_until),
                "escalations": [
                    {
                        "step": e.step,
                        "channel": e.channel,
                        "recipient": e.recipient,
                        "sent_at": _iso(e.sent_at),
                    }
                    for e in escalations[promise.id]  # type: ignore[index]
                ],
                "overdue": overdue,
                "late_by_seconds": late_by,
                "inherited": promise.maker_id is not None
                and promise.owner_id is not None
                and promise.maker_id != promise.owner_id,
            }
        )
    return rows


def visible_rows(
    session: Session,
    viewer: Viewer,
    now: datetime,
    *,
    states: tuple[str, ...] | None = None,
    team: str | None = None,
    agent: str | None = None,
    owner_ids: frozenset[int] | None = None,
) -> list[dict]:
    """The rows `viewer` may see, soonest due first, narrowed by the filters."""
    query, team_id = visible_promises_query(viewer)
    if states:
        query = query.where(Promise.state.in_(states))
    if team is not None:
        query = query.where(team_id.in_(select(Team.id).where(Team.name == team)))
    if agent is not None:
        query = query.where(
            Promise.owner_id.in_(
                select(Person.id).where(sa.func.lower(Person.email) == agent.strip().lower())
            )
        )
    if owner_ids is not None:
        query = query.where(Promise.owner_id.in_(sorted(owner_ids)))
    query = query.order_by(Promise.due_at, Promise.id)
    return promise_rows(session, list(session.scalars(query)), now)
