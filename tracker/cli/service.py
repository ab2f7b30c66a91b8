"""`run`: the background service (and `web`, built by the web issue)."""

from __future__ import annotations

import sys

import click

from tracker.cli.common import EXIT_USAGE, fail, get_config, get_engine
from tracker.config import ConfigError, parse_listen


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
    engine = get_engine(ctx, ready=False)
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
@click.option("--listen", help="host:port to serve on (default: [service] listen).")
@click.pass_context
def web_command(ctx: click.Context, listen: str | None) -> None:
    """Serve the web pages and /api/ alone, on [service] listen, for trying them out.

    Sign-in links are e-mailed through [notify.email] and point at [web] base_url.

    Example: followthrough web --listen 127.0.0.1:8765
    """
    from tracker.cli.common import fail, get_config, get_engine

    config = get_config(ctx)
    address = listen or config.service.listen
    try:
        host, port = parse_listen(address)
    except ValueError as exc:
        fail(f"--listen: {exc}", EXIT_USAGE)
    from tracker.db import session_scope
    from tracker.teams import sync_teams
    from tracker.web import create_app

    engine = get_engine(ctx)
    try:
        with session_scope(engine) as session:
            sync_teams(session, config)  # so the configured leads see their teams
    except Exception as exc:
        fail(f"database {config.database_url.split('@')[-1]}: {exc}", 1)
    from waitress.server import create_server

    from tracker.service.health import cannot_listen

    try:
        app = create_app(config, engine)
    except ConfigError as exc:
        fail(str(exc), EXIT_USAGE)
    try:
        server = create_server(app, host=host.strip("[]"), port=int(port), threads=8)
    except OSError as exc:
        fail(cannot_listen(address, exc), EXIT_USAGE)
    click.echo(f"serving the web pages on http://{address}/ (Ctrl-C stops)")
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
