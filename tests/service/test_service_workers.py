"""Several workers on one PostgreSQL database: one poller per source at a time, every
promise found once, every notification sent once, and a killed worker's source taken
over when its lease runs out."""

from __future__ import annotations

import signal
from collections import Counter
from datetime import datetime

import pytest
import sqlalchemy as sa

from tests.helpers.db import create_pg_database, drop_pg_database
from tests.helpers.service import start_desk, write_config
from tests.helpers.waiting import wait_until
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
    desk = start_desk(slow=(2, 0.1))  # two items a page: the first sync takes many pages
    engine = make_engine(pg_url)
    try:

        def config(port):
            return write_config(
                tmp_path, db_url=pg_url, sources=[("zendesk", desk.url)],
                smtp_port=smtp.port, listen_port=port, lease="2s",
            )  # fmt: skip

        workers = [start_service(config, "first"), start_service(config, "second")]
        for worker in workers:
            worker.wait_listening()

        # One of them holds the source's lease and has committed a page or more.
        def holder():
            lease = _lease(engine, "sync:zendesk")
            if lease is None or _count(engine, "select count(*) from ticket") == 0:
                return None
            for worker in workers:
                if f":{worker.proc.pid}:" in lease[0]:
                    return worker, lease[1]
            return None

        killed, until = wait_until(holder, 15, "a worker in the middle of its first sync")
        killed.stop(signal.SIGKILL)
        found_before_kill = _count(engine, "select count(*) from promise")
        (survivor,) = [w for w in workers if w is not killed]

        # The survivor waits out the lease (it cannot know the other is dead), then goes
        # on from the killed worker's last committed page: it finds only what was left.
        def synced_after_expiry():
            return [
                e for e in survivor.events("sync.done")
                if datetime.fromisoformat(e["ts"]) > until
            ]  # fmt: skip

        wait_until(synced_after_expiry, 20, "the survivor syncing", survivor)
        assert survivor.events("sync.done")[0]["ts"] >= until.isoformat(timespec="milliseconds")
        wait_until(lambda: _count(engine, "select count(*) from promise") == 3, 10, "3 promises")
        found_by_survivor = sum(e["promises"] for e in survivor.events("sync.done"))
        assert found_by_survivor == 3 - found_before_kill

        expected = Counter({"amy@acme.example": 1, "bob@acme.example": 1,
                            "lena@acme.example": 2, "max@acme.example": 2})  # fmt: skip

        def escalations():
            return Counter(
                (rcpt, msg["Subject"]) for rcpts, msg in smtp.messages for rcpt in rcpts
                if not msg["Subject"].startswith("Follow-through daily digest")
            )  # fmt: skip

        def recipients():
            return Counter(rcpt for rcpt, _ in escalations())

        wait_until(lambda: set(recipients()) == set(expected), 20, f"e-mails {expected}", survivor)
        wait_until(
            lambda: _count(engine, "select count(*) from escalation where status <> 'sent'") == 0,
            10, "every notification sent", survivor,
        )  # fmt: skip
        assert survivor.stop() == 0
        assert _count(engine, "select count(*) from promise where state = 'kept'") == 1

        # Every notification sent once; the only exception allowed is the one a worker
        # was sending when it was killed (sent, not yet recorded): it goes again, once.
        resent = _count(engine, "select count(*) from escalation where attempts > 1")
        assert resent <= 1
        email_rows = _count(
            engine, "select count(*) from escalation where channel = 'email' and status = 'sent'"
        )
        emails = sum(escalations().values())
        assert email_rows <= emails <= email_rows + resent
        assert all(n <= 2 for n in escalations().values())
        assert recipients() & expected == expected
        notes = [c for t in desk.people["tickets"] for c in desk.store.comments_of(t.id)
                 if not c.public]  # fmt: skip
        note_rows = _count(
            engine,
            "select count(*) from escalation where channel = 'ticket' and status = 'sent' "
            "and step in ('overdue', 'lead', 'manager')",
        )
        assert note_rows >= 6 and note_rows <= len(notes) <= note_rows + resent
    finally:
        engine.dispose()
        desk.server.stop()
