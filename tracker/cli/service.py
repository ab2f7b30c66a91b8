"""`run` and `web` (built by the service and web issues)."""

import click

from tracker.cli.common import not_available


@click.command("run")
def run_command() -> None:
    """The background service. Not available yet.

    Example: followthrough --help
    """
    not_available("run")


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
    host, _, port = address.rpartition(":")
    if not host or not port.isdigit():
        fail(f"--listen: {address!r} is not like '127.0.0.1:8765'", 2)
    import waitress

    from tracker.db import session_scope
    from tracker.teams import sync_teams
    from tracker.web import create_app

    engine = get_engine(ctx)
    try:
        with session_scope(engine) as session:
            sync_teams(session, config)  # so the configured leads see their teams
    except Exception as exc:
        fail(f"database {config.database_url.split('@')[-1]}: {exc}", 1)
    app = create_app(config, engine)
    click.echo(f"serving the web pages on http://{address}/ (Ctrl-C stops)")
    waitress.serve(app, host=host.strip("[]"), port=int(port), threads=8)
