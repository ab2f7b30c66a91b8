"""The Freshdesk connector: changed tickets since the cursor, as plain records, a page at a time.

Each yielded Batch carries the cursor to store with it (in the same transaction), so a
pass interrupted anywhere resumes after the last stored page and loses nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from integrations.base import load_cursor
from integrations.freshdesk import mapping
from integrations.freshdesk.client import (
    DEFAULT_REQUESTS_PER_MINUTE,
    FreshdeskClient,
    base_url_for,
)
from integrations.freshdesk.mapping import PayloadError
from integrations.freshdesk.polling import PASSES, PollState, Window
from integrations.freshdesk.writeback import FreshdeskWriteBack
from integrations.http import CallStats, HttpAuthError, HttpError, MalformedResponse
from tracker.config import SourceConfig
from tracker.ingest.records import Batch, MessageRecord, PersonRecord, RejectedRecord

log = logging.getLogger(__name__)

DEFAULT_PAGE_CAP = 300
DIRECTORY_EVERY = timedelta(hours=1)  # agents and groups change rarely
# Conversations have no server-side filter; keep those touched since the pass in progress
# began (polling.Window.floor), with room for the two clocks to disagree a little.
CONVERSATION_MARGIN = timedelta(minutes=5)
MAIN_INCLUDES = ("description", "requester")  # +2 credits each per page of 100 tickets


class FreshdeskConnector(FreshdeskWriteBack):
    """A `Poller` and (through FreshdeskWriteBack) a `TicketWriter` (tracker.sources)."""

    def __init__(
        self,
        name: str,
        client: FreshdeskClient,
        *,
        backfill: timedelta = timedelta(days=14),
        page_cap: int = DEFAULT_PAGE_CAP,
        due_field: str | None = None,
    ):
        super().__init__(name, client, due_field=due_field)
        self.backfill = backfill
        self.page_cap = page_cap

    @property
    def http_stats(self) -> CallStats:
        return self.client.stats

    @property
    def stats(self) -> CallStats:
        return self.client.stats

    # ---- one record again (tracker.ingest.retry) ----------------------------------------
    def refetch(
        self,
        kind: str,
        external_id: str,
        *,
        cursor: str | None = None,
        now: datetime | None = None,
    ) -> Batch | None:
        """A ticket set aside (or its description), with its conversations:
        `GET /tickets/{id}` and `/tickets/{id}/conversations`. A conversation alone names
        no ticket (None); neither does a ticket deleted since (404)."""
        if kind == "message" and external_id.endswith(":description"):
            external_id = external_id.removesuffix(":description")
        elif kind != "ticket":
            return None
        if not external_id.isdigit():
            return None
        path = f"/api/v2/tickets/{external_id}"
        ticket, _, status = self.client.get(path, includes=("requester",), ok=(404,))
        if status == 404:
            return None
        if not isinstance(ticket, dict):
            raise MalformedResponse(self.name, f"{path}: expected a JSON object")
        me = load_cursor(cursor).get("me")
        batch = Batch(cursor=None, stats={"pass": "refetch"})
        try:
            record = mapping.ticket_record(ticket, self.client.base_url)
        except (PayloadError, TypeError, AttributeError) as exc:
            batch.rejected.append(_rejected("ticket", external_id, exc))
            return batch
        batch.tickets.append(record)
        requester = mapping.requester_record(ticket)
        batch.people += [requester] if requester else []
        everything = datetime.min.replace(tzinfo=UTC)  # every conversation, not only new ones
        batch.messages += self._messages(
            ticket, record.external_id, str(me) if me else None, everything, batch.rejected
        )
        return batch

    # ---- polling ----------------------------------------------------------------
    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]:
        try:
            state = PollState.loads(cursor, now - self.backfill)
        except PayloadError as exc:
            raise MalformedResponse(self.name, str(exc)) from None
        if (
            state.me is None
            or state.directory_at is None
            or now - state.directory_at > DIRECTORY_EVERY
        ):
            yield self._directory(state, now)
        for pass_name in PASSES:
            if pass_name == "all":
                yield from self._pass(state, pass_name)
                continue
            try:
                yield from self._pass(state, pass_name)
            except HttpAuthError as exc:
                if exc.status != 403:
                    raise
                # Listing spam or deleted tickets may need more rights than the key's
                # agent has; the main pass is what matters, so carry on without them.
                message = f"{self.name}: {pass_name} tickets are not readable (403); skipped"
                log.warning(message)
                yield Batch(cursor=None, stats={"warnings": [message], "pass": pass_name})

    def _directory(self, state: PollState, now: datetime) -> Batch:
        me = self.client.me()
        if mapping.external_id(me.get("id")) is None:
            raise MalformedResponse(self.name, "/api/v2/agents/me: no agent id in the answer")
        warnings: list[str] = []
        people = [r for r in map(mapping.agent_record, self._listing("agents", warnings)) if r]
        groups = [r for r in map(mapping.group_record, self._listing("groups", warnings)) if r]
        state.me, state.directory_at = str(me["id"]), now
        return Batch(
            cursor=state.dumps(),
            people=people,
            groups=groups,
            stats={"step": "directory", "warnings": warnings},
        )

    def _listing(self, what: str, warnings: list[str]) -> list[dict[str, Any]]:
        """Agents or groups; a key without the admin rights to list them (403) still syncs
        tickets (agents then appear as placeholders named by id)."""
        try:
            return self.client.agents() if what == "agents" else self.client.groups()
        except HttpAuthError as exc:
            if exc.status != 403:
                raise
            message = f"{self.name}: listing {what} is forbidden (403); synced without them"
            log.warning(message)
            warnings.append(message)
            return []

    def _pass(self, state: PollState, pass_name: str) -> Iterator[Batch]:
        window = state.windows[pass_name]
        if window.floor is None:
            window.floor = window.since
        opened = window.floor - CONVERSATION_MARGIN
        while True:
            params: dict[str, Any] = {
                "updated_since": mapping.format_time(window.since),
                "order_by": "updated_at",
                "order_type": "asc",
                "page": window.page,
            }
            if pass_name != "all":
                params["filter"] = pass_name
            includes = MAIN_INCLUDES if pass_name == "all" else ()
            try:
                items, more, served = self.client.tickets_page(params, includes)
            except HttpError as exc:
                if not _is_page_wall(exc):
                    raise
                items, more, served = [], True, None  # the server's cap is lower than ours
                window.page = self.page_cap + 1
            if window.page > self.page_cap:
                yield self._stuck(state, window, pass_name)
                continue
            batch, done = self._page(state, window, pass_name, items, opened, served, more)
            yield batch
            if done:
                return
            if window.page > self.page_cap:
                yield self._stuck(state, window, pass_name)

    def _stuck(self, state: PollState, window: Window, pass_name: str) -> Batch:
        message = (
            f"{self.name}: more than {self.page_cap} pages of tickets share updated_at "
            f"{mapping.format_time(window.since)} ({pass_name} pass); no query can get past "
            "that second, so polling steps one second on. Tickets updated in that second "
            "beyond the first pages may be missed until they change again."
        )
        log.error(message)
        window.step_over()
        return Batch(cursor=state.dumps(), stats={"warnings": [message], "pass": pass_name})

    def _page(
        self,
        state: PollState,
        window: Window,
        pass_name: str,
        items: list[dict[str, Any]],
        opened: datetime,
        served: datetime | None,
        more: bool,
    ) -> tuple[Batch, bool]:
        """One page's records and the cursor after it; True when the pass is done."""
        forced = None if pass_name == "all" else pass_name
        rejected: list[RejectedRecord] = []
        readable: list[dict[str, Any]] = []
        listed: list[tuple[int, datetime]] = []
        for t in items:
            try:
                tid = mapping.ticket_id(t)
                updated = mapping.parse_time(t.get("updated_at"), f"ticket {tid} updated_at")
            except PayloadError as exc:
                rejected.append(_rejected("ticket", t.get("id"), exc))
                continue
            readable.append(t)
            listed.append((tid, updated))
        items = readable
        leaving = window.leaves_crowded_second(listed)
        done = (not more or not items) and not leaving
        if done:
            window.floor = None  # this pass completes with this page
        batch = Batch(
            cursor=None, rejected=rejected, stats={"pass": pass_name, "listed": len(items)}
        )
        fresh = 0
        for ticket, (tid, updated) in zip(items, listed, strict=True):
            if not window.is_new(tid, updated):
                continue  # the inclusive boundary gave it to us again
            if leaving and updated > window.since:
                continue  # read from page 1 once the crowded second is done
            try:
                record = mapping.ticket_record(ticket, self.client.base_url, forced)
            except (PayloadError, TypeError, AttributeError) as exc:
                batch.rejected.append(_rejected("ticket", tid, exc))
                continue
            fresh += 1
            batch.tickets.append(record)
            requester = mapping.requester_record(ticket)
            if requester:
                batch.people.append(requester)
            if forced:  # spam / deleted: the status is what matters, not the thread
                continue
            batch.messages.extend(
                self._messages(ticket, record.external_id, state.me, opened, batch.rejected)
            )
        batch.people = _unique_people(batch.people)
        batch.stats["tickets"] = fresh
        window.advance(listed, served, done)
        batch.cursor = state.dumps()
        return batch, done

    def _messages(
        self,
        ticket: dict[str, Any],
        external_id: str,
        me: str | None,
        opened: datetime,
        rejected: list[RejectedRecord],
    ) -> list[MessageRecord]:
        messages: list[MessageRecord] = []
        try:
            description = mapping.description_record(ticket)
        except (PayloadError, TypeError, AttributeError) as exc:
            rejected.append(_rejected("message", f"{external_id}:description", exc))
        else:
            messages += [description] if description else []
        for conversation in self.client.conversations(external_id):
            try:
                touched = mapping.conversation_time(conversation)
                if touched is not None and touched < opened:
                    continue  # stored by an earlier pass
                messages.append(mapping.conversation_record(conversation, external_id, me))
            except (PayloadError, TypeError, AttributeError) as exc:
                rejected.append(_rejected("message", conversation.get("id"), exc))
        return messages


def _rejected(kind: str, external_id: Any, exc: BaseException) -> RejectedRecord:
    """An item that cannot be read: set aside by id (never its text); the page goes on."""
    shown = str(external_id) if external_id is not None else ""
    return RejectedRecord(kind, shown, type(exc).__name__)


def _is_page_wall(exc: HttpError) -> bool:
    """Freshdesk's 400 for page 301: 'You cannot access tickets beyond the 300th page'."""
    return exc.status == 400 and "beyond the" in str(exc) and "page" in str(exc)


def _unique_people(people: list[PersonRecord]) -> list[PersonRecord]:
    return list({p.external_id: p for p in people}.values())


def build(
    source: SourceConfig,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> FreshdeskConnector:
    api_key = source.secret("api_key")
    if not api_key:
        where = source.get("api_key_env") or source.get("api_key_file") or "api_key_env"
        raise HttpError(source.name, f"no API key: set {where}", permanent=True)
    try:
        base_url = base_url_for(source.get("domain"), source.get("url"))
    except ValueError as exc:
        raise HttpError(source.name, str(exc), permanent=True) from None
    client = FreshdeskClient(
        source.name,
        base_url,
        api_key,
        requests_per_minute=int(source.get("requests_per_minute", DEFAULT_REQUESTS_PER_MINUTE)),
        timeout=float(source.get("timeout", 30.0)),
        sleep=sleep,
        clock=clock,
    )
    return FreshdeskConnector(
        source.name,
        client,
        backfill=source.backfill.delta,
        page_cap=int(source.get("page_cap", DEFAULT_PAGE_CAP)),
        due_field=source.get("due_field"),
    )
