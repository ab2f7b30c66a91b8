"""English words the due-time grammar (due.py) reads beyond en.py's months and weekdays.

Kept apart from en.py so the due grammar's data can change without touching the
commitment vocabulary; same shape rules: plain data, lower-case keys.
"""

from __future__ import annotations

# Short weekday names. "sat" and "sun" are ordinary words and are not read.
WEEKDAY_ABBREVIATIONS: dict[str, int] = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4}

# Spellings of "tomorrow" and "tonight" in texts and hurried replies.
TOMORROW: tuple[str, ...] = (
    "tomorrow", "tmrw", "tmr", "tmrow", "2moro", "2morrow", "2mrw", "tommorow",
    "tommorrow", "tomorow", "tomoz",
)  # fmt: skip
TONIGHT: tuple[str, ...] = ("tonight", "tonite", "2nite")

# Named days that are not the next such weekday: a sale or a holiday ("the Black Friday
# price", "since Cyber Monday"). Case-sensitive, right before the weekday.
NAMED_DAY_WORDS: tuple[str, ...] = ("Black", "Cyber", "Good", "Easter", "Giving", "Super")

# Words before a time that say it is the customer's side of nothing: a hedge.
# "I'll ping you when it's live, prob tonight" states no due.
HEDGES: tuple[str, ...] = ("prob", "probably", "maybe", "possibly", "perhaps", "hopefully")

# Words that make a time an upper limit, as non-native support writes "within" or "by":
# "processed max 72 hours", "in a maximum time of 15 business days", "by tomorrow max
# 23:59", "Friday latest 18:00". Regular expressions: a limit on a span (before its number)
# and a limit on a clock time (after its day, before the time).
SPAN_LIMITS: tuple[str, ...] = (
    r"(?:a\s+)?max(?:imum|\.)?(?:\s+(?:time|period)(?:\s+of)?|\s+of)?",
    r"at\s+(?:the\s+)?most",
    r"no\s+(?:more|longer)\s+than",
    r"not\s+more\s+than",
)
CLOCK_LIMITS: tuple[str, ...] = (
    r"max(?:imum|\.)?",
    r"(?:at\s+the\s+)?latest(?:\s+by)?",
)

# Time-zone words after a clock time ("9am Eastern", "8pm Dubai time", "16:00 UTC"):
# the clock is read in that zone, then converted to the team's.
ZONE_ABBREVIATIONS: dict[str, str] = {
    "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
    "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
    "pt": "America/Los_Angeles", "pst": "America/Los_Angeles", "pdt": "America/Los_Angeles",
    "gmt": "UTC", "utc": "UTC", "bst": "Europe/London", "cet": "Europe/Paris",
    "cest": "Europe/Paris", "ist": "Asia/Kolkata", "sgt": "Asia/Singapore",
    "jst": "Asia/Tokyo", "aest": "Australia/Sydney", "aedt": "Australia/Sydney",
    "nzst": "Pacific/Auckland", "nzdt": "Pacific/Auckland",
}  # fmt: skip
# Region and city names, read with or without a following "time".
ZONE_NAMES: dict[str, str] = {
    "eastern": "America/New_York", "central": "America/Chicago",
    "mountain": "America/Denver", "pacific": "America/Los_Angeles",
    "uk": "Europe/London", "london": "Europe/London", "new york": "America/New_York",
    "chicago": "America/Chicago", "los angeles": "America/Los_Angeles",
    "toronto": "America/Toronto", "paris": "Europe/Paris", "berlin": "Europe/Berlin",
    "madrid": "Europe/Madrid", "amsterdam": "Europe/Amsterdam", "dubai": "Asia/Dubai",
    "india": "Asia/Kolkata", "singapore": "Asia/Singapore", "hong kong": "Asia/Hong_Kong",
    "tokyo": "Asia/Tokyo", "sydney": "Australia/Sydney", "melbourne": "Australia/Melbourne",
    "auckland": "Pacific/Auckland",
}  # fmt: skip
