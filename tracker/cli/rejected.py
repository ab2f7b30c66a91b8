"""`followthrough rejected`: the records a source sent that could not be read or stored."""

from __future__ import annotations

import json

import click
from sqlmodel import Session, col, select

from tracker.cli.common import get_engine
from tracker.models import Rejected, Source


@click.command("rejected")
@click.option("--source", "only", metavar="NAME", help="Only this source (its name in the config).")
@click.option("--json", "as_json", is_flag=True, help="One JSON array instead of a table.")
@click.pass_context
def rejected_command(ctx: click.Context, only: str | None, as_json: bool) -> None:
    """List the records set aside because they could not be read or stored: source,
    kind, the record's id, the class of error, when and how often. Never their text.

    A record leaves the list when a later pass stores it (it is read again when it
    changes in the help desk, or when the mailbox is read again).

    Example: followthrough rejected --source zendesk --json
    """
    engine = get_engine(ctx)
    with Session(engine) as session:
        query = (
            select(Source.name, Rejected)
            .join(Source, col(Source.id) == col(Rejected.source_id))
            .order_by(Source.name, col(Rejected.last_seen_at), col(Rejected.id))
        )
        if only is not None:
            query = query.where(Source.name == only)
        rows = [
            {
                "source": name,
                "kind": row.kind,
                "external_id": row.external_id,
                "error": row.error,
                "first_seen_at": row.first_seen_at.isoformat(),
                "last_seen_at": row.last_seen_at.isoformat(),
                "attempts": row.attempts,
            }
            for name, row in session.exec(query)
        ]
    if as_json:
        click.echo(json.dumps(rows, indent=1))
        return
    if not rows:
        click.echo("no rejected records")
        return
    for r in rows:
        click.echo(
            f"{r['source']}  {r['kind']} {r['external_id']}  {r['error']}  "
            f"last {r['last_seen_at']}  ×{r['attempts']}"
        )
