"""Small helpers connectors share. What a connector offers the core (`Poller`,
`TicketWriter`, `ConnectorSpec`) is defined by the core, in tracker/sources.py.

A connector holds no business rules and never opens a database session; the sync runner
(tracker/ingest/sync.py) stores each yielded batch and its cursor in one transaction.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from tracker.sources import WriteBackError

__all__ = ["WriteBackError", "dump_cursor", "iso_z", "load_cursor", "parse_time"]


# -- small helpers connectors share ------------------------------------------------------------


def load_cursor(cursor: str | None) -> dict[str, Any]:
    """A stored JSON cursor as a dict; an empty, absent or unreadable one starts afresh."""
    if not cursor:
        return {}
    try:
        value = json.loads(cursor)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def dump_cursor(state: dict[str, Any]) -> str:
    return json.dumps(state, sort_keys=True, separators=(",", ":"))


def parse_time(value: Any) -> datetime | None:
    """ISO 8601 text (`Z` or an offset) or epoch seconds as aware UTC; None when unusable."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, UTC)
        except (OverflowError, OSError, ValueError):  # year 10,000, NaN, …
            return None
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            return None
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        try:
            return parsed.astimezone(UTC)
        except OverflowError:  # 0001-01-01T00:00+01:00 has no UTC time
            return None
    return None


def iso_z(value: datetime) -> str:
    """Aware datetime as `2024-05-01T10:00:00Z` (what help-desk APIs accept and return)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
