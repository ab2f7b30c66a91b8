"""What the sandbox offers tests beyond a vendor's API: scripted replies, a `Date` from a
chosen clock, a request log with bodies, caller-chosen ids, spam, purged tickets, a
smaller page cut, and vendor fields sent as given."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import requests

from helpdesk_sandbox.freshdesk_face import FreshdeskFace
from helpdesk_sandbox.server import Reply, SandboxServer
from helpdesk_sandbox.store import MovableClock, Store

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
KEY = "scripting-key"


@pytest.fixture
def desk():
    store = Store(MovableClock(NOW))
    me = store.add_agent("Bot", "bot@acme.example", role="admin", at=NOW, id=900)
    amy = store.add_agent("Amy", "amy@acme.example", at=NOW, id=901)
    carla = store.add_customer("Carla", "carla@example.com", at=NOW, id=5001)
    face = FreshdeskFace(store, api_user=me, api_key=KEY)
    with SandboxServer(face) as server:
        session = requests.Session()
        session.auth = (KEY, "X")

        def call(method, path, **kwargs):
            return session.request(method, f"{server.url}/api/v2{path}", timeout=10, **kwargs)

        yield store, server, call, (amy, carla)


def test_a_scripted_reply_answers_as_often_as_asked_then_the_face_again(desk):
    store, server, call, (amy, carla) = desk
    store.create_ticket("Hi", carla, "Where is it?", assignee=amy, at=NOW, id=7)
    script = server.script(r"GET /api/v2/tickets/7", Reply(503, "", {"Retry-After": "2"}), 2)
    first, second, third = (call("GET", "/tickets/7") for _ in range(3))
    assert (first.status_code, second.status_code, third.status_code) == (503, 503, 200)
    assert first.headers["Retry-After"] == "2" and script.left == 0
    assert third.json()["id"] == 7


def test_a_script_can_match_the_query_too(desk):
    _, server, call, _ = desk
    server.script(r"GET /api/v2/agents\?page=2", Reply(200, [], {"Link": "<x>"}))
    assert call("GET", "/agents").status_code == 200
    assert "Link" not in call("GET", "/agents").headers
    assert call("GET", "/agents", params={"page": 2}).headers["Link"] == "<x>"


def test_the_date_header_follows_the_clock_it_is_given_and_requests_are_logged(desk):
    _, server, call, _ = desk
    assert call("GET", "/agents/me").headers["Date"] != "Fri, 20 Nov 2026 12:00:00 GMT"
    server.date_clock = lambda: NOW + timedelta(milliseconds=300)
    assert call("GET", "/agents/me").headers["Date"] == "Fri, 20 Nov 2026 12:00:00 GMT"
    call("PUT", "/tickets/1", json={"tags": ["x"]})
    last = server.requests[-1]
    assert (last.method, last.path, last.json()) == ("PUT", "/api/v2/tickets/1", {"tags": ["x"]})


def test_ids_chosen_by_the_caller_are_kept_and_never_given_twice(desk):
    store, _, _, (amy, carla) = desk
    ticket = store.create_ticket("Hi", carla, "Hello", assignee=amy, at=NOW, id=42)
    comment = store.add_comment(42, amy, "Reply", at=NOW, id=11)
    assert (ticket.id, comment.id) == (42, 11)
    with pytest.raises(ValueError, match="already in use"):
        store.create_ticket("Again", carla, "Hello", at=NOW, id=42)
    with pytest.raises(ValueError, match="already in use"):
        store.add_customer("Other", "o@example.com", at=NOW, id=5001)


def test_spam_is_listed_only_when_asked_for_and_a_purged_ticket_not_at_all(desk):
    store, _, call, (amy, carla) = desk
    for tid in (1, 2, 3):
        store.create_ticket(f"T{tid}", carla, "Body", assignee=amy, at=NOW, id=tid)
    store.mark_spam(2, at=NOW + timedelta(minutes=1))
    store.delete_ticket(3, at=NOW + timedelta(minutes=1))

    def listed(**params):
        query = {"updated_since": "2026-11-01T00:00:00Z", **params}
        return {t["id"]: t for t in call("GET", "/tickets", params=query).json()}

    assert set(listed()) == {1}
    assert set(listed(filter="spam")) == {2} and listed(filter="spam")[2]["spam"] is True
    assert set(listed(filter="deleted")) == {3}
    store.purge_ticket(3)
    assert listed(filter="deleted") == {}
    assert call("GET", "/tickets/3").status_code == 404


def test_touch_moves_the_update_time_without_a_change(desk):
    store, _, _, (amy, carla) = desk
    ticket = store.create_ticket("Hi", carla, "Hello", assignee=amy, at=NOW, id=5)
    changes = len(store.updates)
    store.touch(5, at=NOW + timedelta(hours=1))
    assert ticket.updated_at == NOW + timedelta(hours=1)
    assert len(store.updates) == changes + 1 and store.updates[-1].changes == []


def test_pages_are_cut_to_the_smaller_size_the_face_allows(desk):
    store, server, call, (amy, carla) = desk
    for tid in range(1, 8):
        store.create_ticket(f"T{tid}", carla, "Body", assignee=amy, at=NOW, id=tid)
    server.face.max_per_page = 3
    query = {"updated_since": "2026-11-01T00:00:00Z", "per_page": 100}
    page = call("GET", "/tickets", params=query)
    assert len(page.json()) == 3 and "next" in page.links
    assert call("GET", "/tickets", params={**query, "per_page": 101}).status_code == 400


def test_vendor_fields_are_sent_as_given_over_what_is_rendered(desk):
    store, _, call, (amy, carla) = desk
    ticket = store.create_ticket("Hi", carla, "Hello", assignee=amy, at=NOW, id=9)
    ticket.vendor = {"status": 12, "custom_fields": None, "description_text": "given"}
    comment = store.add_comment(9, amy, "Called", at=NOW, id=91)
    comment.vendor = {"source": 2}
    amy.vendor = {"contact": {"name": "Amy", "time_zone": "Mars"}}
    query = {"updated_since": "2026-11-01T00:00:00Z"}
    [listed] = call("GET", "/tickets", params=query).json()
    assert (listed["status"], listed["custom_fields"]) == (12, None)
    assert "description_text" not in listed  # a listing sends it only when asked
    described = call("GET", "/tickets", params={**query, "include": "description"}).json()
    assert described[0]["description_text"] == "given"
    assert call("GET", "/tickets/9/conversations").json()[0]["source"] == 2
    agents = {a["id"]: a for a in call("GET", "/agents").json()}
    assert agents[901]["contact"]["time_zone"] == "Mars"
