"""`demo`: the whole flow against the built-in sandbox help desk, on this machine only."""

from __future__ import annotations

from pathlib import Path

import click

from tracker.cli.common import fail


@click.command("demo")
@click.option(
    "--dir",
    "directory",
    default="demo",
    show_default=True,
    type=click.Path(file_okay=False),
    help="Where the demo's database, mail and config go (its database and mail are "
    "replaced on every run).",
)
def demo_command(directory: str) -> None:
    """The whole flow with no account anywhere: a sandbox help desk seeded with a week
    of support, synced over HTTP into a fresh SQLite database in DIR; promises found,
    kept, broken and escalated as time moves on; e-mails delivered to a local SMTP
    server (saved in DIR/mail) and notes written back to the tickets. Ends with a
    summary and the commands to look further; the database stays.

    Example: followthrough demo && followthrough --config demo/followthrough.toml promises
    """
    from tracker.demo.run import run_demo
    from tracker.demo.summary import summary_lines

    try:
        result = run_demo(Path(directory), click.echo)
    except (OSError, RuntimeError) as exc:
        fail(f"demo in {directory}: {exc}")
    click.echo("4/5 Summary")
    click.echo("")
    for line in summary_lines(result):
        click.echo(line)
    click.echo("")
    click.echo(f"5/5 Done in {result.seconds:.1f}s.")
    if result.audit_path is not None:
        click.echo("")
        click.echo(f"Audit of the sandbox's week before Follow-through: {result.audit_headline}")
        click.echo(f"The report: {result.audit_path.resolve()}")
