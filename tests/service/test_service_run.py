"""`followthrough run` as ops run it: a subprocess against the sandbox help desk over
HTTP and a real SMTP server, on short intervals."""

from __future__ import annotations

import re
import select
import socket
import subprocess
import sys
import time
from collections import Counter

import sqlalchemy as sa

from tests.helpers.service import ROOT, child_env, write_config
from tests.helpers.waiting import wait_until
from tracker.db import make_engine, upgrade


def _sent(smtp, digests: bool = False) -> Counter:
    """Recipients of the escalation e-mails (or of the daily digests)."""
    return Counter(
        rcpt
        for rcpts, message in smtp.messages
        for rcpt in rcpts
        if message["Subject"].startswith("Follow-through daily digest") == digests
    )


def test_it_syncs_escalates_and_delivers_on_schedule_then_stops_cleanly(
    db_url, tmp_path, desk, smtp, start_service
):

    upgrade(db_url)
    config_path = tmp_path / "run.toml"

    def config(port):
        written = write_config(
            tmp_path, db_url=db_url, sources=[("zendesk", desk.url)],
            smtp_port=smtp.port, listen_port=port, web=True,
        )  # fmt: skip
        written.rename(config_path)
        return config_path

    service = start_service(config)
    service.wait_listening()

    # Two promises were overdue before the service started: each goes to its owner, the
    # lead and the manager by e-mail, and gets notes on its ticket.
    expected = Counter({"amy@acme.example": 1, "bob@acme.example": 1,
                        "lena@acme.example": 2, "max@acme.example": 2})  # fmt: skip
    wait_until(lambda: _sent(smtp) == expected, 25, f"e-mails {expected}", service)
    amy_ticket = desk.people["tickets"][0]
    notes = lambda: [  # noqa: E731
        c for c in desk.store.comments_of(amy_ticket.id) if not c.public
    ]
    wait_until(lambda: len(notes()) == 3, 10, "three notes on the ticket", service)
    assert "promise_overdue" in desk.store.ticket(amy_ticket.id).tags

    status, health = service.healthz()
    assert status == 200, health
    assert health["database"] == {"ok": True}
    (source,) = health["sources"]
    assert source["name"] == "zendesk" and source["ok"] and source["last_success_at"]
    backlog = lambda: service.healthz()[1]["delivery_backlog"]  # noqa: E731
    wait_until(lambda: backlog()["pending"] == 0, 10, "an empty outbox", service)
    assert backlog()["failed"] == 0

    status, metrics = service.get("/metrics")
    assert status == 200
    assert re.search(r'followthrough_syncs_total\{outcome="ok",source="zendesk"\} [1-9]', metrics)
    assert re.search(r'followthrough_api_calls_total\{source="zendesk"\} [1-9]', metrics)
    assert 'followthrough_promises{state="open"} 2.0' in metrics
    assert 'followthrough_promises{state="kept"} 1.0' in metrics

    def emails_counted():  # the escalations, and the lead's digest once it is time
        found = re.search(
            r'followthrough_deliveries_total\{channel="email",outcome="sent"\} (\d+)',
            service.get("/metrics")[1],
        )
        return found and int(found[1]) == len(smtp.messages)

    wait_until(emails_counted, 5, "every e-mail counted in the metrics", service)
    assert "followthrough_sweep_duration_seconds_count" in metrics

    # With [web] enabled the pages and the API share the listener.
    assert service.get("/api/promises")[0] == 401

    if db_url.startswith("sqlite"):  # SQLite runs one worker and says so
        second = subprocess.run(
            [sys.executable, "-m", "tracker", "--config", str(config_path), "run"],
            cwd=ROOT, env=child_env(),
            capture_output=True, text=True, timeout=30,
        )  # fmt: skip
        assert second.returncode == 2
        assert "already running on this SQLite database" in second.stderr

    assert service.stop() == 0
    assert service.events("service.stopped")
    assert not service.events("sync.failed") and not service.events("sweep.failed")
    engine = make_engine(db_url)
    with engine.connect() as conn:
        held = conn.execute(sa.text("select name from lease where name not like 'sweep:%'"))
        assert list(held) == []  # every lease released on the way out
    engine.dispose()
    assert _sent(smtp) == expected  # nothing sent twice
    assert set(_sent(smtp, digests=True).values()) <= {1}


def test_sigterm_in_the_middle_of_a_sync_keeps_the_committed_pages_and_exits_0(
    tmp_path, smtp, start_service
):
    from tests.helpers.service import start_desk

    desk = start_desk(slow=(2, 0.3))  # a first sync of many slow pages
    db_url = f"sqlite:///{tmp_path / 'ft.db'}"
    upgrade(db_url)
    engine = make_engine(db_url)
    try:
        service = start_service(
            lambda port: write_config(
                tmp_path, db_url=db_url, sources=[("zendesk", desk.url)],
                smtp_port=smtp.port, listen_port=port,
            )
        )  # fmt: skip
        service.wait_listening()

        def mid_sync():
            with engine.connect() as conn:
                tickets = conn.execute(sa.text("select count(*) from ticket")).scalar_one()
                lease = conn.execute(
                    sa.text("select owner from lease where name = 'sync:zendesk'")
                ).first()
            return tickets > 0 and lease is not None

        wait_until(mid_sync, 15, "the first sync under way", service)
        started = time.monotonic()
        assert service.stop() == 0
        assert time.monotonic() - started < 5
        assert service.events("sync.stopped") and not service.events("sync.done")
        with engine.connect() as conn:
            cursor = conn.execute(
                sa.text("select cursor from source where name = 'zendesk'")
            ).scalar_one()
            held = conn.execute(sa.text("select count(*) from lease where name like 'sync:%'"))
            assert held.scalar_one() == 0
        assert cursor  # the pages committed before the stop stay committed
    finally:
        engine.dispose()
        desk.server.stop()


def test_a_job_stuck_in_a_call_does_not_hold_up_the_stop_for_longer_than_the_timeout(
    tmp_path, smtp, start_service
):
    # A help desk that accepts the connection and never answers.
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(16)
    url = f"http://127.0.0.1:{silent.getsockname()[1]}"
    db_url = f"sqlite:///{tmp_path / 'ft.db'}"
    upgrade(db_url)
    try:

        def config(port):
            path = write_config(
                tmp_path, db_url=db_url, sources=[("silent", url)],
                smtp_port=smtp.port, listen_port=port,
            )  # fmt: skip
            path.write_text(path.read_text().replace('poll_every = "1s"', "timeout = 60"))
            return path

        service = start_service(config, stop_timeout=1)
        service.wait_listening()
        # the sync is now waiting on the silent help desk: its connection is queued
        wait_until(lambda: select.select([silent], [], [], 0)[0], 5, "the sync to connect")
        started = time.monotonic()
        assert service.stop() == 0
        assert time.monotonic() - started < 4
        assert service.events("service.stop_timeout")
        engine = make_engine(db_url)
        with engine.connect() as conn:  # its lease was released on the way out all the same
            held = conn.execute(sa.text("select count(*) from lease where name like 'sync:%'"))
            assert held.scalar_one() == 0
        engine.dispose()
    finally:
        silent.close()
