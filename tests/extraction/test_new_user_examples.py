"""Issue 12's "tried as a new user would" list, each next to the general rule that reads it
and a counter-example of that rule, so that a fix is a rule and not a phrase."""

from __future__ import annotations

import pytest

from tests.helpers.extraction import due_as_written, promises_in

# Wednesday 18 November 2026, 09:00 in London.
SENT = "2026-11-18T09:00:00+00:00"

FOUND = [
    # plain commitments: "send" with a document whose name holds a feedback word
    ("I'll send the certificate of interest.", "send", None),
    ("We'll forward the record of comments from the inspection today.", "send", "2026-11-18"),
    # "have / get X to you" is sending X
    ("I'll have the quote to you tomorrow.", "send", "2026-11-19"),
    ("We'll get the replacement to you by Friday.", "send", "2026-11-20"),
    # subjects that commit for the company: someone from a department, a named department
    ("Someone from billing will contact you within 48 hours.", "escalate", "2026-11-20T09:00"),
    ("Billing will call you back tomorrow.", "escalate", "2026-11-19"),
    ("Our developers will fix this by Friday.", "fix", "2026-11-20"),
    # a condition on a coordinated second action removes that action only
    (
        "I'll call you at 2pm to confirm the fault and book a technician if it's only your unit.",
        "callback",
        "2026-11-18T14:00",
    ),
    (
        "I'll check with the warehouse today and send a replacement if it's lost.",
        "check",
        "2026-11-18",
    ),
    # updates to everyone on the thread
    ("Our developers are looking into this, and we'll keep everyone posted.", "update", None),
    ("We'll keep you all updated.", "update", None),
    # non-native support English: "assist to", "kindly", "proceed to" before the action
    ("We will assist to escalate your case to the relevant department.", "escalate", None),
    ("We will kindly check and revert by Friday.", "update", "2026-11-20"),
    ("I will proceed to refund the fee today.", "send", "2026-11-18"),
    # the customer has already written: carrying on in the channel is a promise to reply
    ("We have your DM now and we'll pick it up with you there.", "update", None),
    ("Thanks for the details, we'll continue in DM.", "update", None),
    # a time clause about something else does not make the customer act first
    ("Once the part arrives, we'll book the engineer.", "fix", None),
    ("Let me check with the warehouse and get back to you tomorrow.", "update", "2026-11-19"),
]

NOT_FOUND = [
    # the customer acts first, after a time clause
    "When it's confirmed, get in touch and we'll look into changing it.",
    "Once you're home, ring us and we'll book the engineer.",
    "DM us your order number and we'll pick it up there.",
    "May we have your order number? We will pick it up there.",
    # a live exchange: the agent comes back in the same chat
    "Let me see what I can do to help. One moment, please.",
    "Let me check on that for you, one moment please.",
    # counter-examples of the rules above
    "We'll pass on your feedback about the app.",
    "We'll have it available to you as soon as it's available to us.",
    "Someone from the courier will deliver it.",
    "I'll send a replacement if it's lost.",
    "If it's lost, I'll check with the warehouse and send a replacement.",
    "We'll keep everyone's details on file.",
    "We will assist you with anything else.",
]


@pytest.mark.parametrize(("text", "kind", "due"), FOUND, ids=[t for t, _, _ in FOUND])
def test_it_is_found_with_its_kind_and_due(text: str, kind: str, due: str | None) -> None:
    (found,) = promises_in(text, SENT)
    assert (found.kind, due_as_written(found, "Europe/London")) == (kind, due)


@pytest.mark.parametrize("text", NOT_FOUND)
def test_it_is_not_a_promise(text: str) -> None:
    assert promises_in(text, SENT) == []
