"""Real-looking messages for seeding a mailbox over IMAP APPEND."""

from __future__ import annotations

from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime


def mail(
    sender: str,
    to: str,
    subject: str,
    body: str,
    *,
    message_id: str | None,
    sent: datetime,
    in_reply_to: str | None = None,
    references: list[str] | None = None,
    quote: str | None = None,
) -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(sent)
    if message_id:
        msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    if references:
        msg["References"] = " ".join(references)
    text = body
    if quote:
        text += "\n\nOn Mon, 13 May 2024 at 10:00, Someone <someone@example.com> wrote:\n"
        text += "\n".join(f"> {line}" for line in quote.splitlines()) + "\n"
    msg.set_content(text)
    return msg.as_bytes()
