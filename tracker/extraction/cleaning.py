"""Plain text from help-desk HTML, and where an e-mail's own words end.

Masking keeps offsets: the text the caller passed in is never rewritten, we only
compute which character ranges (quoted history, signatures, disclaimers) must be
ignored, and blank them out in a same-length copy used for detection.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

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

_REPLY_HEADER = re.compile(
    r"^[ \t]*(?:"
    r"On\b[^\n]{0,300}?(?:\n[^\n]{0,200}?)?\bwrote:[ \t]*$"  # Gmail, possibly wrapped
    r"|Am\b[^\n]{0,300}?\bschrieb\b[^\n]{0,200}:[ \t]*$"  # German Gmail / Apple Mail
    r"|Le\b[^\n]{0,300}?\ba écrit ?:[ \t]*$"  # French
    r"|-{2,}\s*(?:Original Message|Forwarded message|Ursprüngliche Nachricht)\s*-{2,}[^\n]*$"
    r"|_{10,}[ \t]*$"  # Outlook's rule above the From: block
    r"|(?:From|Von|De):[^\n]*\n(?:[^\n]*\n){0,3}?[ \t]*(?:Sent|Date|Gesendet|Envoyé):[^\n]*$"
    r")",
    re.MULTILINE | re.IGNORECASE,
)
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*$", re.MULTILINE)
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
_DEVICE_FOOTER = re.compile(r"\s*(?:sent from my|get outlook for)\b", re.IGNORECASE)
_SIG_DASHES = re.compile(r"^--[ \t]*$", re.MULTILINE)
_DISCLAIMER = re.compile(
    r"confidential|intended recipient|privileged|this e-?mail (?:and any|is)|disclaimer",
    re.IGNORECASE,
)


def _looks_like_a_name(line: str) -> bool:
    """The line after a sign-off: a name or a team, not a sentence ("" counts)."""
    words = line.split()
    return len(words) <= 6 and not line.rstrip().endswith((".", "!", "?", ":"))


def _signature_start(text: str, limit: int) -> int:
    """Where the sign-off block begins, looking only before `limit` (the quote header)."""
    body = text[:limit]
    best = limit
    match = _SIG_DASHES.search(body)
    if match:
        best = min(best, match.start())
    position = 0
    lines = body[:best].split("\n")
    for index, line in enumerate(lines):
        # A valediction on its own line, after some content and followed by a name
        # (or nothing): the rest is the signature. "Thanks!" followed by a sentence
        # is the start of the reply, not its end.
        if (
            0 < len(line) <= 60
            and _VALEDICTION.fullmatch(line)
            and body[:position].strip()
            and (
                _DEVICE_FOOTER.match(line)
                or _looks_like_a_name(next((n for n in lines[index + 1 :] if n.strip()), ""))
            )
        ):
            best = position
            break
        position += len(line) + 1
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
    """Index where quoted history or the signature begins (`len(text)` if neither)."""
    text = normalise_line_ends(text)
    header = _REPLY_HEADER.search(text)
    limit = header.start() if header else len(text)
    first_quoted = _QUOTED_LINE.search(text, 0, limit)
    if first_quoted:
        limit = first_quoted.start()
    return _signature_start(text, limit)


def masked_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges that are not the author's own words, in order."""
    ranges: list[tuple[int, int]] = []
    header = _REPLY_HEADER.search(text)
    history = header.start() if header else len(text)
    signature = _signature_start(text, history)
    if signature < history:
        ranges.append((signature, history))
    if header:
        ranges.append((header.start(), len(text)))
    else:
        ranges.extend(m.span() for m in _QUOTED_LINE.finditer(text))
    return ranges


def visible_text(text: str) -> str:
    """`text` with masked ranges blanked (same length, newlines kept)."""
    ranges = masked_ranges(text)
    if not ranges:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in ranges:
        if start < pos:
            start = pos
        if start >= end:
            continue
        parts.append(text[pos:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts)
