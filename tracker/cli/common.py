"""What every command shares: the configuration, the database, errors on one line."""

from __future__ import annotations

import sys
from typing import NoReturn

import click
from sqlalchemy.engine import Engine

from tracker.config import Config, ConfigError, load_config
from tracker.db import make_engine

EXIT_FAILED = 1
EXIT_USAGE = 2


def fail(message: str, code: int = EXIT_FAILED) -> NoReturn:
    click.echo(f"followthrough: {message}", err=True)
    sys.exit(code)


def not_available(command: str) -> NoReturn:
    fail(f"{command} is not available yet in this version", EXIT_USAGE)


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


def get_engine(ctx: click.Context) -> Engine:
    obj = ctx.find_root().ensure_object(dict)
    if "engine" not in obj:
        obj["engine"] = make_engine(get_config(ctx).database_url)
    return obj["engine"]
