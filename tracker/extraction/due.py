"""Due times from the words of a promise, resolved in the team's calendar.

A small grammar for support idioms (today, EOD, tomorrow at 3pm, Monday, next
week, within 48 hours, in 3 working days, by 30 November, on the 3rd…). Each
phrase found is an *anchor*; a clock time next to a day anchor ("tomorrow at
9am", "by 10:30 on Monday") joins it. The promise's due is the latest anchor.
Vague words (soon, ASAP, in a few days) simply match nothing: the caller then
applies the default policy.

All calendar arithmetic happens on local dates and wall-clock times of
`calendar.timezone` and is localised back through the calendar, never by adding
timedeltas to local datetimes (DST).
"""

from __future__ import annotations

import calendar as monthcal
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from tracker.calendar import BusinessCalendar
from tracker.durations import Duration
from tracker.extraction import explicit_dates
from tracker.extraction.vocab import en

_MONTHS = en.MONTHS
_WEEKDAYS = en.WEEKDAYS
_NUMBERS = en.NUMBERS
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 604800}

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_NUMBER_RE = "|".join(sorted((re.escape(k) for k in _NUMBERS), key=len, reverse=True))
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|arvo|evening|night|lunchtime|lunch|eod|cob))?"

_ANCHORS = re.compile(
    rf"""
    (?<![\w'’])(?:
    (?P<tomorrow>(?:first\ thing\ )?(?:tomorrow|tmrw|tmr)\b{_PART_OF_DAY})
  | (?P<today>later\ today|(?:the\ )?end\ of\ today|within\ the\ day|today|tonight
        |this\ (?:morning|afternoon|arvo|evening)
        |(?:the\ )?end\ of\ (?:the\ |my\ |your\ |our\ |business\ |the\ (?:business|working)\ )?day
        |(?:the\ )?close\ of\ (?:business|play)|(?:the\ )?end\ of\ (?:business|play)
        |eod|cob|eob)\b
  | (?P<next_workday>(?:the\ )?next\ (?:working|business|work)\ day)\b
  | (?P<next_week>(?:(?:the\ )?(?:beginning|start|end)\ of\ |early\ |later\ |sometime\ )?
        next\ week)\b
  | (?P<weekend>(?:this|over\ the|during\ the|at\ the)\ weekend)\b
  | (?P<after_weekend>after\ the\ weekend)\b
  | (?P<this_week>(?:the\ )?end\ of\ (?:the\ |this\ )?(?:working\ )?week|later\ this\ week
        |this\ week|eow|the\ weekend)\b
  | (?P<next_month>(?:(?:the\ )?end\ of\ |early\ |later\ )?next\ month)\b
  | (?P<month_end>(?:the\ )?end\ of\ (?:the\ |this\ )?month|month[-\ ]end|eom)\b
  | (?P<date_dm>(?P<dm_day>[0-3]?\d)(?:st|nd|rd|th)?(?:\ of)?\s+(?P<dm_month>{_MONTH_RE})\b\.?
        (?:,?\s+(?P<dm_year>20\d\d))?)
  | (?P<date_md>(?P<md_month>{_MONTH_RE})\.?\s+(?P<md_day>[0-3]?\d)(?:st|nd|rd|th)?\b
        (?:,?\s+(?P<md_year>20\d\d))?)
  | (?P<date_iso>(?P<iso_year>20\d\d)-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d))\b
  | (?P<nth>the\s+(?P<nth_day>[0-3]?\d)(?:st|nd|rd|th))\b
  | (?P<weekday>(?:first\ thing\ |early\ |late\ |this\ |next\ |coming\ )?
        (?P<wd>{_WEEKDAY_RE})\b{_PART_OF_DAY})
  | (?P<span>(?:within|in|inside|under|during|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?
        (?P<n>\d+(?:\.\d+)?|{_NUMBER_RE})
        (?:\s*(?:-|–|to|or)\s*(?P<n2>\d+(?:\.\d+)?|{_NUMBER_RE}))?
        \s*(?P<business>business\s+|working\s+|work\s+)?
        (?P<unit>minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?)\b)
  | (?P<the_hour>(?:within|in)\ the\ (?:next\ )?hour)\b
  | (?P<clock>(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)
        |(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d)(?![\d%])
        |(?P<oclock>1[0-2]|[1-9])\s*o'?clock\b
        # "come back to you before 5.": a bare hour ending the clause after by/before/until
        |(?:(?<=\bby\ )|(?<=\bbefore\ )|(?<=\buntil\ )|(?<=\bat\ ))
            (?P<bare>1[0-2]|[1-9])(?=\s*(?:$|[.,;!?)]))
        |(?P<noon>noon|midday|midnight)\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Dates and 24-hour clock times only count as due words after a due preposition,
# so "your 4 December flight" or "invoice 10.30" do not set a due time.
_DUE_PREPOSITION = re.compile(
    rf"\b(?:by|on|before|until|till|than|at|for|around|from|@)\s+"
    rf"(?:(?:{_WEEKDAY_RE}),?\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_JOIN_GAP = re.compile(r"^[\s,]*(?:(?:at|by|on|before|around|from|@)\s*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Due:
    when: datetime  # aware, UTC
    precision: str  # "time" | "date"
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Anchor:
    start: int
    end: int
    day: date | None = None  # a date-level anchor
    clock: time | None = None  # a clock time waiting for a day
    moment: datetime | None = None  # already a time-level instant


# Every anchor contains one of these (lower-cased); most promise clauses contain none.
_MAYBE_DUE = re.compile(
    r"\d|to(?:day|night|m)|tmr|eo[dbwm]|cob|close|end|week|month|day|hour|min|noon|midnight|"
    r"fortnight|couple|morning|afternoon|arvo|evening|midday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"mon|tue|wed|thu|fri|sat|sun|"
    r"o'?clock|the\s+\d"
)


def find_due(text: str, sent_at: datetime, calendar: BusinessCalendar) -> Due | None:
    """The latest due stated in `text` (one promise's words), or None when none is."""
    return SentenceDues(text, sent_at, calendar).between(0, len(text))


class SentenceDues:
    """The due words of one sentence, read once; `between` picks one clause's.

    A sentence with several candidate clauses asks for the due of each of them and of
    the promise's whole scope; reading the sentence once and choosing the anchors inside
    each stretch keeps the work linear in the sentence, however many clauses it has.
    """

    def __init__(self, text: str, sent_at: datetime, calendar: BusinessCalendar) -> None:
        self.text = text
        self.calendar = calendar
        self.local = sent_at.astimezone(calendar.timezone)
        self._anchors: list[_Anchor] | None = None

    def _all(self) -> list[_Anchor]:
        if self._anchors is None:
            text, local, calendar = self.text, self.local, self.calendar
            anchors: list[_Anchor] = []
            if _MAYBE_DUE.search(text.lower()):
                anchors = [a for a in _anchors(text, local, calendar) if a is not None]
                fallback = list(_fallback_anchors(text, local, calendar))
                if fallback:  # a date the grammar read only in part ("3 Dec" of "3 Dec '26")
                    anchors = [
                        a
                        for a in anchors
                        if not any(f.start <= a.start and a.end <= f.end for f in fallback)
                    ] + fallback
            self._anchors = anchors
        return self._anchors

    def between(self, start: int, end: int) -> Due | None:
        """The latest due stated in text[start:end], offsets relative to `start`."""
        anchors = [a for a in self._all() if start <= a.start and a.end <= end]
        if not anchors:
            return None
        combined = _combine(self.text, anchors, self.local, self.calendar)
        dues = [_without_full_stop(due) for due in combined]
        if not dues:
            return None
        calendar = self.calendar
        due = max(dues, key=lambda d: (calendar.local_date(d.when), d.precision == "time", d.when))
        return Due(due.when, due.precision, due.text, due.start - start, due.end - start)


def _without_full_stop(due: Due) -> Due:
    """ "by 20 November." ends the sentence, not the due words ("Nov." keeps its dot)."""
    words = due.text
    if words.endswith(".") and not re.search(r"\b(?:[a-z]{3,4}|[ap]\.m)\.$", words, re.I):
        return Due(due.when, due.precision, words[:-1], due.start, due.end - 1)
    return due


def _anchors(text: str, local: datetime, calendar: BusinessCalendar) -> Iterator[_Anchor | None]:
    sent_day = local.date()
    for m in _ANCHORS.finditer(text):
        kind = m.lastgroup
        start, end = m.span()
        if kind == "tomorrow":
            yield _Anchor(start, end, day=sent_day + timedelta(days=1))
        elif kind == "today":
            yield _Anchor(start, end, day=sent_day)
        elif kind == "weekday":
            yield _Anchor(start, end, day=_next_weekday(sent_day, _WEEKDAYS[m["wd"].lower()]))
        elif kind == "next_workday":
            yield _Anchor(start, end, day=calendar.add_working_days(sent_day, 1))
        elif kind == "next_week":
            yield _Anchor(start, end, day=_monday(sent_day) + timedelta(days=11))
        elif kind == "weekend":  # by the Sunday that ends this week
            yield _Anchor(start, end, day=_monday(sent_day) + timedelta(days=6))
        elif kind == "after_weekend":  # the Monday after it
            yield _Anchor(start, end, day=_monday(sent_day) + timedelta(days=7))
        elif kind == "this_week":
            friday = _monday(sent_day) + timedelta(days=4)
            yield _Anchor(start, end, day=friday if friday >= sent_day else friday + timedelta(7))
        elif kind == "month_end":
            yield _Anchor(start, end, day=_month_end(sent_day.year, sent_day.month))
        elif kind == "next_month":
            year, month = (sent_day.year + 1, 1) if sent_day.month == 12 else (
                sent_day.year, sent_day.month + 1)  # fmt: skip
            yield _Anchor(start, end, day=_month_end(year, month))
        elif kind in ("date_dm", "date_md", "date_iso", "nth"):
            if _after_preposition(text, start):
                yield _Anchor(start, end, day=_explicit_date(m, kind, sent_day))
        elif kind == "span":
            yield _span(m, start, end, local, calendar)
        elif kind == "the_hour":
            yield _Anchor(start, end, moment=local.astimezone(UTC) + timedelta(hours=1))
        elif kind == "clock":
            clock = _clock(m)
            if clock is not None and (m["h24"] is None or _after_preposition(text, start)):
                yield _Anchor(start, end, clock=clock)


def _fallback_anchors(text: str, local: datetime, calendar: BusinessCalendar) -> Iterator[_Anchor]:
    """Explicit dates only dateparser reads, each handed to it as its own short span."""
    for start, end in explicit_dates.candidates(text):
        span = text[start:end]
        if not (span[:1] == "@" or span[:3].lower() == "at " or _after_preposition(text, start)):
            continue
        resolved = explicit_dates.resolve(span, local, calendar.timezone.key)
        if resolved is None:
            continue
        day, clock = resolved
        if clock is None:
            yield _Anchor(start, end, day=day)
        else:
            yield _Anchor(start, end, moment=calendar.at(day, clock))


def _after_preposition(text: str, start: int) -> bool:
    return bool(_DUE_PREPOSITION.search(text[max(0, start - 30) : start]))


def _combine(
    text: str, anchors: list[_Anchor], local: datetime, calendar: BusinessCalendar
) -> list[Due]:
    days = [a for a in anchors if a.day is not None]
    dues: list[Due] = []
    joined: set[int] = set()
    for anchor in anchors:
        if anchor.clock is None:
            continue
        partner = _adjacent_day(text, anchor, days)
        if partner is not None:
            joined.add(id(partner))
            assert partner.day is not None
            start, end = min(anchor.start, partner.start), max(anchor.end, partner.end)
            when = calendar.at(partner.day, anchor.clock)
        else:
            start, end = anchor.start, anchor.end
            when = calendar.at(local.date(), anchor.clock)
            if when <= local:  # "by 5pm" written after 5pm means tomorrow's 5pm
                when = calendar.at(local.date() + timedelta(days=1), anchor.clock)
        dues.append(Due(when, "time", text[start:end], start, end))
    for anchor in anchors:
        if anchor.moment is not None:
            words = text[anchor.start : anchor.end]
            dues.append(Due(anchor.moment, "time", words, anchor.start, anchor.end))
        elif anchor.day is not None and id(anchor) not in joined:
            dues.append(_date_due(text, anchor, local, calendar))
    return dues


def _adjacent_day(text: str, clock: _Anchor, days: list[_Anchor]) -> _Anchor | None:
    for day in days:
        gap = text[day.end : clock.start] if day.end <= clock.start else text[clock.end : day.start]
        if len(gap) <= 12 and _JOIN_GAP.match(gap):
            return day
    return None


def _date_due(text: str, anchor: _Anchor, local: datetime, calendar: BusinessCalendar) -> Due:
    assert anchor.day is not None
    when = calendar.end_of_day(anchor.day)
    if when <= local:
        # "Tonight" written after the working day ends: the end of the working day
        # has already passed, so the promise is due by the end of that date instead.
        when = calendar.at(anchor.day, time(23, 59))
    return Due(when, "date", text[anchor.start : anchor.end], anchor.start, anchor.end)


def _span(
    m: re.Match[str], start: int, end: int, local: datetime, calendar: BusinessCalendar
) -> _Anchor | None:
    amount = _number(m["n2"] or m["n"])
    if amount is None or amount <= 0 or amount > 1000:
        return None
    unit = m["unit"].lower()[0]
    business = bool(m["business"])
    sent_day = local.date()
    if unit == "d":
        whole = round(amount)
        if business:
            return _Anchor(start, end, day=calendar.add_working_days(sent_day, whole))
        return _Anchor(start, end, day=sent_day + timedelta(days=whole))
    if unit in ("w", "f"):
        days = round(amount * (7 if unit == "w" else 14))
        return _Anchor(start, end, day=sent_day + timedelta(days=days))
    delta = timedelta(seconds=amount * _UNIT_SECONDS[unit])
    if business:
        moment = calendar.add(local, Duration(delta, True, m.group()))
    else:
        moment = local.astimezone(UTC) + delta  # elapsed time: add in UTC
    return _Anchor(start, end, moment=moment)


def _number(token: str | None) -> float | None:
    if token is None:
        return None
    token = token.lower()
    if token in _NUMBERS:
        return float(_NUMBERS[token])
    try:
        return float(token)
    except ValueError:
        return None


def _clock(m: re.Match[str]) -> time | None:
    if m["noon"]:
        return time(12, 0) if m["noon"].lower() != "midnight" else time(23, 59)
    if m["h24"] is not None:
        return time(int(m["h24"]), int(m["m24"]))
    if m["oclock"] is not None or m["bare"] is not None:
        # "at 3 o'clock", "before 5" in office hours: 8-11 morning, 12-7 afternoon
        hour = int(m["oclock"] or m["bare"])
        return time(hour if hour >= 8 else hour + 12, 0)
    hour, minute = int(m["hour"]), int(m["minute"] or 0)
    if not 1 <= hour <= 12:
        return None
    pm = m["ampm"].lower().startswith("p")
    hour = hour % 12 + (12 if pm else 0)
    return time(hour, minute)


def _explicit_date(m: re.Match[str], kind: str, sent_day: date) -> date | None:
    if kind == "nth":
        return _next_day_of_month(sent_day, int(m["nth_day"]))
    year: int | None
    if kind == "date_iso":
        year, month, day = int(m["iso_year"]), int(m["iso_month"]), int(m["iso_day"])
    elif kind == "date_dm":
        year = int(m["dm_year"]) if m["dm_year"] else None
        month, day = _MONTHS[m["dm_month"].lower()], int(m["dm_day"])
    else:
        year = int(m["md_year"]) if m["md_year"] else None
        month, day = _MONTHS[m["md_month"].lower()], int(m["md_day"])
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    for candidate_year in range(sent_day.year, sent_day.year + 5):  # 29 February waits
        try:
            candidate = date(candidate_year, month, day)
        except ValueError:
            continue
        if candidate >= sent_day:
            return candidate
    return None


def _next_day_of_month(sent_day: date, day: int) -> date | None:
    if not 1 <= day <= 31:
        return None
    year, month = sent_day.year, sent_day.month
    for _ in range(13):
        if day <= monthcal.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if candidate >= sent_day:
                return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _next_weekday(sent_day: date, weekday: int) -> date:
    ahead = (weekday - sent_day.weekday()) % 7 or 7
    return sent_day + timedelta(days=ahead)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthcal.monthrange(year, month)[1])
