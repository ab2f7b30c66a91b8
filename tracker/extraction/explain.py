"""Why the extractor found no promise where a labelled corpus has one (for `eval`)."""

from __future__ import annotations

from datetime import datetime

from tracker.calendar import BusinessCalendar
from tracker.extraction import lexicon
from tracker.extraction.cleaning import masked_ranges, normalise_line_ends, visible_text
from tracker.extraction.detect import commitments
from tracker.extraction.due import find_due
from tracker.extraction.guards import rejection
from tracker.extraction.sentences import sentence_spans


def explain_miss(
    text: str, start: int, sent_at: datetime, calendar: BusinessCalendar, author_role: str
) -> str:
    """A short reason why nothing was extracted around offset `start` of `text`."""
    if author_role != "agent":
        return f"the message is marked as written by {author_role!r}"
    normal = normalise_line_ends(text.replace("’", "'").replace("‘", "'"))
    for masked_start, masked_end in masked_ranges(normal):
        if masked_start <= start < masked_end:
            return "it is inside what was taken for quoted history or a signature"
    visible = visible_text(normal)
    spans = sentence_spans(visible)
    for index, (s, e) in enumerate(spans):
        if not s <= start < e:
            continue
        sentence = visible[s:e]
        if not lexicon.has_cue(sentence):
            return "no commitment wording (will, going to, let me…) in the sentence"
        context = (
            visible[slice(*spans[index - 2])] if index > 1 else "",
            visible[slice(*spans[index - 1])] if index else "",
            visible[slice(*spans[index + 1])] if index + 1 < len(spans) else "",
        )
        found = commitments(sentence, context[1])
        if not found:
            return "no committing subject with a known action verb"
        reasons = []
        for i, commitment in enumerate(found):
            end = found[i + 1].start if i + 1 < len(found) else len(sentence)
            has_due = find_due(sentence[commitment.start : end], sent_at, calendar) is not None
            reasons.append(rejection(sentence, commitment, end, context, has_due) or "kept")
        return "commitment dropped as " + ", ".join(dict.fromkeys(reasons))
    return "the quote is not inside any sentence the extractor read"
