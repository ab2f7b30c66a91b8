"""Structured log lines: one event per line, JSON for machines, key=value for people."""

from __future__ import annotations

import io
import json
import logging

import pytest

from tracker.service import logs


@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


def test_it_writes_one_json_object_per_event_when_stderr_is_not_a_terminal(restore_logging):
    stream = io.StringIO()
    logs.configure(stream)
    log = logging.getLogger("tracker.test")
    logs.event(log, "sync.done", source="zendesk", tickets=3, seconds=0.12345)
    logs.event(log, "sync.failed", level=logging.ERROR, source="zendesk", error=OSError("down\nx"))
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2
    first, second = (json.loads(line) for line in lines)
    assert first["event"] == "sync.done" and first["source"] == "zendesk"
    assert first["tickets"] == 3 and first["seconds"] == 0.123 and first["level"] == "info"
    assert second["error"] == "OSError: down" and second["level"] == "error"


def test_it_writes_key_value_lines_for_a_person(restore_logging):
    stream = io.StringIO()
    logs.configure(stream, json_lines=False)
    logs.event(logging.getLogger("t"), "listener.started", address="127.0.0.1:8765", note="a b")
    line = stream.getvalue().strip()
    assert "event=listener.started" in line
    assert "address=127.0.0.1:8765" in line
    assert 'note="a b"' in line


def test_it_never_writes_a_value_under_a_secret_name(restore_logging):
    stream = io.StringIO()
    logs.configure(stream)
    logs.event(logging.getLogger("t"), "x", api_token="s3cr3t", password="hunter2")
    assert "s3cr3t" not in stream.getvalue() and "hunter2" not in stream.getvalue()


def test_library_log_lines_become_events_too(restore_logging):
    stream = io.StringIO()
    logs.configure(stream)
    logging.getLogger("integrations.http").warning("retrying %s", "GET /tickets")
    record = json.loads(stream.getvalue())
    assert record["event"] == "log" and record["message"] == "retrying GET /tickets"
    assert record["logger"] == "integrations.http"


def test_the_extra_fields_of_other_modules_log_lines_are_kept(restore_logging):
    stream = io.StringIO()
    logs.configure(stream)
    logging.getLogger("tracker.ingest.sync").warning(
        "sync failed", extra={"source": "zendesk", "error": "zendesk: 500"}
    )
    record = json.loads(stream.getvalue())
    assert record["source"] == "zendesk" and record["error"] == "zendesk: 500"
