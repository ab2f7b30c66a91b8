"""A promise's due when its own words state none.

A consequence after them ("I'll send a replacement - it'll arrive Monday"), or a time
stated earlier that they refer to ("the day before", "then", "30 minutes before"); an
event of unknown time ("once it's out") or "as soon as possible" gives none. The due
words themselves are read by the grammar in due.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

from tracker.calendar import BusinessCalendar
from tracker.extraction.due import NUMBER_RE, UNIT_SECONDS, Due, dues_of_context, number

# Words that refer a promise to a time the message states elsewhere: "I'll call you
# then", "the day before", "30 minutes before arrival", "the same day", "afterwards".
# "When it's out", "once it's done" wait for an event of unknown time: no due (spec).
_EVENT = re.compile(
    rf"""\b(?:
      (?P<day_before>(?:the|one|1|a)\s+day\s+before|the\s+(?:evening|night)\s+before)
    | (?P<before>(?P<bn>\d+|{NUMBER_RE})\s*(?P<bu>minutes?|mins?|hours?|hrs?)\s+before)
    | (?P<same>afterwards|after\s+(?:that|the\s+[a-z]+)
        |then(?=\s*(?:[.,;!?]|$|on\b|at\b|too\b))
        |(?:on\s+)?the\s+same\s+day|same\s+day|on\s+the\s+day
        |at\s+the\s+same\s+time|(?:before|b4)\s+(?:arrival|arriving|(?:he|she|they)\s+arrives?|then)
        |until\s+then|by\s+then|that\s+(?:morning|afternoon|evening|day|night))
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# An event of unknown time in the promise's own clause ("once it's back with us", "the
# same day they arrive"): only a time stated in the same sentence can date it.
_AWAITS_EVENT = re.compile(
    r"\b(?:once|when|as\s+soon\s+as|same\s+day\s+(?:it|they|he|she|we)|the\s+day\s+(?:it|they|he|she|we))\b",
    re.IGNORECASE,
)


# ... of which these take the time of an event stated before them in the sentence ("it
# ships tomorrow and I'll send the POD once it's signed for"); "as soon as" does not: it
# promises speed after an event of unknown time ("as soon as InPost sends it").
_AWAITS_STATED_EVENT = re.compile(
    r"\b(?:once|when|the\s+day\s+(?:it|they|he|she|we))\b", re.IGNORECASE
)


def awaits_event(words: str) -> bool:
    """Whether the promise's own words wait for an event ("once it's back with us")."""
    return bool(_AWAITS_EVENT.search(words))


# Words that say the promise has no stated time ("as soon as possible"): no other
# clause lends it one.
_VAGUE = re.compile(
    r"\b(?:as\s+soon\s+as\s+(?:possible|we\s+can|I\s+can)|asap|soon(?!\s+as\b)|shortly|in\s+due\s+course)\b",
    re.IGNORECASE,
)


# An estimate, not a commitment: "which should be within the next couple of days",
# "they usually turn these around in a couple of hours".
_ESTIMATE = re.compile(
    r"\b(?:should|usually|normally|typically|generally|may|might|could|probably|expect(?:ed)?)\b",
    re.IGNORECASE,
)


def is_estimate(words: str) -> bool:
    """Whether `words` (a clause after the promise) only estimate when something happens."""
    return bool(_ESTIMATE.search(words))


def is_vague(words: str) -> bool:
    """Whether `words` say the promise is due at no stated time ("as soon as possible")."""
    return bool(_VAGUE.search(words))


def event_reference(words: str) -> re.Match[str] | None:
    """Where `words` tie a promise to the time of an event stated elsewhere."""
    return _EVENT.search(words)


def at_event(event: Due, reference: re.Match[str], calendar: BusinessCalendar) -> Due:
    """The due of a promise made relative to `event` ("the day before", "30 min before")."""
    start, end = reference.span()
    words = reference.group()
    if reference["day_before"]:
        day = calendar.local_date(event.when) - timedelta(days=1)
        return Due(calendar.end_of_day(day), "date", words, start, end)
    if reference["before"] and event.precision == "time":
        amount = number(reference["bn"]) or 0
        seconds = amount * UNIT_SECONDS[reference["bu"].lower()[0]]
        return Due(event.when - timedelta(seconds=seconds), "time", words, start, end)
    if reference["before"] or re.search(r"same\s+day|the\s+day|that\s+", words, re.I):
        day = calendar.local_date(event.when)
        return Due(calendar.end_of_day(day), "date", words, start, end)
    return Due(event.when, event.precision, words, start, end)


# Words that name a day or count from now: a clock time without them takes the day the
# sentence named first.
_DAY_WORDS = re.compile(
    r"\b(?:to(?:day|night|morrow)|tmrw|tomo|mon|tue|wed|thu|fri|sat|sun|week|month|day|\d{1,2}(?:st|nd|rd|th)"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|hour|hr|min)",
    re.IGNORECASE,
)
# Between a time and the subject it opens the clause for: a comma, "then".
_FRONTED_GAP = re.compile(r"[\s,]*(?:then[\s,]+)?")
# … and the time opens its clause (not "I rang the depot on Monday, I'll ring again").
_OPENS_CLAUSE = re.compile(
    r"(?:^|[,;:]\s*|\b(?:and|so|then|but)\s+)(?:(?:on|by|at|from|this|next|first\s+thing)\s+)?$",
    re.IGNORECASE,
)


def _on_day_stated_before(due: Due, earlier: Due | None, calendar: BusinessCalendar) -> Due:
    """ "I've booked you in for Thursday the 17th, and our tech will arrive between 8 and
    10 am": a clock time alone in the promise, on the later day named before it."""
    if earlier is None or due.precision != "time" or _DAY_WORDS.search(due.text):
        return due
    day = calendar.local_date(earlier.when)
    if earlier.precision != "date" or day <= calendar.local_date(due.when):
        return due
    clock = due.when.astimezone(calendar.timezone).time().replace(tzinfo=None)
    return Due(calendar.at(day, clock), "time", due.text, due.start, due.end)


def fronted_due(
    sentence: str, start: int, due_between: Callable[[int, int], Due | None]
) -> Due | None:
    """A time said right before the clause's subject, as the clause's own time: "Tomorrow
    I'll call you", "At 8pm tonight we'll restart it", "as agreed, tonight at 23:00 we'll
    migrate your domain" (offsets from the sentence's start)."""
    if not start:
        return None
    fronted = due_between(0, start)
    if (
        fronted is not None
        and _FRONTED_GAP.fullmatch(sentence, fronted.end, start)
        and _OPENS_CLAUSE.search(sentence[: fronted.start])
    ):
        return fronted
    return None


def promise_due(
    sentence: str,
    start: int,
    scope_end: int,
    due_between: Callable[[int, int], Due | None],
    context: tuple[str, str],
    sent_at: datetime,
    calendar: BusinessCalendar,
) -> Due | None:
    """The due of the promise whose words are sentence[start:scope_end], offsets from `start`.

    Its own words first. Failing those, and unless they say "as soon as possible": a
    consequence after them ("I'll send a replacement - it'll arrive Monday"); then the
    time they refer to, stated earlier in the sentence or in the two sentences before
    ("You're booked for Friday at 10. I'll text you the day before"; "Kindly allow us
    48 hours, we will revert back to you"); an event of unknown time ("once it's out")
    takes a time only from earlier in its own sentence.
    """
    due = due_between(start, scope_end)
    if due is not None:
        return _on_day_stated_before(due, due_between(0, start) if start else None, calendar)
    own = sentence[start:scope_end]
    if is_vague(own):
        return None
    fronted = fronted_due(sentence, start, due_between)
    if fronted is not None:
        return Due(fronted.when, fronted.precision, fronted.text, fronted.start - start,
                   fronted.end - start)  # fmt: skip
    if scope_end < len(sentence) and not is_estimate(sentence[scope_end:]):
        after = due_between(scope_end, len(sentence))
        if after is not None:
            shift = scope_end - start
            return Due(after.when, after.precision, after.text, after.start + shift,
                       after.end + shift)  # fmt: skip
    reference = event_reference(own)
    earlier = due_between(0, start)
    asked_to_allow = earlier is not None and re.match(r"(?:allow|give)\b", earlier.text, re.I)
    if earlier is not None and reference is None and asked_to_allow:
        return Due(earlier.when, earlier.precision, earlier.text, earlier.start - start,
                   earlier.end - start)  # fmt: skip
    if reference is None and _AWAITS_STATED_EVENT.search(own) and not is_estimate(own):
        # "It goes out on tomorrow's first run and I'll send you the POD once it's signed
        # for": the event's time is stated before the promise, in the same sentence
        earlier = dues_of_context(sentence[:start], sent_at, calendar)
        if earlier is None:
            return None
        return Due(earlier.when, earlier.precision, earlier.text, earlier.start - start,
                   earlier.end - start)  # fmt: skip
    if reference is None:
        return None
    earlier_text: tuple[str, ...] = (sentence[:start],)
    if not awaits_event(sentence[:scope_end]):
        earlier_text += (context[1], context[0])  # the sentence before, then the one before it
    for before in earlier_text:
        earlier = dues_of_context(before, sent_at, calendar) if before else None
        if earlier is not None:
            break
    if earlier is None:
        return None
    return at_event(earlier, reference, calendar)
