"""Polling Zendesk with the fewest calls.

- Tickets: the cursor-based incremental export. The very first call carries
  `start_time` (now − backfill, at least 120 s in the past); every later call, in this
  pass and the next, carries only `cursor=<after_cursor>`.
- Comments and hand-offs: `incremental/ticket_events.json?include=comment_events`,
  time-based. Items come back "on or after" `start_time`, so the cursor keeps the ids
  already seen at the boundary second; a full page that cannot advance (every event in
  one second) moves on by a second instead of asking for the same page forever.
- The directory (us, agents and admins, groups) once per pass, when a page first needs
  it; users a page names that we do not know yet through `users/show_many`.

Cursor (JSON): {"tickets": {"cursor": …} | {"start": epoch}, "events": {"start": epoch,
"seen": [ids]}}. Every yielded batch carries the whole state as of the end of its page.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from typing import Any

from integrations.base import dump_cursor, load_cursor
from integrations.http import CallStats, HttpClient, HttpError, MalformedResponse
from integrations.zendesk import mapping
from integrations.zendesk.client import EXPORT, base_url, cursor_pages, make_client
from integrations.zendesk.writeback import ZendeskWriteBack
from tracker.config import SourceConfig
from tracker.ingest.records import Batch, PersonRecord, RejectedRecord, TicketRecord

log = logging.getLogger(__name__)

TICKETS_PATH = "/api/v2/incremental/tickets/cursor.json"
EVENTS_PATH = "/api/v2/incremental/ticket_events.json"
MIN_LAG = timedelta(seconds=120)
SHOW_MANY_LIMIT = 100
RESEED_MARGIN = 60  # seconds of overlap when a rejected ticket cursor is replaced by a time
MAX_PAGES = 500  # export pages of one pass; the rest comes next pass, from the stored cursor


def _too_recent(status: int, body: str) -> bool:
    text = body.lower()
    return status in (400, 422) and ("too recent" in text or "starttimetoorecent" in text)


class ZendeskConnector:
    """A `Poller` and a `TicketWriter` (tracker.sources) over one Zendesk account."""

    def __init__(
        self,
        source: SourceConfig,
        client: HttpClient,
        *,
        ticket_page_size: int = 1000,
        event_page_size: int = 500,
    ):
        self.name = source.name
        self.source = source
        self.client = client
        self.http_stats = client.stats
        self.backfill = source.backfill.delta
        self.link_base = base_url(source)
        self.ticket_page_size = ticket_page_size
        self.event_page_size = event_page_size
        self.roles: dict[str, str] = {}  # person id → agent | admin | customer
        self.known: dict[str, PersonRecord] = {}  # everyone seen this pass
        self.own_id: str | None = None
        self._directory_loaded = False
        self.writer = ZendeskWriteBack(client, source.name, source.get("due_field_id"))
        self.max_pages = MAX_PAGES
        self.pages_read = 0

    @property
    def stats(self) -> CallStats:
        return self.http_stats

    # -- write-back (see writeback.py) -----------------------------------------------------
    def add_note(self, ticket_external_id: str, body: str) -> None:
        self.writer.add_note(ticket_external_id, body)

    def has_note(self, ticket_external_id: str, marker: str) -> bool:
        return self.writer.has_note(ticket_external_id, marker)

    def change_tags(
        self, ticket_external_id: str, add: Sequence[str], remove: Sequence[str]
    ) -> None:
        self.writer.change_tags(ticket_external_id, add, remove)

    def set_due_field(self, ticket_external_id: str, due: datetime | None) -> bool:
        return self.writer.set_due_field(ticket_external_id, due)

    # -- one record again (tracker.ingest.retry) ---------------------------------------------------
    def refetch(
        self,
        kind: str,
        external_id: str,
        *,
        cursor: str | None = None,
        now: datetime | None = None,
    ) -> Batch | None:
        """A ticket set aside, with its comments: `GET /tickets/{id}.json` and
        `/tickets/{id}/comments.json`. Comments, events and hand-offs cannot be fetched
        without their ticket's id (None); neither can a ticket deleted since (404)."""
        if kind != "ticket" or not external_id.isdigit():
            return None
        path = f"/api/v2/tickets/{external_id}.json"
        response = self.client.request("GET", path, ok=(404,))
        if response.status_code == 404:
            return None
        data = self.client.decode(response, path)
        if not isinstance(data, dict) or not isinstance(data.get("ticket"), dict):
            raise MalformedResponse(self.name, f"{path} has no 'ticket'")
        batch = Batch(cursor=None, stats={"stage": "refetch"})
        for directory in self._directory(load_cursor(cursor)):
            batch.people, batch.groups = directory.people, directory.groups
        try:
            batch.tickets.append(mapping.ticket_record(data["ticket"], self.link_base))
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            batch.rejected.append(_rejected("ticket", data["ticket"], exc))
            return batch
        where = f"/api/v2/tickets/{external_id}/comments.json"
        comments = [
            c for c in cursor_pages(self.client, where, "comments", {}) if isinstance(c, dict)
        ]
        ticket = batch.tickets[0]
        named = [ticket.requester_external_id, ticket.assignee_external_id]
        named += [str(c["author_id"]) for c in comments if c.get("author_id") is not None]
        people = {p.external_id: p for p in [*batch.people, *self._people_named(named)]}
        batch.people = list(people.values())
        for item in comments:
            try:
                batch.messages.append(
                    mapping.comment_record(item, external_id, self.roles, self.own_id)
                )
            except (KeyError, TypeError, AttributeError, ValueError) as exc:
                batch.rejected.append(_rejected("message", item, exc))
        return batch

    # -- polling ---------------------------------------------------------------------------
    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]:
        state = load_cursor(cursor)
        first_start = int((min(now - self.backfill, now - MIN_LAG)).timestamp())
        state.setdefault("tickets", {"start": first_start})
        state.setdefault("events", {"start": first_start, "seen": []})
        self.pages_read = 0
        yield from self._tickets(state)
        yield from self._events(state)

    def _one_more_page(self, stage: str) -> bool:
        """Count an export page; False once this pass has read its cap of them."""
        if self.pages_read >= self.max_pages:
            log.warning(
                "page cap of one pass reached; the rest comes next pass",
                extra={"source": self.name, "stage": stage, "pages": self.pages_read},
            )
            return False
        self.pages_read += 1
        return True

    def _directory(self, state: dict[str, Any]) -> Iterator[Batch]:
        """Us, every agent and admin, and the groups: one batch, cursor unchanged."""
        if self._directory_loaded:
            return
        me = self.client.get_json("/api/v2/users/me.json")
        if not isinstance(me, dict) or not isinstance(me.get("user"), dict):
            raise MalformedResponse(self.name, "/api/v2/users/me.json has no 'user'")
        self.own_id = str(me["user"].get("id"))
        people: list[PersonRecord] = []
        params = {"role[]": ["agent", "admin"]}
        for user in cursor_pages(self.client, "/api/v2/users.json", "users", params):
            people.append(self._person(user))
        people.append(self._person(me["user"]))
        groups = [
            mapping.group_record(g)
            for g in cursor_pages(self.client, "/api/v2/groups.json", "groups", {})
            if isinstance(g, dict) and g.get("id") is not None
        ]
        self._directory_loaded = True
        yield Batch(cursor=dump_cursor(state), people=people, groups=groups)

    def _person(self, user: dict[str, Any]) -> PersonRecord:
        try:
            record = mapping.person_record(user)
        except (KeyError, TypeError, AttributeError) as exc:
            raise MalformedResponse(self.name, f"unreadable user: {exc!r}") from None
        self.roles[record.external_id] = user.get("role") or record.role
        self.known[record.external_id] = record
        return record

    def _people_named(self, ids: Iterable[str | None]) -> list[PersonRecord]:
        """Everyone a page names. Users not seen yet this pass are fetched 100 at a time;
        missing ones become placeholders so a deleted user never stops a sync. Sending
        them all with the page lets ingest look them up in one query."""
        named = {i for i in ids if i}
        wanted = sorted((i for i in named if i not in self.roles), key=lambda i: (len(i), i))
        for start in range(0, len(wanted), SHOW_MANY_LIMIT):
            chunk = wanted[start : start + SHOW_MANY_LIMIT]
            data = self.client.get_json(
                "/api/v2/users/show_many.json", params={"ids": ",".join(chunk)}
            )
            users = data.get("users") if isinstance(data, dict) else None
            if not isinstance(users, list):
                raise MalformedResponse(self.name, "users/show_many has no 'users' list")
            for user in users:
                if isinstance(user, dict) and user.get("id") is not None:
                    self._person(user)
            for missing in chunk:
                if missing not in self.roles:
                    self.roles[missing] = "customer"
                    self.known[missing] = mapping.placeholder_person(missing)
        return [self.known[i] for i in sorted(named, key=lambda i: (len(i), i))]

    def _export(self, path: str, params: dict[str, Any]) -> dict[str, Any] | None:
        """One incremental-export page; None when Zendesk says the start time is too recent
        (nothing new yet: the cursor stays where it is)."""
        response = self.client.request("GET", path, params=params, budget=EXPORT, ok=(400, 422))
        if response.status_code in (400, 422):
            body = self.client.redact(response.text[:300])
            if _too_recent(response.status_code, body):
                return None
            raise HttpError(
                self.name,
                f"GET {path} answered {response.status_code}: {body}",
                response.status_code,
                permanent=True,
            )
        data = self.client.decode(response, path)
        if not isinstance(data, dict):
            raise MalformedResponse(
                self.name, f"{path} returned {type(data).__name__}, not an object"
            )
        return data

    def _tickets(self, state: dict[str, Any]) -> Iterator[Batch]:
        reseeded = False
        followed: set[str] = set()
        while self._one_more_page("tickets"):
            position = state["tickets"]
            if position.get("cursor"):
                params: dict[str, Any] = {"cursor": position["cursor"]}
            else:
                params = {"start_time": int(position["start"])}
            params["per_page"] = self.ticket_page_size
            try:
                data = self._export(TICKETS_PATH, params)
            except HttpError as exc:
                if "cursor" not in params or exc.status not in (400, 422) or reseeded:
                    raise
                # A stored cursor the API no longer accepts: start again a little before
                # the newest change we stored; ingest makes the overlap harmless.
                reseeded = True
                high = int(position.get("high") or state["events"]["start"])
                log.warning(
                    "ticket export cursor rejected; restarting from a time",
                    extra={"source": self.name, "start_time": high - RESEED_MARGIN},
                )
                state["tickets"] = {"start": high - RESEED_MARGIN, "high": high}
                continue
            if data is None:
                return
            items = data.get("tickets")
            if not isinstance(items, list):
                raise MalformedResponse(self.name, f"{TICKETS_PATH} has no 'tickets' list")
            tickets: list[TicketRecord] = []
            unreadable: list[RejectedRecord] = []
            for item in items:
                try:
                    tickets.append(mapping.ticket_record(item, self.link_base))
                except (KeyError, TypeError, AttributeError, ValueError) as exc:
                    unreadable.append(_rejected("ticket", item, exc))
            people: list[PersonRecord] = []
            if tickets:
                yield from self._directory(state)
                people = self._people_named(
                    i for t in tickets for i in (t.requester_external_id, t.assignee_external_id)
                )
            after = data.get("after_cursor")
            stamps = [i.get("generated_timestamp") for i in items if isinstance(i, dict)]
            high = max([position.get("high") or 0, *[t for t in stamps if isinstance(t, int)]])
            if after:
                state["tickets"] = {"cursor": after, **({"high": high} if high else {})}
            yield Batch(
                cursor=dump_cursor(state),
                people=people,
                tickets=tickets,
                rejected=unreadable,
                stats={"stage": "tickets", "items": len(tickets)},
            )
            if data.get("end_of_stream") or not after:
                return
            if str(after) == position.get("cursor") or str(after) in followed:
                raise MalformedResponse(
                    self.name, f"{TICKETS_PATH} answered a repeated cursor without end_of_stream"
                )
            followed.add(str(after))

    def _events(self, state: dict[str, Any]) -> Iterator[Batch]:
        while self._one_more_page("events"):
            position = state["events"]
            start = int(position["start"])
            seen = {str(i) for i in position.get("seen", [])}
            params = {
                "start_time": start,
                "include": "comment_events",
                "per_page": self.event_page_size,
            }
            data = self._export(EVENTS_PATH, params)
            if data is None:
                return
            events = data.get("ticket_events")
            if not isinstance(events, list):
                raise MalformedResponse(self.name, f"{EVENTS_PATH} has no 'ticket_events' list")
            fresh = [e for e in events if isinstance(e, dict) and str(e.get("id")) not in seen]
            batch = Batch(cursor=None, stats={"stage": "events", "items": len(fresh)})
            if fresh:
                yield from self._directory(state)
                batch.people = self._people_named(_authors(fresh))
            for event in fresh:
                try:
                    found = mapping.event_records(event, self.roles, self.own_id)
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    batch.rejected.append(_rejected("event", event, exc))
                    continue
                batch.messages += found.messages
                batch.assignments += found.assignments
            end_of_stream = bool(data.get("end_of_stream"))
            state["events"] = self._next_events_position(start, seen, events, data, end_of_stream)
            batch.cursor = dump_cursor(state)
            yield batch
            if end_of_stream or not events:
                return

    def _next_events_position(
        self,
        start: int,
        seen: set[str],
        events: list[Any],
        data: dict[str, Any],
        end_of_stream: bool,
    ) -> dict[str, Any]:
        stamps = [_stamp(e) for e in events if isinstance(e, dict)]
        end_time = data.get("end_time")
        if not isinstance(end_time, int | float) or isinstance(end_time, bool):
            end_time = max([start, *[s for s in stamps if s is not None]])
        end_time = int(end_time)
        at_end = {str(e.get("id")) for e in events if isinstance(e, dict) and _stamp(e) == end_time}
        if end_time > start:
            return {"start": end_time, "seen": sorted(at_end)}
        if not end_of_stream and events:
            # A full page inside one second: asking again returns the same page. Move on.
            log.warning(
                "more ticket events in one second than a page holds; moving past it",
                extra={"source": self.name, "second": start},
            )
            return {"start": start + 1, "seen": []}
        return {"start": start, "seen": sorted(seen | at_end)}


def _rejected(kind: str, item: Any, exc: BaseException) -> RejectedRecord:
    """An item of a page that cannot be read: set aside by id (the rest of the page goes on)."""
    external_id = item.get("id") if isinstance(item, dict) else None
    return RejectedRecord(
        kind, str(external_id) if external_id is not None else "", type(exc).__name__
    )


def _stamp(event: dict[str, Any]) -> int | None:
    value = event.get("timestamp")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return int(value)
    return None


def _authors(events: list[dict[str, Any]]) -> Iterator[str]:
    """Everyone a page of events names: comment authors and assignees, old and new."""
    for event in events:
        children = event.get("child_events")
        for child in children if isinstance(children, list) else []:
            if not isinstance(child, dict):
                continue
            if child.get("author_id") is not None:
                yield str(child["author_id"])
            if child.get("event_type") == "Change" and "assignee_id" in child:
                for key in ("assignee_id", "previous_value"):
                    if child.get(key) not in (None, ""):
                        yield str(child[key])


def build(
    source: SourceConfig,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> ZendeskConnector:
    return ZendeskConnector(source, make_client(source, sleep=sleep, clock=clock))
