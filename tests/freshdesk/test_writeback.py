"""Writing back: a private note, merged tags, the due field, and refusals that need a person."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from integrations.freshdesk.writeback import WriteBackError
from tests.helpers.freshdesk import ME, NOW, ticket


@pytest.fixture
def one_ticket(desk):
    desk.add(ticket(42, NOW - timedelta(hours=1), tags=["vip", "Refund"]))
    return desk


def sent(desk, path_end: str, method: str) -> list[dict]:
    return desk.sent(method, f"/api/v2{path_end}")


def test_a_note_is_posted_private_explicitly_as_html(one_ticket, make_connector):
    connector = make_connector()
    note_id = connector.add_note("42", "Promise overdue: <call back>\n\nOwner: amy")
    body = sent(one_ticket, "/tickets/42/notes", "POST")[0]
    assert body["private"] is True
    assert body["body"] == "<p>Promise overdue: &lt;call back&gt;</p><p>Owner: amy</p>"
    note = one_ticket.conversations(42)[-1]
    assert str(note["id"]) == note_id and note["user_id"] == ME and note["private"] is True


def test_tags_are_merged_with_the_current_ones_and_verified(one_ticket, make_connector):
    tags = make_connector().change_tags("42", add=["promise_overdue", "vip"], remove=["refund"])
    assert tags == ["vip", "promise_overdue"]
    assert sent(one_ticket, "/tickets/42", "PUT") == [{"tags": ["vip", "promise_overdue"]}]
    assert one_ticket.store.tickets[42].tags == ["vip", "promise_overdue"]


def test_tags_already_right_are_not_written(one_ticket, make_connector):
    make_connector().change_tags("42", add=["vip"])
    assert sent(one_ticket, "/tickets/42", "PUT") == []


def test_a_concurrent_edit_that_drops_our_tag_is_tried_again(one_ticket, make_connector):
    face, store = one_ticket.face, one_ticket.store
    calls = []

    class Clobbering:
        def handle(self, request):
            reply = face.handle(request)
            if request.method == "PUT":
                calls.append(request.json())
                if len(calls) == 1:  # someone else's PUT lands right after ours
                    tags = store.tickets[42].tags
                    store.change_tags(42, ["vip"], [t for t in tags if t != "vip"])
            return reply

    one_ticket.server.face = Clobbering()
    tags = make_connector().change_tags("42", add=["promise_open"])
    assert "promise_open" in tags and len(calls) == 2


def test_the_due_field_is_set_when_configured(one_ticket, make_connector):
    due = datetime(2026, 11, 21, 17, 0, tzinfo=UTC)
    assert make_connector(due_field="cf_promise_due").set_due_field("42", due) is True
    written = {"custom_fields": {"cf_promise_due": "2026-11-21T17:00:00Z"}}
    assert sent(one_ticket, "/tickets/42", "PUT") == [written]
    assert make_connector().set_due_field("42", due) is False  # no field configured


def test_a_validation_failure_on_an_unrelated_field_is_permanent_and_names_it(
    one_ticket, make_connector
):
    refusal = {
        "description": "Validation failed",
        "errors": [
            {
                "field": "type",
                "message": "It should be one of these values: 'Question'",
                "code": "invalid_value",
            }
        ],
    }
    one_ticket.fail(r"PUT /api/v2/tickets/42", 400, refusal, {}, 5)
    with pytest.raises(WriteBackError) as caught:
        make_connector().change_tags("42", add=["promise_overdue"])
    assert caught.value.permanent is True
    assert "'type'" in str(caught.value) and "ticket 42" in str(caught.value)
    assert len(sent(one_ticket, "/tickets/42", "PUT")) == 1  # not retried


def test_a_missing_ticket_is_permanent(one_ticket, make_connector):
    with pytest.raises(WriteBackError) as caught:
        make_connector().add_note("77", "hello")
    assert caught.value.permanent is True and "77" in str(caught.value)
    with pytest.raises(WriteBackError) as caught:
        make_connector().change_tags("77", add=["x"])
    assert caught.value.permanent is True


def test_a_server_outage_is_not_permanent(one_ticket, make_connector):
    one_ticket.fail(r"POST /api/v2/tickets/42/notes", 503, "", {}, 99)
    with pytest.raises(WriteBackError) as caught:
        make_connector().add_note("42", "hello")
    assert caught.value.permanent is False


def test_refused_credentials_are_permanent(one_ticket, make_connector):
    one_ticket.fail(r"POST /api/v2/tickets/42/notes", 401, "", {}, 1)
    with pytest.raises(WriteBackError) as caught:
        make_connector().add_note("42", "hello")
    assert caught.value.permanent is True and "freshdesk-acme" in str(caught.value)
