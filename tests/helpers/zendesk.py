"""Zendesk payloads shaped as shared/api-notes/zendesk-freshdesk.md shows them, and the
pieces a `responses`-based test needs (no real waiting: sleep is recorded)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

from integrations.zendesk.client import make_client
from integrations.zendesk.connector import ZendeskConnector
from tracker.config import Config, SourceConfig
from tracker.durations import parse_duration

BASE = "https://acme.zendesk.com"
TICKETS_URL = f"{BASE}/api/v2/incremental/tickets/cursor.json"
EVENTS_URL = f"{BASE}/api/v2/incremental/ticket_events.json"
ME_URL = f"{BASE}/api/v2/users/me.json"
USERS_URL = f"{BASE}/api/v2/users.json"
GROUPS_URL = f"{BASE}/api/v2/groups.json"
SHOW_MANY_URL = f"{BASE}/api/v2/users/show_many.json"
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
TOKEN = "zd-secret-token-123"
ME, AMY, BEN, CUSTOMER = 900, 501, 502, 20978392


def epoch(value: datetime) -> int:
    return int(value.timestamp())


def source(**options: Any) -> SourceConfig:
    opts = {"subdomain": "acme", "email": "ops@acme.example", "token_env": "ZD_TEST_TOKEN"}
    opts.update(options)
    return SourceConfig("helpdesk", "zendesk", parse_duration("2m"), parse_duration("14d"), opts)


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def connector(monkeypatch, sleeps: Sleeps | None = None, **options: Any) -> ZendeskConnector:
    monkeypatch.setenv("ZD_TEST_TOKEN", TOKEN)
    src = source(**options)
    sleeper = sleeps if sleeps is not None else Sleeps()
    client = make_client(src, sleep=sleeper, clock=FakeClock())
    return ZendeskConnector(src, client, ticket_page_size=2, event_page_size=2)


def config(src: SourceConfig | None = None) -> Config:
    return Config(sources=[src or source()])


def user(uid: int, name: str, role: str = "agent", zone: str = "Europe/London") -> dict[str, Any]:
    return {
        "id": uid,
        "name": name,
        "email": f"{name.split()[0].lower()}@acme.example",
        "role": role,
        "role_type": None,
        "time_zone": "London",
        "iana_time_zone": zone,
        "active": True,
        "suspended": False,
    }


def ticket(tid: int, *, status: str = "open", assignee: int | None = AMY, when: datetime = NOW):
    stamp = when - timedelta(hours=1)
    return {
        "id": tid,
        "subject": f"Ticket {tid}",
        "status": status,
        "assignee_id": assignee,
        "group_id": 98738,
        "requester_id": CUSTOMER,
        "tags": ["enterprise"],
        "custom_fields": [{"id": 27642, "value": "745"}],
        "created_at": "2026-11-20T09:00:00Z",
        "updated_at": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "generated_timestamp": epoch(stamp),
        "via": {"channel": "web"},
    }


def ticket_page(tickets: list[dict], after: str | None, end: bool) -> dict[str, Any]:
    return {
        "tickets": tickets,
        "after_url": f"{TICKETS_URL}?cursor={after}" if after else None,
        "after_cursor": after,
        "before_url": None,
        "before_cursor": None,
        "end_of_stream": end,
    }


def comment(
    cid: int,
    author: int,
    body: str,
    *,
    public: bool = True,
    channel: str = "api",
    kind: str = "Comment",
    created: str = "2026-11-23T10:15:18Z",
) -> dict[str, Any]:
    return {
        "id": cid,
        "event_type": kind,
        "type": kind,
        "author_id": author,
        "body": body,
        "html_body": f'<div class="zd-comment"><p>{body}</p></div>',
        "public": public,
        "attachments": [],
        "audit_id": cid - 20,
        "created_at": created,
        "via": {"channel": channel, "source": {"from": {}, "to": {}, "rel": None}},
        "via_reference_id": None,
    }


def change(cid: int, field: str, value: Any, previous: Any = None) -> dict[str, Any]:
    return {
        "id": cid,
        "event_type": "Change",
        "via": "Web form",
        "via_reference_id": None,
        field: value,
        "previous_value": previous,
    }


def event(eid: int, ticket_id: int, timestamp: int, children: list[dict], via: Any = "Web form"):
    return {
        "id": eid,
        "ticket_id": ticket_id,
        "timestamp": timestamp,
        "created_at": datetime.fromtimestamp(timestamp, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "updater_id": AMY,
        "via": via,
        "event_type": "Audit",
        "child_events": children,
    }


def events_page(events: list[dict], end_time: int, end: bool) -> dict[str, Any]:
    return {
        "ticket_events": events,
        "count": len(events),
        "end_of_stream": end,
        "end_time": end_time,
        "next_page": f"{EVENTS_URL}?start_time={end_time}",
    }


def directory(rsps, *, me: int = ME) -> None:
    """/users/me, the agents, the groups: what the first page that needs roles fetches."""
    rsps.get(ME_URL, json={"user": user(me, "Follow Through", "admin", "UTC")})
    rsps.get(
        USERS_URL,
        json={
            "users": [user(AMY, "Amy Archer"), user(BEN, "Ben Brooks", "admin")],
            "meta": {"has_more": False, "after_cursor": None},
            "links": {"next": None},
        },
    )
    rsps.get(
        GROUPS_URL,
        json={
            "groups": [{"id": 98738, "name": "Tier 1"}],
            "meta": {"has_more": False, "after_cursor": None},
            "links": {"next": None},
        },
    )


def customers(rsps) -> None:
    rsps.get(SHOW_MANY_URL, json={"users": [user(CUSTOMER, "Carla Customer", "end-user")]})


def query(call) -> dict[str, list[str]]:
    return parse_qs(urlsplit(call.request.url).query)


def calls_to(rsps, url: str) -> list:
    return [c for c in rsps.calls if c.request.url.split("?")[0] == url]
