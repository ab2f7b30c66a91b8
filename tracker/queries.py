"""Read-only views of promises, as typed rows for the CLI, the web pages and the API.

Their JSON form (`promises --json`, the web API) is made at those edges, by
tracker.promise_json.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta

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


@dataclass(frozen=True)
class EscalationRow:
    """One outbox row of a promise: a ladder step to one recipient on one channel."""

    step: str
    channel: str
    recipient: str
    sent_at: datetime | None
    status: str
    attempts: int
    error: str | None


@dataclass(frozen=True)
class PromiseRow:
    """One promise as listed: its state as of `now`, its ticket, people and outbox rows."""

    id: int
    source: str
    ticket: str
    quote: str
    kind: str
    state: str  # live_state as of `now`: a snooze run out reads "open"
    due: datetime
    due_is_default: bool
    due_text: str | None
    maker: str | None
    owner: str | None
    team: str | None
    made_at: datetime
    kept_at: datetime | None
    closed_at: datetime | None
    snoozed_until: datetime | None  # only while snoozed
    overdue: bool
    late_by: timedelta | None  # kept after due: by how much
    ticket_subject: str | None
    ticket_url: str | None
    ticket_status: str | None
    inherited: bool  # handed off to its owner at least once
    acted_by: str | None
    reason: str | None
    escalations: list[EscalationRow] = field(default_factory=list)


@dataclass(frozen=True)
class HistoryEvent:
    at: datetime
    event: str
    actor: str | None
    detail: object  # the stored JSON, decoded (an object for every event we write)


def promise_rows(
    session: Session,
    *,
    agent: str | None = None,
    team: str | None = None,
    state: str | None = None,
    visible_to: set[int] | None = None,
    now: datetime | None = None,
    ids: Collection[int] | None = None,
) -> list[PromiseRow]:
    """Promises, soonest due first.

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
    escalations: dict[int, list[EscalationRow]],
    inherited: set[int],
) -> PromiseRow:
    state = live_state(promise.state, promise.snoozed_until, now)
    return PromiseRow(
        id=stored_id(promise),
        source=source,
        ticket=ticket.external_id,
        quote=promise.quote,
        kind=promise.kind,
        state=state,
        due=promise.due_at,
        due_is_default=promise.due_is_default,
        due_text=promise.due_text,
        maker=maker_email,
        owner=owner_email,
        team=team_name,
        made_at=promise.made_at,
        kept_at=promise.kept_at,
        closed_at=promise.closed_at,
        snoozed_until=promise.snoozed_until if state == "snoozed" else None,
        overdue=is_overdue(state, promise.due_at, now),
        late_by=late_by(promise.due_at, promise.kept_at),
        ticket_subject=ticket.subject,
        ticket_url=ticket.url,
        ticket_status=ticket.status,
        inherited=promise.id in inherited,
        acted_by=promise.acted_by,
        reason=promise.reason,
        escalations=escalations.get(stored_id(promise), []),
    )


def _chunks(ids: list[int], size: int = 500) -> list[list[int]]:
    return [ids[i : i + size] for i in range(0, len(ids), size)]


def _escalations(session: Session, ids: list[int]) -> dict[int, list[EscalationRow]]:
    found: dict[int, list[EscalationRow]] = defaultdict(list)
    for chunk in _chunks(ids):
        query = (
            select(Escalation)
            .where(col(Escalation.promise_id).in_(chunk))
            .order_by(col(Escalation.promise_id), col(Escalation.due_at), col(Escalation.id))
        )
        for row in session.exec(query):
            found[row.promise_id].append(
                EscalationRow(
                    step=row.step,
                    channel=row.channel,
                    recipient=row.recipient,
                    sent_at=row.sent_at,
                    status=row.status,
                    attempts=row.attempts,
                    error=row.last_error,
                )
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


def promise_history(session: Session, promise_id: int) -> list[HistoryEvent]:
    """The events of one promise, oldest first."""
    query = (
        select(PromiseEvent)
        .where(PromiseEvent.promise_id == promise_id)
        .order_by(col(PromiseEvent.at), col(PromiseEvent.id))
    )
    return [HistoryEvent(e.at, e.event, e.actor, json.loads(e.detail)) for e in session.exec(query)]


def dismissed_total(session: Session) -> int:
    """How many promises people dismissed as not promises: the extractor's false positives."""
    query = select(sa.func.count()).select_from(Promise).where(Promise.state == "dismissed")
    return int(session.exec(query).one())
