"""False promises of two general kinds: a message that says no person wrote it, and a
firm outside ours (the customer's own provider, a firm named by its legal form) acting."""

from __future__ import annotations

import pytest

from tests.helpers.extraction import promises_in

SELF_DECLARED_AUTOMATED = [
    "Your parcel is booked for Thursday. We'll text you a two-hour window on the day.\n\n"
    "Pennyworth Parcels (automated message)",
    "This is an automated message. Your engineer will ring you on arrival at the property.",
    "Hello Dana,\n\nthis is an automatic confirmation. We will process your form by Friday.",
    "Thanks for your order, we'll pack it within 2 days.\n-- Nook Stores (automated, no reply)",
]

# Counter-examples: mentions of automatic e-mails, no-reply footers and a person answering
# an automated notice quoted below still promise.
A_PERSON_STILL_PROMISES = [
    "I'll reset the password tonight. You'll get an automatic confirmation e-mail after.",
    "I'll call you back on Monday morning.\n\nPlease do not reply to this address.",
    "Hi Lee,\n\nSorry about that, I'll send the missing invoice by Friday.\n\n"
    "On Mon, 2 Nov 2026 at 09:00, Billing <no-reply@example.com> wrote:\n"
    "> This is an automated message. Your invoice is attached.",
]


@pytest.mark.parametrize("text", SELF_DECLARED_AUTOMATED)
def test_a_message_that_says_it_is_automated_promises_nothing(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", A_PERSON_STILL_PROMISES)
def test_a_person_mentioning_automatic_mail_still_promises(text: str) -> None:
    assert len(promises_in(text)) == 1


OUTSIDE_FIRMS_ACT = [
    "Greenleaf, your chosen garage, will ring you on Monday to book the repair.",
    "The garage you picked, Halden Motors, confirmed they'll collect the car on Friday.",
    "The valuer, Ashcombe & Co, will inspect the flat on Tuesday.",
    "We've reported the fault to Norrow Ltd, and they will send an engineer within 2 days.",
    "The fault is in the street cabinet. We've raised it with Fibrelink Ltd. "
    "They'll repair it by Thursday.",
]

# Counter-examples: our own staff named in apposition, and our teams after "and they".
OUR_STAFF_STILL_PROMISE = [
    "Our valuer, Tom Reed, will inspect the flat on Tuesday.",
    "Your account manager, Priya, will call you tomorrow.",
    "I've passed the photos to our claims team and they'll call you by Friday.",
    "We've ordered the part from Harlow Ltd and I'll call you when it arrives on Monday.",
]


@pytest.mark.parametrize("text", OUTSIDE_FIRMS_ACT)
def test_the_customers_own_provider_or_a_named_firm_acting_is_not_our_promise(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", OUR_STAFF_STILL_PROMISE)
def test_our_own_staff_named_beside_a_firm_still_promise(text: str) -> None:
    assert len(promises_in(text)) == 1


RELAYED_FROM_OUTSIDE = [
    "The parcel was held at the DHL hub. They've told me it will be delivered on Monday.",
    "The supplier's van broke down, so the order is late. They said it'll be dispatched today.",
]

# Counter-example: our own warehouse's report is ours to keep.
OUR_REPORT_STILL_PROMISES = [
    "I spoke to our warehouse. They've confirmed it will be dispatched tomorrow.",
]


@pytest.mark.parametrize("text", RELAYED_FROM_OUTSIDE)
def test_a_passive_relayed_from_an_outside_firm_is_not_our_promise(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", OUR_REPORT_STILL_PROMISES)
def test_a_passive_relayed_from_our_own_team_still_promises(text: str) -> None:
    assert len(promises_in(text)) == 1


def test_an_action_done_automatically_is_not_a_promise() -> None:
    assert promises_in("We'll re-run the failed backup automatically tonight.") == []


def test_automatic_in_a_later_clause_leaves_our_own_action_a_promise() -> None:
    text = "We'll post the keys on 3 March, and you'll get the tracking number automatically."
    assert len(promises_in(text)) == 1
