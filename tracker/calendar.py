"""A team's business calendar: working days, working hours, public holidays.

Every method takes and returns timezone-aware datetimes. The logic works on UTC
instants and only converts to the team's local wall time at the edges, where
calendar arithmetic (dates, clock times) happens.

DST hazard: adding a timedelta to a *local* aware datetime keeps the old UTC
offset, so "tomorrow 09:00" computed across a clock change comes out an hour
wrong. We therefore convert to local wall time, do arithmetic on naive dates and
times, and then localise the result again with zoneinfo (`_localise`), which
picks the offset valid on the new date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker.durations import Duration

_DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAYS_MON_FRI = frozenset(range(5))
# Safety valve for loops that look for the next working day: a calendar with
# working days but a year of holidays in a row is a configuration error.
_MAX_DAY_SCAN = 3660


def _localise(day: date, clock: time, zone: ZoneInfo) -> datetime:
    """Local wall time on `day` as an aware UTC datetime.

    A wall time inside a spring-forward gap does not exist; round-tripping
    through UTC moves it forward past the gap, which is what a person means.
    An ambiguous autumn time takes the first (summer-time) occurrence.
    """
    local = datetime.combine(day, clock, tzinfo=zone)
    return local.astimezone(UTC)


@dataclass(frozen=True)
class BusinessCalendar:
    timezone: ZoneInfo
    work_start: time = time(9, 0)
    work_end: time = time(17, 0)
    working_days: frozenset[int] = _WEEKDAYS_MON_FRI
    holidays: str | None = None
    _holiday_cache: dict[int, frozenset[date]] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        if self.work_start >= self.work_end:
            raise ValueError("working hours must start before they end")
        if not self.working_days or not self.working_days <= frozenset(range(7)):
            raise ValueError("working days must be a non-empty set of weekdays 0-6 (Mon=0)")
        if self.holidays is not None:
            self._holiday_factory()  # fail early on an unknown country code

    # -- configuration -----------------------------------------------------------------------
    @classmethod
    def from_config(
        cls,
        timezone: str,
        working_hours: str = "09:00-17:00",
        working_days: str = "Mon-Fri",
        holidays: str | None = None,
    ) -> BusinessCalendar:
        """Build a calendar from the strings of a `[[team]]` table."""
        try:
            zone = ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
            raise ValueError(f"unknown time zone {timezone!r}") from exc
        start, end = parse_working_hours(working_hours)
        days = parse_working_days(working_days)
        return cls(zone, start, end, days, holidays or None)

    # -- holidays ----------------------------------------------------------------------------
    @cached_property
    def _country(self) -> tuple[str, str | None]:
        assert self.holidays is not None
        country, _, subdiv = self.holidays.partition("-")
        return country.upper(), (subdiv.upper() or None)

    def _holiday_factory(self) -> object:
        import holidays as holidays_lib

        country, subdiv = self._country
        try:
            return holidays_lib.country_holidays(country, subdiv=subdiv, years=[])
        except (NotImplementedError, KeyError) as exc:
            raise ValueError(f"unknown holidays code {self.holidays!r}") from exc

    def _holidays_in(self, year: int) -> frozenset[date]:
        cached = self._holiday_cache.get(year)
        if cached is None:
            if self.holidays is None:
                cached = frozenset()
            else:
                import holidays as holidays_lib

                country, subdiv = self._country
                cached = frozenset(
                    holidays_lib.country_holidays(country, subdiv=subdiv, years=year).keys()
                )
            self._holiday_cache[year] = cached
        return cached

    # -- days --------------------------------------------------------------------------------
    def is_working_day(self, d: date) -> bool:
        return d.weekday() in self.working_days and d not in self._holidays_in(d.year)

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after `d`."""
        for _ in range(_MAX_DAY_SCAN):
            d += timedelta(days=1)
            if self.is_working_day(d):
                return d
        raise ValueError("no working day within ten years: check the calendar")

    def previous_working_day(self, d: date) -> date:
        """The last working day strictly before `d`."""
        for _ in range(_MAX_DAY_SCAN):
            d -= timedelta(days=1)
            if self.is_working_day(d):
                return d
        raise ValueError("no working day within ten years: check the calendar")

    def add_working_days(self, d: date, n: int) -> date:
        """The nth working day after `d` (n < 0 counts backwards, n == 0 returns `d`)."""
        step = self.next_working_day if n >= 0 else self.previous_working_day
        for _ in range(abs(n)):
            d = step(d)
        return d

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.timezone).date()

    def at(self, d: date, clock: time) -> datetime:
        """Local `clock` on `d`, as aware UTC."""
        return _localise(d, clock, self.timezone)

    def end_of_day(self, d: date) -> datetime:
        """The end of the working day on `d` (work_end local), as aware UTC."""
        return _localise(d, self.work_end, self.timezone)

    # -- durations ---------------------------------------------------------------------------
    def add(self, start: datetime, duration: Duration) -> datetime:
        """`start` plus `duration`; business durations count only working time."""
        _require_aware(start)
        if not duration.business:
            # Elapsed time: add in UTC, never on a local wall clock (DST).
            return (start.astimezone(UTC) + duration.delta).astimezone(UTC)
        days = duration.whole_days
        if days is not None:
            return self._shift_working_days(start, days)
        return self._shift_working_time(start, duration.delta)

    def subtract(self, start: datetime, duration: Duration) -> datetime:
        """`start` minus `duration` ("remind 1 business hour before the due time")."""
        _require_aware(start)
        if not duration.business:
            return (start.astimezone(UTC) - duration.delta).astimezone(UTC)
        days = duration.whole_days
        if days is not None:
            return self._shift_working_days(start, -days)
        return self._shift_working_time(start, -duration.delta)

    def _shift_working_days(self, start: datetime, n: int) -> datetime:
        local = start.astimezone(self.timezone)
        day = self.add_working_days(local.date(), n)
        clock = min(max(local.time().replace(tzinfo=None), self.work_start), self.work_end)
        return _localise(day, clock, self.timezone)

    def _shift_working_time(self, start: datetime, delta: timedelta) -> datetime:
        """Walk working periods one day at a time, consuming `delta`.

        Each day's window is localised separately, so a DST change shortens or
        lengthens only the day it happens on (a 09:00-17:00 day is 8 real hours
        either way; the night absorbs the change).
        """
        remaining = abs(delta)
        forward = delta >= timedelta(0)
        moment = start.astimezone(UTC)
        day = self.local_date(moment)
        for _ in range(_MAX_DAY_SCAN * 2):
            if self.is_working_day(day):
                opens, closes = self.at(day, self.work_start), self.at(day, self.work_end)
                if forward:
                    begin = max(moment, opens)
                    if begin < closes:
                        available = closes - begin
                        if remaining <= available:
                            return begin + remaining
                        remaining -= available
                else:
                    finish = min(moment, closes)
                    if finish > opens:
                        available = finish - opens
                        if remaining <= available:
                            return finish - remaining
                        remaining -= available
            day = day + timedelta(days=1 if forward else -1)
            moment = self.at(day, time(0) if forward else time(23, 59, 59, 999999))
        raise ValueError("duration does not fit in ten years of working time")


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetimes must be timezone-aware")


_HOURS = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*-\s*(\d{1,2})(?::(\d{2}))?\s*$")


def parse_working_hours(text: str) -> tuple[time, time]:
    """ "09:00-17:00" as (start, end); `config check` and the calendar share it."""
    match = _HOURS.match(text or "")
    if not match:
        raise ValueError(f"working_hours {text!r} should look like '09:00-17:00'")
    h1, m1, h2, m2 = (int(g) if g else 0 for g in match.groups())
    if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or (h2 == 24 and m2):
        raise ValueError(f"working_hours {text!r} has a time out of range")
    end = time(23, 59, 59, 999999) if h2 == 24 else time(h2, m2)
    start = time(h1, m1)
    if start >= end:
        raise ValueError(
            f"working_hours {text!r} must start before they end (a shift across midnight "
            "is not supported: give the team the hours of one calendar day)"
        )
    return start, end


_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


def parse_time_of_day(text: str) -> time:
    """A local time like "08:30"; `config check`, the sweep and the scheduler share it."""
    match = _CLOCK.match(text or "")
    if not match:
        raise ValueError(f"{text!r} is not a local time like '08:30'")
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise ValueError(f"{text!r} is out of range (00:00 to 23:59)")
    return time(hour, minute)


def _day_index(name: str, whole: str) -> int:
    key = name.strip().lower()[:3]
    if key not in _DAY_NAMES or not name.strip().isalpha():
        raise ValueError(
            f"working_days {whole!r}: {name.strip()!r} is not a day (use Mon, Tue, … Sun)"
        )
    return _DAY_NAMES.index(key)


def parse_working_days(text: str) -> frozenset[int]:
    """Parse "Mon-Fri", "Sun-Thu" (ranges wrap round the week) or "Mon,Wed,Fri"."""
    if not text or not text.strip():
        raise ValueError("working_days is empty (examples: 'Mon-Fri', 'Sun-Thu', 'Mon,Wed,Fri')")
    days: set[int] = set()
    for part in text.split(","):
        if "-" in part:
            first, _, last = part.partition("-")
            a, b = _day_index(first, text), _day_index(last, text)
            days.update((a + i) % 7 for i in range((b - a) % 7 + 1))
        else:
            days.add(_day_index(part, text))
    return frozenset(days)
