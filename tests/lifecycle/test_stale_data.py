"""Never escalate on stale data: an accusing step waits until the source has synced past
its time, unless the source has been down for STALE_POLLS poll intervals past it."""

from __future__ import annotations

import json
from datetime import timedelta

from sqlmodel import Session, select

from tests.helpers.promise_world import World, events, later, make_config, utc
from tests.helpers.smtp_sink import smtp_fixture  # noqa: F401
from tests.helpers.sweeping import run_sweep
from tracker.calendar import BusinessCalendar
from tracker.models import Escalation, Promise, Source
from tracker.promises.escalation import Freshness, plan
from tracker.sweep import decide

MADE = utc(2026, 11, 23, 10)  # a Monday
DUE = utc(2026, 11, 24, 11)
POLL = timedelta(minutes=2)  # make_config's poll_every


def steps(engine, promise_id) -> set[str]:
    with Session(engine) as session:
        query = select(Escalation.step).where(Escalation.promise_id == promise_id)
        return set(session.exec(query))


def setup(engine, synced_to):
    with Session(engine, expire_on_commit=False) as session:
        world = World(session, make_config())
        world.source.last_success_at = synced_to
        ticket = world.ticket(assignee=world.amy)
        promise = world.promise(ticket, world.amy, MADE, DUE)
        session.commit()
    return world, ticket, promise


def synced(engine, world, at) -> None:
    with Session(engine) as session:
        source = session.get(Source, world.source.id)
        source.last_success_at = at
        session.add(source)
        session.commit()


def test_no_overdue_notice_until_a_sync_completes_after_due(engine):
    world, _, promise = setup(engine, synced_to=DUE - timedelta(hours=1))
    now = later(DUE, minutes=3)
    decide(engine, world.config, now=now)
    assert "overdue" not in steps(engine, promise.id)
    with Session(engine) as session:
        row = session.get(Promise, promise.id)
        # Looked at again soon, but not in a tight loop, and never after giving up waiting.
        assert now + timedelta(seconds=30) <= row.next_action_at <= DUE + 3 * POLL
        assert row.state == "open"
    synced(engine, world, later(DUE, minutes=4))
    decide(engine, world.config, now=later(DUE, minutes=5))
    assert "overdue" in steps(engine, promise.id)


def test_a_reply_that_arrives_in_the_later_sync_keeps_the_promise_with_no_notice(engine):
    world, ticket, promise = setup(engine, synced_to=DUE - timedelta(hours=1))
    decide(engine, world.config, now=later(DUE, minutes=3))
    with Session(engine, expire_on_commit=False) as session:
        world.session = session
        world.message(ticket, world.bob, later(DUE, minutes=-10), text="Called them, sorted.")
        source = session.get(Source, world.source.id)
        source.last_success_at = later(DUE, minutes=4)
        session.add(source)
        session.commit()
    decide(engine, world.config, now=later(DUE, minutes=5))
    with Session(engine) as session:
        assert session.get(Promise, promise.id).state == "kept"
    assert steps(engine, promise.id) == set()


def test_a_source_down_for_long_is_escalated_anyway_and_the_event_says_so(engine):
    world, _, promise = setup(engine, synced_to=MADE)
    decide(engine, world.config, now=later(DUE, minutes=5))
    assert "overdue" not in steps(engine, promise.id)
    with Session(engine) as session:
        retry = session.get(Promise, promise.id).next_action_at
    assert later(DUE, minutes=5, seconds=30) <= retry <= DUE + 3 * POLL
    decide(engine, world.config, now=DUE + 3 * POLL)
    assert "overdue" in steps(engine, promise.id)
    with Session(engine) as session:
        (overdue,) = [e for e in events(session, promise.id) if e.event == "overdue"]
        detail = json.loads(overdue.detail)
    assert detail["stale_source"] == "desk"


def test_a_source_that_never_completed_a_pass_accuses_nobody_however_old_the_step(engine):
    world, _, promise = setup(engine, synced_to=None)
    decide(engine, world.config, now=later(DUE, minutes=1))
    assert "overdue" not in steps(engine, promise.id)
    # Days past the old allowance (due + 3 polls): still the first pass, still nothing.
    decide(engine, world.config, now=later(DUE, days=3))
    assert steps(engine, promise.id) == set()
    with Session(engine) as session:
        assert session.get(Promise, promise.id).next_action_at <= later(DUE, days=3, minutes=1)


def test_the_allowance_counts_from_the_first_complete_pass_not_from_the_step(engine):
    world, _, promise = setup(engine, synced_to=None)
    decide(engine, world.config, now=later(DUE, days=3))
    synced(engine, world, later(DUE, days=3))  # the first pass, started after the step
    decide(engine, world.config, now=later(DUE, days=3, minutes=1))
    assert {"overdue", "lead", "manager"} <= steps(engine, promise.id)


def test_a_notice_sent_on_data_older_than_one_poll_says_so(engine, smtp):
    config = make_config(email_port=smtp.port)
    with Session(engine, expire_on_commit=False) as session:
        world = World(session, config)
        world.source.last_success_at = MADE
        ticket = world.ticket(assignee=world.amy)
        world.promise(ticket, world.amy, MADE, DUE)
        session.commit()
    run_sweep(engine, config, now=DUE + 3 * POLL)
    [to_amy] = smtp.sink.to("amy@acme.example")
    text = to_amy.get_body(("plain",)).get_content()
    assert "Data: desk was last synced completely 1d 1h ago" in text
    assert "a reply since then may not be read yet" in text


def test_a_notice_on_fresh_data_carries_no_warning(engine, smtp):
    config = make_config(email_port=smtp.port)
    with Session(engine, expire_on_commit=False) as session:
        world = World(session, config)
        world.source.last_success_at = later(DUE, minutes=1)
        ticket = world.ticket(assignee=world.amy)
        world.promise(ticket, world.amy, MADE, DUE)
        session.commit()
    run_sweep(engine, config, now=later(DUE, minutes=2))
    [to_amy] = smtp.sink.to("amy@acme.example")
    assert "Data:" not in to_amy.get_body(("plain",)).get_content()


LONDON = BusinessCalendar.from_config("Europe/London")


def test_reminders_before_due_are_never_held():
    config = make_config().escalation
    fresh = Freshness(utc(2026, 11, 20), POLL)
    result = plan(DUE, LONDON, config, later(DUE, minutes=-30), freshness=fresh)
    assert result.due == ("remind",) and result.held == ()


def test_later_steps_wait_behind_a_held_overdue_step():
    config = make_config().escalation
    fresh = Freshness(DUE - timedelta(minutes=1), timedelta(hours=1))
    now = later(DUE, hours=2, minutes=30)  # lead time (due + 2 working hours) has passed
    result = plan(DUE, LONDON, config, now, taken={"remind"}, freshness=fresh)
    assert result.due == () and result.held == ("overdue", "lead")
    assert now < result.next_at <= DUE + timedelta(hours=3)
