"""The period an audit looks at: promises made in [start, end), judged as of `now`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from tracker.durations import parse_duration


class PeriodError(ValueError):
    """A --since/--from/--to that cannot be used; the message is one line for people."""


@dataclass(frozen=True)
class Period:
    start: datetime
    end: datetime
    now: datetime  # the moment the history is judged at (the audit's start)


def _day(text: str, what: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        try:
            value = datetime.combine(date.fromisoformat(text), time())
        except ValueError:
            raise PeriodError(f"{what} {text!r} is not a date like 2025-01-31") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_period(
    now: datetime,
    since: str | None = None,
    from_text: str | None = None,
    to_text: str | None = None,
) -> Period:
    """`--since 90d` (the default) or `--from DATE --to DATE` (the `--to` day included)."""
    if since and (from_text or to_text):
        raise PeriodError("give --since or --from/--to, not both")
    if from_text or to_text:
        if not from_text:
            raise PeriodError("--to needs --from")
        start = _day(from_text, "--from")
        end = now
        if to_text:
            end = _day(to_text, "--to")
            if len(to_text) == 10:  # a bare date: the whole day
                end += timedelta(days=1)
        end = min(end, now)
        if end <= start:
            raise PeriodError(f"--from {from_text} is not before --to {to_text or 'now'}")
        return Period(start, end, now)
    try:
        length = parse_duration(since or "90d")
    except ValueError as exc:
        raise PeriodError(f"--since: {exc}") from None
    return Period(now - length.delta, now, now)
