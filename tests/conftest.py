"""Shared fixtures: every database test runs on SQLite and on PostgreSQL.

FOLLOWTHROUGH_TEST_CLOCK_SHIFT (a duration such as `31d`) runs the whole suite with the
process clock that far ahead, to prove no test depends on today's date.

PostgreSQL is the local server (FOLLOWTHROUGH_TEST_PG, default
postgresql+psycopg://postgres@127.0.0.1:5432/test); each test run creates throwaway
databases and drops them. With CI=true an unreachable server fails the run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url

from integrations import registry
from tracker.db import make_engine, upgrade
from tracker.durations import parse_duration

PG_ADMIN_URL = os.environ.get(
    "FOLLOWTHROUGH_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
_pg_state: dict[str, object] = {}

registry.install()  # as the CLI does: the core reads [[source]] tables through these


def pytest_configure(config: pytest.Config) -> None:
    shift = os.environ.get("FOLLOWTHROUGH_TEST_CLOCK_SHIFT")
    if shift:
        import time_machine

        traveller = time_machine.travel(datetime.now(UTC) + parse_duration(shift).delta, tick=True)
        traveller.start()
        config.add_cleanup(traveller.stop)
        # Processes the tests start (the service, the sandbox) move their clocks too.
        site = Path(tempfile.mkdtemp(prefix="ft-clock-"))
        (site / "sitecustomize.py").write_text(_SHIFT_SUBPROCESSES)
        path = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = f"{site}{os.pathsep}{path}" if path else str(site)


_SHIFT_SUBPROCESSES = """\
import os
from datetime import UTC, datetime

import time_machine

from tracker.durations import parse_duration

_shift = parse_duration(os.environ["FOLLOWTHROUGH_TEST_CLOCK_SHIFT"]).delta
time_machine.travel(datetime.now(UTC) + _shift, tick=True).start()
"""


def pytest_report_header(config: pytest.Config) -> str | None:
    shift = os.environ.get("FOLLOWTHROUGH_TEST_CLOCK_SHIFT")
    return (
        f"clock moved {shift} ahead: now is {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        if shift
        else None
    )


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


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """An empty database URL on each back end."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ft.db'}"
        return
    url = create_pg_database()
    try:
        yield url
    finally:
        drop_pg_database(url)


_templates: dict[str, str] = {}


def _migrated_template(backend: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database migrated once per run, for `engine` to copy: running every migration
    takes seconds a test on PostgreSQL, a copy takes milliseconds."""
    if backend not in _templates:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('template') / 'template.db'}"
        else:
            url = create_pg_database()
        upgrade(url)
        _templates[backend] = url
    return _templates[backend]


def pytest_sessionfinish(session: pytest.Session) -> None:
    url = _templates.pop("postgresql", None)
    if url is not None:
        drop_pg_database(url)


def _copy_template(template: str, url: str) -> None:
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


@pytest.fixture
def engine(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A database at the newest migration, on each back end (a copy of one migrated
    template; tests/test_migrations.py runs the migrations themselves)."""
    backend = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    _copy_template(_migrated_template(backend, tmp_path_factory), db_url)
    engine = make_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


# Whole processes, real browsers and crash-at-every-call loops: `make check` leaves them
# (and the PostgreSQL half) to `make test`.
_SLOW_PATHS = ("tests/service/", "_browser.py", "crash_safety.py", "interrupted_sync.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(part in item.nodeid for part in _SLOW_PATHS):
            item.add_marker(pytest.mark.slow)
