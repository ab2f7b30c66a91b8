"""The schedule a worker builds, and the one-worker rule on SQLite."""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta

import pytest

from tracker.config import Config, SourceConfig, TeamConfig
from tracker.db import make_engine, upgrade
from tracker.durations import parse_duration
from tracker.service import leases
from tracker.service.scheduler import SQLITE_WORKER_LEASE, Service, ServiceRefused


def _config() -> Config:
    config = Config()
    config.sources = [
        SourceConfig("zendesk", "zendesk", parse_duration("2m"), parse_duration("14d"), {}),
        SourceConfig("mailbox", "imap", parse_duration("30s"), parse_duration("14d"), {}),
    ]
    config.teams = [TeamConfig("Tier 1", timezone="Europe/London"), TeamConfig("Tier 2",
                    timezone="America/New_York")]  # fmt: skip
    config.escalation.digest_at = "08:30"
    return config


def test_every_job_is_scheduled_once_with_explicit_misfire_handling(tmp_path):
    url = f"sqlite:///{tmp_path / 'ft.db'}"
    upgrade(url)
    engine = make_engine(url)
    scheduler = Service(_config(), engine).build_scheduler()
    jobs = {job.id: job for job in scheduler.get_jobs()}
    assert set(jobs) == {
        "sync:zendesk", "sync:mailbox", "sweep", "deliver", "prune",
        "digest:Tier 1", "digest:Tier 2",
    }  # fmt: skip
    for job in jobs.values():
        assert job.max_instances == 1 and job.coalesce is True
        assert job.misfire_grace_time and job.misfire_grace_time >= 1
    assert jobs["sync:zendesk"].trigger.interval == timedelta(minutes=2)
    assert jobs["sync:mailbox"].trigger.interval == timedelta(seconds=30)
    assert jobs["sweep"].trigger.interval == timedelta(minutes=1)
    london = jobs["digest:Tier 1"].trigger
    assert str(london.timezone) == "Europe/London"
    after = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    assert london.get_next_fire_time(None, after) == datetime(2026, 7, 2, 7, 30, tzinfo=UTC)
    new_york = jobs["digest:Tier 2"].trigger.get_next_fire_time(None, after)
    assert new_york == datetime(2026, 7, 1, 12, 30, tzinfo=UTC)
    engine.dispose()


@pytest.fixture
def sqlite_engine(tmp_path):
    url = f"sqlite:///{tmp_path / 'ft.db'}"
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


def test_a_second_worker_on_sqlite_refuses_to_start_while_the_first_lives(sqlite_engine):
    alive = f"{socket.gethostname()}:{os.getpid()}:other"
    now = datetime.now(UTC)
    assert leases.acquire(sqlite_engine, SQLITE_WORKER_LEASE, alive, now=now,
                          length=timedelta(minutes=5))  # fmt: skip
    with pytest.raises(ServiceRefused, match="already running on this SQLite database"):
        Service(Config(), sqlite_engine).claim_sqlite()


def test_a_dead_workers_sqlite_lease_is_taken_over_at_once(sqlite_engine):
    dead = f"{socket.gethostname()}:999999999:gone"
    now = datetime.now(UTC)
    assert leases.acquire(sqlite_engine, SQLITE_WORKER_LEASE, dead, now=now,
                          length=timedelta(minutes=5))  # fmt: skip
    service = Service(Config(), sqlite_engine)
    service.claim_sqlite()
    assert leases.holder(sqlite_engine, SQLITE_WORKER_LEASE)[0] == service.worker_id
    service._release_all()
    assert leases.holder(sqlite_engine, SQLITE_WORKER_LEASE) is None
