"""A pass interrupted at any call and run again leaves the same database as one clean pass."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

from helpdesk_sandbox.freshdesk_face import FreshdeskFace
from helpdesk_sandbox.seed import seed_week
from helpdesk_sandbox.server import SandboxServer
from integrations.freshdesk.connector import build
from tracker.config import load_config
from tracker.ingest.sync import sync_source
from tracker.models import (
    Assignment,
    HelpdeskGroup,
    Message,
    Person,
    Promise,
    Source,
    Ticket,
)

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
KEY = "sandbox-fd-key-0815"


class Interrupted(ConnectionError):  # a dropped connection: its text is shown
    pass


@pytest.fixture
def sandbox(monkeypatch, tmp_path):
    monkeypatch.setenv("FT_INT_FD_KEY", KEY)
    seeded = seed_week(NOW)
    face = FreshdeskFace(seeded.store, api_user=seeded.api_user, api_key=KEY)
    with SandboxServer(face) as server:
        path = tmp_path / "followthrough.toml"
        path.write_text(
            f'[[source]]\nname = "fd"\ntype = "freshdesk"\nurl = "{server.url}"\n'
            'api_key_env = "FT_INT_FD_KEY"\n\n[[team]]\nname = "Tier 1"\n'
            'timezone = "Europe/London"\ngroups = ["Tier 1"]\n'
        )
        yield seeded, load_config(path)


def connector(config, fail_at: int | None = None):
    made = build(config.source("fd"), sleep=lambda s: None)
    made.client.per_page = 3  # many small pages: 12 tickets → 4 pages in the main pass
    session = made.client.http.session
    real = session.request
    calls: list[str] = []

    def request(method, url, *args, **kwargs):
        calls.append(url.split("?")[0])
        if fail_at is not None and len(calls) == fail_at:
            raise Interrupted(f"interrupted at call {fail_at}")
        return real(method, url, *args, **kwargs)

    session.request = request  # type: ignore[method-assign]
    return made, calls


def snapshot(engine) -> dict[str, object]:
    """The stored facts keyed by external ids (row ids differ from run to run)."""
    with Session(engine) as s:
        people = {p.id: p.external_id for p in s.exec(select(Person))}
        groups = {g.id: g.external_id for g in s.exec(select(HelpdeskGroup))}
        tickets = {t.id: t.external_id for t in s.exec(select(Ticket))}
        messages = {m.id: m.external_id for m in s.exec(select(Message))}
        return {
            "people": sorted(
                (p.external_id, p.name, p.email, p.role, p.time_zone, p.team_id is not None)
                for p in s.exec(select(Person))
            ),
            "groups": sorted(
                (g.external_id, g.name, g.lead_external_id) for g in s.exec(select(HelpdeskGroup))
            ),
            "tickets": sorted(
                (
                    t.external_id,
                    t.subject,
                    t.status,
                    people.get(t.requester_id),
                    people.get(t.assignee_id),
                    groups.get(t.group_id),
                    t.created_at,
                    t.updated_at,
                )
                for t in s.exec(select(Ticket))
            ),
            "messages": sorted(
                (
                    m.external_id,
                    tickets[m.ticket_id],
                    people.get(m.author_id),
                    m.author_role,
                    m.public,
                    m.is_call,
                    m.is_own_note,
                    m.sent_at,
                    m.text,
                )
                for m in s.exec(select(Message))
            ),
            "handoffs": sorted(
                (a.external_id, tickets[a.ticket_id], people.get(a.to_assignee_id))
                for a in s.exec(select(Assignment))
            ),
            "promises": sorted(
                (
                    messages[p.message_id],
                    p.start,
                    p.end,
                    p.quote,
                    p.kind,
                    p.due_at,
                    p.state,
                    people.get(p.owner_id),
                )
                for p in s.exec(select(Promise))
            ),
            "cursor": s.exec(select(Source.cursor)).one(),
        }


def wipe(engine) -> None:
    with engine.begin() as conn:
        for table in reversed(SQLModel.metadata.sorted_tables):
            conn.execute(sa.delete(table))


def test_an_interrupted_pass_run_again_equals_a_clean_pass(sandbox, engine):
    _, config = sandbox
    source = config.source("fd")
    clean, calls = connector(config)
    assert sync_source(engine, config, source, now=NOW, connector=clean).ok
    expected = snapshot(engine)
    assert expected["promises"] and len(expected["tickets"]) == 12
    pages = [k for k, url in enumerate(calls, 1) if url.endswith(("/tickets", "/agents/me"))]
    assert len(pages) >= 1 + 4 + 2  # directory, four pages in the main pass, spam, deleted
    # at every page and at the call right after it (its first conversation read)
    for k in sorted({k for p in pages for k in (p, p + 1) if k <= len(calls)}):
        wipe(engine)
        broken, _ = connector(config, fail_at=k)
        report = sync_source(engine, config, source, now=NOW, connector=broken)
        assert not report.ok and f"interrupted at call {k}" in report.error
        again, _ = connector(config)
        assert sync_source(engine, config, source, now=NOW, connector=again).ok
        assert snapshot(engine) == expected, f"differs after an interruption at call {k}"


def test_interruptions_at_every_step_in_a_row_still_add_up(sandbox, engine):
    """Each run dies one call later than the last one got; the sum is one clean pass."""
    _, config = sandbox
    source = config.source("fd")
    clean, _ = connector(config)
    assert sync_source(engine, config, source, now=NOW, connector=clean).ok
    expected = snapshot(engine)
    wipe(engine)
    runs = 0
    for k in range(2, 200):
        runs += 1
        attempt, _ = connector(config, fail_at=k)
        if sync_source(engine, config, source, now=NOW, connector=attempt).ok:
            break
    assert runs > 5 and snapshot(engine) == expected
