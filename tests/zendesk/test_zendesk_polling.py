"""Polling Zendesk: the cursor export for tickets, ticket events for comments and hand-offs."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import responses
from sqlmodel import select

from integrations.http import HttpError
from tests.helpers.zendesk import (
    AMY,
    BEN,
    CUSTOMER,
    EVENTS_URL,
    GROUPS_URL,
    ME,
    ME_URL,
    NOW,
    SHOW_MANY_URL,
    TICKETS_URL,
    USERS_URL,
    calls_to,
    change,
    comment,
    config,
    connector,
    customers,
    directory,
    epoch,
    event,
    events_page,
    query,
    source,
    ticket,
    ticket_page,
    user,
)
from tracker.db import session_scope
from tracker.ingest.sync import sync_source
from tracker.models import Assignment, Message, Person, Promise, Source, Ticket

T0 = epoch(NOW - timedelta(hours=2))


def batches(conn, cursor=None):
    return list(conn.pages(cursor, NOW))


def cursor_of(batch) -> dict:
    return json.loads(batch.cursor)


@responses.activate
def test_the_first_call_starts_at_the_backfill_and_later_calls_carry_only_the_cursor(monkeypatch):
    responses.get(TICKETS_URL, json=ticket_page([ticket(1), ticket(2)], "c1", False))
    directory(responses)
    customers(responses)
    responses.get(TICKETS_URL, json=ticket_page([ticket(3)], "c2", True))
    responses.get(EVENTS_URL, json=events_page([], T0, True))
    found = batches(connector(monkeypatch))

    first, second = (query(c) for c in calls_to(responses, TICKETS_URL))
    assert first["start_time"] == [str(epoch(NOW - timedelta(days=14)))]
    assert "cursor" not in first
    assert second["cursor"] == ["c1"] and "start_time" not in second
    tickets = [t.external_id for b in found for t in b.tickets]
    assert tickets == ["1", "2", "3"]
    assert cursor_of(found[-1])["tickets"]["cursor"] == "c2"


@responses.activate
def test_a_short_backfill_is_clamped_to_two_minutes_before_now(monkeypatch):
    responses.get(TICKETS_URL, json=ticket_page([], "c0", True))
    responses.get(EVENTS_URL, json=events_page([], 0, True))
    conn = connector(monkeypatch)
    conn.backfill = timedelta(seconds=5)
    batches(conn)
    start = query(calls_to(responses, TICKETS_URL)[0])["start_time"]
    assert start == [str(epoch(NOW) - 120)]
    assert query(calls_to(responses, EVENTS_URL)[0])["start_time"] == [str(epoch(NOW) - 120)]


@responses.activate
def test_the_last_page_cursor_is_kept_and_the_next_pass_resumes_from_it(monkeypatch):
    responses.get(TICKETS_URL, json=ticket_page([], "after-last", True))
    responses.get(EVENTS_URL, json=events_page([], T0, True))
    found = batches(connector(monkeypatch))
    stored = found[-1].cursor
    assert json.loads(stored)["tickets"]["cursor"] == "after-last"

    responses.reset()
    responses.get(TICKETS_URL, json=ticket_page([], "after-last-2", True))
    responses.get(EVENTS_URL, json=events_page([], T0, True))
    batches(connector(monkeypatch), stored)
    (call,) = calls_to(responses, TICKETS_URL)
    assert query(call)["cursor"] == ["after-last"]
    assert "start_time" not in query(call)
    assert query(calls_to(responses, EVENTS_URL)[0])["start_time"] == [str(T0)]


@responses.activate
def test_a_cursor_with_a_plus_sign_is_url_encoded(monkeypatch):
    stored = json.dumps({"tickets": {"cursor": "MTU3+NjYx"}, "events": {"start": T0, "seen": []}})
    responses.get(TICKETS_URL, json=ticket_page([], "MTU3+NjYx", True))
    responses.get(EVENTS_URL, json=events_page([], T0, True))
    batches(connector(monkeypatch), stored)
    assert "cursor=MTU3%2BNjYx" in calls_to(responses, TICKETS_URL)[0].request.url


@responses.activate
def test_comments_become_messages_with_roles_from_the_directory(monkeypatch):
    responses.get(TICKETS_URL, json=ticket_page([], "c", True))
    directory(responses)
    customers(responses)
    children = [
        comment(11, CUSTOMER, "Can you call me?", channel="email"),
        comment(12, AMY, "I will call you back tomorrow"),
        comment(13, BEN, "<p>internal</p>", public=False),
        comment(14, AMY, "", kind="VoiceComment"),
        comment(15, ME, "Follow-through: promise overdue", public=False),
        comment(16, BEN, "Your request was received", channel="rule"),
    ]
    children[3]["body"] = None
    children[3]["html_body"] = "<div>Called <b>Carla</b>, sorted.</div>"
    responses.get(EVENTS_URL, json=events_page([event(1, 7, T0, children)], T0, True))
    found = batches(connector(monkeypatch))
    messages = {m.external_id: m for b in found for m in b.messages}
    assert messages["11"].author_role == "customer" and messages["11"].channel == "email"
    assert messages["12"].author_role == "agent" and messages["12"].public
    assert messages["12"].sent_at.isoformat() == "2026-11-23T10:15:18+00:00"
    assert messages["13"].public is False
    assert messages["14"].is_call and "Called Carla, sorted." in messages["14"].text
    assert messages["15"].is_own_note and messages["15"].author_role == "agent"
    assert messages["16"].author_role == "system"
    people = {p.external_id: p for b in found for p in b.people}
    assert people[str(AMY)].time_zone == "Europe/London"
    assert people[str(BEN)].role == "admin" and people[str(CUSTOMER)].role == "customer"


@responses.activate
def test_assignee_and_group_changes_become_one_hand_off_with_the_previous_values(monkeypatch):
    responses.get(TICKETS_URL, json=ticket_page([], "c", True))
    directory(responses)
    children = [change(21, "assignee_id", BEN, str(AMY)), change(22, "group_id", 2, "98738")]
    responses.get(EVENTS_URL, json=events_page([event(2, 7, T0, children)], T0, True))
    (handoff,) = [a for b in batches(connector(monkeypatch)) for a in b.assignments]
    assert handoff.external_id == "2"
    assert (handoff.from_assignee_external_id, handoff.to_assignee_external_id) == ("501", "502")
    assert (handoff.from_group_external_id, handoff.to_group_external_id) == ("98738", "2")


@responses.activate
def test_boundary_events_seen_on_the_last_page_are_not_returned_twice(monkeypatch):
    responses.get(TICKETS_URL, json=ticket_page([], "c", True))
    directory(responses)
    customers(responses)
    page1 = [
        event(1, 7, T0, [comment(11, CUSTOMER, "a")]),
        event(2, 7, T0 + 5, [comment(12, AMY, "b")]),
    ]
    responses.get(EVENTS_URL, json=events_page(page1, T0 + 5, False))
    page2 = [
        event(2, 7, T0 + 5, [comment(12, AMY, "b")]),
        event(3, 7, T0 + 9, [comment(13, AMY, "c")]),
    ]
    responses.get(EVENTS_URL, json=events_page(page2, T0 + 9, True))
    found = batches(connector(monkeypatch))
    assert [m.external_id for b in found for m in b.messages] == ["11", "12", "13"]
    starts = [query(c)["start_time"][0] for c in calls_to(responses, EVENTS_URL)]
    assert starts == [str(epoch(NOW - timedelta(days=14))), str(T0 + 5)]
    assert cursor_of(found[-1])["events"] == {"start": T0 + 9, "seen": ["3"]}


@responses.activate
def test_a_full_page_inside_one_second_moves_on_instead_of_looping(monkeypatch):
    stored = json.dumps({"tickets": {"cursor": "c"}, "events": {"start": T0, "seen": []}})
    responses.get(TICKETS_URL, json=ticket_page([], "c", True))
    directory(responses)
    same = [event(i, 7, T0, [comment(100 + i, AMY, f"reply {i}")]) for i in (1, 2)]
    responses.get(EVENTS_URL, json=events_page(same, T0, False))
    later = [event(3, 7, T0 + 1, [comment(103, AMY, "later")])]
    responses.get(EVENTS_URL, json=events_page(later, T0 + 1, True))
    found = batches(connector(monkeypatch), stored)
    starts = [query(c)["start_time"][0] for c in calls_to(responses, EVENTS_URL)]
    assert starts == [str(T0), str(T0 + 1)]
    assert [m.external_id for b in found for m in b.messages] == ["101", "102", "103"]


@responses.activate
def test_a_repeated_last_page_at_the_end_of_the_stream_adds_nothing(monkeypatch):
    stored = json.dumps({"tickets": {"cursor": "c"}, "events": {"start": T0, "seen": ["1"]}})
    responses.get(TICKETS_URL, json=ticket_page([], "c", True))
    responses.get(
        EVENTS_URL, json=events_page([event(1, 7, T0, [comment(11, AMY, "x")])], T0, True)
    )
    found = batches(connector(monkeypatch), stored)
    assert [m for b in found for m in b.messages] == []
    assert cursor_of(found[-1])["events"] == {"start": T0, "seen": ["1"]}
    assert len(responses.calls) == 2  # no directory call when nothing is new


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (
            400,
            {"error": "StartTimeTooRecent", "description": "start_time must be more than 60s ago"},
        ),
        (
            422,
            {
                "error": "InvalidValue",
                "description": "Too recent start_time. Use a start_time older than 5 minutes",
            },
        ),
    ],
)
@responses.activate
def test_a_too_recent_start_time_means_no_new_data_and_keeps_the_cursor(monkeypatch, status, body):
    stored = json.dumps({"events": {"seen": [], "start": T0}, "tickets": {"cursor": "c"}})
    responses.get(TICKETS_URL, json=ticket_page([], "c", True))
    responses.get(EVENTS_URL, json=body, status=status)
    found = batches(connector(monkeypatch), stored)
    assert json.loads(found[-1].cursor) == json.loads(stored)


@responses.activate
def test_a_deleted_ticket_an_unknown_user_and_a_string_via_are_handled(monkeypatch):
    deleted = ticket(5, status="deleted", assignee=None)
    gone = ticket(6, assignee=777)  # an agent who has since been deleted
    responses.get(TICKETS_URL, json=ticket_page([deleted, gone], "c", True))
    directory(responses)
    responses.get(SHOW_MANY_URL, json={"users": [], "count": 0})
    children = [comment(31, 777, "I'll check and get back to you")]
    responses.get(EVENTS_URL, json=events_page([event(3, 6, T0, children, via="-")], T0, True))
    found = batches(connector(monkeypatch))
    tickets = {t.external_id: t for b in found for t in b.tickets}
    assert tickets["5"].status == "deleted"
    assert tickets["6"].url == "https://acme.zendesk.com/agent/tickets/6"
    placeholder = {p.external_id: p for b in found for p in b.people}["777"]
    assert placeholder.role == "customer" and "unknown" in placeholder.name
    ids = query(calls_to(responses, SHOW_MANY_URL)[0])["ids"][0].split(",")
    assert set(ids) == {"777", str(CUSTOMER)}


def test_the_ticket_link_follows_a_configured_url(monkeypatch):
    conn = connector(monkeypatch, url="http://127.0.0.1:8090/", subdomain=None)
    assert conn.link_base == "http://127.0.0.1:8090"


@responses.activate
def test_a_sync_stores_promises_and_the_next_pass_resumes_from_the_stored_cursor(
    monkeypatch, engine
):
    src = source()
    conn = connector(monkeypatch)
    responses.get(TICKETS_URL, json=ticket_page([ticket(7)], "c1", True))
    directory(responses)
    customers(responses)
    children = [comment(41, AMY, "I will call you back tomorrow", created="2026-11-23T10:00:00Z")]
    responses.get(EVENTS_URL, json=events_page([event(4, 7, T0, children)], T0, True))
    report = sync_source(engine, config(src), src, now=NOW, connector=conn)
    assert report.error is None
    assert (report.tickets, report.messages, report.promises) == (1, 1, 1)
    with session_scope(engine) as session:
        row = session.exec(select(Source)).one()
        assert json.loads(row.cursor)["tickets"]["cursor"] == "c1"
        assert row.last_success_at == NOW and row.last_error is None
        (promise,) = session.exec(select(Promise)).all()
        assert promise.kind == "callback"
        owner = session.get(Person, promise.owner_id)
        assert owner.email == "amy@acme.example"

    responses.reset()
    responses.get(TICKETS_URL, json=ticket_page([], "c2", True))
    responses.get(EVENTS_URL, json=events_page([event(4, 7, T0, children)], T0, True))
    report = sync_source(engine, config(src), src, now=NOW, connector=connector(monkeypatch))
    assert report.error is None and report.messages == 0
    assert query(calls_to(responses, TICKETS_URL)[0])["cursor"] == ["c1"]
    with session_scope(engine) as session:
        assert len(session.exec(select(Message)).all()) == 1
        assert len(session.exec(select(Ticket)).all()) == 1
        assert session.exec(select(Assignment)).all() == []


@responses.activate
def test_a_rejected_stored_cursor_restarts_once_from_just_before_the_newest_change(monkeypatch):
    high = epoch(NOW - timedelta(hours=5))
    stored = json.dumps(
        {"tickets": {"cursor": "expired", "high": high}, "events": {"start": T0, "seen": []}}
    )
    responses.get(TICKETS_URL, json={"error": "InvalidPaginationParameter"}, status=400)
    responses.get(TICKETS_URL, json=ticket_page([], "fresh", True))
    responses.get(EVENTS_URL, json=events_page([], T0, True))
    found = batches(connector(monkeypatch), stored)
    first, second = (query(c) for c in calls_to(responses, TICKETS_URL))
    assert first["cursor"] == ["expired"]
    assert second["start_time"] == [str(high - 60)] and "cursor" not in second
    assert cursor_of(found[-1])["tickets"] == {"cursor": "fresh", "high": high}


@responses.activate
def test_a_cursor_rejected_again_after_the_restart_is_an_error(monkeypatch):
    stored = json.dumps({"tickets": {"cursor": "bad"}, "events": {"start": T0, "seen": []}})
    responses.get(TICKETS_URL, json={"error": "InvalidPaginationParameter"}, status=400)
    responses.get(TICKETS_URL, json=ticket_page([], "c1", False))
    responses.get(TICKETS_URL, json={"error": "InvalidPaginationParameter"}, status=400)
    with pytest.raises(HttpError, match="InvalidPaginationParameter"):
        batches(connector(monkeypatch), stored)


@responses.activate
def test_agents_are_read_page_by_page_with_the_list_cursor(monkeypatch):
    responses.get(TICKETS_URL, json=ticket_page([ticket(1)], "c", True))
    responses.get(ME_URL, json={"user": user(ME, "Follow Through", "admin", "UTC")})
    more = {"has_more": True, "after_cursor": "xyz"}
    responses.get(USERS_URL, json={"users": [user(AMY, "Amy Archer")], "meta": more})
    last = {"has_more": False, "after_cursor": None}
    responses.get(USERS_URL, json={"users": [user(BEN, "Ben Brooks")], "meta": last})
    responses.get(GROUPS_URL, json={"groups": [], "meta": last})
    customers(responses)
    responses.get(EVENTS_URL, json=events_page([], T0, True))
    found = batches(connector(monkeypatch))
    directory_batch = found[0]
    assert {p.external_id for p in directory_batch.people} == {str(ME), str(AMY), str(BEN)}
    first, second = (query(c) for c in calls_to(responses, USERS_URL))
    assert first["role[]"] == ["agent", "admin"] and "page[after]" not in first
    assert second["page[after]"] == ["xyz"] and second["role[]"] == ["agent", "admin"]
