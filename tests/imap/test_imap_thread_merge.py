"""A thread never splits because of the order its folders are read in: the customer's
reply (INBOX) to the agent's message (Sent) joins the agent's thread, and two tickets
that a later message proves to be one thread are merged, messages and promises."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, func, select

from tests.helpers.imap.mailbox import Account, mailbox_config, unique
from tests.helpers.imap.mails import mail
from tests.helpers.imap.seed import NOW, TOM, at
from tracker.config import Config, TeamConfig
from tracker.ingest.sync import sync_source
from tracker.models import Message, Promise, Ticket
from tracker.sweep import decide

CUSTOMER = "Dana Fox <dana.fox@example.org>"


def _config(account: Account) -> Config:
    config = mailbox_config(account, ["INBOX", "Sent"], batch_size=2)
    return replace(config, teams=[TeamConfig(name="Mail", members=["tom@acme.example"])])


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch, mailbox_account: Account) -> None:
    monkeypatch.setenv("FT_TEST_IMAP_PASSWORD", mailbox_account.password)


def _conversation(tag: str) -> tuple[dict[str, str], list[bytes], list[bytes]]:
    """Customer asks (C0); agent promises (A1, Sent); customer says thanks, replying to
    A1 only (C1); agent sends the tracking number, replying to C1 only (A2, Sent)."""
    ids = {name: f"<{name}@{tag}.example>" for name in ("c0", "a1", "c1", "a2")}
    inbox = [
        mail(CUSTOMER, TOM, "Where is my parcel?", "It has not come.",
             message_id=ids["c0"], sent=at(0)),
        mail(CUSTOMER, TOM, "Re: Where is my parcel?", "Thanks, OK.",
             message_id=ids["c1"], sent=at(2), in_reply_to=ids["a1"], references=[ids["a1"]]),
    ]  # fmt: skip
    sent = [
        mail(TOM, CUSTOMER, "Re: Where is my parcel?",
             "Sorry about that. I'll send you the tracking number tomorrow.",
             message_id=ids["a1"], sent=at(1), in_reply_to=ids["c0"], references=[ids["c0"]]),
        mail(TOM, CUSTOMER, "Re: Where is my parcel?", "Here it is: 1Z999AA10123456784.",
             message_id=ids["a2"], sent=at(3), in_reply_to=ids["c1"], references=[ids["c1"]]),
    ]  # fmt: skip
    return ids, inbox, sent


def _one_thread(engine: Engine, config: Config, ids: dict[str, str]) -> None:
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Ticket)).one() == 1
        ticket = session.exec(select(Ticket)).one()
        assert ticket.external_id == ids["c0"]
        on_ticket = session.exec(select(Message.external_id).where(Message.ticket_id == ticket.id))
        assert sorted(on_ticket) == sorted(ids.values())
        [promise] = session.exec(select(Promise)).all()
        assert promise.ticket_id == ticket.id and "tracking number" in promise.quote
    decide(engine, config, now=NOW)
    with Session(engine) as session:
        [promise] = session.exec(select(Promise)).all()
        kept_by = session.get(Message, promise.kept_by_message_id)
        assert promise.state == "kept" and kept_by.external_id == ids["a2"]


def test_a_reply_read_before_the_message_it_answers_joins_its_thread(
    engine: Engine, mailbox_account: Account
) -> None:
    ids, inbox, sent = _conversation(unique("t"))
    mailbox_account.append_many(inbox, "INBOX")
    mailbox_account.append_many(sent, "Sent")
    config = _config(mailbox_account)
    report = sync_source(engine, config, config.sources[0], now=NOW)
    assert report.error is None and report.messages == 4
    _one_thread(engine, config, ids)


def test_two_tickets_a_later_message_proves_one_thread_are_merged(
    engine: Engine, mailbox_account: Account
) -> None:
    ids, inbox, sent = _conversation(unique("t"))
    mailbox_account.append_many(inbox, "INBOX")
    mailbox_account.append_many([], "Sent")
    config = _config(mailbox_account)
    first = sync_source(engine, config, config.sources[0], now=NOW)
    assert first.error is None and first.messages == 2
    with Session(engine) as session:  # the thanks starts a ticket of its own, for now
        assert session.exec(select(func.count()).select_from(Ticket)).one() == 2
    mailbox_account.append_many(sent, "Sent")  # the agent's mail is saved to Sent late
    second = sync_source(engine, config, config.sources[0], now=NOW)
    assert second.error is None and second.messages == 2
    _one_thread(engine, config, ids)
