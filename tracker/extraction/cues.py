"""Where a message may hold a commitment: a cheap cue pattern, and fast cue finding in
long messages (run on lower-cased text; this is the hot path for every message)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tracker.extraction.vocab import en

# Cheap test that a text may hold a commitment at all, run on lower-cased text
# (no IGNORECASE, no word boundaries: this is the hot path for every message).
_CUE = re.compile(
    r"['’]ll|will|shall|should|gonna|going\s+(?:to|out)|let\s+(?:me|us)|expect|hear|i['’]m|i\s+am|we['’]re"
    r"|plan\s+to|intend|(?:is|are)\s+(?:now\s+)?(?:send|ship|deploy|fix|replac|releas|repair|install)ing|from\s+(?:me|us)|who['’]ll|(?:['’]ve|have)\s+(?:asked|arranged|requested|instructed)"
    r"|we\s+are|aims?\s+to|out\s+for\s|wait\s+for\s|ships|dispatches|goes\s+out|leaves\s"
    # "… to our billing team and asked them to call you" (lexicon.ASKED_STAFF)
    r"|(?:asked|requested|instructed)\s+(?:them|him|her)\s+to\s"
    # informal "I'll" / "we'll" (vocab/en.py INFORMAL_MODALS): "ill call u", "well sort it"
    r"|ill\s|well\s|wil\s"
    # time asked for to act (time_asked.py): "kindly allow us 3 days to revert"
    r"|(?:allow|give|grant)\s+(?:us|me|our|my|the)\s"
    # a reply announced or watched for (dm.py): "our reply is coming", "watch for our email"
    r"|(?:is|are)\s+(?:now\s+)?(?:coming|on\s+(?:its|the|their)\s+way|heading)|for\s+(?:our|my)\s"
    # the simple present for a future action (vocab/en.py PRESENT_FOR_FUTURE): "i send you"
    r"|(?:i|we)\s+(?:also\s+|just\s+)?(?:" + "|".join(en.PRESENT_FOR_FUTURE) + r")\b"
    # texted with no subject and no modal (lexicon.CLIPPED): "ring u back in 5", "be with u"
    r"|(?:call|ring|phone|text|txt|msg|message|mail|whatsapp|be\s+with|back\s+to)\s+(?:you|u|ya)\b"
    # ... or the sender's arrival (vocab/en.py CLIPPED_ARRIVALS): "be there by 7", "b round at 4"
    r"|be?\s+(?:there|round)\b"
)


# Each alternative of `_CUE` reduced to a short anchor led by a literal character, so that
# the regex engine's fast literal search skips the text between hits: the alternation as a
# whole starts with common letters and is tried at almost every position of a long
# message. Every `_CUE` match starts at an anchor.
_ANCHORS = (
    "'ll",
    "’ll",
    "'ve(?=\\s)",
    "’ve(?=\\s)",
    "will",
    "shall",
    "should",
    "gonna",
    r"going(?=\s)",
    r"let(?=\s)",
    "expect",
    "hear",
    r"i(?=['’\s])",
    r"we(?=['’\s])",
    r"plan(?=\s)",
    "intend",
    r"is(?=\s)",
    r"are(?=\s)",
    r"from(?=\s)",
    r"who(?=['’])",
    r"have(?=\s)",
    r"aim(?=s?\s)",
    r"out(?=\s)",
    r"wait(?=\s)",
    "ships",
    "dispatches",
    r"goes(?=\s)",
    r"leaves(?=\s)",
    r"ill(?=\s)",
    r"well(?=\s)",
    r"wil(?=\s)",
    r"asked(?=\s)",
    r"requested(?=\s)",
    r"instructed(?=\s)",
    r"allow(?=\s)",
    r"give(?=\s)",
    r"grant(?=\s)",
    r"for(?=\s)",
    r"call(?=\s)",
    r"ring(?=\s)",
    r"phone(?=\s)",
    r"text(?=\s)",
    r"txt(?=\s)",
    r"msg(?=\s)",
    r"message(?=\s)",
    r"mail(?=\s)",
    r"whatsapp(?=\s)",
    r"be(?=\s)",
    r"b(?=\s+(?:there|round))",
    r"back(?=\s)",
)


def _by_first_character(anchors: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """One pattern per leading character, matching only that character when one of its
    anchors follows: each pass over a long message costs about the same, so fewer passes
    are faster (a match is one character wide, so no anchor hides inside another)."""
    groups: dict[str, list[str]] = {}
    for anchor in anchors:
        groups.setdefault(anchor[0], []).append(anchor[1:])
    return tuple(
        re.compile(re.escape(first) + "(?=" + "|".join(rests) + ")")
        for first, rests in groups.items()
    )


_CUE_ANCHORS = _by_first_character(_ANCHORS)
_ANCHOR_REACH = 16  # the longest anchor, "instructed" and its space, fits
_CHUNK = 32_768


def has_cue(text: str) -> bool:
    return _CUE.search(text.lower()) is not None


def cue_matches(text: str) -> Iterator[int]:
    """Where the cues are in `text` (positions of a lower-cased copy of equal length)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lower-cased
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return _cue_starts(lowered)


def _cue_starts(lowered: str) -> Iterator[int]:
    """The starts of `_CUE.finditer(lowered)`, from anchors found chunk by chunk (lazily:
    the caller stops early once it has enough promises)."""
    resume = 0
    for low in range(0, len(lowered), _CHUNK):
        high = low + _CHUNK
        candidates = {
            m.start()
            for anchor in _CUE_ANCHORS
            for m in anchor.finditer(lowered, low, high + _ANCHOR_REACH)
            if m.start() < high
        }
        for start in sorted(candidates):
            if start < resume:
                continue
            match = _CUE.match(lowered, start)
            if match:
                resume = match.end()
                yield start
