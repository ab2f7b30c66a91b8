"""Writing back: internal notes only, tags with safe_update, the due field, closed tickets."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import responses

from integrations.base import WriteBackError
from tests.helpers.zendesk import BASE, TOKEN, connector

TICKET_URL = f"{BASE}/api/v2/tickets/35436.json"
TAGS_URL = f"{BASE}/api/v2/tickets/35436/tags.json"
CLOSED = {
    "error": "RecordInvalid",
    "description": "Record validation errors",
    "details": {"status": [{"description": "Status: closed prevents ticket update"}]},
}


def _ticket(updated_at: str) -> dict:
    return {"ticket": {"id": 35436, "status": "open", "updated_at": updated_at}}


def _body(call) -> dict:
    return json.loads(call.request.body)


@responses.activate
def test_a_note_is_always_sent_as_an_explicitly_private_comment(monkeypatch):
    responses.put(TICKET_URL, json=_ticket("2026-11-23T10:00:00Z"))
    connector(monkeypatch).add_note("35436", "Promise overdue: call back Carla.")
    (call,) = responses.calls
    assert call.request.method == "PUT"
    assert _body(call) == {
        "ticket": {"comment": {"body": "Promise overdue: call back Carla.", "public": False}}
    }
    assert "Basic " in call.request.headers["Authorization"]


@responses.activate
def test_a_note_on_a_closed_ticket_is_a_permanent_failure(monkeypatch):
    responses.put(TICKET_URL, json=CLOSED, status=422)
    with pytest.raises(WriteBackError) as caught:
        connector(monkeypatch).add_note("35436", "overdue")
    assert caught.value.permanent and caught.value.status == 422
    assert "helpdesk: ticket 35436" in caught.value.reason and "closed" in caught.value.reason


@responses.activate
def test_a_note_on_a_deleted_ticket_is_a_permanent_failure(monkeypatch):
    responses.put(TICKET_URL, json={"error": "RecordNotFound"}, status=404)
    with pytest.raises(WriteBackError) as caught:
        connector(monkeypatch).add_note("35436", "overdue")
    assert caught.value.permanent


@responses.activate
def test_a_note_that_keeps_failing_on_the_server_is_a_temporary_failure(monkeypatch):
    responses.put(TICKET_URL, status=503)
    with pytest.raises(WriteBackError) as caught:
        connector(monkeypatch).add_note("35436", "overdue")
    assert not caught.value.permanent and TOKEN not in str(caught.value)


@responses.activate
def test_tags_are_added_and_removed_with_safe_update_and_the_stamp_just_read(monkeypatch):
    responses.get(TICKET_URL, json=_ticket("2026-11-23T10:00:00Z"))
    responses.put(TAGS_URL, json={"tags": ["enterprise", "promise_overdue"]})
    responses.get(TICKET_URL, json=_ticket("2026-11-23T10:00:05Z"))
    responses.delete(TAGS_URL, json={"tags": ["promise_overdue"]})
    connector(monkeypatch).change_tags("35436", ["promise_overdue"], ["promise_open"])
    put, delete = (c for c in responses.calls if c.request.method != "GET")
    assert put.request.method == "PUT" and delete.request.method == "DELETE"
    assert _body(put) == {
        "tags": ["promise_overdue"],
        "safe_update": True,
        "updated_stamp": "2026-11-23T10:00:00Z",
    }
    assert _body(delete)["tags"] == ["promise_open"]
    assert _body(delete)["updated_stamp"] == "2026-11-23T10:00:05Z"


@responses.activate
def test_a_409_conflict_rereads_the_ticket_and_tries_again(monkeypatch):
    responses.get(TICKET_URL, json=_ticket("2026-11-23T10:00:00Z"))
    responses.put(TAGS_URL, json={"error": "UpdateConflict"}, status=409)
    responses.get(TICKET_URL, json=_ticket("2026-11-23T10:00:09Z"))
    responses.put(TAGS_URL, json={"tags": ["promise_overdue"]})
    connector(monkeypatch).change_tags("35436", ["promise_overdue"], [])
    puts = [c for c in responses.calls if c.request.method == "PUT"]
    assert [_body(c)["updated_stamp"] for c in puts] == [
        "2026-11-23T10:00:00Z",
        "2026-11-23T10:00:09Z",
    ]


@responses.activate
def test_endless_conflicts_give_up_after_a_bounded_number_of_tries(monkeypatch):
    responses.get(TICKET_URL, json=_ticket("2026-11-23T10:00:00Z"))
    responses.put(TAGS_URL, json={"error": "UpdateConflict"}, status=409)
    with pytest.raises(WriteBackError) as caught:
        connector(monkeypatch).change_tags("35436", ["promise_overdue"], [])
    assert not caught.value.permanent and caught.value.status == 409
    assert len([c for c in responses.calls if c.request.method == "PUT"]) == 5


@responses.activate
def test_the_due_field_is_written_when_configured(monkeypatch):
    responses.get(TICKET_URL, json=_ticket("2026-11-23T10:00:00Z"))
    responses.put(TICKET_URL, json=_ticket("2026-11-23T10:00:01Z"))
    due = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)
    connector(monkeypatch, due_field_id=360001234567).set_due_field("35436", due)
    put = responses.calls[-1]
    assert _body(put)["ticket"]["custom_fields"] == [
        {"id": 360001234567, "value": "2026-11-24T17:00:00Z"}
    ]
    assert _body(put)["ticket"]["safe_update"] is True
    assert "comment" not in _body(put)["ticket"]


@responses.activate
def test_the_due_field_is_left_alone_when_not_configured(monkeypatch):
    connector(monkeypatch).set_due_field("35436", datetime(2026, 11, 24, tzinfo=UTC))
    assert len(responses.calls) == 0
