"""A seeded sandbox help desk on 127.0.0.1 and a source configured against it, plus a
database snapshot that ignores row ids (to compare runs)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from helpdesk_sandbox.seed import Seeded, seed_week
from helpdesk_sandbox.server import RateLimit, SandboxServer
from helpdesk_sandbox.zendesk_face import ZendeskFace
from tracker.config import Config, SourceConfig, TeamConfig
from tracker.durations import parse_duration

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # a Monday
SANDBOX_TOKEN = "sandbox-test-token"


@contextmanager
def running_sandbox(
    *, page_size: int = 4, rate_limit: RateLimit | None = None, seeded: Seeded | None = None
) -> Iterator[tuple[SandboxServer, Seeded]]:
    seeded = seeded or seed_week(NOW)
    face = ZendeskFace(
        seeded.store, api_user=seeded.api_user, token=SANDBOX_TOKEN, page_size=page_size
    )
    server = SandboxServer(face, rate_limit=rate_limit).start()
    try:
        yield server, seeded
    finally:
        server.stop()


def sandbox_source(
    monkeypatch, server: SandboxServer, seeded: Seeded, **extra: Any
) -> SourceConfig:
    monkeypatch.setenv("SANDBOX_TEST_TOKEN", SANDBOX_TOKEN)
    options = {
        "name": "sandbox",
        "type": "zendesk",
        "url": server.url,
        "email": seeded.api_user.email,
        "token_env": "SANDBOX_TEST_TOKEN",
        "export_requests_per_minute": 100_000,
        "requests_per_minute": 100_000,
        **extra,
    }
    return SourceConfig("sandbox", "zendesk", parse_duration("2m"), parse_duration("14d"), options)


def sandbox_config(source: SourceConfig) -> Config:
    teams = [
        TeamConfig(
            "Tier 1",
            timezone="Europe/London",
            groups=["Tier 1"],
            members=["amy@acme.example", "ben@acme.example"],
            leads=["lead1@acme.example"],
        ),
        TeamConfig("Tier 2", timezone="America/New_York", groups=["Tier 2"]),
    ]
    return Config(sources=[source], teams=teams)


TABLES = {
    "source": "name, type, cursor, last_error",
    "team": "name, timezone",
    "person": "external_id, name, email, role, time_zone, team_id IS NOT NULL",
    "helpdesk_group": "external_id, name, team_id IS NOT NULL",
    "ticket": "external_id, subject, status, url, created_at, updated_at, "
    "(SELECT external_id FROM person p WHERE p.id = ticket.assignee_id), "
    "(SELECT external_id FROM person p WHERE p.id = ticket.requester_id), "
    "(SELECT external_id FROM helpdesk_group g WHERE g.id = ticket.group_id)",
    "message": "external_id, author_role, public, channel, is_call, is_own_note, sent_at, text, "
    "(SELECT external_id FROM ticket t WHERE t.id = message.ticket_id), "
    "(SELECT external_id FROM person p WHERE p.id = message.author_id)",
    "assignment": "external_id, changed_at, "
    "(SELECT external_id FROM person p WHERE p.id = assignment.from_assignee_id), "
    "(SELECT external_id FROM person p WHERE p.id = assignment.to_assignee_id), "
    "(SELECT external_id FROM helpdesk_group g WHERE g.id = assignment.to_group_id)",
    "promise": 'start, "end", quote, kind, due_at, due_is_default, state, made_at, '
    "(SELECT external_id FROM message m WHERE m.id = promise.message_id), "
    "(SELECT external_id FROM person p WHERE p.id = promise.owner_id)",
    "promise_event": "event, at, actor, detail",
}


def snapshot(engine: Engine) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    with engine.connect() as conn:
        for table, columns in TABLES.items():
            rows = conn.execute(sa.text(f"SELECT {columns} FROM {table}")).all()
            out[table] = sorted(tuple(str(v) for v in row) for row in rows)
    return out


def wipe(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in (
            "promise_event", "escalation", "promise", "message", "assignment", "ticket",
            "person", "helpdesk_group", "team", "source",
        ):  # fmt: skip
            conn.execute(sa.text(f"DELETE FROM {table}"))
