"""Polling a real Dovecot mailbox: batches, threads, resume, new mail, broken mail."""

from __future__ import annotations

import json
import logging
from datetime import timedelta

from tests.helpers.imap.mailbox import Account, connector, messages, seeded, unique
from tests.helpers.imap.mails import mail
from tests.helpers.imap.seed import ANNA, NOW, SUPPORT, at


def test_it_reads_every_folder_in_batches_and_makes_each_thread_one_ticket(
    mailbox_account: Account,
) -> None:
    tag = seeded(mailbox_account)
    batches = list(connector(mailbox_account).pages(None, NOW))

    assert all(len(b.messages) <= 2 for b in batches)
    found = messages(batches)
    assert len(found) == 10

    def ticket(name: str) -> str:
        return found[f"<{name}@{tag}.example>"].ticket_external_id

    root = f"<a1@{tag}.example>"
    assert [ticket(n) for n in ("a1", "a2", "a3", "a4")] == [root] * 4
    # a client that dropped In-Reply-To and References: same subject, same customer
    assert ticket("b2") == ticket("b1") == f"<b1@{tag}.example>"
    # In-Reply-To alone, its parent in a folder read later
    assert ticket("c1") == ticket("c2") == ticket("c3") == f"<c1@{tag}.example>"
    robot = [m for m in found.values() if m.author_external_id == "printer@contoso.com"]
    assert robot[0].external_id.startswith("sha256:")
    assert robot[0].ticket_external_id == robot[0].external_id

    roles = {m.external_id: m.author_role for m in found.values()}
    assert roles[f"<a2@{tag}.example>"] == "agent"
    assert roles[f"<a3@{tag}.example>"] == "customer"
    tom_reply = found[f"<a2@{tag}.example>"]
    assert tom_reply.text == (
        "Hi Anna,\n\nI'll check the invoice with billing and get back to you by Friday.\n\nTom"
    )
    assert tom_reply.sent_at == at(3)

    handoffs = [a for b in batches for a in b.assignments]
    assert [
        (h.ticket_external_id, h.from_assignee_external_id, h.to_assignee_external_id)
        for h in handoffs
    ] == [(root, "tom@acme.example", "marta@acme.example")]
    last_ticket = [t for b in batches for t in b.tickets if t.external_id == root][-1]
    assert last_ticket.assignee_external_id == "marta@acme.example"
    assert last_ticket.requester_external_id == "anna.kowalski@gmail.com"
    assert last_ticket.subject == "Wrong VAT number on INV-2211"
    assert last_ticket.status == "open"

    cursor = json.loads(batches[-1].cursor)
    assert cursor["folders"]["INBOX"]["last_uid"] == 6
    assert cursor["folders"]["Sent"]["last_uid"] == 4
    with mailbox_account.client() as client:
        validity = client.select_folder("INBOX", readonly=True)[b"UIDVALIDITY"]
    assert cursor["folders"]["INBOX"]["uidvalidity"] == validity


def test_it_resumes_from_any_stored_cursor_without_losing_or_repeating_mail(
    mailbox_account: Account,
) -> None:
    seeded(mailbox_account)
    first_pass = list(connector(mailbox_account).pages(None, NOW))
    for stop in range(len(first_pass)):
        resumed = list(connector(mailbox_account).pages(first_pass[stop].cursor, NOW))
        before = messages(first_pass[: stop + 1])
        after = messages(resumed)
        assert not set(before) & set(after)
        assert len(before) + len(after) == 10
    assert messages(list(connector(mailbox_account).pages(first_pass[-1].cursor, NOW))) == {}


def test_mail_that_arrives_between_passes_is_read_next_time_in_its_thread(
    mailbox_account: Account,
) -> None:
    tag = seeded(mailbox_account)
    cursor = list(connector(mailbox_account).pages(None, NOW))[-1].cursor
    a5 = f"<a5@{tag}.example>"
    mailbox_account.append(
        mail(
            ANNA,
            SUPPORT,
            "Re: Wrong VAT number on INV-2211",
            "Still waiting for it.",
            message_id=a5,
            sent=at(30),
            in_reply_to=f"<a4@{tag}.example>",
            references=[f"<a1@{tag}.example>", f"<a4@{tag}.example>"],
        ),
        "INBOX",
    )
    batches = list(connector(mailbox_account).pages(cursor, NOW))
    found = messages(batches)
    assert list(found) == [a5]
    assert found[a5].ticket_external_id == f"<a1@{tag}.example>"
    ticket = [t for b in batches for t in b.tickets][-1]
    assert ticket.assignee_external_id == "marta@acme.example"  # remembered in the cursor
    assert ticket.created_at is None  # an old thread keeps its creation time


def test_a_broken_message_is_logged_with_folder_and_uid_and_skipped(
    mailbox_account: Account, caplog
) -> None:
    tag = unique("t")
    good = [
        mail(
            ANNA, SUPPORT, f"Question {n}", "Hello", message_id=f"<g{n}@{tag}.example>", sent=at(n)
        )
        for n in (1, 2)
    ]
    no_sender = b"Subject: lost\r\nMessage-ID: <x@broken.example>\r\n\r\nno sender at all\r\n"
    mailbox_account.append_many([good[0], no_sender, good[1]], "INBOX")
    mailbox = connector(mailbox_account, batch_size=10, folders=["INBOX"])
    with caplog.at_level(logging.WARNING, logger="integrations.imap.connector"):
        batches = list(mailbox.pages(None, NOW))
    assert sorted(messages(batches)) == [f"<g1@{tag}.example>", f"<g2@{tag}.example>"]
    assert [(folder, uid) for folder, uid, _ in mailbox.skipped] == [("INBOX", 2)]
    assert "no sender" in mailbox.skipped[0][2]
    record = next(r for r in caplog.records if r.getMessage() == "skipped a broken message")
    assert (record.folder, record.uid, record.source) == ("INBOX", 2, "mailbox")
    assert json.loads(batches[-1].cursor)["folders"]["INBOX"]["last_uid"] == 3
    assert batches[-1].stats["skipped"] == 1


def test_polling_never_marks_mail_as_read(mailbox_account: Account) -> None:
    seeded(mailbox_account)
    list(connector(mailbox_account).pages(None, NOW))
    with mailbox_account.client() as client:
        client.select_folder("INBOX", readonly=True)
        assert client.search(["UNSEEN"]) == [1, 2, 3, 4, 5, 6]


def test_a_huge_message_is_read_in_part_and_fetches_stay_within_their_byte_budget(
    mailbox_account: Account,
) -> None:
    from email.message import EmailMessage

    tag = unique("t")
    big = EmailMessage()
    big["From"], big["To"], big["Subject"] = ANNA, SUPPORT, "Video of the fault"
    big["Message-ID"], big["Date"] = f"<big@{tag}.example>", "Tue, 14 May 2024 10:00:00 +0000"
    big.set_content("Hello,\n\nThe video of the fault is attached.\n\nAnna")
    big.add_attachment(
        bytes(range(256)) * 2000, maintype="video", subtype="mp4", filename="fault.mp4"
    )  # ~690 kB once encoded
    small = [
        mail(
            ANNA, SUPPORT, f"Note {n}", "x" * 20_000, message_id=f"<s{n}@{tag}.example>", sent=at(n)
        )
        for n in range(4)
    ]
    mailbox_account.append_many([small[0], small[1], big.as_bytes(), small[2], small[3]])
    source = connector(mailbox_account, batch_size=10, folders=["INBOX"])
    source.full_limit, source.partial_bytes, source.fetch_budget = 300_000, 16_384, 45_000
    fetches: list[tuple[list[int], int | None]] = []
    plan = source._fetch_plan

    def recorded(uids, sizes):
        groups = plan(uids, sizes)
        fetches.extend(groups)
        return groups

    source._fetch_plan = recorded
    batches = list(source.pages(None, NOW))
    found = messages(batches)
    assert found[f"<big@{tag}.example>"].text == (
        "Hello,\n\nThe video of the fault is attached.\n\nAnna"
    )
    assert len(found) == 5 and batches[-1].stats["truncated"] == 1
    assert fetches == [([1, 2], None), ([3], 16_384), ([4, 5], None)]


def test_mail_among_agents_only_is_private_and_stays_in_its_thread(
    mailbox_account: Account,
) -> None:
    tag = unique("t")
    root = f"<v1@{tag}.example>"
    mailbox_account.append(
        mail(ANNA, SUPPORT, "Refund", "Where is my refund?", message_id=root, sent=at(0))
    )
    mailbox_account.append(
        mail(
            "Tom Baker <tom@acme.example>",
            "Billing <billing@acme.example>",
            "Fwd: Refund",
            "Billing, I promised Anna an answer by Friday; can you check?",
            message_id=f"<v2@{tag}.example>",
            sent=at(1),
            references=[root],
        ),
        "Sent",
    )
    found = messages(list(connector(mailbox_account).pages(None, NOW)))
    forward = found[f"<v2@{tag}.example>"]
    assert forward.ticket_external_id == root
    assert forward.author_role == "agent" and forward.public is False
    assert found[root].public is True


def test_a_folder_read_from_its_start_goes_back_only_as_far_as_the_backfill(
    mailbox_account: Account,
) -> None:
    tag = unique("t")

    def note(n: int) -> bytes:
        return mail(
            ANNA, SUPPORT, f"Note {n}", "Hello", message_id=f"<n{n}@{tag}.example>", sent=at(n)
        )

    for n in range(4):  # UIDs 1..4: old, recent, old, recent
        arrived = NOW - (timedelta(days=60) if n % 2 == 0 else timedelta(days=1))
        mailbox_account.append_many([note(n)], arrived=arrived)
    source = connector(
        mailbox_account, batch_size=1, folders=["INBOX"], backfill=timedelta(days=14)
    )
    batches = list(source.pages(None, NOW))
    assert sorted(messages(batches)) == [f"<n1@{tag}.example>", f"<n3@{tag}.example>"]
    cursors = [json.loads(b.cursor)["folders"]["INBOX"]["last_uid"] for b in batches]
    assert cursors == [3, 4]  # after UID 2, UID 3 (too old) is passed on purpose

    # later passes read whatever arrives, whatever date the server gives it
    mailbox_account.append_many([note(4)], arrived=NOW - timedelta(days=300))
    again = list(source.pages(batches[-1].cursor, NOW))
    assert list(messages(again)) == [f"<n4@{tag}.example>"]


def test_a_folder_with_only_old_mail_stores_its_progress_all_the_same(
    mailbox_account: Account,
) -> None:
    old = mail(ANNA, SUPPORT, "Ancient", "Hello", message_id=f"<x@{unique()}.example>", sent=at(0))
    mailbox_account.append_many([old, old], arrived=NOW - timedelta(days=90))
    source = connector(mailbox_account, folders=["INBOX"], backfill=timedelta(days=14))
    batches = list(source.pages(None, NOW))
    assert messages(batches) == {}
    assert json.loads(batches[-1].cursor)["folders"]["INBOX"]["last_uid"] == 2


def test_an_autoresponders_acknowledgement_is_a_system_message_not_an_agents_reply(
    mailbox_account: Account,
) -> None:
    tag = unique("t")
    root = f"<r1@{tag}.example>"
    ack = mail(
        SUPPORT,
        ANNA,
        "[ACME #4411] Re: Refund",
        "We received your request and will get back to you within 24 hours.",
        message_id=f"<ack@{tag}.example>",
        sent=at(0.1),
        in_reply_to=root,
        references=[root],
    )
    ack = b"Auto-Submitted: auto-replied\r\n" + ack
    mailbox_account.append_many(
        [mail(ANNA, SUPPORT, "Refund", "Where is my refund?", message_id=root, sent=at(0)), ack]
    )
    batches = list(connector(mailbox_account, folders=["INBOX"]).pages(None, NOW))
    found = messages(batches)
    assert found[f"<ack@{tag}.example>"].author_role == "system"
    assert found[f"<ack@{tag}.example>"].ticket_external_id == root
    ticket = [t for b in batches for t in b.tickets][-1]
    assert ticket.assignee_external_id is None  # nobody has answered yet


def test_a_date_far_in_the_future_gives_way_to_the_servers_arrival_time(
    mailbox_account: Account,
) -> None:
    from datetime import UTC, datetime

    future = mail(
        ANNA,
        SUPPORT,
        "Clock",
        "My computer's clock is wrong.",
        message_id=f"<f@{unique()}.example>",
        sent=datetime(2031, 1, 1, tzinfo=UTC),
    )
    arrived = datetime(2024, 5, 14, 10, 30, tzinfo=UTC)
    mailbox_account.append_many([future], arrived=arrived)
    found = messages(list(connector(mailbox_account, folders=["INBOX"]).pages(None, NOW)))
    assert [m.sent_at for m in found.values()] == [arrived]
