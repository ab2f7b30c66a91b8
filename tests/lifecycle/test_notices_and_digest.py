"""The words people receive: notices per step and the daily digest (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tracker.outbox.digest import DigestItem, digest_body, digest_due
from tracker.outbox.notices import PromiseView, compose, humanize

DUE = datetime(2026, 11, 24, 11, tzinfo=UTC)
VIEW = PromiseView(
    promise_id=7, quote='I\'ll send <script>alert("x")</script> & call', kind="send",
    due_at=DUE, source="desk", source_type="zendesk", ticket="4242",
    ticket_subject="Refund <urgent>", ticket_url="https://desk/4242?a=1&b=2",
    owner="bob@acme.example", maker="amy@acme.example", timezone="Europe/London",
)  # fmt: skip


def test_the_lead_notice_says_whose_promise_how_late_and_links_the_ticket():
    notice = compose("lead", VIEW, DUE + timedelta(hours=26, minutes=5))
    assert (
        notice.subject == "Escalated: bob@acme.example's promise on ticket #4242 is 1d 2h overdue"
    )
    assert "Made by: amy@acme.example" in notice.text
    assert "Due: Tue 24 Nov 2026 11:00 GMT, 1d 2h late" in notice.text
    assert "<script>" not in notice.html and "&lt;script&gt;" in notice.html
    assert 'href="https://desk/4242?a=1&amp;b=2"' in notice.html
    assert '&lt;script&gt;alert("x")&lt;/script&gt; &amp; call' in notice.slack
    assert notice.add_tags == ("promise_overdue",) and notice.note


def test_a_hand_off_notice_tells_the_new_owner_when_it_is_due():
    notice = compose("handoff-12", VIEW, DUE - timedelta(hours=3))
    assert notice.subject == (
        "Handed to you: a promise on ticket #4242, due Tue 24 Nov 2026 11:00 GMT"
    )
    assert notice.add_tags == ()


def test_tag_changes_write_no_note():
    opened = compose("tag-open", VIEW, DUE)
    cleared = compose("tag-clear", VIEW, DUE)
    assert (opened.add_tags, opened.note, opened.due) == (("promise_open",), False, DUE)
    assert cleared.remove_tags == ("promise_open", "promise_overdue") and not cleared.note


def test_durations_read_like_people_write_them():
    assert humanize(timedelta(minutes=90)) == "1h 30m"
    assert humanize(timedelta(days=2, hours=3, minutes=4)) == "2d 3h"
    assert humanize(timedelta(seconds=20)) == "under a minute"


def test_the_digest_counts_per_agent_and_lists_the_promises():
    items = [
        DigestItem("overdue", "bob@acme.example", "1", "I'll call", DUE),
        DigestItem("overdue", "amy@acme.example", "2", "I'll send it", DUE),
        DigestItem("broken", "bob@acme.example", "3", "I'll check", DUE),
        DigestItem("kept late", "amy@acme.example", "4", "I'll fix it", DUE),
    ]
    body = digest_body("Tier 1", "2026-11-25", items)
    assert "overdue: 2, broken: 1, kept late: 1" in body
    assert "  amy@acme.example: overdue: 1, broken: 0, kept late: 1" in body
    assert "  bob@acme.example: overdue: 1, broken: 1, kept late: 0" in body
    assert "#3 bob@acme.example due 2026-11-24 11:00 UTC: \u201cI'll check\u201d" in body
    assert "Well done" in digest_body("Tier 1", "2026-11-25", [])


def test_the_digest_is_due_at_the_team_local_time():
    # 08:30 in New York is 13:30 UTC in November.
    assert (
        digest_due(datetime(2026, 11, 25, 13, 29, tzinfo=UTC), "America/New_York", "08:30") is None
    )
    assert digest_due(datetime(2026, 11, 25, 13, 30, tzinfo=UTC), "America/New_York", "08:30") == (
        "2026-11-25"
    )


def test_an_email_carries_both_parts_and_survives_non_ascii():
    import email
    import email.policy

    from integrations.notify import Notice
    from integrations.notify.email import EmailTransport

    transport = EmailTransport("127.0.0.1", 25, "ft@acme.example")
    notice = Notice(subject="Überfällig: José’s promise", text="“Ja” ✓", html="<p>✓</p>", slack="")
    raw = transport.message(notice, "lead@acme.example").as_bytes()
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert parsed["Subject"] == "Überfällig: José’s promise"
    assert parsed.get_body(("plain",)).get_content().strip() == "“Ja” ✓"
    assert parsed.get_body(("html",)).get_content().strip() == "<p>✓</p>"
