"""Slack buttons: requests signed as Slack's documentation describes act on the promise;
forged, replayed and stale ones, and other teams' agents, change nothing."""

from __future__ import annotations

import json
import logging
from urllib.parse import urlencode

import pytest
import responses
from sqlmodel import Session, select
from werkzeug.test import Client

from integrations.notify import Notice
from integrations.slack_buttons import SlackButtons, signature, slack_message
from tests.helpers.promise_world import World, utc
from tracker.config import SlackConfig
from tracker.corrections.slack import SLACK_PATH, with_slack
from tracker.models import Correction, Promise, Team
from tracker.service.health import make_app
from tracker.service.metrics import Metrics

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"  # Slack's documented example shape
NOW = utc(2026, 11, 24, 12)
RESPONSE_URL = "https://hooks.slack.com/actions/T1/1/abc"


@pytest.fixture
def setup(engine, monkeypatch):
    monkeypatch.setenv("FT_SLACK_SECRET", SECRET)
    monkeypatch.setenv("FT_SLACK_BOT", "xoxb-test-bot-token")
    with Session(engine, expire_on_commit=False) as session:
        world = World(session)
        other = Team(name="Tier 2", leads='["lead2@acme.example"]')
        session.add(other)
        session.flush()
        zed = world.person("zed@acme.example")
        zed.team_id = other.id
        promise = world.promise(world.ticket(assignee=world.amy), world.amy,
                                utc(2026, 11, 23, 10), utc(2026, 11, 24, 17))  # fmt: skip
        session.commit()
    config = world.config
    config.slack = SlackConfig(options={"webhook_url_env": "FT_SLACK_HOOK",
                                        "signing_secret_env": "FT_SLACK_SECRET",
                                        "bot_token_env": "FT_SLACK_BOT"})  # fmt: skip
    inner = with_slack(None, config, engine, lambda: NOW, slack=SlackButtons)
    app = make_app(
        engine,
        config,
        Metrics(engine, config, lambda: NOW),
        clock=lambda: NOW,
        started_at=NOW,
        web_app=inner,
    )
    return Client(app), engine, promise.id


def _body(promise_id: int, action: str, user: dict) -> bytes:
    payload = {
        "type": "block_actions",
        "user": user,
        "response_url": RESPONSE_URL,
        "actions": [{"action_id": action, "block_id": f"ft_promise_{promise_id}",
                     "value": str(promise_id), "type": "button"}],
    }  # fmt: skip
    return urlencode({"payload": json.dumps(payload)}).encode()


def _post(client, body: bytes, *, timestamp: int | None = None, secret: str = SECRET):
    stamp = str(timestamp if timestamp is not None else int(NOW.timestamp()))
    headers = {"X-Slack-Request-Timestamp": stamp,
               "X-Slack-Signature": signature(secret, stamp, body),
               "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip
    return client.post(SLACK_PATH, data=body, headers=headers)


def _state(engine, promise_id: int) -> str:
    with Session(engine) as session:
        return session.get(Promise, promise_id).state


def _users_info(user_id: str, email: str) -> None:
    responses.get("https://slack.com/api/users.info",
                  json={"ok": True, "user": {"id": user_id, "profile": {"email": email}}},
                  match=[responses.matchers.query_param_matcher({"user": user_id}),
                         responses.matchers.header_matcher(
                             {"Authorization": "Bearer xoxb-test-bot-token"})])  # fmt: skip
    responses.post(RESPONSE_URL, json={"ok": True})


@responses.activate
def test_a_signed_press_by_the_owner_marks_the_promise_done_and_answers_them(setup, caplog):
    client, engine, promise_id = setup
    _users_info("U0AMY", "amy@acme.example")
    with caplog.at_level(logging.DEBUG):
        reply = _post(client, _body(promise_id, "ft_done", {"id": "U0AMY"}))
    assert reply.status_code == 200, reply.text
    assert _state(engine, promise_id) == "kept"
    said = json.loads(responses.calls[-1].request.body)
    assert (
        said["response_type"] == "ephemeral" and "marked done by amy@acme.example" in said["text"]
    )
    assert SECRET not in caplog.text and "xoxb-test-bot-token" not in caplog.text


@responses.activate
def test_not_a_promise_from_slack_is_kept_as_a_slack_correction(setup):
    client, engine, promise_id = setup
    _users_info("U0AMY", "amy@acme.example")
    assert _post(client, _body(promise_id, "ft_not_a_promise", {"id": "U0AMY"})).status_code == 200
    with Session(engine) as session:
        (row,) = session.exec(select(Correction)).all()
        assert (row.channel, row.actor, row.promise_id) == ("slack", "amy@acme.example", promise_id)


@responses.activate
def test_snooze_1_day_snoozes_until_the_same_time_tomorrow(setup):
    client, engine, promise_id = setup
    _users_info("U0AMY", "amy@acme.example")
    assert _post(client, _body(promise_id, "ft_snooze_1d", {"id": "U0AMY"})).status_code == 200
    with Session(engine) as session:
        assert session.get(Promise, promise_id).snoozed_until == utc(2026, 11, 25, 12)


@responses.activate
def test_an_agent_of_another_team_cannot_dismiss_the_promise_from_slack(setup):
    client, engine, promise_id = setup
    _users_info("U0ZED", "zed@acme.example")
    reply = _post(client, _body(promise_id, "ft_not_a_promise", {"id": "U0ZED"}))
    assert reply.status_code == 200 and "may not act" in reply.json["text"]
    assert _state(engine, promise_id) == "open"


@responses.activate
def test_a_forged_request_is_refused_and_changes_nothing(setup):
    client, engine, promise_id = setup
    body = _body(promise_id, "ft_not_a_promise", {"id": "U0AMY", "email": "amy@acme.example"})
    reply = _post(client, body, secret="not-the-signing-secret")
    assert reply.status_code == 401 and "signature" in reply.json["text"]
    assert _state(engine, promise_id) == "open" and len(responses.calls) == 0


@responses.activate
def test_a_replayed_request_is_refused_the_second_time(setup):
    client, _, promise_id = setup
    responses.post(RESPONSE_URL, json={"ok": True})
    body = _body(promise_id, "ft_snooze_1d", {"id": "U0AMY", "email": "amy@acme.example"})
    assert _post(client, body).status_code == 200
    again = _post(client, body)
    assert again.status_code == 401 and "replayed" in again.json["text"]


def test_a_stale_request_is_refused_even_when_signed_correctly(setup):
    client, engine, promise_id = setup
    body = _body(promise_id, "ft_done", {"id": "U0AMY", "email": "amy@acme.example"})
    stale = _post(client, body, timestamp=int(NOW.timestamp()) - 301)
    assert stale.status_code == 401 and "stale" in stale.json["text"]
    assert _state(engine, promise_id) == "open"


def test_a_notice_about_a_promise_carries_the_three_buttons():
    notice = Notice("s", "t", "h", "*Overdue*", headers={"X-Followthrough-Promise": "42"})
    message = slack_message(notice)
    (actions,) = [b for b in message["blocks"] if b["type"] == "actions"]
    assert [(e["text"]["text"], e["action_id"], e["value"]) for e in actions["elements"]] == [
        ("Done", "ft_done", "42"),
        ("Snooze 1 day", "ft_snooze_1d", "42"),
        ("Not a promise", "ft_not_a_promise", "42"),
    ]
    assert slack_message(Notice("s", "t", "h", "digest")) == {"text": "digest"}


def test_the_documented_example_signature_is_reproduced():
    # Slack's "Verifying requests from Slack" example: secret, timestamp, body, signature.
    body = (
        b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
        b"&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
        b"&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
        b"%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        b"&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
    )
    expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
    assert signature("8f742231b10e8888abcd99yyyzzz85a5", "1531420618", body) == expected
