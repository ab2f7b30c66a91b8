"""One polling pass: pull a source's changes page by page and store each page with its
cursor in one transaction.

Steps for one source:
1. make the team table match the configuration;
2. ask the connector for pages from the stored cursor;
3. per page: ingest records + cursor, commit (a crash loses at most the page in flight);
4. on any error: stop this source, keep the last committed cursor, record `last_error`;
   on success: `last_success_at = now`, clear `last_error`.

`now` is the pass's start, not its end: a complete pass has stored everything sent
before it, and the escalation ladder relies on exactly that (tracker.promises.escalation: no
accusing notice for a step at T until `last_success_at >= T`).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session

from tracker.config import Config, SourceConfig
from tracker.corrections import helpdesk, replies
from tracker.db import session_scope
from tracker.errors import safe_error
from tracker.ingest.quarantine import store_page
from tracker.ingest.records import Batch
from tracker.ingest.retry import retry_rejected
from tracker.ingest.sanitize import clean_batch
from tracker.ingest.store import IngestResult, get_or_create_source, ingest
from tracker.learning import store
from tracker.models import Source, stored_id
from tracker.sources import ConnectorRegistry, ConnectorSpec, Poller, installed
from tracker.teams import place_members, teams_follow_config

log = logging.getLogger(__name__)


@dataclass
class SyncReport:
    source: str
    pages: int = 0
    tickets: int = 0
    messages: int = 0
    promises: int = 0
    handoffs: int = 0
    rejected: int = 0
    calls: int = 0
    rate_limited: int = 0
    waited_seconds: float = 0.0
    error: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _one_line(source: str, exc: BaseException) -> str:
    """The error for `last_error`, /healthz and the log: its class and our own words,
    never a database error's statement or values (they hold customer text)."""
    text = " ".join(safe_error(exc).split())
    if not text.startswith(f"{source}:"):
        text = f"{source}: {text}"
    return text[:1000]


def sync_source(
    engine: Engine,
    config: Config,
    source: SourceConfig,
    *,
    now: datetime,
    connector: Poller | None = None,
    progress: Callable[[SyncReport], None] | None = None,
    connectors: ConnectorRegistry | None = None,
) -> SyncReport:
    """One pass over one source; never raises for a failure of the source itself.
    `connector`: an already built poller (tests, audits); else `connectors` (default: the
    installed ones) builds the source's own."""
    started = time.perf_counter()
    report = SyncReport(source=source.name)
    teams_follow_config(engine, config)
    with session_scope(engine) as session:
        row = get_or_create_source(session, source.name, source.type)
        source_id, cursor = stored_id(row), row.cursor
    decider = store.decision_for_sync(config)
    try:
        registry = connectors or installed()
        spec = registry.get(source.type)
        if connector is None and replies.is_reply_mailbox(config, source):
            # RepliesRead only pages (nothing): the Connector protocol still bundles ticket
            # writing with polling (issue 15 item 1 splits them)
            connector, report.messages = replies.read_reply_mailbox(  # type: ignore[assignment]
                engine, config, source, now, registry
            )
        if connector is None:
            spec = registry.spec_for(source)  # an unknown type fails here, this source only
            connector = spec.build(source)
        derive = spec is not None and spec.derives_handoffs

        def apply(session: Session, row: Source, page: Batch) -> IngestResult:
            notes = helpdesk.new_commands(session, row, page)
            result = ingest(
                session,
                row,
                page,
                default_due=config.escalation.default_due,
                default_team=source.get("team"),
                derive_handoffs=derive,
                now=now,
                threshold=decider.threshold,
                model=decider.model,
            )
            # New agents and groups join their teams now (their promises too).
            place_members(
                session,
                config,
                stored_id(row),
                people=[p.external_id for p in page.people],
                groups=[g.external_id for g in page.groups],
            )
            written = helpdesk.run_commands(session, config, row, page, notes, now=now,
                                            default_team=source.get("team"))  # fmt: skip
            pending.extend(written)  # last: a page that fails in here adds nothing
            return result

        pending: list[helpdesk.WriteBack] = []
        retried = retry_rejected(
            engine, connector, source_id, cursor, apply, now=now, source_name=source.name
        )
        _write_back(spec, connector, pending)
        cursor = retried.cursor
        for name in ("tickets", "messages", "promises", "handoffs"):
            setattr(report, name, getattr(report, name) + getattr(retried.result, name))
        for raw in connector.pages(cursor, now):
            batch = clean_batch(raw, now, source.name)
            pending = []
            result, rejected = store_page(
                engine, source_id, batch, apply, now=now, source_name=source.name
            )
            report.rejected += len(rejected)
            _write_back(spec, connector, pending)
            report.pages += 1
            report.tickets += result.tickets
            report.messages += result.messages
            report.promises += result.promises
            report.handoffs += result.handoffs
            _copy_stats(report, connector)
            if progress is not None:
                progress(report)
    except Exception as exc:  # any failure stops this source only
        report.error = _one_line(source.name, exc)
        log.warning("sync failed", extra={"source": source.name, "error": report.error})
    _copy_stats(report, connector)
    with session_scope(engine) as session:
        row = session.get_one(Source, source_id)
        row.last_sync_at = now
        if report.error is None:
            row.last_success_at = now
            row.last_error = None
        else:
            row.last_error = report.error
        session.add(row)
    report.seconds = time.perf_counter() - started
    return report


def _write_back(
    spec: ConnectorSpec | None, connector: Poller, pending: list[helpdesk.WriteBack]
) -> None:
    """Replies to help-desk commands, through the source's ticket writer (if it has one)."""
    if not pending:
        return
    if spec is None or spec.writer is None:
        log.warning("no ticket write-back for this source", extra={"source": connector.name})
        return
    helpdesk.write_back(spec.writer(connector), helpdesk.unique(pending))


def _copy_stats(report: SyncReport, connector: Poller | None) -> None:
    stats = connector.stats if connector is not None else None
    if stats is None:
        return
    report.calls = stats.calls
    report.rate_limited = stats.rate_limited
    report.waited_seconds = round(stats.waited, 3)


def sync_all(
    engine: Engine,
    config: Config,
    *,
    now: datetime,
    only: str | None = None,
    progress: Callable[[SyncReport], None] | None = None,
    connectors: ConnectorRegistry | None = None,
) -> list[SyncReport]:
    """One pass over every configured source (or only the one named); a failing source
    never stops the others. An unknown `only` raises KeyError."""
    sources = [config.source(only)] if only else list(config.sources)
    return [
        sync_source(engine, config, s, now=now, progress=progress, connectors=connectors)
        for s in sources
    ]
