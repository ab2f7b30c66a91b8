"""Cutting the quoted history (and signature) off a plain-text reply.

mail-parser-reply's header patterns (Gmail/Apple "On … wrote:", Outlook
"From:/Sent:" blocks, in many languages) find where the history begins; it is
used for that position only. Its own reply extraction is not used: it also
treats any line starting with "- word" as a signature and drops everything after
it, which would cut off bulleted promises. Our own markers cover what it misses
(Outlook's underscore rule, forwarded-message banners, `>` blocks, `-- `).
"""

from __future__ import annotations

import re
from functools import lru_cache

from mailparser_reply.parser import EmailMessage

from tracker.extraction.vocab.mail import ATTRIBUTION_OPENERS

_LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "pl", "ja"]

_MARKERS = [
    # Apple Mail / Gmail attribution, possibly wrapped onto a second line
    re.compile(r"^[ \t]*On\b[^\n]{0,200}(?:\n[^\n]{0,200})?\bwrote:[ \t]*$", re.M),
    re.compile(
        r"^[ \t]*-{2,}[ \t]*(?:Original Message|Forwarded message|Forwarded Message)"
        r"[ \t]*-{2,}[ \t]*$",
        re.M | re.I,
    ),
    re.compile(r"^[ \t]*Begin forwarded message:[ \t]*$", re.M),
    # Outlook: a rule of underscores followed by a From: line
    re.compile(r"^[ \t]*_{10,}[ \t]*\n(?:[ \t]*\n)?[ \t]*\**(?:From|De|Von|Van)\**:", re.M),
    # Outlook without the rule: From: then Sent:/Date: on the next lines
    re.compile(r"^[ \t]*\**From:\**[^\n]*\n[ \t]*\**(?:Sent|Date):\**", re.M),
]
# The opening words of an attribution line, per language: the extractor's table.
_ATTRIBUTION = re.compile(
    r"^[ \t]*(?:"
    + "|".join(opening for openings in ATTRIBUTION_OPENERS.values() for opening in openings)
    + r")\b.{0,200}:[ \t]*$"
)
_BLOCK_STARTS = [
    re.compile(r"^[ \t]*-{2,}[ \t]*(?:Original Message|Forwarded message)", re.I),
    re.compile(r"^[ \t]*_{10,}[ \t]*$"),
    re.compile(r"^[ \t]*\**From:\**\s"),
    re.compile(r"^[ \t]*Begin forwarded message:"),
]
_SIGNATURE = re.compile(r"^-- ?$", re.M)
_MOBILE = re.compile(r"^[ \t]*(?:Sent from my [\w \-]+|Get Outlook for \w+)[ \t]*$", re.M | re.I)


@lru_cache(maxsize=1)
def _library_header() -> re.Pattern[str]:
    return EmailMessage(text="", languages=list(_LANGUAGES)).HEADER_REGEX


def history_start(text: str) -> int | None:
    """The offset where quoted history begins, or None when the text has none."""
    starts = [m.start() for pattern in _MARKERS if (m := pattern.search(text))]
    header = _library_header().search(text)
    if header:
        # its patterns may begin at the newline before the header line
        start = header.start()
        while start < len(text) and text[start] in "\r\n":
            start += 1
        starts.append(start)
    quoted = _trailing_quote_start(text)
    if quoted is not None:
        starts.append(quoted)
    return min(starts) if starts else None


def _trailing_quote_start(text: str) -> int | None:
    """Start of a `>`-quoted block that runs to the end of the text (blank lines allowed)."""
    lines = text.split("\n")
    index = len(lines)
    while index > 0 and (lines[index - 1].startswith(">") or not lines[index - 1].strip()):
        index -= 1
    if index == len(lines) or not any(line.startswith(">") for line in lines[index:]):
        return None
    return sum(len(line) + 1 for line in lines[:index])


def reply_text(text: str) -> str:
    """The new words of a reply: no quoted history, no `-- ` signature, tidy whitespace."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    start = history_start(text)
    if start is not None:
        text = text[:start] + _inline_answers(text[start:])
    signature = _SIGNATURE.search(text)
    if signature:
        text = text[: signature.start()]
    text = _MOBILE.sub("", text)
    # interleaved quotes left above the reply's end carry no new words
    lines = [line.rstrip() for line in text.split("\n") if not line.startswith(">")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _inline_answers(history: str) -> str:
    """The author's own lines inside an "On … wrote:" block whose quote is `>`-prefixed:
    people who answer inline write their whole reply between the quoted parts. Any other
    history (an Outlook or forwarded block, unprefixed) is history to its end."""
    lines = history.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].lstrip().startswith(">"):
        return ""
    after = next((i for i in range(first + 1, len(lines)) if lines[i].strip()), None)
    if after is None or not lines[after].lstrip().startswith(">"):
        return ""  # no `>` quote under the attribution: an unprefixed block
    if not _ATTRIBUTION.match(lines[first]) and not _library_header().match(lines[first]):
        return ""
    own = []
    for line in lines[after:]:
        if not line.lstrip().startswith(">") and any(
            pattern.match(line) for pattern in _BLOCK_STARTS
        ):
            break  # an older, unprefixed block below the inline answers
        own.append(line)
    return "\n" + "\n".join(own)
