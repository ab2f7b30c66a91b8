"""An audit from start to end, in its own database:

1. note the period and the moment it is judged at in the database (a resumed audit
   takes them from there, so it ends with the same numbers);
2. read the period's history through the source's own connector, from the period's
   start (the source's `backfill` is ignored), with the usual sync: every page and its
   cursor in one transaction, promises extracted as they are stored; an interrupted
   read continues from the stored cursor;
3. replay the lifecycle with the service's own sweep (`tracker.sweep.decide`) as of
   that moment, on a copy of the configuration with every notification channel off:
   nothing is queued to send, and nothing is ever delivered;
4. fold the period's promises into the report.

It never writes to the help desk (connectors only read; write-back is never called)
and never opens the service's database: the caller hands it the audit's own engine.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from tracker.audit.load import period_promises, period_volume
from tracker.audit.period import Period
from tracker.audit.progress import Estimator, Observed, Progress, budget_per_minute
from tracker.audit.report import AuditReport, build_report
from tracker.config import Config, SourceConfig, TicketNotifyConfig
from tracker.durations import Duration
from tracker.ingest.sync import SyncReport, sync_source
from tracker.models import Lease
from tracker.sources import installed

START, END, NOW, IDENTITY, DONE = (
    "audit:start",
    "audit:end",
    "audit:now",
    "audit:identity",
    "audit:done",
)
READ_MARGIN = timedelta(hours=1)  # read a little before the period: hand-offs, edge seconds


class AuditError(Exception):
    """The audit could not finish; one line for people. Its database keeps what was read."""


@dataclass
class AuditRun:
    report: AuditReport
    resumed: bool
    reused: bool  # a finished audit was found: nothing was read again
    sync: SyncReport | None = None
    seconds: float = 0.0


def audit_source(source: SourceConfig, period: Period) -> SourceConfig:
    """The source as configured, but read back to the period's start whatever its
    `backfill` says."""
    reach = period.now - period.start + READ_MARGIN
    return dataclasses.replace(source, backfill=Duration(reach, False, "audit period"))


def replay_config(config: Config, source: SourceConfig) -> Config:
    """The configuration's teams, calendars, default due and ladder, with no e-mail, no
    Slack and no ticket notes or tags: the replay decides, and there is nothing to send."""
    return dataclasses.replace(
        config,
        sources=[source],
        email=None,
        slack=None,
        ticket=TicketNotifyConfig(note=False, tags=False, due_field=None),
    )


def _markers(session: Session) -> dict[str, Lease]:
    names = (START, END, NOW, IDENTITY, DONE)
    return {name: row for name in names if (row := session.get(Lease, name)) is not None}


def open_state(engine: Engine, period: Period, identity: str) -> tuple[Period, bool, bool]:
    """(the period to use, resumed?, finished already?). A fresh database records the
    period; one holding an audit of the same source and period resumes it."""
    with Session(engine, expire_on_commit=False) as session:
        found = _markers(session)
        if not found:
            for name, at in ((START, period.start), (END, period.end), (NOW, period.now)):
                session.add(Lease(name=name, owner="audit", until=at))
            session.add(Lease(name=IDENTITY, owner=identity[:200], until=period.now))
            session.commit()
            return period, False, False
    if IDENTITY not in found or found[IDENTITY].owner != identity[:200]:
        held = found[IDENTITY].owner if IDENTITY in found else "something else"
        raise AuditError(
            f"the audit database holds an audit of {held}, not {identity}; "
            "give another --database or add --fresh"
        )
    stored = Period(found[START].until, found[END].until, found[NOW].until)
    return stored, True, DONE in found


def _mark_done(engine: Engine, now: datetime) -> None:
    with Session(engine) as session:
        session.add(Lease(name=DONE, owner="audit", until=now))
        session.commit()


def run_audit(
    engine: Engine,
    config: Config,
    source: SourceConfig,
    period: Period,
    *,
    identity: str,
    connector: Any = None,
    build: Callable[[SourceConfig], Any] | None = None,
    progress: Callable[[Progress], None] | None = None,
    precision: tuple[int, int] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> AuditRun:
    """Read, replay and report (module docstring). `connector`: an already built one
    (tests); `build`: makes one from the audit's source (files); by default the registry
    builds the source's own."""
    started = clock()
    period, resumed, done = open_state(engine, period, identity)
    source = audit_source(source, period)
    replay = replay_config(config, source)
    sync: SyncReport | None = None
    if not done:
        if connector is None and build is not None:
            connector = build(source)
        if connector is None:
            connector = installed().build(source)
        estimator = Estimator(
            source.type, period.start, period.now, budget_per_minute(source), clock
        )
        observed = Observed(connector, estimator)

        def on_page(report: SyncReport) -> None:
            if progress is not None:
                progress(
                    Progress(
                        "reading",
                        report.tickets,
                        report.messages,
                        report.promises,
                        report.calls,
                        estimator.fraction,
                        estimator.seconds_left(report.calls),
                        resumed,
                    )
                )

        sync = sync_source(
            engine, replay, source, now=period.now, connector=observed, progress=on_page
        )
        if sync.error:
            raise AuditError(f"reading the history stopped: {sync.error}")
        if progress is not None:
            progress(Progress("replaying", sync.tickets, sync.messages, sync.promises, sync.calls))
        from tracker.sweep import decide

        decided = decide(engine, replay, now=period.now)
        if decided.errors:
            raise AuditError(f"replaying the lifecycle failed: {decided.errors[0]}")
        _mark_done(engine, period.now)
    report = report_from(engine, source.name, period, precision)
    return AuditRun(report, resumed, done, sync, clock() - started)


def report_from(
    engine: Engine, source_name: str, period: Period, precision: tuple[int, int] | None = None
) -> AuditReport:
    with Session(engine) as session:
        tickets, messages = period_volume(session, period)
        return build_report(
            period_promises(session, period),
            source=source_name,
            start=period.start,
            end=period.end,
            now=period.now,
            tickets=tickets,
            messages=messages,
            precision=precision,
        )
