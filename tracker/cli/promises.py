"""`promises` and `promise` (built by the lifecycle issue)."""

import click

from tracker.cli.common import not_available


@click.command("promises")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def promises_command(as_json: bool) -> None:
    """List promises, soonest due first. Not available yet.

    Example: followthrough --help
    """
    not_available("promises")


@click.group("promise")
def promise_group() -> None:
    """Act on one promise: done, snooze or dismiss. Not available yet.

    Example: followthrough --help
    """


@promise_group.command("done")
@click.argument("promise_id", type=int)
def done_command(promise_id: int) -> None:
    """Mark a promise kept. Not available yet.

    Example: followthrough --help
    """
    not_available("promise done")


@promise_group.command("snooze")
@click.argument("promise_id", type=int)
def snooze_command(promise_id: int) -> None:
    """Snooze a promise. Not available yet.

    Example: followthrough --help
    """
    not_available("promise snooze")


@promise_group.command("dismiss")
@click.argument("promise_id", type=int)
def dismiss_command(promise_id: int) -> None:
    """Dismiss a promise as not a promise. Not available yet.

    Example: followthrough --help
    """
    not_available("promise dismiss")
