"""A firm outside ours, named in apposition, acting for the customer.

"Our delivery partner, SwiftMove, will call you 1 hour before arrival", "Apex Heating, our
approved contractor, can come on Monday. The engineer will ring you beforehand": the call
is the partner's, not ours (the spec's third parties). Naming the firm beside its role
("partner", "contractor", "carrier": vocab/en.py THIRD_PARTIES) is what marks it as
outside, even after "our"; "our engineer" alone stays ours.
"""

from __future__ import annotations

import re

from tracker.extraction.detect import Commitment
from tracker.extraction.vocab import en

_ROLE = r"(?i:(?:our|the|an?|your)\s+(?:[\w-]+\s+){0,2}?(?:" + "|".join(en.THIRD_PARTIES) + r"))"
_NAME = r"[A-Z0-9][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,3}"
# "our delivery partner, SwiftMove," / "Apex Heating, our approved contractor"
NAMED_OUTSIDE = re.compile(rf"\b{_ROLE}\s*,\s+{_NAME}\s*,|\b{_NAME}\s*,\s+{_ROLE}\b")
# The subject is the firm itself, right before the modal: "The courier, Couriers Please, will"
_ROLE_NAMED_LAST = re.compile(rf"\b{_ROLE}\s*,\s+{_NAME}\s*,\s*$")
# Who stands for the firm named before: "The engineer will", "They'll"
_STANDS_FOR = tuple(en.OUTSIDE_STAND_INS)


def outside_acts(sentence: str, found: Commitment, before: str) -> bool:
    """Is the subject of `found` a firm outside ours, named in apposition in the sentence or
    in `before` (the sentences just before it)?"""
    if _ROLE_NAMED_LAST.search(sentence[max(0, found.start - 80) : found.start]):
        return True
    subject = sentence[found.start : found.end].lstrip().lower()
    if not subject.startswith(_STANDS_FOR):
        return False
    return NAMED_OUTSIDE.search(before + " " + sentence[: found.start]) is not None
