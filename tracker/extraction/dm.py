"""Carrying on with the customer in a private channel, in the forms no modal shows.

"We're following up with you via DM" (the present of an arranged action, a promise
without a stated time: the next message is ours, unless it is sent right now), "Look out
for our reply in DM shortly", "kindly wait for our text message" and "you'll get a reply
in DM" (what the customer is told to wait for, from us), "our reply is coming shortly" and
"an update from us will follow" (announced with a noun subject). The word lists are in
vocab/en.py (DM_CONTINUING, DM_CHANNEL_PHRASES, LOOK_OUT_LEADS, OUR_MESSAGES, ANNOUNCED_*); "will
continue in DM" and "we'll meet you in DM" are read elsewhere (kind_rules.KIND_RULES,
guards' customer-acts-first).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tracker.extraction import tokens as tk
from tracker.extraction.lexicon import any_of
from tracker.extraction.vocab import en
from tracker.kinds import PromiseKind

_CHANNEL = r"(?:via|in|over|by|through)\s+(?:your\s+|our\s+|the\s+)?" + any_of(
    *en.DM_CHANNEL_PHRASES
)
DM_PROGRESSIVE = re.compile(
    r"\b(?:I'm|I\s+am|we're|we\s+are)\s+(?:also\s+)?"
    + any_of(*en.DM_CONTINUING)
    + r"(?:\s+(?:with|to)\s+(?:you|u))?(?:\s+on\s+(?:this|that|it))?\s+"
    + _CHANNEL
    + r"\b",
    re.IGNORECASE,
)
LOOK_OUT = re.compile(
    r"(?:^|(?<=[\s,;:!.]))(?:please\s+|do\s+)?(?:kindly\s+)?"
    + any_of(*en.LOOK_OUT_LEADS)
    # a time between: "wait for max 2x24 hours for our follow up"
    + r"(?:\s+(?:for\s+)?(?:max(?:imum)?\s+|up\s+to\s+|about\s+)?\d+(?:\s*[x×]\s*\d+)?\s*"
    + r"(?:working\s+|business\s+)?(?:hours?|hrs?|days?|minutes?|mins?))?"
    + r"\s+for\s+(?:(?:our|my)\s+(?:\w+\s+)?"
    + any_of(*en.OUR_MESSAGES)
    + r"|(?:a|an)\s+(?:\w+\s+)?"
    + any_of(*en.OUR_MESSAGES)
    + r"s?\s+from\s+(?:us|me))\b",
    re.IGNORECASE,
)
# "Expect our call", "please expect my reply within the hour": the imperative, opening its
# clause (not "we expect our reply to reach you"), names what we will send.
EXPECT_OURS = re.compile(
    r"(?:^|(?<=[,;:!.]\s)|(?<=[,;:!.]))(?:please\s+|do\s+)?(?:kindly\s+)?expect\s+(?:our|my)\s+(?:\w+\s+)?"
    + any_of(*en.OUR_MESSAGES)
    + r"\b",
    re.IGNORECASE,
)
# "You'll get a reply in DM shortly": a reply in our private channel is ours; so is what
# comes there from us ("you'll see a confirmation from us over in DMs shortly").
YOU_GET_REPLY = re.compile(
    r"\byou(?:'ll|\s+will)\s+(?:get|receive|have|see)\s+(?:a|an|our)\s+(?:\w+\s+)?"
    + any_of(any_of(*en.OUR_MESSAGES) + r"(?:\s+from\s+us)?", r"\w+\s+from\s+us")
    + r"\s+(?:over\s+)?"
    + _CHANNEL
    + r"\b",
    re.IGNORECASE,
)
# "Our reply is coming shortly", "a response is on its way to your DMs", "an update from us
# will follow": a reply announced with a noun subject, ours or no one's ("a reply from the
# courier" is theirs; "an automated response" is a system's).
ANNOUNCED = re.compile(
    r"(?:^|(?<=[\s,;:!.(]))(?:(?P<ours>our|my)|an?)\s+"
    r"(?:(?P<adjective>[\w-]+)\s+)?(?:(?P<noun>"
    + any_of(*en.ANNOUNCED_MESSAGES)
    + r")|(?P<if_ours>"
    + any_of(*en.ANNOUNCED_IF_OURS)
    + r"))s?\s+(?:from\s+(?P<sender>"
    + any_of(*en.ANNOUNCED_FROM_US)
    + r"|\S+)\s+)?"
    + any_of(*en.ANNOUNCED_ARRIVING)
    + r"\b",
    re.IGNORECASE,
)
_FROM_US = re.compile(any_of(*en.ANNOUNCED_FROM_US) + r"$", re.IGNORECASE)
_NOT_PERSONAL = frozenset(en.ANNOUNCED_NOT_PERSONAL)
_RIGHT_NOW = tk.Phrases(en.RIGHT_NOW)
# "please wait for our call": what the customer waits for is a call from us (`callback`)
_A_CALL = re.compile(r"\b" + any_of(*en.CALL_WORDS) + r"s?\b", re.IGNORECASE)


def dm_commitments(sentence: str) -> Iterator[tuple[int, int, PromiseKind]]:
    """(start, end, kind) of each "we're following up via DM" (not done right now), "look
    out for our reply", "expect our call", "you'll get a reply in DM" and "our reply is on its
    way" in `sentence`: `update`, or
    `callback` when what the customer waits for is our call."""
    for m in DM_PROGRESSIVE.finditer(sentence):
        if not _RIGHT_NOW.in_text(sentence, m.end()):
            yield m.start(), m.end(), "update"
    for pattern in (LOOK_OUT, EXPECT_OURS, YOU_GET_REPLY):
        for m in pattern.finditer(sentence):
            kind: PromiseKind = "callback" if _A_CALL.search(m.group()) else "update"
            yield m.start(), m.end(), kind
    for m in ANNOUNCED.finditer(sentence):
        if m["adjective"] and m["adjective"].lower() in _NOT_PERSONAL:
            continue  # "an automated response will follow": a system's
        if m["sender"] and not _FROM_US.match(m["sender"]):
            continue  # "a reply from the courier will follow": theirs
        if not (m["ours"] or m["sender"]) and (m["if_ours"] or m["noun"].lower() == "update"):
            continue  # "an update / an email is on its way": an app's, unless it is ours
        kind = "callback" if _A_CALL.search(m.group()) else "update"
        yield m.start(), m.end(), kind
