"""A help-desk-neutral, in-memory, thread-safe store: agents, groups, customers, tickets,
comments and notes, tags, custom fields, and every ticket update as an event.

Faces (`zendesk_face.py`, a Freshdesk face…) render it as one vendor's JSON. Time comes
from `clock`, so tests can move it; every mutation takes an optional `at`.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from helpdesk_sandbox.objects import (
    STATUSES,
    Change,
    Comment,
    Group,
    MovableClock,
    Person,
    StoreError,
    Ticket,
    Update,
)

__all__ = [
    "STATUSES",
    "Change",
    "Comment",
    "Group",
    "MovableClock",
    "Person",
    "Store",
    "StoreError",
    "Ticket",
    "Update",
]


def _utcnow() -> datetime:
    return datetime.now(UTC)


class Store:
    def __init__(self, clock: Callable[[], datetime] = _utcnow):
        self.clock = clock
        self.lock = threading.RLock()
        self.people: dict[int, Person] = {}
        self.groups: dict[int, Group] = {}
        self.tickets: dict[int, Ticket] = {}
        self.comments: dict[int, Comment] = {}
        self.updates: list[Update] = []
        self._update_keys: list[tuple[int, int]] = []  # (second, id), sorted, for bisect
        self._next_id = 1000
        self._next_event_id = 900_000_000
        self.api_user_id: int | None = None  # whose credentials the faces accept
        self._order: tuple[list[tuple[int, int]], list[Ticket]] | None = None

    # -- ids and time ----------------------------------------------------------------------
    def _id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _event_id(self) -> int:
        self._next_event_id += 1
        return self._next_event_id

    @staticmethod
    def _given(given: int | None, taken: dict[int, Any], make: Callable[[], int]) -> int:
        """`given` when a caller chose the id (to match records it compares with), else a new
        one; an id already in use is refused."""
        if given is None:
            return make()
        if given in taken:
            raise ValueError(f"id {given} is already in use")
        return given

    def _at(self, at: datetime | None) -> datetime:
        value = at or self.clock()
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the sandbox store")
        return value.astimezone(UTC).replace(microsecond=0)

    # -- directory -------------------------------------------------------------------------
    def add_group(self, name: str, at: datetime | None = None, *, id: int | None = None) -> Group:
        with self.lock:
            when = self._at(at)
            group = Group(self._given(id, self.groups, self._id), name, when, when)
            self.groups[group.id] = group
            return group

    def add_person(
        self,
        name: str,
        email: str,
        role: str = "end-user",
        time_zone: str = "UTC",
        groups: Iterable[Group] = (),
        at: datetime | None = None,
        *,
        id: int | None = None,
    ) -> Person:
        with self.lock:
            when = self._at(at)
            person_id = self._given(id, self.people, self._id)
            person = Person(
                person_id, name, email, role, time_zone, [g.id for g in groups], when, when
            )
            self.people[person.id] = person
            return person

    def add_agent(
        self,
        name: str,
        email: str,
        time_zone: str = "UTC",
        groups: Iterable[Group] = (),
        role: str = "agent",
        at: datetime | None = None,
        *,
        id: int | None = None,
    ) -> Person:
        return self.add_person(name, email, role, time_zone, groups, at, id=id)

    def add_customer(
        self, name: str, email: str, at: datetime | None = None, *, id: int | None = None
    ) -> Person:
        return self.add_person(name, email, "end-user", "UTC", (), at, id=id)

    def agents(self) -> list[Person]:
        with self.lock:
            return [p for p in self.people.values() if p.is_agent]

    # -- tickets ---------------------------------------------------------------------------
    def ticket(self, ticket_id: int) -> Ticket:
        ticket = self.tickets.get(ticket_id)
        if ticket is None or ticket.status == "deleted":
            raise StoreError("not_found", f"ticket {ticket_id} not found")
        return ticket

    def create_ticket(
        self,
        subject: str,
        requester: Person,
        body: str,
        *,
        assignee: Person | None = None,
        group: Group | None = None,
        tags: Iterable[str] = (),
        channel: str = "email",
        html_body: str | None = None,
        at: datetime | None = None,
        id: int | None = None,
    ) -> Ticket:
        with self.lock:
            when = self._at(at)
            ticket = Ticket(
                self._given(id, self.tickets, self._id),
                subject,
                requester.id,
                status="open" if assignee else "new",
                assignee_id=assignee.id if assignee else None,
                group_id=group.id
                if group
                else (assignee.group_ids[0] if assignee and assignee.group_ids else None),
                tags=list(dict.fromkeys(tags)),
                channel=channel,
                created_at=when,
            )
            self.tickets[ticket.id] = ticket
            update = self._update(ticket, requester.id, when, kind="Create", channel=channel)
            self._comment(update, ticket, requester.id, body, True, channel, html_body, False)
            for name in ("assignee_id", "group_id", "status"):
                value = getattr(ticket, name)
                if value is not None:
                    update.changes.append(Change(self._event_id(), name, value, None))
            self._commit(update, ticket)
            return ticket

    def add_comment(
        self,
        ticket_id: int,
        author: Person | int,
        body: str,
        *,
        public: bool = True,
        html_body: str | None = None,
        channel: str = "web",
        call: bool = False,
        status: str | None = None,
        at: datetime | None = None,
        id: int | None = None,
    ) -> Comment:
        author_id = author if isinstance(author, int) else author.id
        with self.lock:
            ticket = self.ticket(ticket_id)
            self._refuse_closed(ticket)
            when = self._at(at)
            update = self._update(ticket, author_id, when, channel=channel)
            comment = self._comment(
                update, ticket, author_id, body, public, channel, html_body, call, id
            )
            if status is not None and status != ticket.status:
                update.changes.append(Change(self._event_id(), "status", status, ticket.status))
                ticket.status = status
            self._commit(update, ticket)
            return comment

    def assign(
        self,
        ticket_id: int,
        assignee: Person | None,
        *,
        group: Group | None = None,
        actor: Person | None = None,
        at: datetime | None = None,
    ) -> Update:
        with self.lock:
            ticket = self.ticket(ticket_id)
            self._refuse_closed(ticket)
            when = self._at(at)
            update = self._update(ticket, actor.id if actor else None, when)
            new_assignee = assignee.id if assignee else None
            if new_assignee != ticket.assignee_id:
                update.changes.append(
                    Change(self._event_id(), "assignee_id", new_assignee, ticket.assignee_id)
                )
                ticket.assignee_id = new_assignee
            if group is not None and group.id != ticket.group_id:
                update.changes.append(
                    Change(self._event_id(), "group_id", group.id, ticket.group_id)
                )
                ticket.group_id = group.id
            self._commit(update, ticket)
            return update

    def set_status(
        self,
        ticket_id: int,
        status: str,
        *,
        actor: Person | None = None,
        at: datetime | None = None,
    ) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}")
        with self.lock:
            ticket = self.ticket(ticket_id)
            if status != "closed":
                self._refuse_closed(ticket)
            when = self._at(at)
            update = self._update(ticket, actor.id if actor else None, when)
            update.changes.append(Change(self._event_id(), "status", status, ticket.status))
            ticket.status = status
            self._commit(update, ticket)

    def delete_ticket(self, ticket_id: int, at: datetime | None = None) -> None:
        with self.lock:
            ticket = self.ticket(ticket_id)
            when = self._at(at)
            update = self._update(ticket, self.api_user_id, when)
            update.changes.append(Change(self._event_id(), "status", "deleted", ticket.status))
            ticket.status = "deleted"
            self._commit(update, ticket)

    def touch(
        self, ticket_id: int, *, actor_id: int | None = None, at: datetime | None = None
    ) -> None:
        """An update to something the store does not model (a priority, a form field): no
        change is recorded, but the ticket's update time moves as the help desk's would."""
        with self.lock:
            ticket = self.ticket(ticket_id)
            self._commit(self._update(ticket, actor_id, self._at(at)), ticket)

    def mark_spam(self, ticket_id: int, at: datetime | None = None) -> None:
        with self.lock:
            ticket = self.ticket(ticket_id)
            ticket.spam = True
            self._commit(self._update(ticket, self.api_user_id, self._at(at)), ticket)

    def purge_ticket(self, ticket_id: int) -> None:
        """Gone for good (emptied from the trash): not even listed as deleted any more."""
        with self.lock:
            ticket = self.tickets.pop(ticket_id)
            for comment_id in ticket.comment_ids:
                self.comments.pop(comment_id, None)
            kept = [
                (k, u)
                for k, u in zip(self._update_keys, self.updates, strict=True)
                if u.ticket_id != ticket_id
            ]
            self._update_keys = [k for k, _ in kept]
            self.updates = [u for _, u in kept]
            self._order = None

    def change_tags(
        self,
        ticket_id: int,
        add: Iterable[str] = (),
        remove: Iterable[str] = (),
        *,
        actor_id: int | None = None,
        expect_updated_at: datetime | None = None,
        at: datetime | None = None,
    ) -> list[str]:
        """Add and remove tags; with `expect_updated_at`, refuse (conflict) if the ticket
        changed since then (Zendesk's safe_update)."""
        with self.lock:
            ticket = self.ticket(ticket_id)
            self._refuse_closed(ticket)
            self._check_stamp(ticket, expect_updated_at)
            tags = [t for t in ticket.tags if t not in set(remove)]
            tags += [t for t in add if t not in tags]
            if tags != ticket.tags:
                update = self._update(ticket, actor_id, self._at(at))
                update.changes.append(
                    Change(self._event_id(), "tags", list(tags), list(ticket.tags))
                )
                ticket.tags = tags
                self._commit(update, ticket)
            return list(ticket.tags)

    def set_custom_field(
        self,
        ticket_id: int,
        field_id: int,
        value: Any,
        *,
        actor_id: int | None = None,
        expect_updated_at: datetime | None = None,
        at: datetime | None = None,
    ) -> None:
        with self.lock:
            ticket = self.ticket(ticket_id)
            self._refuse_closed(ticket)
            self._check_stamp(ticket, expect_updated_at)
            previous = ticket.custom_fields.get(field_id)
            if previous == value:
                return
            update = self._update(ticket, actor_id, self._at(at))
            update.changes.append(
                Change(self._event_id(), f"custom_field:{field_id}", value, previous)
            )
            ticket.custom_fields[field_id] = value
            self._commit(update, ticket)

    # -- queries ---------------------------------------------------------------------------
    def comments_of(self, ticket_id: int) -> list[Comment]:
        with self.lock:
            return [self.comments[c] for c in self.tickets[ticket_id].comment_ids]

    def tickets_changed_after(
        self, position: tuple[int, int], until_second: int, limit: int
    ) -> tuple[list[Ticket], bool]:
        """Up to `limit` tickets whose (change second, id) comes after `position` and whose
        change second is at most `until_second`; and whether more such tickets remain."""
        with self.lock:
            keys, tickets = self._by_change()
            start = bisect.bisect_right(keys, position)
            end = bisect.bisect_right(keys, (until_second, 1 << 62))
            return tickets[start : min(end, start + limit)], end > start + limit

    def _by_change(self) -> tuple[list[tuple[int, int]], list[Ticket]]:
        if self._order is None:
            tickets = sorted(self.tickets.values(), key=lambda t: (t.changed_at, t.id))
            keys = [(int(t.changed_at.timestamp()) if t.changed_at else 0, t.id) for t in tickets]
            self._order = (keys, tickets)
        return self._order

    def updates_from(self, second: int, limit: int) -> list[Update]:
        """Updates at or after epoch `second`, in (second, id) order, at most `limit`, but
        never splitting a second: every update sharing the last one's second is included."""
        with self.lock:
            start = bisect.bisect_left(self._update_keys, (second, -1))
            end = min(start + limit, len(self.updates))
            if end > start:
                last = self._update_keys[end - 1][0]
                end = bisect.bisect_right(self._update_keys, (last, 1 << 62))
            return self.updates[start:end]

    # -- internals -------------------------------------------------------------------------
    def _refuse_closed(self, ticket: Ticket) -> None:
        if ticket.status == "closed":
            raise StoreError("closed", "Status: closed prevents ticket update")

    def _check_stamp(self, ticket: Ticket, expected: datetime | None) -> None:
        if expected is not None and ticket.updated_at is not None and expected != ticket.updated_at:
            raise StoreError("conflict", "the ticket changed since updated_stamp")

    def _update(
        self,
        ticket: Ticket,
        actor_id: int | None,
        at: datetime,
        *,
        kind: str = "Update",
        channel: str = "web",
    ) -> Update:
        return Update(self._event_id(), ticket.id, at, actor_id, kind, channel)

    def _comment(
        self,
        update: Update,
        ticket: Ticket,
        author_id: int,
        body: str,
        public: bool,
        channel: str,
        html_body: str | None,
        call: bool,
        comment_id: int | None = None,
    ) -> Comment:
        comment = Comment(
            self._given(comment_id, self.comments, self._event_id),
            ticket.id,
            author_id,
            body,
            public,
            update.at,
            html_body,
            channel,
            call,
        )
        self.comments[comment.id] = comment
        ticket.comment_ids.append(comment.id)
        update.comments.append(comment)
        return comment

    def _commit(self, update: Update, ticket: Ticket) -> None:
        self._order = None
        ticket.updated_at = max(update.at, ticket.updated_at or update.at)
        # the change time only moves forward, like Zendesk's generated_timestamp
        ticket.changed_at = max(update.at, ticket.changed_at or update.at)
        key = (update.second, update.id)
        if not self._update_keys or key >= self._update_keys[-1]:
            self._update_keys.append(key)
            self.updates.append(update)
        else:
            index = bisect.bisect_right(self._update_keys, key)
            self._update_keys.insert(index, key)
            self.updates.insert(index, update)
