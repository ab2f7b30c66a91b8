"""Throwaway databases for the tests: PostgreSQL ones on the local server, and copies
of a migrated template on either back end.

PostgreSQL is FOLLOWTHROUGH_TEST_PG (default
postgresql+psycopg://postgres@127.0.0.1:5432/test); names are random, so parallel test
workers never share one. With CI=true an unreachable server fails the run.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

PG_ADMIN_URL = os.environ.get(
    "FOLLOWTHROUGH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
_pg_state: dict[str, object] = {}


def _pg_available() -> str | None:
    """None when PostgreSQL answers, else the reason it does not."""
    if "reason" not in _pg_state:
        try:
            engine = sa.create_engine(PG_ADMIN_URL, connect_args={"connect_timeout": 3})
            with engine.connect() as conn:
                conn.execute(sa.text("select 1"))
            engine.dispose()
            _pg_state["reason"] = None
        except Exception as exc:  # any failure to connect means "not here"
            _pg_state["reason"] = f"{type(exc).__name__}: {str(exc).splitlines()[0]}"
    return _pg_state["reason"]  # type: ignore[return-value]


def _admin() -> sa.engine.Engine:
    """One AUTOCOMMIT connection to the admin database per test process (a new engine
    and connection for every CREATE and DROP cost more than the statement)."""
    if "admin" not in _pg_state:
        _pg_state["admin"] = sa.create_engine(
            PG_ADMIN_URL, isolation_level="AUTOCOMMIT", pool_size=1, pool_pre_ping=True
        )
    return _pg_state["admin"]  # type: ignore[return-value]


def create_pg_database(template: str | None = None) -> str:
    """A new PostgreSQL database, empty or a copy of `template` (a URL); returns its URL."""
    reason = _pg_available()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is unreachable in CI ({PG_ADMIN_URL}): {reason}")
        pytest.skip(
            "PostgreSQL tests skipped: no server at "
            f"{PG_ADMIN_URL} ({reason}); start one or set FOLLOWTHROUGH_TEST_PG to enable them"
        )
    name = f"ft_test_{uuid.uuid4().hex[:12]}"
    copy_of = f' TEMPLATE "{make_url(template).database}"' if template else ""
    with _admin().connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"{copy_of}'))
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def _drop(conn: sa.Connection, name: str) -> None:
    # DROP … WITH (FORCE) signals the sessions still open on the database (a test's own
    # engines) and then looks for them again in 100 ms sleeps; ending them first and
    # watching them go in 5 ms steps (up to 5 s) leaves it nothing to wait for.
    others = "FROM pg_stat_activity WHERE datname = :name AND pid <> pg_backend_pid()"
    conn.execute(sa.text(f"SELECT pg_terminate_backend(pid) {others}"), {"name": name})
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if not conn.execute(sa.text(f"SELECT count(*) {others}"), {"name": name}).scalar():
            break
        time.sleep(0.005)
    conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def drop_pg_database(url: str) -> None:
    with _admin().connect() as conn:
        _drop(conn, make_url(url).database)


def copy_database(template: str, url: str) -> None:
    if url.startswith("sqlite"):
        shutil.copyfile(make_url(template).database, make_url(url).database)
        return
    name = make_url(url).database
    source = make_url(template).database
    with _admin().connect() as conn:
        _drop(conn, name)
        conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'))
