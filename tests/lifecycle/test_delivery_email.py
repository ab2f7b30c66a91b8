"""Delivery by e-mail to a real SMTP server on loopback, on both databases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from integrations.notify.email import EmailTransport
from tests.helpers.promise_world import World, make_config, utc
from tests.helpers.smtp_sink import SmtpServer, free_port, smtp_fixture  # noqa: F401
from tests.helpers.sweeping import deliver, run_sweep
from tracker.models import Digest, Escalation
from tracker.outbox.delivery import claim
from tracker.promise_json import promise_json_rows
from tracker.promises import actions
from tracker.sweep import decide

MADE = utc(2026, 11, 23, 10)
DUE = utc(2026, 11, 24, 11)
QUOTE = "I'll send the <b>fix</b> & the refund tomorrow"


def setup(engine, port, **kw):
    config = make_config(email_port=port, **kw)
    with Session(engine, expire_on_commit=False) as session:
        world = World(session, config)
        ticket = world.ticket(assignee=world.amy)
        promise = world.promise(ticket, world.amy, MADE, DUE, quote=QUOTE)
        session.commit()
    return world, ticket, promise


def outbox(engine, promise_id):
    with Session(engine) as session:
        query = select(Escalation).where(Escalation.promise_id == promise_id)
        return {(e.step, e.recipient): e for e in session.exec(query)}


def test_it_emails_the_owner_and_the_lead_with_the_promise(engine, smtp):
    world, ticket, _ = setup(engine, smtp.port)
    report = run_sweep(engine, world.config, now=utc(2026, 11, 24, 13))
    assert (report.escalations_created, report.delivered, report.failed) == (2, 2, 0)

    [to_amy] = smtp.sink.to("amy@acme.example")
    assert to_amy["Subject"].startswith("Overdue: your promise on ticket #")
    assert to_amy["From"] == "ft@acme.example"
    text = to_amy.get_body(("plain",)).get_content()
    page = to_amy.get_body(("html",)).get_content()
    assert QUOTE in text
    assert ticket.url in text and "2h late" in text
    assert "&lt;b&gt;fix&lt;/b&gt; &amp; the refund" in page
    assert "<b>fix</b>" not in page
    [to_lead] = smtp.sink.to("lead@acme.example")
    assert "amy@acme.example's promise" in to_lead["Subject"]

    with Session(engine) as session:
        [row] = promise_json_rows(session, now=utc(2026, 11, 24, 13))
    sent = {(e["step"], e["recipient"]): e["sent_at"] for e in row["escalations"]}
    assert sent == {
        ("overdue", "amy@acme.example"): "2026-11-24T13:00:00+00:00",
        ("lead", "lead@acme.example"): "2026-11-24T13:00:00+00:00",
    }
    again = run_sweep(engine, world.config, now=utc(2026, 11, 24, 13, 5))
    assert again.delivered == 0 and len(smtp.sink.messages) == 2


def test_a_refused_address_fails_for_good_and_is_reported(engine, smtp):
    world, _, promise = setup(engine, smtp.port)
    smtp.sink.refuse.add("lead@acme.example")
    report = run_sweep(engine, world.config, now=utc(2026, 11, 24, 13))
    assert (report.delivered, report.failed) == (1, 1)
    assert "refused lead@acme.example: 550" in report.failures[0]
    row = outbox(engine, promise.id)[("lead", "lead@acme.example")]
    assert row.status == "failed" and "550" in row.last_error
    later = run_sweep(engine, world.config, now=utc(2026, 11, 25, 13))
    assert (later.failed, later.retried) == (0, 0)
    with Session(engine) as session:
        [listed] = promise_json_rows(session, now=utc(2026, 11, 25))
    failed = [e for e in listed["escalations"] if e["status"] == "failed"]
    assert failed[0]["recipient"] == "lead@acme.example" and failed[0]["sent_at"] is None


def test_a_server_that_is_down_is_retried_with_backoff_until_it_recovers(engine):
    port = free_port()
    world, _, promise = setup(engine, port)
    now = utc(2026, 11, 24, 11)
    report = run_sweep(engine, world.config, now=now)
    assert (report.delivered, report.retried) == (0, 1)
    row = outbox(engine, promise.id)[("overdue", "amy@acme.example")]
    # The server is down, not the message at fault: the channel is paused, and the
    # attempt does not count towards giving up on the message.
    assert row.status == "pending" and row.attempts == 0 and "unreachable" in row.last_error
    assert row.next_attempt_at == now + timedelta(minutes=1)

    assert deliver(engine, world.config, now=now + timedelta(seconds=30)).retried == 0
    assert deliver(engine, world.config, now=now + timedelta(minutes=1)).retried == 1
    row = outbox(engine, promise.id)[("overdue", "amy@acme.example")]
    assert row.next_attempt_at == now + timedelta(minutes=3)  # 1 min, then 2 min

    server = SmtpServer(port).start()
    try:
        report = deliver(engine, world.config, now=now + timedelta(minutes=3))
    finally:
        server.stop()
    assert report.delivered == 1
    assert len(server.sink.to("amy@acme.example")) == 1
    assert outbox(engine, promise.id)[("overdue", "amy@acme.example")].status == "sent"


class Crash(BaseException):
    """The process dies (kill -9, power cut) between sending and recording."""


class CrashAfterSending:
    def __init__(self, real: EmailTransport):
        self.real = real

    def send(self, notice, recipient):
        self.real.send(notice, recipient)
        raise Crash


def test_a_crash_between_send_and_record_resends_once_and_never_skips(engine, smtp):
    world, _, promise = setup(engine, smtp.port)
    now = utc(2026, 11, 24, 11)
    decide(engine, world.config, now=now)
    real = EmailTransport.from_config(world.config)
    with pytest.raises(Crash):
        deliver(engine, world.config, now=now, transports={"email": CrashAfterSending(real)})
    assert len(smtp.sink.messages) == 1
    row = outbox(engine, promise.id)[("overdue", "amy@acme.example")]
    assert (row.status, row.lease_owner) == ("pending", "cli")

    # Another worker cannot take it while the lease runs…
    busy = deliver(engine, world.config, now=now + timedelta(minutes=1), worker_id="other")
    assert busy.delivered == 0 and len(smtp.sink.messages) == 1
    # …and takes it once the lease (5 minutes) has run out: sent again, once.
    after = deliver(engine, world.config, now=now + timedelta(minutes=6), worker_id="other")
    assert after.delivered == 1
    assert deliver(engine, world.config, now=now + timedelta(hours=1)).delivered == 0
    assert len(smtp.sink.to("amy@acme.example")) == 2
    assert outbox(engine, promise.id)[("overdue", "amy@acme.example")].status == "sent"


def test_two_workers_never_claim_the_same_row(engine):
    world, _, _ = setup(engine, free_port())
    now = utc(2026, 11, 24, 13)
    decide(engine, world.config, now=now)
    lease = timedelta(minutes=5)
    first = claim(engine, Escalation, now=now, worker_id="a", lease=lease)
    second = claim(engine, Escalation, now=now, worker_id="b", lease=lease)
    assert len(first) == 2 and second == []


def test_a_promise_kept_before_delivery_sends_nothing(engine, smtp):
    world, _, promise = setup(engine, smtp.port)
    now = utc(2026, 11, 24, 13)
    decide(engine, world.config, now=now)
    with Session(engine) as session:
        actions.mark_done(session, promise.id, "amy@acme.example", now=now)
        session.commit()
    assert deliver(engine, world.config, now=now).delivered == 0
    assert smtp.sink.messages == []
    assert {e.status for e in outbox(engine, promise.id).values()} == {"cancelled"}


def test_a_lead_gets_one_daily_digest_at_the_team_time(engine, smtp):
    world, _, _ = setup(engine, smtp.port, digest_at="08:30")
    before = run_sweep(engine, world.config, now=utc(2026, 11, 25, 8, 0))
    assert before.digests == 0
    report = run_sweep(engine, world.config, now=utc(2026, 11, 25, 8, 31))
    assert report.digests == 1
    [digest] = smtp.sink.to("lead@acme.example")[-1:]
    assert digest["Subject"] == "Follow-through daily digest: Tier 1, 2026-11-25"
    body = digest.get_body(("plain",)).get_content()
    assert "overdue: 1, broken: 0, kept late: 0" in body
    assert "amy@acme.example: overdue: 1" in body
    assert run_sweep(engine, world.config, now=utc(2026, 11, 25, 17)).digests == 0
    with Session(engine) as session:
        assert [d.status for d in session.exec(select(Digest))] == ["sent"]


def test_two_workers_delivering_at_once_send_each_notice_once(engine, smtp, monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    import tracker.outbox.delivery

    monkeypatch.setattr(tracker.outbox.delivery, "CLAIM_BATCH", 3)  # small claims interleave
    world, _, _ = setup(engine, smtp.port)
    with Session(engine, expire_on_commit=False) as session:
        world.session = session
        for number in range(30):
            agent = world.person(f"agent{number}@acme.example", team=True)
            world.promise(world.ticket(assignee=agent), agent, MADE, DUE)
        session.commit()
    now = utc(2026, 11, 24, 11)
    assert decide(engine, world.config, now=now).escalations_created == 31
    with ThreadPoolExecutor(2) as pool:
        reports = list(
            pool.map(lambda w: deliver(engine, world.config, now=now, worker_id=w), ["a", "b"])
        )
    assert sum(r.delivered for r in reports) == 31, [r.delivered for r in reports]
    recipients = [rcpt for _, rcpts, _ in smtp.sink.messages for rcpt in rcpts]
    assert len(recipients) == len(set(recipients)) == 31


def test_a_broken_promise_tells_the_owner_and_the_lead_once(engine, smtp):
    import sqlalchemy as sa

    from tracker.models import Ticket

    world, ticket, _ = setup(engine, smtp.port)
    with Session(engine) as session:
        session.execute(sa.update(Ticket).where(Ticket.id == ticket.id).values(status="solved"))
        session.commit()
    report = run_sweep(engine, world.config, now=utc(2026, 11, 24, 9))  # before due
    assert (report.broken, report.delivered, report.failed) == (1, 2, 0)
    [to_amy] = smtp.sink.to("amy@acme.example")
    [to_lead] = smtp.sink.to("lead@acme.example")
    assert to_amy["Subject"].startswith("Broken: amy@acme.example's promise on ticket #")
    assert to_lead["Subject"] == to_amy["Subject"]
    assert "solved or closed with no reply" in to_lead.get_body(("plain",)).get_content()
    assert smtp.sink.to("boss@acme.example") == []
    again = run_sweep(engine, world.config, now=utc(2026, 11, 25, 9))
    assert (again.broken, again.delivered) == (0, 0)
    assert len(smtp.sink.to("amy@acme.example")) == 1
    with Session(engine) as session:
        [row] = promise_json_rows(session, now=utc(2026, 11, 25, 9))
    sent = {(e["step"], e["recipient"]) for e in row["escalations"] if e["status"] == "sent"}
    assert sent == {("broken", "amy@acme.example"), ("broken", "lead@acme.example")}
