"""After a failing pass, /healthz and the log line show the error's class, never the
SQL statement and its parameters (message bodies, customer names) (issue 14, item 10)."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import sqlalchemy.exc

import tracker.ingest.quarantine
from integrations.http import CallStats
from tracker.config import Config, SourceConfig
from tracker.durations import parse_duration
from tracker.ingest.records import Batch, MessageRecord
from tracker.ingest.sync import sync_source
from tracker.service import logs
from tracker.service.health import health

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
SECRET = "Dear Bob, my card number is 4111 1111 1111 1111"
SOURCE = SourceConfig("desk", "zendesk", parse_duration("2m"), parse_duration("14d"), {})


class OnePage:
    name = "desk"
    stats = CallStats()

    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]:
        yield Batch(cursor="c1", messages=[MessageRecord("m1", "100", NOW, SECRET, "c1")])


@pytest.fixture
def connection_lost_mid_insert(monkeypatch):
    """The database drops the connection while the page is written: SQLAlchemy's error
    then quotes the statement and every parameter, the customer's message among them."""

    def lost(*args, **kwargs):
        raise sqlalchemy.exc.OperationalError(
            "INSERT INTO message (text) VALUES (%(text)s)",
            {"text": SECRET},
            OSError("server closed the connection unexpectedly"),
        )

    monkeypatch.setattr(tracker.ingest.quarantine, "_settle", lost)


@pytest.fixture
def json_log():
    stream = io.StringIO()
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    logs.configure(stream)
    yield stream
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


def test_healthz_and_the_log_show_the_error_class_but_no_customer_text(
    engine, connection_lost_mid_insert, json_log
):
    config = Config(sources=[SOURCE])
    report = sync_source(engine, config, SOURCE, now=NOW, connector=OnePage())
    assert report.error == "desk: OperationalError (OSError)"
    _ok, body = health(engine, config, now=NOW, started_at=NOW)
    assert body["sources"][0]["last_error"] == "desk: OperationalError (OSError)"
    logs.event(
        logging.getLogger("tracker.service.jobs"),
        "sync.failed",
        level=logging.ERROR,
        error=sqlalchemy.exc.OperationalError("INSERT …", {"text": SECRET}, OSError("x")),
    )
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    assert lines and all("4111" not in json.dumps(line) for line in lines)
    assert "4111" not in json.dumps(body)
    assert lines[-1]["error"] == "OperationalError (OSError)"
