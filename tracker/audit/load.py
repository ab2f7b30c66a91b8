"""Read the replayed promises of the period out of the audit's own database."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from tracker.audit.period import Period
from tracker.audit.report import NO_TEAM, AuditPromise
from tracker.models import Assignment, HelpdeskGroup, Message, Person, Promise, Team, Ticket

STREAM_ROWS = 1000


def _who(name: str | None, email: str | None, external_id: str | None) -> str:
    return (name or "").strip() or (email or "").strip() or (external_id or "(unknown)")


def _handed_off(now: datetime) -> sa.ColumnElement[bool]:
    """Someone other than the maker was given the ticket after the promise was made and
    before it was kept (or, for one never kept, before now)."""
    a = Assignment
    return (
        select(a.id)
        .where(
            a.ticket_id == Promise.ticket_id,
            a.changed_at > Promise.made_at,
            a.changed_at <= sa.func.coalesce(Promise.kept_at, now),
            col(a.to_assignee_id).is_not(None),
            a.to_assignee_id != sa.func.coalesce(Promise.maker_id, -1),
        )
        .exists()
    )


def period_promises(session: Session, period: Period) -> Iterator[AuditPromise]:
    """The promises made in the period, streamed in id order."""
    maker = aliased(Person)
    owner = aliased(Person)
    maker_team = aliased(Team)
    group_team = aliased(Team)
    query = (
        sa.select(
            col(Promise.id),
            col(Ticket.external_id),
            col(Ticket.url),
            col(Promise.quote),
            col(Promise.kind),
            col(Promise.made_at),
            col(Promise.due_at),
            col(Promise.state),
            col(Promise.kept_at),
            col(maker.name),
            col(maker.email),
            col(maker.external_id),
            col(owner.name),
            col(owner.email),
            col(owner.external_id),
            col(maker_team.name),
            col(group_team.name),
            _handed_off(period.now),
            col(Ticket.updated_at),
        )
        .join(Ticket, col(Ticket.id) == col(Promise.ticket_id))
        .outerjoin(maker, col(maker.id) == col(Promise.maker_id))
        .outerjoin(owner, col(owner.id) == col(Promise.owner_id))
        .outerjoin(maker_team, col(maker_team.id) == col(maker.team_id))
        .outerjoin(HelpdeskGroup, col(HelpdeskGroup.id) == col(Ticket.group_id))
        .outerjoin(group_team, col(group_team.id) == col(HelpdeskGroup.team_id))
        .where(col(Promise.made_at) >= period.start, col(Promise.made_at) < period.end)
        .order_by(col(Promise.id))
        .execution_options(yield_per=STREAM_ROWS)
    )
    for row in session.execute(query):
        (pid, ticket, url, quote, kind, made, due, state, kept, mn, me, mx, on, oe, ox,
         mteam, gteam, handed, updated) = row  # fmt: skip
        yield AuditPromise(
            id=pid,
            ticket=ticket,
            ticket_url=url,
            quote=quote,
            kind=kind,
            made_at=made,
            due_at=due,
            state=state,
            kept_at=kept,
            maker=_who(mn, me, mx),
            owner=_who(on, oe, ox),
            team=mteam or gteam or NO_TEAM,
            handed_off=bool(handed),
            closed_at=updated if state == "broken" else None,
        )


def period_volume(session: Session, period: Period) -> tuple[int, int]:
    """(tickets with a message in the period, messages sent in the period)."""
    in_period = sa.and_(col(Message.sent_at) >= period.start, col(Message.sent_at) < period.end)
    messages = session.exec(select(sa.func.count(col(Message.id))).where(in_period)).one()
    tickets = session.exec(
        select(sa.func.count(sa.distinct(col(Message.ticket_id)))).where(in_period)
    ).one()
    return int(tickets or 0), int(messages or 0)
