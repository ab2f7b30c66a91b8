"""Structured log lines: one event per line, JSON when stderr is not a terminal (for
journald and log shippers), key=value when a person is watching.

Call `event(log, "sync.done", source="zendesk", tickets=3)`. Values whose key names a
secret are never written, and any exception is reduced to its type and message (to
its type alone when its message may quote a record: see tracker/errors.py).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

from tracker.errors import SHOWN_IN_FULL, safe_error

_SECRET_KEY = re.compile(r"(token|password|secret|api_key|authorization|cookie)", re.I)
_BARE = re.compile(r"^[\w.:/@+\-]+$")
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def event(logger: logging.Logger, name: str, *, level: int = logging.INFO, **fields: Any) -> None:
    """Log one event with its fields."""
    logger.log(level, name, extra={"ft_fields": fields})


def _clean(key: str, value: Any) -> Any:
    if _SECRET_KEY.search(key):
        return "[redacted]"
    if isinstance(value, BaseException):
        if not isinstance(value, SHOWN_IN_FULL):  # a database error's text holds customer text
            return safe_error(value)
        text = str(value).splitlines()[0] if str(value) else ""
        return f"{type(value).__name__}: {text}" if text else type(value).__name__
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, float):
        return round(value, 3)
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    fields = {
        "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
        "level": record.levelname.lower(),
    }
    given = getattr(record, "ft_fields", None)
    if given is None:  # a plain library log line
        fields["event"] = "log"
        fields["logger"] = record.name
        fields["message"] = record.getMessage()
        for key, value in vars(record).items():  # `extra={...}` of other modules' lines
            if key not in _STANDARD and not key.startswith("_"):
                fields[key] = _clean(key, value)
    else:
        fields["event"] = record.msg
        for key, value in given.items():
            fields[key] = _clean(key, value)
    if record.exc_info and record.exc_info[1] is not None:
        fields["error"] = _clean("error", record.exc_info[1])
    return fields


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return json.dumps(_fields(record), ensure_ascii=False, default=str)


class KeyValueFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        parts = []
        for key, value in _fields(record).items():
            if value is None:
                continue
            text = json.dumps(value) if not isinstance(value, str) else value
            if not _BARE.match(text):
                text = json.dumps(text)
            parts.append(f"{key}={text}")
        return " ".join(parts)


def _quiet_overlap(record: logging.LogRecord) -> bool:
    """Drop APScheduler's "skipped: maximum number of running instances reached": a sync
    slower than its interval is expected (max_instances=1 is how we want it handled)."""
    return not (record.name.startswith("apscheduler") and "maximum number of running" in record.msg)


def configure(
    stream: TextIO | None = None, level: int = logging.INFO, json_lines: bool | None = None
) -> None:
    """Send every log line to `stream` (stderr) in the format that suits it."""
    stream = stream or sys.stderr
    if json_lines is None:
        json_lines = not (hasattr(stream, "isatty") and stream.isatty())
    handler = logging.StreamHandler(stream)
    handler.addFilter(_quiet_overlap)
    handler.setFormatter(JsonFormatter() if json_lines else KeyValueFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # APScheduler says "Running job …" at INFO for every run; our own events say more.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    logging.getLogger("waitress").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
