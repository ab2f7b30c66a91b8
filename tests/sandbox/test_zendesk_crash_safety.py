"""A sync interrupted after any page and run again ends exactly where an uninterrupted
sync does: nothing lost, nothing doubled."""

from __future__ import annotations

from integrations.zendesk.connector import build
from tests.helpers.sandbox import (
    NOW,
    running_sandbox,
    sandbox_config,
    sandbox_source,
    snapshot,
    wipe,
)
from tracker.ingest.sync import sync_source


class Crash(ConnectionError):  # a dropped connection: its text is shown
    pass


def _crashing_connector(source, crash_at: int | None):
    conn = build(source, sleep=lambda s: None)
    real = conn.client.session.request
    count = {"n": 0}

    def request(*args, **kwargs):
        count["n"] += 1
        if crash_at is not None and count["n"] == crash_at:
            raise Crash(f"killed at call {crash_at}")
        return real(*args, **kwargs)

    conn.client.session.request = request
    return conn, count


def test_a_sync_interrupted_at_every_call_then_rerun_equals_an_uninterrupted_one(
    monkeypatch, engine
):
    with running_sandbox(page_size=6) as (server, seeded):
        source = sandbox_source(monkeypatch, server, seeded)
        config = sandbox_config(source)
        conn, count = _crashing_connector(source, None)
        report = sync_source(engine, config, source, now=NOW, connector=conn)
        assert report.error is None and report.promises > 0
        expected = snapshot(engine)
        calls = count["n"]
        assert calls >= 8

        for crash_at in range(1, calls + 1):
            wipe(engine)
            conn, _ = _crashing_connector(source, crash_at)
            report = sync_source(engine, config, source, now=NOW, connector=conn)
            assert report.error and f"killed at call {crash_at}" in report.error
            conn, _ = _crashing_connector(source, None)
            report = sync_source(engine, config, source, now=NOW, connector=conn)
            assert report.error is None
            assert snapshot(engine) == expected, f"differs after a crash at call {crash_at}"
