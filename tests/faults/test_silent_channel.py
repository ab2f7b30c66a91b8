"""An SMTP server that accepts connections and never answers: deciding goes on, the other
channels deliver and are recorded, and e-mail is paused after one timeout instead of
being tried row after row."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

from sqlmodel import Session, select

from tests.helpers.faults import SilentServer, SlackRecorder
from tests.helpers.promise_world import World, make_config, utc
from tests.helpers.waiting import wait_until
from tracker.config import SlackConfig
from tracker.models import Escalation, Lease
from tracker.outbox.delivery import PAUSE_PREFIX
from tracker.service.jobs import Jobs
from tracker.sweep import decide

MADE = utc(2026, 11, 23, 10)
DUE = utc(2026, 11, 24, 11)
NOW = utc(2026, 11, 24, 15)  # past the manager step: e-mail and Slack rows for each
TIMEOUT = 2.0


def seed(engine, config, count: int) -> World:
    with Session(engine, expire_on_commit=False) as session:
        world = World(session, config)
        world.source.last_success_at = NOW  # the data is current: nothing is held
        for _ in range(count):
            world.promise(world.ticket(assignee=world.amy), world.amy, MADE, DUE)
        session.commit()
    return world


def rows(engine, channel: str) -> list[Escalation]:
    with Session(engine) as session:
        return list(session.exec(select(Escalation).where(Escalation.channel == channel)))


def test_a_silent_smtp_server_stalls_neither_deciding_nor_the_other_channels(engine, monkeypatch):
    with SilentServer() as silent, SlackRecorder() as slack:
        config = make_config(email_port=silent.port)
        config.email.options["timeout"] = TIMEOUT
        monkeypatch.setenv("FT_TEST_SLACK", slack.url)
        config.slack = SlackConfig({"webhook_url_env": "FT_TEST_SLACK"})
        world = seed(engine, config, 10)
        decide(engine, config, now=NOW)
        clock = [NOW]
        jobs = Jobs(config, engine, "worker-1", lambda: clock[0])

        started = time.monotonic()
        delivering = threading.Thread(target=jobs.deliver_job)
        delivering.start()
        wait_until(lambda: silent.accepted, 5, "delivery to connect to the silent server")
        assert delivering.is_alive()
        # Deciding does not wait: a new promise come due is decided at once.
        with Session(engine, expire_on_commit=False) as session:
            world.session = session
            late = world.promise(world.ticket(assignee=world.bob), world.bob, MADE, DUE)
            session.commit()
        decided = time.monotonic()
        jobs.sweep_job()
        assert time.monotonic() - decided < TIMEOUT
        assert {r.step for r in rows(engine, "email") if r.promise_id == late.id} >= {"overdue"}
        delivering.join(timeout=30)
        took = time.monotonic() - started

        emails = rows(engine, "email")
        tried = [r for r in emails if r.last_error]
        assert len(tried) == 1 and "unreachable" in tried[0].last_error  # one timeout only
        assert all(r.status == "pending" and r.lease_owner is None for r in emails)
        assert all(r.attempts == 0 for r in emails)  # a channel down is no message's fault
        assert took < TIMEOUT + 5
        # Slack went on, and every post it made is recorded as sent.
        posts = rows(engine, "slack")
        assert len(posts) == 22 and len(slack.posts) == 22  # the late promise's too
        assert all(r.status == "sent" for r in posts)
        with Session(engine) as session:
            pause = session.get(Lease, PAUSE_PREFIX + "email")
            assert pause is not None and pause.until == NOW + timedelta(minutes=1)

        # While paused, e-mail is not tried at all: no new connection, no wait.
        connections = len(silent.accepted)
        clock[0] = NOW + timedelta(seconds=30)
        again = time.monotonic()
        jobs.deliver_job()
        assert time.monotonic() - again < 1
        assert len(silent.accepted) == connections
        # After the pause one row tries again; still silent: paused for twice as long.
        clock[0] = NOW + timedelta(minutes=1)
        jobs.deliver_job()
        assert len(silent.accepted) == connections + 1  # one row tried, not every row
        with Session(engine) as session:
            pause = session.get(Lease, PAUSE_PREFIX + "email")
            assert pause.until == NOW + timedelta(minutes=3)
