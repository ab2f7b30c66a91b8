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
    "gmail en wrapped over three lines": "On Tue, Dec 1, 2026 at 10:02 AM Ben Osei via\n"
    "libexport-users <libexport-users@lists.example.org>\nwrote:",
    "gmail en, address wrapped": "On Tue, Dec 1, 2026 at 10:02 AM Ben Osei <\n"
    "ben.osei@example.com> wrote:",
    "apple mail en, us": "On Dec 1, 2026, at 10:02 AM, Ben Osei <ben@example.com> wrote:",
    "thunderbird en, iso date": "On 2026-12-01 10:02, Ben Osei wrote:",
    "mutt": "* Ben Osei <ben@example.com> [2026-12-01 10:02]:",
    "mutt, on … wrote": "On Tue, Dec 01, 2026 at 10:02:33AM +0100, Ben Osei wrote:",
    "yahoo": "On Tuesday, December 1, 2026, 10:02:33 AM GMT, Ben Osei <ben@example.com> wrote:",
    "gnus": "Ben Osei <ben@example.com> writes:",
    "name only": "Ben Osei wrote:",
    "gmail nl": "Op di 1 dec. 2026 om 10:02 schreef Ben Osei <ben@example.com>:",
    "gmail it": "Il giorno mar 1 dic 2026 alle ore 10:02 Ben Osei <ben@example.com> ha scritto:",
    "gmail pt": "Em ter., 1 de dez. de 2026 às 10:02, Ben Osei <ben@example.com> escreveu:",
    "gmail sv": "tis 1 dec. 2026 kl. 10:02 skrev Ben Osei <ben@example.com>:",
    "thunderbird sv": "Den 2026-12-01 kl. 10:02, skrev Ben Osei:",
    "gmail da": "Den tir. 1. dec. 2026 kl. 10.02 skrev Ben Osei <ben@example.com>:",
    "gmail pl": "wt., 1 gru 2026 o 10:02 Ben Osei <ben@example.com> napisał(a):",
    "gmail cs": "Dne út 1. 12. 2026 10:02 uživatel Ben Osei <ben@example.com> napsal:",
    "gmail fi": "ti 1. jouluk. 2026 klo 10.02 Ben Osei (ben@example.com) kirjoitti:",
    "gmail ja": "2026年12月1日(火) 10:02 Ben Osei <ben@example.com>:",
    "gmail zh": "Ben Osei <ben@example.com> 于2026年12月1日周二 10:02写道：",
    "apple mail zh": "在 2026年12月1日，10:02，Ben Osei <ben@example.com> 写道：",
    "gmail ru": "вт, 1 дек. 2026 г. в 10:02, Ben Osei <ben@example.com>:",
    "apple mail ja": "2026/12/01 10:02、Ben Osei <ben@example.com>のメール:",
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
    "outlook en, mailto": "-----Original Message-----\nFrom: Ben Osei [mailto:ben@example.com]\n"
    "Sent: Tuesday, December 01, 2026 10:02 AM\nTo: support@example.com\nSubject: RE: export",
    "outlook web and mobile": "________________________________\nFrom: Ben Osei <ben@example.com>\n"
    "Sent: Tuesday, December 1, 2026 10:02:12 AM\nTo: support@example.com <support@example.com>"
    "\nSubject: Re: export",
    "outlook bold fields": "*From:* Ben Osei <ben@example.com>\n*Sent:* Tuesday, December 1, 2026 "
    "10:02 AM\n*To:* support@example.com\n*Subject:* RE: export",
    "outlook for mac": "From: Ben Osei <ben@example.com>\nDate: Tuesday, 1 December 2026 at 10:02\n"
    "To: Support <support@example.com>\nSubject: Re: export",
    "outlook nl": "Van: Ben Osei <ben@example.com>\nVerzonden: dinsdag 1 december 2026 10:02\n"
    "Aan: support@example.com\nOnderwerp: RE: export",
    "outlook it": "Da: Ben Osei <ben@example.com>\nInviato: martedì 1 dicembre 2026 10:02\n"
    "A: support@example.com\nOggetto: R: export",
    "outlook pt": "De: Ben Osei <ben@example.com>\nEnviado: terça-feira, 1 de dezembro de 2026 "
    "10:02\nPara: support@example.com\nAssunto: RE: export",
    "outlook sv": "Från: Ben Osei <ben@example.com>\nSkickat: den 1 december 2026 10:02\n"
    "Till: support@example.com\nÄmne: SV: export",
    "outlook da": "Fra: Ben Osei <ben@example.com>\nSendt: 1. december 2026 10:02\n"
    "Til: support@example.com\nEmne: SV: export",
    "outlook pl": "Od: Ben Osei <ben@example.com>\nWysłano: wtorek, 1 grudnia 2026 10:02\n"
    "Do: support@example.com\nTemat: RE: export",
    "outlook ja": "差出人: Ben Osei <ben@example.com>\n送信日時: 2026年12月1日 10:02\n"
    "宛先: support@example.com\n件名: RE: export",
    "outlook zh": "发件人: Ben Osei <ben@example.com>\n发送时间: 2026年12月1日 10:02\n"
    "收件人: support@example.com\n主题: 回复: export",
    "lotus notes": "From:\tBen Osei <ben@example.com>\nTo:\tsupport@example.com\n"
    "Date:\t01/12/2026 10:02\nSubject:\texport",
    "thunderbird forward": "-------- Forwarded Message --------\nSubject: \texport\n"
    "Date: \tTue, 1 Dec 2026 10:02:00 +0000\nFrom: \tBen Osei <ben@example.com>",
    "android original message": "-------- Original message --------\nFrom: Ben Osei "
    "<ben@example.com>\nDate: 01/12/2026 10:02 (GMT+00:00)",
    "yahoo forward": "----- Forwarded Message -----\nFrom: Ben Osei <ben@example.com>\n"
    "To: support@example.com\nSent: Tuesday, December 1, 2026, 10:02:33 AM GMT",
    "gmail forward de": "---------- Weitergeleitete Nachricht ---------\nVon: Ben Osei "
    "<ben@example.com>\nDate: Di., 1. Dez. 2026 um 10:02 Uhr",
    "apple mail forward fr": "Début du message réexpédié :\n\nDe: Ben Osei <ben@example.com>",
    "outlook original message nl": "-----Oorspronkelijk bericht-----\nVan: Ben Osei",
    "outlook original message sv": "-----Ursprungligt meddelande-----\nFrån: Ben Osei",
    "outlook hu": "Feladó: Ben Osei <ben@example.com>\nElküldve: 2026. december 1. 10:02\n"
    "Címzett: support@example.com\nTárgy: export",
    "outlook ro": "De la: Ben Osei <ben@example.com>\nTrimis: marți, 1 decembrie 2026 10:02\n"
    "Către: support@example.com\nSubiect: export",
    "gmail forward es": "---------- Mensaje reenviado ---------\nDe: Ben Osei <ben@example.com>",
    "gmail forward fi": "---------- Välitetty viesti ---------\nLähettäjä: Ben Osei",
    "apple mail forward ja": "転送されたメッセージ:\n\n差出人: Ben Osei <ben@example.com>",
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


OLD_LINES = "We'll ship a replacement router on Friday.\nI'll call you back on Monday."
QUOTE_PREFIXES = {
    "nested >>": "> On Mon, Ann wrote:\n>> We'll ship a replacement router on Friday.\n"
    "> > I'll call you back on Monday.",
    "> without a space": ">We'll ship a replacement router on Friday.\n"
    ">I'll call you back on Monday.",
    "indented >": "  > We'll ship a replacement router on Friday.\n"
    "  > I'll call you back on Monday.",
    "| ": "| We'll ship a replacement router on Friday.\n| I'll call you back on Monday.",
    "supercite initials": "BO> We'll ship a replacement router on Friday.\n"
    "BO> I'll call you back on Monday.",
}


@pytest.mark.parametrize("quote", QUOTE_PREFIXES.values(), ids=list(QUOTE_PREFIXES))
def test_every_quote_prefix_is_history_and_the_answer_below_is_read(quote: str) -> None:
    text = f"Ben Osei wrote:\n{quote}\n\n{REPLY}\n\n| export | fails |\n\nTom\n"
    assert [p.quote for p in promises_in(text, SENT)] == [REPLY_QUOTE]
    assert "| export | fails |" in visible_text(text)  # a table row is not a quote


def test_an_answer_under_each_quoted_question_is_read() -> None:
    text = (
        "Hi Ben,\n\nOn Tue, Dec 1, 2026 at 10:02 AM Ben Osei <ben@example.com> wrote:\n"
        "> 1. Can you fix the export?\n\nYes: I'll send you a patched build tomorrow.\n\n"
        "> 2. And the import?\n> We'll test it on Friday.\n\nI'll look at the import on Monday.\n"
        "\n> 3. Is there a workaround?\n\nNot yet, sorry.\n\nCheers,\nTom\n"
    )
    assert [p.quote for p in promises_in(text, SENT)] == [
        "I'll send you a patched build tomorrow",
        "I'll look at the import on Monday",
    ]


@pytest.mark.parametrize(
    "head",
    [
        "Hi Ben, answers inline below.\n\n-- \nTom Reyes | Example Ltd\nWe reply within 24 hours.",
        "Hi Ben, see below.\n\nCheers,\nTom",
        "Hi Ben, see below.\n\nSent from my iPhone",
    ],
    ids=["gmail signature above the quote", "sign-off above the quote", "device footer above"],
)
def test_inline_answers_below_a_signature_placed_above_the_quote_are_read(head: str) -> None:
    text = (
        f"{head}\n\nOn Tue, Dec 1, 2026 at 10:02 AM Ben <ben@example.com> wrote:\n"
        f"> The export fails on large files.\n\n{REPLY}\n\n> {OLD_PROMISE}\nNo.\n"
    )
    assert [p.quote for p in promises_in(text, SENT)] == [REPLY_QUOTE]


def test_a_reply_above_a_whole_outlook_thread_is_read_and_the_thread_is_not() -> None:
    text = (
        f"Hi Ben,\n\n{REPLY}\n\nRegards,\nTom\n\nFrom: Ben Osei <ben@example.com>\n"
        "Sent: Tuesday, December 1, 2026 10:02 AM\nTo: Tom\nSubject: RE: export\n\n"
        "Still failing.\n\nFrom: Tom\nSent: Monday, November 30, 2026 09:00 AM\nTo: Ben\n"
        "Subject: export\n\nI'll call you back on Monday.\n"
    )
    assert [p.quote for p in promises_in(text, SENT)] == [REPLY_QUOTE]


@pytest.mark.parametrize(
    "text",
    [
        "Hi Ben,\n\nOn the ticket I wrote:\n\nI'll send you the patched build tomorrow.\n",
        "On Monday I wrote:\nthe export is broken. I'll send you the patched build tomorrow.\n",
    ],
    ids=["on … wrote: without a date", "on a weekday … wrote:"],
)
def test_the_senders_own_on_i_wrote_is_not_an_attribution(text: str) -> None:
    assert [p.quote for p in promises_in(text, SENT)] == [
        "I'll send you the patched build tomorrow"
    ]


LIST_FOOTERS = {
    "mailman 2": "_______________________________________________\nlibexport-users mailing list\n"
    "libexport-users@lists.example.org\nhttps://lists.example.org/mailman/listinfo/libexport-users"
    "\nWe'll remove you from the list within 24 hours of a request.",
    "mailman 3": "_______________________________________________\nlibexport-users mailing list -- "
    "libexport-users@lists.example.org\nTo unsubscribe send an email to "
    "libexport-users-leave@lists.example.org\nWe'll remove you within 24 hours.",
    "google groups": "You received this message because you are subscribed to the Google Groups "
    '"libexport" group.\nTo unsubscribe from this group, we will remove you when you send an '
    "email to libexport+unsubscribe@googlegroups.com.",
    "google groups after --": "-- \nYou received this message because you are subscribed to "
    'the Google Groups "libexport" group.\nWe will remove you when you send an email to '
    "libexport+unsubscribe@googlegroups.com.",
    "github": "—\nReply to this email directly, view it on GitHub, or unsubscribe.\n"
    "We'll notify you of every comment.",
}


@pytest.mark.parametrize("footer", LIST_FOOTERS.values(), ids=list(LIST_FOOTERS))
def test_a_mailing_list_footer_is_not_the_senders(footer: str) -> None:
    text = (
        f"Ben Osei wrote:\n> Does the export work?\n\n{REPLY}\n\n> {OLD_PROMISE}\nNo.\n\n{footer}\n"
    )
    assert [p.quote for p in promises_in(text, SENT)] == [REPLY_QUOTE]


def test_a_digest_quoted_unprefixed_below_the_reply_is_history() -> None:
    text = (
        f"{REPLY}\n\nTom\n\nToday's Topics:\n\n   1. Re: export (Ben Osei)\n\n"
        + "-" * 70
        + "\n\nMessage: 1\nDate: Tue, 1 Dec 2026 10:02:00 +0000\nFrom: Ben Osei <ben@example.com>"
        f"\nSubject: Re: export\n\n{OLD_LINES}\n\n------------------------------\n"
    )
    assert [p.quote for p in promises_in(text, SENT)] == [REPLY_QUOTE]


SIGNATURES = {
    "-- delimiter": "-- \nTom Reyes | Support lead\nWe'll reply within 24 hours.",
    "sign-off and contact block": "Best regards,\nTom Reyes\nSupport Engineer | Example Ltd\n"
    "T: +44 161 555 0192 | www.example.com\nWe will respond to every ticket within one day.",
    "rgds": "Rgds,\nTom\nWe will reply within 24 hours.",
    "de": "Mit freundlichen Grüßen\nTom Reyes\nWe will reply within 24 hours.",
    "fr": "Bien cordialement,\nTom Reyes\nWe will reply within 24 hours.",
    "es": "Saludos cordiales,\nTom\nWe will reply within 24 hours.",
    "nl": "Met vriendelijke groet,\nTom\nWe will reply within 24 hours.",
    "it": "Cordiali saluti,\nTom\nWe will reply within 24 hours.",
    "pt": "Atenciosamente,\nTom\nWe will reply within 24 hours.",
    "sv": "Med vänliga hälsningar\nTom\nWe will reply within 24 hours.",
    "pl": "Pozdrawiam\nTom\nWe will reply within 24 hours.",
    "iphone": "Sent from my iPhone\nWe'll reply within 24 hours.",
    "outlook android": "Get Outlook for Android<https://aka.ms/ghei36>\nWe'll reply within a day.",
    "mail for windows": "Sent from Mail for Windows\nWe'll reply within a day.",
    "iphone de": "Von meinem iPhone gesendet\nWe'll reply within a day.",
    "iphone fr": "Envoyé de mon iPhone\nWe'll reply within a day.",
    "iphone es": "Enviado desde mi iPhone\nWe'll reply within a day.",
    "iphone nl": "Verzonden vanaf mijn iPhone\nWe'll reply within a day.",
    "disclaimer": "Tom\n\nCONFIDENTIALITY NOTICE: This message is for the sole use of the "
    "intended recipient. If you received it in error we will delete it; notify the sender.",
    "disclaimer without a heading": "Tom\n\nThe information in this e-mail is confidential. We "
    "will not accept liability for any errors or omissions.",
    "disclaimer de": "Tom\n\nDiese E-Mail enthält vertrauliche Informationen. Wenn Sie nicht der "
    "richtige Empfänger sind, we will delete it.",
    "disclaimer fr": "Tom\n\nCe message est confidentiel et destiné uniquement à son "
    "destinataire. We will delete it.",
}


@pytest.mark.parametrize("signature", SIGNATURES.values(), ids=list(SIGNATURES))
def test_a_promise_in_a_signature_or_disclaimer_is_not_found(signature: str) -> None:
    text = f"Hi Ben,\n\n{REPLY}\n\n{signature}\n"
    assert [p.quote for p in promises_in(text, SENT)] == [REPLY_QUOTE]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "Hi Ben,\n\nI'll send the confidential report tomorrow.\n\nTom",
            "I'll send the confidential report tomorrow",
        ),
        (
            "Hi Ben,\n\nThis email is to confirm that I'll call you back on Friday.\n\nTom",
            "I'll call you back on Friday",
        ),
        (
            "Hi Ben,\n\nYour account has privileged access now.\n"
            "I'll send the keys tomorrow.\n\nTom",
            "I'll send the keys tomorrow",
        ),
    ],
    ids=["confidential", "this email is", "privileged"],
)
def test_a_disclaimer_word_in_the_senders_own_text_is_not_a_disclaimer(
    text: str, quote: str
) -> None:
    assert [p.quote for p in promises_in(text, SENT)] == [quote]


@pytest.mark.parametrize(
    "sign_off", ["Thanks,\nTom", "Terveisin,\nTom", "Tom"], ids=["known", "unknown", "none"]
)
def test_quoted_lines_stay_masked_whatever_follows_them(sign_off: str) -> None:
    # Neither attribution is one the cleaner has a row for; the masked ranges must still
    # come back in order, whatever the sign-off after the last quote.
    text = (
        "Ben kirjoitti:\n> Voitko katsoa?\n> We'll ship a replacement on Friday.\n\n"
        f"{REPLY}\n\nAnn skrev så här:\n> I'll call you back on Monday.\n\n{sign_off}\n"
    )
    ranges = masked_ranges(text)
    assert ranges == sorted(ranges)
    assert all(a_end < b_start for (_, a_end), (b_start, _) in itertools.pairwise(ranges))
    assert [p.quote for p in promises_in(text, SENT)] == [REPLY_QUOTE]


@pytest.mark.parametrize("postscript", ["P.S.", "PS:", "PS", "P.P.S."])
def test_a_postscript_after_the_signature_is_the_senders_own(postscript: str) -> None:
    text = (
        "Sure, will do.\n\nThanks,\nTom\nSupport | We'll reply within 24 hours.\n\n"
        f"{postscript} {REPLY}\n\nOn Tue, Dec 1, 2026 at 10:02 AM Ben <ben@example.com> wrote:\n"
        f"{OLD_PROMISE}"
    )
    assert [p.quote for p in promises_in(text, SENT)] == [REPLY_QUOTE]


def test_a_quoted_line_wrapped_without_its_prefix_stays_quoted() -> None:
    text = (
        "Ben Osei wrote:\n> The export fails whenever the file is larger than two gigabytes and"
        " the\ndisk is full, so we'll ship a disk on Friday.\n> Any ideas?\n\n"
        f"{REPLY}\n"
    )
    assert [p.quote for p in promises_in(text, SENT)] == [REPLY_QUOTE]


def test_an_answer_between_two_quoted_lines_is_read() -> None:
    text = (
        "Ben Osei wrote:\n> The export fails whenever the file is larger than two gigabytes.\n"
        f"{REPLY}\n> Any ideas?\nnot yet, sorry.\n> Thanks\n"
    )
    assert [p.quote for p in promises_in(text, SENT)] == [REPLY_QUOTE]
    assert "not yet, sorry." in visible_text(text)


def test_an_own_line_ending_in_wrote_before_a_quote_is_read() -> None:
    text = "On Friday I'll send you what the vendor wrote:\n> The export fails on large files.\n"
    assert [p.kind for p in promises_in(text, SENT)] == ["send"]


@pytest.mark.parametrize(
    "text",
    [
        "Hi Ben,\n\nThanks!\nI'll send you the patched build tomorrow\n\nTom",
        "Hi Ben,\n\nThanks for the log\nI'll send you the patched build tomorrow\n\nTom",
    ],
    ids=["thanks!", "thanks for the log"],
)
def test_thanks_before_a_commitment_without_its_full_stop_is_not_a_sign_off(text: str) -> None:
    assert [p.quote for p in promises_in(text, SENT)] == [
        "I'll send you the patched build tomorrow"
    ]


@pytest.mark.parametrize(
    "name",
    ["Tom Reyes | Senior Support Engineer | Example Ltd | +44 161 555 0192", "Tom R."],
    ids=["contact line", "initial"],
)
def test_a_sign_off_before_a_contact_line_or_an_initial_starts_the_signature(name: str) -> None:
    text = f"Hi Ben,\n\n{REPLY}\n\nRegards,\n{name}\nWe will answer every ticket within a day.\n"
    assert [p.quote for p in promises_in(text, SENT)] == [REPLY_QUOTE]
