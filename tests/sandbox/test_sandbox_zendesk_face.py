"""The sandbox speaks Zendesk as the api-notes describe it."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
import requests

from helpdesk_sandbox.seed import seed_week
from helpdesk_sandbox.store import Store, StoreError
from tests.helpers.sandbox import NOW, SANDBOX_TOKEN, running_sandbox


@pytest.fixture
def desk():
    with running_sandbox(page_size=5) as (server, seeded):
        session = requests.Session()
        session.auth = (f"{seeded.api_user.email}/token", SANDBOX_TOKEN)
        yield server, seeded, session


def test_it_refuses_a_wrong_token_and_accepts_the_right_one(desk):
    server, seeded, session = desk
    wrong = requests.get(f"{server.url}/api/v2/users/me.json", auth=("x/token", "nope"))
    assert wrong.status_code == 401
    me = session.get(f"{server.url}/api/v2/users/me.json").json()["user"]
    assert me["id"] == seeded.api_user.id and me["role"] == "admin"


def test_the_cursor_export_pages_to_the_end_with_a_cursor_on_the_last_page(desk):
    server, seeded, session = desk
    url = f"{server.url}/api/v2/incremental/tickets/cursor.json"
    page = session.get(url, params={"start_time": int((NOW - timedelta(days=30)).timestamp())})
    seen, pages = [], 0
    while True:
        data = page.json()
        pages += 1
        seen += [t["id"] for t in data["tickets"]]
        assert data["after_cursor"]
        if data["end_of_stream"]:
            break
        page = session.get(url, params={"cursor": data["after_cursor"]})
    assert sorted(seen) == sorted(seeded.store.tickets) and pages == 3
    again = session.get(url, params={"cursor": data["after_cursor"]}).json()
    assert again["tickets"] == [] and again["end_of_stream"] is True


def test_the_export_leaves_out_the_last_minute_and_rejects_a_future_start(desk):
    server, seeded, session = desk
    ticket = seeded.tickets["kept_late"]
    seeded.store.add_comment(ticket.id, seeded.agents["ben"], "Just now.", at=NOW)
    url = f"{server.url}/api/v2/incremental/ticket_events.json"
    start = int((NOW - timedelta(minutes=10)).timestamp())
    data = session.get(url, params={"start_time": start, "include": "comment_events"}).json()
    assert all(e["timestamp"] <= NOW.timestamp() - 60 for e in data["ticket_events"])
    assert data["ticket_events"] == [] or data["end_time"] < NOW.timestamp() - 60
    future = session.get(url, params={"start_time": int(NOW.timestamp()) + 10})
    assert future.status_code == 400 and "StartTimeTooRecent" in future.text


def test_ticket_events_never_split_a_second_and_carry_comment_events(desk):
    server, seeded, session = desk
    ticket = seeded.tickets["open_promise"]
    at = NOW - timedelta(minutes=30)
    for i in range(8):
        seeded.store.add_comment(ticket.id, seeded.agents["amy"], f"burst {i}", at=at)
    url = f"{server.url}/api/v2/incremental/ticket_events.json"
    data = session.get(
        url, params={"start_time": int(at.timestamp()), "include": "comment_events"}
    ).json()
    bodies = [c["body"] for e in data["ticket_events"] for c in e["child_events"]]
    assert bodies == [f"burst {i}" for i in range(8)]  # more than a page, one second
    first = data["ticket_events"][0]
    assert isinstance(first["via"], str) and first["child_events"][0]["event_type"] == "Comment"
    assert first["child_events"][0]["via"]["channel"] == "web"


def test_show_many_returns_only_users_that_exist(desk):
    server, seeded, session = desk
    amy = seeded.agents["amy"].id
    data = session.get(f"{server.url}/api/v2/users/show_many.json", params={"ids": f"{amy},1"})
    assert [u["id"] for u in data.json()["users"]] == [amy]


def test_tags_with_a_stale_stamp_conflict_and_a_fresh_one_apply(desk):
    server, seeded, session = desk
    ticket = seeded.tickets["kept_late"]
    url = f"{server.url}/api/v2/tickets/{ticket.id}"
    stamp = session.get(f"{url}.json").json()["ticket"]["updated_at"]
    seeded.clock.advance(timedelta(seconds=5))
    seeded.store.add_comment(ticket.id, seeded.customers["raj"], "Still broken.")
    body = {"tags": ["promise_overdue"], "safe_update": True, "updated_stamp": stamp}
    assert session.put(f"{url}/tags.json", json=body).status_code == 409
    body["updated_stamp"] = session.get(f"{url}.json").json()["ticket"]["updated_at"]
    added = session.put(f"{url}/tags.json", json=body)
    assert added.status_code == 200 and "promise_overdue" in added.json()["tags"]


def test_a_comment_without_a_public_flag_is_public_like_in_zendesk(desk):
    server, seeded, session = desk
    ticket = seeded.tickets["kept_late"]
    url = f"{server.url}/api/v2/tickets/{ticket.id}.json"
    session.put(url, json={"ticket": {"comment": {"body": "hello"}}})
    assert seeded.store.comments_of(ticket.id)[-1].public is True


def test_closed_and_deleted_tickets_refuse_updates(desk):
    server, seeded, session = desk
    closed = f"{server.url}/api/v2/tickets/{seeded.tickets['closed'].id}.json"
    answer = session.put(closed, json={"ticket": {"comment": {"body": "x", "public": False}}})
    assert answer.status_code == 422 and "closed prevents ticket update" in answer.text
    deleted = f"{server.url}/api/v2/tickets/{seeded.tickets['deleted'].id}.json"
    assert session.get(deleted).status_code == 404


def test_the_store_is_deterministic_for_a_given_now():
    one, two = seed_week(NOW), seed_week(NOW)
    assert [(u.id, u.at, len(u.comments)) for u in one.store.updates] == [
        (u.id, u.at, len(u.comments)) for u in two.store.updates
    ]


def test_the_store_refuses_a_naive_time_and_an_unknown_ticket():
    store = Store()
    with pytest.raises(ValueError):
        store.add_group("x", at=NOW.replace(tzinfo=None))
    with pytest.raises(StoreError):
        store.ticket(1)


def test_basic_auth_is_email_slash_token():
    token = base64.b64encode(f"a@b.example/token:{SANDBOX_TOKEN}".encode()).decode()
    with running_sandbox() as (server, seeded):
        pair = f"{seeded.api_user.email}/token:{SANDBOX_TOKEN}"
        header = f"Basic {base64.b64encode(pair.encode()).decode()}"
        ok = requests.get(f"{server.url}/api/v2/users/me.json", headers={"Authorization": header})
        other = requests.get(
            f"{server.url}/api/v2/users/me.json", headers={"Authorization": f"Basic {token}"}
        )
    assert ok.status_code == 200 and other.status_code == 401
