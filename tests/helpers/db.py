"""Throwaway databases for the tests: PostgreSQL ones on the local server, and copies
of a migrated template on either back end.

PostgreSQL is FOLLOWTHROUGH_TEST_PG (default
postgresql+psycopg://postgres@127.0.0.1:5432/test); names are random, so parallel test
workers never share one. With CI=true an unreachable server fails the run.
"""

from __future__ import annotations

import os
import shutil
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


def create_pg_database() -> str:
    """A new empty PostgreSQL database; returns its URL."""
    reason = _pg_available()
    if reason is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is unreachable in CI ({PG_ADMIN_URL}): {reason}")
        pytest.skip(
            "PostgreSQL tests skipped: no server at "
            f"{PG_ADMIN_URL} ({reason}); start one or set FOLLOWTHROUGH_TEST_PG to enable them"
        )
    name = f"ft_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


def drop_pg_database(url: str) -> None:
    name = make_url(url).database
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def copy_database(template: str, url: str) -> None:
    if url.startswith("sqlite"):
        shutil.copyfile(make_url(template).database, make_url(url).database)
        return
    name = make_url(url).database
    source = make_url(template).database
    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{source}"'))
    admin.dispose()
