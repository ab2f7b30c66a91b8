"""Mail in INBOX from an agent's address keeps a promise only when it is proven to be
the agent's (issue 14, item 11): anyone can write `From: tom@acme.example`. The Sent
folder is proof; elsewhere the topmost Authentication-Results must say DKIM or SPF
passed for the agent's domain. A real Dovecot; SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from tests.helpers.imap.mailbox import Account, mailbox_config, unique
from tests.helpers.imap.mails import mail
from tests.helpers.imap.seed import ANNA, NOW, SUPPORT, TOM, at
from tests.helpers.sweeping import run_sweep
from tracker.ingest.sync import sync_source
from tracker.models import Message, Promise


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch, mailbox_account: Account) -> None:
    monkeypatch.setenv("FT_TEST_IMAP_PASSWORD", mailbox_account.password)


def _thread(account: Account, tag: str, follow_up_headers: bytes) -> str:
    """Anna asks, Tom promises from Sent, then a mail "from Tom" arrives in INBOX."""
    root, promise, follow = (f"<{n}@{tag}.example>" for n in ("q", "p", "f"))
    question = mail(ANNA, SUPPORT, "Refund", "Where is my refund?", message_id=root, sent=at(0))
    reply = mail(
        TOM,
        ANNA,
        "Re: Refund",
        "Hi Anna,\n\nI'll call you back tomorrow.\n\nTom",
        message_id=promise,
        sent=at(1),
        in_reply_to=root,
        references=[root],
    )
    later = mail(
        TOM,
        ANNA,
        "Re: Refund",
        "Hi Anna, here is an update: all done.",
        message_id=follow,
        sent=at(2),
        in_reply_to=promise,
        references=[root, promise],
    )
    account.append_many([question, follow_up_headers + later], "INBOX")
    account.append_many([reply], "Sent")
    return follow


def _sync_and_sweep(engine: Engine, account: Account) -> tuple[str, str]:
    config = mailbox_config(account, ["Sent", "INBOX"])
    report = sync_source(engine, config, config.sources[0], now=NOW)
    assert report.error is None and report.promises == 1
    run_sweep(engine, config, now=NOW)
    with Session(engine) as session:
        promise = session.exec(select(Promise)).one()
        follow = session.exec(select(Message).where(Message.external_id.like("<f@%"))).one()
        return promise.state, follow.author_role


def test_forged_agent_mail_in_the_inbox_does_not_keep_the_agents_promise(
    engine: Engine, mailbox_account: Account
) -> None:
    _thread(mailbox_account, unique("t"), b"")
    assert _sync_and_sweep(engine, mailbox_account) == ("open", "customer")


def test_a_forged_authentication_result_below_our_servers_own_is_not_proof(
    engine: Engine, mailbox_account: Account
) -> None:
    headers = (
        b"Authentication-Results: mx.acme.example; dkim=fail header.d=acme.example;"
        b" spf=softfail smtp.mailfrom=tom@acme.example\r\n"
        b"Authentication-Results: mx.acme.example; dkim=pass header.d=acme.example\r\n"
    )
    _thread(mailbox_account, unique("t"), headers)
    assert _sync_and_sweep(engine, mailbox_account) == ("open", "customer")


def test_a_pass_for_another_domain_is_not_proof(engine: Engine, mailbox_account: Account) -> None:
    headers = b"Authentication-Results: mx.acme.example; dkim=pass header.d=evil.example\r\n"
    _thread(mailbox_account, unique("t"), headers)
    assert _sync_and_sweep(engine, mailbox_account) == ("open", "customer")


@pytest.mark.parametrize(
    "result",
    [b"dkim=pass header.d=acme.example header.s=s1", b"spf=pass smtp.mailfrom=tom@acme.example"],
    ids=["dkim", "spf"],
)
def test_agent_mail_our_server_authenticated_keeps_the_promise(
    engine: Engine, mailbox_account: Account, result: bytes
) -> None:
    headers = b"Authentication-Results: mx.acme.example; " + result + b"\r\n"
    _thread(mailbox_account, unique("t"), headers)
    assert _sync_and_sweep(engine, mailbox_account) == ("kept", "agent")
