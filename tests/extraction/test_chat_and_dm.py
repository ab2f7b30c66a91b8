"""Live chat transcripts and DM replies: whose line it is, what is done in the exchange,
and when a reply in DM is a promise (the spec's DM conventions)."""

from __future__ import annotations

import pytest

from tests.helpers.extraction import promises_in


def test_a_line_labelled_with_the_customers_role_after_a_name_is_the_customers() -> None:
    transcript = (
        "[3:10 PM] Agent Mo: The claim can only be opened after 48 hours.\n"
        "[3:11 PM] Priya (Customer): fine, I'll ring you back on Thursday then\n"
        "[3:12 PM] Agent Mo: Sounds good, talk then."
    )
    assert promises_in(transcript) == []


def test_a_name_alone_before_the_colon_is_still_read() -> None:
    transcript = "Agent Mo: Thanks for waiting.\nMo: I'll email you the form by Friday."
    assert [p.kind for p in promises_in(transcript)] == ["send"]


def test_a_named_speaker_is_the_customer_when_the_other_introduces_herself() -> None:
    transcript = (
        "[10:02] Maya: Hi, I'm Maya from Brightline, how can I help?\n"
        "[10:03] Andre: my parcel is late, I'll send you the tracking number tomorrow\n"
        "[10:05] Maya: Thanks Andre, I'll chase the courier today."
    )
    assert [p.quote for p in promises_in(transcript)] == ["I'll chase the courier today"]


def test_a_customer_who_gives_his_name_is_not_taken_for_the_agent() -> None:
    transcript = (
        "Andre: Hi, I'm Andre, my parcel is late\n"
        "Maya: Sorry Andre, I'll refund the delivery fee today."
    )
    assert [p.quote for p in promises_in(transcript)] == ["I'll refund the delivery fee today"]


def test_two_named_speakers_with_no_sign_of_the_agent_are_both_read() -> None:
    transcript = "Andre: I'll post the keys tonight\nBen: I'll post the spare set tomorrow"
    assert len(promises_in(transcript)) == 2


def test_a_label_that_names_a_business_is_the_agents_side() -> None:
    transcript = (
        "Nadia Cole: I'll drop the spare keys round tonight\n"
        "Northgate Locksmiths: Thanks Nadia, I'll cut the new set tomorrow."
    )
    assert [p.quote for p in promises_in(transcript)] == ["I'll cut the new set tomorrow"]
    # a trade that is also a surname is no business: both speakers are read
    transcript = "Nadia Cole: I'll drop the keys round tonight\nSam Baker: I'll cut them tomorrow"
    assert len(promises_in(transcript)) == 2


def test_a_check_answered_in_the_agents_next_turn_by_a_plain_statement_is_done() -> None:
    transcript = (
        "[09:12] Agent Lou: Let me look into the delivery.\n"
        "[09:12] Rita: ok sure\n"
        "[09:14] Agent Lou: The van is two stops away from you."
    )
    assert promises_in(transcript) == []


@pytest.mark.parametrize(
    "reply",
    [
        "[09:14] Agent Lou: Anything else I can do for you today?",  # a courtesy
        "[09:14] Agent Lou: No worries.",  # a courtesy
        "[09:14] Agent Lou: I'll ring the depot after this chat.",  # another commitment
    ],
)
def test_a_check_the_next_turn_does_not_answer_is_still_a_promise(reply: str) -> None:
    transcript = f"[09:12] Agent Lou: Let me look into the delivery.\n[09:12] Rita: ok\n{reply}"
    assert [p.kind for p in promises_in(transcript)][:1] == ["check"]


def test_a_company_after_a_dash_in_the_label_marks_the_agent() -> None:
    transcript = (
        "[15:01] Nell \u2013 Fernway Rail: Hello, Nell here. How can I help?\n"
        "[15:02] You: I'll post the old ticket back to you tomorrow\n"
        "[15:03] Nell \u2013 Fernway Rail: Thanks! I'll refund the fare today."
    )
    assert [p.quote for p in promises_in(transcript)] == ["I'll refund the fare today"]
    # a dash before a time is no company: "Nell - 15:01:" is a time after the name
    transcript = "Nell - 15:01: I'll refund the fare today.\nYou - 15:02: I'll post it tomorrow"
    assert len(promises_in(transcript)) == 2


def test_a_customers_turn_goes_on_over_the_lines_below_its_label() -> None:
    transcript = (
        "Andre: hey my router died\nI'll ring you back after lunch\n"
        "Maya (Support): Hi Andre, I'll book a replacement for Thursday."
    )
    assert [p.quote for p in promises_in(transcript)] == ["I'll book a replacement for Thursday"]


def test_the_line_after_the_agents_own_turn_is_still_the_agents() -> None:
    transcript = (
        "Maya (Support): Hi Andre, sorry about that.\nI'll ring you back after lunch\nAndre: ok"
    )
    assert [p.kind for p in promises_in(transcript)] == ["callback"]


def test_a_header_with_the_name_and_a_time_above_the_words_starts_a_turn() -> None:
    transcript = (
        "Maya (Support) 10:04\nHi Andre, what can I do for you?\n\n"
        "Andre 10:05\nthe bill is wrong. I'll send the photo after this chat\n\n"
        "Maya (Support) 10:07\nThanks, I'll correct the bill by Friday."
    )
    assert [p.quote for p in promises_in(transcript)] == ["I'll correct the bill by Friday"]


def test_a_name_alone_on_its_line_is_a_signature_not_a_turn() -> None:
    text = "Maya (Support)\nHi Andre, what can I do for you?\n\nAndre\nI'll send the photo tonight."
    assert [p.quote for p in promises_in(text)] == ["I'll send the photo tonight"]


def test_a_time_after_the_name_and_a_bracketed_company_mark_the_agent() -> None:
    transcript = (
        "Sara (Northbank) 10:04: The payment is held for a check.\n"
        "Peter 10:05: I'll call my branch then\n"
        "Sara (Northbank) 10:06: I'll message you here by 6pm with the outcome."
    )
    assert [p.quote for p in promises_in(transcript)] == [
        "I'll message you here by 6pm with the outcome"
    ]


def test_the_customers_role_in_another_language_marks_the_customers_turn() -> None:
    transcript = (
        "Operatore Gianni: Buongiorno, come posso aiutarla?\n"
        "Cliente: I'll send the meter photo tonight\n"
        "Operatore Gianni: Grazie, I'll check the reading tomorrow."
    )
    assert [p.quote for p in promises_in(transcript)] == ["I'll check the reading tomorrow"]


def test_a_note_label_in_an_email_is_not_a_speaker() -> None:
    text = "Hi Andre,\nNote: I'll call you tomorrow.\nPS: I'll also email the form.\nMaya"
    assert len(promises_in(text)) == 2


def test_a_check_answered_in_the_agents_next_chat_turn_is_done_in_the_exchange() -> None:
    transcript = (
        "Agent Lena: Sorry to hear that. Let me pull up the booking for you.\n"
        "Agent Lena: It was moved to the 9th by the airline, so your seat is safe."
    )
    assert promises_in(transcript) == []


def test_a_check_with_a_wait_of_minutes_in_a_chat_turn_that_goes_on_is_done_now() -> None:
    transcript = (
        "[09:02] Agent Tom: I'll look at other rooms for you, give me a couple of minutes.\n"
        "[09:05] Agent Tom: Two rooms are free on the second floor."
    )
    assert promises_in(transcript) == []


@pytest.mark.parametrize(
    "transcript",
    [
        "Tom 09:02: I'll look at other rooms for you, give me a couple of minutes.\n"
        "Tom 09:05: Two rooms are free on the second floor.",
        "Tom (Support) 09:02\nI'll look at other rooms for you, give me a couple of minutes.\n"
        "Tom (Support) 09:05\nTwo rooms are free on the second floor.",
    ],
)
def test_a_turn_goes_on_with_the_time_after_the_name_or_in_a_header(transcript: str) -> None:
    assert promises_in(transcript) == []


def test_a_header_turn_that_asks_the_customer_does_not_go_on() -> None:
    transcript = (
        "Tom (Support) 09:02\nI'll look at other rooms for you, give me a couple of minutes.\n"
        "Tom (Support) 09:05\nIs a ground floor room what you need?"
    )
    assert [p.kind for p in promises_in(transcript)] == ["check"]


def test_a_check_whose_turn_the_customer_answers_first_is_still_a_promise() -> None:
    transcript = (
        "Agent Lena: Let me look into the missing bonus points for you.\n"
        "Customer: ok thanks\n"
        "Agent Lena: You're welcome, have a lovely day."
    )
    assert [p.kind for p in promises_in(transcript)] == ["check"]


def test_a_check_before_the_agents_question_is_still_a_promise() -> None:
    transcript = (
        "Agent Lena: I'll look into the missing bonus points for you.\n"
        "Agent Lena: Is there anything else I can help with today?"
    )
    assert [p.kind for p in promises_in(transcript)] == ["check"]


@pytest.mark.parametrize(
    "text",
    [
        "Let me ask the kitchen, please wait 2 minutes.",
        "I'll check your balance, won't be a sec.",
        "Let me see what's free, wait a couple of minutes.",
    ],
)
def test_a_wait_of_a_few_minutes_holds_the_live_exchange(text: str) -> None:
    assert promises_in(text) == []


def test_waiting_for_a_reply_is_not_a_hold_of_the_exchange() -> None:
    text = "I'll check with the supplier and text you once they reply, wait for my message."
    assert [p.kind for p in promises_in(text)] == ["update"]


@pytest.mark.parametrize(
    "text",
    [
        "Your deposit will be returned within 10 days as per our policy.",
        "The loyalty points will be added back within 48 hours by our system.",
        "Our appeals team aim to reply within 30 days as per FCA rules.",
    ],
)
def test_a_timeline_set_by_policy_or_a_system_is_not_an_action_for_this_customer(
    text: str,
) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "We'll refund the deposit within 10 days, as per our policy.",
        "The loyalty points will be added back within 48 hours by our team.",
        "Our appeals team aim to reply within 30 days.",
    ],
)
def test_our_own_dated_commitment_stands_beside_a_policy(text: str) -> None:
    assert len(promises_in(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "@sam_k We'll meet you in DM.",
        "@sam_k We'll talk in our DMs.",
        "@sam_k Pop us a private message and we'll see you over there.",
        "@sam_k Happy to help, we'll chat with you in DM!",
    ],
)
def test_an_invitation_to_meet_in_dm_waits_for_the_customer(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "@sam_k Thanks for the DM, we'll talk to you there shortly.",
        "@sam_k We can see your message now and we'll chat with you in DM.",
        "@sam_k Thanks Sam, we're picking this up with you via DM.",
        "@sam_k We're following up with you in a direct message.",
        "@sam_k Got your order number, look out for our reply in DM shortly.",
        "@sam_k Keep an eye out for an email from us later today.",
    ],
)
def test_carrying_on_in_dm_is_a_promise_of_an_update(text: str) -> None:
    assert [p.kind for p in promises_in(text)] == ["update"]


@pytest.mark.parametrize(
    "text",
    [
        "@sam_k Following up with you in DM now.",
        "@sam_k Our engineer will meet you there at 10am.",
        "@sam_k Look out for a text from the courier on the day.",
        "I'm following up on your question from the webinar.",
    ],
)
def test_what_is_no_dm_carrying_on_is_not_read_as_one(text: str) -> None:
    assert [p.kind for p in promises_in(text)] in ([], ["fix"])


@pytest.mark.parametrize(
    "text",
    [
        "@sam_k Thanks Sam, you will be updated as soon as the claim is approved.",
        "@sam_k Your complaint went to the billing unit and you will be advised of the outcome.",
        "@sam_k Your file is now with our loans team. You'll be contacted by phone within 2 days.",
    ],
)
def test_a_passive_update_from_our_people_is_a_promise_of_an_update(text: str) -> None:
    assert [p.kind for p in promises_in(text)] == ["update"]


@pytest.mark.parametrize(
    "text",
    [
        "@sam_k You will be informed by text.",
        "@sam_k You'll be notified by email when the claim is approved.",
        "@sam_k You will be updated automatically once the parcel ships.",
        "@sam_k You will be contacted by the courier as soon as it lands.",
    ],
)
def test_a_bare_or_automatic_notice_is_not_a_promise(text: str) -> None:
    assert promises_in(text) == []


def test_solving_the_customers_problem_is_a_fix() -> None:
    assert [p.kind for p in promises_in("Our network crew will solve it by Friday.")] == ["fix"]


def test_a_colleague_reaching_the_customer_by_a_time_is_a_hand_over() -> None:
    text = "A relationship manager will reach you before Wednesday."
    assert [p.kind for p in promises_in(text)] == ["escalate"]


def test_goods_reaching_the_customer_are_not_a_contact() -> None:
    assert promises_in("Your parcel will reach you within 3 days.") == []


def test_the_network_operators_engineers_are_a_third_party() -> None:
    text = "@dev_r We've logged it and Openreach will visit on Friday. They'll ring you first."
    assert promises_in(text) == []


def test_our_own_liaison_team_for_the_network_operator_is_ours() -> None:
    text = "I've passed it to our Openreach liaison team. They'll ring you by Friday."
    assert [p.kind for p in promises_in(text)] == ["escalate"]


@pytest.mark.parametrize(
    "text",
    [
        "@sam_k Sorry about the wait, we'll keep a close eye on it.",
        "We'll keep monitoring the line from our end.",
        "I'll keep tabs on the shipment over the weekend.",
    ],
)
def test_watching_with_nothing_for_the_customer_is_not_a_promise(text: str) -> None:
    assert promises_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "I'll keep tabs on the shipment over the weekend and email you on Monday.",
        "We'll keep an eye on the repair and text you if it slips past Friday.",
    ],
)
def test_watching_joined_to_an_action_for_the_customer_is_a_promise(text: str) -> None:
    assert len(promises_in(text)) == 1


def test_a_hand_over_followed_by_the_teams_commitment_is_one_promise_the_teams() -> None:
    text = "I will log a complaint for you. Our claims team will call you by Friday."
    assert [p.quote for p in promises_in(text)] == ["Our claims team will call you by Friday"]


def test_a_hand_over_followed_by_the_agents_own_commitment_is_two_promises() -> None:
    text = "I will escalate this to our porting team. I'll call you back in an hour."
    assert [p.kind for p in promises_in(text)] == ["escalate", "callback"]


def test_a_third_party_named_beside_its_noun_is_the_subject_of_the_modal() -> None:
    assert promises_in("The carrier, Parcelforce, will collect it on Monday.") == []


def test_our_colleague_named_beside_the_noun_still_commits() -> None:
    text = "Your adviser, Dana, will ring you on Monday."
    assert [p.kind for p in promises_in(text)] == ["escalate"]


@pytest.mark.parametrize(
    "text",
    [
        "@lena_t Sorry Lena! Your new lamp shade ships from our warehouse tomorrow.",
        "The patch goes out in Thursday's update.",
    ],
)
def test_our_goods_leaving_at_a_stated_time_are_a_promise(text: str) -> None:
    assert len(promises_in(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Your new lamp shade ships from our warehouse soon.",
        "Orders usually ship within 2 working days.",
        "The factory tells me the shade ships on Friday.",
        "You'll get a text when it leaves our warehouse on Monday.",
    ],
)
def test_undated_habitual_reported_or_subordinate_leaving_is_not(text: str) -> None:
    assert promises_in(text) == []


def test_a_call_the_customer_will_be_receiving_from_our_team_is_a_hand_over() -> None:
    text = "We've passed this to our fraud team and you'll be receiving a call from them by Friday."
    assert [p.kind for p in promises_in(text)] == ["escalate"]


def test_a_request_sent_to_an_office_of_ours_is_handed_over() -> None:
    text = "We have sent your claim to our regional office, they will reply within 5 working days."
    assert [p.kind for p in promises_in(text)] == ["escalate"]


def test_a_call_from_the_courier_is_not_ours() -> None:
    assert promises_in("You'll be getting a call from the courier tomorrow.") == []


def test_a_colleague_named_with_a_title_after_the_role_commits() -> None:
    text = "Our fitter Mrs. Osei will come tomorrow between 9am and 11am."
    assert [p.kind for p in promises_in(text)] == ["fix"]


def test_he_after_an_arranged_technician_visit_is_our_technician() -> None:
    text = "We have booked a technician visit for your boiler. He will come on Friday."
    assert [p.kind for p in promises_in(text)] == ["fix"]


def test_a_range_of_times_with_a_spaced_dash_is_due_at_its_end() -> None:
    (found,) = promises_in("Our engineer will visit on Monday between 9 AM - 1 PM.")
    assert found.due_text == "Monday between 9 AM - 1 PM"


def test_a_reply_the_customer_will_get_in_dm_is_ours() -> None:
    text = "@sam_k Thanks for bearing with us, you'll get a reply in DM within the hour."
    assert [p.kind for p in promises_in(text)] == ["update"]


def test_checking_the_dm_we_sent_is_nothing_we_wait_for() -> None:
    text = "@sam_k Check your DMs, we'll carry on there."
    assert [p.kind for p in promises_in(text)] == ["update"]


def test_a_request_to_check_something_still_waits_for_the_customer() -> None:
    assert promises_in("@sam_k Check the fuse first and we'll take it from there.") == []


def test_an_aim_under_a_procedure_named_before_it_is_a_policy() -> None:
    text = "Under our disputes procedure, we aim to reply within 15 working days."
    assert promises_in(text) == []


def test_a_condition_opening_the_next_commitment_leaves_the_first_alone() -> None:
    text = "I'll ring you again at 4pm, if that fails I'll text you the details."
    assert [p.quote for p in promises_in(text)] == [
        "I'll ring you again at 4pm, if that fails I'll text you the details"
    ]


def test_a_trailing_condition_of_the_only_commitment_still_conditions_it() -> None:
    assert promises_in("I'll ring you again at 4pm, if you're around.") == []


def test_the_post_office_is_not_an_office_of_ours() -> None:
    assert promises_in("The post office will deliver it tomorrow.") == []
