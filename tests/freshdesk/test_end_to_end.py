"""Over real HTTP against the sandbox's Freshdesk face: sync, promises, a hand-off, write-back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from helpdesk_sandbox.freshdesk_face import FreshdeskFace
from helpdesk_sandbox.seed import seed_week
from helpdesk_sandbox.server import SandboxServer
from integrations.freshdesk.connector import build
from tracker.config import load_config
from tracker.ingest.sync import sync_source
from tracker.models import Assignment, Message, Person, Promise, Source, Ticket

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
KEY = "sandbox-fd-key-4711"


@pytest.fixture
def sandbox(monkeypatch):
    monkeypatch.setenv("FT_E2E_FD_KEY", KEY)
    seeded = seed_week(NOW)
    face = FreshdeskFace(seeded.store, api_user=seeded.api_user, api_key=KEY)
    with SandboxServer(face) as server:
        yield seeded, server


@pytest.fixture
def config(sandbox, tmp_path):
    _, server = sandbox
    path = tmp_path / "followthrough.toml"
    path.write_text(
        f"""
[[source]]
name = "fd"
type = "freshdesk"
url = "{server.url}"
api_key_env = "FT_E2E_FD_KEY"
due_field = "cf_promise_due"

[[team]]
name = "Tier 1"
timezone = "Europe/London"
groups = ["Tier 1"]

[[team]]
name = "Tier 2"
timezone = "America/New_York"
groups = ["Tier 2"]
"""
    )
    return load_config(path)


def test_a_sync_finds_promises_sees_a_hand_off_and_writes_back(sandbox, config, engine):
    seeded, _ = sandbox
    source = config.source("fd")
    report = sync_source(engine, config, source, now=NOW)
    assert report.ok, report.error
    with Session(engine) as session:
        tickets = session.exec(select(Ticket)).all()
        promises = session.exec(select(Promise)).all()
        agents = session.exec(select(Person).where(Person.role == "agent")).all()
        assert len(tickets) == len(seeded.store.tickets)
        assert any("end of day" in p.quote or "tomorrow" in p.quote for p in promises)
        amy = next(p for p in agents if p.email == "amy@acme.example")
        assert amy.time_zone == "Europe/London"  # "London" on the wire
        first_cursor = session.exec(select(Source)).one().cursor
    assert report.promises == len(promises) > 0

    # Ben takes over one of Amy's tickets between two polls: a hand-off, seen at that time
    ticket = seeded.tickets["kept_on_time"]
    seeded.clock.advance(timedelta(minutes=5))
    seeded.store.assign(ticket.id, seeded.agents["ben"])
    later = NOW + timedelta(minutes=10)
    report = sync_source(engine, config, source, now=later)
    assert report.ok and report.handoffs == 1
    with Session(engine) as session:
        handoff = session.exec(select(Assignment)).one()
        ben = session.exec(select(Person).where(Person.email == "ben@acme.example")).one()
        assert handoff.to_assignee_id == ben.id
        assert handoff.changed_at == NOW + timedelta(minutes=5)
        assert session.exec(select(Source)).one().cursor != first_cursor

    # write-back (a minute later): a private note and a tag, visible in the help desk
    seeded.clock.advance(timedelta(minutes=1))
    connector = build(source)
    connector.add_note(str(ticket.id), "Follow-through: the promised invoice is overdue.")
    connector.change_tags(str(ticket.id), add=["promise_overdue"], remove=[])
    connector.set_due_field(str(ticket.id), NOW + timedelta(days=1))
    note = seeded.store.comments_of(ticket.id)[-1]
    assert note.public is False and note.author_id == seeded.api_user.id
    assert "promised invoice is overdue" in note.body
    assert "promise_overdue" in seeded.store.tickets[ticket.id].tags
    fields = seeded.store.tickets[ticket.id].custom_fields
    assert "2026-11-21T15:00:00Z" in fields.values()

    # our own note comes back on the next poll: stored as ours, no promise made from it
    before = report.promises
    report = sync_source(engine, config, source, now=later + timedelta(minutes=2))
    assert report.ok and report.promises == 0 and before >= 0
    with Session(engine) as session:
        own = session.exec(select(Message).where(Message.is_own_note)).all()
        assert len(own) == 1 and own[0].public is False


def test_refused_credentials_leave_the_cursor_and_name_the_source(
    sandbox, config, engine, monkeypatch
):
    source = config.source("fd")
    assert sync_source(engine, config, source, now=NOW).ok
    with Session(engine) as session:
        cursor = session.exec(select(Source)).one().cursor
    monkeypatch.setenv("FT_E2E_FD_KEY", "wrong-key")
    report = sync_source(engine, config, source, now=NOW + timedelta(minutes=3))
    assert not report.ok and report.error.startswith("fd:") and "401" in report.error
    assert "wrong-key" not in report.error
    with Session(engine) as session:
        row = session.exec(select(Source)).one()
        assert row.cursor == cursor and row.last_error == report.error
