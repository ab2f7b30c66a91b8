"""End to end over real HTTP: the sandbox help desk, the Zendesk connector, the database."""

from __future__ import annotations

from datetime import timedelta

import pytest
import requests
from click.testing import CliRunner
from sqlmodel import select

from helpdesk_sandbox.server import RateLimit
from integrations.base import WriteBackError
from integrations.registry import connector_for
from tests.helpers.sandbox import (
    NOW,
    SANDBOX_TOKEN,
    running_sandbox,
    sandbox_config,
    sandbox_source,
)
from tracker.cli import cli
from tracker.db import session_scope, upgrade
from tracker.ingest.sync import sync_all, sync_source
from tracker.models import Assignment, Message, Person, Promise, Source, Ticket


def _people(session) -> dict[int, Person]:
    return {p.id: p for p in session.exec(select(Person))}


def test_a_sync_finds_the_weeks_promises_hand_offs_and_calls(monkeypatch, engine):
    with running_sandbox() as (server, seeded):
        source = sandbox_source(monkeypatch, server, seeded)
        (report,) = sync_all(engine, sandbox_config(source), now=NOW)
        assert report.error is None
        assert report.tickets == 12 and report.handoffs == 2
        with session_scope(engine) as session:
            people = _people(session)
            promises = {p.quote: p for p in session.exec(select(Promise))}
            assert set(promises) == {
                "I'll send you the corrected invoice by end of day today",
                "I will get back to you with an update by tomorrow",
                "I'll check with our engineers and get back to you by Friday",
                "I'll email you the replacement shipping label tomorrow",
                "I'll call you back this afternoon",
                "I'll let you know when it ships",
                "I'll get back to you by tomorrow noon with what we find",
            }
            handed = promises["I'll check with our engineers and get back to you by Friday"]
            assert people[handed.maker_id].email == "amy@acme.example"
            assert people[handed.owner_id].email == "chen@acme.example"
            assert handed.due_at.isoformat() == "2026-11-20T17:00:00+00:00"  # Friday, London
            broken = seeded.tickets["broken_after_handoff"]
            ticket = session.exec(select(Ticket).where(Ticket.external_id == str(broken.id))).one()
            (handoff,) = session.exec(select(Assignment).where(Assignment.ticket_id == ticket.id))
            assert people[handoff.from_assignee_id].email == "amy@acme.example"
            assert people[handoff.to_assignee_id].email == "chen@acme.example"
            assert ticket.url == f"{server.url}/agent/tickets/{broken.id}"
            calls = session.exec(select(Message).where(Message.is_call)).all()
            assert len(calls) == 1 and calls[0].author_role == "agent"
            rule = session.exec(select(Message).where(Message.channel == "rule")).one()
            assert rule.author_role == "system"
            deleted = str(seeded.tickets["deleted"].id)
            assert (
                session.exec(select(Ticket).where(Ticket.external_id == deleted)).one().status
                == "deleted"
            )
            amy = next(p for p in people.values() if p.email == "amy@acme.example")
            assert amy.time_zone == "Europe/London" and amy.team_id is not None


def test_write_back_is_visible_in_the_help_desk_and_our_note_comes_back_as_our_own(
    monkeypatch, engine
):
    with running_sandbox() as (server, seeded):
        source = sandbox_source(monkeypatch, server, seeded, due_field_id=4242)
        config = sandbox_config(source)
        assert sync_source(engine, config, source, now=NOW).error is None
        ticket = seeded.tickets["broken_after_handoff"]
        conn = connector_for(source, sleep=lambda s: None)
        conn.add_note(str(ticket.id), "Follow-through: I'll call you back tomorrow is overdue.")
        conn.change_tags(str(ticket.id), ["promise_overdue"], [])
        conn.change_tags(str(ticket.id), ["promise_open"], ["promise_overdue"])
        conn.set_due_field(str(ticket.id), NOW + timedelta(hours=4))

        desk = requests.Session()
        desk.auth = (f"{seeded.api_user.email}/token", SANDBOX_TOKEN)
        base = f"{server.url}/api/v2/tickets/{ticket.id}"
        note = desk.get(f"{base}/comments.json").json()["comments"][-1]
        assert note["public"] is False and note["author_id"] == seeded.api_user.id
        assert "is overdue" in note["body"]
        assert desk.get(f"{base}/tags.json").json()["tags"] == ["promise_open"]
        shown = desk.get(f"{base}.json").json()["ticket"]
        assert shown["custom_fields"] == [{"id": 4242, "value": "2026-11-23T16:00:00Z"}]
        with pytest.raises(WriteBackError) as caught:
            conn.add_note(str(seeded.tickets["closed"].id), "overdue")
        assert caught.value.permanent

        seeded.clock.advance(timedelta(minutes=5))
        later = NOW + timedelta(minutes=5)
        report = sync_source(engine, config, source, now=later)
        assert report.error is None and report.messages == 1 and report.promises == 0
        with session_scope(engine) as session:
            own = session.exec(select(Message).where(Message.is_own_note)).one()
            assert own.public is False and "overdue" in own.text


def test_a_wrong_token_fails_the_source_with_a_clear_error(monkeypatch, engine):
    with running_sandbox() as (server, seeded):
        source = sandbox_source(monkeypatch, server, seeded)
        monkeypatch.setenv("SANDBOX_TEST_TOKEN", "not-the-token")
        report = sync_source(engine, sandbox_config(source), source, now=NOW)
        assert report.error.startswith("sandbox: credentials were refused (401")
        assert "not-the-token" not in report.error
        with session_scope(engine) as session:
            assert session.exec(select(Source)).one().cursor is None


def test_the_sandbox_rate_limit_is_obeyed_and_the_sync_completes(monkeypatch, engine):
    waits: list[float] = []
    with running_sandbox(page_size=50, rate_limit=RateLimit(3, "0.01")) as (server, seeded):
        source = sandbox_source(monkeypatch, server, seeded)

        def sleep(seconds: float) -> None:
            waits.append(seconds)
            server.rate_limit.times.clear()  # the minute passes

        conn = connector_for(source, sleep=sleep)
        report = sync_source(engine, sandbox_config(source), source, now=NOW, connector=conn)
        assert report.error is None and report.tickets == 12
        assert report.rate_limited >= 1 and waits and set(waits) == {0.01}


def test_the_sync_command_reports_each_source_and_fails_on_a_broken_one(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'ft.db'}"
    upgrade(url)
    with running_sandbox() as (server, seeded):
        monkeypatch.setenv("SANDBOX_TEST_TOKEN", SANDBOX_TOKEN)
        monkeypatch.setenv("BROKEN_TOKEN", "wrong")
        config = tmp_path / "followthrough.toml"
        config.write_text(
            f'[database]\nurl = "{url}"\n\n'
            f'[[source]]\nname = "sandbox"\ntype = "zendesk"\nurl = "{server.url}"\n'
            f'email = "{seeded.api_user.email}"\ntoken_env = "SANDBOX_TEST_TOKEN"\n'
            "export_requests_per_minute = 1000\n\n"
            f'[[source]]\nname = "broken"\ntype = "zendesk"\nurl = "{server.url}"\n'
            f'email = "{seeded.api_user.email}"\ntoken_env = "BROKEN_TOKEN"\n'
        )
        runner = CliRunner()
        at = ["--now", NOW.isoformat()]
        good = runner.invoke(cli, ["--config", str(config), "sync", "--source", "sandbox", *at])
        assert good.exit_code == 0, good.output
        assert '"source": "sandbox"' in good.output and '"promises": 7' in good.output

        both = runner.invoke(cli, ["--config", str(config), "sync", *at])
        assert both.exit_code == 1
        assert "sync failed: broken: credentials were refused" in both.stderr
        assert '"source": "sandbox"' in both.output  # the broken source stopped only itself

        unknown = runner.invoke(cli, ["--config", str(config), "sync", "--source", "nope"])
        assert unknown.exit_code == 2 and "'nope' is not a configured source" in unknown.stderr


def test_on_a_terminal_the_sync_command_shows_a_live_line_and_a_summary(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'ft.db'}"
    upgrade(url)
    monkeypatch.setattr("tracker.cli.sync._is_terminal", lambda: True)
    with running_sandbox(page_size=1000) as (server, seeded):  # under 10 export calls
        monkeypatch.setenv("SANDBOX_TEST_TOKEN", SANDBOX_TOKEN)
        config = tmp_path / "followthrough.toml"
        config.write_text(
            f'[database]\nurl = "{url}"\n\n'
            f'[[source]]\nname = "sandbox"\ntype = "zendesk"\nurl = "{server.url}"\n'
            f'email = "{seeded.api_user.email}"\ntoken_env = "SANDBOX_TEST_TOKEN"\n'
        )
        result = CliRunner().invoke(
            cli, ["--config", str(config), "sync", "--now", NOW.isoformat()]
        )
    assert result.exit_code == 0, result.output
    assert "\rsandbox: page 1, " in result.output
    assert "sandbox: 12 tickets, 30 messages, 7 promises, 2 hand-offs, " in result.output
    assert "waited 0.0s on rate limits (0× 429)" in result.output
