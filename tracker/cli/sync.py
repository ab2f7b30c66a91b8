"""`followthrough sync`: one polling pass over the configured sources."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

import click
from sqlalchemy.engine import Engine

from tracker.cli.common import EXIT_FAILED, EXIT_USAGE, fail, get_config, get_engine
from tracker.cli.sweep import parse_when
from tracker.config import Config, SourceConfig
from tracker.ingest.sync import SyncReport, sync_source


def _summary(report: SyncReport) -> str:
    return (
        f"{report.source}: {report.tickets} tickets, {report.messages} messages, "
        f"{report.promises} promises, {report.handoffs} hand-offs, {report.calls} calls, "
        f"waited {report.waited_seconds:.1f}s on rate limits ({report.rate_limited}× 429), "
        f"{report.seconds:.1f}s"
    )


def _is_terminal() -> bool:
    return sys.stdout.isatty()


@click.command("sync")
@click.option("--source", "only", metavar="NAME", help="Only this source (its name in the config).")
@click.option(
    "--now",
    help="Run as of this ISO 8601 time instead of the clock (the backfill window ends here).",
)
@click.pass_context
def sync_command(ctx: click.Context, only: str | None, now: str | None) -> None:
    """Run one polling pass: fetch what changed in each source since its stored cursor,
    store tickets, messages and hand-offs, and find the promises in new agent replies.

    On a terminal a live line shows progress; otherwise one JSON log line per source.
    Exits 1 if any source failed (the reason on stderr), 2 for an unknown --source.

    Example: followthrough sync --source zendesk --now 2026-11-24T09:00Z
    """
    config = get_config(ctx)
    names = [s.name for s in config.sources]
    if only is not None and only not in names:
        known = ", ".join(names) or "none configured"
        fail(f"--source {only!r} is not a configured source (known: {known})", EXIT_USAGE)
    if not config.sources:
        fail("no [[source]] in the configuration; nothing to sync", EXIT_USAGE)
    from sqlalchemy.exc import OperationalError

    when = parse_when(now, "--now") if now else datetime.now(UTC)
    engine = get_engine(ctx)
    try:
        failed = _sync_sources(config, engine, only, when)
    except OperationalError as exc:
        fail(_database_error(exc))
    if failed:
        sys.exit(EXIT_FAILED)


def _database_error(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", exc) or exc)
    if "database is locked" in text:
        return "database is locked by another process"
    return f"the database failed: {text.splitlines()[0] if text else type(exc).__name__}"


def _sync_sources(config: Config, engine: Engine, only: str | None, now: datetime) -> bool:
    """Each source under its `sync:NAME` lease, like the service's workers: a source that
    a running service is syncing is refused, naming the holder. True when any failed."""
    from tracker.service import leases

    live = _is_terminal()
    owner = leases.new_worker_id()
    failed = False
    for source in config.sources:
        if only is not None and source.name != only:
            continue
        name = f"sync:{source.name}"
        held = leases.try_hold(
            engine, name, owner, config.service.lease.delta, lambda: datetime.now(UTC)
        )
        if held is None:
            holder = leases.holder(engine, name)
            who = holder[0] if holder else "another worker"
            click.echo(
                f"followthrough: {source.name} is being synced by {who}; not syncing it now",
                err=True,
            )
            failed = True
            continue
        try:
            failed = _sync_one(config, engine, source, now, live) or failed
        finally:
            held.release()
    return failed


def _sync_one(
    config: Config, engine: Engine, source: SourceConfig, now: datetime, live: bool
) -> bool:
    def progress(report: SyncReport) -> None:
        if live:
            click.echo(
                f"\r{report.source}: page {report.pages}, {report.tickets} tickets, "
                f"{report.messages} messages, {report.promises} promises, "
                f"{report.calls} calls\033[K",
                nl=False,
            )

    report = sync_source(engine, config, source, now=now, progress=progress)
    if live:
        click.echo("\r\033[K", nl=False)
        click.echo(_summary(report))
    else:
        click.echo(json.dumps({"event": "sync", **report.as_dict()}, default=str))
    if report.error:
        error = report.error
        if "database is locked" in error:
            error = f"{source.name}: database is locked by another process"
        click.echo(f"followthrough: sync failed: {error}", err=True)
        return True
    return False
