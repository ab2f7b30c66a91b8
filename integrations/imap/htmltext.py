"""HTML mail to plain text, without the quoted history the mail client appended.

Mail clients mark the quoted part of an HTML reply with their own containers
(Gmail `div.gmail_quote`, Apple Mail `blockquote type=cite`, Outlook
`div#divRplyFwdMsg` / `#appendonsend`, Thunderbird `.moz-cite-prefix`, Yahoo
`.yahoo_quoted`); cutting the HTML there works whatever the language of the
"On … wrote:" line. The text itself comes from the project's one HTML converter,
`tracker.extraction.clean_html`.
"""

from __future__ import annotations

from html.parser import HTMLParser

from tracker.extraction.cleaning import clean_html

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


class _QuoteFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: tuple[int, int] | None = None  # (line, column) of the container's tag

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        if self.found is None:
            attrs = {k.lower(): (v or "") for k, v in attrs_list}
            if _is_quote_start(tag, attrs):
                self.found = self.getpos()


def quote_start(html: str) -> int | None:
    """Offset of the first quoted-history container in `html`, or None."""
    finder = _QuoteFinder()
    try:
        finder.feed(html)
        finder.close()
    except Exception:  # HTMLParser is lenient; hostile markup just means no cut
        return None
    if finder.found is None:
        return None
    line, column = finder.found
    offset = 0
    for _ in range(line - 1):
        offset = html.index("\n", offset) + 1
    return offset + column


def html_to_text(html: str, cut_quotes: bool = True) -> str:
    """Readable text of an HTML body; with `cut_quotes`, nothing from the quoted history."""
    if cut_quotes:
        start = quote_start(html)
        if start is not None:
            html = html[:start]
    return clean_html(html)
