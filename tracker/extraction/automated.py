"""Messages that say of themselves that no person wrote them.

"Online check-in is open. We will send your boarding pass after you check in.\\n\\nSouthern
Air (automated message)": every "we'll …" in such a message is the system's standing
notice (the spec's automatic processes), not an agent's promise to this customer. The
words (`vocab/en.py` SELF_DECLARED_AUTOMATED) are read in the sender's own part, the
signature included, and not in quoted history: a person answering an automated notice
still promises.
"""

from __future__ import annotations

import re

from tracker.extraction.vocab import en

_DECLARED = re.compile("|".join(en.SELF_DECLARED_AUTOMATED), re.IGNORECASE)
# Where the sender's own part ends: an attribution ("… wrote:") or an original message.
_HISTORY = re.compile(
    r"^[ \t]*>|\bwrote:[ \t]*$|-{2,}\s*(?:original|forwarded)\s+message|^From:[ \t]",
    re.IGNORECASE | re.MULTILINE,
)


def declares_automated(text: str) -> bool:
    """Does the sender's own part of `text` (before any quoted history) say that it is
    an automated message?"""
    history = _HISTORY.search(text)
    own = text[: history.start()] if history else text
    return _DECLARED.search(own) is not None
