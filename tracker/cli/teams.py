"""`followthrough teams`: who maps to which team, and what maps to none."""

from __future__ import annotations

import json

import click

from tracker.cli.common import get_config, get_engine
from tracker.config import Config


@click.command("teams")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON object.")
@click.pass_context
def teams_command(ctx: click.Context, as_json: bool) -> None:
    """List each team's leads, members, help-desk groups and sources, then the groups
    and agents seen in the data that map to no team (their promises' lead step goes to
    [escalation] managers).

    A promise's team is its owner's team, else the team of its ticket's group, else its
    source's `team`.

    Example: followthrough teams --json
    """
    from sqlmodel import Session

    from tracker.team_map import render, team_map
    from tracker.teams import sync_teams

    config = get_config(ctx)
    with Session(get_engine(ctx)) as session:
        sync_teams(session, config)
        session.commit()
        mapping = team_map(session, config)
    click.echo(json.dumps(mapping.as_dict(), indent=2) if as_json else render(mapping))


def data_warnings(config: Config) -> list[str]:
    """`config check`'s warnings about the stored data; none when there is no database
    yet (or it cannot be reached: `config check` is about the file)."""
    import sqlalchemy as sa
    from sqlalchemy.engine import make_url
    from sqlmodel import Session

    from tracker.db import make_engine
    from tracker.team_map import team_map
    from tracker.teams import sync_teams

    url = make_url(config.database_url)
    if url.get_backend_name() == "sqlite":
        from pathlib import Path

        if not url.database or not Path(url.database).exists():
            return []
    try:
        extra = (
            {} if url.get_backend_name() == "sqlite" else {"connect_args": {"connect_timeout": 3}}
        )
        engine = make_engine(config.database_url, **extra)
        try:
            columns = {c["name"] for c in sa.inspect(engine).get_columns("promise")}
            if "team_id" not in columns:
                return []
            with Session(engine) as session:
                sync_teams(session, config)
                mapping = team_map(session, config)
                session.rollback()  # a check changes nothing
        finally:
            engine.dispose()
    except Exception:  # no database, not migrated, unreachable: nothing to say about data
        return []
    return mapping.warnings()
