"""An audit of the sandbox help desk's week over real HTTP, in the audit's own database
(SQLite and PostgreSQL): the numbers the week holds, nothing sent or written anywhere,
an interrupted audit resumed to the same numbers, the request budget obeyed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import Session, select

from integrations.registry import connector_for
from tests.helpers.sandbox import NOW, running_sandbox, sandbox_config, sandbox_source
from tracker.audit.period import parse_period
from tracker.audit.run import audit_source, run_audit
from tracker.config import EmailConfig, SlackConfig
from tracker.db import make_engine, upgrade
from tracker.models import Escalation

WEEK = {
    "promises": 7, "kept_on_time": 2, "kept_late": 1, "broken": 1, "open": 3, "overdue": 1,
    "handed_off": 1, "handed_off_kept": 0, "tickets": 12, "messages": 30,
}  # fmt: skip


class Stop(BaseException):
    """Stands in for Ctrl-C between two pages."""


def headline(report) -> dict:
    data = report.as_dict()
    return {k: data[k] for k in WEEK}


def test_an_audit_of_the_sandbox_week_sends_and_writes_nothing(
    monkeypatch, engine, tmp_path, smtp_server
) -> None:
    with running_sandbox(page_size=5) as (server, seeded):
        config = sandbox_config(sandbox_source(monkeypatch, server, seeded))
        config.email = EmailConfig(smtp_host="127.0.0.1", smtp_port=smtp_server.port)
        config.slack = SlackConfig(options={"webhook_url_env": "NO_SUCH_HOOK"})
        service_db = tmp_path / "service.db"  # the service's database, named in the config
        config.database_url = f"sqlite:///{service_db}"
        run = run_audit(
            engine, config, config.sources[0], parse_period(NOW, "14d"), identity="week"
        )
        writes = [entry for entry in server.log if entry[0] != "GET"]
    assert headline(run.report) == WEEK
    assert run.report.total.kept_on_time_rate == 0.4  # 2 of the 5 kept, broken or past due
    assert writes == []  # no note, no tag, no field on any ticket
    assert smtp_server.inbox.messages == []
    assert not service_db.exists()
    with Session(engine) as session:  # the replay queued nothing to send either
        assert session.exec(select(Escalation)).all() == []
    teams = {t["name"]: t["promises"] for t in run.report.as_dict()["by_team"]}
    assert teams == {"Tier 1": 6, "Tier 2": 1}


def test_an_interrupted_audit_resumes_to_the_same_numbers(monkeypatch, db_url, tmp_path) -> None:
    with running_sandbox(page_size=4) as (server, seeded):
        config = sandbox_config(sandbox_source(monkeypatch, server, seeded))
        source = config.sources[0]
        whole_url = f"sqlite:///{tmp_path / 'whole.db'}"
        upgrade(whole_url)
        whole = run_audit(
            make_engine(whole_url), config, source, parse_period(NOW, "14d"), identity="week"
        )
        calls_whole = len(server.log)
        exports = lambda entries: [path for _, path in entries if "/incremental/" in path]  # noqa: E731

        upgrade(db_url)
        engine = make_engine(db_url)
        pages = []

        def stop_after_four(progress) -> None:
            pages.append(progress)
            if len(pages) == 4:
                raise Stop

        with pytest.raises(Stop):
            run_audit(engine, config, source, parse_period(NOW, "14d"), identity="week",
                      progress=stop_after_four)  # fmt: skip
        read_before = exports(server.log[calls_whole:])
        mark = len(server.log)
        # a later start must not move the period: the resumed audit keeps the stored one
        later = parse_period(NOW + timedelta(hours=5), "14d")
        resumed = run_audit(engine, config, source, later, identity="week")
        read_after = exports(server.log[mark:])
        engine.dispose()
    assert resumed.resumed and not resumed.reused
    assert resumed.report.as_dict() == whole.report.as_dict()
    assert headline(resumed.report) == WEEK
    # it continued where it stopped: no export page read before was asked for again
    assert read_before and read_after
    assert "cursor=" in read_after[0]
    assert not set(read_before) & set(read_after)


def test_the_sources_request_budget_paces_the_read(monkeypatch, engine) -> None:
    slept: list[float] = []
    clock = [0.0]

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        clock[0] += seconds

    with running_sandbox(page_size=4) as (server, seeded):
        source = sandbox_source(monkeypatch, server, seeded, export_requests_per_minute=3)
        config = sandbox_config(source)
        period = parse_period(NOW, "14d")
        connector = connector_for(audit_source(source, period), sleep=sleep, clock=lambda: clock[0])
        run = run_audit(engine, config, source, period, identity="week", connector=connector)
        exports = [e for e in server.log if "/incremental/" in e[1]]
    assert headline(run.report) == WEEK
    assert len(exports) > 6
    # 3 export calls a minute: every call after the third waited for its minute
    minutes_needed = (len(exports) - 1) // 3
    assert clock[0] >= minutes_needed * 60 - 1
