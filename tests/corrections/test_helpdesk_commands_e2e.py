"""Commands in internal notes and command tags, end to end over real HTTP against the
sandbox help desk's Zendesk and Freshdesk faces."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from helpdesk_sandbox.freshdesk_face import FreshdeskFace
from helpdesk_sandbox.seed import seed_week
from helpdesk_sandbox.server import SandboxServer
from helpdesk_sandbox.zendesk_face import ZendeskFace
from tests.helpers.sandbox import NOW, SANDBOX_TOKEN, sandbox_config, sandbox_source
from tracker.config import SourceConfig
from tracker.durations import parse_duration
from tracker.ingest.sync import sync_source
from tracker.models import Correction, Person, Promise, Ticket

FD_KEY = "fd-commands-key"


@pytest.fixture(params=["zendesk", "freshdesk"])
def desk(request, monkeypatch):
    """A seeded sandbox on one face, with a source and config pointing at it."""
    seeded = seed_week(NOW)
    if request.param == "zendesk":
        face = ZendeskFace(seeded.store, api_user=seeded.api_user, token=SANDBOX_TOKEN)
    else:
        face = FreshdeskFace(seeded.store, api_user=seeded.api_user, api_key=FD_KEY)
    with SandboxServer(face) as server:
        if request.param == "zendesk":
            source = sandbox_source(monkeypatch, server, seeded)
        else:
            monkeypatch.setenv("FT_CMD_FD_KEY", FD_KEY)
            options = {"name": "sandbox", "type": "freshdesk", "url": server.url,
                       "api_key_env": "FT_CMD_FD_KEY"}  # fmt: skip
            source = SourceConfig("sandbox", "freshdesk", parse_duration("2m"),
                                  parse_duration("14d"), options)  # fmt: skip
        yield seeded, source, sandbox_config(source)


def _ticket(seeded, agent: str, text: str, at):
    store, amy = seeded.store, seeded.agents[agent]
    ticket = store.create_ticket("Router keeps rebooting", seeded.customers["olivia"],
                                 "It reboots every hour.", assignee=amy, at=at)  # fmt: skip
    store.add_comment(ticket.id, amy, text, at=at + timedelta(minutes=5))
    return ticket


def _promises(session: Session, ticket_id: int) -> list[Promise]:
    ticket = session.exec(select(Ticket).where(Ticket.external_id == str(ticket_id))).one()
    return list(session.exec(select(Promise).where(Promise.ticket_id == ticket.id)))


def _notes(seeded, ticket) -> list[str]:
    return [c.body for c in seeded.store.comments_of(ticket.id) if not c.public]


def test_note_commands_and_tags_act_as_their_author_and_refusals_are_written_back(desk, engine):
    seeded, source, config = desk
    store, clock = seeded.store, seeded.clock
    made = NOW - timedelta(hours=3)
    dismissed = _ticket(seeded, "amy", "I will keep an eye on it and call you tomorrow.", made)
    foreign = _ticket(seeded, "amy", "I'll call you back tomorrow.", made)
    tagged = _ticket(seeded, "ben", "I'll send you the logs tomorrow.", made)
    missed = _ticket(seeded, "ben", "Thanks for the details.", made)
    too_long = _ticket(seeded, "amy", "I'll update you tomorrow.", made)
    assert sync_source(engine, config, source, now=NOW).error is None
    with Session(engine) as session:
        for ticket in (dismissed, foreign, tagged, too_long):
            assert [p.state for p in _promises(session, ticket.id)] == ["open"]
        assert _promises(session, missed.id) == []

    clock.advance(timedelta(hours=1))
    note_at = NOW + timedelta(minutes=10)
    amy, chen = seeded.agents["amy"], seeded.agents["chen"]
    store.add_comment(dismissed.id, amy, "#notpromise", public=False, at=note_at)
    store.add_comment(foreign.id, chen, "#notpromise", public=False, at=note_at)  # Tier 2
    store.add_comment(missed.id, amy, "#promise call back Friday 3pm", public=False, at=note_at)
    store.add_comment(too_long.id, amy, "#snooze 30d", public=False, at=note_at)
    store.change_tags(tagged.id, ["ft_done"], [], at=note_at)
    later = NOW + timedelta(hours=1)
    assert sync_source(engine, config, source, now=later).error is None

    with Session(engine) as session:
        (gone,) = _promises(session, dismissed.id)
        assert (gone.state, gone.acted_by) == ("dismissed", "amy@acme.example")
        (kept_open,) = _promises(session, foreign.id)
        assert kept_open.state == "open"
        (done,) = _promises(session, tagged.id)
        assert (done.state, done.acted_by) == ("kept", "ben@acme.example")
        (added,) = _promises(session, missed.id)
        people = {p.id: p.email for p in session.exec(select(Person))}
        assert (added.quote, added.kind, added.state) == (
            "call back Friday 3pm",
            "callback",
            "open",
        )
        assert (people[added.maker_id], people[added.owner_id]) == (
            "amy@acme.example",
            "ben@acme.example",
        )
        assert added.due_at.isoformat() == "2026-11-27T15:00:00+00:00"  # Friday 3pm, London
        assert [p.state for p in _promises(session, too_long.id)] == ["open"]
        corrections = {(c.channel, c.action, c.actor, c.is_promise, c.quote)
                       for c in session.exec(select(Correction))}  # fmt: skip
        assert corrections == {
            ("note", "dismissed", "amy@acme.example", False, gone.quote),
            ("note", "added", "amy@acme.example", True, "call back Friday 3pm"),
        }
    refused = _notes(seeded, foreign)
    assert any("chen@acme.example may not act on promise" in n for n in refused), refused
    assert any("max_snooze" in n for n in _notes(seeded, too_long))
    assert "ft_done" not in store.ticket(tagged.id).tags
    assert not any("ignored" in n for n in _notes(seeded, dismissed) + _notes(seeded, missed))

    # The next pass sees our own notes and the tag change, and acts on nothing twice.
    clock.advance(timedelta(hours=1))
    assert sync_source(engine, config, source, now=later + timedelta(hours=1)).error is None
    with Session(engine) as session:
        assert len(session.exec(select(Correction)).all()) == 2
        assert len(_promises(session, missed.id)) == 1
    assert len([n for n in _notes(seeded, foreign) if "ignored" in n]) == 1
