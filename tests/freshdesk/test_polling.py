"""Polling changed tickets: the window, the page wall, boundaries, spam and deleted."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from integrations.freshdesk.client import credits_for
from tests.helpers.freshdesk import NOW, conversation, ticket


def run(connector, cursor=None, now=NOW):
    batches = list(connector.pages(cursor, now))
    stored = cursor
    for batch in batches:
        if batch.cursor is not None:
            stored = batch.cursor
    return batches, stored


def tickets_of(batches):
    return [t for b in batches for t in b.tickets]


def test_the_first_sync_always_sends_updated_since_from_the_backfill(desk, make_connector):
    desk.add(ticket(1, NOW - timedelta(days=40)), ticket(2, NOW - timedelta(days=3)))
    batches, _ = run(make_connector())
    assert [t.external_id for t in tickets_of(batches)] == ["2"]
    first = desk.list_calls[0]
    assert first["updated_since"] == "2026-11-06T12:00:00Z"  # now − 14 days, with a Z
    order = (first["order_by"], first["order_type"], first["per_page"])
    assert order == ("updated_at", "asc", "100")
    assert all("updated_since" in call for call in desk.list_calls)
    assert {call.get("filter") for call in desk.list_calls} == {None, "spam", "deleted"}


def test_it_resumes_after_the_stored_cursor_and_reads_only_what_changed(desk, make_connector):
    desk.add(*(ticket(i, NOW - timedelta(hours=10 - i)) for i in range(1, 6)))
    _, cursor = run(make_connector())
    desk.server.requests.clear()
    desk.add(ticket(7, NOW + timedelta(minutes=1)), ticket(2, NOW + timedelta(minutes=2)))
    batches, _ = run(make_connector(), cursor, NOW + timedelta(minutes=5))
    assert [t.external_id for t in tickets_of(batches)] == ["7", "2"]
    assert desk.list_calls[0]["updated_since"] == "2026-11-20T07:00:00Z"  # ticket 5's time
    # agents and groups are not read again within the hour
    assert not any(b.people and not b.tickets for b in batches)


def test_it_gets_past_the_page_wall(desk, make_connector):
    """450 tickets, a server that refuses page 3: the rolling window still reads them all."""
    desk.face.page_cap = 2
    desk.add(*(ticket(i, NOW - timedelta(days=1) + timedelta(seconds=i)) for i in range(450)))
    batches, _ = run(make_connector(page_cap=2))
    ids = [t.external_id for t in tickets_of(batches)]
    assert sorted(ids, key=int) == [str(i) for i in range(450)]
    assert len(ids) == len(set(ids))
    assert all(int(call["page"]) <= 2 for call in desk.list_calls)


def test_a_second_that_cannot_be_got_past_is_reported_and_stepped_over(
    desk, make_connector, caplog
):
    crowded = NOW - timedelta(hours=2)
    desk.face.page_cap = 2
    desk.add(*(ticket(i, crowded) for i in range(1, 351)))
    desk.add(ticket(999, crowded + timedelta(seconds=30)))
    with caplog.at_level(logging.ERROR):
        batches, cursor = run(make_connector(page_cap=2))
    ids = [t.external_id for t in tickets_of(batches)]
    assert len(ids) == 200 + 1 and "999" in ids  # two pages of the crowd, then onwards
    assert len(ids) == len(set(ids))
    warnings = [w for b in batches for w in b.stats.get("warnings", [])]
    assert len(warnings) == 1 and "freshdesk-acme" in warnings[0]
    assert crowded.strftime("%Y-%m-%dT%H:%M:%SZ") in warnings[0]
    assert "cannot get past" in caplog.text or "no query can get past" in caplog.text
    state = json.loads(cursor)["windows"]["all"]
    assert state["since"] == "2026-11-20T10:00:30Z"


def test_tickets_on_the_inclusive_boundary_are_not_read_twice(desk, make_connector):
    at = NOW - timedelta(hours=1)
    desk.add(ticket(1, at), ticket(2, at))
    _, cursor = run(make_connector())
    desk.add(ticket(3, at))  # appears later within the same second
    batches, _ = run(make_connector(), cursor, NOW + timedelta(minutes=2))
    assert [t.external_id for t in tickets_of(batches)] == ["3"]
    # a ticket updated again is new: (id, updated_at) differs
    desk.add(ticket(1, at + timedelta(seconds=1)))
    batches, _ = run(make_connector(), cursor, NOW + timedelta(minutes=4))
    assert sorted(t.external_id for t in tickets_of(batches)) == ["1", "3"]


def test_a_second_still_running_when_read_is_read_again(desk, make_connector):
    """Read during second T, a ticket can change again within T: same (id, updated_at)."""
    at = NOW - timedelta(minutes=1)
    desk.add(ticket(1, at))
    served = [at + timedelta(milliseconds=300)]  # the server's clock is still in T
    desk.server.date_clock = lambda: served[0]
    _, cursor = run(make_connector())
    desk.converse(conversation(11, 1, at, "I'll call you back at 4pm."))
    served[0] = at + timedelta(seconds=2)
    batches, cursor = run(make_connector(), cursor, NOW + timedelta(minutes=1))
    assert [m.external_id for b in batches for m in b.messages if m.external_id == "11"]
    # once the second is over, the boundary ticket is remembered and not read again
    batches, _ = run(make_connector(), cursor, NOW + timedelta(minutes=2))
    assert tickets_of(batches) == []


def test_a_ticket_updated_mid_run_does_not_make_another_one_skip(desk, make_connector):
    """Offset pages shift when an already-read ticket moves to the end; windows do not."""
    desk.add(*(ticket(i, NOW - timedelta(hours=5) + timedelta(seconds=i)) for i in range(250)))
    connector = make_connector()
    seen = []
    for batch in connector.pages(None, NOW):
        seen += [t.external_id for t in batch.tickets]
        if len(seen) == 100 and "0" in seen:
            desk.add(ticket(0, NOW - timedelta(minutes=1)))  # moves ticket 0 to the end
    assert set(seen) == {str(i) for i in range(250)}


def test_spam_and_deleted_tickets_are_marked(desk, make_connector):
    at = NOW - timedelta(hours=3)
    desk.add(ticket(1, at), ticket(2, at, spam=True), ticket(3, at, deleted=True))
    batches, _ = run(make_connector())
    status = {t.external_id: t.status for t in tickets_of(batches)}
    assert status == {"1": "open", "2": "spam", "3": "deleted"}
    fetched = {b.stats.get("pass") for b in batches if b.tickets}
    assert fetched == {"all", "spam", "deleted"}


def test_statuses_map_to_ours(desk, make_connector):
    at = NOW - timedelta(hours=3)
    desk.add(*(ticket(s, at + timedelta(seconds=s), status=s) for s in (2, 3, 4, 5, 12)))
    status = {t.external_id: t.status for t in tickets_of(run(make_connector())[0])}
    assert status == {"2": "open", "3": "pending", "4": "solved", "5": "closed", "12": "pending"}


def test_custom_field_values_of_any_type_are_tolerated(desk, make_connector):
    at = NOW - timedelta(hours=3)
    weird = {"cf_text": True, "cf_number": 12.5, "cf_list": ["a", 1], "cf_obj": {"x": None}}
    desk.add(ticket(1, at, custom_fields=weird), ticket(2, at, custom_fields=None, tags=None))
    desk.add(ticket(3, at, subject=None, responder_id=None, group_id=None))
    records = {t.external_id: t for t in tickets_of(run(make_connector())[0])}
    assert set(records) == {"1", "2", "3"}
    assert records["3"].subject == "" and records["3"].assignee_external_id is None


def test_includes_are_charged_two_credits_each(desk, make_connector):
    desk.add(ticket(1, NOW - timedelta(hours=1)))
    connector = make_connector()
    run(connector)
    stats = connector.http_stats
    assert credits_for(("description", "requester")) == 5
    # me + agents + groups + 3 ticket passes (one with two includes) + 1 conversation
    assert stats.calls == 7
    assert stats.credits == 7 + 4 == stats.server_credits


def test_the_servers_own_page_wall_in_a_crowded_second_is_stepped_over(desk, make_connector):
    """Our cap is 300, the server refuses page 3 with its documented 400: same outcome."""
    crowded = NOW - timedelta(hours=2)
    desk.face.page_cap = 2
    desk.add(*(ticket(i, crowded) for i in range(1, 251)))
    desk.add(ticket(999, crowded + timedelta(seconds=5)))
    batches, _ = run(make_connector())
    ids = [t.external_id for t in tickets_of(batches)]
    assert "999" in ids and len(ids) == len(set(ids)) == 201
    assert any(b.stats.get("warnings") for b in batches)


def test_an_update_while_a_crowded_second_is_paged_does_not_hide_a_ticket(desk, make_connector):
    """Six tickets in one second, three a page: one of them updated while the second is
    paged through by number shifts the rest; the second is read again, then page 1 onwards."""
    crowded = NOW - timedelta(hours=2)
    desk.face.max_per_page = 3
    desk.add(*(ticket(i, crowded) for i in range(6)), ticket(6, crowded + timedelta(seconds=1)))
    connector = make_connector()
    connector.client.per_page = 3
    read, pages = [], 0
    for batch in connector.pages(None, NOW):
        read += [t.external_id for t in batch.tickets]
        pages += batch.stats.get("pass") == "all" and "listed" in batch.stats
        if pages in (2, 6) and "0" in read and read.count("0") == 1:
            desk.add(ticket(0, NOW - timedelta(minutes=1)))  # leaves the crowded second
    assert {str(i) for i in range(7)} <= set(read)
    assert read.count("0") == 2  # its first and its new version
