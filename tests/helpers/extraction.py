"""Helpers shared by the extractor tests: a calendar per zone and a compact view of dues."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tracker.calendar import BusinessCalendar
from tracker.extraction import FoundPromise, extract

# The shared folder beside the repository: the spec's dev corpus and the real support text.
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


def needs_shared(path: Path, what: str) -> None:
    """Skip a test whose data lives in ../shared when it is absent, saying so; in CI
    (CI=true) fail instead, so that a missing folder cannot pass as green."""
    if path.exists() and (not path.is_dir() or any(path.glob("*.jsonl"))):
        return
    message = (
        f"{what} not found at {path.resolve()}: it lives in the shared folder beside the "
        "repository (../shared), which this checkout does not have"
    )
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(message + "; CI must provide it", pytrace=False)
    pytest.skip(message)


# A Wednesday afternoon in London, the default send time of the tests.
WEDNESDAY = "2026-11-18T14:00:00+00:00"


def calendar_for(zone: str = "Europe/London", holidays: str | None = None) -> BusinessCalendar:
    return BusinessCalendar(ZoneInfo(zone), holidays=holidays)


def promises_in(
    text: str,
    sent_at: str = WEDNESDAY,
    zone: str = "Europe/London",
    *,
    holidays: str | None = None,
    author_role: str = "agent",
) -> list[FoundPromise]:
    return extract(
        text,
        datetime.fromisoformat(sent_at),
        calendar_for(zone, holidays),
        author_role=author_role,
    )


def due_as_written(promise: FoundPromise, zone: str) -> str | None:
    """The due the way the corpus writes it: a local date, a local time, or None (default)."""
    if promise.due_is_default:
        return None
    local = promise.due.astimezone(ZoneInfo(zone))
    if promise.precision == "date":
        return local.date().isoformat()
    return local.strftime("%Y-%m-%dT%H:%M")
