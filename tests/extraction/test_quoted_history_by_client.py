"""Quoted history as mail clients write it: only the `>` lines, their attribution line and an
unprefixed original-message block are history; an inline reply between quoted parts is read.

Each client's attribution line is tried top-posted (reply above the quote), bottom-posted
(reply below it) and inline (answers between quoted parts), with a promise inside the quote
that must never be found.
"""

from __future__ import annotations

import itertools

import pytest

from tests.helpers.extraction import due_as_written, promises_in
from tracker.extraction import quoted_history_start
from tracker.extraction.cleaning import masked_ranges, visible_text

ATTRIBUTIONS = {
    "gmail en": "On Tue, 1 Dec 2026 at 10:02, Ben Osei <ben@example.com> wrote:",
    "gmail en wrapped": "On Tue, Dec 1, 2026 at 10:02 AM Ben Osei <ben@example.com>\nwrote:",
    "apple mail en": "On 1 Dec 2026, at 10:02, Ben Osei <ben@example.com> wrote:",
    "thunderbird en": "On 01/12/2026 10:02, Ben Osei wrote:",
    "gmail de": "Am Di., 1. Dez. 2026 um 10:02 Uhr schrieb Ben Osei <ben@example.com>:",
    "apple mail de": "Am 01.12.2026 um 10:02 schrieb Ben Osei <ben@example.com>:",
    "thunderbird de": "Am 01.12.26 um 10:02 schrieb Ben Osei:",
    "gmail fr": "Le mar. 1 déc. 2026 à 10:02, Ben Osei <ben@example.com> a écrit :",
    "apple mail fr": "Le 1 déc. 2026 à 10:02, Ben Osei <ben@example.com> a écrit :",
    "thunderbird fr": "Le 01/12/2026 à 10:02, Ben Osei a écrit :",
    "gmail es": "El mar, 1 dic 2026 a las 10:02, Ben Osei (<ben@example.com>) escribió:",
    "apple mail es": "El 1 dic 2026, a las 10:02, Ben Osei <ben@example.com> escribió:",
    "thunderbird es": "El 1/12/26 a las 10:02, Ben Osei escribió:",
    "a language not listed (pl)": "W dniu 1.12.2026 o 10:02, Ben Osei <ben@example.com> pisze:",
}
# Wednesday 2 December 2026, 09:00 in London.
SENT = "2026-12-02T09:00:00+00:00"
OLD_PROMISE = "> Thanks Ben, we'll ship a replacement router on Friday.\n"
REPLY = "Thanks for the log. I will look into the export code tonight and send you a fix tomorrow."
REPLY_QUOTE = "I will look into the export code tonight and send you a fix tomorrow"


def _layouts(attribution: str) -> dict[str, str]:
    return {
        "top-posted": f"Hi Ben,\n\n{REPLY}\n\nThanks,\nTom\n\n{attribution}\n"
        f"> The export fails on large files.\n>\n{OLD_PROMISE}",
        "bottom-posted": f"{attribution}\n> The export fails on large files.\n{OLD_PROMISE}"
        f"\n{REPLY}\n\nThanks,\nTom\n",
        "inline": f"Hi Ben,\n\n{attribution}\n> The export fails on large files.\n\n{REPLY}\n\n"
        f"{OLD_PROMISE}> Is there a workaround meanwhile?\n\nNot yet, sorry.\n\nThanks,\nTom\n",
    }


CASES = [
    (f"{client}, {layout}", text)
    for client, attribution in ATTRIBUTIONS.items()
    for layout, text in _layouts(attribution).items()
]


@pytest.mark.parametrize(("case", "text"), CASES, ids=[case for case, _ in CASES])
def test_the_reply_is_found_and_the_quoted_promise_is_not(case: str, text: str) -> None:
    found = promises_in(text, SENT)
    assert [(p.quote, p.kind, due_as_written(p, "Europe/London")) for p in found] == [
        (REPLY_QUOTE, "send", "2026-12-03")
    ]


@pytest.mark.parametrize("client", ATTRIBUTIONS, ids=list(ATTRIBUTIONS))
def test_the_attribution_line_is_masked_but_not_the_inline_answers(client: str) -> None:
    text = _layouts(ATTRIBUTIONS[client])["inline"]
    visible = visible_text(text)
    assert "Ben Osei" not in visible and "replacement router" not in visible
    assert REPLY in visible and "Not yet, sorry." in visible


def test_the_issues_inline_reply_is_found() -> None:
    text = (
        "Hi Ben,\nOn Tue, 1 Dec 2026 at 10:02, Ben Osei <ben@example.com> wrote:\n"
        "> The export fails on large files.\n"
        "Thanks for the log. I will look into the export code tonight and send you a fix "
        "tomorrow."
    )
    (found,) = promises_in(text, SENT)
    assert (found.kind, due_as_written(found, "Europe/London")) == ("send", "2026-12-03")


ORIGINAL_BLOCKS = {
    "outlook en": "From: Ben Osei <ben@example.com>\nSent: Tuesday, December 1, 2026 10:02 AM\n"
    "To: Support <support@example.com>\nSubject: RE: Export fails",
    "outlook en with rule": "________________________________\nFrom: Ben Osei <ben@example.com>\n"
    "Sent: Tuesday, December 1, 2026 10:02 AM\nTo: Support\nSubject: RE: Export fails",
    "outlook de": "Von: Ben Osei <ben@example.com>\nGesendet: Dienstag, 1. Dezember 2026 10:02\n"
    "An: Support <support@example.com>\nBetreff: AW: Export",
    "outlook fr": "De : Ben Osei <ben@example.com>\nEnvoyé : mardi 1 décembre 2026 10:02\n"
    "À : Support <support@example.com>\nObjet : RE: Export",
    "outlook es": "De: Ben Osei <ben@example.com>\nEnviado el: martes, 1 de diciembre de 2026 10:02"
    "\nPara: Support <support@example.com>\nAsunto: RE: Export",
    "original message en": "-----Original Message-----\nFrom: Ben Osei",
    "original message de": "-----Ursprüngliche Nachricht-----\nVon: Ben Osei",
    "original message fr": "-----Message d'origine-----\nDe : Ben Osei",
    "original message es": "-----Mensaje original-----\nDe: Ben Osei",
    "gmail forward": "---------- Forwarded message ---------\nFrom: Ben Osei <ben@example.com>",
    "apple mail forward": "Begin forwarded message:\n\nFrom: Ben Osei <ben@example.com>",
}


@pytest.mark.parametrize("block", ORIGINAL_BLOCKS.values(), ids=list(ORIGINAL_BLOCKS))
def test_an_unprefixed_original_message_block_is_history_to_its_end(block: str) -> None:
    text = (
        f"Hi Ben,\n\n{REPLY}\n\nTom\n\n{block}\n\nThe export fails.\n\n"
        "Hi Ben, I'll call you back on Friday.\n\nSorry, one more thing:\n"
        "We will send you a new licence key tomorrow.\n"
    )
    found = promises_in(text, SENT)
    assert [p.quote for p in found] == [REPLY_QUOTE]
    assert text[quoted_history_start(text) :].startswith(block.split("\n")[0])


def test_a_sign_off_after_quoted_lines_keeps_them_masked() -> None:
    # The attribution is in a language the cleaner has no row for and has no address or
    # time, so only the `>` lines mark the history; the sign-off comes after them.
    text = (
        "Sure, I'll send the fix tomorrow.\n\nBen kirjoitti:\n"
        "> Can you look at it?\n> We'll ship a replacement on Friday.\n\nThanks,\nTom\n"
    )
    found = promises_in(text, SENT)
    assert [p.quote for p in found] == ["I'll send the fix tomorrow"]


def test_masked_ranges_come_back_in_order_and_disjoint() -> None:
    text = "Sure.\n> one\n> two\nmiddle\n> three\n\nThanks,\nTom\n"
    ranges = masked_ranges(text)
    assert ranges == sorted(ranges)
    assert all(a_end < b_start for (_, a_end), (b_start, _) in itertools.pairwise(ranges))
    visible = visible_text(text)
    assert visible.split() == ["Sure.", "middle"]


def test_an_attribution_over_unprefixed_text_is_history_to_the_end() -> None:
    text = (
        "I'll send the fix tomorrow.\n\nOn Tue, 1 Dec 2026 at 10:02, Ben <ben@example.com> wrote:"
        "\n\nI'll call you back on Friday.\n"
    )
    assert [p.quote for p in promises_in(text, SENT)] == ["I'll send the fix tomorrow"]


def test_an_own_line_with_a_time_and_a_colon_before_a_quote_is_still_read() -> None:
    text = "I'll call you at 10:30 tomorrow to go through this part:\n> The export fails.\n"
    assert [p.kind for p in promises_in(text, SENT)] == ["callback"]
