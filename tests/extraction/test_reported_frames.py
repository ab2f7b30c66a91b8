"""Words quoted after a reporting frame ("You were told that \\"…\\"", "what you said on the
phone: \\"…\\"") were said before: not a promise made now, even when the frame ends the
sentence before the quotation or the clause is the quotation's second."""

from __future__ import annotations

import pytest

from tests.helpers.extraction import promises_in

REPORTED = [
    'Last week you were told that "a technician will visit by Thursday", which was wrong.',
    'To recap what you said on the call: "I\'ll post the signed lease on Monday."',
    "Here is what I told your manager, for the file:\n\n\"We'll move the mailbox on Saturday, "
    "and I'll email you on Monday once it's done.\"",
]

# Counter-examples: a quotation with no reporting frame, and our own promise after a
# reported one.
STILL_PROMISES = [
    'Good news: "the part is in stock", so I will ship it tomorrow.',
    'She said: "they\'re on the way". I will call you tomorrow at 10.',
]


@pytest.mark.parametrize("text", REPORTED)
def test_words_quoted_after_a_reporting_frame_are_not_a_promise(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", STILL_PROMISES)
def test_a_promise_beside_an_unframed_or_closed_quotation_stands(text: str) -> None:
    assert len(promises_in(text)) == 1
