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


# text/html-only replies as mail clients write them: the reply, then the client's markup
# around the quoted message (a promise there must never be found).
OWN = "I'll send you the patched build tomorrow."
OLD = "We'll ship a replacement router on Friday."
HTML_REPLIES = {
    "gmail": f'<div dir="ltr">Hi Ben,<div><br></div><div>{OWN}</div><div><br></div>'
    '<div>Tom</div></div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
    'On Tue, Dec 1, 2026 at 10:02 AM Ben Osei &lt;<a href="mailto:ben@example.com">'
    'ben@example.com</a>&gt; wrote:<br></div><blockquote class="gmail_quote" '
    f'style="margin:0px 0px 0px 0.8ex"><div dir="ltr">{OLD}</div></blockquote></div>',
    "gmail with a signature": f'<div dir="ltr">{OWN}<br clear="all"><div><br></div>-- <br>'
    '<div dir="ltr" class="gmail_signature"><div>Tom Reyes</div><div>We will respond within '
    '24 hours.</div></div></div><br><div class="gmail_quote"><blockquote class="gmail_quote">'
    f"<div>{OLD}</div></blockquote></div>",
    "outlook on the web": f'<div style="font-family:Calibri">{OWN}</div><div>Tom</div>'
    '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">'
    '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri"><b>From:</b> Ben Osei '
    "&lt;ben@example.com&gt;<br><b>Sent:</b> Tuesday, December 1, 2026 10:02 AM<br><b>To:</b>"
    " Support<br><b>Subject:</b> RE: export</font><div>&nbsp;</div></div>"
    f"<div><div>{OLD}</div></div>",
    "outlook on the web, a language not listed": f"<div>{OWN}</div>"
    '<hr><div id="divRplyFwdMsg" dir="ltr"><b>Kimden:</b> Ben Osei<br><b>Konu:</b> export'
    f"</div><div>{OLD}</div>",
    "outlook quoting outlook": f'<div>{OWN}</div><div id="x_divRplyFwdMsg" dir="ltr">'
    f"<b>Lähettäjä:</b> Ben Osei</div><div>{OLD}</div>",
    "outlook desktop": f'<div class="WordSection1"><p class="MsoNormal">{OWN}<o:p></o:p></p>'
    '<p class="MsoNormal">Tom<o:p></o:p></p><div><div style="border:none;border-top:solid '
    '#E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b><span lang="DE">Von:'
    '</span></b><span lang="DE"> Ben Osei &lt;ben@example.com&gt; <br><b>Gesendet:</b> '
    "Dienstag, 1. Dezember 2026 10:02<br><b>An:</b> Support<br><b>Betreff:</b> AW: export"
    f'<o:p></o:p></span></p></div></div><p class="MsoNormal">{OLD}<o:p></o:p></p></div>',
    "outlook desktop, a language not listed": f'<p class="MsoNormal">{OWN}</p><div><div '
    'style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
    '<p class="MsoNormal"><b>Kimden:</b> Ben Osei<br><b>Konu:</b> export</p></div></div>'
    f'<p class="MsoNormal">{OLD}</p>',
    "apple mail": f'<html><body dir="auto">{OWN}<br><br><div dir="ltr">Sent from my iPhone'
    '</div><div dir="ltr"><br><blockquote type="cite">On 1 Dec 2026, at 10:02, Ben Osei '
    '&lt;ben@example.com&gt; wrote:<br><br></blockquote></div><blockquote type="cite">'
    f'<div dir="ltr"><div>{OLD}</div></div></blockquote></body></html>',
    "thunderbird": f'<html><body><p>{OWN}</p><div class="moz-signature">-- <br>Tom<br>We will '
    'respond within 24 hours.</div><div class="moz-cite-prefix">On 12/1/26 10:02 AM, Ben Osei '
    f'wrote:<br></div><blockquote type="cite" cite="mid:x@y"><p>{OLD}</p></blockquote>'
    "</body></html>",
    "yahoo, a language not listed": f'<div class="ydp"><div>{OWN}</div><div><br></div>'
    '<div id="yahoo_quoted_0412" class="yahoo_quoted"><div>Ben Osei &lt;ben@example.com&gt; '
    f"kirjoitti tiistaina 1.12.2026:</div><div><br></div><div><div>{OLD}</div></div></div>"
    "</div>",
    "protonmail": f'<div>{OWN}</div><div class="protonmail_signature_block">We will respond '
    'within 24 hours.</div><div class="protonmail_quote">Ben Osei wrote:<br>'
    f'<blockquote class="protonmail_quote" type="cite">{OLD}</blockquote></div>',
    "outlook mobile signature": f'<div dir="auto">{OWN}</div><div id="ms-outlook-mobile-signature">'
    "Get Outlook for iOS. We will respond within 24 hours.</div>",
    "a list archive in <pre>": f"<pre>{OWN}\n\nBen Osei wrote:\n&gt; {OLD}\n&gt; Ben\n</pre>",
}


@pytest.mark.parametrize("html", HTML_REPLIES.values(), ids=list(HTML_REPLIES))
def test_an_html_reply_is_read_and_its_quoted_message_is_not(html: str) -> None:
    assert [p.quote for p in promises_in(clean_html(html))] == [OWN.rstrip(".")]


def test_an_inline_answer_in_an_html_reply_is_read() -> None:
    html = (
        '<div dir="ltr">Hi Ben,<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">'
        "On Tue, Dec 1, 2026 at 10:02 AM Ben Osei &lt;ben@example.com&gt; wrote:<br></div>"
        '<blockquote class="gmail_quote"><div dir="ltr">Does the export work?</div>'
        f"</blockquote><div><br></div><div>{OWN}</div><div><br></div>"
        f'<blockquote class="gmail_quote"><div>{OLD}</div></blockquote><div>Tom</div></div></div>'
    )
    assert [p.quote for p in promises_in(clean_html(html))] == [OWN.rstrip(".")]


def test_a_signature_inside_a_quote_does_not_end_the_reply_below_it() -> None:
    html = (
        '<blockquote type="cite"><div>Does the export work?</div><div class="gmail_signature">'
        f'Ben</div><div id="divRplyFwdMsg">From: Ann</div></blockquote><div>{OWN}</div>'
    )
    plain = clean_html(html)
    assert {"> --", "> " + "_" * 32} <= set(plain.split("\n"))
    assert [p.quote for p in promises_in(plain)] == [OWN.rstrip(".")]


def test_inline_markup_inside_a_quote_keeps_its_spaces() -> None:
    assert clean_html("<blockquote>We'll <b>ship</b> it <i>on Friday</i>.</blockquote>") == (
        "> We'll ship it on Friday."
    )


PRIVATE_NOTES = [
    "Internal note: customer is gold tier, called twice. I'll ring her back at 3 - Oli",
    "[Internal note — not visible to customer] Called the carrier. Will update Mr. Hart after "
    "lunch.",
    "Hi Sam, thanks for waiting.\n\nInternal: gold tier, I'll ring her at 3 tomorrow.",
    "Private note: I'll chase the warehouse tomorrow morning.",
]


@pytest.mark.parametrize("text", PRIVATE_NOTES)
def test_a_private_note_to_colleagues_is_not_a_promise(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # the words in a sentence to the customer, not a note's label
        "I've added an internal note to your account and I'll call you tomorrow.",
        "Internal testing is done and I'll send you the build tomorrow.",
        # the paragraph after the note is the reply again
        "Internal note: VIP.\n\nHi Sam, I'll call you tomorrow.",
    ],
)
def test_words_about_a_note_are_still_read(text: str) -> None:
    (found,) = promises_in(text)
    assert found.due_text == "tomorrow"


BOTTOM_REPLIES = {
    "list archive": (
        "-----Original Message-----\nFrom: Ada Moss <ada@uni.example>\nSent: 3 March 2027 09:10\n"
        "Subject: Printer queue\n\nThe queue on level 2 is stuck again.\n\n---\n\nHi Ada,\n\n"
        "The spooler crashed. I'll restart it and email the list by noon.\n\nPiet\n",
        "I'll restart it and email the list by noon",
    ),
    "forward with a note": (
        "Sam,\n\nPassing this on to our billing team.\n\n---------- Forwarded message ---------\n"
        "From: Sam Roe <sam@roe.example>\nDate: Mon, 8 Mar 2027 at 10:00\nSubject: Invoice\n\n"
        "My invoice is wrong.\n\n---\n\nHi Sam, Lena from billing will phone you tomorrow.\n",
        "Lena from billing will phone you tomorrow",
    ),
}


@pytest.mark.parametrize(("text", "quote"), BOTTOM_REPLIES.values(), ids=list(BOTTOM_REPLIES))
def test_a_reply_below_the_quoted_message_after_a_rule_is_read(text: str, quote: str) -> None:
    assert [found.quote for found in promises_in(text)] == [quote]


NOT_BOTTOM_REPLIES = {
    "an older message after the rule": (
        "Hi Ada,\n\nDone, the queue is clear.\n\n-----Original Message-----\nFrom: Ada\n"
        "Sent: 3 March 2027 09:10\n\nIt is stuck.\n\n---\n\nFrom: Help\nSent: 1 March 2027\n\n"
        "We'll replace the toner on Friday.\n"
    ),
    "signed above the quote": (
        "Hi Ada,\n\nDone, the queue is clear.\n\nBest,\nPiet\n\n-----Original Message-----\n"
        "From: Ada\nSent: 3 March 2027 09:10\n\nIt is stuck.\n\n---\n\n"
        "I'll bring the laptop in on Friday.\n"
    ),
}


@pytest.mark.parametrize("text", NOT_BOTTOM_REPLIES.values(), ids=list(NOT_BOTTOM_REPLIES))
def test_a_rule_inside_quoted_history_does_not_end_it(text: str) -> None:
    assert promises_in(text) == []


def test_an_answer_between_indented_quoted_lines_is_read() -> None:
    text = (
        'Hi Bo,\n\nOn 4/8/27, 9:14 PM, "Bo Lind" <bo@lind.example> wrote:\n\n'
        "    The lamp arrived broken. I'll send photos tonight.\n\n"
        "Sorry! We'll post a new lamp to you on Monday.\n\n    Can I keep the old one?\n\n"
        "Yes, please do.\n"
    )
    assert [found.quote for found in promises_in(text)] == [
        "We'll post a new lamp to you on Monday"
    ]
