"""The escalation ladder in business time: weekends, DST, holidays, snoozes."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tracker.calendar import BusinessCalendar
from tracker.config import EscalationConfig
from tracker.durations import parse_duration
from tracker.promises.escalation import Channels, ladder_times, plan, recipients

LONDON = BusinessCalendar.from_config("Europe/London", "09:00-17:00", "Mon-Fri", "GB")
CONFIG = EscalationConfig(
    remind_before=parse_duration("1h"), grace=parse_duration("2h"), managers=["boss@x"]
)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


LADDERS = [
    # (name, due, remind, overdue, lead, manager)
    ("an ordinary Tuesday", utc(2026, 11, 24, 11), utc(2026, 11, 24, 10), utc(2026, 11, 24, 11),
     utc(2026, 11, 24, 13), utc(2026, 11, 24, 15)),
    ("a weekend inside the grace period", utc(2026, 11, 27, 16), utc(2026, 11, 27, 15),
     utc(2026, 11, 27, 16), utc(2026, 11, 30, 10), utc(2026, 11, 30, 12)),
    ("the reminder reaches back over the weekend", utc(2026, 11, 30, 9, 30),
     utc(2026, 11, 27, 16, 30), utc(2026, 11, 30, 9, 30), utc(2026, 11, 30, 11, 30),
     utc(2026, 11, 30, 13, 30)),
    # Clocks go back on Sun 25 Oct 2026: Friday 16:00 BST is 15:00 UTC, Monday 10:00 GMT
    # is 10:00 UTC. Adding 2h of UTC would give Friday 17:00 UTC, after hours.
    ("a DST change and a weekend inside the grace period", utc(2026, 10, 23, 15),
     utc(2026, 10, 23, 14), utc(2026, 10, 23, 15), utc(2026, 10, 26, 10),
     utc(2026, 10, 26, 12)),
    # Christmas Fri 25 Dec, Boxing Day substitute Mon 28 Dec 2026.
    ("the Christmas holidays", utc(2026, 12, 24, 16), utc(2026, 12, 24, 15),
     utc(2026, 12, 24, 16), utc(2026, 12, 29, 10), utc(2026, 12, 29, 12)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("due", "remind", "overdue", "lead", "manager"),
    [case[1:] for case in LADDERS],
    ids=[case[0] for case in LADDERS],
)
def test_the_ladder_counts_business_time_in_the_team_calendar(due, remind, overdue, lead, manager):
    times = ladder_times(due, LONDON, CONFIG)
    assert times == {"remind": remind, "overdue": overdue, "lead": lead, "manager": manager}


def test_nothing_is_due_before_the_reminder():
    due = utc(2026, 11, 24, 11)
    result = plan(due, LONDON, CONFIG, utc(2026, 11, 24, 9))
    assert result.due == ()
    assert result.next_at == utc(2026, 11, 24, 10)


def test_it_reminds_the_owner_before_due():
    due = utc(2026, 11, 24, 11)
    result = plan(due, LONDON, CONFIG, utc(2026, 11, 24, 10, 5))
    assert result.due == ("remind",)
    assert result.next_at == due


def test_it_escalates_after_grace():
    due = utc(2026, 11, 24, 11)
    result = plan(due, LONDON, CONFIG, utc(2026, 11, 24, 13), taken={"remind", "overdue"})
    assert result.due == ("lead",)
    assert result.next_at == utc(2026, 11, 24, 15)


def test_a_late_sweep_takes_every_missed_step_but_the_reminder():
    due = utc(2026, 11, 24, 11)
    result = plan(due, LONDON, CONFIG, utc(2026, 11, 25, 12))
    assert result.due == ("overdue", "lead", "manager")
    assert result.next_at is None


def test_steps_already_taken_are_never_due_again():
    due = utc(2026, 11, 24, 11)
    taken = {"remind", "overdue", "lead", "manager"}
    assert plan(due, LONDON, CONFIG, utc(2026, 12, 24), taken=taken).due == ()


def test_the_ladder_resumes_from_the_end_of_a_snooze():
    due = utc(2026, 11, 24, 11)
    woke = utc(2026, 11, 26, 14)
    times = ladder_times(due, LONDON, CONFIG, resumed_at=woke)
    assert times == {
        "overdue": woke,
        "lead": utc(2026, 11, 26, 16),
        "manager": utc(2026, 11, 27, 10),
    }
    result = plan(due, LONDON, CONFIG, utc(2026, 11, 26, 14, 1), resumed_at=woke)
    assert result.due == ("overdue",)
    assert result.next_at == utc(2026, 11, 26, 16)


def test_a_snooze_that_ends_before_due_leaves_the_ladder_alone():
    due = utc(2026, 11, 24, 11)
    assert ladder_times(due, LONDON, CONFIG, resumed_at=utc(2026, 11, 24, 9)) == ladder_times(
        due, LONDON, CONFIG
    )


def test_each_step_goes_to_its_people_on_its_channels():
    every = Channels(email=True, slack=True, ticket=True)
    owner, leads, managers = "amy@x", ["lead@x", "LEAD@x", "l2@x"], ["boss@x"]
    assert recipients("remind", every, owner, leads, managers) == [("email", "amy@x")]
    assert recipients("overdue", every, owner, leads, managers) == [
        ("email", "amy@x"),
        ("ticket", "ticket"),
    ]
    assert recipients("lead", every, owner, leads, managers) == [
        ("email", "lead@x"),
        ("email", "l2@x"),
        ("slack", "slack"),
        ("ticket", "ticket"),
    ]
    assert recipients("manager", Channels(email=True), owner, leads, managers) == [
        ("email", "boss@x")
    ]
    assert recipients("handoff-7", every, "bob@x", leads, managers) == [("email", "bob@x")]
    assert recipients("overdue", every, None, leads, managers) == [("ticket", "ticket")]
