"""Goods of ours leaving, said in the simple present with a time: "A replacement part ships
from our warehouse within 2 business days", "the fix goes out in Friday's release".

The present states an arranged dispatch, so it counts only with a stated time (the
pipeline's `needs-due`), in a main clause ("once it ships" is an event, "most orders ship
within 2 days" a policy, "the supplier says it ships Monday" someone else's word), and
not when a company outside ours sends it. Word lists: vocab/en.py SHIPS_VERBS,
SHIPS_NOT_AFTER, FIX_GOODS.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tracker.extraction import lexicon as lx
from tracker.extraction.vocab import en
from tracker.kinds import PromiseKind

SHIPS = re.compile(r"\b(?:" + "|".join(en.SHIPS_VERBS) + r")\b", re.IGNORECASE)
_NOT_AFTER = frozenset(en.SHIPS_NOT_AFTER)
_FIX_GOODS = frozenset(en.FIX_GOODS)
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\b(?:and|but|so)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def goods_leaving(sentence: str) -> Iterator[tuple[int, int, PromiseKind]]:
    """(start, end, kind) of each clause in `sentence` whose goods of ours leave."""
    for m in SHIPS.finditer(sentence):
        breaks = list(_CLAUSE_BREAK.finditer(sentence, 0, m.start()))
        start = breaks[-1].end() if breaks else 0
        subject = sentence[start : m.start()]
        words = [w.lower() for w in _WORD.findall(subject)]
        if not words or _NOT_AFTER.intersection(words):
            continue
        if lx.THIRD_PARTY.search(sentence, start, m.end() + 40):
            continue  # "ships from their supplier", "DPD dispatches it"
        if words[-1] in ("it", "this", "that") and len(words) == 1 and not breaks:
            continue  # a bare "It ships Monday." names nothing of this customer's
        kind: PromiseKind = "fix" if _FIX_GOODS.intersection(words) else "send"
        yield start + (len(subject) - len(subject.lstrip())), m.end(), kind
