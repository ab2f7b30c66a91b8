"""The scheduled jobs' bodies: sync one source under its lease, sweep and deliver,
send the digests. Each is logged with its source and never raises into the scheduler:
a failing job runs again at its next time and one failing source never stops the others.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.engine import Engine

from tracker.config import Config, SourceConfig
from tracker.errors import safe_error
from tracker.service import leases
from tracker.service.logs import event
from tracker.service.metrics import CountingTransport, Metrics

log = logging.getLogger(__name__)


class Stopping(BaseException):
    """Raised from the sync's progress callback (after a page is committed) to stop the
    pass between transactions. A BaseException, so the sync runner's own "any failure
    stops this source" handler does not record it as the source failing."""


class Jobs:
    """What a worker does; `Service` schedules it."""

    def __init__(
        self,
        config: Config,
        engine: Engine,
        worker_id: str,
        clock: Callable[[], datetime],
    ):
        self.config = config
        self.engine = engine
        self.worker_id = worker_id
        self.clock = clock
        self.lease_length = config.service.lease.delta
        self.metrics = Metrics(engine, config, clock)
        self.stopping = threading.Event()
        self._held: set[leases.HeldLease] = set()
        self._running = 0
        self._idle = threading.Condition()
        self._transport_cache: dict[str, Any] | None = None

    def _take(self, name: str) -> leases.HeldLease | None:
        held = leases.try_hold(self.engine, name, self.worker_id, self.lease_length, self.clock)
        if held is not None:
            self._held.add(held)
        return held

    def _drop(self, held: leases.HeldLease) -> None:
        held.release()
        self._held.discard(held)

    def _job(self, name: str, body: Callable[[], None], **fields: Any) -> None:
        """Run one job body: never while stopping, never raising into the scheduler."""
        with self._idle:
            if self.stopping.is_set():
                return
            self._running += 1
        try:
            body()
        except Stopping:
            event(log, f"{name}.stopped", **fields)
        except Exception as exc:
            self.metrics.job_failures.labels(name).inc()
            event(log, f"{name}.failed", level=logging.ERROR, error=exc, **fields)
        finally:
            with self._idle:
                self._running -= 1
                self._idle.notify_all()

    def sync_job(self, source_name: str) -> None:
        self._job("sync", lambda: self._sync(source_name), source=source_name)

    def _sync(self, source_name: str) -> None:
        source_cfg = self.config.source(source_name)
        held = self._take(f"sync:{source_name}")
        if held is None:
            self.metrics.syncs.labels(source_name, "skipped").inc()
            event(log, "sync.skipped", level=logging.DEBUG, source=source_name)
            return
        started = time.monotonic()
        try:
            self._sync_held(source_cfg, held)
        finally:
            self.metrics.sync_seconds.labels(source_name).observe(time.monotonic() - started)
            self._drop(held)

    def _sync_held(self, source_cfg: SourceConfig, held: leases.HeldLease) -> None:
        from tracker.ingest.sync import sync_source

        name = source_cfg.name

        def progress(*_args: Any, **_kwargs: Any) -> None:
            if self.stopping.is_set():
                raise Stopping()
            if held.lost.is_set():
                raise Stopping("lease lost")

        try:
            report = sync_source(
                self.engine,
                self.config,
                source_cfg,
                now=self.clock(),
                connector=None,  # a new one each pass: it reloads the directory per pass
                progress=progress,
            )
        except Exception as exc:  # the runner records source failures itself; not this
            self.metrics.syncs.labels(name, "failed").inc()
            self._record_failure(name, source_cfg.type, f"{name}: {safe_error(exc)}")
            raise
        calls, limited = int(report.calls or 0), int(report.rate_limited or 0)
        self.metrics.api_calls.labels(name).inc(calls)
        self.metrics.api_rate_limited.labels(name).inc(limited)
        error = getattr(report, "error", None)
        self.metrics.syncs.labels(name, "failed" if error else "ok").inc()
        fields: dict[str, Any] = {
            key: getattr(report, key, None)
            for key in ("pages", "tickets", "messages", "promises", "handoffs", "seconds")
        }
        if error:
            event(log, "sync.failed", level=logging.ERROR, source=name, error=error, **fields)
        else:
            event(log, "sync.done", source=name, calls=calls, rate_limited=limited, **fields)

    def _record_failure(self, name: str, kind: str, error: str) -> None:
        """The error on the source row (which /healthz reads) when the runner itself failed."""
        from tracker.db import session_scope
        from tracker.ingest.store import get_or_create_source

        now = self.clock()
        try:
            with session_scope(self.engine) as session:
                source = get_or_create_source(session, name, kind)
                source.last_sync_at = now
                source.last_error = error[:2000]
                session.add(source)
        except Exception as exc:
            event(log, "sync.record_failed", level=logging.WARNING, source=name, error=exc)

    def sweep_job(self) -> None:
        self._job("sweep", self._sweep)

    def _transports(self) -> dict[str, Any]:
        """The configured transports, each counted in the metrics; made once per worker."""
        if self._transport_cache is None:
            from integrations.notify import transports_for

            self._transport_cache = {
                channel: CountingTransport(channel, transport, self.metrics)
                for channel, transport in transports_for(self.config).items()
            }
        return self._transport_cache

    def _sweep(self) -> None:
        """One sweep under the "sweep" lease: one worker decides at a time (the others
        would find the same work). Delivery is a job of its own (`deliver_job`), so
        deciding never waits on a slow or silent channel."""
        from tracker.queries import dismissed_total
        from tracker.sweep import decide, digests

        held = self._take("sweep")
        if held is None:
            event(log, "sweep.skipped", level=logging.DEBUG)
            return
        started = time.monotonic()
        try:
            now = self.clock()
            report = decide(self.engine, self.config, now=now)
            report.digests = digests(self.engine, self.config, now=now)
            from tracker.db import session_scope

            with session_scope(self.engine) as session:
                report.dismissed_total = dismissed_total(session)
        finally:
            self.metrics.sweep_seconds.observe(time.monotonic() - started)
            self._drop(held)
        self._log_report("sweep", report)

    def deliver_job(self) -> None:
        self._job("deliver", self._deliver)

    def _deliver(self) -> None:
        """Send what is due: rows are claimed one batch at a time (no global lease), each
        channel within its own time per pass; stops between rows when asked to stop."""
        from tracker.sweep import deliver

        report = deliver(
            self.engine,
            self.config,
            now=self.clock(),
            worker_id=self.worker_id,
            transports=self._transports(),
            stop=self.stopping,
        )
        self._log_report("deliver", report)

    def _log_report(self, name: str, report: Any) -> None:
        for failure in [*report.failures, *report.errors][:20]:
            event(log, f"{name}.problem", level=logging.WARNING, problem=failure)
        for channel in report.paused:
            event(log, f"{name}.channel_paused", level=logging.WARNING, channel=channel)
        summary = _summary(report)
        busy = any(v for k, v in summary.items() if k not in ("seconds", "dismissed_total"))
        # An idle pass every minute is not news: it is logged at debug level only.
        event(log, f"{name}.done", level=logging.INFO if busy else logging.DEBUG, **summary)

    def prune_job(self) -> None:
        self._job("prune", self._prune)

    def _prune(self) -> None:
        """Daily, under the "prune" lease: drop history older than `keep_history`."""
        from tracker.retention import prune

        held = self._take("prune")
        if held is None:
            return
        try:
            report = prune(
                self.engine,
                now=self.clock(),
                keep=self.config.service.keep_history.delta,
                stop=self.stopping,
            )
        finally:
            self._drop(held)
        event(log, "prune.done", **_summary(report))

    def digest_job(self, team_name: str) -> None:
        self._job("digest", lambda: self._digest(team_name), team=team_name)

    def _digest(self, team_name: str) -> None:
        """At `digest_at` in the team's zone: queue the digests that are due and send them
        (the minute sweep would pick them up too; this sends them on the dot)."""
        from tracker.sweep import deliver, digests

        now = self.clock()
        queued = digests(self.engine, self.config, now=now)
        report = deliver(
            self.engine,
            self.config,
            now=now,
            worker_id=self.worker_id,
            transports=self._transports(),
            stop=self.stopping,
        )
        event(log, "digest.done", team=team_name, queued=queued, delivered=report.delivered)

    def learn_job(self) -> None:
        self._job("learn", self._learn)

    def _learn(self) -> None:
        """`[learning] weekly`: refit from the corrections (one worker at a time)."""
        from tracker.learning.running import learn_now

        held = self._take("learn")
        if held is None:
            return
        try:
            outcome = learn_now(self.engine, self.config, now=self.clock())
        finally:
            self._drop(held)
        event(log, "learn.done", switched=outcome.switched, reason=outcome.reason,
              model=outcome.candidate, corrections=outcome.corrections)  # fmt: skip

    def _release_all(self) -> None:
        for held in list(self._held):
            self._drop(held)


def _summary(report: Any) -> dict[str, Any]:
    if report is None:
        return {}
    fields = getattr(report, "__dataclass_fields__", None)
    names = list(fields) if fields else [n for n in vars(report) if not n.startswith("_")]
    out: dict[str, Any] = {}
    for name in names:
        value = getattr(report, name)
        if isinstance(value, (int, float, str, bool)) or value is None:
            out[name] = value
    return out
