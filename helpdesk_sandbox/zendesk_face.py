"""The store rendered as the Zendesk Support API subset Follow-through uses, shaped as in
shared/api-notes/zendesk-freshdesk.md: cursor ticket export, time-based ticket events with
comment events (one-minute exclusion window), users, groups, ticket reads and updates,
tags with safe_update.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from datetime import datetime
from typing import Any

from helpdesk_sandbox.server import Reply, Request
from helpdesk_sandbox.store import Person, Store, StoreError, Ticket
from helpdesk_sandbox.zendesk_json import ZendeskJson, decode_cursor, encode_cursor, second

EXCLUSION_SECONDS = 60
NOT_FOUND = {"error": "RecordNotFound", "description": "Not found"}


class ZendeskFace:
    def __init__(
        self,
        store: Store,
        *,
        api_user: Person,
        token: str,
        oauth_token: str | None = None,
        page_size: int = 1000,
        host: str = "sandbox.zendesk.local",
    ):
        self.store = store
        self.api_user = api_user
        store.api_user_id = api_user.id
        self.token = token
        self.oauth_token = oauth_token
        self.page_size = page_size
        self.host = host
        self.json = ZendeskJson(store, host)
        self.routes: list[tuple[str, re.Pattern[str], Callable[..., Reply]]] = [
            ("GET", re.compile(r"/api/v2/users/me"), self.me),
            ("GET", re.compile(r"/api/v2/users/show_many"), self.show_many),
            ("GET", re.compile(r"/api/v2/users"), self.users),
            ("GET", re.compile(r"/api/v2/groups"), self.groups),
            ("GET", re.compile(r"/api/v2/group_memberships"), self.memberships),
            ("GET", re.compile(r"/api/v2/incremental/tickets/cursor"), self.ticket_export),
            ("GET", re.compile(r"/api/v2/incremental/ticket_events"), self.ticket_events),
            ("GET", re.compile(r"/api/v2/tickets/(\d+)/comments"), self.comments),
            ("GET", re.compile(r"/api/v2/tickets/(\d+)/tags"), self.tags),
            ("PUT", re.compile(r"/api/v2/tickets/(\d+)/tags"), self.add_tags),
            ("POST", re.compile(r"/api/v2/tickets/(\d+)/tags"), self.set_tags),
            ("DELETE", re.compile(r"/api/v2/tickets/(\d+)/tags"), self.remove_tags),
            ("GET", re.compile(r"/api/v2/tickets/(\d+)"), self.show_ticket),
            ("PUT", re.compile(r"/api/v2/tickets/(\d+)"), self.update_ticket),
        ]

    # -- plumbing --------------------------------------------------------------------------
    def handle(self, request: Request) -> Reply:
        if not self._authorised(request.headers.get("authorization", "")):
            return Reply(401, {"error": "Couldn't authenticate you"})
        path = request.path.removesuffix(".json")
        for method, pattern, handler in self.routes:
            match = pattern.fullmatch(path)
            if match and method == request.method:
                with self.store.lock:
                    return handler(request, *match.groups())
        return Reply(404, {"error": "InvalidEndpoint", "description": "Not found"})

    def _authorised(self, header: str) -> bool:
        kind, _, value = header.partition(" ")
        if kind == "Bearer":
            return bool(self.oauth_token) and value == self.oauth_token
        if kind != "Basic":
            return False
        try:
            user, _, secret = base64.b64decode(value).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return user == f"{self.api_user.email}/token" and secret == self.token

    def _now(self) -> int:
        return second(self.store.clock())

    def _url(self, path: str) -> str:
        return f"https://{self.host}{path}"

    def _list_page(self, request: Request, key: str, items: list[dict[str, Any]]) -> Reply:
        size = int(request.arg("page[size]") or 100)
        after = int(request.arg("page[after]") or 0)
        page = items[after : after + size]
        more = after + size < len(items)
        return Reply(
            200,
            {
                key: page,
                "meta": {"has_more": more, "after_cursor": str(after + size) if more else None},
                "links": {"next": self._url(f"/api/v2/{key}.json?page[after]={after + size}")}
                if more
                else {"next": None},
            },
        )

    # -- renderers -------------------------------------------------------------------------
    # -- directory -------------------------------------------------------------------------
    def me(self, request: Request) -> Reply:
        return Reply(200, {"user": self.json.user_json(self.api_user)})

    def users(self, request: Request) -> Reply:
        roles = set(request.query.get("role[]", []) + request.query.get("role", []))
        people = [p for p in self.store.people.values() if not roles or p.role in roles]
        return self._list_page(request, "users", [self.json.user_json(p) for p in people])

    def show_many(self, request: Request) -> Reply:
        raw = request.arg("ids") or ""
        ids = [int(i) for i in raw.split(",") if i.strip().isdigit()]
        if len(ids) > 100:
            return Reply(400, {"error": "InvalidValue", "description": "at most 100 ids"})
        found = [self.json.user_json(self.store.people[i]) for i in ids if i in self.store.people]
        return Reply(
            200, {"users": found, "next_page": None, "previous_page": None, "count": len(found)}
        )

    def groups(self, request: Request) -> Reply:
        return self._list_page(
            request, "groups", [self.json.group_json(g) for g in self.store.groups.values()]
        )

    def memberships(self, request: Request) -> Reply:
        rows = [
            {"id": p.id * 1000 + g, "user_id": p.id, "group_id": g, "default": i == 0}
            for p in self.store.people.values()
            for i, g in enumerate(p.group_ids)
        ]
        return self._list_page(request, "group_memberships", rows)

    # -- incremental exports ---------------------------------------------------------------
    def _too_recent(self) -> Reply:
        return Reply(
            400,
            {
                "error": "StartTimeTooRecent",
                "description": "Too recent start_time. Use a start_time older than 1 minute",
            },
        )

    def ticket_export(self, request: Request) -> Reply:
        now = self._now()
        horizon = now - EXCLUSION_SECONDS
        cursor, start = request.arg("cursor"), request.arg("start_time")
        if cursor and start:
            return Reply(
                400,
                {
                    "error": "InvalidPaginationParameter",
                    "description": "cursor or start_time, not both",
                },
            )
        if cursor:
            position = decode_cursor(cursor)
            if position is None:
                return Reply(
                    400, {"error": "InvalidPaginationParameter", "description": "bad cursor"}
                )
        elif start is not None and start.isdigit():
            if int(start) > horizon:
                return self._too_recent()
            position = (int(start), 0)
        else:
            return Reply(
                400, {"error": "InvalidValue", "description": "start_time or cursor is required"}
            )
        size = min(int(request.arg("per_page") or self.page_size), self.page_size)
        page, more = self.store.tickets_changed_after(position, horizon, size)
        if page:
            position = (second(page[-1].changed_at), page[-1].id)
        next_cursor = encode_cursor(*position)
        return Reply(
            200,
            {
                "tickets": [self.json.ticket_json(t) for t in page],
                "after_url": self._url(
                    f"/api/v2/incremental/tickets/cursor.json?cursor={next_cursor}"
                ),
                "after_cursor": next_cursor,
                "before_url": None,
                "before_cursor": None,
                "end_of_stream": not more,
            },
        )

    def ticket_events(self, request: Request) -> Reply:
        start = request.arg("start_time")
        if start is None or not start.isdigit():
            return Reply(400, {"error": "InvalidValue", "description": "start_time is required"})
        horizon = self._now() - EXCLUSION_SECONDS
        if int(start) > horizon:
            return self._too_recent()
        size = min(int(request.arg("per_page") or self.page_size), self.page_size)
        found = self.store.updates_from(int(start), size)
        page = [u for u in found if u.second <= horizon]
        following = self.store.updates_from(page[-1].second + 1 if page else int(start), 1)
        more = len(page) == len(found) and bool(following) and following[0].second <= horizon
        include_comments = "comment_events" in (request.arg("include") or "")
        events = [self.json.event_json(u) for u in page]
        if not include_comments:
            for event, update in zip(events, page, strict=True):
                event["child_events"] = [
                    c
                    for c in event["child_events"]
                    if c.get("event_type") not in ("Comment", "VoiceComment")
                ]
                if update.comments:
                    event["child_events"].append(
                        {
                            "comment_present": True,
                            "comment_public": any(c.public for c in update.comments),
                        }
                    )
        end_time = page[-1].second if page else int(start)
        return Reply(
            200,
            {
                "ticket_events": events,
                "count": len(events),
                "end_of_stream": not more,
                "end_time": end_time,
                "next_page": self._url(
                    f"/api/v2/incremental/ticket_events.json?start_time={end_time}"
                ),
            },
        )

    # -- tickets and write-back ------------------------------------------------------------
    def _ticket(self, ticket_id: str) -> Ticket | None:
        ticket = self.store.tickets.get(int(ticket_id))
        return None if ticket is None or ticket.status == "deleted" else ticket

    def show_ticket(self, request: Request, ticket_id: str) -> Reply:
        ticket = self._ticket(ticket_id)
        if ticket is None:
            return Reply(404, NOT_FOUND)
        return Reply(200, {"ticket": self.json.ticket_json(ticket)})

    def comments(self, request: Request, ticket_id: str) -> Reply:
        ticket = self._ticket(ticket_id)
        if ticket is None:
            return Reply(404, NOT_FOUND)
        rows = [self.json.comment_json(c) for c in self.store.comments_of(ticket.id)]
        return Reply(200, {"comments": rows, "next_page": None, "count": len(rows)})

    def tags(self, request: Request, ticket_id: str) -> Reply:
        ticket = self._ticket(ticket_id)
        if ticket is None:
            return Reply(404, NOT_FOUND)
        return Reply(200, {"tags": list(ticket.tags)})

    def _error(self, error: StoreError) -> Reply:
        if error.kind == "not_found":
            return Reply(404, NOT_FOUND)
        if error.kind == "conflict":
            return Reply(
                409,
                {
                    "error": "UpdateConflict",
                    "description": "Ticket was updated since updated_stamp",
                },
            )
        return Reply(
            422,
            {
                "error": "RecordInvalid",
                "description": "Record validation errors",
                "details": {"status": [{"description": str(error)}]},
            },
        )

    def _stamp(self, body: dict[str, Any]) -> datetime | Reply | None:
        if not body.get("safe_update"):
            return None
        stamp = body.get("updated_stamp")
        try:
            return datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
        except ValueError:
            return Reply(
                400,
                {
                    "error": "InvalidValue",
                    "description": "updated_stamp is required with safe_update",
                },
            )

    def _tag_change(self, request: Request, ticket_id: str, mode: str) -> Reply:
        try:
            body = request.json()
        except ValueError:
            return Reply(400, {"error": "InvalidJSON"})
        tags = [str(t) for t in body.get("tags") or []]
        stamp = self._stamp(body)
        if isinstance(stamp, Reply):
            return stamp
        if self._ticket(ticket_id) is None:
            return Reply(404, NOT_FOUND)
        ticket = self.store.tickets[int(ticket_id)]
        add, remove = (tags, []) if mode != "remove" else ([], tags)
        if mode == "set":
            remove = [t for t in ticket.tags if t not in tags]
        try:
            result = self.store.change_tags(
                ticket.id, add, remove, actor_id=self.api_user.id, expect_updated_at=stamp
            )
        except StoreError as error:
            return self._error(error)
        return Reply(200, {"tags": result})

    def add_tags(self, request: Request, ticket_id: str) -> Reply:
        return self._tag_change(request, ticket_id, "add")

    def set_tags(self, request: Request, ticket_id: str) -> Reply:
        return self._tag_change(request, ticket_id, "set")

    def remove_tags(self, request: Request, ticket_id: str) -> Reply:
        return self._tag_change(request, ticket_id, "remove")

    def update_ticket(self, request: Request, ticket_id: str) -> Reply:
        try:
            body = (request.json() or {}).get("ticket") or {}
        except (ValueError, AttributeError):
            return Reply(400, {"error": "InvalidJSON"})
        if self._ticket(ticket_id) is None:
            return Reply(404, NOT_FOUND)
        ticket = self.store.tickets[int(ticket_id)]
        stamp = self._stamp(body)
        if isinstance(stamp, Reply):
            return stamp
        try:
            if stamp is not None and ticket.updated_at != stamp:
                raise StoreError("conflict", "changed since updated_stamp")
            if ticket.status == "closed":
                raise StoreError("closed", "Status: closed prevents ticket update")
            comment = body.get("comment")
            if isinstance(comment, dict):
                text = comment.get("body") or comment.get("html_body") or ""
                self.store.add_comment(
                    ticket.id,
                    self.api_user,
                    str(text),
                    # like Zendesk: without an explicit flag the ticket's default (public)
                    public=bool(comment.get("public", True)),
                    html_body=comment.get("html_body"),
                    channel="api",
                )
            for item in body.get("custom_fields") or []:
                if isinstance(item, dict) and "id" in item:
                    self.store.set_custom_field(
                        ticket.id, int(item["id"]), item.get("value"), actor_id=self.api_user.id
                    )
        except StoreError as error:
            return self._error(error)
        return Reply(
            200, {"ticket": self.json.ticket_json(ticket), "audit": {"ticket_id": ticket.id}}
        )
