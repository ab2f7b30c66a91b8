"""Explicit dates our grammar does not read go to dateparser, one short span at a time."""

from __future__ import annotations

from datetime import datetime

import dateparser
import pytest

from tests.helpers.extraction import due_as_written, promises_in
from tracker.extraction import explicit_dates

MONDAY = "2026-11-23T10:00:00+00:00"

CASES = [
    # (text, zone, due as the corpus writes it)
    ("I'll call you by 03/12.", "Europe/London", "2026-12-03"),
    ("I'll call you by 03/12.", "America/New_York", "2027-03-12"),
    ("We'll refund you before 3.12.2026.", "Europe/Berlin", "2026-12-03"),
    ("I'll ship it by 3-Dec-26.", "Europe/London", "2026-12-03"),
    ("I'll send the contract by 03-12-26.", "Europe/London", "2026-12-03"),
    ("I'll update you on Dec 3rd '26.", "America/Chicago", "2026-12-03"),
    ("We'll have it fixed by the 30th of next month.", "Europe/London", "2026-12-30"),
    ("I'll send the figures on 2026/12/03.", "Asia/Tokyo", "2026-12-03"),
    # on or after the send date: today's date is today, not next year
    ("I'll call you on 23/11.", "Europe/London", "2026-11-23"),
    # a clock with the date makes it time-level
    ("I'll call you at 15h30 on 3/12.", "Europe/Paris", "2026-12-03T15:30"),
    ("I'll call you on 3/12 at 9:15am.", "Europe/London", "2026-12-03T09:15"),
    # a zone in the words is converted into the team's zone
    ("I'll call you at 3pm EST on 3/12.", "Europe/London", "2026-12-03T20:00"),
]


@pytest.mark.parametrize(("text", "zone", "due"), CASES)
def test_it_reads_explicit_dates_the_grammar_does_not(text: str, zone: str, due: str) -> None:
    (promise,) = promises_in(text, MONDAY, zone)
    assert due_as_written(promise, zone) == due


def test_grammar_dates_still_win_where_the_grammar_reads_them() -> None:
    (promise,) = promises_in("I'll call you at 10.30 tomorrow.", MONDAY)
    assert due_as_written(promise, "Europe/London") == "2026-11-24T10:30"


@pytest.mark.parametrize(
    "text",
    [
        "We'll be with you on iOS 17.2 soon.",  # a version is not a date
        "We're here 24/7 and I'll call you soon.",  # no due preposition
        "Your ref 12/34 is logged and I'll call you soon.",
    ],
)
def test_numbers_that_are_not_dates_leave_the_default_due(text: str) -> None:
    (promise,) = promises_in(text, MONDAY)
    assert promise.due_is_default


def test_dateparser_only_ever_sees_the_short_span(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_parse = dateparser.parse

    def recording_parse(text: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(text)
        return real_parse(text, *args, **kwargs)

    monkeypatch.setattr(dateparser, "parse", recording_parse)
    explicit_dates._parse.cache_clear()
    message = (
        "Hi Tom,\n\nThanks for the photos, they show the damage clearly. I'll send the "
        "replacement by 04/12, and our courier partner will text you on the day.\n\nBest,\nAmy"
    )
    (promise,) = promises_in(message, MONDAY)
    assert seen == ["04/12"]
    assert due_as_written(promise, "Europe/London") == "2026-12-04"


def test_dateparser_is_not_called_for_messages_the_grammar_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("dateparser was called")

    monkeypatch.setattr(dateparser, "parse", fail)
    explicit_dates._parse.cache_clear()
    texts = [
        "I'll call you back tomorrow at 3pm.",
        "We'll ship it on 3 December.",
        "I'll update you on Tuesday 1st December at 15:30.",
        "Your order 4471-22 ships soon and I'll update you by Friday.",
    ]
    for text in texts:
        assert promises_in(text, MONDAY)


def test_resolve_pins_the_future_and_the_zones_day_order() -> None:
    sent = datetime(2026, 11, 23, 10, 0)
    assert explicit_dates.resolve("5/1", sent, "Europe/London") == (
        datetime(2027, 1, 5).date(),
        None,
    )
    assert explicit_dates.resolve("5/1", sent, "America/Denver") == (
        datetime(2027, 5, 1).date(),
        None,
    )
    assert explicit_dates.resolve("31/02", sent, "Europe/London") is None
