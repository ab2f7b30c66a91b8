"""Freshdesk v2 as the api-notes document it, played by `responses` callbacks.

Payload shapes follow /work/shared/api-notes/zendesk-freshdesk.md §2: bare JSON arrays,
`Link: <…>; rel="next"` paging, `updated_since` inclusive at second precision, a page cap
answered by the documented 400, spam/deleted hidden unless `filter=` asks for them,
include credits in `X-RateLimit-Used-CurrentRequest`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import responses

BASE = "https://acme.freshdesk.com"
KEY = "fd-secret-key-123"
ME = 900


def iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def ticket(tid: int, updated: datetime, **extra: Any) -> dict[str, Any]:
    body = {
        "id": tid,
        "subject": f"Order {tid}",
        "status": 2,
        "priority": 1,
        "source": 1,
        "type": None,
        "requester_id": 5000 + tid,
        "responder_id": 901,
        "group_id": 70,
        "company_id": None,
        "tags": [],
        "custom_fields": {"cf_promise_due": None},
        "due_by": iso(updated + timedelta(days=3)),
        "fr_due_by": iso(updated + timedelta(days=1)),
        "is_escalated": False,
        "fr_escalated": False,
        "spam": False,
        "deleted": False,
        "created_at": iso(updated - timedelta(hours=1)),
        "updated_at": iso(updated),
        "description": f"<div>Where is order {tid}?</div>",
        "description_text": f"Where is order {tid}?",
    }
    body.update(extra)
    return body


def conversation(
    cid: int, tid: int, at: datetime, text: str, *, user_id: int = 901, **extra: Any
) -> dict[str, Any]:
    body = {
        "id": cid,
        "ticket_id": tid,
        "user_id": user_id,
        "body": f"<div>{text}</div>",
        "body_text": text,
        "incoming": False,
        "private": False,
        "source": 0,
        "category": 3,
        "support_email": "support@acme.freshdesk.com",
        "to_emails": ["customer@example.com"],
        "from_email": "support@acme.freshdesk.com",
        "cc_emails": [],
        "bcc_emails": [],
        "attachments": [],
        "source_additional_info": None,
        "created_at": iso(at),
        "updated_at": iso(at),
    }
    body.update(extra)
    return body


def agent(aid: int, name: str, email: str, tz: str = "London") -> dict[str, Any]:
    return {
        "id": aid,
        "available": True,
        "occasional": False,
        "ticket_scope": 1,
        "group_ids": [70],
        "role_ids": [1],
        "signature": None,
        "contact": {"name": name, "email": email, "time_zone": tz},
        "created_at": "2024-01-01T00:00:00Z",
        "updated_at": "2024-01-01T00:00:00Z",
    }


PAGE_WALL = {
    "description": "Validation failed",
    "errors": [
        {
            "field": "page",
            "message": "You cannot access tickets beyond the 300th page. Please provide a "
            "smaller page number.",
            "code": "invalid_value",
        }
    ],
}


@dataclass
class FakeFreshdesk:
    tickets: dict[int, dict[str, Any]] = field(default_factory=dict)
    conversations: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    agents: list[dict[str, Any]] = field(
        default_factory=lambda: [
            agent(ME, "Follow-through", "ft@acme.example"),
            agent(901, "Amy Agent", "amy@acme.example", "Chennai"),
            agent(902, "Bob Agent", "bob@acme.example", "Eastern Time (US & Canada)"),
        ]
    )
    groups: list[dict[str, Any]] = field(
        default_factory=lambda: [
            {"id": 70, "name": "Tier 1", "agent_ids": [901, 902], "escalate_to": 902},
            {"id": 71, "name": "Billing", "agent_ids": [902], "escalate_to": None},
        ]
    )
    page_cap: int = 300
    per_page_max: int = 100
    list_calls: list[dict[str, str]] = field(default_factory=list)
    served_at: datetime | None = None  # the `Date` header to send, when set
    # "METHOD /path" regex -> [status, body, headers, times left]
    fail_at: dict[str, list[Any]] = field(default_factory=dict)

    def add(self, *tickets: dict[str, Any]) -> None:
        for item in tickets:
            self.tickets[item["id"]] = item

    def install(self, mock: responses.RequestsMock) -> None:
        api = re.compile(re.escape(BASE) + r"/api/v2/.*")
        for method in ("GET", "POST", "PUT"):
            mock.add_callback(method, api, callback=self.handle)

    # ---- dispatch -----------------------------------------------------------------
    def handle(self, request: Any) -> tuple[int, dict[str, str], str]:
        url = urlsplit(request.url)
        path = url.path
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        for pattern, failure in list(self.fail_at.items()):
            status, body, extra, times = failure
            said = (f"{request.method} {path}", f"{request.method} {path}?{url.query}")
            if times and any(re.fullmatch(pattern, form) for form in said):
                failure[3] -= 1
                return status, extra, body if isinstance(body, str) else json.dumps(body)
        includes = [i for i in query.get("include", "").split(",") if i]
        headers = {
            "Content-Type": "application/json",
            "X-RateLimit-Total": "5000",
            "X-RateLimit-Remaining": "4000",
            "X-RateLimit-Used-CurrentRequest": str(1 + 2 * len(includes)),
        }
        if self.served_at is not None:
            headers["Date"] = format_datetime(self.served_at, usegmt=True)
        if request.method == "GET" and path == "/api/v2/tickets":
            return self._list(query, headers)
        if request.method == "GET" and path == "/api/v2/agents/me":
            return 200, headers, json.dumps(self.agents[0])
        if request.method == "GET" and path == "/api/v2/agents":
            return self._paged(self.agents, path, query, headers)
        if request.method == "GET" and path == "/api/v2/groups":
            return self._paged(self.groups, path, query, headers)
        match = re.fullmatch(r"/api/v2/tickets/(\d+)(/conversations|/notes)?", path)
        if match:
            tid, tail = int(match.group(1)), match.group(2)
            if tid not in self.tickets:
                return 404, headers, ""
            if tail == "/conversations" and request.method == "GET":
                return self._paged(self.conversations.get(tid, []), path, query, headers)
            if tail == "/notes" and request.method == "POST":
                return self._note(tid, json.loads(request.body), headers)
            if tail is None and request.method == "GET":
                return 200, headers, json.dumps(self.tickets[tid])
            if tail is None and request.method == "PUT":
                return self._update(tid, json.loads(request.body), headers)
        return 404, headers, json.dumps({"code": "not_found"})

    def _paged(
        self, items: list[dict[str, Any]], path: str, query: dict[str, str], headers: dict
    ) -> tuple[int, dict[str, str], str]:
        per_page = min(int(query.get("per_page", 30)), self.per_page_max)
        page = int(query.get("page", 1))
        chunk = items[(page - 1) * per_page : page * per_page]
        if page * per_page < len(items):
            nxt = {**query, "page": str(page + 1)}
            headers["Link"] = f'<{BASE}{path}?{urlencode(nxt)}>; rel="next"'
        return 200, headers, json.dumps(chunk)

    def _list(self, query: dict[str, str], headers: dict) -> tuple[int, dict[str, str], str]:
        self.list_calls.append(query)
        page = int(query.get("page", 1))
        if page > self.page_cap:
            return 400, headers, json.dumps(PAGE_WALL)
        flt = query.get("filter")
        since = parse(query["updated_since"]) if "updated_since" in query else None
        rows = []
        for item in self.tickets.values():
            if flt == "spam" and not item.get("spam"):
                continue
            if flt == "deleted" and not item.get("deleted"):
                continue
            if flt is None and (item.get("spam") or item.get("deleted")):
                continue
            updated = parse(item["updated_at"])
            if since is not None and updated < since:
                continue
            if since is None and parse(item["created_at"]) < self.now() - timedelta(days=30):
                continue  # the hidden 30-day default
            rows.append(item)
        rows.sort(key=lambda t: (t["updated_at"], t["id"]))
        shown = []
        includes = [i for i in query.get("include", "").split(",") if i]
        for item in rows:
            copy = {k: v for k, v in item.items() if k not in ("description", "description_text")}
            if "description" in includes:
                copy["description"] = item["description"]
                copy["description_text"] = item["description_text"]
            if "requester" in includes:
                rid = item["requester_id"]
                copy["requester"] = {"id": rid, "name": f"Customer {rid}", "email": f"c{rid}@x.io"}
            shown.append(copy)
        return self._paged(shown, "/api/v2/tickets", query, headers)

    def now(self) -> datetime:
        return datetime.now(UTC)

    def _bump(self, tid: int) -> str:
        stamp = iso(max(parse(self.tickets[tid]["updated_at"]) + timedelta(seconds=1), self.now()))
        self.tickets[tid]["updated_at"] = stamp
        return stamp

    def _note(self, tid: int, body: dict, headers: dict) -> tuple[int, dict[str, str], str]:
        cid = 10_000 + sum(len(v) for v in self.conversations.values())
        stamp = self._bump(tid)
        note = conversation(cid, tid, parse(stamp), re.sub("<[^>]+>", "", body["body"]), user_id=ME)
        note.update({"private": body.get("private", True), "source": 2, "body": body["body"]})
        self.conversations.setdefault(tid, []).append(note)
        return 201, headers, json.dumps(note)

    def _update(self, tid: int, body: dict, headers: dict) -> tuple[int, dict[str, str], str]:
        item = self.tickets[tid]
        if "tags" in body:
            item["tags"] = list(body["tags"])
        if "custom_fields" in body:
            item.setdefault("custom_fields", {}).update(body["custom_fields"])
        self._bump(tid)
        return 200, headers, json.dumps(item)
