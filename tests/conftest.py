"""Shared fixtures: every database test runs on SQLite and on PostgreSQL.

FOLLOWTHROUGH_TEST_CLOCK_SHIFT (a duration such as `31d`) runs the whole suite with the
process clock that far ahead, to prove no test depends on today's date.

PostgreSQL is the local server (tests/helpers/db.py); each test run creates throwaway
databases and drops them. With CI=true an unreachable server fails the run.

Tests that take seconds or start processes, servers or browsers are marked `slow` here
(see `pytest_collection_modifyitems`): `make check` leaves them to `make test`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from integrations import registry
from tests.helpers.db import copy_database, create_pg_database, drop_pg_database
from tracker.db import make_engine, upgrade
from tracker.durations import parse_duration

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


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(
    request: pytest.FixtureRequest, tmp_path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """An empty database URL on each back end (on PostgreSQL, when the test also takes
    `engine`, the database is made as the migrated copy `engine` wants, rather than made
    empty and then made again)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ft.db'}"
        return
    migrated = "engine" in request.fixturenames
    url = create_pg_database(
        template=_migrated_template("postgresql", tmp_path_factory) if migrated else None
    )
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


@pytest.fixture
def engine(db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """A database at the newest migration, on each back end (a copy of one migrated
    template; tests/test_migrations.py runs the migrations themselves)."""
    if db_url.startswith("sqlite"):
        copy_database(_migrated_template("sqlite", tmp_path_factory), db_url)
    # On PostgreSQL `db_url` already made the database as a copy of the template.
    engine = make_engine(db_url)
    try:
        yield engine
    finally:
        engine.dispose()


# The fast tier (`make check`) is what is left once these are marked `slow`; `make test`
# runs everything. A test is slow when it starts processes or servers that take seconds
# (the service, `followthrough web`, browsers, Dovecot), waits out a real timeout, or
# loops over crashes; and when it alone takes more than about two seconds.
_SLOW_PATHS = (
    "tests/service/",
    "tests/faults/",
    "_browser.py",
    "crash_safety.py",
    "interrupted_sync.py",
    "tests/web/test_web_command.py",
    "tests/freshdesk/test_window_property.py",  # hundreds of examples over HTTP
    "tests/fuzz/",  # hostile records through every connector, a dozen examples each
)
_SLOW_FIXTURES = ("dovecot", "start_service")
_SLOW_TESTS = (
    "tests/extraction/test_decision_model.py::test_eval_curve",
    "tests/extraction/test_extractor_robustness.py::test_extract_never_raises",
    "tests/extraction/test_decision_model.py::test_the_training_script_reproduces",
    "tests/learning/test_learning.py::test_a_refit_worse_on_the_shipped_test_corpus",
    "tests/learning/test_learning.py::test_a_teams_dismissed_idiom_is_learned",
    "tests/audit/test_audit_sandbox.py::test_an_interrupted_audit_resumes",
)


# Of the slow tests, these are also marked `alone`: their timing is part of what they check
# (service processes and their schedules, kills, stop and lease timeouts, a browser, Dovecot,
# `followthrough web`), so `make test` runs them one at a time after everything else. The
# other slow tests only compute, with injected clocks and sleeps or none, and run beside
# the fast tier on every core.
_ALONE_PATHS = (
    "tests/service/",
    "tests/faults/",
    "_browser.py",
    "tests/web/test_web_command.py",
)
_ALONE_FIXTURES = ("dovecot", "start_service")
_SHARED_SLOW = ("tests/faults/test_fresh_install.py",)  # its clock is the sandbox's call count


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if (
            any(part in item.nodeid for part in _SLOW_PATHS)
            or any(name in _SLOW_FIXTURES for name in fixtures)
            or item.nodeid.startswith(_SLOW_TESTS)
        ):
            item.add_marker(pytest.mark.slow)
        if (
            any(part in item.nodeid for part in _ALONE_PATHS)
            or any(name in _ALONE_FIXTURES for name in fixtures)
        ) and not item.nodeid.startswith(_SHARED_SLOW):
            item.add_marker(pytest.mark.alone)
