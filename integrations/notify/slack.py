"""Slack incoming webhook, through the project's one HTTP client."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from integrations.http import HttpClient, HttpError
from integrations.slack_buttons import slack_message
from tracker.config import Config
from tracker.outbox.transport import Notice, TransportError

# Slack answers these for a webhook that is gone for good (app removed, channel archived).
PERMANENT_STATUSES = (400, 403, 404, 410)


class SlackTransport:
    def __init__(self, webhook_url: str, *, sleep: Callable[[float], None] | None = None):
        parts = urlsplit(webhook_url)
        base = f"{parts.scheme}://{parts.netloc}"
        kwargs: dict[str, Any] = {"sleep": sleep} if sleep is not None else {}
        # The webhook URL is the secret: keep it out of every error message.
        self.client = HttpClient(
            "slack", base, secrets=[webhook_url, parts.path], timeout=15, max_retries=1, **kwargs
        )
        self.url = webhook_url

    @classmethod
    def from_config(cls, config: Config) -> SlackTransport | None:
        if config.slack is None:
            return None
        url = config.slack.webhook_url()
        return cls(url) if url else None

    def send(self, notice: Notice, recipient: str) -> None:
        try:
            self.client.request("POST", self.url, json=slack_message(notice))
        except HttpError as exc:
            permanent = exc.permanent or exc.status in PERMANENT_STATUSES
            raise TransportError(
                self.client.redact(str(exc)),
                permanent=permanent,
                unreachable=exc.status is None or exc.status >= 500,  # no answer, or down
            ) from None
