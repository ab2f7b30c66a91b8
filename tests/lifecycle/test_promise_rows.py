"""Listed promises are typed rows; their JSON form is made only for the CLI and the API."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlmodel import Session

from tests.helpers.promise_world import World, utc
from tracker.models import Escalation
from tracker.promise_json import promise_json, promise_json_rows
from tracker.promises import actions
from tracker.queries import EscalationRow, PromiseRow, promise_rows

MADE = utc(2026, 11, 23, 10)
DUE = utc(2026, 11, 24, 11)
KEPT = utc(2026, 11, 24, 12, 30)

JSON_KEYS = [
    "id", "source", "ticket", "quote", "kind", "state", "due", "due_is_default", "due_text",
    "maker", "owner", "team", "made_at", "kept_at", "closed_at", "snoozed_until", "overdue",
    "late_by_seconds", "ticket_subject", "ticket_url", "ticket_status", "inherited",
    "acted_by", "reason", "escalations",
]  # fmt: skip


@pytest.fixture
def world(engine):
    with Session(engine, expire_on_commit=False) as session:
        world = World(session)
        ticket = world.ticket(assignee=world.bob)
        world.promise_ = world.promise(ticket, world.amy, MADE, DUE)
        session.add(
            Escalation(
                promise_id=world.promise_.id,
                step="overdue",
                channel="email",
                recipient="bob@acme.example",
                due_at=DUE,
                status="sent",
                sent_at=DUE + timedelta(minutes=5),
                attempts=1,
            )
        )
        actions.mark_done(session, world.promise_.id, "bob@acme.example", KEPT)
        session.commit()
        yield world


def test_a_listed_promise_carries_times_as_times(world):
    [row] = promise_rows(world.session, now=KEPT)
    assert isinstance(row, PromiseRow)
    assert (row.state, row.due, row.made_at, row.kept_at) == ("kept", DUE, MADE, KEPT)
    assert row.late_by == timedelta(hours=1, minutes=30)
    assert row.escalations == [
        EscalationRow(
            "overdue", "email", "bob@acme.example", DUE + timedelta(minutes=5), "sent", 1, None
        )
    ]


def test_its_json_has_the_documented_keys_in_order_and_iso_times(world):
    [row] = promise_rows(world.session, now=KEPT)
    shape = promise_json(row)
    assert list(shape) == JSON_KEYS
    assert (shape["due"], shape["made_at"], shape["kept_at"], shape["closed_at"]) == (
        "2026-11-24T11:00:00+00:00",
        "2026-11-23T10:00:00+00:00",
        "2026-11-24T12:30:00+00:00",
        "2026-11-24T12:30:00+00:00",
    )
    assert shape["late_by_seconds"] == 5400 and shape["snoozed_until"] is None
    assert shape["escalations"] == [
        {
            "step": "overdue",
            "channel": "email",
            "recipient": "bob@acme.example",
            "sent_at": "2026-11-24T11:05:00+00:00",
            "status": "sent",
            "attempts": 1,
            "error": None,
        }
    ]
    assert json.dumps(promise_json_rows(world.session, now=KEPT)) == json.dumps([shape])
