"""Alembic environment: our metadata, batch mode on SQLite, types compared."""

from __future__ import annotations

import os
from typing import Any

from alembic import context
from sqlalchemy import pool
from sqlmodel import SQLModel

import tracker.models  # noqa: F401  (registers every table)
from tracker.db import make_engine

config = context.config
target_metadata = SQLModel.metadata


def _url() -> str:
    url = config.get_main_option("sqlalchemy.url")
    if url:
        return url
    env_url = os.environ.get("FOLLOWTHROUGH_DATABASE_URL")
    if env_url:
        return env_url
    from tracker.config import load_config

    return load_config(os.environ.get("FOLLOWTHROUGH_CONFIG", "followthrough.toml")).database_url


def _configure(**kwargs: Any) -> None:
    context.configure(
        target_metadata=target_metadata,
        compare_type=True,
        render_as_batch=True,
        **kwargs,
    )


def run_offline() -> None:
    _configure(url=_url(), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(_url(), poolclass=pool.NullPool)
    with engine.connect() as conn:
        _configure(connection=conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
