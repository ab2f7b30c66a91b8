"""dateparser as the fallback for explicit dates our own grammar cannot resolve.

`due.py` reads the support idioms itself (it is ~100x faster than a general
parser). Some explicit dates it does not read: numeric ones ("by 03/12",
"on 12/3/2026", "before 3.12.2026"), a two-digit year ("3-Dec-26", "Dec 3rd '26"),
"the 30th of next month", a clock written "15h30", a time with a zone ("at 3pm
EST on 3/12"). `candidates` finds such spans (only after a due preposition) and
`resolve` hands dateparser that short span and nothing else, with its settings
pinned: English only, dates preferred from the future, relative to the local
send time, read and returned in the team's time zone, day/month order from the
zone (month first in the Americas). Results are cached: a reply quotes the same
date many times.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any

from tracker.extraction.vocab import en

_MONTH = "(?:" + "|".join(sorted(en.MONTHS, key=len, reverse=True)) + ")"
_ORD = r"(?:st|nd|rd|th)?"
_CLOCK = r"(?:\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}[:h]\d{2})"
_DATE = (
    r"\d{4}[/.-]\d{1,2}[/.-]\d{1,2}"  # 2026/12/03
    r"|\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?"  # 03/12, 3/12/2026, 3/12/26
    r"|\d{1,2}[.-]\d{1,2}[.-](?:\d{4}|\d{2})"  # 3.12.2026, 03-12-26 (two parts: a clock)
    r"|\d{1,2}\.\d{1,2}\.(?!\d)"  # 03.03. (day and month, each closed by a dot)
    rf"|\d{{1,2}}{_ORD}[-\s]{_MONTH}\.?[-\s]'?\d{{2}}"  # 3-Dec-26, 3 Dec '26
    rf"|{_MONTH}\.?\s+\d{{1,2}}{_ORD},?\s+'\d{{2}}"  # Dec 3rd '26
    rf"|the\s+\d{{1,2}}{_ORD}\s+of\s+(?:next|this|the\s+(?:next|following))\s+month"
    r"|\d{1,2}h\d{2}"  # 15h30
)
# Where a short numeric date puts the month first: the Americas, and the countries that
# write year-month-day and so "3/10" as month/day (Japan, China, Korea, Taiwan, the
# Philippines).
_MONTH_FIRST_ZONES = frozenset(
    {"Asia/Tokyo", "Asia/Shanghai", "Asia/Seoul", "Asia/Taipei", "Asia/Manila"}
)
_ZONE = r"(?:\s+(?:[ECMP][SD]T|GMT|BST|CET|CEST|UTC|AEST|AEDT|IST))?"
_CANDIDATE = re.compile(
    rf"(?<![\w/.'-])(?:(?:at\s+|@\s*)?{_CLOCK}{_ZONE}\s*(?:on|,)?\s+)?(?:{_DATE})"
    rf"(?:\s*(?:at|@|,)?\s*{_CLOCK}{_ZONE})?(?![\w/])",
    re.IGNORECASE,
)
_DAY_MONTH_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.")
_HAS_CLOCK = re.compile(rf"{_CLOCK}|\b\d{{1,2}}h\d{{2}}\b", re.IGNORECASE)
_HAS_YEAR = re.compile(r"\b\d{4}\b|'\d{2}\b|\d[/.-]\d{1,2}[/.-]\d{2}\b|[a-z]-\d{2}\b", re.I)
# Cheap test run on every due span before the regex above.
_PREFILTER = re.compile(r"\d[/.h-]\d|\d\s*-\s*[a-z]|'\d\d|of\s+(?:next|this|the)", re.IGNORECASE)


def candidates(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that look like explicit dates our grammar does not read."""
    if not _PREFILTER.search(text):
        return []
    return [m.span() for m in _CANDIDATE.finditer(text)]


def resolve(span: str, local_sent: datetime, zone: str) -> tuple[date, time | None] | None:
    """The local date (and clock, if the span states one) of one short date span."""
    base = local_sent.replace(tzinfo=None, second=0, microsecond=0)
    dotted = _DAY_MONTH_DOTTED.fullmatch(span.strip())
    if dotted:  # dateparser reads "03.03." as a clock time
        try:
            day = date(base.year, int(dotted[2]), int(dotted[1]))
        except ValueError:
            return None
        return _earliest_on_or_after(day.replace(year=day.year + 1), base.date()), None
    order = "MDY" if zone.startswith("America/") or zone in _MONTH_FIRST_ZONES else "DMY"
    parsed = _parse(span, base, zone, order)
    if parsed is None:
        return None
    day = parsed.date()
    if not _HAS_YEAR.search(span):
        day = _earliest_on_or_after(day, base.date())
    clock = parsed.time() if _HAS_CLOCK.search(span) else None
    return day, clock


@lru_cache(maxsize=2048)
def _parse(span: str, base: datetime, zone: str, order: str) -> datetime | None:
    import dateparser  # slow to import; most processes never need it

    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": base,
        "TIMEZONE": zone,
        "TO_TIMEZONE": zone,
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": order,
    }
    try:
        return dateparser.parse(span, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None


def _earliest_on_or_after(day: date, sent_day: date) -> date:
    """dateparser's "future" skips the send date itself; the spec counts it ("on or after")."""
    while True:
        try:
            earlier = day.replace(year=day.year - 1)
        except ValueError:  # 29 February
            return day
        if earlier < sent_day:
            return day
        day = earlier
