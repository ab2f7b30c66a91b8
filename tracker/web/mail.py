"""Sending the sign-in e-mail through the project's e-mail transport (`[notify.email]`)."""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup, escape

from integrations.notify import Notice
from integrations.notify.email import EmailTransport
from tracker.config import Config

Mailer = Callable[[str, str, str], None]  # (to, subject, plain-text body)
_LINK = re.compile(r"(https?://[^\s<>&\"']+)")


def as_html(text: str) -> str:
    """The plain text as HTML paragraphs, escaped, with its links clickable."""
    paragraphs = []
    for block in text.strip().split("\n\n"):
        html = _LINK.sub(r'<a href="\1">\1</a>', str(escape(block)))
        paragraphs.append(f"<p>{Markup(html.replace(chr(10), '<br>'))}</p>")
    return "\n".join(paragraphs)


def smtp_mailer(config: Config) -> Mailer | None:
    """A mailer over the configured SMTP server, or None without `[notify.email]`."""
    transport = EmailTransport.from_config(config)
    if transport is None:
        return None

    def send(to: str, subject: str, body: str) -> None:
        transport.send(Notice(subject=subject, text=body, html=as_html(body), slack=""), to)

    return send
