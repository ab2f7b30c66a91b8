"""`sweep` (built by the lifecycle issue)."""

import click

from tracker.cli.common import not_available


@click.command("sweep")
@click.option("--now", help="Run as of this ISO 8601 time instead of the clock.")
def sweep_command(now: str | None) -> None:
    """One pass of fulfilment, escalation and delivery. Not available yet.

    Example: followthrough --help
    """
    not_available("sweep")
