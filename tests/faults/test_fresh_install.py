"""A fresh install must not accuse: against the sandbox help desk with thousands of
tickets, a new database and a slow (rate-limited) first export, the sweeps that run while
the first pass is still reading the backlog send no notice about a promise that a reply
already in the help desk keeps."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from helpdesk_sandbox.bulk import bulk
from tests.helpers.sandbox import NOW, running_sandbox, sandbox_config, sandbox_source
from tests.helpers.smtp_sink import smtp_fixture  # noqa: F401
from tests.helpers.sweeping import run_sweep
from tracker.config import EmailConfig
from tracker.ingest.sync import sync_source
from tracker.models import Escalation, Promise
from tracker.outbox.rows import SENT

ACCUSING = ("overdue", "lead", "manager")
EXPORT_CALLS_PER_MINUTE = 10  # the default export budget: one call every 6 s


@pytest.mark.slow
def test_a_fresh_install_sends_no_notice_about_a_promise_already_kept(engine, smtp, monkeypatch):
    seeded = bulk(NOW, 1200, 3000, seed=18)
    with running_sandbox(page_size=40, seeded=seeded) as (server, _):
        source = sandbox_source(monkeypatch, server, seeded)
        config = sandbox_config(source)
        config.email = EmailConfig(smtp_host="127.0.0.1", smtp_port=smtp.port, sender="ft@x")
        config.escalation.managers = ["boss@acme.example"]

        def clock():
            # The export is rate-limited: each call the help desk answers costs 6 s.
            return NOW + timedelta(seconds=60 / EXPORT_CALLS_PER_MINUTE) * len(server.log)

        sweeps = [NOW - timedelta(minutes=5)]

        def sweep_when_due(*_args):
            # As `run` interleaves them: a sweep every minute while the sync pass runs.
            if clock() - sweeps[-1] >= timedelta(minutes=1):
                sweeps.append(clock())
                run_sweep(engine, config, now=clock())

        first = sync_source(engine, config, source, now=clock(), progress=sweep_when_due)
        assert first.ok and first.pages > 20
        assert len(sweeps) > 10  # many sweeps ran before the first pass was complete
        second = sync_source(engine, config, source, now=clock(), progress=sweep_when_due)
        assert second.ok
        run_sweep(engine, config, now=clock())

    with Session(engine) as session:
        kept = set(session.exec(select(Promise.id).where(Promise.state == "kept")))
        overdue = set(session.exec(select(Promise.id).where(Promise.state == "open")))
        accused = list(
            session.exec(
                select(Escalation.promise_id).where(
                    Escalation.status == SENT, Escalation.step.in_(ACCUSING)
                )
            )
        )
    headers = [m["X-Followthrough-Promise"] for _, _, m in smtp.sink.messages]
    mailed = [int(h) for h in headers if h is not None]  # digests name no promise
    print(
        f"fresh install: {len(kept)} kept, {len(overdue)} still open, "
        f"{len(mailed)} e-mails, {sum(p in kept for p in mailed)} about kept promises"
    )
    assert len(kept) > 40  # the backlog really holds promises its replies kept
    assert [p for p in accused if p in kept] == []
    assert [p for p in mailed if p in kept] == []
    assert accused  # the promises nobody kept are still escalated once the data is in
