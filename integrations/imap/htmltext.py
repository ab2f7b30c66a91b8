"""HTML mail to plain text, stopping where the mail client's quoted history begins.

Mail clients mark the quoted part of an HTML reply with their own containers
(Gmail `div.gmail_quote`, Apple Mail `blockquote type=cite`, Outlook
`div#divRplyFwdMsg` / `#appendonsend`, Thunderbird `.moz-cite-prefix`, Yahoo
`.yahoo_quoted`); cutting there is far more reliable than guessing from the text.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "tr",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "hr",
    "address",
}
_SKIP = {"script", "style", "head", "title", "template"}
_QUOTE_CLASSES = {
    "gmail_quote",
    "gmail_attr",
    "moz-cite-prefix",
    "yahoo_quoted",
    "protonmail_quote",
}
_QUOTE_IDS = {"divrplyfwdmsg", "appendonsend", "mail-editor-reference-message-container"}


def _is_quote_start(tag: str, attrs: dict[str, str]) -> bool:
    classes = set((attrs.get("class") or "").lower().split())
    if classes & _QUOTE_CLASSES:
        return True
    if (attrs.get("id") or "").lower() in _QUOTE_IDS:
        return True
    return tag == "blockquote" and (attrs.get("type") or "").lower() == "cite"


class _Text(HTMLParser):
    def __init__(self, cut_quotes: bool):
        super().__init__(convert_charrefs=True)
        self.cut_quotes = cut_quotes
        self.parts: list[str] = []
        self.skip = 0
        self.pre = 0
        self.stopped = False

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        if self.stopped:
            return
        attrs = {k.lower(): (v or "") for k, v in attrs_list}
        if self.cut_quotes and _is_quote_start(tag, attrs):
            self.stopped = True
            return
        if tag in _SKIP:
            self.skip += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self._break(1)
            self.parts.append("- ")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag in _BLOCK:
            self._break(2 if tag == "p" else 1)
            if tag == "pre":
                self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.stopped:
            return
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK or tag == "li":
            self._break(2 if tag == "p" else 1)
            if tag == "pre":
                self.pre = max(0, self.pre - 1)

    def _break(self, lines: int) -> None:
        """End the current line, leaving at least `lines` line breaks (1: new line, 2: a
        blank line), without stacking blank lines for every nested block."""
        if not self.parts:
            return
        tail = "".join(self.parts[-6:]).rstrip(" \t")
        if not tail.strip():
            return  # nothing but breaks and spaces yet
        have = len(tail) - len(tail.rstrip("\n"))
        self.parts.append("\n" * max(0, lines - have))

    def handle_data(self, data: str) -> None:
        if self.stopped or self.skip:
            return
        if not self.pre:
            data = re.sub(r"[ \t\r\n\f\u00a0]+", " ", data.replace("\u00a0", " "))
        self.parts.append(data)


def html_to_text(html: str, cut_quotes: bool = True) -> str:
    """Readable text of an HTML body; with `cut_quotes`, nothing from the quoted history."""
    parser = _Text(cut_quotes)
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # HTMLParser is lenient; this is a last resort for hostile input
        return re.sub(r"<[^>]*>", " ", unescape(html))
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
