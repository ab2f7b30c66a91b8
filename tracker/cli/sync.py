"""`followthrough sync`: one polling pass over the configured sources."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime

import click

from tracker.cli.common import EXIT_FAILED, EXIT_USAGE, fail, get_config, get_engine
from tracker.cli.sweep import parse_when
from tracker.sync import SyncReport, sync_source


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
    engine = get_engine(ctx)
    live = _is_terminal()
    when = parse_when(now, "--now") if now else datetime.now(UTC)
    failed = False
    for source in config.sources:
        if only is not None and source.name != only:
            continue

        def progress(report: SyncReport) -> None:
            if live:
                click.echo(
                    f"\r{report.source}: page {report.pages}, {report.tickets} tickets, "
                    f"{report.messages} messages, {report.promises} promises, "
                    f"{report.calls} calls\033[K",
                    nl=False,
                )

        report = sync_source(engine, config, source, now=when, progress=progress)
        if live:
            click.echo("\r\033[K", nl=False)
            click.echo(_summary(report))
        else:
            click.echo(json.dumps({"event": "sync", **report.as_dict()}, default=str))
        if report.error:
            failed = True
            click.echo(f"followthrough: sync failed: {report.error}", err=True)
    if failed:
        sys.exit(EXIT_FAILED)
