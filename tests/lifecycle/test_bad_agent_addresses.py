"""An agent e-mail address holding CR/LF (`carl@acme.example\\r\\nBcc: …`) is refused at
ingest, the person kept without an address; and a send to such an address already in
the store fails at once as permanent, not retried eight times (issue 14, item 12)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime

import pytest
from sqlmodel import Session, select

from integrations.http import CallStats
from integrations.notify import Notice, TransportError
from integrations.notify.email import EmailTransport
from tests.helpers.promise_world import World, make_config, utc
from tests.helpers.smtp_sink import SmtpServer, free_port, smtp_fixture  # noqa: F401
from tests.helpers.sweeping import run_sweep
from tracker.config import Config, SourceConfig
from tracker.durations import parse_duration
from tracker.ingest.records import Batch, PersonRecord
from tracker.ingest.sync import sync_source
from tracker.models import Escalation, Person

FORGED = "carl@acme.example\r\nBcc: everyone@evil.example"
NOW = utc(2026, 11, 23, 12)
SOURCE = SourceConfig("desk", "zendesk", parse_duration("2m"), parse_duration("14d"), {})


class Agents:
    name = "desk"
    stats = CallStats()

    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]:
        yield Batch(
            cursor="c1",
            people=[
                PersonRecord("7", "agent", "Carl", FORGED),
                PersonRecord("8", "agent", "Dana", "Dana@Acme.example"),
            ],
        )


def test_an_agent_address_with_a_line_break_is_refused_and_the_agent_kept(engine, caplog):
    with caplog.at_level(logging.WARNING):
        report = sync_source(engine, Config(sources=[SOURCE]), SOURCE, now=NOW, connector=Agents())
    assert report.error is None
    with Session(engine) as session:
        people = {p.external_id: p for p in session.exec(select(Person))}
    assert (people["7"].name, people["7"].email) == ("Carl", None)
    assert people["8"].email == "dana@acme.example"
    [line] = [r for r in caplog.records if r.getMessage() == "person e-mail address refused"]
    assert line.person == "7" and "evil" not in str(vars(line))  # type: ignore[attr-defined]


def test_sending_to_an_address_with_a_line_break_is_a_permanent_error(smtp):
    transport = EmailTransport("127.0.0.1", smtp.port, "ft@acme.example")
    notice = Notice(subject="Overdue", text="t", html="<p>t</p>", slack="t")
    with pytest.raises(TransportError) as caught:
        transport.send(notice, FORGED)
    assert caught.value.permanent and "evil" not in str(caught.value)
    assert smtp.sink.messages == []


def test_a_stored_bad_address_fails_its_notice_once_and_the_escalation_still_goes(engine, smtp):
    config = make_config(email_port=smtp.port)
    with Session(engine, expire_on_commit=False) as session:
        world = World(session, config)
        world.amy.email = FORGED  # stored before addresses were checked at ingest
        session.add(world.amy)
        ticket = world.ticket(assignee=world.amy)
        promise = world.promise(ticket, world.amy, utc(2026, 11, 23, 10), utc(2026, 11, 24, 11))
        session.commit()
    report = run_sweep(engine, config, now=utc(2026, 11, 24, 13))
    assert report.failed == 1 and report.delivered == 1
    with Session(engine) as session:
        rows = session.exec(select(Escalation).where(Escalation.promise_id == promise.id)).all()
    failed = [r for r in rows if r.status == "failed"]
    assert len(failed) == 1 and failed[0].attempts == 1
    # Amy's stored address matches no member of the configured team, so the promise has
    # no team and its lead step goes to the managers (never to no one).
    assert [rcpts for _, rcpts, _ in smtp.sink.messages] == [["boss@acme.example"]]
