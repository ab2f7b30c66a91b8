"""The Slack interactivity request URL (`/slack/actions` on `[service] listen`): a button
press on a notice acts on its promise as the agent whose e-mail the Slack user has.

Served only when `[notify.slack] signing_secret_env` (or `_file`) is set. Every request
is verified first (by the `SlackButtons` the service hands in: integrations.slack_buttons);
the secret is never logged.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine

from tracker.config import Config
from tracker.corrections.applying import Outcome, act_on_promise
from tracker.corrections.buttons import SlackButtons, SlackRequestError
from tracker.corrections.commands import Command
from tracker.db import session_scope
from tracker.durations import parse_duration
from tracker.models import Promise

log = logging.getLogger(__name__)
SLACK_PATH = "/slack/actions"
MAX_BODY = 64 * 1024
WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def _reply(start_response: Callable[..., Any], status: str, text: str) -> list[bytes]:
    data = json.dumps({"text": text}).encode()
    start_response(status, [("Content-Type", "application/json"),
                            ("Content-Length", str(len(data)))])  # fmt: skip
    return [data]


def press_button(
    engine: Engine, config: Config, verb: str, promise_id: int, email: str, now: datetime
) -> Outcome:
    command = Command(verb, snooze=parse_duration("1d") if verb == "snooze" else None)
    with session_scope(engine) as session:
        promise = session.get(Promise, promise_id)
        if promise is None:
            return Outcome(False, f"promise {promise_id} no longer exists")
        return act_on_promise(session, config, command, promise, actor=email, channel="slack",
                              now=now)  # fmt: skip


def with_slack(
    inner: WsgiApp | None,
    config: Config,
    engine: Engine,
    clock: Callable[[], datetime],
    *,
    slack: Callable[[str, str | None], SlackButtons],
) -> WsgiApp | None:
    """`inner` with the Slack request URL in front of it (or `inner` itself when no signing
    secret is configured). `slack(signing_secret, bot_token)` is Slack's side."""
    secret = config.slack.signing_secret() if config.slack else None
    if not secret:
        return inner
    slack_api = slack(secret, config.slack.bot_token() if config.slack else None)

    def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != SLACK_PATH:
            if inner is not None:
                return inner(environ, start_response)
            return _reply(start_response, "404 Not Found", "not found")
        if environ.get("REQUEST_METHOD") != "POST":
            return _reply(start_response, "405 Method Not Allowed", "POST only")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY:
            return _reply(start_response, "413 Payload Too Large", "request too large")
        body = environ["wsgi.input"].read(length) if length > 0 else b""
        now = clock()
        try:
            press = slack_api.press(
                environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
                environ.get("HTTP_X_SLACK_SIGNATURE"),
                body,
                now.timestamp(),
            )
        except SlackRequestError as exc:
            log.warning("slack request refused", extra={"reason": str(exc)})
            return _reply(start_response, "401 Unauthorized", f"refused: {exc}")
        email = press.user_email or slack_api.email_of(press.user_id)
        if not email:
            outcome = Outcome(
                False, "your Slack user has no e-mail address we can match to an agent"
            )
        else:
            outcome = press_button(engine, config, press.verb, press.promise_id, email, now)
        log.info("slack button", extra={"ok": outcome.ok, "outcome": outcome.message})
        slack_api.respond(press.response_url, outcome.message)
        return _reply(start_response, "200 OK", outcome.message)

    return app
