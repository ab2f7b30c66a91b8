"""The store rendered as the Freshdesk API v2 subset Follow-through uses, shaped as in
shared/api-notes/zendesk-freshdesk.md §2: the ticket list (`updated_since`, ordering,
`Link` paging, the page cap answered with the documented 400, the hidden 30-day default,
spam/deleted filters, include credits), conversations, agents, groups, agents/me, private
notes and ticket updates whose tag list replaces the old one.
"""

from __future__ import annotations

import base64
import binascii
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from helpdesk_sandbox.freshdesk_json import (
    STATUS_CODES,
    agent_json,
    conversation_json,
    group_json,
    ticket_json,
)
from helpdesk_sandbox.server import Reply, Request
from helpdesk_sandbox.store import Person, Store, StoreError, Ticket

INCLUDES = ("description", "requester", "stats", "company")
NOT_FOUND = {"code": "access_denied", "message": "The requested resource was not found"}


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None


def _parse(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _validation(field: str, message: str, code: str = "invalid_value") -> Reply:
    return Reply(
        400,
        {
            "description": "Validation failed",
            "errors": [{"field": field, "message": message, "code": code}],
        },
    )


class FreshdeskFace:
    def __init__(
        self,
        store: Store,
        *,
        api_user: Person,
        api_key: str,
        page_cap: int = 300,
        max_per_page: int = 100,
        credits_per_minute: int = 5000,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.store = store
        self.api_user = api_user
        store.api_user_id = api_user.id
        self.api_key = api_key
        self.page_cap = page_cap
        self.max_per_page = max_per_page  # a longer page asked for is cut to this
        self.credits_per_minute = credits_per_minute
        self.clock = clock
        self.spent: deque[tuple[float, int]] = deque()
        self.spent_lock = threading.Lock()
        self.field_ids: dict[str, int] = {"cf_promise_due": 1}
        self.routes: list[tuple[str, re.Pattern[str], Callable[..., Reply]]] = [
            ("GET", re.compile(r"/api/v2/agents/me"), self.me),
            ("GET", re.compile(r"/api/v2/agents"), self.agents),
            ("GET", re.compile(r"/api/v2/groups"), self.groups),
            ("GET", re.compile(r"/api/v2/tickets"), self.tickets),
            ("GET", re.compile(r"/api/v2/tickets/(\d+)/conversations"), self.conversations),
            ("POST", re.compile(r"/api/v2/tickets/(\d+)/notes"), self.add_note),
            ("GET", re.compile(r"/api/v2/tickets/(\d+)"), self.show_ticket),
            ("PUT", re.compile(r"/api/v2/tickets/(\d+)"), self.update_ticket),
        ]

    # -- plumbing --------------------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        if not self._authorised(request.headers.get("authorization", "")):
            return Reply(
                401,
                {
                    "code": "invalid_credentials",
                    "message": "You have to be logged in to perform this action.",
                },
            )
        includes = [i for i in (request.arg("include") or "").split(",") if i]
        cost = 1 + 2 * len(includes)
        for method, pattern, handler in self.routes:
            match = pattern.fullmatch(request.path)
            if match and method == request.method:
                with self.store.lock:
                    reply = handler(request, *match.groups())
                break
        else:
            reply = Reply(404, {"code": "invalid_path", "message": "No such endpoint"})
        reply.headers.update(self._rate_headers(cost))
        return reply

    def _authorised(self, header: str) -> bool:
        kind, _, value = header.partition(" ")
        if kind != "Basic":
            return False
        try:
            user, _, _password = base64.b64decode(value).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return user == self.api_key  # the key is the user name; the password is ignored

    def _rate_headers(self, cost: int) -> dict[str, str]:
        with self.spent_lock:
            now = self.clock()
            while self.spent and now - self.spent[0][0] >= 60:
                self.spent.popleft()
            self.spent.append((now, cost))
            used = sum(c for _, c in self.spent)
        return {
            "X-RateLimit-Total": str(self.credits_per_minute),
            "X-RateLimit-Remaining": str(max(0, self.credits_per_minute - used)),
            "X-RateLimit-Used-CurrentRequest": str(cost),
        }

    def _paged(
        self,
        request: Request,
        rows: list[Any],
        render: Callable[[Any], Any] = lambda row: row,
        *,
        default: int = 30,
    ) -> Reply:
        """One page of `rows`, rendered (only that page: lists can be long), with `Link`."""
        try:
            per_page = int(request.arg("per_page") or default)
            page = int(request.arg("page") or 1)
        except ValueError:
            return _validation("page", "It should be a Positive Number", "datatype_mismatch")
        if not 1 <= per_page <= 100:
            return _validation("per_page", "Has to be less than or equal to 100")
        if page < 1:
            return _validation("page", "It should be a Positive Number")
        per_page = min(per_page, self.max_per_page)
        chunk = rows[(page - 1) * per_page : page * per_page]
        headers = {}
        if page * per_page < len(rows):
            query = {k: v[0] for k, v in request.query.items()}
            query["page"] = str(page + 1)
            host = request.headers.get("host", "127.0.0.1")
            headers["Link"] = f'<http://{host}{request.path}?{urlencode(query)}>; rel="next"'
        return Reply(200, [render(row) for row in chunk], headers)

    # -- directory -------------------------------------------------------------------------
    def me(self, request: Request) -> Reply:
        return Reply(200, agent_json(self.api_user))

    def agents(self, request: Request) -> Reply:
        people = sorted(self.store.agents(), key=lambda p: p.id)
        return self._paged(request, [agent_json(p) for p in people])

    def groups(self, request: Request) -> Reply:
        groups = sorted(self.store.groups.values(), key=lambda g: g.id)
        return self._paged(request, [group_json(g, self.store) for g in groups])

    # -- tickets ---------------------------------------------------------------------------
    def tickets(self, request: Request) -> Reply:
        includes = [i for i in (request.arg("include") or "").split(",") if i]
        unknown = [i for i in includes if i not in INCLUDES]
        if unknown:
            return _validation("include", f"It should be one of these values: {INCLUDES}")
        try:
            page = int(request.arg("page") or 1)
        except ValueError:
            page = 1
        if page > self.page_cap:
            return _validation(
                "page",
                f"You cannot access tickets beyond the {self.page_cap}th page. Please provide "
                "a smaller page number.",
            )
        since_text = request.arg("updated_since")
        since = _parse(since_text)
        if since_text is not None and since is None:
            return _validation("updated_since", "It should be in the 'valid date' format")
        flt = request.arg("filter")
        order_by = request.arg("order_by") or "created_at"
        if order_by not in ("created_at", "updated_at", "due_by", "status"):
            return _validation("order_by", "It should be one of these values: 'created_at,…'")
        descending = (request.arg("order_type") or "desc") == "desc"
        month_ago = self.store.clock() - timedelta(days=30)
        rows = []
        for ticket in self.store.tickets.values():
            if (flt == "deleted") != (ticket.status == "deleted"):
                continue
            if (flt == "spam") != ticket.spam and flt != "deleted":
                continue  # spam is listed only when asked for, and then only spam
            if since is not None and (ticket.updated_at is None or ticket.updated_at < since):
                continue
            if since is None and (ticket.created_at is None or ticket.created_at < month_ago):
                continue  # Freshdesk's hidden default: created in the last 30 days
            rows.append(ticket)
        key: Callable[[Ticket], Any] = {
            "created_at": lambda t: (t.created_at, t.id),
            "updated_at": lambda t: (t.updated_at, t.id),
            "due_by": lambda t: (t.created_at, t.id),
            "status": lambda t: (STATUS_CODES.get(t.status, 5), t.id),
        }[order_by]
        rows.sort(key=key, reverse=descending)
        return self._paged(
            request, rows, lambda t: ticket_json(t, self.store, self.field_ids, includes)
        )

    def _ticket(self, ticket_id: str) -> Ticket | None:
        ticket = self.store.tickets.get(int(ticket_id))
        return None if ticket is None or ticket.status == "deleted" else ticket

    def show_ticket(self, request: Request, ticket_id: str) -> Reply:
        ticket = self._ticket(ticket_id)
        if ticket is None:
            return Reply(404, NOT_FOUND)
        return Reply(200, ticket_json(ticket, self.store, self.field_ids))

    def conversations(self, request: Request, ticket_id: str) -> Reply:
        ticket = self._ticket(ticket_id)
        if ticket is None:
            return Reply(404, NOT_FOUND)
        comments = self.store.comments_of(ticket.id)[1:]  # the first is the description
        return self._paged(request, [conversation_json(c, self.store) for c in comments])

    # -- write-back ------------------------------------------------------------------------
    def _error(self, error: StoreError) -> Reply:
        if error.kind == "not_found":
            return Reply(404, NOT_FOUND)
        return _validation("status", str(error))

    def add_note(self, request: Request, ticket_id: str) -> Reply:
        try:
            body = request.json()
        except ValueError:
            return Reply(400, {"description": "Validation failed", "errors": []})
        if not isinstance(body, dict) or not str(body.get("body") or "").strip():
            return _validation("body", "It should not be blank", "missing_field")
        if self._ticket(ticket_id) is None:
            return Reply(404, NOT_FOUND)
        html_body = str(body["body"])
        text = re.sub(r"<br\s*/?>|</p>", "\n", html_body)
        text = re.sub(r"<[^>]+>", "", text).strip()
        try:
            comment = self.store.add_comment(
                int(ticket_id),
                self.api_user,
                text,
                public=not bool(body.get("private", True)),  # Freshdesk: private by default
                html_body=html_body,
                channel="api",
            )
        except StoreError as error:
            return self._error(error)
        return Reply(201, conversation_json(comment, self.store))

    def update_ticket(self, request: Request, ticket_id: str) -> Reply:
        try:
            body = request.json()
        except ValueError:
            return Reply(400, {"description": "Validation failed", "errors": []})
        if not isinstance(body, dict):
            return _validation("body", "It should be a JSON object", "datatype_mismatch")
        ticket = self._ticket(ticket_id)
        if ticket is None:
            return Reply(404, NOT_FOUND)
        unknown = [k for k in body if k not in ("tags", "custom_fields")]
        if unknown:
            return _validation(unknown[0], "Unexpected/invalid field in request", "invalid_field")
        fields = body.get("custom_fields") or {}
        if not isinstance(fields, dict):
            return _validation("custom_fields", "It should be key/value pairs", "datatype_mismatch")
        for name in fields:
            if not str(name).startswith("cf_"):
                return _validation(str(name), "Unexpected/invalid field", "invalid_field")
        try:
            if "tags" in body:
                tags = [str(t) for t in body.get("tags") or []]
                if any(len(t) > 32 for t in tags):
                    return _validation("tags", "Each tag can have at most 32 characters")
                # PUT replaces the whole list
                self.store.change_tags(
                    ticket.id,
                    [t for t in tags if t not in ticket.tags],
                    [t for t in ticket.tags if t not in tags],
                    actor_id=self.api_user.id,
                )
            for name, value in fields.items():
                field_id = self.field_ids.setdefault(str(name), len(self.field_ids) + 1)
                self.store.set_custom_field(ticket.id, field_id, value, actor_id=self.api_user.id)
        except StoreError as error:
            return self._error(error)
        return Reply(200, ticket_json(ticket, self.store, self.field_ids))
