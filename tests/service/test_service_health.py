"""/healthz decides from the database: a stale source or an unreachable database is 503."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tracker.config import Config, SourceConfig
from tracker.db import make_engine, session_scope
from tracker.demo.mailsink import free_port
from tracker.durations import parse_duration
from tracker.ingest.store import get_or_create_source
from tracker.models import Escalation, Message, Promise, Ticket
from tracker.service.health import health

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _config() -> Config:
    config = Config()
    config.sources = [
        SourceConfig("zendesk", "zendesk", parse_duration("2m"), parse_duration("14d"), {})
    ]
    return config


def _synced(engine, at):
    with session_scope(engine) as session:
        source = get_or_create_source(session, "zendesk", "zendesk")
        source.last_success_at = at
        session.add(source)


def test_a_source_is_healthy_until_three_polling_intervals_pass_without_success(engine):
    _synced(engine, T0)
    ok, body = health(engine, _config(), now=T0 + timedelta(minutes=6), started_at=T0)
    assert ok and body["sources"][0]["ok"] and body["sources"][0]["age_seconds"] == 360
    ok, body = health(engine, _config(), now=T0 + timedelta(minutes=6, seconds=1), started_at=T0)
    assert not ok and body["status"] == "failing" and body["sources"][0]["ok"] is False


def test_a_source_never_synced_counts_from_the_workers_start(engine):
    ok, _ = health(engine, _config(), now=T0 + timedelta(minutes=5), started_at=T0)
    assert ok
    ok, body = health(engine, _config(), now=T0 + timedelta(minutes=7), started_at=T0)
    assert not ok and body["sources"][0]["last_success_at"] is None


def test_the_delivery_backlog_is_reported(engine):
    _ok, body = health(engine, _config(), now=T0, started_at=T0)
    assert body["delivery_backlog"] == {
        "pending": 0,
        "failed": 0,
        "oldest_pending_age_seconds": None,
    }
    with session_scope(engine) as session:
        source = get_or_create_source(session, "zendesk", "zendesk")
        ticket = Ticket(source_id=source.id, external_id="1")
        session.add(ticket)
        session.flush()
        message = Message(source_id=source.id, external_id="m1", ticket_id=ticket.id, sent_at=T0)
        session.add(message)
        session.flush()
        promise = Promise(
            message_id=message.id,
            ticket_id=ticket.id,
            start=0,
            end=5,
            quote="I'll call",
            kind="callback",
            due_at=T0,
            made_at=T0,
        )
        session.add(promise)
        session.flush()
        for step, status, minutes in (
            ("overdue", "pending", 10),
            ("lead", "pending", 5),
            ("manager", "failed", 1),
        ):
            session.add(
                Escalation(
                    promise_id=promise.id,
                    step=step,
                    channel="email",
                    recipient="lena@x",
                    status=status,
                    due_at=T0 - timedelta(minutes=minutes),
                )
            )
    _ok, body = health(engine, _config(), now=T0, started_at=T0)
    assert body["delivery_backlog"] == {
        "pending": 2,
        "failed": 1,
        "oldest_pending_age_seconds": 600.0,
    }


def test_an_unreachable_database_is_unhealthy_and_says_why():
    port = free_port()  # nothing listens there
    engine = make_engine(
        f"postgresql+psycopg://postgres@127.0.0.1:{port}/x", connect_args={"connect_timeout": 2}
    )
    ok, body = health(engine, _config(), now=T0, started_at=T0)
    assert not ok
    assert body["database"]["ok"] is False and "OperationalError" in body["database"]["error"]
    engine.dispose()
