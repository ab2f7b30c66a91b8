"""`run`: the background service (and `web`, built by the web issue)."""

from __future__ import annotations

import sys

import click

from tracker.cli.common import EXIT_USAGE, fail, get_config, get_engine, not_available


@click.command("run")
@click.option(
    "--stop-timeout",
    type=click.FloatRange(min=0),
    default=20.0,
    show_default=True,
    help="Seconds to let jobs in hand finish after SIGTERM/SIGINT before exiting anyway.",
)
@click.pass_context
def run_command(ctx: click.Context, stop_timeout: float) -> None:
    """The background service: polls every source at its poll_every, sweeps and delivers
    every [service] sweep_every, sends the daily digests, and serves /healthz and
    /metrics (and, with [web] enabled, the web pages) on [service] listen.

    Logs one event per line on stderr (JSON unless stderr is a terminal). Several
    workers can share one PostgreSQL database; SQLite runs one worker. SIGTERM or
    SIGINT stops it cleanly (exit 0).

    Example: followthrough --config /etc/followthrough.toml run
    """
    from tracker.service import logs
    from tracker.service.scheduler import Service, ServiceRefused, database_ready

    config = get_config(ctx)
    engine = get_engine(ctx)
    logs.configure()
    problem = database_ready(engine)
    if problem:
        fail(problem, EXIT_USAGE if "upgrade" in problem else 1)
    if not config.sources:
        click.echo(
            f"followthrough: {config.path or 'configuration'}: no [[source]] configured; "
            "running the sweep and delivery only",
            err=True,
        )
    service = Service(config, engine, stop_timeout=stop_timeout)
    try:
        code = service.run()
    except ServiceRefused as exc:
        fail(str(exc), EXIT_USAGE)
    sys.exit(code)


@click.command("web")
def web_command() -> None:
    """The web pages alone. Not available yet.

    Example: followthrough --help
    """
    not_available("web")
