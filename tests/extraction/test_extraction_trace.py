"""`extract` records what it decided, and that record is what --explain and eval show.

Each grammar rule has an example it proposes and keeps, and a counter-example: the
rule's wording without a promise. Each check has an example it rejects, and a
counter-example: a promise close to it that the check lets through. The trace is
written by the extractor as it runs, so the found promises and the kept decisions must
agree on every corpus case.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.helpers.extraction import calendar_for
from tracker.evaluation import load_corpus, trace_case
from tracker.extraction import Trace, extract
from tracker.extraction.detect import RULES
from tracker.extraction.guards import CHECKS
from tracker.extraction.trace import PIPELINE_CHECKS

SENT = datetime.fromisoformat("2026-11-18T09:00:00+00:00")

RULE_EXAMPLES = {
    "self": "I'll call you back tomorrow.",
    "team": "Our billing team will contact you tomorrow.",
    "continued": "We are looking into it and will update you tomorrow.",
    "let-me": "Let me check with the warehouse.",
    "get-from-us": "You'll get a credit note from me by Friday.",
    "asked-staff": "I've asked our billing team to call you tomorrow.",
    "passive-send": "I can confirm a cheque will be posted to you today.",
    "hear-back": "We've passed it to our complaints team and you'll hear back within 10 days.",
    "hear-from": "You'll hear from us by Friday.",
    "contacted-by": "You will be contacted by our claims team tomorrow.",
    "passive-by-us": "Your refund will be processed by our billing team by Friday.",
    "passive-dated": "Your refund request is approved and will be credited within 3 days.",
    "handled-by": "Your case will be reviewed by our compliance team.",
    "dated-notice": (
        "Your claim has been referred to our billing department. "
        "You will be informed of the outcome within 10 working days."
    ),
    "expect-dated": (
        "Your concern is with our warehouse team. Kindly expect an update within 3 days."
    ),
    "pronoun-staff": "I've spoken to my manager. She will call you tomorrow.",
    "contact-handover": "Hannah will ring you on Monday to confirm the refund amount.",
    "named-colleague": "Tomasz will post you the signed firmware image by Thursday.",
    "progressive": "I'm sending the label today.",
    "team-progressive": "Our engineering team is deploying a fix tonight.",
    "subjectless": "np! will call u tomorrow",
    "clipped": "soz, ring u back in 10 mins",
    "informal-modal": "ill ring u tmrw to book ur fitting",
    "present-simple": "I send you the meeting link in the next hour.",
    "unlisted-verb": "I'll put the credit on your account before close of play.",
    "do-that": "I'll do that tomorrow.",
    "dm-continuing": "Thanks for the order number, we're following up with you via DM.",
    "time-asked": "Kindly allow us 2 working days to revert.",
    "notice-update": "Your meter reading is with us; you will be updated once it is checked.",
    "goods-leaving": "The replacement charger ships from our depot on Tuesday.",
    "item-ships": "Your new kettle is boxed up and will go out first thing tomorrow.",
    "other-language": "Ich schicke Ihnen die Sendungsnummer heute bis 14 Uhr.",
}
CHECK_EXAMPLES = {
    "condition": "If it fails, I'll call you.",
    "policy": "We aim to resolve all complaints within 8 weeks.",
    "hedge": "Hopefully we'll send it tomorrow.",
    "after-customer-returns": "We'll send the refund within 2 days after the item arrives.",
    "done-now": "I'm going to cancel it for you right now.",
    "customer-acts-first": "DM us your order number and we'll look into it.",
    "feedback": "We'll pass your feedback to the team.",
    "live-exchange": "Let me see what I can do. One moment, please.",
    "done-in-chat": (
        "Agent Jo: I'll add a note for the driver.\nCustomer: thanks\nAgent Jo: Done, it's added."
    ),
    "waits-for-reply": "Could you send a photo? We'll look into it.",
    "question": "Should I tell them we'll call you tomorrow?",
    "answered-check": "Let me check that for you. I can see the refund was credited on 19-Nov.",
    "auto-reply": "This is an automated message. A member of our team will respond within 1 day.",
    # (the next sentence's own commitment is rejected here, so that nothing is found)
    "handover-followed": "I'm escalating this to our engineers. They'll call you if needed.",
    "necessity": "We'll need to move your clean. I'll ring you if a slot opens up.",
    "monitoring": "We'll keep an eye on your order.",
    "reassurance": "So sorry about the mix-up! We'll sort this out for you 🙌",
    "third-party": "Our removals partner, ShiftCo, will phone you on the day.",
    "housekeeping": "I'll go ahead and close this ticket.",
    "prevention": "Our depot team will review the crate loading so it doesn't happen again.",
    "reported-speech": 'Last week Sam wrote "we\'ll post the part on Monday", sorry it slipped.',
    "automatic": "We'll retry the card payment automatically on Monday.",
    "needs-due": "I'm sending the label.",
    "follows": "It will be ready for collection.",
    "negation": "I will not be able to refund the fee.",
    "courtesy": "We'll be happy to help.",
    "effort": "We'll try our best to get it out before Christmas.",
    "no-action-verb": "I'll be in the office.",
}

# The rule's wording, and no promise (by that rule or any other).
RULE_COUNTER_EXAMPLES = {
    "self": "I'll be happy to help.",
    "team": "Our billing team will be glad to help.",
    "continued": "We are looking into it and will not be able to call today.",
    "let-me": "Let me know if you need anything.",
    "get-from-us": "You'll get a confirmation email from us.",
    "asked-staff": "I've asked our billing team to be patient with us.",
    "passive-send": "It will be dispatched.",
    "hear-back": "You'll hear back from the courier.",
    "hear-from": "You'll hear from them soon.",
    "contacted-by": "You will be contacted by the courier tomorrow.",
    "passive-by-us": "Your parcel will be delivered by the courier tomorrow.",
    "passive-dated": "Refunds will be processed within 14 days.",
    "handled-by": "Your case will be reviewed by the ombudsman.",
    "dated-notice": "Your application is complete. You'll be notified once a decision is made.",
    "expect-dated": "Expect delays of up to 2 hours on Monday.",
    "pronoun-staff": "I rang the courier. She will deliver it tomorrow.",
    "contact-handover": "We've booked a damp contractor. They will contact you to agree a date.",
    "named-colleague": (
        "We passed it to the lender, Brightfold. Brightfold will post you a form by Friday."
    ),
    "progressive": "I'm sending my regards.",
    "team-progressive": "Our engineering team is working hard.",
    "subjectless": "will be nice to see you",
    "clipped": "Text you sent on Monday is with our billing team.",
    "informal-modal": "I was ill last week.",
    "present-simple": "We send the invoice on the first of every month.",
    "unlisted-verb": "We'll need the serial number by Friday.",
    "do-that": "I'll do that for you.",
    "dm-continuing": "We're following up with you via DM right now.",
    "time-asked": "Please give me a minute to check your usage.",
    "notice-update": "You will be informed automatically once the part ships.",
    "goods-leaving": "Most orders ship within 3 working days.",
    "item-ships": "Your new kettle is boxed up and will go out once the payment clears.",
    "other-language": "Ich habe Ihnen die Rechnung gestern geschickt.",
}
# A promise next to what the check rejects, that the check lets through.
CHECK_COUNTER_EXAMPLES = {
    "condition": "I'll call you tomorrow to check if it works.",
    "policy": "We aim to resolve your complaint within 8 weeks.",
    "hedge": "I'll send it tomorrow, hopefully before noon.",
    "after-customer-returns": "We'll send the refund within 2 days after we approve it.",
    "done-now": "I'm going to cancel it for you tomorrow morning.",
    "customer-acts-first": "Thanks for your order number, we'll look into it today.",
    "feedback": "We'll pass your photos to the engineers today.",
    "live-exchange": "Let me see what I can do and call you back tomorrow.",
    "done-in-chat": (
        "Agent Jo: I'll add a note for the driver.\nCustomer: thanks\nAgent Jo: Anything else?"
    ),
    "waits-for-reply": "Could you send a photo? We'll look into it by Friday.",
    "question": "We'll call you tomorrow, is that ok?",
    "answered-check": "Let me check that for you and get back to you tomorrow.",
    "auto-reply": "I'm out of the office until Monday, so I'll call you back on Tuesday.",
    "handover-followed": "I'm escalating this to our engineers. Thanks for your patience.",
    "necessity": "We'll need to order the part in, but our engineer will fit it.",
    "monitoring": "We'll keep an eye on your order and text you when it ships.",
    "reassurance": "We'll get it sorted for you before the weekend.",
    "third-party": "Our removals partner has the van booked, and our engineer will phone you.",
    "housekeeping": "I'll close your account today.",
    "prevention": "Our depot team will check the loading by Friday so it doesn't happen again.",
    "reported-speech": 'You said "thanks", and I\'ll post the part on Monday as agreed.',
    "automatic": "I'll set your plan to renew automatically from Monday.",
    "needs-due": "I'm sending the label today.",
    "follows": "We're going to replace the router; a new one will be dispatched by Thursday.",
    "negation": "I'll call you tomorrow, not Friday.",
    "courtesy": "We'll gladly call you tomorrow.",
    "effort": "I'll try to reproduce it tomorrow and write back on this thread.",
    "no-action-verb": "I'll be round tomorrow to fit the part.",
}


def _trace(text: str) -> tuple[list, Trace]:
    trace = Trace()
    return extract(text, SENT, calendar_for(), trace=trace), trace


def test_every_rule_and_check_has_an_example() -> None:
    assert set(RULE_EXAMPLES) == set(RULES)
    assert set(CHECK_EXAMPLES) == set(CHECKS) | (set(PIPELINE_CHECKS) - {"kept"})


def test_every_rule_and_check_has_a_counter_example() -> None:
    assert set(RULE_COUNTER_EXAMPLES) == set(RULES)
    assert set(CHECK_COUNTER_EXAMPLES) == set(CHECKS) | (set(PIPELINE_CHECKS) - {"kept"})


@pytest.mark.parametrize(("rule", "text"), RULE_EXAMPLES.items(), ids=list(RULE_EXAMPLES))
def test_each_rule_proposes_and_keeps_its_example(rule: str, text: str) -> None:
    found, trace = _trace(text)
    assert len(found) == 1
    assert any(d.rule == rule and d.kept for d in trace.decisions), trace.decisions


@pytest.mark.parametrize(("check", "text"), CHECK_EXAMPLES.items(), ids=list(CHECK_EXAMPLES))
def test_each_check_rejects_its_counter_example(check: str, text: str) -> None:
    found, trace = _trace(text)
    assert found == []
    # (the first sentence's decisions: a check may read the sentence after)
    first = trace.decisions[0].sentence_start
    assert [d.check for d in trace.decisions if d.sentence_start == first] == [check]
    end = trace.decisions[0].sentence_end
    assert trace.explain(0, end).endswith(f"{check} ({trace.decisions[0].reason})")


@pytest.mark.parametrize(
    ("rule", "text"), RULE_COUNTER_EXAMPLES.items(), ids=list(RULE_COUNTER_EXAMPLES)
)
def test_no_rule_keeps_its_counter_example(rule: str, text: str) -> None:
    found, trace = _trace(text)
    assert found == []
    assert not any(d.rule == rule and d.kept for d in trace.decisions), trace.decisions


@pytest.mark.parametrize(
    ("check", "text"), CHECK_COUNTER_EXAMPLES.items(), ids=list(CHECK_COUNTER_EXAMPLES)
)
def test_no_check_rejects_its_counter_example(check: str, text: str) -> None:
    found, trace = _trace(text)
    assert len(found) == 1
    assert check not in [d.check for d in trace.decisions], trace.decisions


def test_quoted_history_is_explained_as_masked() -> None:
    text = "Thanks.\nOn Tue, 1 Dec 2026 at 10:02, Ben <ben@example.com> wrote:\n> I'll call you.\n"
    found, trace = _trace(text)
    start = text.index("I'll call")
    assert found == [] and trace.explain(start, start + 4).startswith("it is inside")


HERE = Path(__file__).parent


@pytest.mark.parametrize("corpus", ["heldout.jsonl", "heldout2.jsonl"])
def test_the_trace_keeps_exactly_the_sentences_of_the_found_promises(corpus: str) -> None:
    for case in load_corpus(HERE / corpus):
        trace = Trace()
        found = extract(
            case.text, case.sent_at, case.calendar(), author_role=case.author_role, trace=trace
        )
        kept = {d.sentence_start for d in trace.decisions if d.kept}
        starts = {min(d.start for d in trace.decisions if d.kept and d.sentence_start == s)
                  for s in kept}  # fmt: skip
        assert starts == {p.start for p in found}, case.id
        assert trace_case(case).decisions == trace.decisions


def test_docs_promises_md_names_every_rule_and_check() -> None:
    docs = (Path(__file__).parents[2] / "docs" / "promises.md").read_text("utf-8")
    ids = [*RULES, *CHECKS, *(set(PIPELINE_CHECKS) - {"kept"})]
    assert [name for name in ids if f"`{name}`" not in docs] == []
