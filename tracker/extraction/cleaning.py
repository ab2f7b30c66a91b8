"""Plain text from help-desk HTML, and where an e-mail's own words end.

Masking keeps offsets: the text the caller passed in is never rewritten, we only
compute which character ranges (quoted history, signatures, disclaimers) must be
ignored, and blank them out in a same-length copy used for detection.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterable
from html.parser import HTMLParser

from tracker.extraction import chat
from tracker.extraction.cues import has_cue
from tracker.extraction.lines import LinePattern
from tracker.extraction.vocab import mail

_BLOCK_TAGS = frozenset(
    str.split("p div br li tr h1 h2 h3 h4 h5 h6 blockquote pre table ul ol hr section article")
)
_SKIP_TAGS = frozenset(("script", "style", "head", "title"))


def _markers(names: tuple[str, ...]) -> frozenset[str]:
    return frozenset(name.lower() for name in names)


_HISTORY_CONTAINERS = _markers(mail.HTML_HISTORY_CONTAINERS)
_QUOTE_CONTAINERS = _markers(mail.HTML_QUOTE_CONTAINERS)
_SIGNATURE_CONTAINERS = _markers(mail.HTML_SIGNATURE_CONTAINERS)
# What stands for an HTML container in the plain text, so that the masking below reads it
# like a plain-text reply: Outlook's rule above an original message, the `-- ` delimiter.
_RULE = "_" * 32
_SIG_DELIMITER = "-- "


def _container(attrs: list[tuple[str, str | None]], markers: frozenset[str]) -> bool:
    """Whether the element's id or one of its classes is in `markers` (Outlook prefixes
    `x_` to the ids of a message it quotes again)."""
    for name, value in attrs:
        if name in ("id", "class") and value:
            for token in value.lower().split():
                if token in markers or token.removeprefix("x_") in markers:
                    return True
    return False


def _outlook_rule(attrs: list[tuple[str, str | None]]) -> bool:
    """Whether the element is drawn as Outlook's rule above an original message."""
    style = "".join((dict(attrs).get("style") or "").lower().split())
    return any(rule in style for rule in mail.HTML_HISTORY_STYLES)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._quote_depth = 0
        self._pre = 0
        self._divs: list[bool] = []  # per open <div>: whether it holds quoted text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
            return
        quote_container = bool(attrs) and self._mark_container(tag, attrs)
        if tag == "div":
            self._divs.append(quote_container)
        if tag == "blockquote" or quote_container:
            self._quote_depth += 1
            self._newline()
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self._newline()
            self.parts.append("- ")
        elif tag in _BLOCK_TAGS:
            self._newline()
        if tag == "pre":
            self._pre += 1

    def _mark_container(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        """Write the plain-text mark of a history or signature container; whether the
        element is a <div> holding quoted text."""
        if _container(attrs, _HISTORY_CONTAINERS) or _outlook_rule(attrs):
            self._line(_RULE)
        elif _container(attrs, _SIGNATURE_CONTAINERS):
            self._line(_SIG_DELIMITER)
        else:
            return tag == "div" and _container(attrs, _QUOTE_CONTAINERS)
        return False

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        quote_container = tag == "div" and bool(self._divs) and self._divs.pop()
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        if tag == "blockquote" or quote_container:
            self._quote_depth = max(0, self._quote_depth - 1)
            self._newline()
        elif tag in ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "pre"):
            self._newline()
            if tag == "p":
                self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if not self._pre:
            data = re.sub(r"[ \t\r\n\f]+", " ", data)
        if self._quote_depth:
            # Quoted history inside <blockquote>: keep it visibly quoted so that
            # the masking below recognises it like a plain-text reply.
            prefix = "> " * self._quote_depth
            if self._pre:
                data = data.replace("\n", "\n" + prefix)
            if not self.parts or self.parts[-1].endswith("\n"):
                data = data.lstrip()
                if not data:
                    return
                data = prefix + data
        self.parts.append(data)

    def _newline(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def _line(self, text: str) -> None:
        """A line of its own (quoted, inside a quote)."""
        self._newline()
        self.parts.append("> " * self._quote_depth + text + "\n")


def clean_html(html_text: str) -> str:
    """Zendesk `html_body` / Freshdesk `body` to plain text with paragraphs kept."""
    if "<" not in html_text:
        return html.unescape(html_text).strip()
    collector = _TextCollector()
    collector.feed(html_text)
    collector.close()
    text = "".join(collector.parts).replace("\xa0", " ")
    lines = [line.strip() for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# --- quoted history and signatures ------------------------------------------------------------
#
# Quoted history is (promise-spec.md): the `>` lines, their attribution line ("On … wrote:"),
# and an unprefixed original or forwarded message block to the end of the message. What the
# sender writes between quoted parts (an inline reply) is the sender's own text.


def _alternation(fragments: Iterable[str]) -> str:
    """One regex alternation of `fragments`, longest first, each matched as a whole word
    unless it is CJK (no spaces between words there)."""
    unique = sorted(set(fragments), key=len, reverse=True)
    return "|".join(f if _CJK.search(f) else r"(?<!\w)(?:" + f + r")(?!\w)" for f in unique)


def _each(table: dict[str, tuple[str, ...]]) -> list[str]:
    return [entry for entries in table.values() for entry in entries]


_CJK = re.compile(r"[\u3000-\u9fff\uac00-\ud7af]")
_COLON = r"[ \t\u00a0\u202f]*+[:\uff1a]"
_OPENERS = _alternation(_each(mail.ATTRIBUTION_OPENERS))
_VERBS = _alternation(_each(mail.ATTRIBUTION_VERBS))
# "On … wrote:", over up to three lines (a long name or address wraps); a line that ends a
# sentence does not go on into an attribution.
_ATTRIBUTION = re.compile(
    r"^[ \t]*+(?:"
    + _OPENERS
    + r")[^\n]{0,300}?(?:(?<![.!?])\n(?![ \t]*[>\uff1e])[^\n]{0,200}?){0,2}"
    r"(?:" + _VERBS + r")[^\n]{0,200}?" + _COLON + r"[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
_SENDER_FIELDS = "|".join(sender for sender, _ in mail.HEADER_FIELDS.values())
_DATE_FIELDS = "|".join(date for _, date in mail.HEADER_FIELDS.values())
# The lines between the sender field and the date field: any three, or more header lines
# (a field, or a recipient list wrapped over indented lines, lines with an address or lines
# ending in `;` or `,`).
_HEADER_LINE = (
    r"(?:[ \t]*+\**[^\W\d][^\n:]{0,30}?\**" + _COLON + r"|[ \t]|(?=[^\n]*(?:\S@\S|[;,][ \t]*$)))"
)
# Each header line is matched once (an atomic group): a line that several alternatives fit
# must not be tried each way again when no date field follows.
_BETWEEN_FIELDS = r"(?:(?:[^\n]*\n){0,3}?|(?>" + _HEADER_LINE + r"[^\n]*+\n){4,10}?)"
# An original message block, a forward or a list's footer: everything from here to the
# end is history.
_SENDER = r"\**(?:" + _SENDER_FIELDS + r")\**" + _COLON
_DATE = r"\**(?:" + _DATE_FIELDS + r")\**" + _COLON
_ORIGINAL_BLOCK = re.compile(
    r"^[ \t]*+(?:"
    r"-{2,}[ \t]*(?:" + "|".join(re.escape(b) for b in mail.BANNERS) + r")[ \t]*-{2,}[^\n]*$"
    r"|(?:" + "|".join(re.escape(f) for f in mail.FORWARD_LINES) + r")" + _COLON + r"[ \t]*$"
    r"|_{10,}[ \t]*$"  # Outlook's rule above the From: block, or a mailing list's footer
    r"|(?:" + "|".join(mail.LIST_FOOTERS) + r")"
    r"|"
    + _SENDER
    + r"[^\n]*\n"
    + _BETWEEN_FIELDS
    + r"[ \t]*"
    + _DATE
    # The date first, then the sender with an address (BlackBerry, some webmail).
    + r"|"
    + _DATE
    + r"[^\n]*\n(?:[^\n]*\n){0,2}?[ \t]*"
    + _SENDER
    + r"[^\n]*\S@\S)",
    re.MULTILINE | re.IGNORECASE,
)
# Words in every list footer that has no colon, dashes or rule of underscores.
_FOOTER_HINTS = ("subscribe", "this email directly", "mailing list", "receiving this", "-=-=")
# A quoted line: `>` (nested `>>`, `> >`, no space; the full-width `＞` of Japanese
# clients), `| ` (not a table row, which ends in `|`) or Supercite's initials ("BO> ").
_QUOTE_PREFIX = r"[ \t]*+(?:[>\uff1e]|\|(?![^\n]*\|[ \t]*$)|[A-Z][A-Za-z]{0,3}>)"
_QUOTED_LINE = re.compile(r"^" + _QUOTE_PREFIX + r"[^\n]*$", re.MULTILINE)
# A run of quoted lines, blank lines between them allowed.
_QUOTED_RUN = LinePattern(
    _QUOTE_PREFIX + r"[^\n]*(?:\n(?:[ \t]*+\n)*" + _QUOTE_PREFIX + r"[^\n]*)*"
)
# An attribution line in a language or style not matched above: the line right before
# quoted lines, ending in a colon, that names an address or a time, or ends with an
# attribution verb, and has no commitment wording
# ("W dniu 1.12.2026 o 10:02, Ben <ben@example.pl> pisze:", "* Ben <ben@x> [2026-12-01]:").
_UNKNOWN_ATTRIBUTION = re.compile(
    r"(?:\S@\S|\d:\d\d|\d{4}-\d\d-\d\d)[^\n]*" + _COLON + r"[ \t]*$"
    r"|(?:" + _VERBS + r")[^\n]{0,60}?" + _COLON + r"[ \t]*$",
    re.IGNORECASE,
)
# A date or an address: what makes an attribution over unprefixed text a real one.
_DATE_OR_ADDRESS = re.compile(r"\d|\S@\S")
_VALEDICTION = re.compile(
    r"[ \t]*+(?:" + "|".join(mail.SIGN_OFFS + mail.DEVICE_FOOTERS) + r")[ \t]*[,.!]?[ \t]*$",
    re.IGNORECASE,
)
# The same, as whole lines of a message.
_VALEDICTION_LINE = LinePattern(r"(?=[ \t]*+\S)(?:" + _VALEDICTION.pattern + r")$", re.IGNORECASE)
_DEVICE_FOOTER = re.compile(r"[ \t]*+(?:" + "|".join(mail.DEVICE_FOOTERS) + r")", re.IGNORECASE)
# A postscript after the signature is the sender's own words again ("P.S. I'll call…").
_POSTSCRIPT = re.compile(r"^[ \t]*+P\.?(?:P\.?)?[ \t]?S\b\.?", re.MULTILINE)
_SIG_DASHES = re.compile(r"^--[ \t\u00a0]*$", re.MULTILINE)
_DISCLAIMER_TERM = re.compile("|".join(mail.DISCLAIMER_TERMS), re.IGNORECASE)
_DISCLAIMER_OPENER = re.compile(r"[ \t]*(?:" + "|".join(mail.DISCLAIMER_OPENERS) + ")", re.I)


def _looks_like_a_name(line: str) -> bool:
    """The line after a sign-off: a name, a team or a contact line ("Tom Reyes | Support
    | +44 …"), not a sentence, even one without its full stop ("I'll send it today");
    "" counts."""
    words = [word for word in line.split() if any(c.isalnum() for c in word)]
    if "|" in line:
        return True
    if len(words) > 6 or (len(words) >= 3 and has_cue(line)):
        return False
    return not line.rstrip().endswith(("!", "?", ":")) and not _SENTENCE_END.search(line)


# A full stop that ends a sentence, not an initial ("Tom R.") or an abbreviation ("Ltd.").
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bLtd)(?<!\bInc)(?<!\bCo)\.[ \t]*$")


def _next_text_line(body: str, end: int, pos: int) -> str:
    """The first non-blank line of body[:end] after `pos` (the end of a line), or ""."""
    while pos < end:
        start = pos + 1
        stop = body.find("\n", start, end)
        stop = end if stop < 0 else stop
        if body[start:stop].strip():
            return body[start:stop]
        pos = stop
    return ""


def _signature_start(body: str, begin: int, end: int, content_start: int) -> int:
    """Where a sign-off line begins in `body[begin:end]` (history already blanked), or
    `end`; `content_start` is where the sender's own words begin."""
    if body.find("\n", begin, end) < 0:
        return end  # a sign-off is a line of its own, after the first
    # Only lines that read as a valediction are looked at (a long message has many lines).
    for position, line_end in _VALEDICTION_LINE.finditer(body, begin, end):
        line = body[position:line_end]
        # A valediction on its own line, after some content and followed by a name
        # (or nothing): the rest is the signature. "Thanks!" followed by a sentence
        # is the start of the reply, not its end.
        if (
            0 < len(line) <= 60
            and content_start < position
            and (
                _DEVICE_FOOTER.match(line)
                or _looks_like_a_name(_next_text_line(body, end, line_end))
            )
        ):
            return position
    return end


_BLANK_LINE = re.compile(r"\n[ \t]*+\n")


def _disclaimer_start(body: str, end: int) -> int:
    """Where a confidentiality notice begins in `body[:end]`, or `end`: a paragraph after
    some content that opens with a notice or holds two different terms of one; it starts
    at the first line that does."""
    lowered = body[:end].lower()
    if not any(word in lowered for word in mail.DISCLAIMER_KEY_WORDS):
        return end
    content_start = len(body) - len(body.lstrip())
    start = 0
    while start < end:
        blank = _BLANK_LINE.search(body, start, end)
        stop = blank.start() if blank else end
        paragraph = lowered[start:stop]
        if any(word in paragraph for word in mail.DISCLAIMER_KEY_WORDS):
            notice = _notice_in(body, start, stop, content_start)
            if notice is not None:
                return notice
        start = blank.end() - 1 if blank else end
    return end


def _notice_in(body: str, start: int, end: int, content_start: int) -> int | None:
    """The first line of a notice in the paragraph `body[start:end]`, if it is one."""
    notice_start = -1  # the first line with a term or an opener
    terms: set[str] = set()
    pos = start
    while pos < end:
        stop = body.find("\n", pos, end)
        stop = end if stop < 0 else stop
        line = body[pos:stop]
        found = {m.group().lower() for m in _DISCLAIMER_TERM.finditer(line)}
        opener = _DISCLAIMER_OPENER.match(line) is not None
        if (found or opener) and notice_start < 0:
            if pos <= content_start:
                return None  # the message opens with it: not a notice after content
            notice_start = pos
        terms |= found
        if notice_start >= 0 and (opener or len(terms) >= 2):
            return notice_start
        pos = stop + 1
    return None


def normalise_line_ends(text: str) -> str:
    """CRLF and CR line ends as LF, one character for one, so offsets stay valid."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", " \n").replace("\r", "\n")


def quoted_history_start(text: str) -> int:
    """Index where the author's own words first stop: quoted history or the signature
    (`len(text)` if neither). Inline replies below that point are still read."""
    ranges = masked_ranges(normalise_line_ends(text))
    return ranges[0][0] if ranges else len(text)


def masked_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges that are not the author's own words, in order and disjoint."""
    history = _merged(_history_ranges(text), text)
    body = blanked(text, history) if history else text
    content_start = len(body) - len(body.lstrip())
    own_end = len(body.rstrip())
    # A confidentiality notice ends the sender's words; so does `-- ` or a sign-off.
    notice = _disclaimer_start(body, own_end)
    ranges = list(history)
    # Where the next `-- ` and P.S. lines are (own_end: none, -1: not searched yet).
    dashes = -1 if "--" in body else own_end
    postscript = -1
    begin = 0
    while begin < own_end:
        if dashes < begin:
            match = _SIG_DASHES.search(body, begin, own_end)
            dashes = match.start() if match else own_end
        stop = min(dashes, notice if notice >= begin else own_end)
        signature = _signature_start(body, begin, stop, content_start)
        if signature >= own_end:
            break
        # A signature ends at a P.S. and, when the sender answers inline below it (Gmail
        # puts the signature above the quote, answers go between quoted parts), where the
        # quoted history begins; otherwise it runs to the end of the message.
        if postscript <= signature:
            match = _POSTSCRIPT.search(body, signature + 1, own_end)
            postscript = match.start() if match else own_end
        following = bisect.bisect_right(history, (signature, len(text)))
        quote = history[following] if following < len(history) else (own_end, own_end)
        if quote[1] >= own_end:
            quote = (own_end, own_end)  # history to the end, or nothing after it
        if postscript < quote[0]:
            ranges.append((signature, postscript))
            newline = body.find("\n", postscript, own_end)
            begin = own_end if newline < 0 else newline
        elif quote[0] < own_end:
            ranges.append((signature, quote[0]))
            begin = quote[1]
        else:
            ranges.append((signature, len(text)))
            break
    return _merged(ranges, text)


# A chat transcript's customer lines ("[09:33] Customer: i'll check with my neighbours",
# "[2:47 PM] Sam (Customer): ok I'll come back tomorrow"): the customer's words, never
# the agent's promise.
_CUSTOMER_ROLE = r"(?:customer|client|caller|guest|visitor)"
# ("Customer Service:", "Guest Relations:", "Client Success:" are the business's desk)
_DESK = (
    r"(?![ \t]+(?:services?|care|support|success|relations|experience|desk|team|help|centre"
    r"|center|contact|line|advisor|agent|rep)\b)"
)
_CUSTOMER_LINE = LinePattern(
    r"[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?(?:" + _CUSTOMER_ROLE + _DESK + r"\b[^:\n]{0,30}"
    r"|[^:\n()\[\]]{1,30}[(\[]" + _CUSTOMER_ROLE + r"[)\]][ \t]*):[^\n]*",
    re.IGNORECASE,
)


# A private note to colleagues, to the end of its paragraph.
_PRIVATE_NOTE = LinePattern(
    r"[ \t]*+[\[(]?[ \t]*(?:" + "|".join(mail.PRIVATE_NOTE_MARKERS) + r")\b[^\n]{0,40}?"
    r"(?:[:\])]|[ \t][-\u2013\u2014][ \t])(?:(?!\n[ \t]*\n).)*",
    re.IGNORECASE | re.DOTALL,
)


# A help desk's ticket notification (vocab/mail.py HELPDESK_THREAD_MARKERS), and the
# header of each comment it lists: its author ("Morgan (Acme Support)", "Chris Dale") over
# its time ("Jan 8, 2027, 4:45 PM MST", "8 Jan 2027 16:45"), or both on one line.
_HELPDESK_THREAD = re.compile("|".join(mail.HELPDESK_THREAD_MARKERS), re.IGNORECASE)
_COMMENT_TIME = (
    r"(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{4}"
    r"|\d{4}-\d\d-\d\d),?[ \t]+(?:at[ \t]+)?\d{1,2}:\d\d(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
    r"(?:[ \t]+[A-Z]{2,5})?[ \t]*"
)
_COMMENT_HEADER = re.compile(
    r"^[ \t]*[A-Z][^\n.!?:]{0,60}?(?:\n[ \t]*|,[ \t]+)" + _COMMENT_TIME + r"$", re.MULTILINE
)


# A long rule of dashes on a line of its own: in a tracker's notification, the line between
# the new comment and the summary and history (Redmine, Trac).
_NOTIFICATION_RULE = re.compile(r"^-{20,}[ \t]*$", re.MULTILINE)


def _older_comments_start(text: str) -> int | None:
    """Where a help-desk or tracker notification's older part begins (its second comment
    header, or a long rule of dashes below the new comment), or None when the text is no
    such notification or lists one comment."""
    marker = _HELPDESK_THREAD.search(text)
    if marker is None:
        return None
    headers = [m.start() for m in _COMMENT_HEADER.finditer(text)]
    rule = _NOTIFICATION_RULE.search(text, marker.end())
    starts = headers[1:2] + ([rule.start()] if rule else [])
    return min(starts) if starts else None


def _history_ranges(text: str) -> list[tuple[int, int]]:
    """The quoted history of an e-mail reply, unsorted: `>` lines, their attribution
    lines, an original-message block to the end of the text, and a help-desk
    notification's older comments."""
    ranges: list[tuple[int, int]] = []
    older = _older_comments_start(text) if "above this line" in text or "updated" in text else None
    if older is not None:
        ranges.append((older, len(text)))
    # Every attribution has a colon and every quoted line one of `>` `|`: a megabyte
    # without them is not searched line by line for those.
    colon = ":" in text or "\uff1a" in text
    block = (
        _ORIGINAL_BLOCK.search(text)
        if colon or "--" in text or "_" * 10 in text or any(h in text for h in _FOOTER_HINTS)
        else None
    )
    end = block.start() if block else len(text)
    if block:
        reply = _bottom_reply_start(text, block.start(), block.end())
        ranges.append((end, reply))
        if reply < len(text):
            # The sender's reply below the quoted message is read like a message of its own.
            ranges.extend((reply + s, reply + e) for s, e in _history_ranges(text[reply:]))
    quoted = (
        list(_QUOTED_RUN.finditer(text, 0, end))
        if ">" in text or "|" in text or "\uff1e" in text
        else []
    )
    ranges.extend(quoted)
    if colon:
        ranges.extend(_attributions(text, end))
        ranges.extend(_CUSTOMER_LINE.finditer(text, 0, end))
        ranges.extend(chat.customer_turns(text[:end]))
    ranges.extend(_PRIVATE_NOTE.finditer(text, 0, end))
    if "quote" in text:
        ranges.extend(_markup_quotes(text, end))
    # The line before each run of quoted lines, if it reads like an attribution in a
    # language or style not listed (a colon after an address, a time or a verb).
    previous_end = 0
    for index, (start, stop) in enumerate(quoted):
        before = _previous_line(text, start)
        if before is not None and before[1] > previous_end:
            ranges.extend(_unknown_attribution(text, before, previous_end))
        if index + 1 < len(quoted):
            ranges.extend(_lost_prefix(text, start, stop, quoted[index + 1][0]))
        previous_end = stop
    return ranges


# The first line of an attribution wrapped over two: it names an address or a time
# ("Στις Δευ 5 Οκτ 2026 στις 11:47, ο/η Nikos <nikos@example.gr>" over "έγραψε:").
_ATTRIBUTION_HEAD = re.compile(r"\S@\S|\d:\d\d")


def _unknown_attribution(text: str, before: tuple[int, int], floor: int) -> list[tuple[int, int]]:
    """The line `before` a run of quoted lines, with the line above it when the two are one
    attribution wrapped by the client, if it reads like an attribution in a language or
    style not listed (a colon after an address, a time or a verb; no commitment wording);
    nothing above `floor` (the end of the previous quoted run) is taken."""
    start, end = before
    line = text[start:end]
    if start - 1 > floor:
        above = text.rfind("\n", 0, start - 1) + 1
        head = text[above : start - 1]
        joined = head.strip() + " " + line.strip()
        if (
            above >= floor
            and len(joined) <= 300
            and _ATTRIBUTION_HEAD.search(head)
            and _UNKNOWN_ATTRIBUTION.search(joined)
            and not has_cue(joined)
        ):
            return [(above, end)]
    if len(line) <= 300 and _UNKNOWN_ATTRIBUTION.search(line) and not has_cue(line):
        return [before]
    return []


# A forum's or tracker's quote markup: BBCode `[quote="Ben"]…[/quote]` (nested too) and
# Jira's `{quote}…{quote}`.
_MARKUP_QUOTE = re.compile(r"\[(/?)quote\b[^\]\n]{0,200}\]|\{quote\}", re.IGNORECASE)


def _markup_quotes(text: str, end: int) -> list[tuple[int, int]]:
    """The quote blocks written in forum or tracker markup before `end`, outermost ones."""
    ranges: list[tuple[int, int]] = []
    depth, start, jira = 0, 0, -1
    for tag in _MARKUP_QUOTE.finditer(text, 0, end):
        if tag.group().startswith("{"):
            if jira < 0:
                jira = tag.start()
            else:
                ranges.append((jira, tag.end()))
                jira = -1
        elif not tag.group(1):
            if depth == 0:
                start = tag.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                ranges.append((start, tag.end()))
    return ranges


# A bare rule of dashes between blank lines: what some clients and list archives put between
# a quoted message and the reply written below it ("From: …\n\nOld text\n\n---\n\nHi Ann,").
_REPLY_RULE = re.compile(r"\n[ \t]*\n[ \t]*-{3,}[ \t]*\n(?=[ \t]*\n)")


def _bottom_reply_start(text: str, block_start: int, block_end: int) -> int:
    """Where the sender's own reply below an original-message block begins, or the end of
    the text when the block runs to the end (the usual top-posted reply). The reply
    follows a bare rule of dashes, is not another quoted message, and the sender signed
    nothing above the block (a top-posted reply ends with its sign-off)."""
    rule = _REPLY_RULE.search(text, block_end)
    if rule is None:
        return len(text)
    reply = _next_line(text, rule.end() - 1)
    if reply >= len(text) or _ORIGINAL_BLOCK.match(text, reply):
        return len(text)
    content_start = len(text) - len(text.lstrip())
    if _VALEDICTION_LINE.search(text, content_start, block_start) is not None:
        return len(text)
    return reply


# A line quoted by indenting it (four spaces or a tab), and a run of such lines.
_INDENT = r"(?:[ ]{4}|\t)[ \t]*\S"
_INDENTED_LINE = re.compile(_INDENT)
_INDENTED_RUN = re.compile(
    r"^" + _INDENT + r"[^\n]*(?:\n(?:[ \t]*\n)*" + _INDENT + r"[^\n]*)*", re.MULTILINE
)


def _attributions(text: str, end: int) -> list[tuple[int, int]]:
    """Attribution lines ("On … wrote:") before `end`, and the original message that
    follows one over unprefixed text."""
    ranges: list[tuple[int, int]] = []
    for match in _ATTRIBUTION.finditer(text, 0, end):
        attribution = _without_own_lines(text, match.start(), match.end())
        line = text[attribution[0] : attribution[1]]
        dated = _DATE_OR_ADDRESS.search(line) is not None
        if _QUOTED_LINE.match(text, _next_line(text, match.end())):
            # "On Friday I'll send what Ben wrote:" is the sender's own line.
            if dated or not has_cue(line):
                ranges.append(attribution)
        elif dated and _INDENTED_LINE.match(text, _next_line(text, match.end())):
            # "On … wrote:" over indented text (Outlook for Mac, some webmail): the indented
            # lines are the quote, and what the sender writes between them is their own.
            ranges.append(attribution)
            ranges.extend(m.span() for m in _INDENTED_RUN.finditer(text, match.end()))
            break
        elif dated:
            # "On … wrote:" over unprefixed text: the original message, to the end
            # ("On Monday I wrote:" in the sender's own words names no date or address).
            ranges.append((attribution[0], len(text)))
            break
    return ranges


def _without_own_lines(text: str, start: int, end: int) -> tuple[int, int]:
    """An attribution found over several lines, without its first lines when they are the
    sender's own words: commitment wording and no address or time ("On Friday I'll send
    the build" over "Ben Osei <ben@example.com> wrote:")."""
    while True:
        newline = text.find("\n", start, end)
        if newline < 0:
            return start, end
        line = text[start:newline]
        if _ATTRIBUTION_HEAD.search(line) or "<" in line or not has_cue(line):
            return start, end
        start = newline + 1


def _lost_prefix(text: str, start: int, end: int, next_start: int) -> list[tuple[int, int]]:
    """The one line between two quoted runs (the first `text[start:end]`) when it is the
    rest of the first, wrapped by a client that lost its `>`: it goes on mid-sentence in
    lower case ("> … and the export\nfails on Fridays.\n> …"), and its first word would not
    have fitted on the quoted line (the run's longest line is the wrap width). An answer
    under a question starts a sentence; one in lower case would have fitted."""
    if text.count("\n", end, next_start) != 2:
        return []
    line = text[end + 1 : next_start - 1]
    quoted = text[text.rfind("\n", 0, end) + 1 : end].rstrip()
    if (
        len(quoted) < 50
        or len(line) > 80
        or quoted.endswith((".", "?", "!", ":"))
        or not line.lstrip()[:1].islower()
    ):
        return []
    width = max(len(run_line) for run_line in text[start:end].split("\n"))
    if len(quoted) + 1 + len(line.split()[0]) <= width:
        return []  # the word fitted: the line is not a wrapped rest
    return [(end + 1, next_start - 1)]


def _previous_line(text: str, pos: int) -> tuple[int, int] | None:
    """The span of the last non-blank line before the line starting at `pos`."""
    end = pos - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            return (start, end)
        end = start - 1
    return None


def _next_line(text: str, pos: int) -> int:
    """The start of the first non-blank line after `pos` (the end of a line)."""
    while True:
        newline = text.find("\n", pos)
        if newline < 0:
            return len(text)
        pos = newline + 1
        following = text.find("\n", pos)
        if text[pos : following if following >= 0 else len(text)].strip():
            return pos


def _merged(ranges: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Sorted, disjoint ranges; ranges only whitespace apart (quoted lines) become one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if start >= end:
            continue
        if merged and (start <= merged[-1][1] or text[merged[-1][1] : start].isspace()):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with `ranges` (in any order, overlapping or not) blanked, newlines kept."""
    parts: list[str] = []
    pos = 0
    for start, end in _merged(ranges, text):
        parts.append(text[pos:start])
        if text.find("\n", start, end) < 0:
            parts.append(" " * (end - start))
        else:
            parts.append("\n".join(" " * len(line) for line in text[start:end].split("\n")))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def visible_text(text: str) -> str:
    """`text` with masked ranges blanked (same length, newlines kept)."""
    ranges = masked_ranges(text)
    return blanked(text, ranges) if ranges else text
