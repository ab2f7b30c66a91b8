"""The sandbox help desk's Freshdesk face on 127.0.0.1, for the Freshdesk connector tests.

Tickets and conversations are written as Freshdesk v2 JSON (`ticket`, `conversation`:
the payloads of shared/api-notes/zendesk-freshdesk.md §2) and put into the sandbox store;
the face renders them back over real HTTP, and whatever the store has no notion of (a
`source` code, a status number it does not know, a malformed field) is sent as given.
Failures, malformed pages and endless links are the server's scripted replies.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

from helpdesk_sandbox.freshdesk_face import FreshdeskFace
from helpdesk_sandbox.freshdesk_json import conversation_json, ticket_json
from helpdesk_sandbox.server import Reply, Request, SandboxServer, Scripted
from helpdesk_sandbox.store import MovableClock, Person, Store, Ticket
from integrations.http import HttpError
from tracker.config import SourceConfig
from tracker.durations import parse_duration

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
KEY = "fd-secret-key-123"
ME = 900
STATUSES = {3: "pending", 4: "solved", 5: "closed"}  # 2 (open) is what a new ticket is


def source_config(url: str, name: str = "freshdesk-acme", **options: Any) -> SourceConfig:
    opts = {"name": name, "type": "freshdesk", "url": url, "api_key_env": "FT_TEST_FD_KEY"}
    opts.update(options)
    return SourceConfig(name, "freshdesk", parse_duration("2m"), parse_duration("14d"), opts)


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


def _differing(spec: dict[str, Any], rendered: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in spec.items() if k not in rendered or rendered[k] != v}


class FreshdeskDesk:
    """A store with the agents and groups the Freshdesk tests know (900 is the API user,
    901 Amy in Tier 1, 902 Bob in Tier 1 and Billing), served by the Freshdesk face."""

    def __init__(self, now: datetime):
        self.clock = MovableClock(now)
        self.store = Store(self.clock)
        at = now - timedelta(days=300)
        tier1 = self.store.add_group("Tier 1", at=at, id=70)
        billing = self.store.add_group("Billing", at=at, id=71)
        tier1.vendor["escalate_to"] = 902
        self.me = self.store.add_agent(
            "Follow-through", "ft@acme.example", "Europe/London", role="admin", at=at, id=ME
        )
        self.store.add_agent(
            "Amy Agent", "amy@acme.example", "Asia/Kolkata", [tier1], at=at, id=901
        )
        self.store.add_agent(
            "Bob Agent", "bob@acme.example", "America/New_York", [tier1, billing], at=at, id=902
        )
        self.face = FreshdeskFace(self.store, api_user=self.me, api_key=KEY)
        self.server = SandboxServer(self.face)

    @property
    def url(self) -> str:
        return self.server.url

    def __enter__(self) -> FreshdeskDesk:
        self.server.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.stop()

    # -- what the help desk holds ----------------------------------------------------------
    def person(self, pid: int) -> Person:
        """Person `pid`, a customer named for the id if nobody has it yet."""
        known = self.store.people.get(pid)
        if known is not None:
            return known
        return self.store.add_customer(f"Customer {pid}", f"c{pid}@x.io", at=self.clock(), id=pid)

    def add(self, *specs: dict[str, Any]) -> None:
        """Create each ticket, or update it to what the spec says, at its `updated_at`."""
        for spec in specs:
            updated = parse(spec["updated_at"])
            item = self.store.tickets.get(spec["id"])
            if item is None:
                item = self._create(spec)
            else:
                self._change(item, spec, updated)
            if spec.get("deleted") and item.status != "deleted":
                self.store.delete_ticket(item.id, at=updated)
            if spec.get("spam") and not item.spam:
                self.store.mark_spam(item.id, at=updated)
            if STATUSES.get(spec.get("status")) not in (None, item.status):
                self.store.set_status(item.id, STATUSES[spec["status"]], at=updated)
            if item.updated_at is None or item.updated_at < updated:
                self.store.touch(item.id, at=updated)
            item.vendor = {}
            rendered = ticket_json(item, self.store, self.face.field_ids, ["description"])
            item.vendor = _differing(spec, rendered)

    def _create(self, spec: dict[str, Any]) -> Ticket:
        responder, group = spec.get("responder_id"), spec.get("group_id")
        return self.store.create_ticket(
            spec.get("subject") or "",
            self.person(spec["requester_id"]),
            spec.get("description_text") or "",
            assignee=self.store.people.get(responder) if responder else None,
            group=self.store.groups.get(group) if group else None,
            tags=spec.get("tags") or [],
            html_body=spec.get("description"),
            at=parse(spec["created_at"]),
            id=spec["id"],
        )

    def _change(self, item: Ticket, spec: dict[str, Any], updated: datetime) -> None:
        responder, group = spec.get("responder_id"), spec.get("group_id")
        if responder != item.assignee_id or group != item.group_id:
            self.store.assign(
                item.id,
                self.store.people.get(responder) if responder else None,
                group=self.store.groups.get(group) if group else None,
                at=updated,
            )
        tags = spec.get("tags") or []
        if tags != item.tags:
            gone = [t for t in item.tags if t not in tags]
            self.store.change_tags(item.id, tags, gone, at=updated)

    def converse(self, *specs: dict[str, Any]) -> None:
        """Add each conversation to its ticket, at its `created_at`."""
        for spec in specs:
            html = spec.get("body") or None
            text = spec.get("body_text")
            comment = self.store.add_comment(
                spec["ticket_id"],
                self.person(spec["user_id"]),
                text if text is not None else re.sub(r"<[^>]+>", "", html or ""),
                public=not spec.get("private", False),
                html_body=html,
                call=spec.get("source") == 9,
                at=parse(spec["created_at"]),
                id=spec["id"],
            )
            comment.vendor = _differing(spec, conversation_json(comment, self.store))

    def conversations(self, tid: int) -> list[dict[str, Any]]:
        """The ticket's conversations as the face sends them (its description left out)."""
        return [conversation_json(c, self.store) for c in self.store.comments_of(tid)[1:]]

    # -- what was asked of it --------------------------------------------------------------
    def fail(
        self, pattern: str, status: int, body: Any = "", headers: dict | None = None, times=1
    ) -> Scripted:
        """The next `times` requests matching `pattern` get this answer instead."""
        return self.server.script(pattern, Reply(status, body, dict(headers or {})), times)

    def calls(self, method: str, path: str) -> list[Request]:
        return [r for r in self.server.requests if r.method == method and r.path == path]

    @property
    def list_calls(self) -> list[dict[str, str]]:
        """The query of every ticket listing, in order."""
        return [
            {k: v[-1] for k, v in r.query.items()} for r in self.calls("GET", "/api/v2/tickets")
        ]

    def sent(self, method: str, path: str) -> list[Any]:
        return [json.loads(r.body) for r in self.calls(method, path)]


def collect(connector, cursor=None, now=NOW):
    """Run a pass like the sync runner: keep each batch's cursor until something raises."""
    stored, tickets = cursor, []
    try:
        for batch in connector.pages(cursor, now):
            tickets += [t.external_id for t in batch.tickets]
            stored = batch.cursor or stored
    except HttpError as exc:
        return stored, tickets, exc
    return stored, tickets, None
