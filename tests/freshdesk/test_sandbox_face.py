"""The sandbox's Freshdesk face behaves as the api-notes say Freshdesk does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import requests

from helpdesk_sandbox.freshdesk_face import FreshdeskFace
from helpdesk_sandbox.seed import seed_week
from helpdesk_sandbox.server import SandboxServer
from integrations.freshdesk.timezones import rails_zone

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
KEY = "face-key-99"


@pytest.fixture
def api():
    seeded = seed_week(NOW)
    old = seeded.store.create_ticket(
        "Old one",
        seeded.customers["olivia"],
        "From long ago",
        assignee=seeded.agents["amy"],
        at=NOW - timedelta(days=60),
    )
    face = FreshdeskFace(seeded.store, api_user=seeded.api_user, api_key=KEY, page_cap=2)
    with SandboxServer(face) as server:
        session = requests.Session()
        session.auth = (KEY, "X")

        def call(method, path, **kwargs):
            return session.request(method, f"{server.url}/api/v2{path}", timeout=10, **kwargs)

        yield seeded, call, old


def test_a_wrong_key_is_refused(api):
    _, call, _ = api
    response = call("GET", "/tickets", auth=("nope", "X"))
    assert response.status_code == 401 and response.json()["code"] == "invalid_credentials"


def test_without_updated_since_only_the_last_30_days_are_listed(api):
    _, call, old = api
    ids = {t["id"] for t in call("GET", "/tickets", params={"per_page": 100}).json()}
    assert old.id not in ids and ids
    since = {"updated_since": "2026-01-01T00:00:00Z", "per_page": 100}
    assert old.id in {t["id"] for t in call("GET", "/tickets", params=since).json()}


def test_pages_are_linked_and_capped(api):
    _, call, _ = api
    query = {
        "updated_since": "2026-01-01T00:00:00Z",
        "per_page": 5,
        "order_by": "updated_at",
        "order_type": "asc",
    }
    first = call("GET", "/tickets", params=query)
    assert first.links["next"]["url"].startswith("http://127.0.0.1:")
    times = [t["updated_at"] for t in first.json()]
    assert times == sorted(times)
    second = call("GET", "/tickets", params={**query, "page": 2})
    assert second.status_code == 200
    third = call("GET", "/tickets", params={**query, "page": 3})
    assert third.status_code == 400
    assert third.json()["errors"][0]["field"] == "page"
    assert "beyond the 2th page" in third.json()["errors"][0]["message"]


def test_includes_cost_two_credits_each(api):
    _, call, _ = api
    plain = call("GET", "/tickets", params={"updated_since": "2026-11-01T00:00:00Z"})
    rich = call(
        "GET",
        "/tickets",
        params={"updated_since": "2026-11-01T00:00:00Z", "include": "description,requester"},
    )
    assert plain.headers["X-RateLimit-Used-CurrentRequest"] == "1"
    assert rich.headers["X-RateLimit-Used-CurrentRequest"] == "5"
    assert "description_text" in rich.json()[0] and "description_text" not in plain.json()[0]
    assert rich.json()[0]["requester"]["email"].endswith("@customer.example")


def test_tags_replace_and_notes_are_private_unless_asked(api):
    seeded, call, _ = api
    ticket = seeded.tickets["kept_on_time"]
    call("PUT", f"/tickets/{ticket.id}", json={"tags": ["a", "b"]})
    call("PUT", f"/tickets/{ticket.id}", json={"tags": ["b", "c"]})
    assert sorted(call("GET", f"/tickets/{ticket.id}").json()["tags"]) == ["b", "c"]
    note = call("POST", f"/tickets/{ticket.id}/notes", json={"body": "<p>hello</p>"})
    assert note.status_code == 201 and note.json()["private"] is True
    conversations = call("GET", f"/tickets/{ticket.id}/conversations").json()
    assert conversations[-1]["body_text"] == "hello" and conversations[-1]["source"] == 2


def test_an_update_with_a_field_it_does_not_know_fails_validation(api):
    seeded, call, _ = api
    ticket = seeded.tickets["kept_on_time"]
    response = call("PUT", f"/tickets/{ticket.id}", json={"tags": ["x"], "type": "Bogus"})
    assert response.status_code == 400
    assert response.json()["description"] == "Validation failed"
    assert call("GET", "/tickets/999999").status_code == 404


def test_agents_carry_rails_zone_names():
    assert rails_zone("Europe/London") == "London"
    assert rails_zone("America/New_York") == "Eastern Time (US & Canada)"
    assert rails_zone("Antarctica/Troll") == "Antarctica/Troll"
