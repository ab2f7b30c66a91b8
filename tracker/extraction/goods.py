"""Goods of ours leaving, said in the simple present with a time: "A replacement part ships
from our warehouse within 2 business days", "the fix goes out in Friday's release".

The present states an arranged dispatch, so it counts only with a stated time (the
pipeline's `needs-due`), in a main clause ("once it ships" is an event, "most orders ship
within 2 days" a policy, "the supplier says it ships Monday" someone else's word), and
not when a company outside ours sends it. Word lists: vocab/en.py SHIPS_VERBS,
SHIPS_NOT_AFTER, FIX_GOODS.

The same goods reported in a state and then leaving, the subject shared ("It's been
cleared now and will ship in the next 24 hours", "your order is ready and will go out
tomorrow morning"), are our dispatch with its time (`item-ships`): one item of this
customer's ("it", "the / your …", "order #…"; not "orders placed today"), a stated time
right after (lexicon.PASSIVE_TIMED); detect.py lets it go when a company outside ours
acts in the sentence ("it's with Estafeta and will ship …"; not a means: "via UPS").
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


_ITEM_THEN_SHIPS = re.compile(
    r"\b(?P<subject>it|(?:the|your)\s+(?:[\w#-]+\s+){0,3}?[\w#-]+|order\s+#?[\w-]+)"
    r"(?:'s|\u2019s|\s+is|\s+has\s+been)\s+(?P<state>[^.;!?,()]{1,40}?)\s+and\s+(?:will|'ll)\s+"
    r"(?:" + "|".join(en.ITEM_LEAVES) + r")\b",
    re.IGNORECASE,
)


def item_then_ships(sentence: str) -> Iterator[tuple[int, int, PromiseKind]]:
    """(start, end, kind) of "<item> is <state> and will ship <time>" in `sentence`."""
    for m in _ITEM_THEN_SHIPS.finditer(sentence):
        words = [w.lower() for w in _WORD.findall(m.group())]
        if _NOT_AFTER.intersection(words) or not lx.PASSIVE_TIMED.match(sentence, m.end()):
            continue
        kind: PromiseKind = "fix" if _FIX_GOODS.intersection(words) else "send"
        yield m.start(), m.end(), kind


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
