"""A support week in a mailbox: customers write to INBOX (or another folder), agents
answer from Sent; one thread changes hands, one client drops the threading headers,
one threads by In-Reply-To alone, one robot sends without a Message-ID."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.helpers.imap.mails import mail

AGENTS = ["support@acme.example", "*@acme.example"]
T0 = datetime(2024, 5, 13, 9, 0, tzinfo=UTC)
NOW = datetime(2024, 5, 15, 12, 0, tzinfo=UTC)

ANNA = "Anna Kowalski <anna.kowalski@gmail.com>"
JON = "Jon Smith <jon.smith@contoso.com>"
LI = "Li Wei <li.wei@example.cn>"
SUPPORT = "ACME Support <support@acme.example>"
TOM = "Tom Baker <tom@acme.example>"
MARTA = "Marta Lopez <marta@acme.example>"


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def support_week(tag: str) -> tuple[list[bytes], list[bytes]]:
    """(customer mail, agent mail); ids end in @{tag}.example so tests never collide."""
    a1, a2, a3, a4 = (f"<a{i}@{tag}.example>" for i in range(1, 5))
    b1, b2 = f"<b1@{tag}.example>", f"<b2@{tag}.example>"
    c1, c2, c3 = (f"<c{i}@{tag}.example>" for i in range(1, 4))
    inbox = [
        mail(
            ANNA,
            SUPPORT,
            "Wrong VAT number on INV-2211",
            "Hello,\n\nMy invoice INV-2211 shows the wrong VAT number.\n\nAnna",
            message_id=a1,
            sent=at(0),
        ),
        mail(
            JON,
            SUPPORT,
            "Access to the reporting portal",
            "Hi,\n\nI can no longer log in to the reporting portal.\n\nJon",
            message_id=b1,
            sent=at(1),
        ),
        mail(
            LI,
            SUPPORT,
            "Export to CSV",
            "Hello,\n\nHow do I export my data to CSV?\n\nLi",
            message_id=c1,
            sent=at(2),
        ),
        mail(
            ANNA,
            SUPPORT,
            "Re: Wrong VAT number on INV-2211",
            "Thanks Tom. It should be PL5260001246.\n\nAnna",
            message_id=a3,
            sent=at(5),
            in_reply_to=a2,
            references=[a1, a2],
            quote="I'll check the invoice with billing.",
        ),
        mail(
            LI,
            SUPPORT,
            "Re: Export to CSV",
            "That worked, thank you!",
            message_id=c3,
            sent=at(6),
            in_reply_to=c2,
        ),
        mail(
            "Printer Bot <printer@contoso.com>",
            SUPPORT,
            "Toner low",
            "Printer HP-4 on floor 2 reports toner below 5%.",
            message_id=None,
            sent=at(7),
        ),
    ]
    sent = [
        mail(
            TOM,
            ANNA,
            "Re: Wrong VAT number on INV-2211",
            "Hi Anna,\n\nI'll check the invoice with billing and get back to you by Friday.\n\nTom",
            message_id=a2,
            sent=at(3),
            in_reply_to=a1,
            references=[a1],
            quote="My invoice INV-2211 shows the wrong VAT number.",
        ),
        mail(
            TOM,
            JON,
            "Re: Access to the reporting portal",
            "Hi Jon,\n\nI have reset your access; please try again.\n\nTom",
            message_id=b2,
            sent=at(3.5),
        ),
        mail(
            TOM,
            LI,
            "Re: Export to CSV",
            "Hi Li,\n\nUse Reports > Export and pick CSV.\n\nTom",
            message_id=c2,
            sent=at(4),
            in_reply_to=c1,
        ),
        mail(
            MARTA,
            ANNA,
            "Re: Wrong VAT number on INV-2211",
            "Hi Anna,\n\nTom is away, I have taken over. I will send you the corrected "
            "invoice tomorrow.\n\nMarta",
            message_id=a4,
            sent=at(8),
            in_reply_to=a3,
            references=[a1, a2, a3],
        ),
    ]
    return inbox, sent
