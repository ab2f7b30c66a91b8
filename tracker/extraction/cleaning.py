"""Plain text from help-desk HTML, and where an e-mail's own words end.

Masking keeps offsets: the text the caller passed in is never rewritten, we only
compute which character ranges (quoted history, signatures, disclaimers) must be
ignored, and blank them out in a same-length copy used for detection.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from tracker.extraction.cues import has_cue

_BLOCK_TAGS = frozenset(
    str.split("p div br li tr h1 h2 h3 h4 h5 h6 blockquote pre table ul ol hr section article")
)
_SKIP_TAGS = frozenset(("script", "style", "head", "title"))


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._quote_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag == "blockquote":
            self._quote_depth += 1
            self._newline()
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self._newline()
            self.parts.append("- ")
        elif tag in _BLOCK_TAGS:
            self._newline()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")
        elif tag in _BLOCK_TAGS:
            self._newline()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag == "blockquote":
            self._quote_depth = max(0, self._quote_depth - 1)
            self._newline()
        elif tag in ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol"):
            self._newline()
            if tag == "p":
                self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        data = re.sub(r"[ \t\r\n\f]+", " ", data)
        if self._quote_depth:
            # Quoted history inside <blockquote>: keep it visibly quoted so that
            # the masking below recognises it like a plain-text reply.
            data = data.strip()
            if not data:
                return
            if not self.parts or self.parts[-1].endswith("\n"):
                data = "> " * self._quote_depth + data
        self.parts.append(data)

    def _newline(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")


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

# Attribution lines of common mail clients (Gmail, Apple Mail, Thunderbird, Outlook's
# plain-text replies) by language: the word that opens the line and the verb near its end.
# A new language is one more row.
ATTRIBUTIONS: tuple[tuple[str, str, str], ...] = (
    ("en", "On", r"wrote"),
    ("de", "Am", r"schrieb"),
    ("fr", "Le", r"a\s+(?:é|e)crit"),
    ("es", "El", r"escribi(?:ó|o)"),
    ("it", "Il", r"ha\s+scritto"),
    ("nl", "Op", r"schreef"),
    ("pt", "Em", r"escreveu"),
    ("sv/da/no", "Den", r"skrev"),
)
# Outlook's header block of the original message, by language: the sender field and the
# date field that follows it within a few lines.
HEADER_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("en", "From", r"Sent|Date"),
    ("de", "Von", r"Gesendet|Datum"),
    ("fr", "De", r"Envoy(?:é|e)|Date"),
    ("es", "De", r"Enviado(?:[ \t]+el)?|Fecha"),
    ("it", "Da", r"Inviato|Data"),
    ("nl", "Van", r"Verzonden|Datum"),
)
# Banners opening an original or forwarded message.
BANNERS: tuple[str, ...] = (
    "Original Message",
    "Forwarded message",
    "Forwarded Message",
    "Ursprüngliche Nachricht",
    "Weitergeleitete Nachricht",
    "Message d'origine",
    "Message transféré",
    "Mensaje original",
    "Mensaje reenviado",
    "Messaggio originale",
    "Messaggio inoltrato",
    "Oorspronkelijk bericht",
    "Doorgestuurd bericht",
)
FORWARD_LINES: tuple[str, ...] = (
    "Begin forwarded message",  # Apple Mail
    "Anfang der weitergeleiteten Nachricht",
    "Début du message réexpédié",
    "Inicio del mensaje reenviado",
)

_ATTRIBUTION = re.compile(
    r"^[ \t]*(?:"
    + "|".join(sorted({opener for _, opener, _ in ATTRIBUTIONS}))
    + r")\b[^\n]{0,300}?(?:\n(?![ \t]*>)[^\n]{0,200}?)?\b(?:"
    + "|".join(verb for _, _, verb in ATTRIBUTIONS)
    + r")\b[^\n]{0,200}?[ \t]?:[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# An original message block: everything from here to the end is history.
_ORIGINAL_BLOCK = re.compile(
    r"^[ \t]*(?:"
    r"-{2,}[ \t]*(?:" + "|".join(re.escape(b) for b in BANNERS) + r")[ \t]*-{2,}[^\n]*$"
    r"|(?:" + "|".join(re.escape(f) for f in FORWARD_LINES) + r")[ \t]?:[ \t]*$"
    r"|_{10,}[ \t]*$"  # Outlook's rule above the From: block, or a mailing list's footer
    r"|\**(?:" + "|".join(sorted({f for _, f, _ in HEADER_FIELDS})) + r")\**[ \t]?:[^\n]*\n"
    r"(?:[^\n]*\n){0,3}?[ \t]*\**(?:" + "|".join(d for _, _, d in HEADER_FIELDS) + r")\**[ \t]?:"
    r")",
    re.MULTILINE | re.IGNORECASE,
)
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*$", re.MULTILINE)
# A run of quoted lines, blank lines between them allowed.
_QUOTED_RUN = re.compile(r"^[ \t]*>[^\n]*(?:\n(?:[ \t]*\n)*[ \t]*>[^\n]*)*", re.MULTILINE)
# An attribution line in a language not listed above: the line right before quoted lines,
# ending in a colon, that names an address or a time and has no commitment wording
# ("W dniu 1.12.2026 o 10:02, Ben <ben@example.pl> pisze:").
_UNKNOWN_ATTRIBUTION = re.compile(r"(?:\S@\S|\d:\d\d)[^\n]*:[ \t]*$")
_VALEDICTION = re.compile(
    r"[ \t]*(?:(?:kind|best|warm|warmest|many|with|yours|all the|kindest)?[ \t]*"
    r"(?:regards|wishes|thanks|best|sincerely|faithfully|cheers|greetings|grüße)"
    r"|thanks(?: again| (?:and|&) regards)?|thank you|many thanks|cheers|best|sincerely"
    r"|yours(?: sincerely| truly)?"
    r"|take care|talk soon|speak soon|speak then|safe travels|have a (?:lovely|good|great|nice)"
    r" [a-z]+|all the best|regards|aloha|ciao|cordialement|viele grüße[^\n]*|mit freundlichen"
    r" grüßen|sent from my [^\n]+|get outlook for [^\n]+)[ \t]*[,.!]?[ \t]*$",
    re.IGNORECASE,
)
# The same, as whole lines of a message.
_VALEDICTION_LINE = re.compile(
    r"^(?=[ \t]*\S)(?:" + _VALEDICTION.pattern + r")$", re.IGNORECASE | re.MULTILINE
)
_DEVICE_FOOTER = re.compile(r"\s*(?:sent from my|get outlook for)\b", re.IGNORECASE)
# Substrings every _DISCLAIMER match contains: a plain `in` test is far cheaper than
# the case-insensitive regex on a long message.
_DISCLAIMER_WORDS = ("confidential", "intended recipient", "privileged", "mail", "disclaimer")
_SIG_DASHES = re.compile(r"^--[ \t]*$", re.MULTILINE)
_DISCLAIMER = re.compile(
    r"confidential|intended recipient|privileged|this e-?mail (?:and any|is)|disclaimer",
    re.IGNORECASE,
)


def _looks_like_a_name(line: str) -> bool:
    """The line after a sign-off: a name or a team, not a sentence ("" counts)."""
    words = line.split()
    return len(words) <= 6 and not line.rstrip().endswith((".", "!", "?", ":"))


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


def _signature_start(body: str) -> int:
    """Where the sign-off block begins in `body` (history already blanked), or `len(body)`."""
    best = len(body)
    match = _SIG_DASHES.search(body) if "--" in body else None
    if match:
        best = match.start()
    # Only lines that read as a valediction are looked at (a long message has many lines).
    content_start = len(body) - len(body.lstrip())
    for line_match in _VALEDICTION_LINE.finditer(body, 0, best):
        position, line = line_match.start(), line_match.group()
        # A valediction on its own line, after some content and followed by a name
        # (or nothing): the rest is the signature. "Thanks!" followed by a sentence
        # is the start of the reply, not its end.
        if (
            0 < len(line) <= 60
            and not line.isspace()
            and content_start < position
            and (
                _DEVICE_FOOTER.match(line)
                or _looks_like_a_name(_next_text_line(body, best, line_match.end()))
            )
        ):
            best = position
            break
    lowered = body.lower()
    if not any(word in lowered for word in _DISCLAIMER_WORDS):
        return best
    for match in _DISCLAIMER.finditer(body):
        line_start = body.rfind("\n", 0, match.start()) + 1
        if body[:line_start].strip():
            best = min(best, line_start)
            break
    return best


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
    history = _history_ranges(text)
    signature = _signature_start(blanked(text, history) if history else text)
    if signature < len(text):
        history.append((signature, len(text)))
    return _merged(history, text)


# A chat transcript's customer lines ("[09:33] Customer: i'll check with my neighbours"):
# the customer's words, never the agent's promise.
_CUSTOMER_LINE = re.compile(
    r"^[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?(?:customer|client|caller|guest|visitor)\b[^:\n]{0,30}:"
    r"[^\n]*",
    re.IGNORECASE | re.MULTILINE,
)


def _history_ranges(text: str) -> list[tuple[int, int]]:
    """The quoted history of an e-mail reply, unsorted: `>` lines, their attribution
    lines, and an original-message block to the end of the text."""
    ranges: list[tuple[int, int]] = []
    # Every block, attribution and quoted line has one of these: a megabyte without them
    # is not searched line by line.
    colon = ":" in text
    block = _ORIGINAL_BLOCK.search(text) if colon or "--" in text or "_" * 10 in text else None
    end = block.start() if block else len(text)
    if block:
        ranges.append((end, len(text)))
    quoted = [m.span() for m in _QUOTED_RUN.finditer(text, 0, end)] if ">" in text else []
    ranges.extend(quoted)
    for attribution in _ATTRIBUTION.finditer(text, 0, end) if colon else ():
        if _QUOTED_LINE.match(text, _next_line(text, attribution.end())):
            ranges.append(attribution.span())
        else:
            # "On … wrote:" over unprefixed text: the original message, to the end.
            ranges.append((attribution.start(), len(text)))
            break
    if colon:
        ranges.extend(m.span() for m in _CUSTOMER_LINE.finditer(text, 0, end))
    # The line before each run of `>` lines, if it reads like an attribution in a
    # language not listed (a colon after an address or a time).
    previous_end = 0
    for start, stop in quoted:
        before = _previous_line(text, start)
        if before is not None and before[1] > previous_end:
            line = text[before[0] : before[1]]
            if len(line) <= 300 and _UNKNOWN_ATTRIBUTION.search(line) and not has_cue(line):
                ranges.append(before)
        previous_end = stop
    return ranges


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
        parts.append("\n".join(" " * len(line) for line in text[start:end].split("\n")))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


def visible_text(text: str) -> str:
    """`text` with masked ranges blanked (same length, newlines kept)."""
    ranges = masked_ranges(text)
    return blanked(text, ranges) if ranges else text
