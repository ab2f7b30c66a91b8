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
from zoneinfo import ZoneInfo

from tracker.calendar import BusinessCalendar
from tracker.durations import Duration
from tracker.extraction import explicit_dates
from tracker.extraction.vocab import en, en_due

_MONTHS = en.MONTHS
_WEEKDAYS = en.WEEKDAYS
# Full names and the short ones the due grammar also reads ("ring u mon", "by Wed 24th").
_WEEKDAY_NAMES = {**_WEEKDAYS, **en_due.WEEKDAY_ABBREVIATIONS}
_NUMBERS = en.NUMBERS
UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 604800}

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY_RE = "|".join(sorted(_WEEKDAY_NAMES, key=len, reverse=True))
_TOMORROW_RE = "|".join(sorted(en_due.TOMORROW, key=len, reverse=True))
_TONIGHT_RE = "|".join(sorted(en_due.TONIGHT, key=len, reverse=True))
_ZONES = {**en_due.ZONE_ABBREVIATIONS, **en_due.ZONE_NAMES}
_ZONE_RE = "|".join(
    re.escape(z).replace(r"\ ", " ").replace(" ", r"\s+")
    for z in sorted(_ZONES, key=len, reverse=True)
)
_HEDGE_BEFORE = re.compile(
    rf"\b(?:{'|'.join(en_due.HEDGES)})\s+(?:by\s+|on\s+|at\s+|around\s+)?$", re.IGNORECASE
)
# One end of a range of clock times: "10", "10am", "9:00", "8h", "noon".
_RANGE_CLOCK = r"(?:\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\b\.?|h\b)?|noon|midday)"
NUMBER_RE = "|".join(sorted((re.escape(k) for k in _NUMBERS), key=len, reverse=True))
_SPAN_LIMIT_RE = "|".join(en_due.SPAN_LIMITS)
_CLOCK_LIMIT_RE = "|".join(en_due.CLOCK_LIMITS)
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|arvo|evening|night|lunchtime|lunch|eod|cob|am|pm))?"

_ANCHORS = re.compile(
    rf"""
    (?<![\w'’])(?:
    (?P<tomorrow>(?:first\ thing\ )?(?P<day_after>(?:the\ )?day\ after\ )?(?:{_TOMORROW_RE})\b
        {_PART_OF_DAY})
  | (?P<morning>(?:first\ thing\ )?in\ (?:the\ )?morn(?:ing)?)\b
  | (?P<today>later\ today|(?:the\ )?end\ of\ today|within\ the\ day|today|{_TONIGHT_RE}
        |this\ (?:morning|afternoon|aft|arvo|evening)
        |after\ (?:lunch|lunchtime)
        |(?:the\ )?end\ of\ (?:the\ |my\ |your\ |our\ |business\ |the\ (?:business|working)\ )?day
        |(?:the\ )?close\ of\ (?:business|play)|(?:the\ )?end\ of\ (?:business|play)
        |eod|cob|eob)\b
  | (?P<next_workday>(?:the\ )?next\ (?:working|business|work)\ day)\b
  | (?P<wd_next_week>(?P<wdn>{_WEEKDAY_RE})\s+(?:of\s+)?next\s+week)\b
  | (?P<next_week>(?:(?:the\ )?(?:beginning|start|end)\ of\ |early\ |later\ |sometime\ )?
        next\ week)\b
  | (?P<weekend>(?:this|over\ the|during\ the|at\ the)\ weekend)\b
  | (?P<after_weekend>after\ the\ weekend)\b
  | (?P<this_week>(?:the\ )?end\ of\ (?:the\ |this\ )?(?:working\ )?week|later\ this\ week
        |this\ week|eow|the\ weekend)\b
  | (?P<next_month>(?:(?:the\ )?end\ of\ |early\ |later\ )?next\ month)\b
  | (?P<month_end>(?:the\ )?end\ of\ (?:the\ |this\ )?month|month[-\ ]end|eom
        |(?<!for\ )(?<!of\ )(?<!paid\ )(?:later\ )?this\ month)\b
  # "by the end of January", "end of Feb 2027": the last date of that month, the next one
  # that has not ended
  | (?P<named_month_end>(?:the\ )?end\ of\ (?P<me_month>{_MONTH_RE})\b\.?
        (?:,?\s+(?P<me_year>20\d\d))?)
  | (?P<date_dm>(?P<dm_day>[0-3]?\d)(?:st|nd|rd|th)?(?:\ of)?\s+(?P<dm_month>{_MONTH_RE})\b\.?
        (?:,?\s+(?P<dm_year>20\d\d))?)
  | (?P<date_md>(?P<md_month>{_MONTH_RE})\.?\s+(?P<md_day>[0-3]?\d)(?:st|nd|rd|th)?\b
        (?:,?\s+(?P<md_year>20\d\d))?)
  | (?P<date_iso>(?P<iso_year>20\d\d)-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d))\b
  # "the 3rd", "Wed 24th", "Saturday the 15th"
  | (?P<nth>(?:(?P<nth_wd>{_WEEKDAY_RE}),?\s+(?:the\s+)?|the\s+)
        (?P<nth_day>[0-3]?\d)(?:st|nd|rd|th))\b(?!\s+of\s+(?:{_MONTH_RE}|next|this|the)\b)
  # "on or before 15th", "by 20th", "till 5th" (no "the", as non-native support writes it):
  # after the preposition, and before the end of the clause or a time of that day (not "5th
  # Ave", "the 15th floor")
  | (?P<nth_bare>(?:(?<=\bby\ )|(?<=\bon\ )|(?<=\bbefore\ )|(?<=\btill\ )|(?<=\buntil\ ))
        (?P<nb_day>[0-3]?\d)(?:st|nd|rd|th))
        (?=\s*(?:$|[.,;!?)]|(?:at|by|eod|itself|morning|afternoon|evening|latest)\b))
  | (?P<weekday>(?:first\ thing\ |early\ |late\ |this\ |next\ |coming\ |the\ following\ )?
        (?P<wd>{_WEEKDAY_RE})\b{_PART_OF_DAY})
  # "max 2x24 hours", "in 1x24 hours" (a deadline as N times 24 hours, as support in
  # Indonesia and Malaysia writes it): N x M hours from the send time
  | (?P<times>(?:(?:within|in|for)\s+)?(?:(?:max(?:imum|\.)?|at\s+most|up\s+to)\s+)?
        (?P<t_n>\d)\s*[x×]\s*(?P<t_h>\d{{1,2}})\s*(?:hours?|hrs?|h)\b)
  | (?P<span>(?:(?:within|in|inside|under|during|over|every)\s+(?:the\s+)?(?:next\s+|coming\s+)?
            |(?:allow|give)\s+(?:us|me|them)\s+
            # "processed max 72 hours": a limit word alone leads the span
            |(?=(?:{_SPAN_LIMIT_RE})\s))
        (?:(?:about|around|approx(?:imately|\.)?|roughly|up\s+to|{_SPAN_LIMIT_RE}
            |less\s+than)\s+)?
        (?P<n>\d+(?:\.\d+)?|{NUMBER_RE})
        (?:\s*(?:-|–|to|or)\s*(?P<n2>\d+(?:\.\d+)?|{NUMBER_RE}))?
        \s*(?P<business>business\s+|working\s+|work\s+|banking\s+)?
        (?P<unit>minutes?|mins?|hours?|hrs?|h|days?|weeks?|fortnights?)\b
        # "a day or two", "an hour or 2": the latest
        (?:\s+or\s+(?!an?\b)(?P<n3>\d+(?:\.\d+)?|{NUMBER_RE})\b)?)
  | (?P<the_hour>(?:within|in)\ the\ (?:next\ )?hour)\b
  # "ring u back in 5", "be with you in 20": a chat's or a text's bare number of minutes
  # (up to 20, or a round 25 ... 60: "in 24" or "in 48" is a count of hours left unsaid),
  # then the end of the clause or a word that cannot be the number's unit (not "in 4.2.1",
  # "in 5 to 7 days", "1 in 20 checkouts")
  | (?P<in_minutes>in\s+(?:about\s+|another\s+|around\s+)?(?P<im_n>[1-9]|1\d|20|[2-5][05]|60)
        (?![\d]|[.,:]\d|\s*(?:-|–|to|or|and)\s*\d)
        (?=\s*(?:$|[.,;!?)]|[-–]\s|[\u2600-\u27bf\U0001f300-\U0001faff]|(?:or\s+so|ish|then
            |so|and|to|w/|with|when|once|if|or|pls|please|mate|max|tops)\b)))
  # "between 10 and 12", "from 9am to 1pm", "2-5pm": due by the end of the range
  | (?P<range>(?P<r_lead>between|from)\s+(?P<r1>{_RANGE_CLOCK})\s*(?:and|to|till|until|-|–)\s*
            (?P<r2>{_RANGE_CLOCK})
        |(?P<r1b>\d{{1,2}}(?::\d{{2}})?(?:\s*[ap]\.?m\b\.?)?)\s*(?:-|–|to)\s*
            (?P<r2b>\d{{1,2}}(?::\d{{2}})?\s*[ap]\.?m\b\.?))
        (?!\s*(?:%|days?\b|weeks?\b|hours?\b|hrs?\b|mins?\b|minutes?\b|months?\b|years?\b
            |working\b|business\b|\d))
  | (?P<clock>(?:(?P<hour>[01]?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)
        |(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d)(?![\d%])
        |(?P<oclock>1[0-2]|[1-9])\s*o'?clock\b
        # "come back to you before 5.", "I'll ring you at 9 sharp", "at 4 to discuss":
        # a bare hour after by/before/until/at/around, then the end of the clause or a
        # word that cannot start a noun phrase
        |(?:(?<=\bby\ )|(?<=\bbefore\ )|(?<=\bb4\ )|(?<=\buntil\ )|(?<=\btill\ )|(?<=\bat\ )
            |(?<=\baround\ )|(?<=\babout\ )|(?<=\bafter\ ))
            (?P<bare>1[0-2]|[1-9])(?:\s*(?:sharp|ish))?
            # ("by 2 w/ new times", "at 5 when he's ready": texted "with", a time clause)
            (?=\s*(?:$|[.,;!?)]|[-–]\s|w/|(?:today|{_TONIGHT_RE}|{_TOMORROW_RE}|instead|as|with|w|then
                |so|if|or|on|this|when|once|at\s+the\s+latest|latest
                |in\s+the\s+(?:morning|afternoon|evening)|to\s+(?![\d])|and\s+(?![\d]))\b))
        |(?P<noon>noon|midday|midnight|lunchtime)\b)
        (?P<zone>\s+(?:{_ZONE_RE})(?:\s+time)?\b)?)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Dates and 24-hour clock times only count as due words after a due preposition,
# so "your 4 December flight" or "invoice 10.30" do not set a due time.
_DUE_PREPOSITION = re.compile(
    rf"\b(?:by|on|before|b4|until|till|than|at|for|around|from|@|{_CLOCK_LIMIT_RE})\s+"
    rf"(?:(?:{_WEEKDAY_RE}),?\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# A date is a start ("from 1 June", "from the May 20 snapshot"), not a due.
_FROM_BEFORE = re.compile(rf"\bfrom\s+(?:(?:{_WEEKDAY_RE}),?\s+)?(?:the\s+)?$", re.IGNORECASE)
_JOIN_GAP = re.compile(
    rf"^[\s,]*(?:(?:at|by|on|before|after|around|from|sharp|instead|about|@|{_CLOCK_LIMIT_RE})"
    r"[\s,]*)*$",
    re.IGNORECASE,
)
# A weekday that is the new value of a change or one end of opening days: "move your
# ticket to Saturday", "we work Monday to Friday", "Mon-Fri".
_TO_BEFORE = re.compile(r"\b(?:to|through|thru)\s+(?:the\s+)?$", re.IGNORECASE)
_TO_AFTER = re.compile(rf"^\s*(?:-|–|to|through|thru)\s*(?:{_WEEKDAY_RE})\b", re.IGNORECASE)
# A weekday named for a sale or a holiday: "Black Friday", "Cyber Monday".
_NAMED_DAY = re.compile(rf"\b(?:{'|'.join(en_due.NAMED_DAY_WORDS)})\s+$")
# A clock time naming a thing, not a due: "the 6am flight", "your 3pm appointment".
# ("before the 6am truck leaves" is a due: the time follows a due preposition.)
_ATTRIBUTIVE = re.compile(
    r"(?<!\bbefore)(?<!\bby)(?<!\buntil)(?<!\btill)(?:^|\s)(?:the|your|ur|my|our|a|an|this|that)\s+$",
    re.IGNORECASE,
)
# A bare number that counts something, not an hour: "after 1 or 2 days".
_COUNT_AFTER = re.compile(
    r"\s*(?:or|to|-|–)\s*\d+\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|times?)\b",
    re.IGNORECASE,
)
# A span counted from an event, not from the send time: "within 3 days of the visit".
_FROM_EVENT = re.compile(
    r"^\s+(?:of|after|from)\s+(?:the|your|his|her|their|its|receipt|receiving|delivery|arrival)\b",
    re.IGNORECASE,
)
# A day word that names a thing, not a due: a possessive ("to confirm Monday's start",
# "next week's schedule") and a weekday used as a noun's modifier ("the Thursday group",
# "your Monday class"; not "the Monday after", "this Monday morning"), unless a due
# preposition comes before it ("on tomorrow's first run", "in next week's release", "at
# our Friday meeting").
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b", re.IGNORECASE)
_THING_PREPOSITION = re.compile(
    r"\b(?:by|on|in|before|until|till|for|at|from|after|with)\s+"
    r"(?:(?:the|your|ur|my|our|his|her|their)\s+)?$",
    re.IGNORECASE,
)
_MODIFIER_BEFORE = re.compile(r"\b(?:the|your|ur|my|our|his|her|their)\s+$", re.IGNORECASE)
_MODIFIED_NOUN = re.compile(
    r"^\s+(?!(?:after|before|of|morning|afternoon|evening|night|lunchtime|at|by|or|and|to|"
    r"next|this|coming|week|the|am|pm|eod|cob)\b)[a-z][a-z-]+\b"
)


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """Whether the day words text[start:end] name a thing rather than a due."""
    if _POSSESSIVE_AFTER.match(text[end:]):
        return not _THING_PREPOSITION.search(text[max(0, start - 20) : start])
    noun = _MODIFIED_NOUN.match(text[end:])
    if noun is None or not _MODIFIER_BEFORE.search(text[max(0, start - 8) : start]):
        return False
    # "look at the Thursday group's roster": the noun owns another, a thing either way
    return bool(
        _POSSESSIVE_AFTER.match(text[end + noun.end() :])
        or not _THING_PREPOSITION.search(text[max(0, start - 20) : start])
    )


# Parts of the day that put a bare hour in the afternoon or the morning.
_PM_WORDS = re.compile(r"evening|night|nite|afternoon|aft\b|arvo|pm\b", re.IGNORECASE)
_AM_WORDS = re.compile(r"morn|\bam\b", re.IGNORECASE)


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
    zone: ZoneInfo | None = None  # the clock's own zone ("9am Eastern"), else the team's
    loose_hour: bool = False  # an hour without am/pm: the day's part may move it
    relative: bool = False  # "the following Monday": after the day named before it


# Every anchor contains one of these (lower-cased); most promise clauses contain none.
_MAYBE_DUE = re.compile(
    r"\d|to(?:day|night|m)|tmr|eo[dbwm]|cob|close|end|week|month|day|hour|min|noon|midnight|"
    r"fortnight|couple|morn|afternoon|aft|arvo|evening|midday|lunch|tonite|tomo|tommo|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"mon|tue|wed|thu|fri|sat|sun|"
    r"o'?clock|the\s+\d"
)


# Hard-wrapped mail breaks due words over lines ("by the end of\nthe month"); the
# grammar reads one space between words, so line breaks count as spaces (same length,
# so offsets stay the same).
_LINE_BREAK = str.maketrans({"\n": " ", "\r": " ", "\t": " "})


def _unwrapped(text: str) -> str:
    return text.translate(_LINE_BREAK)


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
        self.raw = text  # due words are quoted as written, line breaks and all
        self.text = _unwrapped(text)
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
        if len(dues) > 1:
            # "the points from your shop on 29 May will be added within 48 hours" (sent 4
            # June): a date that only a year's roll-over puts ahead was in the past, an event
            # the sentence mentions, not the due, when another due word is there.
            soon = [d for d in dues if (calendar.local_date(d.when) - self.local.date()).days < 300]
            dues = soon or dues
        due = max(dues, key=lambda d: (calendar.local_date(d.when), d.precision == "time", d.when))
        words = self.raw[due.start : due.end]
        return Due(due.when, due.precision, words, due.start - start, due.end - start)


def _without_full_stop(due: Due) -> Due:
    """ "by 20 November." ends the sentence, not the due words ("Nov." keeps its dot)."""
    words = due.text
    if words.endswith(".") and not re.search(r"\b(?:[a-z]{3,4}|[ap]\.m)\.$", words, re.I):
        return Due(due.when, due.precision, words[:-1], due.start, due.end - 1)
    return due


def _anchors(
    text: str, local: datetime, calendar: BusinessCalendar, strict: bool = True
) -> Iterator[_Anchor | None]:
    """The due words of `text`. `strict=False` reads dates without a due preposition
    (the time of an event a later promise refers to: "moved to 2 June")."""
    sent_day = local.date()
    for m in _ANCHORS.finditer(text):
        kind = m.lastgroup
        start, end = m.span()
        if _HEDGE_BEFORE.search(text[max(0, start - 20) : start]):
            continue  # "prob tonight": a guess, not a due
        if kind in ("tomorrow", "today", "weekday", "next_week") and _names_a_thing(
            text, start, end
        ):
            continue  # "to confirm Monday's start", "the Thursday group": a thing's name
        if kind == "tomorrow":  # "(the) day after tomorrow": two days on
            yield _Anchor(start, end, day=sent_day + timedelta(days=2 if m["day_after"] else 1))
        elif kind == "morning":  # "in the morning": the next one, unless it is still night
            yield _Anchor(start, end, day=sent_day + timedelta(days=local.hour >= 6))
        elif kind == "today":
            yield _Anchor(start, end, day=sent_day)
        elif kind == "weekday":
            if _TO_BEFORE.search(text[max(0, start - 12) : start]) or _TO_AFTER.match(text[end:]):
                continue
            if _NAMED_DAY.search(text, max(0, start - 12), start):
                continue  # "the Black Friday price": a sale's name, not a due
            weekday = _WEEKDAY_NAMES[m["wd"].lower()]
            if m.group().lower().startswith("the following"):
                yield _Anchor(start, end, day=_next_weekday(sent_day, weekday), relative=True)
            else:
                yield _Anchor(start, end, day=_next_weekday(sent_day, weekday))
        elif kind == "wd_next_week":
            weekday = _WEEKDAY_NAMES[m["wdn"].lower()]
            yield _Anchor(start, end, day=_monday(sent_day) + timedelta(days=7 + weekday))
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
        elif kind == "named_month_end":
            yield _Anchor(start, end, day=_named_month_end(m, sent_day))
        elif kind in ("date_dm", "date_md", "date_iso", "nth", "nth_bare"):
            if not strict or (
                _after_preposition(text, start)
                and not _FROM_BEFORE.search(text[max(0, start - 30) : start])
            ):
                yield _Anchor(start, end, day=_explicit_date(m, kind, sent_day))
        elif kind == "times":
            hours = int(m["t_n"]) * int(m["t_h"])
            if 0 < hours <= 240:
                yield _Anchor(start, end, moment=local.astimezone(UTC) + timedelta(hours=hours))
        elif kind == "span":
            if not _FROM_EVENT.match(text[end:]):
                yield _span(m, start, end, local, calendar)
        elif kind == "the_hour":
            yield _Anchor(start, end, moment=local.astimezone(UTC) + timedelta(hours=1))
        elif kind == "in_minutes":
            minutes = timedelta(minutes=int(m["im_n"]))
            yield _Anchor(start, end, moment=local.astimezone(UTC) + minutes)
        elif kind == "range":
            yield _range_end(m, start, end)
        elif kind == "clock":
            clock = _clock(m)
            if clock is None or (
                m["h24"] is not None
                and not _after_preposition(text, start)
                and not re.search(r"\bafter\s+$", text[max(0, start - 8) : start], re.I)
            ):
                continue
            if m["ampm"] and _ATTRIBUTIVE.search(text[max(0, start - 20) : start]):
                continue
            if m["bare"] is not None and _COUNT_AFTER.match(text, end):
                continue  # "after 1 or 2 days", "by 3 or 4 weeks": a count, not an hour
            zone = _ZONES.get(re.sub(r"\s+", " ", m["zone"].strip().lower())) if m["zone"] else None
            if zone is None and m["zone"]:  # "8pm Dubai time": the zone words end in "time"
                name = re.sub(r"\s+time$", "", re.sub(r"\s+", " ", m["zone"].strip().lower()))
                zone = _ZONES.get(name)
            # (a 24-hour clock before noon says no am or pm either: "tonight around 11:30")
            loose = (
                m["bare"] is not None
                or m["oclock"] is not None
                or (m["h24"] is not None and (len(m["h24"]) == 1 or 0 < int(m["h24"]) < 12))
            )
            yield _Anchor(
                start,
                end,
                clock=clock,
                zone=ZoneInfo(zone) if zone else None,
                loose_hour=loose,
            )


def _range_end(m: re.Match[str], start: int, end: int) -> _Anchor | None:
    """The end of a range of clock times ("between 8 and 12", "2-5pm")."""
    first, last = (m["r1"], m["r2"]) if m["r1"] is not None else (m["r1b"], m["r2b"])
    marked = re.compile(r"[ap]\.?m|[:.h]|noon|midday", re.IGNORECASE)
    if (
        m["r_lead"]
        and m["r_lead"].lower() == "from"
        and not (marked.search(first) or marked.search(last))
    ):
        return None  # "from 1 to 10": a scale, not a time
    clock = _clock_word(last)
    if clock is None:
        return None
    loose = not re.search(r"[ap]\.?m|noon|midday", last, re.IGNORECASE)
    return _Anchor(start, end, clock=clock, loose_hour=loose)


def _clock_word(word: str) -> time | None:
    """One clock word of a range: "10am", "12:00", "8h", "4" (office hours), "noon"."""
    word = word.strip().lower()
    if word in ("noon", "midday"):
        return time(12, 0)
    parts = re.match(r"(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?m\.?|h)?$", word)
    if parts is None:
        return None
    hour, minute = int(parts[1]), int(parts[2] or 0)
    if minute > 59:
        return None
    if parts[3]:
        if not 1 <= hour <= 12:
            return None
        return time(hour % 12 + (12 if parts[3] == "p" else 0), minute)
    if hour > 23:
        return None
    if hour < 8 and not word.startswith("0"):  # office hours: "between 12 and 4"
        hour += 12
    return time(hour, minute)


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
    days = [_after_earlier(a, days) if a.relative else a for a in days]
    dues: list[Due] = []
    joined: set[int] = set()
    for anchor in anchors:
        if anchor.clock is None:
            continue
        partner = _adjacent_day(text, anchor, days) or _day_before(text, anchor, days)
        if partner is not None:
            joined.add(id(partner))
            assert partner.day is not None
            start, end = min(anchor.start, partner.start), max(anchor.end, partner.end)
            clock = anchor.clock
            if _adjacent_day(text, anchor, [partner]) is not None:
                clock = _in_part_of_day(anchor, text[partner.start : partner.end])
            when = _at(calendar, partner.day, clock, anchor.zone)
        else:
            start, end = anchor.start, anchor.end
            day = local.astimezone(anchor.zone).date() if anchor.zone else local.date()
            when = _at(calendar, day, anchor.clock, anchor.zone)
            if when <= local:  # "by 5pm" written after 5pm means tomorrow's 5pm
                when = _at(calendar, day + timedelta(days=1), anchor.clock, anchor.zone)
        dues.append(Due(when, "time", text[start:end], start, end))
    for anchor in days:
        if id(anchor) not in joined:
            dues.append(_date_due(text, anchor, local, calendar))
    for anchor in anchors:
        if anchor.moment is not None:
            words = text[anchor.start : anchor.end]
            dues.append(Due(anchor.moment, "time", words, anchor.start, anchor.end))
    return dues


def _at(calendar: BusinessCalendar, day: date, clock: time, zone: ZoneInfo | None) -> datetime:
    if zone is None:
        return calendar.at(day, clock)
    return datetime.combine(day, clock, tzinfo=zone)


def _in_part_of_day(clock: _Anchor, day_words: str) -> time:
    """ "this evening before 9" is 21:00; "in the morning at 7" stays 07:00."""
    assert clock.clock is not None
    hour = clock.clock.hour
    if clock.loose_hour and _PM_WORDS.search(day_words) and hour < 12:
        return clock.clock.replace(hour=hour + 12)
    if clock.loose_hour and _AM_WORDS.search(day_words) and 12 < hour < 20:
        return clock.clock.replace(hour=hour - 12)
    return clock.clock


def _after_earlier(anchor: _Anchor, days: list[_Anchor]) -> _Anchor:
    """ "by July 14, and I'll call you the following Monday": the Monday after July 14."""
    earlier = [d for d in days if d.end <= anchor.start and not d.relative]
    if not earlier or anchor.day is None or earlier[-1].day is None:
        return anchor
    day = _next_weekday(earlier[-1].day, anchor.day.weekday())
    return _Anchor(anchor.start, anchor.end, day=day)


def _adjacent_day(text: str, clock: _Anchor, days: list[_Anchor]) -> _Anchor | None:
    for day in days:
        gap = text[day.end : clock.start] if day.end <= clock.start else text[clock.end : day.start]
        if len(gap) <= 20 and _JOIN_GAP.match(gap):
            return day
    return None


def _day_before(text: str, clock: _Anchor, days: list[_Anchor]) -> _Anchor | None:
    """A clock later in the same clause as one day: "first thing tomorrow and DM you an
    update by midday", "fri instead, around 10"."""
    before = [d for d in days if d.end <= clock.start and clock.start - d.end <= 80]
    if len(before) != 1 or any(d.start >= clock.end for d in days):
        return None
    if re.search(r"[.;!?]", text[before[0].end : clock.start]):
        return None
    return before[0]


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
    amount = number(m["n3"] or m["n2"] or m["n"])
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
    delta = timedelta(seconds=amount * UNIT_SECONDS[unit])
    if business:
        moment = calendar.add(local, Duration(delta, True, m.group()))
    else:
        moment = local.astimezone(UTC) + delta  # elapsed time: add in UTC
    return _Anchor(start, end, moment=moment)


def number(token: str | None) -> float | None:
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
        hour = int(m["h24"])
        if len(m["h24"]) == 1 and hour < 8:  # "at 4:30": office hours, as for "at 4"
            hour += 12
        return time(hour, int(m["m24"]))
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
    if kind == "nth_bare":
        return _next_day_of_month(sent_day, int(m["nb_day"]))
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


def _named_month_end(m: re.Match[str], sent_day: date) -> date:
    """ "the end of January": that month's last date, this year's unless it has passed."""
    month = _MONTHS[m["me_month"].lower()]
    if m["me_year"]:
        return _month_end(int(m["me_year"]), month)
    year = sent_day.year + (month < sent_day.month)
    return _month_end(year, month)


def _month_end(year: int, month: int) -> date:
    return date(year, month, monthcal.monthrange(year, month)[1])


def dues_of_context(text: str, sent_at: datetime, calendar: BusinessCalendar) -> Due | None:
    """The latest due stated in a sentence that a promise refers back to, dates read
    without a due preposition ("the delivery has been moved to 2 June")."""
    local = sent_at.astimezone(calendar.timezone)
    if not _MAYBE_DUE.search(text.lower()):
        return None
    text = _unwrapped(text)
    anchors = [a for a in _anchors(text, local, calendar, strict=False) if a is not None]
    fallback = list(_fallback_anchors(text, local, calendar))
    if fallback:
        anchors = [
            a for a in anchors if not any(f.start <= a.start and a.end <= f.end for f in fallback)
        ] + fallback
    if not anchors:
        return None
    dues = _combine(text, anchors, local, calendar)
    return max(dues, key=lambda d: (calendar.local_date(d.when), d.precision == "time", d.when))
