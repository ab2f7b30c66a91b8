"""Sentence spans over (masked) message text.

A sentence ends at ., ! or ? followed by a space and a new sentence, or at a line
break (support replies use one line per bullet, greeting and sign-off). Common
abbreviations ("Mr.", "e.g.", "No.") do not end a sentence.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    str.split(
        "mr mrs ms dr st nr ref approx e.g i.e etc vs jan feb mar apr jun jul aug sep sept oct "
        "nov dec mon tue tues wed thu thur thurs fri sat sun inc ltd co corp dept est tel ext "
        "u.s u.k sr jr prof"
    )
)
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if match.group() != "\n" and match.group().startswith("."):
            word = _WORD_BEFORE.search(text, max(start, match.start() - 12), match.start() + 1)
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
        _append(text, start, end, spans)
        start = end
    _append(text, start, len(text), spans)
    return spans


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
