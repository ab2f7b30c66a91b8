"""The sweep's queries: which promises may have changed, which are due, and loading a
batch of them with what recomputing or a notice needs."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from tracker.models import Assignment, Message, Person, Promise, Team, Ticket
from tracker.promises.keeping import keeping_message_exists
from tracker.promises.lifecycle import CLOSED_TICKET_STATUSES, LIVE_STATES

BATCH = 500


def _live() -> sa.ColumnElement[bool]:
    return col(Promise.state).in_(sorted(LIVE_STATES))


def _ticket_changed() -> sa.ColumnElement[bool]:
    """The ticket was closed, or is assigned to someone other than the promise's owner."""
    return sa.or_(
        col(Ticket.status).in_(sorted(CLOSED_TICKET_STATUSES)),
        sa.and_(
            col(Ticket.assignee_id).is_not(None),
            sa.or_(
                col(Promise.owner_id).is_(None), col(Ticket.assignee_id) != col(Promise.owner_id)
            ),
        ),
    )


def touched_tickets(session: Session, message_after: int, assignment_after: int) -> set[int]:
    """Tickets with a message or an assignment stored past the watermarks (primary-key
    range scans: cheap however large the tables are)."""
    found = set(session.exec(select(col(Message.ticket_id)).where(col(Message.id) > message_after)))
    found.update(
        session.exec(select(col(Assignment.ticket_id)).where(col(Assignment.id) > assignment_after))
    )
    return found


def candidates_on_tickets(session: Session, ticket_ids: set[int], now: datetime) -> list[int]:
    """Live promises on these tickets that a reply keeps or a closure/hand-off changes."""
    ids: list[int] = []
    ordered = sorted(ticket_ids)
    for start in range(0, len(ordered), BATCH):
        query = (
            select(Promise.id)
            .join(Ticket, col(Ticket.id) == col(Promise.ticket_id))
            .where(
                col(Promise.ticket_id).in_(ordered[start : start + BATCH]),
                _live(),
                sa.or_(_ticket_changed(), keeping_message_exists(Message, Promise, now)),
            )
        )
        # SQLModel types a primary key `int | None` (None before a flush); selected, never None
        ids.extend(session.exec(query))  # type: ignore[arg-type]
    return ids


def candidates_by_ticket(session: Session) -> list[int]:
    """Every live promise whose ticket was closed or handed to someone else: a full scan
    of the live promises, run every FULL_CHECK_EVERY as a safety net for ticket changes
    that came with no message or assignment row."""
    query = select(Promise.id).join(Ticket, col(Ticket.id) == col(Promise.ticket_id))
    # SQLModel types a primary key `int | None` (None before a flush); selected, never None
    return list(session.exec(query.where(_live(), _ticket_changed())))  # type: ignore[arg-type]


def due_query(state: str, now: datetime, limit: int) -> Any:
    """The indexed query: promises in `state` whose next action time has come."""
    return (
        select(Promise.id)
        .where(Promise.state == state, col(Promise.next_action_at) <= now)
        .order_by(col(Promise.next_action_at))
        .limit(limit)
    )


def preload(session: Session, promise_ids: list[int]) -> list[Any]:
    """The promises, their tickets, owners and makers, and every team, in four queries."""
    promises = list(session.exec(select(Promise).where(col(Promise.id).in_(promise_ids))))
    ticket_ids = {p.ticket_id for p in promises}
    people = {p.owner_id for p in promises} | {p.maker_id for p in promises}
    people.discard(None)
    return [
        *promises,
        *session.exec(select(Ticket).where(col(Ticket.id).in_(ticket_ids))),
        *session.exec(select(Person).where(col(Person.id).in_(people))),
        *session.exec(select(Team)),
    ]
