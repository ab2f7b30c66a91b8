"""What every command shares: the configuration, the database, errors on one line."""

from __future__ import annotations

import sys
from typing import NoReturn

import click
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from tracker.config import Config, ConfigError, load_config
from tracker.db import DatabaseUnusable, check_schema, make_engine

EXIT_FAILED = 1
EXIT_USAGE = 2


def fail(message: str, code: int = EXIT_FAILED) -> NoReturn:
    click.echo(f"followthrough: {message}", err=True)
    sys.exit(code)


def get_config(ctx: click.Context) -> Config:
    """The configuration named by --config / FOLLOWTHROUGH_CONFIG; bad ones exit 2."""
    obj = ctx.find_root().ensure_object(dict)
    if "config" not in obj:
        try:
            obj["config"] = load_config(obj.get("config_path"))
        except ConfigError as exc:
            for problem in exc.problems:
                click.echo(f"followthrough: {problem}", err=True)
            sys.exit(EXIT_USAGE)
    return obj["config"]


def display_url(url: str) -> str:
    """The URL without a password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable database url>"


def open_engine(url: str) -> Engine:
    """An engine for `url`; an unknown driver or a malformed URL exits 2 in one line."""
    try:
        return make_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        fail(f"database {display_url(url)}: cannot use this URL ({exc})", EXIT_USAGE)


def get_engine(ctx: click.Context, *, ready: bool = True) -> Engine:
    """The configured database. With `ready` (every command but `run`, which reports
    this itself) it must answer and be at this version's newest migration, else one
    line names the cause and the command exits 2."""
    obj = ctx.find_root().ensure_object(dict)
    if "engine" not in obj:
        url = get_config(ctx).database_url
        engine = open_engine(url)
        if ready:
            try:
                check_schema(engine)
            except DatabaseUnusable as exc:
                engine.dispose()
                fail(f"database {display_url(url)}: {exc}", EXIT_USAGE)
        obj["engine"] = engine
    return obj["engine"]
