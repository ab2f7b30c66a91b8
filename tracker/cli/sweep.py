"""`followthrough sweep`: one pass of fulfilment, escalation, delivery and digests."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import click

from tracker.cli.common import EXIT_USAGE, fail, get_config, get_engine
from tracker.moments import out_of_range


def parse_when(value: str, option: str) -> datetime:
    """An ISO 8601 time; one without an offset is taken as UTC."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        fail(f"{option} {value!r} is not an ISO 8601 time (e.g. 2026-11-24T09:00Z)", EXIT_USAGE)
    if reason := out_of_range(moment):
        fail(f"{option} {value!r} {reason}", EXIT_USAGE)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@click.command("sweep")
@click.option("--now", help="Run as of this ISO 8601 time instead of the clock.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def sweep_command(ctx: click.Context, now: str | None, as_json: bool) -> None:
    """One pass of fulfilment, escalation and delivery as of now (or --now).

    Marks promises kept (a later public agent reply) or broken (ticket closed without
    one), moves them to a new assignee, writes the due escalation steps and daily
    digests to the outbox and delivers them. Exits 1 when a notification failed for
    good or a promise could not be processed.

    Example: followthrough sweep --now 2026-11-24T17:30Z
    """
    from sqlalchemy.exc import OperationalError, ProgrammingError

    from integrations.notify import transports_for
    from tracker.sweep import run_sweep

    config = get_config(ctx)
    when = parse_when(now, "--now") if now else datetime.now(UTC)
    engine = get_engine(ctx)
    worker = config.service.worker_id or "cli"
    try:
        report = run_sweep(
            engine, config, now=when, worker_id=worker, transports=transports_for(config)
        )
    except (OperationalError, ProgrammingError) as exc:
        fail(f"database: {str(exc.orig).splitlines()[0]} (run `followthrough db upgrade`?)")
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
    else:
        click.echo(
            f"examined {report.examined}, kept {report.kept}, broken {report.broken}, "
            f"hand-offs {report.handoffs}, escalations {report.escalations_created}, "
            f"digests {report.digests}, delivered {report.delivered}, failed {report.failed}, "
            f"retrying {report.retried}, dismissed so far {report.dismissed_total} "
            f"({report.seconds:.2f}s)"
        )
        for line in report.failures:
            click.echo(f"failed: {line}", err=True)
        for line in report.errors:
            click.echo(f"error: {line}", err=True)
    if report.failed or report.errors:
        raise SystemExit(1)
