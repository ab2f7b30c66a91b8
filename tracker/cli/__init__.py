"""The `followthrough` command line."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

import click

from integrations import registry
from tracker import __version__
from tracker.cli.audit import audit_command
from tracker.cli.common import EXIT_USAGE, display_url, fail, get_config, open_engine
from tracker.cli.demo import demo_command
from tracker.cli.extract import eval_command, extract_command
from tracker.cli.learn import learn_command
from tracker.cli.promises import promise_group, promises_command
from tracker.cli.rejected import rejected_command
from tracker.cli.service import run_command, web_command
from tracker.cli.sweep import sweep_command
from tracker.cli.sync import sync_command
from tracker.cli.teams import data_warnings, teams_command
from tracker.config import DEFAULT_PATH, ConfigError, load_config

registry.install()  # the wiring: the core reads every [[source]] through these connectors


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    envvar="FOLLOWTHROUGH_CONFIG",
    type=click.Path(dir_okay=False),
    help=f"Configuration file (default ./{DEFAULT_PATH}; env FOLLOWTHROUGH_CONFIG).",
)
@click.version_option(__version__, prog_name="followthrough")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None) -> None:
    """Follow-through: finds the promises support agents make to customers and makes
    sure they are kept.

    Example: followthrough init && followthrough demo
    """
    ctx.ensure_object(dict)["config_path"] = config_path


@cli.command("init")
@click.option(
    "--path",
    type=click.Path(dir_okay=False),
    help="Where to write the configuration (default: --config or ./followthrough.toml).",
)
@click.pass_context
def init_command(ctx: click.Context, path: str | None) -> None:
    """Write a commented followthrough.toml and create its database.

    Refuses to overwrite an existing file.

    Example: followthrough init && followthrough config check
    """
    target = Path(path or ctx.obj.get("config_path") or DEFAULT_PATH)
    if target.exists():
        fail(f"{target} already exists; not overwriting it", EXIT_USAGE)
    template = resources.files("tracker").joinpath("default_config.toml").read_text()
    target.write_text(template, encoding="utf-8")
    click.echo(f"wrote {target}")
    try:
        config = load_config(target)
    except ConfigError as exc:  # only possible with a bad FOLLOWTHROUGH_DATABASE_URL
        fail(str(exc), EXIT_USAGE)
    from tracker.db import upgrade

    upgrade(config.database_url)
    click.echo(f"created the database at {_display_url(config.database_url)}")


@cli.group("db")
def db_group() -> None:
    """Database maintenance."""


@db_group.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target revision.")
@click.pass_context
def db_upgrade_command(ctx: click.Context, revision: str) -> None:
    """Apply the database migrations up to the newest (or --revision).

    Run it before starting a new version of Follow-through.

    Example: FOLLOWTHROUGH_DATABASE_URL=postgresql+psycopg://localhost/ft followthrough db upgrade
    """
    from alembic.util import CommandError
    from sqlalchemy.exc import SQLAlchemyError

    from tracker.db import DatabaseUnusable, refuse_newer_schema, upgrade

    config = get_config(ctx)
    url = config.database_url
    engine = open_engine(url)
    try:
        refuse_newer_schema(url, engine)
    except DatabaseUnusable as exc:
        fail(f"database {_display_url(url)}: {exc}", EXIT_USAGE)
    finally:
        engine.dispose()
    try:
        upgrade(url, revision)
    except CommandError as exc:  # e.g. an unknown --revision
        fail(f"database {_display_url(url)}: {exc}", EXIT_USAGE)
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        fail(f"database {_display_url(url)}: {reason}")
    click.echo(f"database {_display_url(config.database_url)} is at revision {revision}")


@cli.group("config")
def config_group() -> None:
    """Configuration tools."""


@config_group.command("check")
@click.pass_context
def config_check_command(ctx: click.Context) -> None:
    """Validate the configuration and report every problem, each with its key and line.

    Exits 2 when there is any problem. Secret values are never printed. When the
    database exists, also warns (exit 0) about help-desk groups and agents seen in the
    data that map to no team (see `followthrough teams`).

    Example: followthrough --config /etc/followthrough.toml config check
    """
    path = ctx.obj.get("config_path")
    try:
        config = load_config(path)
    except ConfigError as exc:
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        click.echo(f"{len(exc.problems)} problem(s) found", err=True)
        sys.exit(EXIT_USAGE)
    where = config.path or "built-in defaults (no configuration file)"
    for warning in data_warnings(config):
        click.echo(f"warning: {warning}")
    click.echo(
        f"{where}: OK ({len(config.sources)} source(s), {len(config.teams)} team(s), "
        f"database {_display_url(config.database_url)})"
    )


_display_url = display_url


cli.add_command(extract_command)
cli.add_command(eval_command)
cli.add_command(sync_command)
cli.add_command(sweep_command)
cli.add_command(run_command)
cli.add_command(web_command)
cli.add_command(promises_command)
cli.add_command(promise_group)
cli.add_command(rejected_command)
cli.add_command(demo_command)
cli.add_command(audit_command)
cli.add_command(teams_command)
cli.add_command(learn_command)


def main() -> None:
    cli(prog_name="followthrough")
