"""`extract` and `eval` (built by the extractor issue)."""

import click

from tracker.cli.common import not_available


@click.command("extract")
@click.argument("text", required=False)
def extract_command(text: str | None) -> None:
    """Print the promises in TEXT. Not available yet.

    Example: followthrough --help
    """
    not_available("extract")


@click.command("eval")
@click.argument("corpus", required=False)
def eval_command(corpus: str | None) -> None:
    """Score the extractor on a corpus. Not available yet.

    Example: followthrough --help
    """
    not_available("eval")
