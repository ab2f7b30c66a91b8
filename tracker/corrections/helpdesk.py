"""Commands in help-desk internal notes (`#promise`, `#notpromise`, `#done`, `#snooze`) and
the tag alternative (`ft_done`, `ft_not_a_promise`), read on the connectors' normal pass.

Steps, inside the page's ingest transaction (tracker/ingest/sync.py):
1. before ingest, `new_commands` picks the page's private agent notes that start with
   `#` and were not stored before (so a page read twice acts once);
2. after ingest, `run_commands` acts on each note as its author and on each command tag
   as the ticket's assignee (a tag does not say who added it), and returns what to write
   back: a note saying why a command was ignored, and the command tags to remove;
3. after the commit, `write_back` sends those through the connector (a failure is logged:
   the command itself is already done).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session

from tracker.config import Config
from tracker.corrections.applying import Outcome, act_on_ticket, open_promises
from tracker.corrections.commands import CommandError, parse_note, tag_commands
from tracker.ingest.lookups import M, existing
from tracker.ingest.records import Batch, MessageRecord
from tracker.models import Message, Person, Source, Ticket, stored_id
from tracker.outbox.notices import NOTE_MARK
from tracker.sources import TicketWriter

log = logging.getLogger(__name__)


@dataclass
class WriteBack:
    ticket: str  # the external ticket id
    notes: list[str] = field(default_factory=list)
    remove_tags: list[str] = field(default_factory=list)


def _is_command_note(record: MessageRecord) -> bool:
    return (
        not record.public
        and record.author_role == "agent"
        and not record.is_own_note
        and record.text.lstrip().startswith("#")
    )


def new_commands(session: Session, source: Source, batch: Batch) -> list[MessageRecord]:
    """The page's command notes not stored before (call before ingesting the page)."""
    notes = [m for m in batch.messages if _is_command_note(m)]
    if not notes:
        return []
    known = existing(session, Message, stored_id(source), [m.external_id for m in notes])
    return [m for m in notes if m.external_id not in known]


def run_commands(
    session: Session,
    config: Config,
    source: Source,
    batch: Batch,
    notes: Sequence[MessageRecord],
    *,
    now: datetime,
    default_team: str | None = None,
) -> list[WriteBack]:
    """Act on the page's new command notes and command tags (call after ingest)."""
    out: dict[str, WriteBack] = {}

    def reply(ticket_id: str) -> WriteBack:
        return out.setdefault(ticket_id, WriteBack(ticket_id))

    for record in sorted(notes, key=lambda m: (m.sent_at, m.external_id)):
        message = _stored(session, Message, source, record.external_id)
        ticket = session.get(Ticket, message.ticket_id) if message else None
        if message is None or ticket is None:
            continue
        author = session.get(Person, message.author_id) if message.author_id else None
        actor = (author.email or "") if author else ""
        try:
            command = parse_note(record.text)
        except CommandError as exc:
            reply(ticket.external_id).notes.append(_ignored(record.text, str(exc)))
            continue
        if command is None:
            continue
        outcome = act_on_ticket(session, config, command, ticket, actor=actor, channel="note",
                                now=now, message=message, default_team=default_team)  # fmt: skip
        _log(source, ticket, outcome)
        if not outcome.ok:
            reply(ticket.external_id).notes.append(_ignored(record.text, outcome.message))
    for ticket_record in batch.tickets:
        for tag, command in tag_commands(ticket_record.tags):
            ticket = _stored(session, Ticket, source, ticket_record.external_id)
            if ticket is None:
                continue
            reply(ticket.external_id).remove_tags.append(tag)
            if not open_promises(session, stored_id(ticket), now):
                continue  # acted on already (the tag's removal had not gone through)
            assignee = session.get(Person, ticket.assignee_id) if ticket.assignee_id else None
            actor = (assignee.email or "") if assignee else ""
            outcome = act_on_ticket(session, config, command, ticket, actor=actor,
                                    channel="tag", now=now)  # fmt: skip
            _log(source, ticket, outcome)
            if not outcome.ok:
                reply(ticket.external_id).notes.append(
                    f"{NOTE_MARK} tag {tag} ignored: {outcome.message}"
                )
    return [w for w in out.values() if w.notes or w.remove_tags]


def _stored(session: Session, model: type[M], source: Source, external_id: str) -> M | None:
    return existing(session, model, stored_id(source), [external_id]).get(external_id)


def _ignored(text: str, why: str) -> str:
    first = text.strip().splitlines()[0][:80]
    return f"{NOTE_MARK} command ignored ({first}): {why}"


def _log(source: Source, ticket: Ticket, outcome: Outcome) -> None:
    log.info(
        "help-desk command %s",
        "applied" if outcome.ok else "ignored",
        extra={"source": source.name, "ticket": ticket.external_id, "outcome": outcome.message},
    )


def unique(replies: Sequence[WriteBack]) -> list[WriteBack]:
    """Each write-back once: a page stored record by record after failing as a whole ran
    its commands twice, the first time in a transaction that was rolled back."""
    seen: set[tuple[str, tuple[str, ...], tuple[str, ...]]] = set()
    out = []
    for item in replies:
        key = (item.ticket, tuple(item.notes), tuple(item.remove_tags))
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def write_back(writer: TicketWriter, replies: Sequence[WriteBack]) -> None:
    """Write the replies through the source's ticket writer; a failure is logged and skipped."""
    for item in replies:
        try:
            for note in item.notes:
                writer.add_note(item.ticket, note)
            if item.remove_tags:
                writer.change_tags(item.ticket, [], item.remove_tags)
        except Exception as exc:  # the command is done; only the write-back failed
            log.warning(
                "help-desk command write-back failed",
                extra={"ticket": item.ticket, "error": f"{type(exc).__name__}: {exc}"[:300]},
            )
