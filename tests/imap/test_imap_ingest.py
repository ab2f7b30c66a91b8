"""A real mailbox synced into the database (SQLite and PostgreSQL) by the sync runner:
tickets, messages, hand-offs and promises, and a resync that adds no duplicates."""

from __future__ import annotations

import json

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from integrations.registry import connector_for
from tests.helpers.imap.mailbox import Account, mailbox_config, unique
from tests.helpers.imap.mails import mail
from tests.helpers.imap.proxy import Proxy
from tests.helpers.imap.seed import ANNA, NOW, SUPPORT, at, support_week
from tracker.ingest.sync import sync_source
from tracker.models import Assignment, Message, Person, Promise, Source, Ticket


def count(session: Session, model: type) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch, mailbox_account: Account) -> None:
    monkeypatch.setenv("FT_TEST_IMAP_PASSWORD", mailbox_account.password)


def test_a_synced_mailbox_has_its_threads_messages_handoffs_and_promises(
    engine: Engine, mailbox_account: Account
) -> None:
    tag = unique("t")
    inbox, sent = support_week(tag)
    mailbox_account.append_many(inbox, "Support")
    mailbox_account.append_many(sent, "Sent")
    config = mailbox_config(mailbox_account, ["Support", "Sent"])

    report = sync_source(engine, config, config.sources[0], now=NOW)
    assert report.error is None
    assert report.messages == 10 and report.handoffs == 1

    with Session(engine) as session:
        assert count(session, Ticket) == 4
        assert count(session, Message) == 10
        vat = session.exec(select(Ticket).where(Ticket.external_id == f"<a1@{tag}.example>")).one()
        assert vat.subject == "Wrong VAT number on INV-2211" and vat.status == "open"
        requester = session.get(Person, vat.requester_id)
        assignee = session.get(Person, vat.assignee_id)
        assert (requester.email, requester.role) == ("anna.kowalski@gmail.com", "customer")
        assert (assignee.email, assignee.role) == ("marta@acme.example", "agent")
        handoff = session.exec(select(Assignment)).one()
        assert session.get(Person, handoff.from_assignee_id).email == "tom@acme.example"
        assert handoff.to_assignee_id == assignee.id and handoff.ticket_id == vat.id

        promises = session.exec(select(Promise).where(Promise.ticket_id == vat.id)).all()
        quotes = sorted(p.quote for p in promises)
        assert any("get back to you by Friday" in q for q in quotes), quotes
        assert any("corrected invoice tomorrow" in q for q in quotes), quotes
        assert all(p.state == "open" for p in promises)
        # nothing from the quoted history became a message text or a promise
        texts = session.exec(select(Message.text)).all()
        lines = [line for t in texts for line in t.splitlines()]
        assert not any(line.startswith(">") or "wrote:" in line for line in lines)
        customer_promises = session.exec(
            select(Promise)
            .join(Message, Promise.message_id == Message.id)
            .where(Message.author_role == "customer")
        ).all()
        assert customer_promises == []

        source = session.exec(select(Source).where(Source.name == "mailbox")).one()
        cursor = json.loads(source.cursor)
        assert cursor["folders"]["Support"]["last_uid"] == 6
        assert source.last_error is None

    again = sync_source(engine, config, config.sources[0], now=NOW)
    assert again.error is None and again.messages == 0
    with Session(engine) as session:
        assert count(session, Message) == 10 and count(session, Promise) == len(promises)

    # the folder is deleted and recreated (a new UIDVALIDITY) with one new message:
    # it is read again from its start and only the new message is added
    with mailbox_account.client() as client:
        client.delete_folder("Support")
        client.create_folder("Support")
    a5 = f"<a5@{tag}.example>"
    new = mail(
        ANNA,
        SUPPORT,
        "Re: Wrong VAT number on INV-2211",
        "Any news?",
        message_id=a5,
        sent=at(30),
        in_reply_to=f"<a4@{tag}.example>",
    )
    mailbox_account.append_many([*inbox, new], "Support")
    resync = sync_source(engine, config, config.sources[0], now=NOW)
    assert resync.error is None and resync.messages == 1
    with Session(engine) as session:
        assert count(session, Message) == 11 and count(session, Ticket) == 4
        assert count(session, Promise) == len(promises)
        reply = session.exec(select(Message).where(Message.external_id == a5)).one()
        assert session.get(Ticket, reply.ticket_id).external_id == f"<a1@{tag}.example>"
        source = session.exec(select(Source).where(Source.name == "mailbox")).one()
        new_validity = json.loads(source.cursor)["folders"]["Support"]["uidvalidity"]
        assert new_validity != cursor["folders"]["Support"]["uidvalidity"]


def test_wrong_credentials_leave_a_clear_error_and_the_cursor_untouched(
    engine: Engine,
    mailbox_account: Account,
    own_address_proxy: Proxy,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mailbox_account.append(
        mail(ANNA, SUPPORT, "Hello", "Hi", message_id=f"<h@{unique()}.example>", sent=at(0))
    )
    monkeypatch.setenv("FT_TEST_IMAP_PASSWORD", "wrong")
    config = mailbox_config(mailbox_account, ["INBOX"], port=own_address_proxy.port)
    report = sync_source(engine, config, config.sources[0], now=NOW)
    assert report.error is not None
    assert report.error.startswith("mailbox: IMAP login as")
    assert "refused" in report.error and "wrong" not in report.error.split("(")[0]
    with Session(engine) as session:
        source = session.exec(select(Source).where(Source.name == "mailbox")).one()
        assert source.cursor is None and source.last_error == report.error
        assert count(session, Message) == 0


def test_the_registry_builds_the_mailbox_connector_from_its_configuration(
    mailbox_account: Account,
) -> None:
    config = mailbox_config(mailbox_account, ["INBOX", "Sent"], batch_size=7)
    source = connector_for(config.sources[0])
    assert source.name == "mailbox"
    assert source.settings.port == mailbox_account.server.port and not source.settings.tls
    assert source.settings.password == mailbox_account.password
    assert source.folders == ["INBOX", "Sent"] and source.batch_size == 7
    assert source.is_agent("Someone@ACME.example") and not source.is_agent("anna@gmail.com")
