"""Read-only views of promises: the `promises --json` shape, shared by the CLI and the web."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from tracker.models import (
    Escalation,
    Person,
    Promise,
    PromiseEvent,
    Source,
    Team,
    Ticket,
    stored_id,
)
from tracker.models import utcnow as _utcnow
from tracker.promises.lifecycle import is_overdue, late_by, live_state

STATES = ("open", "kept", "broken", "dismissed", "snoozed", "overdue")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def promise_rows(
    session: Session,
    *,
    agent: str | None = None,
    team: str | None = None,
    state: str | None = None,
    visible_to: set[int] | None = None,
    now: datetime | None = None,
    ids: Collection[int] | None = None,
) -> list[dict[str, Any]]:
    """Promises as `promises --json` objects, soonest due first.

    `agent`: the owner's e-mail address; `team`: the promise's team name; `state`: one of
    STATES ("overdue" = open and past due); `visible_to`: only promises owned or made by
    these person ids (None = no limit); `ids`: only these promises. `now` decides
    "overdue" (default: the clock).
    """
    now = now or _utcnow()
    maker = aliased(Person)
    owner = aliased(Person)
    query = (
        sa.select(
            Promise, Ticket, col(Source.name), col(maker.email), col(owner.email), col(Team.name)
        )
        .join(Ticket, col(Ticket.id) == col(Promise.ticket_id))
        .join(Source, col(Source.id) == col(Ticket.source_id))
        .outerjoin(maker, col(maker.id) == col(Promise.maker_id))
        .outerjoin(owner, col(owner.id) == col(Promise.owner_id))
        .outerjoin(Team, col(Team.id) == col(Promise.team_id))
    )
    if agent:
        query = query.where(sa.func.lower(owner.email) == agent.strip().lower())
    if team:
        query = query.where(col(Team.name) == team)
    if state == "overdue":
        query = query.where(col(Promise.state) == "open", col(Promise.due_at) <= now)
    elif state:
        query = query.where(col(Promise.state) == state)
    if ids is not None:
        query = query.where(col(Promise.id).in_(sorted(ids) or [-1]))
    if visible_to is not None:
        ids = sorted(visible_to) or [-1]
        query = query.where(sa.or_(col(Promise.owner_id).in_(ids), col(Promise.maker_id).in_(ids)))
    query = query.order_by(col(Promise.due_at), col(Promise.id))
    rows = session.execute(query).all()
    escalations = _escalations(session, [row[0].id for row in rows])
    inherited = _inherited(session, [row[0].id for row in rows])
    return [
        _row(
            promise,
            ticket,
            source,
            maker_email,
            owner_email,
            team_name,
            now,
            escalations,
            inherited,
        )
        for promise, ticket, source, maker_email, owner_email, team_name in rows
    ]


def _row(
    promise: Promise,
    ticket: Ticket,
    source: str,
    maker_email: str | None,
    owner_email: str | None,
    team_name: str | None,
    now: datetime,
    escalations: dict[int, list[dict[str, Any]]],
    inherited: set[int],
) -> dict[str, Any]:
    state = live_state(promise.state, promise.snoozed_until, now)
    late = late_by(promise.due_at, promise.kept_at)
    return {
        "id": promise.id,
        "source": source,
        "ticket": ticket.external_id,
        "quote": promise.quote,
        "kind": promise.kind,
        "state": state,
        "due": _iso(promise.due_at),
        "due_is_default": promise.due_is_default,
        "due_text": promise.due_text,
        "maker": maker_email,
        "owner": owner_email,
        "team": team_name,
        "made_at": _iso(promise.made_at),
        "kept_at": _iso(promise.kept_at),
        "closed_at": _iso(promise.closed_at),
        "snoozed_until": _iso(promise.snoozed_until) if state == "snoozed" else None,
        "overdue": is_overdue(state, promise.due_at, now),
        "late_by_seconds": int(late.total_seconds()) if late else None,
        "ticket_subject": ticket.subject,
        "ticket_url": ticket.url,
        "ticket_status": ticket.status,
        "inherited": promise.id in inherited,
        "acted_by": promise.acted_by,
        "reason": promise.reason,
        "escalations": escalations.get(stored_id(promise), []),
    }


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _escalations(session: Session, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    found: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _chunks(ids):
        query = (
            select(Escalation)
            .where(col(Escalation.promise_id).in_(chunk))
            .order_by(col(Escalation.promise_id), col(Escalation.due_at), col(Escalation.id))
        )
        for row in session.exec(query):
            found[row.promise_id].append(
                {
                    "step": row.step,
                    "channel": row.channel,
                    "recipient": row.recipient,
                    "sent_at": _iso(row.sent_at),
                    "status": row.status,
                    "attempts": row.attempts,
                    "error": row.last_error,
                }
            )
    return found


def _inherited(session: Session, ids: list[int]) -> set[int]:
    found: set[int] = set()
    for chunk in _chunks(ids):
        query = select(PromiseEvent.promise_id).where(
            col(PromiseEvent.promise_id).in_(chunk), col(PromiseEvent.event) == "handed_off"
        )
        found.update(session.exec(query))
    return found


def promise_history(session: Session, promise_id: int) -> list[dict[str, Any]]:
    """The events of one promise, oldest first."""
    query = (
        select(PromiseEvent)
        .where(PromiseEvent.promise_id == promise_id)
        .order_by(col(PromiseEvent.at), col(PromiseEvent.id))
    )
    return [
        {"at": _iso(e.at), "event": e.event, "actor": e.actor, "detail": json.loads(e.detail)}
        for e in session.exec(query)
    ]


def dismissed_total(session: Session) -> int:
    """How many promises people dismissed as not promises: the extractor's false positives."""
    query = select(sa.func.count()).select_from(Promise).where(Promise.state == "dismissed")
    return int(session.exec(query).one())
