"""One poison mail never stops a mailbox (issue 14, item 1): anyone can e-mail the
support address, so a display name of 300 characters, NUL bytes or a date in the year
9999 are cleaned, a mail with no sender is set aside in `rejected`, and the mail after
them is stored and the cursor moves on. A real Dovecot; SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from tests.helpers.imap.mailbox import Account, mailbox_config, unique
from tests.helpers.imap.mails import mail
from tests.helpers.imap.seed import ANNA, NOW, SUPPORT, at
from tracker.ingest.sync import sync_source
from tracker.models import Message, Person, Rejected, Source


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch, mailbox_account: Account) -> None:
    monkeypatch.setenv("FT_TEST_IMAP_PASSWORD", mailbox_account.password)


def test_a_mail_with_a_300_character_sender_name_does_not_stop_the_mailbox(
    engine: Engine, mailbox_account: Account
) -> None:
    tag = unique("t")
    long_name = "Mallory " + "M" * 292
    poison = mail(
        f'"{long_name}" <mallory@evil.example>',
        SUPPORT,
        "Hello\x00 there",
        "Please call me.\x00",
        message_id=f"<p1@{tag}.example>",
        sent=at(1),
    )
    future = mail(
        ANNA, SUPPORT, "From the future", "Hi", message_id=f"<p2@{tag}.example>", sent=at(2)
    ).replace(b"Date: ", b"Date: Fri, 31 Dec 9999 23:00:00 +0000\r\nX-Old-Date: ", 1)
    no_sender = f"Subject: lost\r\nMessage-ID: <p3@{tag}.example>\r\n\r\nno sender\r\n".encode()
    after = mail(
        ANNA, SUPPORT, "After", "Still there?", message_id=f"<p4@{tag}.example>", sent=at(3)
    )
    mailbox_account.append_many([poison, future, no_sender, after], "INBOX")
    config = mailbox_config(mailbox_account, ["INBOX"])

    report = sync_source(engine, config, config.sources[0], now=NOW)
    assert report.error is None and report.rejected == 1

    with Session(engine) as session:
        stored = {m.external_id: m for m in session.exec(select(Message))}
        assert sorted(stored) == [f"<p{n}@{tag}.example>" for n in (1, 2, 4)]
        assert "\x00" not in stored[f"<p1@{tag}.example>"].text
        assert stored[f"<p2@{tag}.example>"].sent_at <= NOW + timedelta(days=1)
        mallory = session.exec(select(Person).where(Person.email == "mallory@evil.example")).one()
        assert mallory.name == long_name[:200]
        rejected = session.exec(select(Rejected)).one()
        assert (rejected.kind, rejected.external_id, rejected.error) == (
            "mail",
            "INBOX:3",
            "NoSender",
        )
        cursor = json.loads(session.exec(select(Source)).one().cursor)
        assert cursor["folders"]["INBOX"]["last_uid"] == 4
