"""Asking the customer for time to act: "Kindly allow us 3 working days to revert to you",
"Please give us until Friday to sort this out", "Allow us some time to check".

The agent commits to the action after "to" (its kind is that verb's), within the time asked
for (due.py reads "allow us 24 hours" and "until Friday"; "some time" states none). Not a
moment or minutes, which hold a live exchange ("give me a minute to check"), not a time for
something else to happen ("please allow 5-7 days for the refund to show", "allow us 24-48
hours for the resolution"), and not without a time ("allow us to verify"). The words are in
vocab/en.py (TIME_ASKING_VERBS, TIME_ASKED_BY, TIME_ASKED_SPANS; a texted "24hrs" or "48h"
with the unit glued to the number too).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tracker.extraction.lexicon import any_of
from tracker.extraction.vocab import en

TIME_ASKED = re.compile(
    r"(?:^|(?<=[\s,;:!.(-]))(?:(?:please|pls|plz|kindly|do)\s+)*"
    + any_of(*en.TIME_ASKING_VERBS)
    + r"\s+"
    + any_of(*en.TIME_ASKED_BY)
    + r"\s+"
    + any_of(*en.TIME_ASKED_SPANS)
    + r"\s*,?\s+(?:in\s+order\s+)?to\s+",
    re.IGNORECASE,
)


def time_asked(sentence: str) -> Iterator[tuple[int, int]]:
    """(start, verb start) of each request for time to act in `sentence`: the action is the
    verb phrase at the verb start."""
    for m in TIME_ASKED.finditer(sentence):
        yield m.start(), m.end()
