"""Help-desk e-mail: what the customer waits for when a reply names several steps."""

from __future__ import annotations

import pytest

from tests.helpers.extraction import promises_in


def _kinds_and_starts(text: str) -> list[tuple[str, str]]:
    return [(p.kind, p.quote.split()[0]) for p in promises_in(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # our own hand-over, then what the team will do: that is the one promise
        (
            "I'm going to hand this over to our payroll team because they manage "
            "deductions. Someone from payroll will phone you by Thursday.",
            [("escalate", "Someone")],
        ),
        # the team's part (a relative clause), then the report back
        (
            "I've sent your photos to our workshop, who will assess the crack. "
            "I'll write to you on Monday with what they decide.",
            [("update", "I'll")],
        ),
        (
            "We've logged your complaint and a team leader will go through it. "
            "A team leader will ring you before Friday.",
            [("escalate", "A")],
        ),
    ],
)
def test_a_hand_over_followed_by_what_the_customer_waits_for_is_one_promise(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert _kinds_and_starts(text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # our hand-over and our own call back are two things the customer waits for
        (
            "I'm going to escalate this to our payroll team. I'll ring you back in an hour.",
            [("escalate", "I'm"), ("callback", "I'll")],
        ),
        # the team's part has its own time: it is a promise of its own
        (
            "Our engineers will reset the line by Friday. I'll write to you on Monday.",
            [("fix", "Our"), ("update", "I'll")],
        ),
    ],
)
def test_a_hand_over_with_its_own_time_or_our_own_report_stays_a_promise(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert _kinds_and_starts(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Our removals partner, ShiftCo, will phone you an hour before they arrive.",
        "The courier, Speedy Parcels, will text you a delivery window on the day.",
        "Greenway Glazing, our approved contractor, can fit the pane on Tuesday. "
        "The fitter will call you when he sets off.",
        "Our roofing partner, Slate & Sons, covers your area. "
        "They will contact you within 3 working days to book a survey.",
    ],
)
def test_a_firm_outside_ours_named_beside_its_role_does_not_promise_for_us(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # our own staff, even beside a partner
        "Our removals partner has the van booked, and our engineer will phone you.",
        # a colleague named in apposition is ours
        "Our claims handler, Priya Shah, will call you tomorrow.",
        # the firm named, but we make the call
        "Our partner, ShiftCo, has the van booked. I'll phone you on Friday to confirm.",
    ],
)
def test_our_own_staff_beside_a_named_partner_still_promise(text: str) -> None:
    assert len(promises_in(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Just answer this email with the word OK and I'll book the upgrade.",
        "Let me know and I'll arrange the collection.",
        "Let me know if the credit hasn't appeared by Monday and I'll chase it up.",
        "I'll post the new card tomorrow once you confirm your address.",
        "We'll reissue the voucher today after you let us know which store you prefer.",
    ],
)
def test_an_offer_that_waits_for_the_customers_answer_is_not_a_promise(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for answering so quickly, I'll book the upgrade today.",
        "I'll post the new card tomorrow, once the printer is fixed.",
        "I'll call you after the engineer's visit on Friday.",
    ],
)
def test_a_commitment_that_waits_for_nobody_but_us_is_still_a_promise(text: str) -> None:
    assert len(promises_in(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Glad it's sorted, so I'll go ahead and close this ticket.",
        "I'm going to mark it as resolved and close the thread.",
        "I'll merge this case with your earlier one.",
    ],
)
def test_housekeeping_on_the_ticket_is_not_a_promise(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I'll close your account at the end of the month.",
        "We'll close the old mailbox and move your mail over by Friday.",
    ],
)
def test_closing_what_the_customer_asked_to_close_is_a_promise(text: str) -> None:
    assert len(promises_in(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "We're seeing higher than usual ticket volumes this week. "
        "We will respond to your message within 3 days.",
        "Our helpdesk is shut over the long weekend. We'll answer your email when we're back.",
        "This is an automatic reply. We will answer your question within 2 working days.",
    ],
)
def test_a_notice_sent_to_everyone_who_writes_in_is_not_a_promise(text: str) -> None:
    assert promises_in(text) == []


def test_an_agents_own_reply_on_a_closed_day_is_a_promise() -> None:
    text = "Our office is closed today, but I'll reply to your question first thing tomorrow."
    assert [p.kind for p in promises_in(text)] == ["update"]


@pytest.mark.parametrize(
    "text",
    [
        "Your replacement licence will be posted to you within 4 weeks. "
        "Please do not reply to this email.",
        "Requests sent over the holidays will be handled when we return on 3 January.",
    ],
)
def test_a_notice_of_a_process_or_a_return_date_is_not_a_promise(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Your replacement will be dispatched from our warehouse by Friday. "
        "Please do not reply to this email.",
        "We send you the signed copy on 3 January.",
    ],
)
def test_our_own_dated_action_beside_such_a_notice_is_a_promise(text: str) -> None:
    assert len(promises_in(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        'I can see my colleague wrote "we\'ll refund the fee this week" on 3 May, sorry.',
        "The network operator is estimating that supply will be restored by 6pm tonight.",
        "Our crews are currently estimating the line will be repaired by Friday.",
        "I'm going to move you to the annual plan - the change is already live on your account.",
        "A corrected statement will be generated by our billing system tonight.",
    ],
)
def test_reported_words_estimates_and_done_or_automatic_work_are_not_promises(
    text: str,
) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Our engineers will have the line repaired by Friday.",
        "I'm going to move you to the annual plan this afternoon.",
        "A corrected statement will be sent to you by our billing team tonight.",
    ],
)
def test_our_own_dated_work_is_still_a_promise(text: str) -> None:
    assert len(promises_in(text)) == 1
