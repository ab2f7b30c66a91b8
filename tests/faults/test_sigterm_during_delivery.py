"""SIGTERM while the worker delivers: it stops between rows, records what went out,
releases its claims and exits promptly (not after the whole stop timeout)."""

from __future__ import annotations

import signal
import time
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from tests.helpers.faults import CountingSmtp, OverdueDesk
from tests.helpers.service import ServiceProcess, write_config
from tests.helpers.waiting import wait_until
from tracker.db import make_engine, upgrade
from tracker.demo.mailsink import free_port


@pytest.mark.slow
def test_sigterm_during_delivery_records_what_went_and_releases_the_rest(db_url, tmp_path):
    upgrade(db_url)
    desk = OverdueDesk(datetime.now(UTC))
    desk.add(40, datetime.now(UTC))
    with CountingSmtp(delay=0.1) as smtp:
        port = free_port()
        config = write_config(
            tmp_path, db_url=db_url, sources=[("desk", desk.url)], smtp_port=smtp.port,
            listen_port=port,
        )  # fmt: skip
        service = ServiceProcess(config, tmp_path / "run.log", port, stop_timeout=20)
        try:
            wait_until(lambda: len(smtp.received) >= 10, 60, "e-mails going out", service)
            asked = time.monotonic()
            code = service.stop(signal.SIGTERM)
            took = time.monotonic() - asked
        finally:
            if service.proc.poll() is None:
                service.proc.kill()
                service.proc.wait(timeout=10)
            desk.stop()
        sent = len(smtp.received)
    assert code == 0 and took < 5, (code, took)
    assert not service.events("service.stop_timeout")
    engine = make_engine(db_url)
    with engine.connect() as conn:
        recorded = conn.execute(
            sa.text("SELECT count(*) FROM escalation WHERE channel = 'email' AND status = 'sent'")
        ).scalar()
        claimed = conn.execute(
            sa.text("SELECT count(*) FROM escalation WHERE lease_owner IS NOT NULL")
        ).scalar()
        total = conn.execute(
            sa.text("SELECT count(*) FROM escalation WHERE channel = 'email'")
        ).scalar()
    engine.dispose()
    assert recorded == sent < total  # every e-mail that went is recorded; the rest wait
    assert claimed == 0  # and are free for the next worker at once
