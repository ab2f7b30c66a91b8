"""Fixtures for the web tests: one migrated database per back end, emptied and seeded
with the small desk of tests/helpers/web_desk.py before each test."""

from __future__ import annotations

import pytest
from sqlmodel import Session, SQLModel

from tests.helpers.db import create_pg_database, drop_pg_database
from tests.helpers.web_desk import (
    NOW,
    Browserless,
    World,
    make_config,
    seed,
    smtp_server,  # noqa: F401  (a fixture: a real SMTP server)
)
from tracker.db import make_engine, upgrade
from tracker.web import create_app


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def _web_database(request, tmp_path_factory):
    """One migrated database per back end for the whole run (migrating one per test costs
    seconds on PostgreSQL); `engine` below empties it before each test."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'ft.db'}"
    else:
        url = create_pg_database()
    upgrade(url)
    engine = make_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()
        if request.param == "postgresql":
            drop_pg_database(url)


@pytest.fixture
def engine(_web_database):
    """Overrides the suite's `engine` for the web tests: the same two back ends, emptied."""
    with _web_database.begin() as conn:
        for table in reversed(SQLModel.metadata.sorted_tables):
            conn.execute(table.delete())
    return _web_database


@pytest.fixture
def world(engine) -> World:
    with Session(engine) as session:
        return seed(session)


@pytest.fixture
def app(engine, world):
    app = create_app(make_config(), engine, clock=lambda: NOW)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def as_person(app):
    return lambda email: Browserless(app, email)
