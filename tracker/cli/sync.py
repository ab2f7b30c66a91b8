"""`sync` (built by the connector issues)."""

import click

from tracker.cli.common import not_available


@click.command("sync")
@click.option("--source", help="Only this source (its name in the configuration).")
def sync_command(source: str | None) -> None:
    """Run one polling pass over the configured sources. Not available yet.

    Example: followthrough --help
    """
    not_available("sync")
