"""Sentences that are promises, and the kind each one gets."""

from __future__ import annotations

import pytest

from tests.helpers.extraction import promises_in

PROMISES = [
    # callback
    ("I'll call you back tomorrow.", "callback"),
    ("I will ring you on Friday to talk it through.", "callback"),
    ("Expect a call from me on Monday.", "callback"),
    ("I'll give you a call this afternoon.", "callback"),
    ("I'm going to phone you after lunch.", "callback"),
    ("We'll call you shortly.", "callback"),
    ("I’ll ring you back within the hour.", "callback"),
    # update
    ("I'll get back to you by Friday.", "update"),
    ("I'll keep you posted.", "update"),
    ("We will update you next week.", "update"),
    ("You'll hear from me by 4 December.", "update"),
    ("You will hear from us within 5 days.", "update"),
    ("I'll be in touch once the assessor has signed it off.", "update"),
    ("I'll follow up next week to make sure the invoice looks right.", "update"),
    ("I'll let you know tomorrow whether the seat is confirmed.", "update"),
    ("I'll confirm the settlement amount by email within 3 working days.", "update"),
    ("I'll come back to you in 2 hours with the revised quote.", "update"),
    # check
    ("I'll check on progress with despatch.", "check"),
    ("Let me look into this for you.", "check"),
    ("I'm going to chase the warehouse this morning.", "check"),
    ("I'll find out what happened to the second box.", "check"),
    ("I will check with our card operations team.", "check"),
    ("I'll look into the integration logs this morning.", "check"),
    ("I'm going to call the hotel to confirm your late check-in.", "check"),
    ("Let me dig into the payment logs.", "check"),
    # send
    ("I'll send you the invoice today.", "send"),
    ("We'll ship a replacement on Monday.", "send"),
    ("I'll email you the returns label by 5pm.", "send"),
    ("I'll issue the refund first thing Monday morning.", "send"),
    ("I'll post a replacement cheque book out to you.", "send"),
    ("We will courier the new card within 7 days.", "send"),
    ("I'll have the estimate emailed to you by Thursday.", "send"),
    ("I'll get that credited back to your account in the next few days.", "send"),
    ("I'll arrange a collection and a replacement next week.", "send"),
    # escalate
    ("I'll raise this with our billing team.", "escalate"),
    ("I'm passing this to engineering so they can look at the logs.", "escalate"),
    ("I'm escalating your case to our network team.", "escalate"),
    ("Our billing team will contact you within 48 hours.", "escalate"),
    ("Our fraud team will email you within 24 hours.", "escalate"),
    ("I'll ask our engineering team to look at the failed exports tomorrow.", "escalate"),
    ("I will forward your complaint to the Principal Nodal Officer today.", "escalate"),
    ("A specialist will reach out to you by Friday.", "escalate"),
    ("A member of our team will be in touch shortly.", "escalate"),
    # fix
    ("We'll have this fixed by Monday.", "fix"),
    ("I'll reset your account tonight.", "fix"),
    ("We will reactivate your UPI ID within 4 hours.", "fix"),
    ("I'll get it unlocked in a bit.", "fix"),
    ("We'll have a technician replace the router within 3 business days.", "fix"),
    ("Our network team will have the node upgraded by the end of the month.", "fix"),
    ("I'll book an engineer visit first thing tomorrow.", "fix"),
    ("I will get a technician out to you on Tuesday.", "fix"),
    ("I will ensure that your account is updated today.", "fix"),
    ("No worries at all, I'll take care of it tonight.", "fix"),
    ("Our technician will be with you between 8am and 12pm on Saturday.", "fix"),
    ("Leave it with me and I'll sort it out by Friday.", "fix"),
    # the same kinds in other shapes
    ("We are looking into it and will update you tomorrow.", "update"),
    ("The team are investigating and will update you soon.", "escalate"),
    ("I'll be on leave tomorrow, so my colleague Sam will call you on Friday.", "escalate"),
    ("Someone from our billing team will call you tomorrow.", "escalate"),
    ("You should receive a call from our engineer tomorrow.", "escalate"),
    ("You will be contacted by our representative within 48 hours.", "escalate"),
    (
        "I've asked our billing team to reverse it, and they'll confirm by email tomorrow.",
        "escalate",
    ),
    ("I've flagged it for my manager. She'll get back to you on Monday.", "escalate"),
    ("Your account manager will contact you tomorrow.", "escalate"),
    ("I'll raise a complaint on your behalf today.", "escalate"),
    ("You'll get a call from me tomorrow.", "callback"),
    ("Expect an email from us by Friday.", "update"),
    ("We'll be in contact within 2 working days.", "update"),
    ("We'll be sending you a replacement tomorrow.", "send"),
    ("Rest assured we'll have a new card out to you by the end of next week.", "send"),
    ("I'm unable to call today but will email you the details tomorrow.", "send"),
    ("I'll follow up with the courier tomorrow.", "check"),
    ("We'll be able to send the replacement next week.", "send"),
    ("I'll make sure someone from our accounts team calls you tomorrow.", "escalate"),
    ("I'll call at 5 p.m. to talk it through.", "callback"),
    ("I'll get our returns team to email you a label today.", "escalate"),
]


@pytest.mark.parametrize(("sentence", "kind"), PROMISES)
def test_it_finds_the_promise_and_its_kind(sentence: str, kind: str) -> None:
    found = promises_in(sentence)
    assert [p.kind for p in found] == [kind]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("I'll check with despatch and call you back tomorrow.", "callback"),
        (
            "I'm going to dig into the logs this afternoon and get back to you by Thursday.",
            "update",
        ),
        ("I'll look into this and let you know.", "update"),
        ("I'll reset the password and email you the new one.", "send"),
        (
            "I'm raising this with our billing team today and they'll reach out by Wednesday.",
            "escalate",
        ),
        ("Let me check with the warehouse and get back to you.", "update"),
        ("I'll keep an eye on it and update you tomorrow.", "update"),
    ],
)
def test_coordinated_commitments_are_one_promise_of_the_customer_facing_kind(
    sentence: str, kind: str
) -> None:
    found = promises_in(sentence)
    assert [p.kind for p in found] == [kind]


def test_each_sentence_gives_at_most_one_promise() -> None:
    text = "I'll call you back tomorrow and I'll also email you the form. I'll keep you posted."
    assert len(promises_in(text)) == 2


def test_the_quote_starts_at_the_commitment_and_is_the_text_itself() -> None:
    text = "Thanks Jo. Crews are on site and we'll have power restored by 6pm today. Cheers"
    (found,) = promises_in(text)
    assert found.quote.startswith("we'll have power restored")
    assert text[found.start : found.end] == found.quote


def test_curly_apostrophes_count_like_straight_ones() -> None:
    assert [p.kind for p in promises_in("I’ll update you by EOD either way.")] == ["update"]


def test_bullet_points_are_separate_sentences() -> None:
    text = (
        "Here's the plan:\n- I'll chase despatch this afternoon\n- I'll email you the label by 5pm"
    )
    assert [p.kind for p in promises_in(text)] == ["check", "send"]


def test_a_hard_wrapped_email_line_does_not_end_the_sentence() -> None:
    text = (
        "Thanks for the photos, I have passed them to the team and I'll call you back\n"
        "tomorrow afternoon to go through the options."
    )
    (found,) = promises_in(text)
    assert found.kind == "callback" and found.due_text == "tomorrow afternoon"


def test_a_long_line_wrapped_after_a_comma_goes_on_into_a_lower_case_line() -> None:
    text = (
        "Hi Tove,\n\nI'll build 1.4.2 tonight with your fix for the locale fallback,\n"
        "and I'll post the download link here once the mirrors have synced.\n\nPer"
    )
    (found,) = promises_in(text)  # one sentence, one promise
    assert found.quote.startswith("I'll build 1.4.2 tonight")


def test_a_line_ending_in_a_comma_before_a_capital_still_ends() -> None:
    text = "Thanks for the detailed report and the two screenshots of the dialog,\nTove"
    assert promises_in(text) == []


@pytest.mark.parametrize(
    ("text", "due_text"),
    [
        # a preposition at the end of a wrapped line
        (
            "Hi,\n\nI've asked our accounts team to reissue it and they'll send the invoice by\n"
            "Monday.",
            "Monday",
        ),
        # a date or a number at the start of the next line
        (
            "Thanks for the photos. We checked the batch and we'll ship the replacement units\n"
            "Monday morning.",
            "Monday morning",
        ),
        (
            "Our contracts team will correct it and I will email you the signed copy within\n"
            "2 business days.",
            "within\n2 business days",
        ),
    ],
)
def test_a_line_wrapped_before_a_capital_or_a_date_goes_on(text: str, due_text: str) -> None:
    (found,) = promises_in(text)
    assert found.due_text == due_text


@pytest.mark.parametrize(
    "text",
    [
        # a whole line that ends in a time, then a new line: two sentences
        "Our phone lines are open Monday to Friday from 9 to 5\nI'll call you back tomorrow.",
        # a line ending in a content word, then a capital: a new sentence
        "Thanks for sending the screenshots over with the report\nWe'll look at it on Friday.",
    ],
)
def test_a_whole_line_still_ends_its_sentence(text: str) -> None:
    (found,) = promises_in(text)
    assert "\n" not in found.quote
