"""Live-chat transcripts and messaging exports in the styles real tools write them.

Each transcript holds one commitment of the agent's (the quote expected), a customer's own
"I'll ..." that is not the agent's promise, and a check the agent answers in the same
exchange ("one moment please", "let me check" and the answer) that is no promise either.
"""

from __future__ import annotations

import pytest

from tests.helpers.extraction import promises_in
from tracker.extraction import chat

STYLES = {
    "zendesk-chat (time in brackets, seconds, AM/PM)": (
        "(10:42:13 AM) Priya: Hi, thanks for contacting Acme, how can I help?\n"
        "(10:42:40 AM) Visitor 48213: my refund never arrived. I'll send you my bank statement "
        "tomorrow\n"
        "(10:43:02 AM) Priya: Let me check that for you, one moment please.\n"
        "(10:44:10 AM) Priya: The refund was issued on 28 November.\n"
        "(10:44:31 AM) Visitor 48213: ok thanks\n"
        "(10:45:01 AM) Priya: I'll email you the refund confirmation within the hour.",
        "I'll email you the refund confirmation within the hour",
    ),
    "date and time in brackets, numbered visitor": (
        "[2026-12-01 10:42] Visitor 48213: hi, where is my order?\n"
        "I'll ring the depot myself tomorrow if it's not here\n"
        "[2026-12-01 10:42] Priya (Acme): Let me look into that, one moment.\n"
        "[2026-12-01 10:44] Priya (Acme): It's at the depot in Leeds.\n"
        "[2026-12-01 10:45] Visitor 48213: ok\n"
        "[2026-12-01 10:46] Priya (Acme): I'll call the depot and update you by 3pm today.",
        "I'll call the depot and update you by 3pm today",
    ),
    "pipes between time, role and words": (
        "10:42 | Visitor | my card was charged twice. I'll send the screenshot later\n"
        "10:43 | Agent Priya | Let me check the payments, one moment please.\n"
        "10:44 | Agent Priya | I can see both charges.\n"
        "10:45 | Visitor | ok\n"
        "10:46 | Agent Priya | I'll refund the second charge by Friday.",
        "I'll refund the second charge by Friday",
    ),
    "header with company and AM/PM, words below": (
        "Priya (Acme Support) 10:42 AM\nHi there, how can I help today?\n\n"
        "Dana 10:43 AM\nmy parcel is damaged\nI'll send photos tonight\n\n"
        "Priya (Acme Support) 10:44 AM\nLet me check your order, one moment please.\n\n"
        "Priya (Acme Support) 10:46 AM\nI found it, it was sent on Monday.\n\n"
        "Dana 10:47 AM\nok\n\n"
        "Priya (Acme Support) 10:48 AM\nI'll ship a replacement tomorrow.",
        "I'll ship a replacement tomorrow",
    ),
    "plain roles": (
        "Customer: my router keeps dropping. I'll try it again tonight and let you know\n"
        "Agent: Let me check the line, one moment please.\n"
        "Agent: The line test shows a fault at the cabinet.\n"
        "Customer: ok\n"
        "Agent: I'll book an engineer visit for Thursday.",
        "I'll book an engineer visit for Thursday",
    ),
    "title block then visitor and a named agent": (
        "Chat transcript\nDate: 01/12/2026\nDepartment: Billing\n\n"
        "Visitor: hi, my invoice is wrong. I'll forward the old one to you tomorrow\n"
        "Tom: Hi, I'm Tom from Acme billing. Let me check that, one moment please.\n"
        "Tom: I see the discount is missing.\n"
        "Visitor: right\n"
        "Tom: I'll send you a corrected invoice by end of day.",
        "I'll send you a corrected invoice by end of day",
    ),
    "whatsapp ios (date, time in brackets)": (
        "[01/12/2026, 10:42:13] Dana Reid: Hi, my order 5521 hasn't come. I'll be home all "
        "day tomorrow\n"
        "[01/12/2026, 10:43:01] Acme Support: Hi Dana, let me check that, one moment please.\n"
        "[01/12/2026, 10:44:20] Acme Support: It's with the courier, due today.\n"
        "[01/12/2026, 10:45:02] Dana Reid: ok, I'll message you if it doesn't come\n"
        "[01/12/2026, 10:46:10] Acme Support: I'll message you the tracking link in an hour.",
        "I'll message you the tracking link in an hour",
    ),
    "whatsapp android (date, time, dash)": (
        "01/12/2026, 10:42 - Dana Reid: hi, the kettle leaks. I'll post it back tomorrow\n"
        "01/12/2026, 10:43 - Priya Acme: Hi Dana, I'm Priya from Acme. Let me check your "
        "warranty, one moment please.\n"
        "01/12/2026, 10:44 - Priya Acme: It's covered until March.\n"
        "01/12/2026, 10:45 - Dana Reid: great\n"
        "01/12/2026, 10:46 - Priya Acme: I'll send you a prepaid returns label today.",
        "I'll send you a prepaid returns label today",
    ),
    "whatsapp with a phone number for the customer": (
        "[01/12/2026, 10:42:13] +44 7700 900123: hello, I'll pay the balance on Friday\n"
        "[01/12/2026, 10:43:01] Acme Support: Thanks, let me check your account, one moment.\n"
        "[01/12/2026, 10:44:20] Acme Support: The balance is 40 pounds.\n"
        "[01/12/2026, 10:46:10] Acme Support: I'll email you the payment link tomorrow morning.",
        "I'll email you the payment link tomorrow morning",
    ),
    "system lines and a transfer to a second agent": (
        "*** Priya has joined the chat ***\n"
        "(10:42:13 AM) Priya: Hi, I'm Priya from Acme, how can I help?\n"
        "(10:42:40 AM) Visitor: my bill doubled. I'll cancel my direct debit tomorrow\n"
        "(10:43:02 AM) Priya: Let me check, one moment please.\n"
        "(10:44:10 AM) Priya: This needs billing, I'm transferring you now.\n"
        "*** Chat transferred to Tom ***\n"
        "Tom has joined the chat\n"
        "(10:46:00 AM) Tom: Hi, Tom here. Let me look at the bill, one moment.\n"
        "(10:47:30 AM) Tom: The tariff was changed by mistake.\n"
        "(10:48:00 AM) Tom: I'll reverse the charge by Friday.\n"
        "Visitor left the chat",
        "I'll reverse the charge by Friday",
    ),
    "a turn over several lines": (
        "[10:42] Agent Priya: Hi, thanks for waiting.\n"
        "[10:43] Dana: so the parcel came open\n"
        "and half the items are missing\n"
        "I'll keep the box until you tell me what to do\n"
        "[10:44] Agent Priya: Sorry to hear that.\n"
        "Let me check the packing record, one moment please.\n"
        "[10:45] Agent Priya: It was packed by our Derby site.\n"
        "I'll send the missing items by courier tomorrow.",
        "I'll send the missing items by courier tomorrow",
    ),
    "agent known only from a self-introduction": (
        "[10:42] Priya: Hi, my name is Priya and I'll be assisting you today.\n"
        "[10:43] Dana: hi, my login fails. I'll reset my phone tonight\n"
        "[10:44] Priya: Let me check your account, one moment please.\n"
        "[10:45] Priya: Your account was locked after three tries.\n"
        "[10:46] Dana: ok\n"
        "[10:47] Priya: I'll unlock it and email you a new password within the hour.",
        "I'll unlock it and email you a new password within the hour",
    ),
    "sms thread, me and them": (
        "Them: is my car ready? I'll pick it up after work\n"
        "Me: Let me check with the workshop, one moment.\n"
        "Me: It needs one more part.\n"
        "Them: ok\n"
        "Me: I'll text you when it's ready tomorrow.",
        "I'll text you when it's ready tomorrow",
    ),
    "sms thread with times": (
        "Them (10:42): hi, I'll drop the keys in tomorrow\n"
        "Me (10:43): Thanks. Let me check the diary, one moment.\n"
        "Me (10:44): Thursday is free.\n"
        "Me (10:45): I'll call you Wednesday to confirm the slot.",
        "I'll call you Wednesday to confirm the slot",
    ),
    "intercom style names with company and times": (
        "Dana Reid 10:42 AM: hey, the app crashes on login. I'll reinstall it tonight\n"
        "Priya from Acme 10:43 AM: Let me check the logs, one moment please.\n"
        "Priya from Acme 10:45 AM: It's a known issue in version 4.2.\n"
        "Dana Reid 10:46 AM: ok\n"
        "Priya from Acme 10:47 AM: I'll let you know as soon as the fix is out.",
        "I'll let you know as soon as the fix is out",
    ),
    "salesforce style: name, dash, time, words on the line": (
        "Chat Started: Tuesday, December 01, 2026, 10:42:13 (+0000)\n"
        "Chat Origin: Web\nAgent Priya S\n"
        "( 2s ) Priya S: Hi, I'm Priya from Acme, how can I help?\n"
        "( 30s ) Dana Reid: my order hasn't shipped. I'll call back tomorrow if not\n"
        "( 45s ) Priya S: Let me check, one moment please.\n"
        "( 1m 20s ) Priya S: It is waiting for one item.\n"
        "( 1m 40s ) Priya S: I'll ship the rest of the order today.",
        "I'll ship the rest of the order today",
    ),
    "system lines with times": (
        "(10:41:50 AM) *** Priya joined the chat ***\n"
        "(10:42:13 AM) Priya: Hi, you're chatting with Priya. How can I help?\n"
        "(10:42:40 AM) Visitor 48213: my voucher failed. I'll try it again tonight\n"
        "(10:43:02 AM) Priya: Let me check the voucher, one moment please.\n"
        "(10:44:10 AM) Priya: It expired yesterday.\n"
        "(10:45:01 AM) Priya: I'll send you a new code within the hour.\n"
        "(10:46:11 AM) *** Visitor 48213 left the chat ***",
        "I'll send you a new code within the hour",
    ),
    "header with a bullet between name and time": (
        "Priya (Agent) \u2022 10:42 AM\nHi Dana, how can I help?\n\n"
        "Dana Reid \u2022 10:43 AM\nthe parcel is late. I'll be out tomorrow\n\n"
        "Priya (Agent) \u2022 10:44 AM\nLet me check, one moment please.\n\n"
        "Priya (Agent) \u2022 10:45 AM\nIt's at the depot.\n\n"
        "Priya (Agent) \u2022 10:46 AM\nI'll arrange a Saturday delivery for you today.",
        "I'll arrange a Saturday delivery for you today",
    ),
    "telegram: name, comma, time in brackets, words below": (
        "Acme Support, [01.12.26 10:42]\nHi Dana, how can I help?\n\n"
        "Dana Reid, [01.12.26 10:43]\nmy bill is wrong, I'll pay only half this month\n\n"
        "Acme Support, [01.12.26 10:44]\nLet me check, one moment please.\n\n"
        "Acme Support, [01.12.26 10:45]\nYou were charged twice.\n\n"
        "Acme Support, [01.12.26 10:46]\nI'll refund the extra charge by Friday.",
        "I'll refund the extra charge by Friday",
    ),
    "whatsapp: a customer's message over several lines": (
        "[01/12/2026, 10:42:13] Dana Reid: hi\n"
        "the washing machine is leaking again\n"
        "I'll turn the water off tonight\n"
        "[01/12/2026, 10:43:01] Acme Support: Sorry Dana. Let me check your booking, one moment.\n"
        "[01/12/2026, 10:44:20] Acme Support: The last visit was 2 weeks ago.\n"
        "[01/12/2026, 10:46:10] Acme Support: I'll book an engineer for Thursday morning.",
        "I'll book an engineer for Thursday morning",
    ),
    "livechat: time in parentheses after the name": (
        "Priya (10:42:13 AM): Hello, welcome to Acme! How can I help?\n"
        "Dana (10:42:40 AM): the app charges me twice. I'll uninstall it tomorrow\n"
        "Priya (10:43:02 AM): Let me check, one moment please.\n"
        "Priya (10:44:10 AM): I see both payments.\n"
        "Priya (10:45:01 AM): I'll refund the second payment today.",
        "I'll refund the second payment today",
    ),
    "the customer's own check and promise": (
        "Agent Priya: Could you tell me the serial number?\n"
        "Customer: let me check with my husband, I'll send it to you tonight\n"
        "Agent Priya: Thanks. I'll register the claim as soon as it arrives, and I'll call you "
        "tomorrow with the outcome.",
        "I'll call you tomorrow with the outcome",
    ),
    "a transfer named by the first agent, to a second agent with no role": (
        "Agent Priya: Hi, how can I help?\n"
        "Customer: I was charged twice. I'll cancel my card tomorrow\n"
        "Agent Priya: Let me check, one moment please.\n"
        "Agent Priya: That needs billing, I'm transferring you to Tom in billing now.\n"
        "Tom: Hi, I see the two charges.\n"
        "Tom: I'll refund the second one by Friday.",
        "I'll refund the second one by Friday",
    ),
    "an agent who says her name with 'here'": (
        "Priya: Hi Dana, Priya here from Acme.\n"
        "Dana: my order is missing a cable. I'll check the box again tonight\n"
        "Priya: Let me check the packing list, one moment.\n"
        "Priya: The cable was left out.\n"
        "Priya: I'll post it to you first class today.",
        "I'll post it to you first class today",
    ),
    "a visitor beside an agent no label names, over several lines": (
        "Visitor: hi, my discount code fails\n"
        "I'll try another card later\n"
        "Sam: Let me check the code, one moment please.\n"
        "Sam: It expired on Sunday.\n"
        "Sam: I'll email you a new code this afternoon.",
        "I'll email you a new code this afternoon",
    ),
    "the business's desk labelled with a customer word": (
        "Customer Service: Hi Dana, how can I help?\n"
        "Dana: my order is late, I'll wait till Friday\n"
        "Customer Service: Let me check, one moment please.\n"
        "Customer Service: It is with the courier.\n"
        "Customer Service: I'll refund the postage today.",
        "I'll refund the postage today",
    ),
    "a hotel's guest relations": (
        "[19:02] Guest Relations (Hotel Lumo): Good evening, how can I help?\n"
        "[19:03] Mr Ortiz: the AC is broken. I'll be out until 8\n"
        "[19:04] Guest Relations (Hotel Lumo): Let me check with maintenance, one moment.\n"
        "[19:05] Guest Relations (Hotel Lumo): They are on another floor.\n"
        "[19:06] Guest Relations (Hotel Lumo): I'll send an engineer to your room at 8pm.",
        "I'll send an engineer to your room at 8pm",
    ),
    "a visitor known by e-mail address": (
        "(10:42:13 AM) dana.reid@example.com: hi, the download link is dead. I'll try "
        "again tonight\n"
        "(10:43:02 AM) Priya: Let me check, one moment please.\n"
        "(10:44:10 AM) Priya: The link expired after 24 hours.\n"
        "(10:45:01 AM) Priya: I'll email you a fresh link within the hour.",
        "I'll email you a fresh link within the hour",
    ),
    "user names in lower case after a time": (
        "[10:42] priya_acme: hi, I'm Priya from Acme, how can I help?\n"
        "[10:43] dana_r: the invoice is wrong. I'll pay the old amount for now\n"
        "[10:44] priya_acme: Let me check, one moment please.\n"
        "[10:45] priya_acme: The discount is missing.\n"
        "[10:46] priya_acme: I'll send you a corrected invoice tomorrow.",
        "I'll send you a corrected invoice tomorrow",
    ),
    "a check the agent comes back from after the customer's line": (
        "[14:02] Agent Priya: Hi Dana, how can I help?\n"
        "[14:03] Dana: where is my sofa? I'll stay in all day tomorrow\n"
        "[14:04] Agent Priya: I'll check with the warehouse.\n"
        "[14:05] Dana: ok\n"
        "[14:09] Agent Priya: Thanks for waiting. It leaves the warehouse tonight.\n"
        "[14:10] Agent Priya: I'll text you the delivery slot by 8pm.",
        "I'll text you the delivery slot by 8pm",
    ),
    "a commitment the agent reports done later in the chat": (
        "Agent Priya: Hi Dana, how can I help?\n"
        "Customer: the driver can't find my house. I'll wait by the gate\n"
        "Agent Priya: I'll add a note for the driver.\n"
        "Customer: thanks\n"
        "Agent Priya: Done, the note's added. Let me check the van, one moment.\n"
        "Agent Priya: It's two stops away.\n"
        "Agent Priya: I'll call you at 3pm to confirm it arrived.",
        "I'll call you at 3pm to confirm it arrived",
    ),
    "a bot before the agent and a system line after": (
        "[10:01] Acme Bot: Thanks! An agent will reply within 5 minutes.\n"
        "[10:02] Visitor: ok, I'll wait here\n"
        "[10:03] Priya (Acme): Hi, let me check your order, one moment please.\n"
        "[10:04] Priya (Acme): It is packed and waiting for the courier.\n"
        "[10:05] Priya (Acme): I'll email you the tracking number by 5pm.\n"
        "[10:06] System: The chat has ended. We'll email you a transcript within 24 hours.",
        "I'll email you the tracking number by 5pm",
    ),
    "sms export with month names and a phone number in brackets": (
        "Dec 1, 2026 10:42 AM - Dana (+44 7700 900123): is the car ready? I'll come by at 5\n"
        "Dec 1, 2026 10:43 AM - Me: Let me check with the workshop, one moment.\n"
        "Dec 1, 2026 10:45 AM - Me: It needs one more part.\n"
        "Dec 1, 2026 10:46 AM - Me: I'll text you tomorrow morning when it's ready.",
        "I'll text you tomorrow morning when it's ready",
    ),
    "a header with the date and time after the name": (
        "Dana Reid, Dec 1, 2026 at 10:42 AM\nhi, my card was declined. I'll try again later\n\n"
        "Priya (Acme), Dec 1, 2026 at 10:43 AM\nLet me check, one moment please.\n\n"
        "Priya (Acme), Dec 1, 2026 at 10:44 AM\nYour bank blocked it.\n\n"
        "Priya (Acme), Dec 1, 2026 at 10:45 AM\nI'll email you a new payment link today.",
        "I'll email you a new payment link today",
    ),
}

# Mail with a "Customer:" field is no transcript: the field's line alone is not the
# author's, the rest of the message is.
MAIL_WITH_FIELDS = (
    "Hi team,\nCustomer: Dana Reid\nOrder: 5521\nI'll send the replacement tomorrow.\nJo",
    "I'll send the replacement tomorrow",
)


def test_a_customer_field_in_mail_leaves_the_rest_alone() -> None:
    text, quote = MAIL_WITH_FIELDS
    assert [p.quote for p in promises_in(text)] == [quote]


@pytest.mark.parametrize("transcript, quote", STYLES.values(), ids=list(STYLES))
def test_only_the_agents_commitment_is_found(transcript: str, quote: str) -> None:
    assert [p.quote for p in promises_in(transcript)] == [quote]


def test_a_text_naming_more_speakers_than_a_chat_has_is_not_read_as_one() -> None:
    def lines(speakers: int) -> str:
        return "Agent Mo: hi\n" + "".join(
            f"P{chr(97 + i % 26)}{chr(97 + i // 26)}: I'll call you tomorrow\n"
            for i in range(speakers)
        )

    assert chat.customer_turns(lines(chat.MAX_SPEAKERS - 1))
    assert chat.customer_turns(lines(chat.MAX_SPEAKERS + 1)) == []
