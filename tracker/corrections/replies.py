"""Reply to a notice: "done", "not a promise" or "snooze 2 days" in reply to a reminder or
overdue e-mail acts on its promise.

Each notice e-mail gets a fresh token (only its hash is stored) in its Message-ID
(`<ft.TOKEN@domain>`) and Reply-To (`local+TOKEN@domain` of `[notify.email] reply_to`).
A reply acts only when it carries a known token, in In-Reply-To/References or in the
address it was sent to, and comes from the notice's recipient; then the same access
rule as every other channel applies (tracker.corrections.applying).

The reply mailbox is the imap `[[source]]` named by `[notify.email] reply_mailbox`: its
sync pass reads replies (a `ReplyMailbox`, from its spec's `replies`) instead of
ingesting support mail.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
import secrets
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from tracker.config import Config, SourceConfig
from tracker.corrections.applying import Outcome, act_on_promise
from tracker.corrections.commands import CommandError, parse_reply
from tracker.db import session_scope
from tracker.models import NoticeToken, Promise, Source
from tracker.outbox.transport import Notice
from tracker.sources import ConnectorRegistry, MailReply, ReplyMailbox, installed

log = logging.getLogger(__name__)
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def reply_address(config: Config) -> str | None:
    email = config.email
    if email is None or not email.options.get("reply_mailbox"):
        return None
    return email.options.get("reply_to") or email.sender


def with_reply_token(
    session: Session, config: Config, notice: Notice, promise_id: int, recipient: str,
    now: datetime,
) -> Notice:  # fmt: skip
    """The notice with a new reply token in its Message-ID and Reply-To (unchanged when no
    reply mailbox is configured). The caller commits the token with the delivery."""
    address = reply_address(config)
    if address is None or "@" not in address:
        return notice
    token = secrets.token_hex(16)
    session.add(NoticeToken(token_hash=_hash(token), promise_id=promise_id,
                            recipient=recipient.strip().lower(), created_at=now))  # fmt: skip
    local, _, domain = address.partition("@")
    headers = {
        **notice.headers,
        "Message-ID": f"<ft.{token}@{domain}>",
        "Reply-To": f"{local}+{token}@{domain}",
    }
    return dataclasses.replace(notice, headers=headers)


def tokens_in(reply: MailReply) -> list[str]:
    """Candidate tokens: from `ft.TOKEN@…` message ids and `local+TOKEN@…` addresses."""
    found = [i.split("@")[0][3:] for i in reply.in_reply_to if i.startswith("ft.")]
    found += [a.split("@")[0].rpartition("+")[2] for a in reply.addresses if "+" in a]
    return [t for t in dict.fromkeys(found) if _TOKEN.match(t)]


def apply_reply(session: Session, config: Config, reply: MailReply, now: datetime) -> Outcome:
    """Act on one reply, or say why not (the caller logs it; nothing is sent back)."""
    token_row = None
    for token in tokens_in(reply):
        query = select(NoticeToken).where(NoticeToken.token_hash == _hash(token))
        token_row = session.exec(query).first()
        if token_row is not None:
            break
    if token_row is None:
        return Outcome(False, "no notice token in In-Reply-To or the address")
    if reply.sender != token_row.recipient:
        return Outcome(False, f"{reply.sender or 'unknown sender'} is not the notice's "
                              "recipient", token_row.promise_id)  # fmt: skip
    try:
        command = parse_reply(reply.text)
    except CommandError as exc:
        return Outcome(False, str(exc), token_row.promise_id)
    if command is None:
        return Outcome(False, "the reply does not start with done, not a promise or snooze",
                       token_row.promise_id)  # fmt: skip
    promise = session.get(Promise, token_row.promise_id)
    if promise is None:
        return Outcome(False, f"promise {token_row.promise_id} no longer exists")
    return act_on_promise(session, config, command, promise, actor=reply.sender,
                          channel="email", now=now)  # fmt: skip


def is_reply_mailbox(config: Config, source: SourceConfig) -> bool:
    email = config.email
    return bool(
        email and source.type == "imap" and email.options.get("reply_mailbox") == source.name
    )


def open_reply_mailbox(
    source: SourceConfig, connectors: ConnectorRegistry | None = None
) -> ReplyMailbox:
    """The reply mailbox `source` names, as its connector's spec opens it."""
    spec = (connectors or installed()).spec_for(source)
    if spec.replies is None:
        raise ValueError(f"{source.name}: a {source.type} source cannot be a reply mailbox")
    return spec.replies(source)


def sync_replies(
    engine: Engine,
    config: Config,
    source: SourceConfig,
    *,
    now: datetime,
    mailbox: ReplyMailbox | None = None,
    connectors: ConnectorRegistry | None = None,
) -> tuple[int, str | None]:
    """One pass over the reply mailbox: (replies acted on, the error or None). Each page of
    replies and its UID cursor are stored in one transaction."""
    import json

    from tracker.ingest.store import get_or_create_source

    with session_scope(engine) as session:
        row = get_or_create_source(session, source.name, source.type)
        source_id, cursor = row.id, json.loads(row.cursor or "{}")
    box = mailbox or open_reply_mailbox(source, connectors)
    acted, error = 0, None
    try:
        for replies, new_cursor in box.pages(cursor):
            with session_scope(engine) as session:
                for reply in replies:
                    outcome = apply_reply(session, config, reply, now)
                    acted += outcome.ok
                    extra = {"source": source.name, "uid": reply.uid, "ok": outcome.ok}
                    log.info("notice reply: %s", outcome.message, extra=extra)
                row = session.get_one(Source, source_id)
                row.cursor = json.dumps(new_cursor, sort_keys=True)
                session.add(row)
    except Exception as exc:  # the mailbox failed: keep the last stored cursor
        error = f"{source.name}: {type(exc).__name__}: {' '.join(str(exc).split())}"[:1000]
    finally:
        box.close()
    return acted, error


class RepliesRead:
    """Stands in for the reply mailbox's connector once its replies are read: no pages."""

    stats = None

    def __init__(self, name: str):
        self.name = name

    def pages(self, cursor: str | None, now: datetime) -> tuple[()]:
        return ()


def read_reply_mailbox(
    engine: Engine, config: Config, source: SourceConfig, now: datetime,
    connectors: ConnectorRegistry | None = None,
) -> tuple[RepliesRead, int]:  # fmt: skip
    """For tracker.ingest.sync: read the replies (raising on a mailbox failure) and hand back a
    connector with nothing more to ingest, plus how many replies acted."""
    acted, error = sync_replies(engine, config, source, now=now, connectors=connectors)
    if error is not None:
        raise RuntimeError(error)
    return RepliesRead(source.name), acted
