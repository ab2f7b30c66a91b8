"""What the spec says is not a promise, one rule at a time."""

from __future__ import annotations

import pytest

from tests.helpers.extraction import promises_in

OFFERS_AND_COURTESY = [
    "If you need anything else, I'll be happy to help.",
    "We'll be happy to assist.",
    "Let me know if you have questions.",
    "I'd be happy to call you if you prefer.",
    "Would you like me to call you back?",
    "We'll be glad to help with anything else.",
    "We'll be here if you need anything else.",
    "I can send you some information on overdraft protection if that would help?",
    "Should you need a copy of the invoice, just let us know and we'll send it over.",
    "Shall I call you tomorrow?",
    "I'll call you back tomorrow if that suits you.",
    "We'll do our best to help.",
    "We'll ring you as soon as a slot comes up before the 16th.",
    "We'll add you to the waiting list and contact you if a place becomes available.",
]
PAST_AND_PRESENT = [
    "I have called despatch.",
    "I'm checking now.",
    "I called you earlier but couldn't get through.",
    "I've raised this with our billing team.",
    "I have escalated your case to our engineering team.",
    "I'm checking the import logs right now.",
    "As promised, I called the warehouse this morning.",
    "Hello Mr. Menon, let me check that for you. I can see the refund was credited on 19-Nov.",
]
NEGATIONS = [
    "I won't be able to call today.",
    "We can't ship before Monday.",
    "I will not be able to refund the fee.",
    "We'll never share your details with anyone.",
    "Unfortunately we will not be able to cover the damage.",
]
THIRD_PARTIES_AND_AUTOMATIC = [
    "The courier will deliver on Monday.",
    "You will receive a confirmation email.",
    "Your bank may take 5 days.",
    "UPS will deliver it on Thursday between 9am and 6pm.",
    "It will reboot automatically in about 10 minutes.",
    "This ticket will close automatically in 7 days.",
    "The amount will be auto-reversed within 5 working days.",
    "FedEx will attempt delivery again on Monday.",
    "We've contacted the courier and they'll deliver it tomorrow.",
    "We'll deliver on our promise to make shopping easy.",
    "You won't be alone - we'll be there with you.",
    "They may reach out if they need more details.",
    "Royal Mail will deliver it tomorrow.",
    "You'll receive a refund within 5 days.",
    "It'll be with you by Friday.",
    "You will need to restart the router.",
    "I am out of the office until 7 December. I will respond to your message when I return.",
    "Our support hours are 9-5 Mon-Fri. We'll respond to your message on the next working day.",
    "We will respond to you within one business day. This is an automated reply.",
]
FEEDBACK = [
    "We'll pass your feedback to the team.",
    "I'll share this with our product folks.",
    "We'll make sure Raphael gets the kudos.",
    "Good point about the missing IBAN field - I'll raise it with the product team.",
    "Thanks for the suggestion! We'll pass it along to our developers.",
    "We'll be sure to share your comments with the store manager.",
    "We'll pass it on to the product team.",
    "Love this, we'll pass it on to the store team!",
    "We'll definitely bring this up with the design team in our next review!",
]
REQUESTS_TO_THE_CUSTOMER = [
    "Please call us back at your convenience.",
    "Could you send a photo?",
    "Please reply with your order number so I can look it up.",
    "Can you DM us your account's email address? We'll take a look.",
    "Could you tell us which device you're using? We'll see what we can suggest.",
    "May we have the booking number please? We will see what we can do.",
    "Could you send me the receipt? I'll process the refund.",
]
WAITING_FOR_THE_CUSTOMER = [
    "DM us your order number and we'll look into it.",
    "Reply with a photo and I'll arrange a replacement.",
    "Please share a copy of your PAN card, and we'll look into the matter.",
    "Once you've sent back the old handset we'll issue the credit.",
    "Kindly visit your branch with a photo ID. Once the documents are verified, we will activate "
    "your net banking access.",
    "As soon as we receive the certificates, I'll forward them to the assessor.",
    "If it still hasn't shipped by Thursday, I'll refund the delivery charge.",
    "In case the amount is not credited by Monday, we will raise a chargeback.",
    "I'll refund the delivery charge if the parcel doesn't arrive by Friday.",
    "Should the parcel not arrive by Friday, I'll send a replacement.",
    "Failing that, I'll call you.",
    "When you get a chance, send us the serial number and I'll register the device.",
    "Let's take this to DM and we'll explore ways to help.",
]
HEDGES = [
    "Hopefully we'll have it fixed soon.",
    "I think I'll be able to call you tomorrow.",
    "Maybe I'll call you on Monday.",
    "Fingers crossed we'll be able to have it soon.",
    "Does that mean we'll be seeing you soon?",
    "I expect to have an answer for you tomorrow, but I can't promise that.",
    "We'll post updates on our status page.",
]

# Effort without a concrete action, and what is done in the same live exchange.
EFFORT_AND_LIVE_EXCHANGE = [
    "We'll try our best to get a replacement out before the party.",
    "We will definitely try to arrange the delivery before the new year but we cannot guarantee.",
    "Our team will try their best to deliver the order before the wedding date.",
    "We'll try!",
    "We'll do all we can.",
    "Let me check that for you real quick.",
    "[10:03] Agent Jay: Let me check...",
    "Let me just check your account, bear with me",
    "Let me check with the courier, bear with me 2 mins",
    "Let me check with my supervisor if we can waive the fee, please stay on the chat",
]


@pytest.mark.parametrize("text", EFFORT_AND_LIVE_EXCHANGE)
def test_effort_and_the_live_exchange_are_not_promises(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", OFFERS_AND_COURTESY)
def test_offers_conditionals_and_courtesy_are_not_promises(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", PAST_AND_PRESENT)
def test_past_and_present_actions_are_not_promises(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", NEGATIONS)
def test_negations_and_refusals_are_not_promises(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", THIRD_PARTIES_AND_AUTOMATIC)
def test_third_parties_and_automatic_processes_are_not_promises(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", FEEDBACK)
def test_passing_on_feedback_is_not_a_promise(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", REQUESTS_TO_THE_CUSTOMER)
def test_requests_to_the_customer_are_not_promises(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", WAITING_FOR_THE_CUSTOMER)
def test_commitments_waiting_for_the_customer_are_not_promises(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize("text", HEDGES)
def test_hopes_are_not_promises(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I will call you tomorrow.",
        "I'll send over the signed form by 3pm.",
        "I will follow up with a formal complaint by Friday if I don't hear back.",
    ],
)
def test_nothing_a_customer_writes_is_a_promise(text: str) -> None:
    assert promises_in(text, author_role="customer") == []


def test_handing_the_customers_own_problem_on_is_a_promise() -> None:
    assert [p.kind for p in promises_in("I'm escalating your case to engineering.")] == ["escalate"]


def test_a_check_not_answered_in_the_message_is_a_promise() -> None:
    assert [p.kind for p in promises_in("Let me look into why the EMI was debited twice.")] == [
        "check"
    ]


def test_a_promise_with_its_own_time_survives_a_question_before_it() -> None:
    text = "Did the engineer leave a card? I'll call you tomorrow at 10am either way."
    assert [p.kind for p in promises_in(text)] == ["callback"]


def test_a_question_that_asks_the_customer_nothing_does_not_block_a_promise() -> None:
    assert [p.kind for p in promises_in("Did the engineer turn up? I'll chase them.")] == ["check"]


def test_a_customers_lines_in_a_chat_transcript_are_not_the_agents_promises() -> None:
    transcript = (
        "[09:33] Customer: 5510293. i'll check with my neighbours later too\n"
        "[09:35] Agent Kayleigh: Thanks. I'll email you tomorrow once it's back on the van.\n"
        "[09:36] Customer (Sam): ill ring back later when i have my account number"
    )
    assert [p.quote for p in promises_in(transcript)] == [
        "I'll email you tomorrow once it's back on the van"
    ]
