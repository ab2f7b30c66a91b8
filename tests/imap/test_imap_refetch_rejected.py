"""A mail set aside in `rejected` (`folder:uid`) is fetched again by a later pass (issue
14, item 1: "a later pass retries them"), unless its folder's UIDVALIDITY changed.
A real Dovecot; SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

import integrations.imap.connector as imap_connector
from tests.helpers.imap.mailbox import Account, mailbox_config, unique
from tests.helpers.imap.mails import mail
from tests.helpers.imap.seed import ANNA, NOW, SUPPORT, at
from tracker.ingest.retry import EVERY
from tracker.ingest.sync import sync_source
from tracker.models import Message, Rejected, Source


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch, mailbox_account: Account) -> None:
    monkeypatch.setenv("FT_TEST_IMAP_PASSWORD", mailbox_account.password)


class Fault(Exception):
    """Injected: reading the marked mail fails while `on`."""


def _seed(monkeypatch: pytest.MonkeyPatch, account: Account) -> tuple[str, dict[str, bool]]:
    tag = unique("r")
    first = mail(ANNA, SUPPORT, "Refund", "Where is it?", message_id=f"<r1@{tag}.example>",
                 sent=at(1))  # fmt: skip
    second = mail(ANNA, SUPPORT, "Invoice", "Please send it.", message_id=f"<r2@{tag}.example>",
                  sent=at(2))  # fmt: skip
    account.append_many([first, second], "INBOX")
    switch = {"on": True}
    real = imap_connector.parse_message

    def parse(raw: bytes):
        if switch["on"] and f"<r2@{tag}.example>".encode() in raw:
            raise Fault("injected")
        return real(raw)

    monkeypatch.setattr(imap_connector, "parse_message", parse)
    return tag, switch


def test_a_rejected_mail_is_fetched_again_by_its_uid_and_leaves_rejected(
    monkeypatch: pytest.MonkeyPatch, engine: Engine, mailbox_account: Account
) -> None:
    tag, switch = _seed(monkeypatch, mailbox_account)
    config = mailbox_config(mailbox_account, ["INBOX"])
    first = sync_source(engine, config, config.sources[0], now=NOW)
    assert first.error is None and first.rejected == 1
    with Session(engine) as session:
        row = session.exec(select(Rejected)).one()
        assert (row.kind, row.external_id, row.error) == ("mail", "INBOX:2", "Fault")
        stored = [m.external_id for m in session.exec(select(Message))]
        assert stored == [f"<r1@{tag}.example>"]

    switch["on"] = False  # the cursor is past UID 2: only the retry can bring it
    second = sync_source(engine, config, config.sources[0], now=NOW + EVERY)
    assert second.error is None and second.rejected == 0 and second.messages == 1
    with Session(engine) as session:
        stored = sorted(m.external_id for m in session.exec(select(Message)))
        assert stored == [f"<r1@{tag}.example>", f"<r2@{tag}.example>"]
        assert session.exec(select(Rejected)).all() == []
        cursor = json.loads(session.exec(select(Source)).one().cursor)
        assert cursor["folders"]["INBOX"]["last_uid"] == 2


def test_a_rejected_mail_is_not_fetched_when_the_folder_uidvalidity_changed(
    monkeypatch: pytest.MonkeyPatch, engine: Engine, mailbox_account: Account
) -> None:
    _, switch = _seed(monkeypatch, mailbox_account)
    config = mailbox_config(mailbox_account, ["INBOX"])
    sync_source(engine, config, config.sources[0], now=NOW)
    switch["on"] = False
    fetched: list[object] = []
    real_fetch = imap_connector.Mailbox.fetch

    def fetch(self, uids, first_bytes=None):
        fetched.append(list(uids))
        return real_fetch(self, uids, first_bytes)

    monkeypatch.setattr(imap_connector.Mailbox, "fetch", fetch)
    connector = imap_connector.build(config.sources[0])
    with Session(engine) as session:
        cursor = json.loads(session.exec(select(Source)).one().cursor)
    validity = cursor["folders"]["INBOX"]["uidvalidity"]

    def knowing(value: int) -> str:
        return json.dumps({**cursor, "folders": {"INBOX": {"uidvalidity": value, "last_uid": 2}}})

    # another UIDVALIDITY: UID 2 names another mail now, or none
    assert connector.refetch("mail", "INBOX:2", cursor=knowing(validity + 1), now=NOW) is None
    assert fetched == []
    again = connector.refetch("mail", "INBOX:2", cursor=knowing(validity), now=NOW)
    assert again is not None and fetched == [[2]] and len(again.messages) == 1
