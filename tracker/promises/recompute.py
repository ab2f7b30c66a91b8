"""Bring one promise up to date: load its facts, ask the pure core, write the answer.

Used by the sweep for every promise that may have changed (a new reply, a closed
or reassigned ticket, a ladder step come due, a snooze run out).
"""

from __future__ import annotations

import bisect
import contextlib
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from tracker.config import Config
from tracker.kinds import PromiseState
from tracker.models import (
    Assignment,
    Escalation,
    Message,
    Person,
    Promise,
    Source,
    Ticket,
    stored_id,
)
from tracker.outbox.rows import (
    TAG_OPEN,
    TICKET_RECIPIENT,
    Key,
    cancel_pending,
    close_out,
    queue,
    rows_of,
    steps_taken,
)
from tracker.promises import escalation, keeping, lifecycle
from tracker.promises.actions import team_leads
from tracker.promises.history import SYSTEM_ACTOR, history_event
from tracker.reports import DecisionTally
from tracker.sources import installed
from tracker.teams import CalendarResolver

DEFAULT_POLL = timedelta(minutes=2)  # a source no longer in the configuration


class Recomputer:
    """Per-pass caches (calendars, sources) around `recompute`."""

    def __init__(
        self,
        session: Session,
        config: Config,
        tally: DecisionTally,
        calendars: dict[object, Any] | None = None,
    ):
        self.session = session
        self.config = config
        self.tally = tally
        # Calendars are pure and costly to build (holidays): share them across a pass.
        self.calendars = calendars if calendars is not None else {}
        self._resolvers: dict[str | None, CalendarResolver] = {}
        self._sources: dict[int, Source] = {}
        self._messages: dict[int, list[lifecycle.MessageFacts]] = {}
        # Per ticket, the messages that can keep a promise, sorted by (sent_at, id), with
        # their keys for bisection: finding a promise's keeper is then a search, not a
        # scan of the ticket (one ticket may hold tens of thousands of promises).
        self._keepers: dict[int, tuple[list[Any], list[lifecycle.MessageFacts]]] = {}
        self._calls: dict[int, tuple[list[Any], list[lifecycle.MessageFacts]]] = {}
        self._rows: dict[int, dict[Key, Escalation]] = {}
        self._people: dict[int, Person | None] = {}
        self._lead_cache: dict[int | None, list[str]] = {}
        self._handoffs: dict[tuple[int, int | None], Assignment | None] = {}

    def _source(self, source_id: int) -> Source:
        if source_id not in self._sources:
            self._sources[source_id] = self.session.get_one(Source, source_id)
        return self._sources[source_id]

    def _resolver(self, source: Source) -> CalendarResolver:
        team = None
        with contextlib.suppress(KeyError):
            team = self.config.source(source.name).get("team")
        if team not in self._resolvers:
            self._resolvers[team] = CalendarResolver(self.session, team, self.calendars)
        return self._resolvers[team]

    def freshness(self, source: Source) -> escalation.Freshness:
        """How far the source's data reaches: `last_success_at` is the start of its last
        complete pass (tracker.ingest.sync), so everything sent before it is stored."""
        try:
            poll = self.config.source(source.name).poll_every.delta
        except KeyError:
            poll = DEFAULT_POLL
        return escalation.Freshness(source.last_success_at, poll)

    def channels(self, source: Source) -> escalation.Channels:
        ticket_on = self.config.ticket.note or self.config.ticket.tags
        configured = any(s.name == source.name for s in self.config.sources)
        return escalation.Channels(
            email=self.config.email is not None,
            slack=self.config.slack is not None,
            ticket=ticket_on and configured and _ticket_channel(source.type),
        )

    def recompute(self, promise: Promise, now: datetime) -> None:
        session = self.session
        self.tally.examined += 1
        ticket = session.get(Ticket, promise.ticket_id)
        assert ticket is not None
        if promise.ticket_id not in self._messages:
            self.prime([promise])
        facts = lifecycle.PromiseFacts(
            stored_id(promise),
            promise.kind,
            promise.message_id,
            promise.made_at,
            promise.due_at,
            promise.state,
            promise.owner_id,
            promise.maker_id,
            promise.snoozed_until,
        )
        messages = self._first_keepers(facts, promise.ticket_id)
        outcome = lifecycle.resolve(facts, messages, ticket.status, now)
        if outcome.state == "kept":
            self._kept(promise, outcome, now)
        elif outcome.state == "broken":
            self._broken(promise, outcome, now)
        elif outcome.state in lifecycle.LIVE_STATES:
            self._live(promise, ticket, outcome.state, now)
        promise.updated_at = now
        session.add(promise)

    def _first_keepers(
        self, promise: lifecycle.PromiseFacts, ticket_id: int
    ) -> list[lifecycle.MessageFacts]:
        """The messages that may keep `promise` first: the earliest public agent reply
        after it and, for a callback, the earliest logged call. `lifecycle.resolve` picks
        from these exactly what it would pick from all of the ticket's messages."""
        if ticket_id not in self._keepers:
            self._index(ticket_id)
        after = (promise.made_at, promise.message_id)
        found = []
        lists = [self._keepers[ticket_id]]
        if promise.kind in keeping.CALL_KEPT_KINDS:
            lists.append(self._calls[ticket_id])
        for keys, messages in lists:
            at = bisect.bisect_right(keys, after)
            if at < len(messages):
                found.append(messages[at])
        return found

    def _index(self, ticket_id: int) -> None:
        public: list[lifecycle.MessageFacts] = []
        calls: list[lifecycle.MessageFacts] = []
        for m in self._messages.get(ticket_id, []):
            if not keeping.by_keeping_author(m):
                continue
            if m.public:
                public.append(m)
            elif m.is_call:
                calls.append(m)
        for target, found in ((self._keepers, public), (self._calls, calls)):
            found.sort(key=lambda m: (m.sent_at, m.id))
            target[ticket_id] = ([(m.sent_at, m.id) for m in found], found)

    def prime(self, promises: list[Promise]) -> None:
        """Load the messages of these promises' tickets and their outbox rows in two
        queries (one pass recomputes hundreds of promises)."""
        tickets = sorted({p.ticket_id for p in promises})
        since = min(p.made_at for p in promises)
        for ticket_id in tickets:
            self._messages[ticket_id] = []
            self._keepers.pop(ticket_id, None)
            self._calls.pop(ticket_id, None)
        query = sa.select(
            col(Message.ticket_id),
            col(Message.id),
            col(Message.sent_at),
            col(Message.author_role),
            col(Message.public),
            col(Message.is_own_note),
            col(Message.is_call),
            col(Message.author_id),
        ).where(col(Message.ticket_id).in_(tickets), col(Message.sent_at) >= since)
        for ticket_id, *facts in self.session.execute(query):
            self._messages[ticket_id].append(lifecycle.MessageFacts(*facts))
        ids = [stored_id(p) for p in promises]
        for promise_id in ids:
            self._rows[promise_id] = {}
        for row in self.session.exec(select(Escalation).where(col(Escalation.promise_id).in_(ids))):
            self._rows[row.promise_id][(row.step, row.channel, row.recipient)] = row

    def _event(self, promise: Promise, event: str, at: datetime, **detail: object) -> None:
        self.session.add(history_event(stored_id(promise), event, at, SYSTEM_ACTOR, detail))

    def _person(self, person_id: int) -> Person | None:
        # Held here: the session's identity map holds objects weakly and would load the
        # same person again for every promise of a busy ticket.
        if person_id not in self._people:
            self._people[person_id] = self.session.get(Person, person_id)
        return self._people[person_id]

    def _leads(self, team_id: int | None) -> list[str]:
        if team_id not in self._lead_cache:
            self._lead_cache[team_id] = team_leads(self.session, team_id)
        return self._lead_cache[team_id]

    def _email(self, person_id: int | None) -> str | None:
        if person_id is None:
            return None
        person = self._person(person_id)
        return person.email if person is not None else None

    def _kept(self, promise: Promise, outcome: lifecycle.Outcome, now: datetime) -> None:
        promise.state = "kept"
        promise.kept_at = outcome.kept_at
        promise.kept_by_message_id = outcome.kept_by_message_id
        promise.closed_at = outcome.kept_at
        promise.next_action_at = None
        late = int(outcome.late_by.total_seconds()) if outcome.late_by else None
        self._event(
            promise,
            "kept",
            outcome.kept_at or now,
            kept_at=outcome.kept_at.isoformat() if outcome.kept_at else None,
            kept_by_message_id=outcome.kept_by_message_id,
            kept_by=self._email(outcome.kept_by_author_id),
            late_by_seconds=late,
        )
        close_out(self.session, stored_id(promise), now)
        self.tally.kept += 1

    def _broken(self, promise: Promise, outcome: lifecycle.Outcome, now: datetime) -> None:
        promise.state = "broken"
        promise.closed_at = now
        promise.next_action_at = None
        # The ticket is closed: a note or tag change there would be refused, so no clean-up.
        cancel_pending(self.session, stored_id(promise))
        # The owner and the leads hear of it once, like an overdue promise (the unique
        # outbox key makes it once); no team or no leads: the managers instead.
        owner = self._email(promise.owner_id)
        leads = self._leads(promise.team_id) or self.config.escalation.managers
        source = self._source(self.session.get_one(Ticket, promise.ticket_id).source_id)
        pairs = escalation.recipients("broken", self.channels(source), owner, leads, [])
        for channel, recipient in pairs:
            self.tally.escalations_created += queue(
                self.session, stored_id(promise), "broken", channel, recipient, now
            )
        self._event(
            promise,
            "broken",
            now,
            reason=outcome.reason,
            recipients=[f"{c}:{r}" for c, r in pairs],
        )
        self.tally.broken += 1

    def _live(self, promise: Promise, ticket: Ticket, state: PromiseState, now: datetime) -> None:
        if promise.state == "snoozed" and state == "open":
            self._event(promise, "resumed", now, snoozed_until=promise.snoozed_until)
            self.tally.resumed += 1
        promise.state = state
        source = self._source(ticket.source_id)
        channels = self.channels(source)
        if lifecycle.handed_off(promise.owner_id, ticket.assignee_id):
            self._hand_off(promise, ticket, channels, now)
        owner = self._person(promise.owner_id) if promise.owner_id else None
        team = self._resolver(source).team_for(owner, ticket)
        promise.team_id = team.id if team is not None else None
        if state == "snoozed":
            promise.next_action_at = promise.snoozed_until
            return
        existing = self._rows.get(stored_id(promise))
        if existing is None:
            existing = self._rows[stored_id(promise)] = rows_of(self.session, stored_id(promise))
        taken = steps_taken(existing)
        if channels.ticket and self.config.ticket.tags and TAG_OPEN not in taken:
            queue(
                self.session,
                stored_id(promise),
                TAG_OPEN,
                "ticket",
                TICKET_RECIPIENT,
                now,
                existing,
            )
            self.tally.escalations_created += 1
        calendar = self._resolver(source).calendar_of(team, owner)
        plan = escalation.plan(
            promise.due_at,
            calendar,
            self.config.escalation,
            now,
            taken,
            resumed_at=promise.snoozed_until,
            freshness=self.freshness(source),
        )
        # No team, or a team with no leads: the lead step goes to the managers, never
        # to no one.
        leads = (
            self._leads(promise.team_id) or self.config.escalation.managers
            if "lead" in plan.due
            else []
        )
        for step in plan.due:
            pairs = escalation.recipients(
                step,
                channels,
                owner.email if owner else None,
                leads,
                self.config.escalation.managers,
            )
            created = sum(
                queue(self.session, stored_id(promise), step, c, r, now, existing) for c, r in pairs
            )
            self.tally.escalations_created += created
            detail: dict[str, object] = {"recipients": [f"{c}:{r}" for c, r in pairs]}
            if step in plan.stale:
                detail["stale_source"] = source.name
                detail["source_synced_to"] = source.last_success_at
            self._event(promise, step, now, **detail)
        promise.next_action_at = plan.next_at

    def _hand_off(
        self, promise: Promise, ticket: Ticket, channels: escalation.Channels, now: datetime
    ) -> None:
        previous = promise.owner_id
        promise.owner_id = ticket.assignee_id
        key = (stored_id(ticket), ticket.assignee_id)  # one query for all promises of the ticket
        if key not in self._handoffs:
            self._handoffs[key] = self.session.exec(
                select(Assignment)
                .where(
                    Assignment.ticket_id == ticket.id,
                    Assignment.to_assignee_id == ticket.assignee_id,
                )
                .order_by(sa.desc(col(Assignment.changed_at)), sa.desc(col(Assignment.id)))
            ).first()
        assignment = self._handoffs[key]
        at = assignment.changed_at if assignment is not None else now
        event = history_event(
            stored_id(promise),
            "handed_off",
            at,
            SYSTEM_ACTOR,
            {
                "from": self._email(previous),
                "to": self._email(ticket.assignee_id),
                "assignment_id": assignment.id if assignment is not None else None,
                "due": promise.due_at.isoformat(),
            },
        )
        self.session.add(event)
        if assignment is None:
            self.session.flush()  # the event's id names the step (a flush per promise
            # otherwise: each one costs as much as the session holds)
        step = f"handoff-{assignment.id}" if assignment is not None else f"handoff-e{event.id}"
        new_owner = self._email(ticket.assignee_id)
        for channel, recipient in escalation.recipients(step, channels, new_owner, [], []):
            self.tally.escalations_created += queue(
                self.session,
                stored_id(promise),
                step,
                channel,
                recipient,
                now,
                self._rows.get(stored_id(promise)),
            )
        self.tally.handoffs += 1


def _ticket_channel(source_type: str) -> bool:
    """The connector of `source_type` takes notes and tags on its tickets (tracker.sources)."""
    spec = installed().get(source_type)
    return spec is not None and spec.ticket_channel
