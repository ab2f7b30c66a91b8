"""The structure of e-mail as real clients and list software write it, in hard cases.

Each case is a short message with one promise in the sender's own words (written above,
below or between quoted parts) and a promise inside quoted, forwarded, signature or footer
text that must not be found. The attribution lines, headers, banners and footers are the
ones mail clients, list managers and bug trackers write; the layouts are top-posted,
bottom-posted (the reply below a whole quoted block) and inline (answers between several
quoted blocks).
"""

from __future__ import annotations

import pytest

from tests.helpers.extraction import due_as_written, promises_in
from tracker.extraction.cleaning import visible_text

# Wednesday 2 December 2026, 09:00 in London.
SENT = "2026-12-02T09:00:00+00:00"
OWN = "I will look into the export code tonight and send you a fix tomorrow."
OWN_QUOTE = "I will look into the export code tonight and send you a fix tomorrow"
OLD = "We'll ship a replacement router on Friday."
OLD_TOO = "I'll call you back on Monday about the licence."

# Attribution lines as clients write them, over one or two lines.
ATTRIBUTIONS = {
    "gmail, address wrapped": "On Tue, 1 Dec 2026 at 10:02, Ben Osei <\nben@example.com> wrote:",
    "gmail, name wrapped": "On Tue, Dec 1, 2026 at 10:02 AM Ben\nOsei <ben@example.com> wrote:",
    "gmail, list name wrapped": "On Tue, 1 Dec 2026 at 10:02, Ben Osei via foo-users <\n"
    "foo-users@lists.example.org> wrote:",
    "outlook for mac wrapped": 'On 01/12/2026, 10:02, "Ben Osei" <ben@example.com>\nwrote:',
    "de, thunderbird": "Am 01.12.2026 um 10:02 schrieb Ben Osei:",
    "de, k-9": 'Am 1. Dezember 2026 10:02:33 MEZ schrieb "Ben Osei" <ben@example.com>:',
    "de, name first": "Ben Osei <ben@example.com> schrieb am Di., 1. Dez. 2026, 10:02:",
    "de, wrapped": "Am Di., 1. Dez. 2026 um 10:02 Uhr schrieb Ben Osei <\nben@example.com>:",
    "fr, weekday": "Le mardi 1 décembre 2026, Ben Osei <ben@example.com> a écrit :",
    "fr, thunderbird": "Le 01/12/2026 à 10:02, Ben Osei a écrit :",
    "fr, wrapped": "Le mar. 1 déc. 2026 à 10:02, Ben Osei <ben@example.com> a\nécrit :",
    "es, long date": "El martes, 1 de diciembre de 2026, Ben Osei <ben@example.com> escribió:",
    "es, thunderbird": "El 01/12/2026 a las 10:02, Ben Osei escribió:",
    "it, thunderbird": "Il 01/12/2026 10:02, Ben Osei ha scritto:",
    "it, gmail wrapped": "Il giorno mar 1 dic 2026 alle ore 10:02 Ben Osei <\n"
    "ben@example.com> ha scritto:",
    "nl, thunderbird": "Op 01-12-2026 om 10:02 schreef Ben Osei:",
    "nl, apple mail": "Op 1 dec. 2026, om 10:02 heeft Ben Osei <ben@example.com> het volgende "
    "geschreven:",
    "pt, thunderbird": "Em 01/12/2026 10:02, Ben Osei escreveu:",
    "pt-br, gmail": "Em ter., 1 de dez. de 2026 às 10:02, Ben Osei <ben@example.com>\nescreveu:",
    "sv, name first": "Ben Osei skrev 2026-12-01 10:02:",
    "sv, apple mail": "1 dec. 2026 kl. 10:02 skrev Ben Osei <ben@example.com>:",
    "pl, thunderbird": "W dniu 01.12.2026 o 10:02, Ben Osei pisze:",
    "pl, dnia": "Dnia 1 grudnia 2026 10:02 Ben Osei <ben@example.com> napisał(a):",
    "ja, thunderbird": "2026/12/01 10:02 に Ben Osei さんは書きました:",
    "ja, gmail": "2026年12月1日(火) 10:02 Ben Osei <ben@example.com>:",
    "ja, outlook": "Ben Osei <ben@example.com> 様 2026年12月1日 10:02 のメッセージ:",
    "zh, gmail": "Ben Osei <ben@example.com> 于2026年12月1日周二 上午10:02写道：",
    "zh-tw, gmail": "Ben Osei <ben@example.com> 於 2026年12月1日 週二 上午10:02寫道：",
    "zh, foxmail": "在 2026/12/1 10:02, Ben Osei 写道:",
    "el, wrapped": "Στις Τρί 1 Δεκ 2026 στις 10:02, ο/η Ben Osei <ben@example.com>\nέγραψε:",
    "hu, wrapped": "Ben Osei <ben@example.com> ezt írta (időpont: 2026. dec.\n1., K, 10:02):",
    "tr, wrapped": "Ben Osei <ben@example.com>, 1 Ara 2026 Sal, 10:02 tarihinde şunu\nyazdı:",
    "ru, wrapped": "1 дек. 2026 г., в 10:02, Ben Osei <ben@example.com>\nнаписал(а):",
    "ko": "2026년 12월 1일 (화) 오전 10:02, Ben Osei <ben@example.com>님이 작성:",
    "uk": "вт, 1 груд. 2026 о 10:02 Ben Osei <ben@example.com> пише:",
    "horde": "Quoting Ben Osei <ben@example.com>:",
    "horde de": "Zitat von Ben Osei <ben@example.com>:",
    "horde es": "Citando a Ben Osei <ben@example.com>:",
    "name wrote": "Ben wrote:",
    "name via list wrote": "Ben Osei via foo-users wrote:",
    "name wrote on a date": "Ben Osei wrote on 01/12/2026 10:02:",
    "mutt": "* Ben <ben@example.com> [2026-12-01 10:02]:",
    "mutt, old date": "* Ben Osei <ben@example.com> [261201 10:02]:",
    "mutt, offset": "* Ben Osei <ben@example.com> [2026-12-01 10:02:33 +0100]:",
    "nmh": "In message <20261201100233.GA1234@example.com>, Ben writes:",
    "nmh, wrapped": "In message <20261201100233.GA1234@example.com>,\nBen Osei writes:",
    "emacs": "Ben Osei <ben@example.com> writes:",
    "emacs, on a date": 'On Tue, Dec 01 2026, "Ben Osei" wrote:',
    "pine": "On Tue, 1 Dec 2026, Ben Osei wrote:",
    "bugzilla": "(In reply to Ben Osei from comment #3)",
    "gitlab": "Ben Osei commented:",
}

# What a quote prefix looks like: each message quotes with one of them.
PREFIXES = {
    ">": "> ",
    ">>": ">> ",
    "> >": "> > ",
    "|": "| ",
    "indented >": "  > ",
    "no space": ">",
    "full-width": "＞",
    "tab": ">\t",
}


def _quoted(prefix: str, *lines: str) -> str:
    return "\n".join(prefix + line if line else prefix.rstrip() for line in lines) + "\n"


def _layouts(attribution: str, prefix: str = "> ") -> dict[str, str]:
    first = _quoted(prefix, "The export fails on large files.", OLD)
    second = _quoted(prefix, "Is there a workaround meanwhile?", OLD_TOO)
    return {
        "bottom-posted": f"{attribution}\n{first}{second}\n{OWN}\n\nThanks,\nTom\n",
        "between blocks": f"Hi Ben,\n\n{attribution}\n{first}\n{OWN}\n\n{second}\n"
        "Not yet, sorry.\n\nTom\n",
        "tight inline": f"{attribution}\n{first}{OWN}\n{second}no, sorry.\n",
        "top-posted": f"Hi Ben,\n\n{OWN}\n\nTom\n\n{attribution}\n{first}{second}",
    }


CASES = [
    (f"{client}, {layout}", text)
    for client, attribution in ATTRIBUTIONS.items()
    for layout, text in _layouts(attribution).items()
] + [
    (f"quoted with {name}, {layout}", text)
    for name, prefix in PREFIXES.items()
    for layout, text in _layouts("Ben Osei <ben@example.com> wrote:", prefix).items()
]


def _found(text: str) -> list[str]:
    return [p.quote for p in promises_in(text, SENT)]


@pytest.mark.parametrize(("case", "text"), CASES, ids=[case for case, _ in CASES])
def test_the_own_promise_is_found_and_the_quoted_ones_are_not(case: str, text: str) -> None:
    found = promises_in(text, SENT)
    assert [(p.quote, p.kind, due_as_written(p, "Europe/London")) for p in found] == [
        (OWN_QUOTE, "send", "2026-12-03")
    ]


@pytest.mark.parametrize("client", ATTRIBUTIONS, ids=list(ATTRIBUTIONS))
def test_no_part_of_a_wrapped_attribution_is_left_visible(client: str) -> None:
    text = _layouts(ATTRIBUTIONS[client])["between blocks"]
    visible = visible_text(text)
    assert "ben@example.com" not in visible and "replacement router" not in visible
    assert OWN in visible and "Not yet, sorry." in visible


# Header blocks of an original or forwarded message: everything from there on is history.
ORIGINAL_BLOCKS = {
    "outlook rule, de": "________________________________\nVon: Ben Osei <ben@example.com>\n"
    "Gesendet: Dienstag, 1. Dezember 2026 10:02\nAn: Support <support@example.com>\n"
    "Betreff: AW: Export",
    "outlook fr": "De : Ben Osei <ben@example.com>\nEnvoyé : mardi 1 décembre 2026 10:02\n"
    "À : support@example.com\nObjet : RE: export",
    "outlook pt": "De: Ben Osei <ben@example.com>\nEnviado: terça-feira, 1 de dezembro de 2026 "
    "10:02\nPara: support@example.com\nAssunto: RE: export",
    "outlook it": "Da: Ben Osei <ben@example.com>\nInviato: martedì 1 dicembre 2026 10:02\n"
    "A: support@example.com\nOggetto: R: export",
    "outlook es, sent on": "De: Ben Osei [mailto:ben@example.com]\nEnviado el: martes, 1 de "
    "diciembre de 2026 10:02\nPara: support@example.com\nAsunto: RE: export",
    "outlook, many recipients": "From: Ben Osei <ben@example.com>\nTo: Support <support@example"
    ".com>; Ann Lee <ann@example.com>;\n Carl Diaz <carl@example.com>; Dee Fox <dee@example.com>"
    "\nCc: Ops <ops@example.com>;\n Finance <finance@example.com>\nSent: Tuesday, December 1, "
    "2026 10:02 AM\nSubject: RE: export",
    "outlook, markdown bold": "**From:** Ben Osei <ben@example.com>\n**Sent:** Tuesday, "
    "December 1, 2026 10:02 AM\n**To:** support@example.com\n**Subject:** RE: export",
    "apple mail forward": "Begin forwarded message:\n\n> From: Ben Osei <ben@example.com>\n"
    "> Subject: export\n> Date: 1 December 2026 at 10:02:33 GMT\n> To: support@example.com",
    "gmail forward": "---------- Forwarded message ---------\nFrom: Ben Osei <ben@example.com>\n"
    "Date: Tue, 1 Dec 2026 at 10:02\nSubject: export\nTo: <support@example.com>",
    "gmail forward, fr": "---------- Message transféré ---------\nDe : Ben Osei "
    "<ben@example.com>\nDate: mar. 1 déc. 2026 à 10:02",
    "original message": "-----Original Message-----\nFrom: Ben Osei [mailto:ben@example.com]",
    "original message, it": "-----Messaggio originale-----\nDa: Ben Osei [mailto:ben@example.com]",
    "bare rule": "________________________________",
    "date before sender": "Date: Tue, 1 Dec 2026 10:02:33 +0000\nFrom: Ben Osei <ben@example.com>\n"
    "To: support@example.com\nSubject: Re: export",
}


@pytest.mark.parametrize("block", ORIGINAL_BLOCKS.values(), ids=list(ORIGINAL_BLOCKS))
def test_an_original_or_forwarded_block_is_history_to_the_end(block: str) -> None:
    text = (
        f"Hi Ben,\n\n{OWN}\n\nTom\n\n{block}\n\nThe export fails.\n\n{OLD}\n\nAnn\n\n> {OLD_TOO}\n"
    )
    assert _found(text) == [OWN_QUOTE]


# Footers of list managers, trackers and forums: never the sender's words.
FOOTERS = {
    "mailman 2": "_______________________________________________\nfoo-users mailing list\n"
    "foo-users@lists.example.org\nhttps://lists.example.org/mailman/listinfo/foo-users\n"
    "We'll remove you from the list within 24 hours of a request.",
    "mailman 3": "_______________________________________________\nfoo-users mailing list -- "
    "foo-users@lists.example.org\nTo unsubscribe send an email to foo-users-leave@lists.example"
    ".org\nWe'll remove you within 24 hours.",
    "google groups": "--\nYou received this message because you are subscribed to the Google "
    'Groups "foo" group.\nWe will remove you when you send an email to foo+unsubscribe@'
    "googlegroups.com.",
    "github": "—\nReply to this email directly, view it on GitHub\n<https://github.com/foo/bar"
    "/issues/12#issuecomment-1>, or unsubscribe.\nYou are receiving this because you authored "
    "the thread. We'll notify you of every comment.",
    "github, older": "---\nReply to this email directly or view it on GitHub:\n"
    "https://github.com/foo/bar/issues/12\nWe'll notify you of every comment.",
    "gitlab": "—\nReply to this email directly or view it on GitLab.\nWe'll notify you of every "
    "comment.",
    "bugzilla": "-- \nYou are receiving this mail because:\nYou are the assignee for the bug.\n"
    "We'll send you every change.",
    "jira": "--\nThis message was sent by Atlassian Jira\n(v9.4.2#940002)\nWe'll send you every "
    "change.",
    "discourse": "---\n[Visit Topic](https://forum.example.org/t/export/12/3) or reply to this "
    "email to respond.\n\nTo unsubscribe from these emails, [click here](https://forum.example"
    ".org/email/unsubscribe/abc). We'll stop within a day.",
    "groups.io": "-=-=-=-=-=-=-=-=-=-=-=-\nGroups.io Links: You receive all messages sent to "
    "this group.\nWe'll remove you within a day of a request.",
    "listserv": "To unsubscribe from the FOO-USERS list, click the following link:\n"
    "https://lists.example.org/scripts/wa.exe?SUBED1=FOO-USERS&A=1\nWe'll remove you within a "
    "day.",
}


@pytest.mark.parametrize("footer", FOOTERS.values(), ids=list(FOOTERS))
def test_a_list_or_tracker_footer_below_an_inline_reply_is_not_the_senders(footer: str) -> None:
    text = (
        f"Ben Osei <ben@example.com> wrote:\n> Does the export work?\n> {OLD}\n\n{OWN}\n\n"
        f"> {OLD_TOO}\n\nNo.\n\n{footer}\n"
    )
    assert _found(text) == [OWN_QUOTE]


# Bug trackers and forge notifications: the comment quoted by the new one is history.
TRACKERS = {
    "bugzilla": "https://bugs.example.org/show_bug.cgi?id=123\n\n--- Comment #4 from Tom Reyes "
    "<tom@example.com> ---\n(In reply to Ben Osei from comment #3)\n> The export fails.\n> "
    f"{OLD}\n\n{OWN}\n\n-- \nYou are receiving this mail because:\nYou reported the bug.\n",
    "github review": "@tomreyes commented on this pull request.\n\nIn src/export.py:\n\n"
    f"> @@ -10,3 +10,4 @@\n> +    # {OLD}\n\n{OWN}\n\n—\nReply to this email directly, view "
    "it on GitHub, or unsubscribe.\nYou are receiving this because you were mentioned.\n",
    "github issue": f"> {OLD}\n>\n> {OLD_TOO}\n\n{OWN}\n\n—\nReply to this email directly, "
    "view it on GitHub, or unsubscribe.\n",
    "redmine": "Issue #123 has been updated by Tom Reyes.\n\nBen Osei wrote:\n> "
    f"{OLD}\n\n{OWN}\n\n----------------------------------------\nBug #123: export fails\n"
    "https://redmine.example.org/issues/123\n\n* Author: Ben Osei\n\n"
    f"{OLD_TOO}\n",
}


@pytest.mark.parametrize("text", TRACKERS.values(), ids=list(TRACKERS))
def test_a_tracker_notification_reads_only_the_new_comment(text: str) -> None:
    assert _found(text) == [OWN_QUOTE]


# Signatures and device footers between the reply and the quote, with taglines that read
# like promises.
SIGNATURES = {
    "-- tagline": '-- \nTom Reyes, Example Ltd\n"We\'ll answer every ticket within a day."',
    "-- without a space": "--\nTom Reyes\nWe will get back to you within one business day.",
    "-- with a quote tagline": "-- \nTom\nIf it's broken, we'll fix it by Friday. -- the team",
    "-- with a no-break space": "--\u00a0\nTom Reyes\nWe will get back to you within one day.",
    "iphone": "Sent from my iPhone",
    "android": "Sent from my Galaxy",
    "samsung": "Sent from my Samsung Galaxy smartphone.",
    "proton": "Sent from Proton Mail mobile",
    "yahoo": "Sent from Yahoo Mail on Android",
    "outlook ios": "Get Outlook for iOS<https://aka.ms/o0ukef>",
    "iphone de": "Von meinem iPhone gesendet",
    "sign-off and tagline": "Cheers,\nTom\nWe'll reply to every ticket within 24 hours.",
}


@pytest.mark.parametrize("signature", SIGNATURES.values(), ids=list(SIGNATURES))
@pytest.mark.parametrize("layout", ["above the quote", "at the end"])
def test_a_signature_promise_is_not_found_wherever_the_signature_is(
    signature: str, layout: str
) -> None:
    quote = f"On Tue, 1 Dec 2026 at 10:02, Ben <ben@example.com> wrote:\n> {OLD}\n"
    if layout == "above the quote":
        text = f"Hi Ben,\n\n{OWN}\n\n{signature}\n\n{quote}"
    else:
        text = f"{quote}\n{OWN}\n\n{signature}\n"
    assert _found(text) == [OWN_QUOTE]


def test_an_iphone_reply_quoting_the_attribution_is_read() -> None:
    text = (
        f"{OWN}\n\nSent from my iPhone\n\n> On 1 Dec 2026, at 10:02, Ben Osei <ben@example.com> "
        f"wrote:\n> \n> {OLD}\n> \n> Sent from my iPad\n"
    )
    assert _found(text) == [OWN_QUOTE]


def test_a_lower_case_answer_after_an_unfinished_quoted_line_is_read() -> None:
    # A list reader answering in lower case under a quoted request without a question mark:
    # the answer's first word would have fitted on the quoted line, so it is no wrapped rest.
    text = (
        "Ben Osei <ben@example.com> wrote:\n"
        "> could you send a patched build of the exporter for the 3.2 branch when\n"
        "> you get the chance, the nightly one is broken for us too\n"
        "i will look into the export code tonight and send you a fix tomorrow.\n"
        f"> {OLD}\n"
    )
    assert _found(text) == ["i will look into the export code tonight and send you a fix tomorrow"]


def test_a_reply_between_quotes_of_two_people_is_read() -> None:
    text = (
        "On Tue, 1 Dec 2026 at 10:02, Ben Osei <ben@example.com> wrote:\n"
        "> On Mon, 30 Nov 2026 at 09:00, Ann Lee <ann@example.com> wrote:\n"
        f">> {OLD_TOO}\n>\n> Still waiting for that.\n\n{OWN}\n\n> > {OLD}\n\nThanks,\nTom\n"
    )
    assert _found(text) == [OWN_QUOTE]


@pytest.mark.parametrize("layout", ["bottom-posted", "between blocks", "tight inline"])
def test_windows_line_ends_do_not_change_what_is_quoted(layout: str) -> None:
    text = _layouts("On Tue, 1 Dec 2026 at 10:02, Ben Osei <\nben@example.com> wrote:")[layout]
    assert _found(text.replace("\n", "\r\n")) == [OWN_QUOTE]


def test_a_bracketed_internal_note_is_not_a_promise_to_the_customer() -> None:
    text = (
        "[Internal — do not send]\nThe restore was late because the volume was slow. I'll call "
        "her tomorrow morning to apologise.\n\nHi Ngozi,\n\n" + OWN + "\n\nTom\n"
    )
    assert _found(text) == [OWN_QUOTE]


def test_an_own_line_with_an_address_above_a_wrapped_attribution_is_still_read() -> None:
    text = (
        "I'll send the new build to ben@example.com tomorrow\nBen Osei <ben@example.com>\n"
        f"kirjoitti:\n> {OLD}\n"
    )
    assert _found(text) == ["I'll send the new build to ben@example.com tomorrow"]


def test_short_answers_between_quotes_are_not_a_sign_off() -> None:
    text = (
        "Hi Ben,\n\nOn Tue, 1 Dec 2026 at 10:02, Ben Osei <ben@example.com> wrote:\n"
        "> I've attached the logs.\n\nThanks!\n\n> Is it the same bug as last week?\n\nSure\n\n"
        f"> {OLD}\n> When can you fix it?\n\n{OWN}\n\nTom\n"
    )
    assert _found(text) == [OWN_QUOTE]


def test_a_reply_below_a_quote_that_ends_with_the_lists_quoted_footer_is_read() -> None:
    text = (
        "On Tue, 1 Dec 2026 at 10:02, Ben Osei <ben@example.com> wrote:\n"
        f"> The export fails on large files.\n> {OLD}\n>\n> -- \n> Ben Osei\n"
        "> I'll answer every mail within a day.\n"
        "> _______________________________________________\n> foo-users mailing list\n"
        "> foo-users@lists.example.org\n\n"
        f"{OWN}\n\n-- \nTom Reyes\nWe'll reply within 24 hours.\n"
        "_______________________________________________\nfoo-users mailing list\n"
        "foo-users@lists.example.org\n"
    )
    assert _found(text) == [OWN_QUOTE]


@pytest.mark.parametrize("cut", ["[...]", "[snip]", "<snip>", "..."])
def test_an_answer_after_a_cut_mark_between_quotes_is_read(cut: str) -> None:
    text = (
        "Ben Osei <ben@example.com> wrote:\n> The export fails on large files.\n"
        f"{cut}\n> {OLD}\n\n{OWN}\n\n> {OLD_TOO}\n"
    )
    assert _found(text) == [OWN_QUOTE]


SIGN_OFFS = [
    *("Warmly", "Respectfully", "All best", "Thanks so much", "Many thanks in advance"),
    *("Regards from Berlin", "Schöne Grüße", "Mit freundlichem Gruß", "Grüße aus Berlin"),
    *("À bientôt", "Un abrazo", "Un cordial saludo", "Cordialmente", "Cumprimentos"),
    *("Buona giornata", "Un caro saluto", "Med venlig hilsen", "Ystävällisin terveisin"),
    *("Üdvözlettel", "Saygılarımla", "С уважением", "Με εκτίμηση", "Pozdrav", "祝好"),
    *("顺祝商祺", "감사합니다", "以上、よろしくお願いいたします。"),
    *("Sent with Spark", "Sent via Superhuman", "Sent from BlueMail", "Sent from Samsung Mobile"),
]


@pytest.mark.parametrize("sign_off", SIGN_OFFS)
def test_what_follows_a_sign_off_and_a_name_is_the_signature(sign_off: str) -> None:
    text = f"Hi Ben,\n\n{OWN}\n\n{sign_off}\nTom\nI will call you back tomorrow.\n"
    assert _found(text) == [OWN_QUOTE]


@pytest.mark.parametrize(
    "text",
    [
        "Hi Ben,\n\nKind regards and I'll call you back tomorrow\nTom\n",
        "Hi Ben,\n\nThanks so much!\nI'll call you back tomorrow.\n\nTom\n",
    ],
    ids=["a sign-off with a promise", "thanks before a sentence"],
)
def test_a_sign_off_word_before_or_in_a_commitment_does_not_hide_it(text: str) -> None:
    assert _found(text) == ["I'll call you back tomorrow"]


@pytest.mark.parametrize(
    "attribution",
    [
        "Ben Osei <ben@example.com> wrote:",
        "On Tue, 1 Dec 2026 at 10:02, Ben Osei <ben@example.com> wrote:",
    ],
    ids=["name wrote", "on … wrote"],
)
def test_an_own_line_without_its_full_stop_right_above_an_attribution_is_read(
    attribution: str,
) -> None:
    text = f"Hi Ben,\nOn Friday I'll send you the patched build\n{attribution}\n> {OLD}\n"
    assert _found(text) == ["I'll send you the patched build"]


def test_a_date_and_a_sender_without_an_address_in_the_senders_words_are_read() -> None:
    text = f"Delivery note\nDate: Friday 4 December\nFrom: our Leeds depot\n\n{OWN}\n\nTom\n"
    assert _found(text) == [OWN_QUOTE]


@pytest.mark.parametrize(
    "quote",
    [
        f'[quote="ben, post:3, topic:12"]\n{OLD}\n[/quote]',
        f'[quote="Ben"][quote="Ann"]{OLD_TOO}[/quote]\nStill waiting.\n{OLD}[/quote]',
        f"{{quote}}{OLD}{{quote}}",
    ],
    ids=["discourse", "nested bbcode", "jira"],
)
def test_a_quote_in_forum_or_tracker_markup_is_history(quote: str) -> None:
    text = f"Hi Ben,\n\n{quote}\n\n{OWN}\n\n{quote}\nNo.\n"
    assert _found(text) == [OWN_QUOTE]
