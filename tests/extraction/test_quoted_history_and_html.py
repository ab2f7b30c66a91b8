"""Quoted history, signatures and HTML bodies: nothing there is ever extracted."""

from __future__ import annotations

import pytest

from tests.helpers.extraction import promises_in
from tracker.extraction import clean_html, quoted_history_start

REPLY = "Hi Jo,\n\nThanks, that's all sorted now.\n\n"

QUOTED = [
    (
        "gmail",
        REPLY + "On Tue, 10 Nov 2026 at 11:02, Amy <amy@shop.example> wrote:\n"
        "> Hi Jo, I'll call you back tomorrow.\n> Amy\n",
    ),
    (
        "gmail header wrapped over two lines",
        REPLY + "On Tue, Nov 10, 2026 at 11:02 AM Harbour & Finch Customer Care\n"
        "<care@harbourfinch.example> wrote:\n"
        "> I'll chase the warehouse and update you by Friday.\n",
    ),
    (
        "outlook",
        REPLY + "From: Olivia Hart <olivia@bank.example>\nSent: Friday, 4 December 2026 11:00\n"
        "To: P Whitfield\nSubject: RE: card\n\nI'll check with despatch on Monday morning.\n",
    ),
    (
        "original message",
        REPLY + "-----Original Message-----\nFrom: Amy\n\nI'll send you the label today.\n",
    ),
    (
        "german client",
        REPLY + "Am 02.12.2026 um 14:10 schrieb Quillstack Support <support@q.example>:\n"
        "> I'll update you by Friday once the refund is approved.\n",
    ),
    ("bare > lines", REPLY + "> I'll ring you on Monday.\n> > We'll ship it tomorrow.\n"),
    ("quoted lines in the middle", "Hi,\n> I'll call you tomorrow.\nThanks for the photo.\n"),
    (
        "signature after dashes",
        REPLY + "Amy\n--\nHarbour & Finch | We'll reply to every email within 24 hours.\n",
    ),
    (
        "sign-off",
        REPLY + "Kind regards,\nGrace\nWe aim to respond within 2 business days and we'll call "
        "you back if you leave a message.\n",
    ),
    ("sent from my phone", REPLY + "Sent from my iPhone\nI'll call you tomorrow.\n"),
    (
        "thanks and regards",
        REPLY + "Thanks and regards,\nKavya\nWe will respond to all complaints within 48 hours.\n",
    ),
    (
        "outlook rule",
        REPLY + "________________________________\nFrom: Jo\nSent: Monday\n\nI'll call you.\n",
    ),
    (
        "confidentiality disclaimer",
        REPLY + "This e-mail may contain confidential information. We will delete any reply "
        "sent to this address within 7 days.\n",
    ),
]


@pytest.mark.parametrize(("case", "text"), QUOTED, ids=[case for case, _ in QUOTED])
def test_a_promise_in_quoted_history_or_a_signature_is_not_found(case: str, text: str) -> None:
    assert promises_in(text) == []


def test_the_reply_above_the_quote_still_counts() -> None:
    text = (
        "Hi Jo,\n\nI'll call you on Friday.\n\nOn Tue, 10 Nov 2026 at 11:02, Jo wrote:\n"
        "> Will you call me? I'll be in all day.\n"
    )
    (found,) = promises_in(text)
    assert found.quote == "I'll call you on Friday"
    assert text[found.start : found.end] == found.quote


def test_quoted_history_start_points_at_the_header() -> None:
    text = "Thanks!\nOn Tue, 10 Nov 2026 at 11:02, Jo wrote:\n> old\n"
    assert text[quoted_history_start(text) :].startswith("On Tue")


def test_quoted_history_start_points_at_the_sign_off() -> None:
    text = "I'll call you tomorrow.\n\nKind regards,\nAmy\n"
    assert text[quoted_history_start(text) :].startswith("Kind regards")


def test_quoted_history_start_is_the_length_when_there_is_none() -> None:
    text = "I'll call you tomorrow."
    assert quoted_history_start(text) == len(text)


def test_a_greeting_is_not_mistaken_for_a_sign_off() -> None:
    assert [p.kind for p in promises_in("Thanks,\nI'll call you tomorrow.")] == ["callback"]


@pytest.mark.parametrize(
    ("html", "text"),
    [
        (
            "<p>Hi Fiona,</p><p>I'll call you&nbsp;tomorrow.</p>",
            "Hi Fiona,\n\nI'll call you tomorrow.",
        ),
        ("Hi Lena,<br><br>thanks!<br>Best,<br>Sven", "Hi Lena,\n\nthanks!\nBest,\nSven"),
        ("<div>A &amp; B</div><div><br></div><div>C</div>", "A & B\n\nC"),
        ("<ul><li>one</li><li>two</li></ul>", "- one\n- two"),
        ("<style>p {color: red}</style><p>Hello</p>", "Hello"),
        ("plain &pound;1.00 text", "plain £1.00 text"),
    ],
)
def test_html_bodies_become_plain_text_with_paragraphs(html: str, text: str) -> None:
    assert clean_html(html) == text


def test_html_blockquotes_become_quoted_history() -> None:
    html = (
        "<p>Sorted, thanks.</p><div>On Mon, Jo wrote:</div>"
        "<blockquote><p>I'll ship it tomorrow.</p></blockquote>"
    )
    plain = clean_html(html)
    assert "> I'll ship it tomorrow." in plain
    assert promises_in(plain) == []


def test_a_promise_in_an_html_body_is_found_after_cleaning() -> None:
    html = "<p>Hi Leo,</p><p>I'll send a replacement charger ASAP.</p><p>Cheers,<br>Dan</p>"
    assert [p.kind for p in promises_in(clean_html(html))] == ["send"]


def test_a_thank_you_line_before_the_reply_is_not_a_sign_off() -> None:
    text = "Hi Jo,\n\nThanks!\n\nI'll call you tomorrow.\n\nAmy"
    assert [p.kind for p in promises_in(text)] == ["callback"]


def test_windows_line_ends_are_understood_and_offsets_kept() -> None:
    text = (
        "Hi Jo,\r\n\r\nI'll call you on Friday.\r\n\r\nKind regards,\r\nAmy\r\n\r\n"
        "On Tue, 10 Nov 2026 at 11:02, Jo wrote:\r\n> I'll be in all day, will you ring me?\r\n"
    )
    (found,) = promises_in(text)
    assert text[found.start : found.end] == found.quote == "I'll call you on Friday"
    assert text[quoted_history_start(text) :].startswith("Kind regards")
