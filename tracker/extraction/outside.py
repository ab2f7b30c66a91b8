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

_ROLE = (
    r"(?i:(?:our|the|an?|your)\s+(?:[\w-]+\s+){0,2}?(?:"
    + "|".join(en.THIRD_PARTIES)
    + r")|"
    + "|".join(en.CUSTOMERS_OWN_PROVIDER)
    + ")"
)
# (a word may be joined by "&": "Crawford & Lane")
_NAME = r"[A-Z0-9][\w&.'’-]*(?:\s+(?:&\s+)?[A-Z0-9][\w&.'’-]*){0,3}"
# A name with its legal form: "Hartley & Co", "NBN Co", "Brightwater Ltd"
_FIRM = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:" + "|".join(en.FIRM_SUFFIXES) + r")\b\.?"
# "our delivery partner, SwiftMove," / "Apex Heating, our approved contractor"
NAMED_OUTSIDE = re.compile(rf"\b{_ROLE}\s*,\s+{_NAME}\s*,|\b{_NAME}\s*,\s+{_ROLE}\b")
# The subject is the firm itself, right before the modal: "The courier, Couriers Please, will",
# "Boots, your nominated pharmacy, will", "The surveyor, Hartley & Co, will", "our loss
# adjuster, Crawford & Lane, who will"
_ROLE_NAMED_LAST = re.compile(
    rf"\b(?:{_ROLE}\s*,\s+{_NAME}|{_NAME}\s*,\s+{_ROLE}"
    rf"|(?i:the|an?|our)\s+(?:[\w-]+\s+){{0,2}}?[\w-]+\s*,\s+{_FIRM})"
    r"\s*,\s*$"
)
# A firm by its legal form, named before a pronoun: "… with NBN Co, and they will send"
_FIRM_NAMED = re.compile(rf"\b{_FIRM}")
# The span of a continued commitment ends at its modal: "…, and they will"
_THEN_PRONOUN = re.compile(r"\b(?:and|but)\s+(?:they|he|she)(?:'ll|\s+will|\s+shall)$", re.I)
_PRONOUNS = ("they ", "they'll", "he ", "he'll", "she ", "she'll")
# Who stands for the firm named before: "The engineer will", "They'll"
_STANDS_FOR = tuple(en.OUTSIDE_STAND_INS)


# A name beside an outside role, however the sentence goes on: "the plan administrator,
# Fidelity." / "Fidelity, the plan administrator"
# "the plan administrator, Fidelity": a name given beside "the …" (not "our …") is a firm
_ROLE_BESIDE_NAME = re.compile(
    rf"\b(?:{_ROLE}|(?i:the|an?|your)\s+(?:[\w-]+\s+){{0,2}}?[\w-]+)\s*,\s+{_NAME}"
    rf"|\b{_NAME}\s*,\s+{_ROLE}\b"
)


def _first_name(subject: str) -> str:
    """The name a named-colleague subject gives ("our technician Óscar will" -> "óscar")."""
    words = [w for w in re.findall(r"[\w'’-]+", subject) if w[:1].isupper()]
    return words[0].lower() if words else ""


def outside_acts(sentence: str, found: Commitment, before: str) -> bool:
    """Is the subject of `found` a firm outside ours, named in apposition in the sentence or
    in `before` (the sentences just before it)?"""
    if _ROLE_NAMED_LAST.search(sentence[max(0, found.start - 80) : found.start]):
        return True
    subject = sentence[found.start : found.end].lstrip().lower()
    if found.rule == "named-colleague":
        # "… to the plan administrator, Fidelity. Fidelity will mail you …": the firm itself
        said_before = before + " " + sentence[: found.start]
        name = _first_name(sentence[found.start : found.end])
        return bool(name) and any(
            name in re.findall(r"[\w'’-]+", m.group().lower())
            for m in _ROLE_BESIDE_NAME.finditer(said_before)
        )
    if found.rule == "continued":
        # "We've lodged a fault with NBN Co, and they will send …": the pronoun after "and"
        said_before = before + " " + sentence[: found.end]
        if not _THEN_PRONOUN.search(sentence, found.start, found.end):
            return False
        return (
            NAMED_OUTSIDE.search(said_before) is not None
            or _FIRM_NAMED.search(said_before) is not None
        )
    if not subject.startswith(_STANDS_FOR):
        return False
    said_before = before + " " + sentence[: found.start]
    if NAMED_OUTSIDE.search(said_before):
        return True
    return subject.startswith(_PRONOUNS) and _FIRM_NAMED.search(said_before) is not None
