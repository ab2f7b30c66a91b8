"""Ingest: one connector batch and its cursor written in one transaction.

Everything is keyed by (source, external id), so a batch applied twice (a pass
repeated after a crash) changes nothing the second time.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, col, select

from tracker.durations import Duration
from tracker.extraction.decision import DecisionModel
from tracker.ingest.lookups import M, groups_named, people_named
from tracker.ingest.lookups import existing as _existing
from tracker.ingest.records import Batch, MessageRecord
from tracker.models import (
    Assignment,
    HelpdeskGroup,
    Message,
    Person,
    Promise,
    Source,
    Stored,
    Team,
    Ticket,
    stored_id,
)
from tracker.promises.history import history_event
from tracker.promises.lifecycle import current_owner
from tracker.row_cache import RowCache
from tracker.teams import CalendarResolver, decide_team

log = logging.getLogger(__name__)

AGENT_ROLES = ("agent", "admin")
# Open promises one ticket may hold, like the extractor's cap per message: nobody keeps
# more, and a ticket flooded with them (a pasted log, a loop of auto-replies signed by
# an agent) would otherwise cost every sweep time for nothing anyone could act on.
MAX_OPEN_PER_TICKET = 100


@dataclass
class IngestResult:
    tickets: int = 0
    messages: int = 0
    promises: int = 0
    handoffs: int = 0
    merged: int = 0  # tickets folded into another (one thread read as two)


def body_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()


class _Ingest:
    def __init__(
        self,
        session: Session,
        source: Source,
        default_due: Duration | None,
        default_team: str | None,
        threshold: float | None = None,
        model: DecisionModel | None = None,
    ):
        self.session = session
        self.threshold = threshold
        self.model = model
        self.default_team = default_team
        self.source = source
        self.default_due = default_due
        self.people: dict[str, Person] = {}
        self.groups: dict[str, HelpdeskGroup] = {}
        self.tickets: dict[str, Ticket] = {}
        self.snapshots: set[str] = set()  # derived hand-offs added by this batch
        self.regrouped: set[int] = set()  # stored tickets whose group changed
        # External ids looked up in bulk and not stored: a placeholder needs no query.
        self.absent: dict[type[SQLModel], set[str]] = {
            Person: set(),
            HelpdeskGroup: set(),
            Ticket: set(),
        }
        self.result = IngestResult()
        self.open_on: dict[int, int] = {}  # ticket id -> open promises, as counted here
        self.held = RowCache()  # rows loaded for the resolver, held for the batch

    def _lookup(self, model: type[M], external_id: str) -> M | None:
        if external_id in self.absent[model]:
            return None
        return _existing(self.session, model, stored_id(self.source), [external_id]).get(
            external_id
        )

    def _load(self, model: type[SQLModel], cache: dict, external_ids: Iterable[str | None]) -> None:
        """Load the stored rows among these external ids in a few queries; remember the
        rest as absent so their placeholders are made without asking again."""
        wanted = {e for e in external_ids if e and e not in cache}
        found = _existing(self.session, model, stored_id(self.source), wanted)
        cache.update(found)
        self.absent[model].update(wanted - found.keys())

    # -- lookups that create a placeholder when a record names someone not yet seen
    def _row(self, model: type[SQLModel], cache: dict, external_id: str, **defaults: object):
        if external_id not in cache:
            row = self._lookup(model, external_id) or model(
                source_id=self.source.id, external_id=external_id, **defaults
            )
            self.session.add(row)
            cache[external_id] = row
        return cache[external_id]

    def person(self, external_id: str | None, role: str = "customer") -> Person | None:
        return self._row(Person, self.people, external_id, role=role) if external_id else None

    def group(self, external_id: str | None) -> HelpdeskGroup | None:
        return self._row(HelpdeskGroup, self.groups, external_id) if external_id else None

    def ticket(self, external_id: str) -> Ticket:
        return self._row(Ticket, self.tickets, external_id)

    def _ids(self, rows: Iterable[Stored | None]) -> None:
        if any(row is not None and row.id is None for row in rows):
            self.session.flush()

    # -- the steps, in dependency order
    def apply(self, batch: Batch, derive_handoffs: bool) -> None:
        # No autoflush: a query no longer writes out whatever is pending first; the steps
        # flush when they need ids, and every lookup below is answered from memory.
        with self.session.no_autoflush:
            self._apply(batch, derive_handoffs)

    def _apply(self, batch: Batch, derive_handoffs: bool) -> None:
        self._load(Person, self.people, people_named(batch))
        for record in batch.people:
            person = self.people.get(record.external_id) or Person(
                source_id=stored_id(self.source), external_id=record.external_id
            )
            person.role = record.role
            person.name = record.name or person.name
            email = record.email or person.email
            person.email = email.lower() if email else None
            person.time_zone = record.time_zone or person.time_zone
            self.session.add(person)
            self.people[record.external_id] = person
        self._load(HelpdeskGroup, self.groups, groups_named(batch))
        for group_record in batch.groups:
            group = self.groups.get(group_record.external_id) or HelpdeskGroup(
                source_id=stored_id(self.source), external_id=group_record.external_id
            )
            group.name = group_record.name
            group.lead_external_id = group_record.lead_external_id
            self.session.add(group)
            self.groups[group_record.external_id] = group

        ticket_ids = [t.external_id for t in batch.tickets]
        ticket_ids += [m.ticket_external_id for m in batch.messages]
        ticket_ids += [a.ticket_external_id for a in batch.assignments]
        self._load(Ticket, self.tickets, ticket_ids)
        seen_handoffs = _existing(
            self.session,
            Assignment,
            stored_id(self.source),
            [a.external_id for a in batch.assignments],
        )
        known = _existing(
            self.session, Message, stored_id(self.source), [m.external_id for m in batch.messages]
        )
        self._placeholders(batch, seen_handoffs, known)
        self.session.flush()

        for ticket_record in batch.tickets:
            ticket = self.ticket(ticket_record.external_id)
            seen_before = ticket.id is not None  # a flush below gives new tickets an id too
            requester = self.person(ticket_record.requester_external_id)
            assignee = self.person(ticket_record.assignee_external_id, role="agent")
            ticket_group = self.group(ticket_record.group_external_id)
            self._ids([requester, assignee, ticket_group])
            new_assignee = assignee.id if assignee else None
            new_group = ticket_group.id if ticket_group else None
            if seen_before and ticket.group_id != new_group:
                self.regrouped.add(stored_id(ticket))
            if (
                derive_handoffs
                and seen_before
                and (ticket.assignee_id, ticket.group_id) != (new_assignee, new_group)
            ):
                self._handoff(ticket, new_assignee, new_group, ticket_record.updated_at)
            ticket.subject = ticket_record.subject or ticket.subject
            ticket.status = ticket_record.status
            ticket.requester_id = requester.id if requester else ticket.requester_id
            ticket.assignee_id = new_assignee
            ticket.group_id = new_group
            ticket.url = ticket_record.url or ticket.url
            ticket.created_at = ticket_record.created_at or ticket.created_at
            ticket.updated_at = ticket_record.updated_at or ticket.updated_at
            self.result.tickets += 1
        if self.regrouped:
            self.session.flush()
            self._redecide_teams(self.regrouped)
        # Tickets named only by hand-offs and messages, in the order those steps name them.
        for handoff in batch.assignments:
            if handoff.external_id not in seen_handoffs:
                self.ticket(handoff.ticket_external_id)
        for message_record in batch.messages:
            if message_record.external_id not in known:
                self.ticket(message_record.ticket_external_id)
        self.session.flush()

        # Again: the tickets' derived hand-offs are stored now (the same query as before).
        seen_handoffs = _existing(
            self.session,
            Assignment,
            stored_id(self.source),
            [a.external_id for a in batch.assignments],
        )
        for handoff in batch.assignments:
            if handoff.external_id in seen_handoffs:
                continue
            # a marker (only membership is read): a record, not a row, is enough
            seen_handoffs[handoff.external_id] = handoff  # type: ignore[assignment]
            ticket = self.ticket(handoff.ticket_external_id)
            to_person = self.person(handoff.to_assignee_external_id, role="agent")
            from_person = self.person(handoff.from_assignee_external_id, role="agent")
            to_group = self.group(handoff.to_group_external_id)
            from_group = self.group(handoff.from_group_external_id)
            self._ids([ticket, to_person, from_person, to_group, from_group])
            self.session.add(
                Assignment(
                    source_id=stored_id(self.source),
                    external_id=handoff.external_id,
                    ticket_id=stored_id(ticket),
                    from_assignee_id=from_person.id if from_person else None,
                    to_assignee_id=to_person.id if to_person else None,
                    from_group_id=from_group.id if from_group else None,
                    to_group_id=to_group.id if to_group else None,
                    changed_at=handoff.changed_at,
                )
            )
            self.result.handoffs += 1
        self.session.flush()

        fresh: list[tuple[Message, Ticket, Person | None]] = []
        for message_record in batch.messages:
            if message_record.external_id in known:
                continue
            made_message = self._message(message_record)
            known[message_record.external_id] = made_message[0]
            fresh.append(made_message)
        self.session.flush()
        self.result.messages += len(fresh)
        resolver = self._resolver([t for m, t, _ in fresh])
        made: list[tuple[Promise, Person | None]] = []
        for message, ticket, author in fresh:
            if (
                message.author_role == "agent"
                and message.public
                and not message.is_own_note
                and message.text.strip()
            ):
                made += self._extract(message, ticket, author, resolver)
        if made:
            self.session.flush()
        for promise, maker in made:
            detail = {"due_text": promise.due_text, "due_is_default": promise.due_is_default}
            actor = maker.email if maker else None
            self.session.add(
                history_event(stored_id(promise), "made", promise.made_at, actor, detail)
            )
        self.result.promises += len(made)
        for merge in batch.merges:
            self._merge(merge.from_external_id, merge.into_external_id)

    def _merge(self, from_external_id: str, into_external_id: str) -> None:
        """Two tickets are one thread: move the messages, promises and hand-offs of the
        first to the second, and delete the first (idempotent: a repeat finds nothing)."""
        if from_external_id == into_external_id:
            return
        self.session.flush()
        gone = _existing(self.session, Ticket, stored_id(self.source), [from_external_id]).get(
            from_external_id
        )
        if gone is None:
            return
        into = self.ticket(into_external_id)
        self._ids([into])
        for model in (Message, Promise, Assignment):
            self.session.execute(
                sa.update(model).where(col(model.ticket_id) == gone.id).values(ticket_id=into.id)
            )
        if into.created_at is None or (gone.created_at and gone.created_at < into.created_at):
            into.created_at = gone.created_at
        into.requester_id = into.requester_id or gone.requester_id
        self.session.add(into)
        self.tickets.pop(from_external_id, None)
        self.session.delete(gone)
        self.session.flush()
        self.result.merged += 1

    def _redecide_teams(self, ticket_ids: set[int]) -> None:
        """A ticket moved to another group: its live promises may belong to another team."""
        query = select(Promise).where(
            col(Promise.ticket_id).in_(sorted(ticket_ids)),
            col(Promise.state).in_(("open", "snoozed")),
        )
        for promise in self.session.exec(query).all():
            owner = self.session.get(Person, promise.owner_id) if promise.owner_id else None
            ticket = self.session.get(Ticket, promise.ticket_id)
            team = decide_team(self.session, owner, ticket, self.default_team)
            promise.team_id = team.id if team is not None else None
            self.session.add(promise)

    def _placeholders(self, batch: Batch, seen_handoffs: dict, known: dict) -> None:
        """The people and groups the batch names but nobody stored, made in the order the
        steps below name them (so each gets the role of its first mention, as before) and
        given ids in one flush instead of one flush each."""
        for t in batch.tickets:
            self.person(t.requester_external_id)
            self.person(t.assignee_external_id, role="agent")
            self.group(t.group_external_id)
        for a in batch.assignments:
            if a.external_id not in seen_handoffs:
                self.person(a.to_assignee_external_id, role="agent")
                self.person(a.from_assignee_external_id, role="agent")
                self.group(a.to_group_external_id)
                self.group(a.from_group_external_id)
        for m in batch.messages:
            if m.external_id not in known:
                role = "agent" if m.author_role in AGENT_ROLES else m.author_role
                self.person(m.author_external_id, role=role)

    def _resolver(self, tickets: list[Ticket]) -> CalendarResolver:
        """A calendar resolver whose lookups (teams, the tickets' groups) are all in the
        session already: loaded here in two queries and held for the batch."""
        group_ids = {t.group_id for t in tickets if t.group_id is not None}
        group_ids -= {g.id for g in self.groups.values()}
        self.held.hold(self.session.exec(select(Team)))
        if group_ids:
            query = select(HelpdeskGroup).where(col(HelpdeskGroup.id).in_(sorted(group_ids)))
            self.held.hold(self.session.exec(query))
        return CalendarResolver(self.session, self.default_team)

    def _handoff(
        self, ticket: Ticket, assignee_id: int | None, group_id: int | None, at: datetime | None
    ) -> None:
        changed_at = at or ticket.updated_at
        if changed_at is None:
            return
        external_id = f"snapshot:{ticket.external_id}:{changed_at.isoformat()}:{assignee_id}"
        if external_id in self.snapshots:
            return  # the same snapshot twice in one batch (nothing is flushed in between)
        if _existing(self.session, Assignment, stored_id(self.source), [external_id]):
            return
        self.snapshots.add(external_id)
        self.session.add(
            Assignment(
                source_id=stored_id(self.source),
                external_id=external_id,
                ticket_id=stored_id(ticket),
                from_assignee_id=ticket.assignee_id,
                to_assignee_id=assignee_id,
                from_group_id=ticket.group_id,
                to_group_id=group_id,
                changed_at=changed_at,
            )
        )
        self.result.handoffs += 1

    def _message(self, record: MessageRecord) -> tuple[Message, Ticket, Person | None]:
        ticket = self.ticket(record.ticket_external_id)
        role = "agent" if record.author_role in AGENT_ROLES else record.author_role
        author = self.person(record.author_external_id, role=role)
        self._ids([ticket, author])
        message = Message(
            source_id=stored_id(self.source),
            external_id=record.external_id,
            ticket_id=stored_id(ticket),
            author_id=author.id if author else None,
            author_role=role,
            public=record.public,
            channel=record.channel,
            is_call=record.is_call,
            is_own_note=record.is_own_note,
            sent_at=record.sent_at,
            text=record.text,
            body_hash=record.body_hash or body_hash(record.text),
        )
        self.session.add(message)
        return message, ticket, author

    def _open_on(self, ticket_id: int) -> int:
        if ticket_id not in self.open_on:
            query = select(sa.func.count()).where(
                col(Promise.ticket_id) == ticket_id, col(Promise.state).in_(("open", "snoozed"))
            )
            self.open_on[ticket_id] = self.session.exec(query).one()
        return self.open_on[ticket_id]

    def _extract(
        self,
        message: Message,
        ticket: Ticket,
        maker: Person | None,
        resolver: CalendarResolver,
    ) -> list[tuple[Promise, Person | None]]:
        from tracker.extraction import extract

        owner_id = current_owner(ticket.assignee_id, message.author_id)
        owner = maker if maker is not None and maker.id == owner_id else None
        if owner is None and owner_id is not None:
            owner = self.session.get(Person, owner_id)
        team = resolver.team_for(owner, ticket)
        # The words are the maker's: "tomorrow" is read in the maker's calendar (the
        # ladder then runs in the promise's team calendar).
        calendar = resolver.calendar_for(maker, ticket)
        found = extract(
            message.text,
            message.sent_at,
            calendar,
            author_role="agent",
            default_due=self.default_due,
            threshold=self.threshold,
            model=self.model,
        )
        made = []
        if found:
            room = max(MAX_OPEN_PER_TICKET - self._open_on(message.ticket_id), 0)
            if len(found) > room:
                log.warning(
                    "open promises per ticket capped",
                    extra={"ticket": ticket.external_id, "cap": MAX_OPEN_PER_TICKET},
                )
                found = found[:room]
            self.open_on[message.ticket_id] += len(found)
        for item in found:
            promise = Promise(
                message_id=stored_id(message),
                ticket_id=message.ticket_id,
                start=item.start,
                end=item.end,
                quote=item.quote,
                kind=item.kind,
                due_at=item.due,
                due_is_default=item.due_is_default,
                due_text=item.due_text,
                maker_id=message.author_id,
                owner_id=owner_id,
                team_id=team.id if team is not None else None,
                state="open",
                made_at=message.sent_at,
                next_action_at=message.sent_at,
            )
            self.session.add(promise)
            made.append((promise, maker))
        return made


def ingest(
    session: Session,
    source: Source,
    batch: Batch,
    *,
    default_due: Duration | None = None,
    default_team: str | None = None,
    derive_handoffs: bool = False,
    now: datetime | None = None,
    threshold: float | None = None,
    model: DecisionModel | None = None,
) -> IngestResult:
    """Apply one batch and store its cursor. The caller owns the transaction (commit it
    once this returns), so the records and the cursor land together or not at all.

    `derive_handoffs`: record a hand-off whenever a ticket snapshot's assignee or group
    differs from the stored one (for sources with no assignment history of their own).
    `threshold`, `model`: the extractor's decision (tracker.learning.store.decision_in_use).
    """
    worker = _Ingest(session, source, default_due, default_team, threshold, model)
    worker.apply(batch, derive_handoffs)
    if batch.cursor is not None:
        source.cursor = batch.cursor
    if now is not None:
        source.last_sync_at = now
    session.add(source)
    session.flush()
    return worker.result


def get_or_create_source(session: Session, name: str, kind: str) -> Source:
    source = session.exec(select(Source).where(Source.name == name)).first()
    if source is None:
        source = Source(name=name, type=kind)
        session.add(source)
        session.flush()
    return source
