"""Slack webhooks and Zendesk write-back, on the payloads the real APIs answer."""

from __future__ import annotations

import json
from datetime import timedelta

import responses
from sqlmodel import Session, select

from integrations.notify.slack import SlackTransport
from integrations.notify.ticket import TicketTransport
from tests.helpers.promise_world import World, make_config, utc
from tracker.config import SlackConfig
from tracker.models import Escalation
from tracker.sweep import decide, deliver

MADE = utc(2026, 11, 23, 10)
DUE = utc(2026, 11, 24, 11)
HOOK = "https://hooks.slack.com/services/T000/B000/SECRETSECRET"
DESK = "https://acme.zendesk.com"


def no_sleep(_seconds: float) -> None:
    return None


def setup(engine, monkeypatch, *, source_type="imap"):
    config = make_config(email_port=None, source_type=source_type)
    monkeypatch.setenv("FT_TEST_SLACK", HOOK)
    config.slack = SlackConfig(options={"webhook_url_env": "FT_TEST_SLACK"})
    if source_type == "zendesk":
        monkeypatch.setenv("FT_TEST_ZD_TOKEN", "zd-token-123")
        config.sources[0].options.update(
            {"url": DESK, "email": "ops@acme.example", "token_env": "FT_TEST_ZD_TOKEN"}
        )
    with Session(engine, expire_on_commit=False) as session:
        world = World(session, config)
        ticket = world.ticket(assignee=world.amy)
        promise = world.promise(ticket, world.amy, MADE, DUE, quote="I'll call <@here> & fix it")
        session.commit()
    return world, ticket, promise


def statuses(engine, promise_id):
    with Session(engine) as session:
        query = select(Escalation).where(Escalation.promise_id == promise_id)
        return {(e.step, e.channel): (e.status, e.last_error) for e in session.exec(query)}


@responses.activate
def test_the_lead_step_posts_to_slack_with_text_escaped(engine, monkeypatch):
    world, _, promise = setup(engine, monkeypatch)
    responses.post(HOOK, body="ok")
    now = utc(2026, 11, 24, 13)
    decide(engine, world.config, now=now)
    slack = {"slack": SlackTransport(HOOK, sleep=no_sleep)}
    assert deliver(engine, world.config, now=now, transports=slack).delivered == 1
    [call] = responses.calls
    text = json.loads(call.request.body)["text"]
    assert "I'll call &lt;@here&gt; &amp; fix it" in text
    assert "<@here>" not in text
    assert statuses(engine, promise.id)[("lead", "slack")][0] == "sent"


@responses.activate
def test_a_revoked_webhook_fails_for_good_without_leaking_its_url(engine, monkeypatch):
    world, _, promise = setup(engine, monkeypatch)
    responses.post(HOOK, status=404, body="no_service")
    now = utc(2026, 11, 24, 13)
    decide(engine, world.config, now=now)
    slack = {"slack": SlackTransport(HOOK, sleep=no_sleep)}
    report = deliver(engine, world.config, now=now, transports=slack)
    assert (report.delivered, report.failed, report.retried) == (0, 1, 0)
    status, error = statuses(engine, promise.id)[("lead", "slack")]
    assert status == "failed" and "404" in error and "no_service" in error
    assert "SECRET" not in error and "SECRET" not in report.failures[0]
    assert deliver(engine, world.config, now=utc(2026, 11, 25), transports=slack).failed == 0


@responses.activate
def test_slack_failing_for_a_while_is_retried_until_it_recovers(engine, monkeypatch):
    world, _, promise = setup(engine, monkeypatch)
    responses.post(HOOK, status=503)
    responses.post(HOOK, status=503)
    responses.post(HOOK, body="ok")
    now = utc(2026, 11, 24, 13)
    decide(engine, world.config, now=now)
    slack = {"slack": SlackTransport(HOOK, sleep=no_sleep)}
    assert deliver(engine, world.config, now=now, transports=slack).retried == 1
    assert statuses(engine, promise.id)[("lead", "slack")][0] == "pending"
    report = deliver(engine, world.config, now=now + timedelta(minutes=1), transports=slack)
    assert report.delivered == 1
    assert len(responses.calls) == 3
    assert statuses(engine, promise.id)[("lead", "slack")] == ("sent", None)


def _zendesk_ticket(ticket_id: str) -> dict:
    return {"ticket": {"id": int(ticket_id), "updated_at": "2026-11-24T10:59:00Z"}}


@responses.activate
def test_the_ticket_gets_a_private_note_and_tags_and_loses_them_when_kept(engine, monkeypatch):
    world, ticket, promise = setup(engine, monkeypatch, source_type="zendesk")
    path = f"{DESK}/api/v2/tickets/{ticket.external_id}"
    responses.get(f"{path}.json", json=_zendesk_ticket(ticket.external_id))
    responses.get(f"{path}/comments.json", json={"comments": [], "next_page": None})
    responses.put(f"{path}.json", json=_zendesk_ticket(ticket.external_id))
    responses.put(f"{path}/tags.json", json={"tags": ["promise_open"]})
    responses.delete(f"{path}/tags.json", json={"tags": []})
    transports = {"ticket": TicketTransport(world.config, sleep=no_sleep)}

    now = utc(2026, 11, 24, 11)
    decide(engine, world.config, now=now)
    report = deliver(engine, world.config, now=now, transports=transports)
    assert report.delivered == 2, report.failures
    writes = [(c.request.method, c.request.url, c.request.body) for c in responses.calls]
    tag_puts = [json.loads(b)["tags"] for m, u, b in writes if m == "PUT" and "tags" in u]
    assert tag_puts == [["promise_open"], ["promise_overdue"]]
    [note] = [json.loads(b) for m, u, b in writes if m == "PUT" and u.endswith(".json")
              and "tags" not in u]  # fmt: skip
    comment = note["ticket"]["comment"]
    assert comment["public"] is False
    assert "I'll call <@here> & fix it" in comment["body"]
    assert comment["body"].startswith("[Follow-through] Overdue")

    with Session(engine) as session:
        world.session = session
        world.message(ticket, world.bob, utc(2026, 11, 24, 11, 30))
        session.commit()
    later = utc(2026, 11, 24, 11, 31)
    assert decide(engine, world.config, now=later).kept == 1
    assert deliver(engine, world.config, now=later, transports=transports).delivered == 1
    deleted = [json.loads(c.request.body) for c in responses.calls if c.request.method == "DELETE"]
    assert deleted[0]["tags"] == ["promise_open", "promise_overdue"]
    assert statuses(engine, promise.id)[("tag-clear", "ticket")] == ("sent", None)


@responses.activate
def test_a_ticket_closed_in_the_help_desk_fails_the_note_for_good(engine, monkeypatch):
    world, ticket, promise = setup(engine, monkeypatch, source_type="zendesk")
    path = f"{DESK}/api/v2/tickets/{ticket.external_id}"
    responses.get(f"{path}.json", json=_zendesk_ticket(ticket.external_id))
    responses.get(f"{path}/comments.json", json={"comments": [], "next_page": None})
    responses.put(f"{path}/tags.json", json={"tags": ["promise_open"]})
    responses.put(
        f"{path}.json",
        status=422,
        json={"error": "RecordInvalid", "description": "Status: closed prevents ticket update"},
    )
    transports = {"ticket": TicketTransport(world.config, sleep=no_sleep)}
    now = utc(2026, 11, 24, 11)
    decide(engine, world.config, now=now)
    report = deliver(engine, world.config, now=now, transports=transports)
    assert (report.delivered, report.failed) == (1, 1)
    status, error = statuses(engine, promise.id)[("overdue", "ticket")]
    assert status == "failed" and "the ticket is closed" in error
    assert "zd-token-123" not in error
