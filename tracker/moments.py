"""The range of times an operator or a person may give (`--now`, `--until`, a snooze).

Times past it leave no room for what is added to them (a grace of up to 3650 days, a
business calendar's ten-year search) before Python's dates end in 9999.
"""

from __future__ import annotations

from datetime import datetime

EARLIEST_YEAR = 1970
LATEST_YEAR = 8999


def out_of_range(moment: datetime) -> str | None:
    """Why `moment` is out of range, or None."""
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        return f"is out of range (years {EARLIEST_YEAR} to {LATEST_YEAR})"
    return None
