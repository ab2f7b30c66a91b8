"""Every row of the spec's due table, resolved in the team's zone from the send time."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.helpers.extraction import WEDNESDAY, due_as_written, promises_in

LONDON = "Europe/London"
NEW_YORK = "America/New_York"

# (promise, sent at, zone, due as the corpus writes it)
ROWS = [
    # today, later today, this afternoon, tonight, EOD, end of (the) day, COB
    ("I'll send it today.", WEDNESDAY, LONDON, "2026-11-18"),
    ("I'll send it later today.", WEDNESDAY, LONDON, "2026-11-18"),
    ("I'll call you this afternoon.", "2026-11-18T09:00:00+00:00", LONDON, "2026-11-18"),
    ("I'll fix it tonight.", WEDNESDAY, LONDON, "2026-11-18"),
    ("I'll update you by EOD.", WEDNESDAY, LONDON, "2026-11-18"),
    ("I'll update you by end of day.", WEDNESDAY, LONDON, "2026-11-18"),
    ("I'll update you by the end of the day.", WEDNESDAY, LONDON, "2026-11-18"),
    ("I'll email the contract before close of business.", WEDNESDAY, LONDON, "2026-11-18"),
    ("I'll send the voucher before COB.", WEDNESDAY, LONDON, "2026-11-18"),
    (
        "I'll check with the warehouse this morning.",
        "2026-11-18T08:30:00+00:00",
        LONDON,
        "2026-11-18",
    ),
    # tomorrow, tomorrow morning, first thing tomorrow
    ("I'll call you tomorrow.", WEDNESDAY, LONDON, "2026-11-19"),
    ("I'll call you tomorrow morning.", WEDNESDAY, LONDON, "2026-11-19"),
    ("I'll unlock it first thing tomorrow.", WEDNESDAY, LONDON, "2026-11-19"),
    ("I'll ring you by close of business tomorrow.", WEDNESDAY, LONDON, "2026-11-19"),
    # weekdays: the next such day strictly after the send date
    ("I'll call you on Friday.", WEDNESDAY, LONDON, "2026-11-20"),
    ("I'll call you by Monday.", WEDNESDAY, LONDON, "2026-11-23"),
    ("I'll call you before Thursday.", WEDNESDAY, LONDON, "2026-11-19"),
    ("I'll call you this Friday.", WEDNESDAY, LONDON, "2026-11-20"),
    ("I'll call you next Tuesday.", "2026-11-16T10:00:00+00:00", LONDON, "2026-11-17"),
    ("I'll call you on Wednesday.", WEDNESDAY, LONDON, "2026-11-25"),
    (
        "I'll chase the courier first thing Monday.",
        "2026-11-21T10:00:00+00:00",
        LONDON,
        "2026-11-23",
    ),
    ("I'll update you on Sunday.", WEDNESDAY, LONDON, "2026-11-22"),
    # next week, during next week: Friday of next week
    ("I'll update you next week.", WEDNESDAY, LONDON, "2026-11-27"),
    ("I'll update you during next week.", WEDNESDAY, LONDON, "2026-11-27"),
    ("I'll follow up next week.", "2026-11-21T10:00:00+00:00", LONDON, "2026-11-27"),
    ("I'll follow up next week.", "2026-12-30T10:00:00+00:00", LONDON, "2027-01-08"),
    # this week, end of the week, EOW: Friday of this week
    ("I'll ship it this week.", WEDNESDAY, LONDON, "2026-11-20"),
    ("I'll refund it by the end of the week.", WEDNESDAY, LONDON, "2026-11-20"),
    ("We'll ship the missing item by EOW.", WEDNESDAY, LONDON, "2026-11-20"),
    (
        "We'll have a fix deployed by the end of the week.",
        "2026-11-20T15:00:00+00:00",
        LONDON,
        "2026-11-20",
    ),
    # end of the month
    ("I'll send the cheque by end of the month.", WEDNESDAY, LONDON, "2026-11-30"),
    (
        "I'll send the cheque by the end of the month.",
        "2026-12-30T10:00:00+00:00",
        LONDON,
        "2026-12-31",
    ),
    (
        "I'll send the cheque by the end of the month.",
        "2027-02-10T10:00:00+00:00",
        LONDON,
        "2027-02-28",
    ),
    (
        "I'll send the cheque by the end of the month.",
        "2028-02-10T10:00:00+00:00",
        LONDON,
        "2028-02-29",
    ),
    # within / in N hours or minutes: time-level
    ("I'll call you in 30 minutes.", WEDNESDAY, LONDON, "2026-11-18T14:30"),
    ("I'll call you back in 45 minutes.", WEDNESDAY, LONDON, "2026-11-18T14:45"),
    ("I'll get back to you within 2 hours.", WEDNESDAY, LONDON, "2026-11-18T16:00"),
    ("I'll give you a call in an hour.", WEDNESDAY, LONDON, "2026-11-18T15:00"),
    ("I'll email you the estimate within 48 hours.", WEDNESDAY, LONDON, "2026-11-20T14:00"),
    (
        "We'll have your connection restored within 24 hours.",
        "2026-11-18T23:30:00+00:00",
        LONDON,
        "2026-11-19T23:30",
    ),
    # in N days, within N days: calendar days
    ("I'll send the form within 2 days.", WEDNESDAY, LONDON, "2026-11-20"),
    ("We'll have the charges reversed within 10 days.", WEDNESDAY, LONDON, "2026-11-28"),
    ("You'll hear from me within 5 days.", "2026-12-29T10:00:00+00:00", LONDON, "2027-01-03"),
    # in N business / working days: the Nth working day after the send date
    ("I'll send the refund in 2 working days.", WEDNESDAY, LONDON, "2026-11-20"),
    ("I'll call you within 2 working days.", "2026-11-19T15:00:00+00:00", LONDON, "2026-11-23"),
    (
        "We'll replace the router within 3 business days.",
        "2026-11-20T10:00:00+00:00",
        LONDON,
        "2026-11-25",
    ),
    # explicit dates: the next occurrence on or after the send date
    ("I'll send the statement by 30 November.", WEDNESDAY, LONDON, "2026-11-30"),
    ("I'll send the certificate by Dec 3rd.", WEDNESDAY, LONDON, "2026-12-03"),
    ("I'll send the certificate on December 3.", WEDNESDAY, LONDON, "2026-12-03"),
    ("I'll send the certificate on the 3rd.", WEDNESDAY, LONDON, "2026-12-03"),
    ("I'll send the certificate by the 30th.", WEDNESDAY, LONDON, "2026-11-30"),
    ("I'll ring you on 4 January.", "2026-12-29T16:20:00+00:00", LONDON, "2027-01-04"),
    ("I'll call you on the 2nd.", "2026-12-30T10:00:00+00:00", LONDON, "2027-01-02"),
    ("I'll post it on the 31st.", "2026-11-05T10:00:00+00:00", LONDON, "2026-12-31"),
    ("I'll send it by Dec 3rd.", "2026-12-04T10:00:00+00:00", LONDON, "2027-12-03"),
    ("I'll send it by 18 November.", WEDNESDAY, LONDON, "2026-11-18"),
    (
        "I'll issue the tickets by Tuesday 12 January.",
        "2027-01-10T12:00:00+00:00",
        LONDON,
        "2027-01-12",
    ),
    ("I'll have it emailed by Thursday, November 19.", WEDNESDAY, LONDON, "2026-11-19"),
    (
        "We'll correct it before your next payment on the 28th.",
        "2027-01-15T15:40:00+00:00",
        LONDON,
        "2027-01-28",
    ),
    # explicit times: time-level
    ("We'll have power restored by 6pm today.", WEDNESDAY, LONDON, "2026-11-18T18:00"),
    ("I'll call you at 3pm tomorrow.", WEDNESDAY, LONDON, "2026-11-19T15:00"),
    ("I'll call you tomorrow at 9am.", WEDNESDAY, LONDON, "2026-11-19T09:00"),
    ("I'll update you by 10:30 on Monday.", WEDNESDAY, LONDON, "2026-11-23T10:30"),
    ("I'll call you Monday at 9:30am with the numbers.", WEDNESDAY, LONDON, "2026-11-23T09:30"),
    ("I'll email the code by 12:00 tomorrow.", WEDNESDAY, LONDON, "2026-11-19T12:00"),
    ("I'll email you the label by 5pm.", WEDNESDAY, LONDON, "2026-11-18T17:00"),
    ("I'll email you the label by 5pm.", "2026-11-18T18:00:00+00:00", LONDON, "2026-11-19T17:00"),
    ("I'll call you at noon tomorrow.", WEDNESDAY, LONDON, "2026-11-19T12:00"),
    ("I will call you tomorrow at 11:30 am.", WEDNESDAY, LONDON, "2026-11-19T11:30"),
    ("I'll call you at 3 o'clock.", WEDNESDAY, LONDON, "2026-11-18T15:00"),
    ("I'll call you at 5 p.m. tomorrow.", WEDNESDAY, LONDON, "2026-11-19T17:00"),
    ("I'll update you in the next hour.", WEDNESDAY, LONDON, "2026-11-18T15:00"),
    ("We'll have the engineer out within a fortnight.", WEDNESDAY, LONDON, "2026-12-02"),
    ("I'll send the documents over the next 2 days.", WEDNESDAY, LONDON, "2026-11-20"),
    ("We will process your refund within 5-7 business days.", WEDNESDAY, LONDON, "2026-11-27"),
    ("I'll reply in 24-48 hours.", WEDNESDAY, LONDON, "2026-11-20T14:00"),
    ("I'll call you on Monday the 23rd.", WEDNESDAY, LONDON, "2026-11-23"),
    ("I'll send it on the 5th of December.", WEDNESDAY, LONDON, "2026-12-05"),
    ("I'll call you today or tomorrow.", WEDNESDAY, LONDON, "2026-11-19"),
    ("I'll call you in a couple of hours.", WEDNESDAY, LONDON, "2026-11-18T16:00"),
    ("I'll sort this out over the weekend.", WEDNESDAY, LONDON, "2026-11-22"),
    ("I'll call you after the weekend.", WEDNESDAY, LONDON, "2026-11-23"),
    ("I'll chase it by the end of tomorrow.", WEDNESDAY, LONDON, "2026-11-19"),
    ("I'll call you tomorrow by 5pm.", WEDNESDAY, LONDON, "2026-11-19T17:00"),
    ("I'll send it before 10am on Friday.", WEDNESDAY, LONDON, "2026-11-20T10:00"),
    ("I'll refund it within a working day.", "2026-11-20T10:00:00+00:00", LONDON, "2026-11-23"),
    # the latest of several stated times
    (
        "I'll check with despatch today and call you back on Friday.",
        WEDNESDAY,
        LONDON,
        "2026-11-20",
    ),
    (
        "I'll chase it today and update you tomorrow at 10am.",
        WEDNESDAY,
        LONDON,
        "2026-11-19T10:00",
    ),
    # vague or absent: the default policy applies
    ("I'll get back to you soon.", WEDNESDAY, LONDON, None),
    ("I'll give you a call shortly.", WEDNESDAY, LONDON, None),
    ("I'll send a replacement ASAP.", WEDNESDAY, LONDON, None),
    ("I'll get it unlocked in a bit.", WEDNESDAY, LONDON, None),
    ("I'll get that credited in a few days.", WEDNESDAY, LONDON, None),
    ("I'll be in touch in due course.", WEDNESDAY, LONDON, None),
    ("I'll keep you posted.", WEDNESDAY, LONDON, None),
    ("I'll send it as soon as possible.", WEDNESDAY, LONDON, None),
    ("I'll credit it in the next few days.", WEDNESDAY, LONDON, None),
    (
        "I'm chasing the airline about your 4 December flight - I'll update you this afternoon.",
        "2026-11-18T09:00:00+00:00",
        LONDON,
        "2026-11-18",
    ),
]


@pytest.mark.parametrize(("sentence", "sent_at", "zone", "due"), ROWS)
def test_it_reads_the_due_time_the_spec_gives(
    sentence: str, sent_at: str, zone: str, due: str | None
) -> None:
    (found,) = promises_in(sentence, sent_at, zone)
    assert due_as_written(found, zone) == due


# Around the clock changes: wall-clock words keep their wall-clock meaning, elapsed
# time stays elapsed time.
DST_ROWS = [
    # London springs forward on Sunday 28 March 2027 at 01:00 UTC.
    ("I'll call you tomorrow at 9am.", "2027-03-27T15:00:00+00:00", LONDON, "2027-03-28T09:00"),
    ("I'll call you in 2 hours.", "2027-03-28T00:30:00+00:00", LONDON, "2027-03-28T03:30"),
    ("I'll update you tomorrow.", "2027-03-27T15:00:00+00:00", LONDON, "2027-03-28"),
    # London falls back on Sunday 25 October 2026.
    ("I'll email you within 24 hours.", "2026-10-24T09:00:00+00:00", LONDON, "2026-10-25T09:00"),
    ("I'll call you on Monday at 10am.", "2026-10-23T09:00:00+00:00", LONDON, "2026-10-26T10:00"),
    # New York falls back on Sunday 1 November 2026 and springs forward on 14 March 2027.
    ("I'll call you tomorrow at 9am.", "2026-10-31T19:00:00+00:00", NEW_YORK, "2026-11-01T09:00"),
    ("I'll call you in 3 hours.", "2026-11-01T04:30:00+00:00", NEW_YORK, "2026-11-01T02:30"),
    ("I'll update you on Monday.", "2026-10-30T20:00:00+00:00", NEW_YORK, "2026-11-02"),
    ("I'll call you at 9am tomorrow.", "2027-03-13T20:00:00+00:00", NEW_YORK, "2027-03-14T09:00"),
    (
        "I'll call you at 2:30am tomorrow.",
        "2027-03-13T20:00:00+00:00",
        NEW_YORK,
        "2027-03-14T03:30",
    ),  # 02:30 does not exist that night
    ("I'll get back to you next week.", "2026-03-27T16:00:00+00:00", LONDON, "2026-04-03"),
]


@pytest.mark.parametrize(("sentence", "sent_at", "zone", "due"), DST_ROWS)
def test_due_times_survive_clock_changes(sentence: str, sent_at: str, zone: str, due: str) -> None:
    (found,) = promises_in(sentence, sent_at, zone)
    assert due_as_written(found, zone) == due


def test_elapsed_hours_across_the_autumn_change_are_real_hours() -> None:
    sent = "2026-10-24T09:00:00+00:00"
    (found,) = promises_in("I'll email you within 24 hours.", sent, LONDON)
    assert found.due - datetime.fromisoformat(sent) == timedelta(hours=24)


def test_the_send_date_is_local_not_utc() -> None:
    # 23:30 in New York on Sunday is already Monday in UTC: "tomorrow" is Monday.
    (found,) = promises_in("I'll call you tomorrow.", "2027-01-18T04:30:00+00:00", NEW_YORK)
    assert due_as_written(found, NEW_YORK) == "2027-01-18"


@pytest.mark.parametrize(
    ("sentence", "sent_at", "due"),
    [
        # Christmas Friday, Boxing Day substitute Monday 28th, New Year Friday 1 January.
        ("I'll call you within 2 working days.", "2026-12-24T10:00:00+00:00", "2026-12-30"),
        ("I'll send it in 3 business days.", "2026-12-30T10:00:00+00:00", "2027-01-05"),
        ("I'll send it in 1 business day.", "2026-12-24T10:00:00+00:00", "2026-12-29"),
    ],
)
def test_business_days_skip_weekends_and_public_holidays(
    sentence: str, sent_at: str, due: str
) -> None:
    (found,) = promises_in(sentence, sent_at, LONDON, holidays="GB")
    assert due_as_written(found, LONDON) == due


def test_without_a_holiday_calendar_christmas_is_a_working_day() -> None:
    (found,) = promises_in("I'll call you within 2 working days.", "2026-12-24T10:00:00+00:00")
    assert due_as_written(found, LONDON) == "2026-12-28"


def test_a_default_due_is_one_business_day_later_at_the_same_clock_time() -> None:
    (found,) = promises_in("I'll keep you posted.", "2026-11-20T15:00:00+00:00")
    assert found.due_is_default and found.precision == "default" and found.due_text is None
    assert found.due.astimezone(ZoneInfo(LONDON)).isoformat() == "2026-11-23T15:00:00+00:00"


def test_a_default_due_skips_the_christmas_holidays() -> None:
    (found,) = promises_in("I'll keep you posted.", "2026-12-24T15:00:00+00:00", holidays="GB")
    assert found.due.astimezone(ZoneInfo(LONDON)).isoformat() == "2026-12-29T15:00:00+00:00"


def test_a_date_level_due_is_the_end_of_that_working_day() -> None:
    (found,) = promises_in("I'll send it on Friday.")
    assert found.precision == "date"
    assert found.due.isoformat() == "2026-11-20T17:00:00+00:00"


def test_tonight_after_hours_is_due_by_the_end_of_that_date_not_before_it_was_said() -> None:
    sent = "2027-01-21T23:30:00+00:00"  # 18:30 in New York
    (found,) = promises_in("We'll have the login issue fixed tonight.", sent, NEW_YORK)
    assert due_as_written(found, NEW_YORK) == "2027-01-21"
    assert found.due > datetime.fromisoformat(sent)


def test_dues_are_returned_in_utc() -> None:
    (found,) = promises_in("I'll call you at 3pm tomorrow.", WEDNESDAY, "Australia/Sydney")
    assert found.due.utcoffset() == timedelta(0)


def test_the_due_text_is_the_words_that_set_it() -> None:
    (found,) = promises_in("I'll call you back at 2:30pm today to go through it.")
    assert found.due_text == "2:30pm today"


def test_a_date_in_the_sentence_that_is_not_a_due_is_ignored() -> None:
    (found,) = promises_in("I'll call you about your 4 December flight tomorrow.")
    assert due_as_written(found, LONDON) == "2026-11-19"


def test_the_full_stop_after_a_date_is_not_part_of_the_due_words() -> None:
    (found,) = promises_in("I'll confirm the new payment date in writing by 20 November.")
    assert found.due_text == "20 November"
