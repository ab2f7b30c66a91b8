"""Turns of a live chat transcript, for the spec's "done in the same live exchange".

In a transcript ("[10:42] Agent Jo: Let me look up the order for you.\\n[10:44] Agent Jo:
It left the depot this morning."), a check whose next line is the same speaker's next
turn was done while the customer waited: the agent came back with the answer before the
customer wrote again. Customers' lines are already blanked (cleaning.py), so a customer
turn in between leaves a blank line in the gap, and the agent's turn does not go on.
"""

from __future__ import annotations

import re

# A turn's speaker label at the start of a line: an optional time ("[10:42]", "13:00",
# "2:46 PM"), then up to 40 characters of name or role ("Agent Jo", "Sarah (Agent)",
# "Support (Nina)") and a colon followed by a space.
_TURN = re.compile(
    r"[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*|\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]+)?"
    r"(?P<who>[^\s:\[\]][^:\n.!?]{0,40}?):[ \t]"
)


def speaker(text: str, at: int) -> str | None:
    """The speaker label of the chat line holding `text[at]`, lower-cased, or None."""
    line_start = text.rfind("\n", 0, at) + 1
    turn = _TURN.match(text, line_start)
    if turn is None:
        return None
    return " ".join(turn["who"].lower().split())


def turn_goes_on(text: str, end: int, next_start: int) -> bool:
    """Does the sentence ending at `end` close a chat turn whose speaker writes the very
    next line (starting at `next_start`), with no one else's line between, and not to
    ask the customer something?"""
    gap = text[end:next_start]
    if gap.count("\n") != 1 or gap.strip():
        return False
    own = speaker(text, end - 1)
    if own is None or speaker(text, next_start) != own:
        return False
    line_end = text.find("\n", next_start)
    next_line = text[next_start : len(text) if line_end < 0 else line_end].rstrip()
    return not next_line.endswith("?")
