"""Every correction kept as a labelled example with its text, for a later learning step.

The caller owns the transaction. `record_correction` is called by whatever changed the
promise (tracker.promises.actions.dismiss for every channel's dismissals, the channels for added
promises), so no channel can correct without leaving an example behind.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session, col, select

from tracker.kinds import PromiseKind
from tracker.models import Correction, Message, Person, Promise, Ticket
from tracker.teams import CalendarResolver

ACTIONS = ("dismissed", "added", "kind_changed", "due_changed")
CHANNELS = ("web", "cli", "note", "tag", "slack", "email", "app")
SHOWN_FOR = timedelta(days=30)


def team_of(session: Session, promise: Promise) -> int | None:
    """The promise's team: its owner's, else its ticket group's (as the calendar finds it)."""
    owner = session.get(Person, promise.owner_id) if promise.owner_id else None
    ticket = session.get(Ticket, promise.ticket_id)
    team = CalendarResolver(session).team_for(owner, ticket)
    return team.id if team is not None else None


def record_correction(
    session: Session,
    promise: Promise,
    action: str,
    *,
    actor: str,
    channel: str,
    now: datetime,
    previous_kind: PromiseKind | None = None,
    previous_due_at: datetime | None = None,
) -> Correction:
    """One labelled example: a dismissal says "this text is not a promise"; an added
    promise, a changed kind or due say "this text is a promise of this kind, due then"."""
    if action not in ACTIONS:
        raise ValueError(f"unknown correction {action!r}")
    message = session.get(Message, promise.message_id)
    row = Correction(
        at=now,
        channel=channel if channel in CHANNELS else "app",
        action=action,
        actor=(actor or "").strip().lower()[:320] or "unknown",
        promise_id=promise.id,
        team_id=team_of(session, promise),
        is_promise=action != "dismissed",
        text=message.text if message is not None else promise.quote,
        quote=promise.quote,
        start=promise.start,
        end=promise.end,
        sent_at=message.sent_at if message is not None else promise.made_at,
        kind=promise.kind,
        previous_kind=previous_kind,
        due_at=promise.due_at,
        previous_due_at=previous_due_at,
    )
    session.add(row)
    session.flush()
    return row


def recent_corrections(
    session: Session, now: datetime, team_ids: list[int] | None = None
) -> list[Correction]:
    """The corrections of the last 30 days, newest first (of these teams, when given)."""
    query = select(Correction).where(Correction.at >= now - SHOWN_FOR, Correction.at <= now)
    if team_ids is not None:
        query = query.where(col(Correction.team_id).in_(team_ids))
    return list(session.exec(query.order_by(col(Correction.at).desc(), col(Correction.id).desc())))
