"""Commitments that wait for the customer to act first, asked in more ways: "then get back
in touch and we'll …", "you'll need to bring it in and we'll …", and a request after a
semicolon or a dash ("…; just reply to confirm and we'll send the form")."""

from __future__ import annotations

import pytest

from tests.helpers.extraction import promises_in

WAITS_FOR_THE_CUSTOMER = [
    "If the lamp still flickers, then get back in touch and we'll send an electrician.",
    "You'll need to bring the watch to our shop with the receipt and we'll replace the strap.",
    "All you need to do is return the form and we'll open the account.",
    "Return the jacket in its box and we'll refund the full price.",
    "Repairs are free in the first year - start one on our site and we'll email a courier label.",
    "The seats are held until Friday; just reply to confirm and we'll issue the tickets.",
]

# Counter-examples: our own action after a semicolon or a dash, with no request before it.
STILL_PROMISES = [
    "I've cancelled the old order - then I'll call you tomorrow to book the new one.",
    "You'll need to restart the router; I'll call you at 3pm to check it worked.",
    "Bring your ID on the day. I'll send the appointment letter by Friday.",
]


@pytest.mark.parametrize("text", WAITS_FOR_THE_CUSTOMER)
def test_a_commitment_after_a_request_to_the_customer_is_not_a_promise(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", STILL_PROMISES)
def test_our_own_action_after_a_dash_or_semicolon_still_promises(text: str) -> None:
    assert len(promises_in(text)) == 1
