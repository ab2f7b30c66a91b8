"""Moments as people read them: one format for notices, digests and the web pages."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo


def local_time(moment: datetime, zone: ZoneInfo | str) -> str:
    """'Tue 24 Nov 2026 14:00 GMT' in `zone`. A zone name nobody knows (a typo in a
    person's help-desk profile) leaves the moment in its own zone rather than failing a
    notice."""
    if isinstance(zone, str):
        try:
            zone = ZoneInfo(zone)
        except (KeyError, ValueError):
            return _words(moment)
    return _words(moment.astimezone(zone))


def _words(local: datetime) -> str:
    return f"{local:%a %d %b %Y %H:%M} {local.tzname()}"
