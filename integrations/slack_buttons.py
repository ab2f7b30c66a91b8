"""Slack's side of the Done / Snooze 1 day / Not a promise buttons: the blocks on a
notice, the request signature check, the payload, users.info and the response_url.

Signature (Slack's "Verifying requests from Slack"): `v0=` + hex HMAC-SHA256 of
`v0:{X-Slack-Request-Timestamp}:{raw body}` keyed by the app's signing secret, compared
in constant time; a timestamp more than five minutes from now is refused (stale), and a
signature already accepted within that window is refused too (replayed).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import threading
from typing import Any
from urllib.parse import parse_qs

from integrations.http import HttpClient, HttpError
from tracker.corrections.buttons import ButtonPress, SlackRequestError
from tracker.outbox.transport import Notice

__all__ = ["ButtonPress", "SlackApi", "SlackButtons", "SlackRequestError", "Verifier"]

WINDOW_SECONDS = 300
ACTIONS = {"ft_done": "done", "ft_snooze_1d": "snooze", "ft_not_a_promise": "notpromise"}
SLACK_API = "https://slack.com/api"


def slack_message(notice: Notice) -> dict[str, Any]:
    """The webhook body: the text, and the three buttons when the notice is about a promise."""
    promise = notice.headers.get("X-Followthrough-Promise")
    if not promise:
        return {"text": notice.slack}
    buttons = [
        ("Done", "ft_done", "primary"),
        ("Snooze 1 day", "ft_snooze_1d", None),
        ("Not a promise", "ft_not_a_promise", "danger"),
    ]
    elements = []
    for label, action_id, style in buttons:
        button: dict[str, Any] = {
            "type": "button",
            "text": {"type": "plain_text", "text": label},
            "action_id": action_id,
            "value": promise,
        }
        if style:
            button["style"] = style
        elements.append(button)
    return {
        "text": notice.slack,
        "blocks": [
            {"type": "section", "text": {"type": "mrkdwn", "text": notice.slack}},
            {"type": "actions", "block_id": f"ft_promise_{promise}", "elements": elements},
        ],
    }


def signature(secret: str, timestamp: str, body: bytes) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class Verifier:
    """Checks requests against the signing secret; remembers accepted signatures for the
    window so a captured request cannot be sent again."""

    def __init__(self, secret: str):
        self._secret = secret
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def verify(self, timestamp: str | None, given: str | None, body: bytes, now: float) -> None:
        if not timestamp or not given:
            raise SlackRequestError("missing X-Slack-Signature or X-Slack-Request-Timestamp")
        try:
            sent = int(timestamp)
        except ValueError:
            raise SlackRequestError("X-Slack-Request-Timestamp is not a number") from None
        if abs(now - sent) > WINDOW_SECONDS:
            raise SlackRequestError("stale request: timestamp outside the 5-minute window")
        if not hmac.compare_digest(signature(self._secret, timestamp, body), given):
            raise SlackRequestError("signature does not match")
        with self._lock:
            self._seen = {s: t for s, t in self._seen.items() if now - t <= WINDOW_SECONDS}
            if given in self._seen:
                raise SlackRequestError("replayed request: this signature was already used")
            self._seen[given] = now


def parse_payload(body: bytes) -> ButtonPress:
    """The first of our buttons in a `block_actions` payload (form field `payload`)."""
    try:
        fields = parse_qs(body.decode("utf-8"), strict_parsing=True)
        payload = json.loads(fields["payload"][0])
    except (UnicodeDecodeError, ValueError, KeyError):
        raise SlackRequestError("the body has no JSON `payload` field") from None
    if not isinstance(payload, dict) or payload.get("type") != "block_actions":
        raise SlackRequestError("not a block_actions payload")
    user = payload.get("user") or {}
    for action in payload.get("actions") or []:
        verb = ACTIONS.get(str(action.get("action_id")))
        value = str(action.get("value") or "")
        if verb and value.isdigit():
            return ButtonPress(
                verb=verb,
                promise_id=int(value),
                user_id=str(user.get("id") or ""),
                user_email=user.get("email") or (user.get("profile") or {}).get("email"),
                response_url=payload.get("response_url"),
            )
    raise SlackRequestError("no Follow-through button in the payload")


class SlackApi:
    """users.info and response_url through the project's HTTP client; the bot token is
    never in an error message."""

    def __init__(self, bot_token: str | None, base_url: str = SLACK_API):
        headers = {"Authorization": f"Bearer {bot_token}"} if bot_token else {}
        self.client = HttpClient("slack-api", base_url, headers=headers,
                                 secrets=[bot_token or ""], timeout=10, max_retries=1)  # fmt: skip
        self.has_token = bool(bot_token)

    def email_of(self, user_id: str) -> str | None:
        """The user's e-mail address (needs the users:read.email scope); None if unknown."""
        if not self.has_token or not user_id:
            return None
        try:
            data = self.client.request("GET", "/users.info", params={"user": user_id}).json()
        except (HttpError, ValueError):
            return None
        if not isinstance(data, dict) or not data.get("ok"):
            return None
        return ((data.get("user") or {}).get("profile") or {}).get("email") or None

    def respond(self, response_url: str | None, text: str) -> None:
        """Tell the person who pressed the button what happened (only them: ephemeral)."""
        if not response_url or not response_url.startswith("https://hooks.slack.com/"):
            return
        body = {"response_type": "ephemeral", "replace_original": False, "text": text}
        with contextlib.suppress(HttpError):
            self.client.request("POST", response_url, json=body)


class SlackButtons:
    """Slack's side of the request URL (tracker.corrections.buttons.SlackButtons): the
    signing secret's verifier, the payload, and the bot token's API."""

    def __init__(self, signing_secret: str, bot_token: str | None, api: SlackApi | None = None):
        self.verifier = Verifier(signing_secret)
        self.api = api or SlackApi(bot_token)

    def press(
        self, timestamp: str | None, signature: str | None, body: bytes, now: float
    ) -> ButtonPress:
        self.verifier.verify(timestamp, signature, body, now)
        return parse_payload(body)

    def email_of(self, user_id: str) -> str | None:
        return self.api.email_of(user_id)

    def respond(self, response_url: str | None, text: str) -> None:
        self.api.respond(response_url, text)
