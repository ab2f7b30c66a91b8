"""What becomes a message: descriptions, replies, notes, calls, our own notes; people, groups."""

from __future__ import annotations

from datetime import timedelta

from integrations.freshdesk.spec import SPEC as FRESHDESK
from tests.helpers.freshdesk import ME, NOW, conversation, ticket


def records(connector, cursor=None, now=NOW):
    batches = list(connector.pages(cursor, now))
    messages = {m.external_id: m for b in batches for m in b.messages}
    people = {p.external_id: p for b in batches for p in b.people}
    groups = {g.external_id: g for b in batches for g in b.groups}
    return batches, messages, people, groups


def test_each_kind_of_conversation_becomes_the_right_message(desk, make_connector):
    at = NOW - timedelta(hours=2)
    desk.add(ticket(1, at))
    desk.converse(
        conversation(11, 1, at, "I will call you back tomorrow."),
        conversation(12, 1, at, "Customer says thanks", incoming=True, user_id=5001),
        conversation(13, 1, at, "Internal: check stock", private=True, source=2),
        conversation(14, 1, at, "Public note", source=2),
        conversation(15, 1, at, "Called the customer", source=9),
        conversation(16, 1, at, "Follow-through: overdue", private=True, source=2, user_id=ME),
        conversation(17, 1, at, "", body="<p>I&#39;ll send it <b>today</b></p>", body_text=None),
    )
    _, messages, _, _ = records(make_connector())
    reply = messages["11"]
    assert (reply.author_role, reply.public, reply.channel) == ("agent", True, "email")
    assert reply.text == "I will call you back tomorrow." and reply.author_external_id == "901"
    assert reply.sent_at == at
    assert (messages["12"].author_role, messages["12"].public) == ("customer", True)
    assert (messages["13"].author_role, messages["13"].public) == ("agent", False)
    assert messages["14"].public is False
    assert messages["15"].is_call and messages["15"].channel == "phone"
    assert messages["16"].is_own_note and not messages["11"].is_own_note
    assert messages["17"].text == "I'll send it today"
    description = messages["1:description"]
    assert (description.author_role, description.author_external_id) == ("customer", "5001")
    assert description.text == "Where is order 1?"
    assert description.sent_at == at - timedelta(hours=1)


def test_conversations_are_read_only_for_changed_tickets_and_filtered_by_time(desk, make_connector):
    at = NOW - timedelta(hours=2)
    desk.add(ticket(1, at), ticket(2, at))
    desk.converse(conversation(11, 1, at - timedelta(hours=1), "first"))
    desk.converse(conversation(21, 2, at, "other"))
    _, cursor_batches = None, list(make_connector().pages(None, NOW))
    cursor = cursor_batches[-1].cursor
    later = NOW + timedelta(minutes=10)
    desk.converse(conversation(12, 1, later, "second"))
    desk.add(ticket(1, later))
    connector = make_connector()
    _, messages, _, _ = records(connector, cursor, later + timedelta(minutes=1))
    assert set(messages) == {"12", "1:description"}  # 11 is older than the window
    paths = [c for c in connector.http_stats.by_status]  # every call answered 200
    assert paths == [200]
    assert connector.http_stats.calls == 3 + 1  # three passes + one ticket's conversations


def test_long_conversation_threads_are_followed_through_link_pages(desk, make_connector):
    at = NOW - timedelta(hours=2)
    desk.add(ticket(1, at))
    desk.converse(*(conversation(100 + i, 1, at, f"reply {i}") for i in range(230)))
    _, messages, _, _ = records(make_connector())
    assert len([m for m in messages if m != "1:description"]) == 230


def test_a_ticket_deleted_before_its_conversations_are_read_has_none(desk, make_connector):
    at = NOW - timedelta(hours=2)
    desk.add(ticket(1, at))
    desk.fail(r"GET /api/v2/tickets/1/conversations", 404, "", {}, 1)
    batches, messages, _, _ = records(make_connector())
    assert set(messages) == {"1:description"}
    assert [t.external_id for b in batches for t in b.tickets] == ["1"]


def test_agents_groups_and_requesters_are_synced_with_iana_zones(desk, make_connector):
    desk.add(ticket(1, NOW - timedelta(hours=2)))
    contact = {"name": "Cy", "email": "cy@a.io", "time_zone": "Mars"}
    desk.store.add_agent("Cy", "cy@a.io", id=903).vendor = {"contact": contact}
    _, _, people, groups = records(make_connector())
    assert people["901"].time_zone == "Asia/Kolkata" and people["901"].role == "agent"
    assert people["902"].time_zone == "America/New_York"
    assert people["903"].time_zone is None
    assert people["5001"].role == "customer" and people["5001"].email == "c5001@x.io"
    assert groups["70"].name == "Tier 1" and groups["70"].lead_external_id == "902"
    assert groups["71"].lead_external_id is None


def test_assignee_and_group_changes_are_carried_for_hand_offs(desk, make_connector):
    at = NOW - timedelta(hours=2)
    desk.add(ticket(1, at))
    first = list(make_connector().pages(None, NOW))
    desk.add(ticket(1, at + timedelta(minutes=5), responder_id=902, group_id=71))
    second = list(make_connector().pages(first[-1].cursor, NOW + timedelta(minutes=10)))
    record = next(t for b in second for t in b.tickets)
    assert (record.assignee_external_id, record.group_external_id) == ("902", "71")
    assert record.updated_at == at + timedelta(minutes=5)
    assert FRESHDESK.derives_handoffs is True  # the spec says so; sync asks it


def test_an_outbound_email_description_is_the_agents_message(desk, make_connector):
    outbound = ticket(1, NOW - timedelta(hours=2), source=10, description_text="I'll call at 3.")
    desk.add(outbound)
    _, messages, _, _ = records(make_connector())
    first = messages["1:description"]
    assert (first.author_role, first.author_external_id, first.public) == ("agent", "901", True)


def test_a_key_that_may_not_list_agents_or_deleted_tickets_still_syncs(desk, make_connector):
    desk.add(ticket(1, NOW - timedelta(hours=2)))
    desk.fail(r"GET /api/v2/agents", 403, {"code": "access_denied"}, {}, 1)
    batches = list(make_connector().pages(None, NOW))
    warnings = [w for b in batches for w in b.stats.get("warnings", [])]
    assert any("listing agents is forbidden" in w for w in warnings)
    assert [t.external_id for b in batches for t in b.tickets] == ["1"]
    desk.fail(r"GET /api/v2/tickets\?.*filter=deleted.*", 403, {"code": "denied"}, {}, 1)
    batches = list(make_connector().pages(None, NOW))
    warnings = [w for b in batches for w in b.stats.get("warnings", [])]
    assert any("deleted tickets are not readable" in w for w in warnings)
    assert [t.external_id for b in batches for t in b.tickets] == ["1"]


def test_quoted_history_in_a_reply_stays_marked_as_quoted(desk, make_connector):
    at = NOW - timedelta(hours=2)
    desk.add(ticket(1, at))
    html = (
        "<div>Thanks, noted.</div><div class='freshdesk_quote'><blockquote class="
        "'freshdesk_quote'>I will call you back tomorrow.</blockquote></div>"
    )
    desk.converse(conversation(11, 1, at, "", body=html, body_text="flattened"))
    _, messages, _, _ = records(make_connector())
    lines = messages["11"].text.splitlines()
    assert lines == ["Thanks, noted.", "> I will call you back tomorrow."]
