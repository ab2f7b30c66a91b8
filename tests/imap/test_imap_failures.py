"""What goes wrong with a real mailbox: dropped and stalled connections, a server that is
gone, wrong credentials, a missing folder, a folder recreated under a new UIDVALIDITY."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from integrations.http import AuthError
from integrations.imap.client import FolderError, Mailbox, MailboxAuthError, MailboxError
from integrations.notify import Notice, TransportError
from integrations.notify.ticket import TicketTransport
from integrations.registry import REGISTRY
from tests.helpers.imap.dovecot import free_port
from tests.helpers.imap.mailbox import Account, connector, messages, seeded, unique
from tests.helpers.imap.mails import mail
from tests.helpers.imap.proxy import Proxy
from tests.helpers.imap.seed import ANNA, NOW, SUPPORT, at
from tracker.config import Config, SourceConfig
from tracker.durations import parse_duration
from tracker.sources import TicketWriter


def before_call(monkeypatch: pytest.MonkeyPatch, method: str, nth: int, action) -> None:
    """Run `action` (cut the line, recreate a folder) just before the `nth` call of a
    Mailbox method: a pass reads every folder before it yields its first batch, so
    "mid-pass" means mid-read."""
    original = getattr(Mailbox, method)
    calls: list[int] = []

    def wrapped(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == nth:
            action()
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Mailbox, method, wrapped)


@pytest.fixture
def proxy(mailbox_account: Account) -> Iterator[Proxy]:
    front = Proxy(mailbox_account.server.port)
    try:
        yield front
    finally:
        front.close()


def test_a_connection_cut_mid_pass_is_reopened_and_nothing_is_lost(
    mailbox_account: Account, proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded(mailbox_account)
    source = connector(mailbox_account, port=proxy.port)
    before_call(monkeypatch, "fetch", 2, proxy.cut)  # INBOX read, Sent not yet
    batches = list(source.pages(None, NOW))
    assert len(messages(batches)) == 10
    assert source.stats.retries >= 1
    assert proxy.accepted >= 2


def test_a_stalled_connection_times_out_and_is_reopened(
    mailbox_account: Account, proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    seeded(mailbox_account)
    source = connector(mailbox_account, port=proxy.port, timeout=1.0)
    before_call(monkeypatch, "fetch", 2, proxy.stall_live_connections)
    batches = list(source.pages(None, NOW))
    assert len(messages(batches)) == 10
    assert source.stats.retries >= 1


def test_a_server_that_stays_gone_fails_after_bounded_retries(mailbox_account: Account) -> None:
    waits: list[float] = []
    source = connector(mailbox_account, port=free_port(), retries=2)
    source.sleep = waits.append
    with pytest.raises(MailboxError) as failure:
        list(source.pages(None, NOW))
    assert str(failure.value).startswith("mailbox: ")
    assert "failed after 3 attempts" in str(failure.value)
    assert len(waits) == 2
    assert not isinstance(failure.value, AuthError)


def test_wrong_credentials_fail_at_once_with_an_error_naming_the_source(
    mailbox_account: Account, own_address_proxy: Proxy
) -> None:
    wrong = Account(mailbox_account.server, mailbox_account.username, "not-the-password")
    waits: list[float] = []
    source = connector(wrong, port=own_address_proxy.port)
    source.sleep = waits.append
    with pytest.raises(MailboxAuthError) as failure:
        list(source.pages(None, NOW))
    message = str(failure.value)
    assert message.startswith("mailbox: IMAP login as ")
    assert mailbox_account.username in message and "refused" in message
    assert "not-the-password" not in message
    assert isinstance(failure.value, AuthError) and failure.value.permanent
    assert waits == []  # no retrying a refused login


def test_a_missing_folder_is_a_clear_error_and_the_other_folders_are_still_read(
    mailbox_account: Account,
) -> None:
    seeded(mailbox_account)
    source = connector(mailbox_account, folders=["Sent Items", "INBOX", "Sent"])
    batches: list = []
    with pytest.raises(FolderError, match=r"^mailbox: folder 'Sent Items' cannot be opened"):
        for batch in source.pages(None, NOW):
            batches.append(batch)
    assert len(messages(batches)) == 10
    assert set(json.loads(batches[-1].cursor)["folders"]) == {"INBOX", "Sent"}


def test_a_recreated_folder_is_read_again_and_only_new_mail_is_new(
    mailbox_account: Account,
) -> None:
    tag = unique("t")
    old = [
        mail(
            ANNA,
            SUPPORT,
            f"Question {n}",
            f"Question number {n}",
            message_id=f"<q{n}@{tag}.example>",
            sent=at(n),
        )
        for n in range(3)
    ]
    mailbox_account.append_many(old, "Support")
    first = list(connector(mailbox_account, folders=["Support"]).pages(None, NOW))
    before = json.loads(first[-1].cursor)["folders"]["Support"]

    with mailbox_account.client() as client:
        client.delete_folder("Support")
        client.create_folder("Support")
    new = mail(
        ANNA,
        SUPPORT,
        "Another question",
        "And one more",
        message_id=f"<q9@{tag}.example>",
        sent=at(9),
    )
    mailbox_account.append_many([*old[:2], new], "Support")

    second = list(connector(mailbox_account, folders=["Support"]).pages(first[-1].cursor, NOW))
    after = json.loads(second[-1].cursor)["folders"]["Support"]
    assert after["uidvalidity"] != before["uidvalidity"]
    assert after["last_uid"] == 3
    again = messages(second)
    # the folder is read from its start; ingest skips the Message-IDs it already has
    assert sorted(again) == sorted(
        [f"<q0@{tag}.example>", f"<q1@{tag}.example>", f"<q9@{tag}.example>"]
    )
    tickets = {m.external_id: m.ticket_external_id for m in again.values()}
    assert tickets[f"<q0@{tag}.example>"] == f"<q0@{tag}.example>"  # same key as before


def test_a_mailbox_has_no_ticket_to_write_on(mailbox_account: Account) -> None:
    # A mailbox is polled only: its connector is no TicketWriter, its spec has no writer,
    # and the ticket transport refuses its notices for good (escalate by e-mail instead).
    source = connector(mailbox_account)
    assert not isinstance(source, TicketWriter)
    spec = REGISTRY.get("imap")
    assert spec is not None and not spec.writes_tickets and not spec.ticket_channel
    mailbox = SourceConfig("mailbox", "imap", parse_duration("2m"), parse_duration("1d"), {})
    transport = TicketTransport(Config(sources=[mailbox]), sleep=lambda s: None)
    notice = Notice("overdue", "Promise overdue", "", "", source="mailbox", ticket="<a1@x>")
    with pytest.raises(TransportError) as failure:
        transport.send(notice, "")
    assert failure.value.permanent and "mailbox" in str(failure.value)


def test_a_folder_recreated_while_the_connection_was_down_is_read_again_from_its_start(
    mailbox_account: Account, proxy: Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    tag = unique("t")
    raws = [
        mail(
            ANNA,
            SUPPORT,
            f"Question {n}",
            f"Question number {n}",
            message_id=f"<w{n}@{tag}.example>",
            sent=at(n),
        )
        for n in range(4)
    ]
    mailbox_account.append_many(raws, "Support")
    with mailbox_account.client() as client:
        first_validity = client.select_folder("Support", readonly=True)[b"UIDVALIDITY"]

    def recreate_and_cut() -> None:
        with mailbox_account.client() as client:
            client.delete_folder("Support")
            client.create_folder("Support")
        mailbox_account.append_many(raws, "Support")
        proxy.cut()

    source = connector(mailbox_account, port=proxy.port, folders=["Support"])
    before_call(monkeypatch, "sizes", 1, recreate_and_cut)  # UIDs listed, not yet fetched
    batches = list(source.pages(None, NOW))
    final = json.loads(batches[-1].cursor)["folders"]["Support"]
    assert final["uidvalidity"] != first_validity and final["last_uid"] == 4
    ids = {m.external_id for b in batches for m in b.messages}
    assert ids == {f"<w{n}@{tag}.example>" for n in range(4)}  # all of it, read again
    assert source.stats.retries >= 1


def test_a_missing_password_is_named_before_any_connection(mailbox_account: Account) -> None:
    source = connector(mailbox_account, port=free_port())  # nothing listens there
    source.settings.password = None
    with pytest.raises(MailboxAuthError, match=r"^mailbox: no IMAP password: set password_env"):
        list(source.pages(None, NOW))
