"""Several workers on one PostgreSQL database: one poller per source at a time, every
promise found once, every notification sent once, and a killed worker's source taken
over when its lease runs out."""

from __future__ import annotations

import signal
from collections import Counter
from datetime import datetime

import pytest
import sqlalchemy as sa

from tests.conftest import create_pg_database, drop_pg_database
from tests.service.support import start_desk, wait_for, write_config
from tracker.db import make_engine, upgrade


@pytest.fixture
def pg_url():
    url = create_pg_database()
    upgrade(url)
    yield url
    drop_pg_database(url)


def _lease(engine, name):
    with engine.connect() as conn:
        return conn.execute(
            sa.text("select owner, until from lease where name = :n"), {"n": name}
        ).first()


def _count(engine, sql):
    with engine.connect() as conn:
        return conn.execute(sa.text(sql)).scalar_one()


def test_two_workers_share_the_work_and_one_takes_over_when_the_other_is_killed(
    pg_url, tmp_path, smtp, start_service
):
    desk = start_desk(slow=(2, 0.15))  # two items a page: the first sync takes many pages
    engine = make_engine(pg_url)
    try:

        def config(port):
            return write_config(
                tmp_path, db_url=pg_url, sources=[("zendesk", desk.url)],
                smtp_port=smtp.port, listen_port=port, lease="2s",
            )  # fmt: skip

        first = start_service(config, "first")
        first.wait_listening()
        # The first worker holds the source's lease and has committed a page or more.
        wait_for(
            lambda: (_lease(engine, "sync:zendesk") or ("",))[0].split(":")[1:2]
            == [str(first.proc.pid)]
            and _count(engine, "select count(*) from ticket") > 0,
            15, "the first worker in the middle of its first sync", first,
        )  # fmt: skip
        second = start_service(config, "second")
        second.wait_listening()
        owner, until = _lease(engine, "sync:zendesk")
        assert f":{first.proc.pid}:" in owner
        first.stop(signal.SIGKILL)
        found_before_kill = _count(engine, "select count(*) from promise")

        # The second worker waits out the lease (it cannot know the first is dead),
        # then carries on from the first worker's last committed page.
        def second_synced_after_expiry():
            return [
                e for e in second.events("sync.done")
                if datetime.fromisoformat(e["ts"]) > until
            ]  # fmt: skip

        wait_for(second_synced_after_expiry, 20, "the second worker syncing", second)
        assert datetime.fromisoformat(second.events("sync.done")[0]["ts"]) >= until
        # It went on from the first worker's cursor: it found only the promises not found yet.
        wait_for(lambda: _count(engine, "select count(*) from promise") == 3, 10, "3 promises")
        found_by_second = sum(e["promises"] for e in second.events("sync.done"))
        assert found_by_second == 3 - found_before_kill

        expected = Counter({"amy@acme.example": 1, "bob@acme.example": 1,
                            "lena@acme.example": 2, "max@acme.example": 2})  # fmt: skip

        def escalations():
            return Counter(
                rcpt for rcpts, msg in smtp.messages for rcpt in rcpts
                if not msg["Subject"].startswith("Follow-through daily digest")
            )  # fmt: skip

        wait_for(lambda: escalations() == expected, 20, f"e-mails {expected}", second)
        wait_for(
            lambda: _count(engine, "select count(*) from escalation where status <> 'sent'") == 0,
            10, "every notification sent", second,
        )  # fmt: skip
        assert second.stop() == 0

        # Found once, sent once: three promises (one kept), one e-mail per outbox row.
        assert _count(engine, "select count(*) from promise") == 3
        assert _count(engine, "select count(*) from promise where state = 'kept'") == 1
        sent_email_rows = _count(
            engine, "select count(*) from escalation where channel = 'email' and status = 'sent'"
        )
        digests = _count(engine, "select count(*) from digest where status = 'sent'")
        assert len(smtp.messages) == sent_email_rows + digests
        assert escalations() == expected
        subjects = [(tuple(r), m["Subject"]) for r, m in smtp.messages]
        assert len(subjects) == len(set(subjects))
        notes = [c for t in desk.people["tickets"] for c in desk.store.comments_of(t.id)
                 if not c.public]  # fmt: skip
        sent_notes = _count(
            engine,
            "select count(*) from escalation where channel = 'ticket' and status = 'sent' "
            "and step in ('overdue', 'lead', 'manager')",
        )
        assert len(notes) == sent_notes == 6
    finally:
        engine.dispose()
        desk.server.stop()
