"""Carrying on with the customer in a private channel, in the two forms no modal shows.

"We're following up with you via DM" (the present of an arranged action, as a promise
without a stated time: the next message is ours, unless it is sent right now) and "Look
out for our reply in DM shortly" (what the customer is told to wait for, from us). The
word lists are in vocab/en.py (DM_CONTINUING, DM_CHANNEL_PHRASES, LOOK_OUT_LEADS,
OUR_MESSAGES); "will continue in DM" and "we'll meet you in DM" are read elsewhere
(lexicon.KIND_RULES, guards' customer-acts-first).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tracker.extraction import tokens as tk
from tracker.extraction.vocab import en


def _any(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


_CHANNEL = r"(?:via|in|over|by|through)\s+(?:your\s+|our\s+|the\s+)?" + _any(*en.DM_CHANNEL_PHRASES)
DM_PROGRESSIVE = re.compile(
    r"\b(?:I'm|I\s+am|we're|we\s+are)\s+(?:also\s+)?"
    + _any(*en.DM_CONTINUING)
    + r"(?:\s+(?:with|to)\s+(?:you|u))?(?:\s+on\s+(?:this|that|it))?\s+"
    + _CHANNEL
    + r"\b",
    re.IGNORECASE,
)
LOOK_OUT = re.compile(
    r"(?:^|(?<=[\s,;:!.]))(?:please\s+|do\s+)?"
    + _any(*en.LOOK_OUT_LEADS)
    + r"\s+for\s+(?:(?:our|my)\s+(?:\w+\s+)?"
    + _any(*en.OUR_MESSAGES)
    + r"|(?:a|an)\s+(?:\w+\s+)?"
    + _any(*en.OUR_MESSAGES)
    + r"s?\s+from\s+(?:us|me))\b",
    re.IGNORECASE,
)
_RIGHT_NOW = tk.Phrases(en.RIGHT_NOW)


def dm_commitments(sentence: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each "we're following up via DM" (not done right now) and "look
    out for our reply" in `sentence`."""
    for m in DM_PROGRESSIVE.finditer(sentence):
        if not _RIGHT_NOW.in_text(sentence, m.end()):
            yield m.start(), m.end()
    for m in LOOK_OUT.finditer(sentence):
        yield m.start(), m.end()
