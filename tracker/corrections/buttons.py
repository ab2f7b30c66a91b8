"""What a press of a notice's Slack button is, and what the core asks of Slack to act on
one (tracker.corrections.slack). Slack's side (the signature, the payload, users.info
and response_url) is integrations.slack_buttons, handed in by the service."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class SlackRequestError(Exception):
    """The request is not one Slack signed just now; `str()` is safe to log."""


@dataclass(frozen=True)
class ButtonPress:
    verb: str  # done | snooze | notpromise
    promise_id: int
    user_id: str
    user_email: str | None  # when the payload carries it
    response_url: str | None


class SlackButtons(Protocol):
    """Slack, as the request URL needs it."""

    def press(
        self, timestamp: str | None, signature: str | None, body: bytes, now: float
    ) -> ButtonPress:
        """The button pressed in a request Slack signed just now (`now`: epoch seconds);
        raises `SlackRequestError` for any other request."""

    def email_of(self, user_id: str) -> str | None:
        """The Slack user's e-mail address; None if unknown."""

    def respond(self, response_url: str | None, text: str) -> None:
        """Tell the person who pressed the button what happened."""
