"""The background service: APScheduler jobs that sync, sweep, deliver and send digests.

Steps of one worker's life:
1. refuse to start when SQLite already has a live worker (SQLite runs one);
2. serve /healthz and /metrics (and the web pages) in a thread;
3. run the jobs: one sync per source at its `poll_every` (under a lease, so one worker
   at a time polls a source), a sweep (decisions) and a delivery pass each every
   `[service] sweep_every`, the daily digests
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

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from sqlalchemy.engine import Engine

from integrations.slack_buttons import SlackButtons
from tracker.calendar import parse_time_of_day
from tracker.config import Config, ConfigError
from tracker.corrections.slack import with_slack
from tracker.service import leases
from tracker.service.health import Listener, cannot_listen, make_app
from tracker.service.jobs import Jobs
from tracker.service.logs import event

log = logging.getLogger(__name__)

SQLITE_WORKER_LEASE = "sqlite-worker"


class ServiceRefused(Exception):
    """The service must not start (e.g. a second worker on one SQLite file)."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class Service(Jobs):
    def __init__(
        self,
        config: Config,
        engine: Engine,
        *,
        worker_id: str | None = None,
        clock: Callable[[], datetime] = utc_now,
        stop_timeout: float = 20.0,
    ):
        super().__init__(
            config, engine, leases.new_worker_id(worker_id or config.service.worker_id), clock
        )
        self.stop_timeout = stop_timeout
        self.started_at = clock()
        self.scheduler: BlockingScheduler | None = None
        self.listener: Listener | None = None
        self._worker_lease: leases.HeldLease | None = None

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

    def prepare(self) -> None:
        """Make the team table match the configuration before any job runs, so workers
        starting together do not race to create the same teams inside their first sync."""
        from sqlalchemy.exc import IntegrityError

        from tracker.teams import teams_follow_config

        for attempt in (1, 2):
            try:
                teams_follow_config(self.engine, self.config)
                return
            except IntegrityError:  # another worker created them a moment ago
                if attempt == 2:
                    raise

    def web_app(self) -> Any:
        if not self.config.web.enabled:
            return None
        try:
            from tracker.web import create_app
        except ImportError:
            event(log, "web.unavailable", level=logging.WARNING, reason="tracker.web is missing")
            return None
        return create_app(self.config, self.engine)

    def build_scheduler(self) -> BlockingScheduler:
        workers = len(self.config.sources) + len(self.config.teams) + 4
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
            name="sweep",
            next_run_time=now + timedelta(seconds=min(sweep_every, 5)),
            max_instances=1,
            coalesce=True,
            misfire_grace_time=max(int(sweep_every), 1),
        )
        # Delivery on its own: a channel that hangs never holds up deciding.
        scheduler.add_job(
            self.deliver_job,
            IntervalTrigger(seconds=sweep_every),
            id="deliver",
            name="deliver",
            next_run_time=now + timedelta(seconds=min(sweep_every, 5) + 0.5),
            max_instances=1,
            coalesce=True,
            misfire_grace_time=max(int(sweep_every), 1),
        )
        scheduler.add_job(
            self.prune_job,
            IntervalTrigger(hours=24),
            id="prune",
            name="prune history older than keep_history",
            next_run_time=now + timedelta(minutes=10),
            max_instances=1,
            coalesce=True,
            misfire_grace_time=3600,
        )
        digest_at = parse_time_of_day(self.config.escalation.digest_at)
        hour, minute = digest_at.hour, digest_at.minute
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
        if self.config.learning.weekly:
            scheduler.add_job(
                self.learn_job,
                CronTrigger(day_of_week="sun", hour=3, minute=0, timezone=UTC),
                id="learn",
                name="refit the decision model",
                max_instances=1,
                coalesce=True,
                misfire_grace_time=6 * 3600,
            )
        return scheduler

    # ---- running and stopping ---------------------------------------------
    def request_stop(self, reason: str = "signal") -> None:
        """Safe from a signal handler: the scheduler is stopped from another thread."""
        if self.stopping.is_set():
            return
        self.stopping.set()
        event(log, "service.stopping", reason=reason)
        threading.Thread(target=self._stop_scheduler, name="stopper", daemon=True).start()

    def _stop_scheduler(self) -> None:
        # A signal can land while run() is between its stopping check and start(): wait
        # for the scheduler to be running rather than miss it (run() skips start() when
        # the stop came earlier, so this gives up after a while).
        deadline = time.monotonic() + 10
        while self.scheduler is None or not self.scheduler.running:
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)
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
                    web_app=with_slack(
                        self.web_app(), self.config, self.engine, self.clock, slack=SlackButtons
                    ),
                ),
                self.config.service.listen,
            ).start()
        except OSError as exc:
            self._release_all()
            raise ServiceRefused(
                f"[service] listen: {cannot_listen(self.config.service.listen, exc)}"
            ) from exc
        except ConfigError as exc:  # e.g. a secret key changed to a short one since the check
            self._release_all()
            raise ServiceRefused(str(exc)) from exc
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


def database_ready(engine: Engine) -> str | None:
    """None when the database answers and is at the newest migration, else what is wrong."""
    from tracker.db import DatabaseUnusable, check_schema

    try:
        check_schema(engine)
    except DatabaseUnusable as exc:
        return str(exc)
    return None
