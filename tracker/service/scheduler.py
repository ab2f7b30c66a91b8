"""The background service: APScheduler jobs that sync, sweep, deliver and send digests.

Steps of one worker's life:
1. refuse to start when SQLite already has a live worker (SQLite runs one);
2. serve /healthz and /metrics (and the web pages) in a thread;
3. run the jobs: one sync per source at its `poll_every` (under a lease, so one worker
   at a time polls a source), a sweep every `[service] sweep_every`, the daily digests
   at `[escalation] digest_at` in each team's zone;
4. on SIGTERM/SIGINT: start nothing new, let the jobs in hand finish their transaction
   (bounded by `stop_timeout`), release the leases, exit 0.

Jobs live in APScheduler's memory job store: our tables are the source of truth. A job
that raises is logged with its source and runs again at its next time.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.engine import Engine

from tracker.config import Config, SourceConfig
from tracker.service import leases
from tracker.service.health import Listener, make_app
from tracker.service.logs import event
from tracker.service.metrics import CountingTransport, Metrics

log = logging.getLogger(__name__)

SQLITE_WORKER_LEASE = "sqlite-worker"


class ServiceRefused(Exception):
    """The service must not start (e.g. a second worker on one SQLite file)."""


class Stopping(BaseException):
    """Raised from the sync's progress callback (after a page is committed) to stop the
    pass between transactions. A BaseException, so the sync runner's own "any failure
    stops this source" handler does not record it as the source failing."""


def utc_now() -> datetime:
    return datetime.now(UTC)


def _first_line(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__


class Service:
    def __init__(
        self,
        config: Config,
        engine: Engine,
        *,
        worker_id: str | None = None,
        clock: Callable[[], datetime] = utc_now,
        stop_timeout: float = 20.0,
    ):
        self.config = config
        self.engine = engine
        self.worker_id = leases.new_worker_id(worker_id or config.service.worker_id)
        self.clock = clock
        self.stop_timeout = stop_timeout
        self.lease_length = config.service.lease.delta
        self.started_at = clock()
        self.metrics = Metrics(engine, config, clock)
        self.stopping = threading.Event()
        self.scheduler: BlockingScheduler | None = None
        self.listener: Listener | None = None
        self._held: set[leases.HeldLease] = set()
        self._running = 0
        self._idle = threading.Condition()
        self._connectors: dict[str, Any] = {}
        self._seen_stats: dict[str, tuple[int, int]] = {}
        self._transport_cache: dict[str, Any] | None = None
        self._worker_lease: leases.HeldLease | None = None

    # ---- start-up ---------------------------------------------------------
    def claim_sqlite(self) -> None:
        """On SQLite, hold the one-worker lease for our whole life or refuse to start."""
        if self.engine.dialect.name != "sqlite":
            return
        held = self._take(SQLITE_WORKER_LEASE)
        if held is None:
            current = leases.holder(self.engine, SQLITE_WORKER_LEASE)
            if current and leases.owner_is_alive(current[0]) is False:
                event(log, "service.stale_worker_lease", owner=current[0])
                leases.release(self.engine, SQLITE_WORKER_LEASE, current[0])
                held = self._take(SQLITE_WORKER_LEASE)
        if held is None:
            owner = (leases.holder(self.engine, SQLITE_WORKER_LEASE) or ("another worker",))[0]
            raise ServiceRefused(
                f"another worker ({owner}) is already running on this SQLite database; "
                "SQLite runs one worker at a time (use PostgreSQL to run several)"
            )
        self._worker_lease = held

    def _take(self, name: str) -> leases.HeldLease | None:
        held = leases.try_hold(self.engine, name, self.worker_id, self.lease_length, self.clock)
        if held is not None:
            self._held.add(held)
        return held

    def _drop(self, held: leases.HeldLease) -> None:
        held.release()
        self._held.discard(held)

    def prepare(self) -> None:
        """Make the team table match the configuration before any job runs, so workers
        starting together do not race to create the same teams inside their first sync."""
        from sqlalchemy.exc import IntegrityError

        from tracker.db import session_scope
        from tracker.teams import sync_teams

        for attempt in (1, 2):
            try:
                with session_scope(self.engine) as session:
                    sync_teams(session, self.config)
                return
            except IntegrityError:  # another worker created them a moment ago
                if attempt == 2:
                    raise

    def web_app(self) -> Any:
        if not self.config.web.enabled:
            return None
        try:
            from tracker.web import create_app  # type: ignore[attr-defined]
        except ImportError:
            event(log, "web.unavailable", level=logging.WARNING, reason="tracker.web is missing")
            return None
        return create_app(self.config, self.engine)

    def build_scheduler(self) -> BlockingScheduler:
        workers = len(self.config.sources) + len(self.config.teams) + 2
        scheduler = BlockingScheduler(
            executors={"default": ThreadPoolExecutor(max_workers=workers)},
            timezone=UTC,
        )
        now = self.clock()
        for index, source in enumerate(self.config.sources):
            every = source.poll_every.delta.total_seconds()
            scheduler.add_job(
                self.sync_job,
                IntervalTrigger(seconds=every, jitter=int(min(every * 0.1, 30)) or None),
                args=[source.name],
                id=f"sync:{source.name}",
                name=f"sync {source.name}",
                next_run_time=now + timedelta(seconds=0.2 * index),  # first pass right away
                max_instances=1,
                coalesce=True,
                misfire_grace_time=max(int(every), 1),
            )
        sweep_every = self.config.service.sweep_every.delta.total_seconds()
        scheduler.add_job(
            self.sweep_job,
            IntervalTrigger(seconds=sweep_every),
            id="sweep",
            name="sweep and deliver",
            next_run_time=now + timedelta(seconds=min(sweep_every, 5)),
            max_instances=1,
            coalesce=True,
            misfire_grace_time=max(int(sweep_every), 1),
        )
        hour, minute = (int(part) for part in self.config.escalation.digest_at.split(":"))
        for team in self.config.teams:
            scheduler.add_job(
                self.digest_job,
                CronTrigger(hour=hour, minute=minute, timezone=team.timezone),
                args=[team.name],
                id=f"digest:{team.name}",
                name=f"digest {team.name}",
                max_instances=1,
                coalesce=True,
                misfire_grace_time=3600,
            )
        return scheduler

    # ---- jobs -------------------------------------------------------------
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
        from tracker.sync import sync_source

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
                connector=self._connector(source_cfg),
                progress=progress,
            )
        except Exception as exc:  # the runner records source failures itself; not this
            self.metrics.syncs.labels(name, "failed").inc()
            self._record_failure(name, source_cfg.type, _first_line(exc))
            raise
        calls, limited = self._call_deltas(name, report)
        self.metrics.api_calls.labels(name).inc(calls)
        self.metrics.api_rate_limited.labels(name).inc(limited)
        error = getattr(report, "error", None)
        self.metrics.syncs.labels(name, "failed" if error else "ok").inc()
        fields = {
            key: getattr(report, key, None)
            for key in ("pages", "tickets", "messages", "promises", "handoffs", "seconds")
        }
        if error:
            event(log, "sync.failed", level=logging.ERROR, source=name, error=error, **fields)
        else:
            event(log, "sync.done", source=name, calls=calls, rate_limited=limited, **fields)

    def _call_deltas(self, name: str, report: Any) -> tuple[int, int]:
        """API calls and 429s of this pass: a kept connector's stats count since it was made."""
        calls = int(getattr(report, "calls", 0) or 0)
        limited = int(getattr(report, "rate_limited", 0) or 0)
        last_calls, last_limited = self._seen_stats.get(name, (0, 0))
        self._seen_stats[name] = (calls, limited)
        if calls < last_calls or limited < last_limited:  # a new connector: counts restarted
            return calls, limited
        return calls - last_calls, limited - last_limited

    def _connector(self, source_cfg: SourceConfig) -> Any:
        """One connector per source for the worker's life, so its rate budget carries over."""
        if source_cfg.name not in self._connectors:
            from integrations.registry import connector_for

            self._connectors[source_cfg.name] = connector_for(source_cfg)
        return self._connectors[source_cfg.name]

    def _record_failure(self, name: str, kind: str, error: str) -> None:
        """The error on the source row (which /healthz reads) when the runner itself failed."""
        from tracker.db import session_scope
        from tracker.ingest import get_or_create_source

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
        would find the same work); delivery claims its rows on its own as well."""
        from tracker.sweep import run_sweep

        held = self._take("sweep")
        if held is None:
            event(log, "sweep.skipped", level=logging.DEBUG)
            return
        started = time.monotonic()
        try:
            report = run_sweep(
                self.engine,
                self.config,
                now=self.clock(),
                worker_id=self.worker_id,
                transports=self._transports(),
            )
        finally:
            self.metrics.sweep_seconds.observe(time.monotonic() - started)
            self._drop(held)
        for failure in [*report.failures, *report.errors][:20]:
            event(log, "sweep.problem", level=logging.WARNING, problem=failure)
        event(log, "sweep.done", **_summary(report))

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
        )
        event(log, "digest.done", team=team_name, queued=queued, delivered=report.delivered)

    # ---- running and stopping --------------------------------------------
    def request_stop(self, reason: str = "signal") -> None:
        """Safe from a signal handler: the scheduler is stopped from another thread."""
        if self.stopping.is_set():
            return
        self.stopping.set()
        event(log, "service.stopping", reason=reason)
        threading.Thread(target=self._stop_scheduler, name="stopper", daemon=True).start()

    def _stop_scheduler(self) -> None:
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def run(self, *, install_signals: bool = True) -> int:
        """Run until asked to stop; returns the exit code."""
        self.claim_sqlite()
        self.prepare()
        try:
            self.listener = Listener(
                make_app(
                    self.engine,
                    self.config,
                    self.metrics,
                    clock=self.clock,
                    started_at=self.started_at,
                    web_app=self.web_app(),
                ),
                self.config.service.listen,
            ).start()
        except OSError as exc:
            self._release_all()
            raise ServiceRefused(
                f"[service] listen = {self.config.service.listen!r}: cannot listen ({exc})"
            ) from exc
        if install_signals:
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda s, _f: self.request_stop(signal.Signals(s).name))
        self.scheduler = self.build_scheduler()
        event(
            log,
            "service.started",
            worker=self.worker_id,
            sources=",".join(s.name for s in self.config.sources) or "-",
            listen=self.listener.address,
            database=self.engine.dialect.name,
        )
        if not self.stopping.is_set():
            self.scheduler.start()  # blocks until request_stop()
        return self._finish()

    def _finish(self) -> int:
        deadline = time.monotonic() + self.stop_timeout
        with self._idle:
            while self._running and time.monotonic() < deadline:
                self._idle.wait(timeout=max(deadline - time.monotonic(), 0.01))
            unfinished = self._running
        if unfinished:
            event(log, "service.stop_timeout", level=logging.WARNING, jobs=unfinished)
        self._release_all()
        if self.listener is not None:
            self.listener.stop()
        event(log, "service.stopped", worker=self.worker_id)
        if unfinished:  # a job stuck in a call: its transaction is rolled back by the exit
            logging.shutdown()
            os._exit(0)
        return 0

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


def database_ready(engine: Engine) -> str | None:
    """None when the database answers and is at the newest migration, else what is wrong."""
    from alembic.script import ScriptDirectory

    from tracker.db import MIGRATIONS_DIR, current_revision

    try:
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
        current = current_revision(engine)
    except Exception as exc:
        return f"the database does not answer: {_first_line(exc)}"
    heads = ScriptDirectory(str(MIGRATIONS_DIR)).get_heads()
    if current not in heads:
        return (
            f"the database is at revision {current or 'none'}, this version needs "
            f"{', '.join(heads)}: run `followthrough db upgrade` first"
        )
    return None
