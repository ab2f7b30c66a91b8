"""Reply to a notice over real SMTP (aiosmtpd) and real IMAP (Dovecot): the notice's
recipient replying "done" acts on the promise; a forged sender, a reply with no token and
a recipient who may not act on the promise change nothing."""

from __future__ import annotations

from email.message import EmailMessage

import pytest
from sqlmodel import Session, select

from tests.helpers.promise_world import World, make_config, utc
from tests.helpers.smtp_sink import smtp_fixture  # noqa: F401
from tests.helpers.sweeping import run_sweep
from tracker.config import SourceConfig
from tracker.durations import parse_duration
from tracker.ingest.sync import sync_source
from tracker.models import Correction, NoticeToken, Promise

MADE = utc(2026, 11, 23, 10)
DUE = utc(2026, 11, 24, 11)


@pytest.fixture
def world(engine, smtp, mailbox_account, monkeypatch):
    monkeypatch.setenv("FT_REPLY_PASSWORD", mailbox_account.password)
    config = make_config(email_port=smtp.port)
    replies = SourceConfig("replies", "imap", parse_duration("2m"), parse_duration("14d"), {
        "name": "replies", "type": "imap", "host": "127.0.0.1",
        "port": mailbox_account.server.port, "tls": False,
        "username": mailbox_account.username, "password_env": "FT_REPLY_PASSWORD",
        "agent_addresses": ["*@acme.example"],
    })  # fmt: skip
    config.sources.append(replies)
    config.email.options = {"reply_mailbox": "replies", "reply_to": "followthrough@acme.example"}
    with Session(engine, expire_on_commit=False) as session:
        world = World(session, config)
        promise = world.promise(world.ticket(assignee=world.amy), world.amy, MADE, DUE,
                                quote="I'll call you back tomorrow")  # fmt: skip
        session.commit()
    return world, promise, replies


def _reply(notice: EmailMessage, sender: str, text: str, *, to: str | None = None,
           thread: bool = True) -> bytes:  # fmt: skip
    reply = EmailMessage()
    reply["From"] = sender
    reply["To"] = to or notice["Reply-To"]
    reply["Subject"] = "Re: " + notice["Subject"]
    if thread:
        reply["In-Reply-To"] = notice["Message-ID"]
        reply["References"] = notice["Message-ID"]
    quoted = "\n".join(
        "> " + line for line in notice.get_body(("plain",)).get_content().splitlines()
    )
    reply.set_content(f"{text}\n\nOn Tuesday Follow-through wrote:\n{quoted}\n")
    return bytes(reply)


def _state(engine, promise_id: int) -> tuple[str, str | None]:
    with Session(engine) as session:
        promise = session.get(Promise, promise_id)
        return promise.state, promise.acted_by


def test_the_owner_replying_done_marks_the_promise_kept_and_forgeries_do_nothing(
    engine, world, smtp, mailbox_account
):
    w, promise, replies = world
    run_sweep(engine, w.config, now=utc(2026, 11, 24, 13))
    [notice] = smtp.sink.to("amy@acme.example")
    token = notice["Reply-To"].split("+")[1].split("@")[0]
    assert notice["Message-ID"] == f"<ft.{token}@acme.example>"
    with Session(engine) as session:
        assert token not in {t.token_hash for t in session.exec(select(NoticeToken))}
    mailbox_account.append_many([
        _reply(notice, "Bob <bob@acme.example>", "not a promise"),  # not the recipient
        _reply(notice, "amy@acme.example", "not a promise", to="followthrough@acme.example",
               thread=False),  # no token anywhere
    ])  # fmt: skip
    report = sync_source(engine, w.config, replies, now=utc(2026, 11, 24, 14))
    assert report.ok, report.error
    assert _state(engine, promise.id) == ("open", None)

    mailbox_account.append(_reply(notice, "Amy Archer <AMY@acme.example>", "Done, spoke to her."))
    assert sync_source(engine, w.config, replies, now=utc(2026, 11, 24, 14, 30)).ok
    assert _state(engine, promise.id) == ("kept", "amy@acme.example")
    assert sync_source(engine, w.config, replies, now=utc(2026, 11, 24, 15)).ok  # read once


def test_the_lead_replying_not_a_promise_to_the_address_alone_is_kept_as_a_correction(
    engine, world, smtp, mailbox_account
):
    w, promise, replies = world
    run_sweep(engine, w.config, now=utc(2026, 11, 24, 13))
    [notice] = smtp.sink.to("lead@acme.example")
    mailbox_account.append(_reply(notice, "lead@acme.example", "Not a promise", thread=False))
    assert sync_source(engine, w.config, replies, now=utc(2026, 11, 24, 14)).ok
    assert _state(engine, promise.id) == ("dismissed", "lead@acme.example")
    with Session(engine) as session:
        (row,) = session.exec(select(Correction)).all()
        assert (row.channel, row.actor) == ("email", "lead@acme.example")


def test_a_recipient_who_may_not_act_on_the_promise_cannot_dismiss_it_by_reply(
    engine, world, smtp, mailbox_account
):
    w, promise, replies = world
    run_sweep(engine, w.config, now=utc(2026, 11, 24, 15, 30))  # the manager step
    [notice] = smtp.sink.to("boss@acme.example")
    mailbox_account.append(_reply(notice, "boss@acme.example", "not a promise"))
    assert sync_source(engine, w.config, replies, now=utc(2026, 11, 24, 16)).ok
    assert _state(engine, promise.id)[0] == "open"
