"""The business calendar: working days, working hours, holidays and clock changes."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from tracker.calendar import BusinessCalendar
from tracker.durations import parse_duration

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def local(text: str, zone: ZoneInfo = LONDON) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


def as_local(moment: datetime, zone: ZoneInfo = LONDON) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


@pytest.fixture
def london() -> BusinessCalendar:
    return BusinessCalendar(LONDON, holidays="GB")


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 11, 20), True),  # a Friday
        (date(2026, 11, 21), False),  # Saturday
        (date(2026, 11, 22), False),  # Sunday
        (date(2026, 12, 25), False),  # Christmas Day
        (date(2026, 12, 28), False),  # Boxing Day, moved to Monday
        (date(2027, 1, 1), False),  # New Year's Day
        (date(2027, 1, 4), True),
    ],
)
def test_it_knows_working_days_and_gb_holidays(
    london: BusinessCalendar, day: date, working: bool
) -> None:
    assert london.is_working_day(day) is working


def test_scottish_holidays_come_from_the_subdivision() -> None:
    scotland = BusinessCalendar(LONDON, holidays="GB-SCT")
    assert not scotland.is_working_day(date(2027, 1, 4))  # 2 January, moved to Monday
    assert BusinessCalendar(LONDON, holidays="GB").is_working_day(date(2027, 1, 4))


def test_the_next_working_day_is_strictly_after(london: BusinessCalendar) -> None:
    assert london.next_working_day(date(2026, 11, 20)) == date(2026, 11, 23)
    assert london.next_working_day(date(2026, 12, 24)) == date(2026, 12, 29)


def test_adding_working_days_skips_weekends_and_holidays(london: BusinessCalendar) -> None:
    assert london.add_working_days(date(2026, 12, 23), 3) == date(2026, 12, 30)
    assert london.add_working_days(date(2026, 11, 18), 0) == date(2026, 11, 18)


def test_end_of_day_is_work_end_local_in_utc(london: BusinessCalendar) -> None:
    assert london.end_of_day(date(2026, 7, 1)).isoformat() == "2026-07-01T16:00:00+00:00"
    assert london.end_of_day(date(2026, 12, 1)).isoformat() == "2026-12-01T17:00:00+00:00"


@pytest.mark.parametrize(
    ("start", "duration", "due"),
    [
        ("2026-11-20 15:00", "1 business day", "2026-11-23 15:00"),
        ("2026-11-20 20:00", "1 business day", "2026-11-23 17:00"),  # clamped into hours
        ("2026-11-21 07:00", "1 business day", "2026-11-23 09:00"),
        ("2026-11-20 16:00", "2 business hours", "2026-11-23 10:00"),
        ("2026-11-20 18:30", "30 business minutes", "2026-11-23 09:30"),
        ("2026-12-24 16:00", "2 business hours", "2026-12-29 10:00"),
        ("2026-11-20 15:00", "1d", "2026-11-21 15:00"),
        ("2026-11-20 15:00", "2h", "2026-11-20 17:00"),
        ("2027-03-25 16:00", "2 business hours", "2027-03-29 10:00"),  # Good Friday, clocks change
        ("2027-03-27 12:00", "1d", "2027-03-28 13:00"),  # 24 real hours: an hour later on the clock
    ],
)
def test_adding_durations(london: BusinessCalendar, start: str, duration: str, due: str) -> None:
    assert as_local(london.add(local(start), parse_duration(duration))) == due


@pytest.mark.parametrize(
    ("due", "duration", "remind"),
    [
        ("2026-11-23 10:00", "1 business hour", "2026-11-23 09:00"),
        ("2026-11-23 09:30", "1 business hour", "2026-11-20 16:30"),
        ("2026-11-23 12:00", "1 business day", "2026-11-20 12:00"),
        ("2026-11-23 12:00", "1h", "2026-11-23 11:00"),
    ],
)
def test_subtracting_durations_for_reminders(
    london: BusinessCalendar, due: str, duration: str, remind: str
) -> None:
    assert as_local(london.subtract(local(due), parse_duration(duration))) == remind


def test_business_hours_keep_the_wall_clock_across_the_new_york_autumn_change() -> None:
    calendar = BusinessCalendar(NEW_YORK)
    start = local("2026-10-30 16:00", NEW_YORK)  # Friday, before the Sunday change
    assert as_local(calendar.add(start, parse_duration("2 business hours")), NEW_YORK) == (
        "2026-11-02 10:00"
    )


def test_results_are_aware_utc(london: BusinessCalendar) -> None:
    due = london.add(local("2026-11-20 15:00"), parse_duration("1 business day"))
    assert due.utcoffset() is not None and due.utcoffset().total_seconds() == 0


def test_naive_datetimes_are_refused(london: BusinessCalendar) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        london.add(datetime(2026, 11, 20, 15), parse_duration("1h"))


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ("Mon-Fri", {0, 1, 2, 3, 4}),
        ("Sun-Thu", {6, 0, 1, 2, 3}),
        ("Mon,Wed,Fri", {0, 2, 4}),
        ("monday-wednesday", {0, 1, 2}),
        ("Sat", {5}),
    ],
)
def test_working_days_are_read_from_the_configuration(days: str, expected: set[int]) -> None:
    assert BusinessCalendar.from_config("UTC", working_days=days).working_days == expected


def test_working_hours_are_read_from_the_configuration() -> None:
    calendar = BusinessCalendar.from_config("Asia/Dubai", "08:30-16:00", "Sun-Thu")
    assert (calendar.work_start, calendar.work_end) == (time(8, 30), time(16, 0))
    assert calendar.is_working_day(date(2026, 11, 22))  # a Sunday


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"timezone": "Mars/Olympus"}, "unknown time zone"),
        ({"timezone": "UTC", "working_hours": "9 to 5"}, "should look like"),
        ({"timezone": "UTC", "working_hours": "17:00-09:00"}, "start before"),
        ({"timezone": "UTC", "working_days": "Mon-Fry"}, "not a day"),
        ({"timezone": "UTC", "working_days": ""}, "empty"),
        ({"timezone": "UTC", "holidays": "XX"}, "unknown holidays"),
    ],
)
def test_bad_configuration_is_refused_with_a_clear_message(
    kwargs: dict[str, str], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        BusinessCalendar.from_config(**kwargs)


def test_the_calendar_is_a_hashable_value() -> None:
    assert BusinessCalendar(LONDON) == BusinessCalendar(LONDON)
    assert hash(BusinessCalendar(LONDON, holidays="GB")) == hash(
        BusinessCalendar(LONDON, holidays="GB")
    )
