"""Sentence spans over (masked) message text.

A sentence ends at ., ! or ? followed by a space and a new sentence, at an emoji followed
by a space and a capital letter (social replies), or at a line
break (support replies use one line per bullet, greeting and sign-off), except where a
plain-text e-mail was hard-wrapped mid-sentence. Common abbreviations ("Mr.", "e.g.",
"No.") do not end a sentence.
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
# Short day and month names ("Wed.", "Dec.") carry a date on ("by Wed. 24th", "Dec. 3", "Thu.
# 8-1"); before any other word a texted sentence ends there: "Brake discs arrive wed. Will
# call u wed aft", "out of ur inhaler til thurs. will text u when it's in".
_DATE_ABBREVIATIONS = frozenset(
    str.split(
        "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat "
        "sun"
    )
)
_DATE_GOES_ON = re.compile(
    r"\s*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
    r"[a-z]*\b|(?:the|at|from|between|to|till|until|or|and|am|pm|morning|afternoon|evening|"
    r"night|arvo|aft)\b|[-\u2013,(])",
    re.IGNORECASE,
)
# Social replies end a sentence on an emoji as on a full stop: "… before 5pm today 📦 Tracking
# will be texted …" (a run of pictographs, then a space and a capital letter).
_EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff\u2b50\u2b55\u2764\ufe0f\u200d"
# What a social reply puts after its last words, never part of a promise: emoji and a
# sign-off of the writer's name or initials ("… by Friday 📦 -Mack", "… today ^JK").
_TAIL = re.compile(
    rf"(?:[\s.!?…]|[{_EMOJI}\U0001f3fb-\U0001f3ff]"
    r"|(?<=\s)(?:[-–—]|[~^*]\s?)[A-Z][A-Za-z]{0,14}(?:\s?[A-Z][A-Za-z]{0,14})?)+$"
)


def without_tail(sentence: str) -> int:
    """Where `sentence`'s own words end: before trailing stops, emoji and a social sign-off."""
    m = _TAIL.search(sentence)
    return m.start() if m else len(sentence)


_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")
_BOUNDARY_WITH_EMOJI = re.compile(
    _BOUNDARY.pattern + rf"|(?<=[^\s{_EMOJI}])\s*[{_EMOJI}]+(?=\s+[A-Z])"
)
# (the emoji alternative costs a look at every character: only texts with an emoji pay it)
_ANY_EMOJI = re.compile(f"[{_EMOJI}]")
# A line cannot end a sentence on these: "…this morning, and\nI'll re-import…", "…send the
# new invoice to you by\nMonday".
_OPEN_END = re.compile(
    r"\s(?:by|on|until|till|before|after|at|in|from|via|within|per|into|onto|over|under|"
    r"and|or|but|then|so|to|the|a|an|of|with|for|that|our|your|their|my|his|her|its|this|these|"
    r"those|will|shall|would|should|can|could|may|might|must|is|are|was|were|be|been|have|has|"
    r"had|I|we|you|they|he|she|it|I'll|we'll|you'll|they'll|I'm|we're)$"
    # a modal and its verb, the object on the next line: "…I'll regenerate\nSHA256SUMS"
    r"|\s(?:I'll|we'll|will|shall)\s+(?-i:[a-z][\w-]*)$",
    re.I,
)
# …and a line goes on into one that starts with a date or a number: "…on\n12 May", "…due\nFriday".
_DATE_START = re.compile(
    r"(?:\d|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"(?:EOD|COB|EOW|noon|midnight)\b)",
    re.I,
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
# No real sentence is this long; longer runs (a tweet storm without full stops, a
# hostile input) are cut at spaces so that work per sentence stays bounded.
MAX_SENTENCE = 600


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    start = 0
    boundary = _BOUNDARY_WITH_EMOJI if _ANY_EMOJI.search(text) else _BOUNDARY
    for match in boundary.finditer(text):
        end = match.end()
        if match.group() == "\n" and _is_soft_wrap(text, match.start()):
            continue
        if match.group() != "\n" and match.group().startswith("."):
            word = _WORD_BEFORE.search(text, max(start, match.start() - 12), match.start() + 1)
            if word and _is_abbreviation(word.group(1), text, end):
                continue
        _append(text, start, end, spans)
        start = end
    _append(text, start, len(text), spans)
    return spans


def _is_soft_wrap(text: str, newline: int) -> bool:
    """A plain-text e-mail wrapped at ~72 columns: "I'll call you back\ntomorrow"."""
    line_start = text.rfind("\n", 0, newline) + 1
    line = text[line_start:newline].rstrip()
    following = text[newline + 1 : newline + 2]
    if len(line) < 40 or line[-1] in ".!?:;":
        return False
    if line[-1] == ",":  # "…for the Windows path handling,\nand I'll post the link": one sentence
        return following.islower()
    if following.islower():
        return True
    # inside brackets opened on this line: "(Settings > About >\nDiagnostics), I'll …"
    if following.isalnum() and line.count("(") > line.count(")"):
        return True
    if not following.isalnum():
        return False
    if _OPEN_END.search(line):
        return True
    # A line that ends in a time is whole ("Opening hours: Mon-Fri 9-5"); otherwise it goes
    # on into a date or a number.
    return not line[-1].isdigit() and _DATE_START.match(text, newline + 1) is not None


def _is_abbreviation(word: str, text: str, end: int) -> bool:
    """ "Mr. Chen", "e.g. this", "5 p.m. tomorrow", "Wed. 24th" do not end a sentence (the
    dot of `word` is right before `end`); "arrive wed. Will call u" does."""
    lower = word.lower()
    if lower in _DATE_ABBREVIATIONS:
        return _DATE_GOES_ON.match(text, end) is not None
    if lower in _ABBREVIATIONS:
        return True
    return "." in word and text[end : end + 2].lstrip()[:1].islower()


def _append(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    start += len(piece) - len(piece.lstrip())
    end = start + len(stripped)
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        _append(text, start, cut, spans)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
