"""Agents and leads acting on promises: done, snooze, dismiss, and who may act."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlmodel import Session

from tests.helpers.promise_world import World, events, utc
from tracker.promise_json import promise_json_rows
from tracker.promises import actions
from tracker.queries import dismissed_total

MADE = utc(2026, 11, 23, 10)
DUE = utc(2026, 11, 24, 11)


@pytest.fixture
def world(engine):
    with Session(engine, expire_on_commit=False) as session:
        world = World(session)
        world.outsider = world.person("eve@acme.example")
        ticket = world.ticket(assignee=world.bob)
        world.promise_ = world.promise(ticket, world.amy, MADE, DUE)
        session.commit()
        yield world


def test_the_owner_maker_lead_and_admins_may_act_and_nobody_else(world):
    session, promise = world.session, world.promise_
    assert actions.may_act(session, "bob@acme.example", promise)  # owner
    assert actions.may_act(session, "AMY@acme.example", promise)  # maker
    assert actions.may_act(session, "lead@acme.example", promise)  # lead of bob's team
    assert actions.may_act(session, "root@acme.example", promise, admins=["root@acme.example"])
    assert not actions.may_act(session, "eve@acme.example", promise)
    assert not actions.may_act(session, "", promise)


def test_marking_done_keeps_the_promise_and_says_who_and_how_late(world):
    now = utc(2026, 11, 24, 12)
    actions.mark_done(world.session, world.promise_.id, "bob@acme.example", now)
    world.session.commit()
    [row] = promise_json_rows(world.session, now=now)
    assert (row["state"], row["kept_at"], row["late_by_seconds"]) == (
        "kept",
        "2026-11-24T12:00:00+00:00",
        3600,
    )
    last = events(world.session, world.promise_.id)[-1]
    assert (last.event, last.actor, json.loads(last.detail)["late_by_seconds"]) == (
        "done",
        "bob@acme.example",
        3600,
    )


def test_a_snoozed_promise_shows_when_it_wakes(world):
    now = utc(2026, 11, 24, 12)
    actions.snooze(world.session, world.promise_.id, "bob", utc(2026, 11, 25, 9), now)
    world.session.commit()
    [row] = promise_json_rows(world.session, now=now)
    assert (row["state"], row["snoozed_until"], row["overdue"]) == (
        "snoozed",
        "2026-11-25T09:00:00+00:00",
        False,
    )
    [woken] = promise_json_rows(world.session, now=utc(2026, 11, 25, 10))
    assert (woken["state"], woken["overdue"]) == ("open", True)


def test_dismissals_record_who_and_why_and_are_counted(world):
    actions.dismiss(world.session, world.promise_.id, "lead@acme.example", "a question", MADE)
    world.session.commit()
    assert dismissed_total(world.session) == 1
    [row] = promise_json_rows(world.session, state="dismissed")
    assert (row["acted_by"], row["reason"]) == ("lead@acme.example", "a question")


IMPOSSIBLE = [
    ("done", "dismiss", "is kept; only open or snoozed promises can be dismissed"),
    ("dismiss", "done", "is dismissed; only open or snoozed promises can be marked done"),
    (None, "snooze-past", "is not in the future"),
    (None, "snooze-naive", "must include a time zone"),
    (None, "unknown", "promise 999999 does not exist"),
]


def test_impossible_actions_say_why(world):
    session, now = world.session, utc(2026, 11, 24, 12)
    for first, then, message in IMPOSSIBLE:
        pid = world.promise(world.ticket(assignee=world.bob), world.amy, MADE, DUE).id
        run = {
            "done": lambda pid=pid: actions.mark_done(session, pid, "bob", now),
            "dismiss": lambda pid=pid: actions.dismiss(session, pid, "bob", None, now),
            "snooze-past": lambda pid=pid: actions.snooze(
                session, pid, "bob", utc(2026, 11, 24), now
            ),
            "snooze-naive": lambda pid=pid: actions.snooze(
                session, pid, "bob", datetime(2026, 12, 1), now
            ),
            "unknown": lambda: actions.mark_done(session, 999999, "bob", now),
        }
        if first:
            run[first]()
        with pytest.raises(actions.ActionError, match=message):
            run[then]()


def test_the_list_filters_by_agent_team_state_and_visibility(world):
    session = world.session
    ticket = world.ticket(assignee=world.amy)
    soon = world.promise(ticket, world.amy, MADE, utc(2026, 11, 23, 15), quote="I'll ring you")
    session.commit()
    now = utc(2026, 11, 23, 16)
    assert [r["id"] for r in promise_json_rows(session, now=now)] == [soon.id, world.promise_.id]
    assert [r["id"] for r in promise_json_rows(session, agent="Bob@acme.example", now=now)] == [
        world.promise_.id
    ]
    assert len(promise_json_rows(session, team="Tier 1", now=now)) == 2
    assert promise_json_rows(session, team="Tier 2", now=now) == []
    assert [r["id"] for r in promise_json_rows(session, state="overdue", now=now)] == [soon.id]
    assert [r["id"] for r in promise_json_rows(session, visible_to={world.bob.id}, now=now)] == [
        world.promise_.id
    ]
    assert promise_json_rows(session, visible_to=set(), now=now) == []
    row = promise_json_rows(session, now=now)[0]
    for key in (
        "id", "source", "ticket", "quote", "kind", "state", "due", "due_is_default", "maker",
        "owner", "made_at", "kept_at", "escalations", "overdue", "late_by_seconds",
        "ticket_url", "inherited",
    ):  # fmt: skip
        assert key in row
    assert (row["source"], row["maker"], row["owner"], row["due"]) == (
        "desk",
        "amy@acme.example",
        "amy@acme.example",
        "2026-11-23T15:00:00+00:00",
    )
