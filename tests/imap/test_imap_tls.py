"""The same mailbox over TLS (port 993 style) and STARTTLS, with certificates checked."""

from __future__ import annotations

import pytest

from integrations.imap.client import MailboxError
from integrations.registry import connector_for
from tests.helpers.imap.mailbox import Account, mailbox_config, messages, unique
from tests.helpers.imap.mails import mail
from tests.helpers.imap.seed import ANNA, NOW, SUPPORT, at


@pytest.fixture
def one_message(mailbox_account: Account, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("FT_TEST_IMAP_PASSWORD", mailbox_account.password)
    message_id = f"<tls@{unique()}.example>"
    mailbox_account.append(
        mail(ANNA, SUPPORT, "Over TLS", "Hello", message_id=message_id, sent=at(0))
    )
    return message_id


def test_it_reads_mail_over_tls_when_the_certificate_is_trusted(
    mailbox_account: Account, one_message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(mailbox_account.server.cert_path))
    config = mailbox_config(
        mailbox_account, ["INBOX"], port=mailbox_account.server.tls_port, tls=True
    )
    assert list(messages(list(connector_for(config.sources[0]).pages(None, NOW)))) == [one_message]


def test_it_upgrades_a_plain_connection_with_starttls(
    mailbox_account: Account, one_message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(mailbox_account.server.cert_path))
    config = mailbox_config(mailbox_account, ["INBOX"], starttls=True)
    assert list(messages(list(connector_for(config.sources[0]).pages(None, NOW)))) == [one_message]


def test_an_untrusted_certificate_is_a_clear_error_and_is_not_retried(
    mailbox_account: Account, one_message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    config = mailbox_config(
        mailbox_account, ["INBOX"], port=mailbox_account.server.tls_port, tls=True
    )
    source = connector_for(config.sources[0])
    source.sleep = lambda _seconds: pytest.fail("a certificate problem must not be retried")
    with pytest.raises(
        MailboxError,
        match=r"^mailbox: the TLS certificate of 127\.0\.0\.1:\d+ "
        r"is not trusted \(self.signed certificate\)",
    ):
        list(source.pages(None, NOW))
