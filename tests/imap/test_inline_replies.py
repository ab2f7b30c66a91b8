"""An agent who answers inline writes the whole reply between the quoted parts: those
lines are the message, the `>` lines and the attribution are not."""

from __future__ import annotations

from integrations.imap.quoting import reply_text

INLINE = """Hi Ben,

On Tue, 1 Dec 2026 at 10:02, Ben Osei <ben@example.com> wrote:
> The export fails on large files.

Thanks for the log. I will look into the export code tonight and send you a fix tomorrow.

> Also the CSV has no header.

Added to the list.

Tom
"""


def test_answers_between_quoted_parts_are_kept_and_the_quotes_are_not():
    text = reply_text(INLINE)
    assert "I will look into the export code tonight" in text
    assert "Added to the list." in text
    assert "export fails" not in text and "no header" not in text and "wrote:" not in text


def test_a_german_attribution_with_inline_answers_is_read_the_same_way():
    mail = (
        "Hallo Ben,\n\nAm 01.12.2026 um 10:02 schrieb Ben Osei <ben@example.com>:\n"
        "> Der Export bricht ab.\n\nI'll send you a patched build tomorrow.\n"
    )
    assert reply_text(mail) == "Hallo Ben,\n\nI'll send you a patched build tomorrow."


def test_a_top_posted_reply_keeps_only_the_words_above_the_quote():
    mail = "Sure, I'll call you at 3.\n\nOn Tue, 1 Dec 2026, Ben wrote:\n> Can you call me?\n"
    assert reply_text(mail) == "Sure, I'll call you at 3."


def test_an_unprefixed_outlook_block_is_history_to_its_end():
    mail = (
        "Thanks, noted.\n\n-----Original Message-----\nFrom: Ben\nSent: Tuesday\n"
        "I will call you tomorrow.\n"
    )
    assert reply_text(mail) == "Thanks, noted."


def test_an_older_outlook_block_below_inline_answers_is_still_cut():
    mail = (
        "On Tue, 1 Dec 2026, Ben wrote:\n> Any news?\n\nI'll chase the courier today.\n\n"
        "-----Original Message-----\nFrom: Ben\nSent: Monday\nWe will refund you.\n"
    )
    assert reply_text(mail) == "I'll chase the courier today."
