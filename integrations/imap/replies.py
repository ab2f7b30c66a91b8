"""Replies to notices, read from the reply mailbox over IMAP: who sent each, to which
addresses, in reply to which Message-ID, and the first words of its own text.

No business rules here: tracker.corrections.replies decides what a reply may do.
"""

from __future__ import annotations

import email
import email.policy
import time
from collections.abc import Iterator
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr
from typing import Any

from integrations.imap.client import Mailbox
from integrations.imap.connector import settings_from
from tracker.config import SourceConfig
from tracker.sources import MailReply

BATCH = 100
FIRST_BYTES = 256 * 1024


def _plain(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    if part is None:
        return ""
    try:
        return part.get_content()
    except (LookupError, ValueError):
        # a non-multipart part's decoded payload is bytes; typeshed allows any payload
        return part.get_payload(decode=True).decode("utf-8", "replace")  # type: ignore[union-attr]


def parse_reply_mail(uid: int, raw: bytes) -> MailReply:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    fields = [str(v) for key in ("To", "Cc", "Delivered-To") for v in message.get_all(key, [])]
    ids = " ".join(str(message.get(k, "")) for k in ("In-Reply-To", "References"))
    return MailReply(
        uid=uid,
        sender=parseaddr(str(message.get("From", "")))[1].lower(),
        addresses=tuple(a.lower() for _, a in getaddresses(fields) if a),
        in_reply_to=tuple(i.strip("<>") for i in ids.split() if i.startswith("<")),
        text=_plain(message),
    )


def new_replies(
    mailbox: Mailbox, cursor: dict[str, Any], folder: str = "INBOX"
) -> Iterator[tuple[list[MailReply], dict[str, Any]]]:
    """Pages of replies after the cursor's UID, each with the cursor to store after it.
    A changed UIDVALIDITY starts the folder again from the top."""
    validity = mailbox.open(folder)
    last = int(cursor.get("uid", 0)) if cursor.get("uidvalidity") == validity else 0
    uids, _ = mailbox.uids_after(last)
    for start in range(0, len(uids), BATCH):
        chunk = uids[start : start + BATCH]
        fetched = mailbox.fetch(chunk, first_bytes=FIRST_BYTES)
        replies = [parse_reply_mail(uid, fetched[uid].raw) for uid in chunk if uid in fetched]
        yield replies, {"uidvalidity": validity, "uid": chunk[-1]}


class ReplyReader:
    """The reply mailbox as tracker.corrections.replies reads it (a `ReplyMailbox`)."""

    def __init__(self, source: SourceConfig, mailbox: Mailbox | None = None):
        self.mailbox = mailbox or Mailbox(source.name, settings_from(source), sleep=time.sleep)

    def pages(self, cursor: dict[str, Any]) -> Iterator[tuple[list[MailReply], dict[str, Any]]]:
        return new_replies(self.mailbox, cursor)

    def close(self) -> None:
        self.mailbox.close()
