"""Act on a parsed command as a named agent, by the web's access rule.

The same rule for every channel (help-desk note or tag, Slack button, reply e-mail):
the actor must be staff (an agent or admin of a source, a team lead, or a `[web]` admin)
and, for an existing promise, someone `tracker.promises.actions.may_act` allows: its owner, its
maker, a lead of the owner's team or an admin. So nobody dismisses another team's promise
by any channel. The caller owns the transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from tracker.access import STAFF_ROLES, lead_team_ids
from tracker.config import Config
from tracker.corrections.commands import Command
from tracker.corrections.examples import record_correction
from tracker.models import Message, Person, Promise, Ticket, stored_id
from tracker.promises import actions
from tracker.promises.history import history_event
from tracker.promises.lifecycle import LIVE_STATES, current_owner, live_state
from tracker.teams import CalendarResolver

WHAT = {"notpromise": "marked not a promise", "done": "marked done", "snooze": "snoozed"}


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str  # one line for the person who wrote the command
    promise_id: int | None = None


def is_staff(session: Session, config: Config, email: str) -> bool:
    """An agent or admin of some source, a team lead, or a `[web]` admin."""
    email = (email or "").strip().lower()
    if not email:
        return False
    if email in {a.lower() for a in config.web.admins} or lead_team_ids(session, email):
        return True
    query = select(Person.id).where(
        sa.func.lower(Person.email) == email, col(Person.role).in_(STAFF_ROLES)
    )
    return session.exec(query).first() is not None


def open_promises(session: Session, ticket_id: int, now: datetime) -> list[Promise]:
    """The ticket's open or snoozed promises, oldest first (what `#done 2` counts)."""
    query = (
        select(Promise)
        .where(Promise.ticket_id == ticket_id)
        .order_by(col(Promise.made_at), col(Promise.id))
    )
    return [
        p for p in session.exec(query) if live_state(p.state, p.snoozed_until, now) in LIVE_STATES
    ]


def _email(session: Session, person_id: int | None) -> str:
    person = session.get(Person, person_id) if person_id else None
    return (person.email or f"person {person_id}") if person else "nobody"


def act_on_promise(
    session: Session,
    config: Config,
    command: Command,
    promise: Promise,
    *,
    actor: str,
    channel: str,
    now: datetime,
) -> Outcome:
    """Done, not a promise, or snooze on one promise, if `actor` may act on it."""
    actor = (actor or "").strip().lower()
    if not is_staff(session, config, actor) or not actions.may_act(
        session, actor, promise, admins=config.web.admins
    ):
        owner = _email(session, promise.owner_id)
        return Outcome(
            False,
            f"{actor or 'an unknown sender'} may not act on promise {promise.id} "
            f"(owned by {owner}): only its owner, its maker or a lead of the owner's team may",
            promise.id,
        )
    try:
        if command.verb == "done":
            actions.mark_done(session, stored_id(promise), actor, now)
        elif command.verb == "notpromise":
            actions.dismiss(session, stored_id(promise), actor, f"not a promise ({channel})", now,
                            channel=channel)  # fmt: skip
        elif command.verb == "snooze":
            until = _snooze_until(session, config, command, promise, now)
            if isinstance(until, Outcome):
                return until
            actions.snooze(session, stored_id(promise), actor, until, now)
        else:
            return Outcome(False, f"#{command.verb} does not act on an existing promise")
    except actions.ActionError as exc:
        return Outcome(False, str(exc), promise.id)
    return Outcome(True, f"promise {promise.id} {WHAT[command.verb]} by {actor}", promise.id)


def _snooze_until(
    session: Session, config: Config, command: Command, promise: Promise, now: datetime
) -> datetime | Outcome:
    length, limit = command.snooze, config.escalation.max_snooze
    if length is None:
        return Outcome(False, "snooze needs a length such as 2d", promise.id)
    if length.delta > limit.delta:
        return Outcome(
            False,
            f"snooze of {length.text} is longer than the configured limit "
            f"([escalation] max_snooze = {limit.text!r})",
            promise.id,
        )
    if not length.business:
        return now + length.delta
    owner = session.get(Person, promise.owner_id) if promise.owner_id else None
    calendar = CalendarResolver(session).calendar_for(owner, session.get(Ticket, promise.ticket_id))
    return calendar.add(now, length)


def act_on_ticket(
    session: Session,
    config: Config,
    command: Command,
    ticket: Ticket,
    *,
    actor: str,
    channel: str,
    now: datetime,
    message: Message | None = None,
    default_team: str | None = None,
) -> Outcome:
    """A command written on a ticket: `#promise` adds one from `message`; the others act
    on the ticket's `command.index`-th open promise."""
    if command.verb == "promise":
        if message is None:
            return Outcome(False, "#promise needs the note it was written in")
        return add_promise(session, config, command, ticket, message, actor=actor,
                           channel=channel, default_team=default_team, now=now)  # fmt: skip
    live = open_promises(session, stored_id(ticket), now)
    if len(live) < command.index:
        which = "an open promise" if command.index == 1 else f"an open promise #{command.index}"
        return Outcome(False, f"ticket {ticket.external_id} has no {which} ({len(live)} open)")
    return act_on_promise(session, config, command, live[command.index - 1], actor=actor,
                          channel=channel, now=now)  # fmt: skip


def add_promise(
    session: Session,
    config: Config,
    command: Command,
    ticket: Ticket,
    message: Message,
    *,
    actor: str,
    channel: str,
    now: datetime,
    default_team: str | None = None,
) -> Outcome:
    """Track the promise the extractor missed, in the words after `#promise`: its kind and
    due read by the extractor; made by the note's author, owned by the ticket's assignee."""
    from tracker.extraction import extract
    from tracker.extraction.due import find_due

    author = session.get(Person, message.author_id) if message.author_id else None
    if author is None or author.role not in STAFF_ROLES or not is_staff(session, config, actor):
        return Outcome(False, f"{actor or 'an unknown author'} is not an agent here")
    calendar = CalendarResolver(session, default_team).calendar_for(author, ticket)
    words = command.words
    found = extract(f"I will {words}.", message.sent_at, calendar,
                    default_due=config.escalation.default_due)  # fmt: skip
    if found:
        kind, due_at, is_default = found[0].kind, found[0].due, found[0].due_is_default
        due_text = found[0].due_text
    else:
        due = find_due(words, message.sent_at, calendar)
        kind, is_default = "update", due is None
        due_at = due.when if due else calendar.add(message.sent_at, config.escalation.default_due)
        due_text = due.text if due else None
    start = max(message.text.find(words), 0)
    promise = Promise(
        message_id=stored_id(message),
        ticket_id=stored_id(ticket),
        start=start,
        end=start + len(words),
        quote=words,
        kind=kind,
        due_at=due_at,
        due_is_default=is_default,
        due_text=due_text[:200] if due_text else None,
        maker_id=author.id,
        owner_id=current_owner(ticket.assignee_id, author.id),
        state="open",
        made_at=message.sent_at,
        next_action_at=message.sent_at,
        acted_by=actor,
    )
    session.add(promise)
    session.flush()
    detail = {"due_text": promise.due_text, "due_is_default": is_default, "channel": channel}
    session.add(history_event(stored_id(promise), "made", message.sent_at, actor, detail))
    record_correction(session, promise, "added", actor=actor, channel=channel, now=now)
    due_words = f", due {due_at:%Y-%m-%d %H:%M} UTC" if not is_default else ""
    return Outcome(True, f"promise {promise.id} added ({kind}{due_words})", promise.id)
