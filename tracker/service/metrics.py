"""Prometheus metrics of one worker, in its own registry (never the global one).

Counters count what this worker did since it started; the gauges read from the
database at scrape time describe the whole deployment (every worker shares it).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy.engine import Engine

from tracker.config import Config
from tracker.kinds import PROMISE_STATES
from tracker.models import Escalation, Promise, Rejected, Source

log = logging.getLogger(__name__)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class StoreCollector(Collector):
    """Gauges read from the database when Prometheus scrapes."""

    def __init__(self, engine: Engine, config: Config, clock: Callable[[], datetime]):
        self.engine = engine
        self.config = config
        self.clock = clock

    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily("followthrough_database_up", "1 when the database answers.")
        try:
            promises, notifications, sources, rejected = self._read()
        except Exception as exc:  # a scrape must not fail because the database did
            log.debug("metrics: database unreachable: %s", exc)
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        by_state = GaugeMetricFamily(
            "followthrough_promises", "Promises in the store by state.", labels=["state"]
        )
        for state in PROMISE_STATES:
            by_state.add_metric([state], promises.get(state, 0))
        yield by_state
        outbox = GaugeMetricFamily(
            "followthrough_notifications",
            "Notification rows (escalations) in the outbox by channel and status.",
            labels=["channel", "status"],
        )
        for (channel, status), count in sorted(notifications.items()):
            outbox.add_metric([channel, status], count)
        yield outbox
        age = GaugeMetricFamily(
            "followthrough_source_last_success_age_seconds",
            "Seconds since the source last synced successfully (absent: never).",
            labels=["source"],
        )
        now = self.clock()
        for name, last in sorted(sources.items()):
            if last is not None:
                age.add_metric([name], max((now - last).total_seconds(), 0.0))
        yield age
        aside = GaugeMetricFamily(
            "followthrough_rejected_records",
            "Records of a source set aside because they could not be read or stored.",
            labels=["source"],
        )
        for name in sorted(sources):
            aside.add_metric([name], rejected.get(name, 0))
        yield aside

    def _read(
        self,
    ) -> tuple[dict[str, int], dict[tuple[str, str], int], dict[str, Any], dict[str, int]]:
        # SQLModel does not declare `__table__` on table classes (it is there at run time)
        promise = Promise.__table__  # type: ignore[attr-defined]
        escalation = Escalation.__table__  # type: ignore[attr-defined]
        source = Source.__table__  # type: ignore[attr-defined]
        aside = Rejected.__table__  # type: ignore[attr-defined]
        with self.engine.connect() as conn:
            promises: dict[str, int] = dict(
                conn.execute(
                    sa.select(promise.c.state, sa.func.count()).group_by(promise.c.state)
                ).all()
            )
            rows = conn.execute(
                sa.select(escalation.c.channel, escalation.c.status, sa.func.count()).group_by(
                    escalation.c.channel, escalation.c.status
                )
            ).all()
            sources: dict[str, datetime | None] = dict(
                conn.execute(sa.select(source.c.name, source.c.last_success_at)).all()
            )
            rejected: dict[str, int] = dict(
                conn.execute(
                    sa.select(source.c.name, sa.func.count())
                    .select_from(aside.join(source, source.c.id == aside.c.source_id))
                    .group_by(source.c.name)
                ).all()
            )
        return promises, {(r[0], r[1]): r[2] for r in rows}, sources, rejected


class Metrics:
    """What this worker counts, plus the store's gauges."""

    def __init__(self, engine: Engine, config: Config, clock: Callable[[], datetime]):
        self.registry = CollectorRegistry(auto_describe=True)
        self.syncs = Counter(
            "followthrough_syncs",
            "Sync passes by source and outcome (ok, failed, skipped: another worker held it).",
            ["source", "outcome"],
            registry=self.registry,
        )
        self.api_calls = Counter(
            "followthrough_api_calls",
            "HTTP requests made to a source's API.",
            ["source"],
            registry=self.registry,
        )
        self.api_rate_limited = Counter(
            "followthrough_api_rate_limited",
            "HTTP 429 answers received from a source's API.",
            ["source"],
            registry=self.registry,
        )
        self.sync_seconds = Histogram(
            "followthrough_sync_duration_seconds",
            "How long one sync pass of a source took.",
            ["source"],
            buckets=(0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
            registry=self.registry,
        )
        self.deliveries = Counter(
            "followthrough_deliveries",
            "Notifications this worker tried to deliver, by channel and outcome.",
            ["channel", "outcome"],
            registry=self.registry,
        )
        self.sweep_seconds = Histogram(
            "followthrough_sweep_duration_seconds",
            "How long one sweep (fulfilment, escalation and delivery) took.",
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
            registry=self.registry,
        )
        self.job_failures = Counter(
            "followthrough_job_failures",
            "Scheduled jobs that raised, by job.",
            ["job"],
            registry=self.registry,
        )
        self.registry.register(StoreCollector(engine, config, clock))
        for source in config.sources:  # so every series exists from the first scrape
            for outcome in ("ok", "failed", "skipped"):
                self.syncs.labels(source.name, outcome)
            self.api_calls.labels(source.name)
            self.api_rate_limited.labels(source.name)

    def render(self) -> bytes:
        return generate_latest(self.registry)


class CountingTransport:
    """A notification transport that counts each send by channel and outcome
    (sent, retry: a passing failure, failed: a permanent one)."""

    def __init__(self, channel: str, inner: Any, metrics: Metrics):
        self.channel = channel
        self.inner = inner
        self.metrics = metrics

    def send(self, notice: Any, recipient: str) -> None:
        try:
            self.inner.send(notice, recipient)
        except Exception as exc:
            outcome = "failed" if getattr(exc, "permanent", False) else "retry"
            self.metrics.deliveries.labels(self.channel, outcome).inc()
            raise
        self.metrics.deliveries.labels(self.channel, "sent").inc()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)
