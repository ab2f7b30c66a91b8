"""Both connectors hand the ticket's tags to the core, from the documented payloads."""

from __future__ import annotations

from integrations.freshdesk.mapping import ticket_record as freshdesk_ticket
from integrations.zendesk.mapping import ticket_record as zendesk_ticket
from tracker.corrections.commands import tag_commands


def test_a_zendesk_export_ticket_carries_its_tags():
    ticket = {"id": 35436, "status": "open", "assignee_id": 235323, "group_id": 98738,
              "requester_id": 20978392, "tags": ["enterprise", "ft_done"],
              "updated_at": "2011-05-05T10:38:52Z", "generated_timestamp": 1304553600}  # fmt: skip
    record = zendesk_ticket(ticket, "https://acme.zendesk.com")
    assert record.tags == ("enterprise", "ft_done")
    assert [c.verb for _, c in tag_commands(record.tags)] == ["done"]


def test_a_freshdesk_ticket_carries_its_tags():
    ticket = {
        "id": 20,
        "subject": "Printer",
        "status": 2,
        "responder_id": 7,
        "group_id": 3,
        "requester_id": 9,
        "tags": ["ft_not_a_promise"],
        "created_at": "2026-11-20T09:00:00Z",
        "updated_at": "2026-11-20T10:00:00Z",
    }
    record = freshdesk_ticket(ticket, "https://acme.freshdesk.com")
    assert record.tags == ("ft_not_a_promise",)
    assert [c.verb for _, c in tag_commands(record.tags)] == ["notpromise"]
