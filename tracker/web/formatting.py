"""Turning stored values into what people read: local times, "in 3 h", highlighted quotes.

Customer-written text is always escaped here before any markup is added around it.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask import Flask
from markupsafe import Markup, escape

from tracker.time_text import local_time


def local_time_or_dash(value: datetime | None, zone: ZoneInfo | str) -> str:
    """The `local_time` filter: tracker.time_text.local_time, or a dash for no time."""
    return "—" if value is None else local_time(value, zone)


def span(seconds: float) -> str:
    """A short human duration: '45 min', '3 h 20 min', '2 d 4 h'."""
    seconds = abs(int(seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return f"{days} d {hours} h" if hours else f"{days} d"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{max(minutes, 1)} min" if seconds >= 60 else "under a minute"


def time_left(due: datetime, now: datetime) -> str:
    """'in 3 h 20 min' or '2 d 4 h late'."""
    delta: timedelta = due - now
    if delta.total_seconds() >= 0:
        return f"in {span(delta.total_seconds())}"
    return f"{span(delta.total_seconds())} late"


def highlight(text: str, start: int, end: int) -> Markup:
    """The message with the promise marked; every character of the text is escaped."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return (
        escape(text[:start])
        + Markup('<mark id="promise">')
        + escape(text[start:end])
        + Markup("</mark>")
        + escape(text[end:])
    )


def snooze_default(now: datetime, zone: ZoneInfo) -> str:
    """Tomorrow 09:00 local, as a datetime-local field wants it."""
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    return f"{tomorrow:%Y-%m-%d}T09:00"


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "—"


def register_filters(app: Flask) -> None:
    app.jinja_env.filters["local_time"] = local_time_or_dash
    app.jinja_env.filters["span"] = span
    app.jinja_env.filters["percent"] = percent
    app.jinja_env.globals["time_left"] = time_left
