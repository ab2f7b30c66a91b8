"""What every connector offers the core: pages of plain records with their cursor, and
write-back of an internal note, tags and a due-time field.

A connector holds no business rules and never opens a database session; the sync runner
(tracker/ingest/sync.py) stores each yielded batch and its cursor in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, Protocol, runtime_checkable

from integrations.http import CallStats
from tracker.ingest.records import Batch


class WriteBackError(Exception):
    """A note, tag or field could not be written to the ticket.

    `permanent`: retrying will not help (closed or deleted ticket, no permission); the
    outbox should mark the row failed instead of trying again. `reason` is one line for
    people, naming the source and the ticket, never a secret.
    """

    def __init__(self, reason: str, *, permanent: bool = False, status: int | None = None):
        self.reason = reason
        self.permanent = permanent
        self.status = status
        super().__init__(reason)


@runtime_checkable
class Connector(Protocol):
    """One configured help desk or mailbox.

    `pages(cursor, now)` yields `Batch`es in order; each carries the cursor to store
    after it (`None` = keep the stored one). The runner commits every batch before asking
    for the next, so a generator must never raise past a page whose batch it has already
    yielded: a failure surfaces on the *next* `next()` and the committed cursor stays valid.

    Optional attribute `derive_handoffs: bool` (default False): set it on connectors whose
    API has no assignment history, so ingest records a hand-off whenever a ticket
    snapshot's assignee or group changes.
    """

    name: str
    http_stats: CallStats

    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]: ...

    def add_note(self, ticket_external_id: str, body: str) -> None:
        """An internal (private) note; never a public reply."""

    def change_tags(
        self, ticket_external_id: str, add: Sequence[str], remove: Sequence[str]
    ) -> None: ...

    def set_due_field(self, ticket_external_id: str, due: datetime | None) -> None:
        """Write the promise's due time into the configured custom field; no-op when none."""


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
