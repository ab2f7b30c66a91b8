"""`demo`: until the sandbox help desk exists, it prepares the embedded defaults only."""

from pathlib import Path

import click

from tracker.db import upgrade


@click.command("demo")
@click.option("--dir", "directory", default="demo", show_default=True, help="Where to work.")
def demo_command(directory: str) -> None:
    """The whole flow on the embedded defaults, with no account anywhere.

    This version only creates the SQLite database in DIR and migrates it; the sandbox
    help desk and the full flow arrive with the connector and service issues.

    Example: followthrough demo
    """
    path = Path(directory)
    path.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{path.resolve() / 'followthrough.db'}"
    upgrade(url)
    click.echo(f"created and migrated {url}")
    click.echo("the sandbox help desk is not built yet: this demo stops here")
