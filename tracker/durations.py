"""Durations as written in the configuration: "2m", "1h", "90 minutes", "1 business day"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

_UNITS = {
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "d": 86400, "day": 86400, "days": 86400,
    "w": 604800, "week": 604800, "weeks": 604800,
}  # fmt: skip

MAX_DAYS = 3650
MAX_SECONDS = MAX_DAYS * 86400
_PATTERN = re.compile(
    r"^\s*(?P<n>\d+(?:\.\d+)?)\s*(?P<business>business\s+|working\s+)?(?P<unit>[a-z]+)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Duration:
    """A length of time; `business` ones are counted in a team's working time.

    A business duration in days counts working days; in hours or minutes it counts
    working hours only.
    """

    delta: timedelta
    business: bool
    text: str

    @property
    def whole_days(self) -> int | None:
        """The number of days when the duration is a whole number of days, else None."""
        seconds = self.delta.total_seconds()
        if seconds > 0 and seconds % 86400 == 0:
            return int(seconds // 86400)
        return None


def parse_duration(text: str) -> Duration:
    """Parse a configuration duration, raising ValueError with a readable reason."""
    match = _PATTERN.match(text or "")
    if not match:
        examples = "'90s', '2m', '1h', '1 business day'"
        raise ValueError(f"{text!r} is not a duration (examples: {examples})")
    unit = match["unit"].lower()
    if unit not in _UNITS:
        raise ValueError(f"{text!r} has an unknown unit {unit!r} (use s, m, h, d or w)")
    seconds = float(match["n"]) * _UNITS[unit]
    if seconds <= 0:
        raise ValueError(f"{text!r} must be longer than zero")
    if seconds > MAX_SECONDS:  # beyond it, dates overflow when a duration is added
        raise ValueError(f"{text!r} is too long: at most {MAX_DAYS} days")
    return Duration(timedelta(seconds=seconds), bool(match["business"]), text.strip())
