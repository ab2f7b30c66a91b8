"""Bad answers: a clear error naming the source, the cursor where it was."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from helpdesk_sandbox.freshdesk_json import agent_json
from integrations.http import AuthError, HttpError, MalformedResponse, RateLimited
from tests.helpers.freshdesk import KEY, NOW, collect, ticket


def test_a_429_is_waited_out_as_retry_after_says(desk, make_connector, slept):
    desk.add(ticket(1, NOW - timedelta(hours=1)))
    desk.fail(r"GET /api/v2/tickets", 429, "", {"Retry-After": "7"}, 1)
    connector = make_connector()
    _, tickets, error = collect(connector)
    assert error is None and tickets == ["1"]
    assert 7.0 in slept
    assert connector.http_stats.rate_limited == 1


def test_a_429_asking_for_too_long_stops_the_pass_with_the_cursor_kept(desk, make_connector):
    desk.add(ticket(1, NOW - timedelta(hours=1)))
    desk.fail(r"GET /api/v2/tickets/1/conversations", 429, "", {"Retry-After": "3600"}, 9)
    stored, tickets, error = collect(make_connector(), cursor=None)
    assert isinstance(error, RateLimited) and "freshdesk-acme" in str(error)
    assert tickets == []  # the page's batch was never handed over
    assert stored is None or json.loads(stored)["windows"]["all"]["since"] < "2026-11-20T11"


@pytest.mark.parametrize("status", [401, 403])
def test_refused_credentials_name_the_source_and_keep_the_cursor(desk, make_connector, status):
    desk.add(ticket(1, NOW - timedelta(hours=1)))
    _, cursor = None, None
    good = list(make_connector().pages(None, NOW))
    cursor = good[-1].cursor
    desk.add(ticket(2, NOW + timedelta(minutes=1)))
    refusal = json.dumps({"code": "invalid_credentials"})
    desk.fail(r"GET /api/v2/tickets", status, refusal, {}, 9)
    stored, tickets, error = collect(make_connector(), cursor, NOW + timedelta(minutes=2))
    assert isinstance(error, AuthError) and error.permanent
    assert str(error).startswith("freshdesk-acme:") and "credentials" in str(error)
    assert KEY not in str(error)
    assert stored == cursor and tickets == []


def test_malformed_json_is_reported_with_the_path_and_loses_nothing(desk, make_connector):
    desk.add(*(ticket(i, NOW - timedelta(hours=3) + timedelta(seconds=i)) for i in range(150)))
    desk.fail(r"GET /api/v2/tickets/120/conversations", 200, "[{not json", {}, 1)
    connector = make_connector()
    stored, tickets, error = collect(connector)
    assert isinstance(error, MalformedResponse)
    assert "freshdesk-acme" in str(error) and "/tickets/120/conversations" in str(error)
    assert len(tickets) == 100  # the first page was complete and is kept
    _stored2, rest, error2 = collect(make_connector(), stored)
    assert error2 is None and sorted(map(int, tickets + rest)) == list(range(150))


def test_a_ticket_list_that_is_not_an_array_is_malformed(desk, make_connector):
    desk.fail(r"GET /api/v2/tickets", 200, {"tickets": []}, {}, 1)
    _, _, error = collect(make_connector())
    assert isinstance(error, MalformedResponse) and "expected a JSON array" in str(error)


def test_a_ticket_without_updated_at_is_set_aside_and_the_page_goes_on(desk, make_connector):
    broken = ticket(1, NOW - timedelta(hours=1))
    broken["updated_at"] = None
    good = ticket(2, NOW - timedelta(hours=1))
    desk.fail(r"GET /api/v2/tickets", 200, [broken, good], {}, 1)
    batches = list(make_connector().pages(None, NOW))
    assert [t.external_id for b in batches for t in b.tickets] == ["2"]
    rejected = [(r.kind, r.external_id, r.error) for b in batches for r in b.rejected]
    assert rejected == [("ticket", "1", "PayloadError")]


def test_a_server_error_is_retried_with_backoff(desk, make_connector, slept):
    desk.add(ticket(1, NOW - timedelta(hours=1)))
    desk.fail(r"GET /api/v2/agents", 503, "", {}, 2)
    _, tickets, error = collect(make_connector())
    assert error is None and tickets == ["1"] and len(slept) == 2


def test_a_link_header_to_another_host_is_not_followed(desk, make_connector):
    desk.fail(
        r"GET /api/v2/agents",
        200,
        "[]",
        {"Link": '<https://evil.example/api/v2/agents?page=2>; rel="next"'},
        1,
    )
    _, _, error = collect(make_connector())
    assert isinstance(error, MalformedResponse) and "evil.example" in str(error)


def test_an_unreadable_stored_cursor_is_an_error_not_a_fresh_start(desk, make_connector):
    _, _, error = collect(make_connector(), cursor="{broken")
    assert isinstance(error, MalformedResponse) and "cursor" in str(error)


def test_a_missing_api_key_is_a_clear_error(monkeypatch, make_connector):
    monkeypatch.delenv("FT_TEST_FD_KEY", raising=False)
    with pytest.raises(HttpError, match="FT_TEST_FD_KEY"):
        make_connector()


def test_an_empty_remaining_budget_waits_a_minute(desk, make_connector, slept):
    desk.add(ticket(1, NOW - timedelta(hours=1)))
    desk.fail(
        r"GET /api/v2/agents/me",
        200,
        json.dumps(agent_json(desk.me)),
        {"X-RateLimit-Remaining": "0"},
        1,
    )
    _, tickets, error = collect(make_connector())
    assert error is None and tickets == ["1"]
    assert slept and 59 < slept[0] <= 61
