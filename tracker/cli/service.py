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
def web_command() -> None:
    """The web pages alone. Not available yet.

    Example: followthrough --help
    """
    not_available("web")
