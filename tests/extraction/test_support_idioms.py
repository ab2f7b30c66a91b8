"""Support idioms beyond the dev corpus: subjects, chat shorthand, money, passives, clauses."""

from __future__ import annotations

import pytest

from tests.helpers.extraction import due_as_written, promises_in

MONDAY = "2026-11-23T10:00:00+00:00"

PROMISES = [
    ("We expect to send the new firmware by Friday.", "send"),
    ("We plan to migrate your mailbox tonight.", "fix"),
    ("will send the logs over in 10 mins", "send"),
    ("np, gonna check with the warehouse and ping you back", "update"),
    ("Your case manager, Olu, will ring you tomorrow.", "escalate"),
    ("The duty manager will phone you this evening.", "escalate"),
    ("I've passed it to our claims handlers, who will call you on Friday.", "escalate"),
    ("I'll get someone from our returns team to collect it on Monday.", "escalate"),
    ("I'll have our team lead call you tomorrow.", "escalate"),
    ("You'll get a revised quote from me by Friday.", "send"),
    ("You'll get a call from me this afternoon.", "callback"),
    ("We'll tweet you when the engineers have an update.", "update"),
    ("I'll proceed with the refund today.", "send"),
    ("I'll sort the replacement out for you today.", "send"),
    ("We'll have the new card in the post to you tomorrow.", "send"),
    ("We'll get an answer to you by Thursday.", "update"),
    ("I'll have the signed form back to you by Friday.", "send"),
    ("Our fitter will be at your home on Thursday.", "fix"),
    ("We'll push a patch to your workspace tonight.", "fix"),
    ("We will find a solution for you today.", "fix"),
    ("Let me just double-check that with billing.", "check"),
    ("I'll text you the booking reference tonight.", "send"),
    ("I'll pop the forms in the post today.", "send"),
    ("Mate, I'll flick you an email once I've heard back.", "update"),
    ("I've asked our billing team to call you tomorrow.", "escalate"),
    ("I'll have our auditor review it and someone will call you on Friday.", "escalate"),
    ("I'll update the ticket as soon as I hear back.", "update"),
    ("We'll send you a detailed written reply by Friday.", "update"),
    ("I'll arrange for the meter to be replaced on Monday.", "fix"),
    ("thx, i've asked the devs, will ping u when they reply", "update"),
    ("Department will revert within 2 days.", "escalate"),
    ("I've sent it to our claims team and they will ring you tomorrow.", "escalate"),
    ("We can confirm a refund cheque will be posted to you today.", "send"),
    ("I'll set everything up for you tonight.", "fix"),
    ("Someone from that department will email you tomorrow.", "escalate"),
    ("Your claim will be looked at by one of our senior assessors this week.", "escalate"),
    ("I spoke to our returns team and they're going to collect it on Friday.", "send"),
    (
        "I've sent it to the relevant department. You will be contacted by them next week.",
        "escalate",
    ),
    ("My colleague Ravi has your notes and will call you on Monday.", "escalate"),
    ("I've raised it with our billing managers; expect a reply from them by Friday.", "escalate"),
    ("We'll have someone from our branch give you a call tomorrow.", "escalate"),
    ("Our network team has found the fault and is replacing the cable tonight.", "fix"),
    ("I'll check in with you on Friday to see how it went.", "update"),
    ("You should get a call from a member of our sales team on Monday.", "escalate"),
    ("Our gas engineer will be on site on Thursday to replace the meter.", "fix"),
]


@pytest.mark.parametrize(("text", "kind"), PROMISES)
def test_it_finds_the_promise_and_its_kind(text: str, kind: str) -> None:
    found = promises_in(text, MONDAY)
    assert [p.kind for p in found] == [kind]


NOT_PROMISES = [
    "Would you mind sharing your order number. We'll look into it.",
    "(2/2) your booking reference and full name. We'll take a look.",
    ">> your email address and postcode, and we'll check it for you.",
    "We'll have your favourite burger ready for you next time!",
    "We'll have it available to you as soon as it's available to us.",
    "You'll receive a confirmation email from us once it ships.",
    "We'll be glad to help if anything else comes up.",
    "Your refund will be sent by your bank within 5 days.",
    "I'll transfer you to our billing team now.",
    "I'm going to reset that for you right now.",
    "We'll look forward to your reply.",
    "The bank will process it and they will credit you in 3 days.",
    "A refund will be posted to you once the item is back.",
    "We will send the replacement within 3 days after the faulty unit arrives at our depot.",
    "I'll push this to our product team as a feature request.",
    "Lovely, we'll speak soon!",
    "I've contacted the courier and they're going to redeliver tomorrow.",
    "Our engineers are replacing cables across the region.",
]


@pytest.mark.parametrize("text", NOT_PROMISES)
def test_it_finds_no_promise(text: str) -> None:
    assert promises_in(text, MONDAY) == []


DUES = [
    # a passive follow-on dispatch is part of the same promise and sets its due
    (
        "We're going to cancel the old order; a new one will be despatched to you on Friday.",
        "send",
        "2026-11-27",
    ),
    ("I'll ring you this arvo once I've heard from the builder.", "callback", "2026-11-23"),
    # "and the invoice" is a second object, not a clause about someone else
    ("I'll send over the report and the invoice by Friday.", "send", "2026-11-27"),
    # a comma splice about the customer's statement does not set the due
    (
        "I'll waive the late fee today, you'll see it on your next bill in 10 days.",
        "fix",
        "2026-11-23",
    ),
    (
        "I'll ring you on Friday, or feel free to reply here if that's easier.",
        "callback",
        "2026-11-27",
    ),
    ("We will reply to your enquiry on the next working day.", "update", "2026-11-24"),
    (
        "We'll confirm the booking with the hotel and update you within the day.",
        "update",
        "2026-11-23",
    ),
    # a day named earlier in the sentence
    (
        "The part arrives on Thursday, and I'll call you that afternoon to book the fitting.",
        "callback",
        "2026-11-26",
    ),
    # a request in a later clause does not turn the promise into an offer
    (
        "I'll call you on Thursday to check in, and please do ring us if anything changes.",
        "callback",
        "2026-11-26",
    ),
]


@pytest.mark.parametrize(("text", "kind", "due"), DUES)
def test_it_reads_kind_and_due_of_the_whole_sentence(text: str, kind: str, due: str) -> None:
    (promise,) = promises_in(text, MONDAY)
    assert (promise.kind, due_as_written(promise, "Europe/London")) == (kind, due)
