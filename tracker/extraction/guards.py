"""The spec's "not a promise" rules, applied to one committing clause of a sentence.

Negations and courtesy are dropped while the verb phrase is read (detect.py); what
is left is decided here: conditions and offers, hedges, waiting for the customer
(requests, questions, items the customer must return first), passing on feedback,
actions done in this very message, and checks already answered in the message.

The word lists are read as tokens of the sentence (tokens.py; the lists are plain words
and phrases in vocab/en.py): hedges, feedback words, requests to the customer, a live
exchange on hold, what the customer already sent, and the like. What is about a clause's
structure (conditions and their reach, policies, greetings and request openings, items
the customer returns first, feedback objects) is still a pattern over the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from tracker.extraction import lexicon as lx
from tracker.extraction import tokens as tk
from tracker.extraction.detect import (
    CONJUNCT,
    TRAILING_CONDITION,
    Commitment,
    classify,
    commitments,
    conditional_conjunct,
    first_condition,
)
from tracker.extraction.lexicon import any_of
from tracker.extraction.outside import outside_acts
from tracker.extraction.present_tense import PROGRESSIVE
from tracker.extraction.vocab import en

_CONDITION = re.compile(
    r"\b" + any_of(*en.CONDITIONS) + r"\b"
    # "Should the parcel not arrive by Friday, I'll…": an inverted condition.
    r"|(?:^|[,;:\-–]\s*)(?:should|were|had)\s+(?:the|it|this|that|your|you|we|there|any)\b",
    re.IGNORECASE,
)


# "I'll ring you tomorrow, and if I can't get through I'll leave a voicemail": the
# condition opens the next clause.
_NEXT_CONDITION = re.compile(
    r"(?:[,;]\s*(?:and|but)\s+|\s(?:and|but)\s*,\s*)(?=if\b|unless\b)"
    # "I'll try again this afternoon, if not possible I'll email you": the condition opens
    # a new commitment of its own
    r"|[,;]\s*(?=(?:if|unless)\b[^.;!?]{0,40}?\b(?:I|we)(?:'ll|\s+will)\b)",
    re.IGNORECASE,
)
# "I'll chase the hotel if they haven't replied, and I'll let you know either way": the
# earlier condition does not reach a commitment that holds whatever happens.
_REGARDLESS = tk.Phrases(en.REGARDLESS)

# "We aim to resolve all complaints within 8 weeks": what we do for everyone.
_POLICY = re.compile(
    r"^\s*(?:\w+\s+){1,2}?(?:all|every|any)\s+(?:\w+\s+)?(?:complaints?|orders?|cases?|requests?|"
    r"customers?|tickets?|claims?|enquiries|enquiry|inquiries|inquiry|queries|query|emails?|"
    r"messages?|refunds?|returns?)\b",
    re.IGNORECASE,
)


# "…, and please do ring us if anything changes": a new clause asking the customer.
_CLAUSE_BREAK = re.compile(
    r"[,;]\s*(?:and\s+|but\s+|or\s+)?(?:please|kindly|pls|do\s+feel|feel\s+free)\b"
    # a detail added after a comma, whose own condition is the detail's: "they'll email you
    # the quote tomorrow, with last year's discount if it still applies"
    r"|,\s*with\s+(?:the|your|a|an|our|any|last|this)\b"
    r"(?![^.;!?]*\b(?:if|unless)\s+(?:you|u)\b)",
    re.I,
)

# The tail of a request split over two tweets: "(2/2) email address and phone number. We'll
# look into it", ">> your booking number, we'll see what we can do".
_DETAILS_FRAGMENT = re.compile(
    r"^\s*(?:@\w+\s+)*(?:>>+\s*|\(?\d\s*(?:/\s*\d)?\s*[:).]\s*|(?=[a-z]))"
    r"[^.!?]{0,120}?\b(?:address|number|postcode|zip|reference|details|name|id|version|model)\b"
    r"[^.!?]{0,60}?(?:[.,]|\band\s*$|$)",
)

# A time counted only from our receiving the customer's item: "We will inspect your item
# within 3 working days of receipt" (the terms of a repair the customer has yet to post).
_FROM_RECEIPT = re.compile(
    r"\b(?:within|in)\s+(?:\w+\s+){1,3}?(?:days?|hours?|weeks?)\s+(?:of|after|from)\s+"
    r"(?:(?:its|their|your|the)\s+)?(?:receipt|receiving|arrival)\b",
    re.IGNORECASE,
)

# Where the committing clause's own words end before a condition that is not on it: a
# clause of the customer's ("…, and you can switch back if …") or an added part
# ("…, including over the weekend if needed").
_OTHER_CLAUSE = re.compile(
    r",\s*(?:and\s+|but\s+)?(?:you|u)(?:'ll|\s+(?:can|could|may|might|will|should))\b"
    r"|,\s*(?:including|even)\b",
    re.IGNORECASE,
)

# "…within 2 days after the item arrives at our warehouse": the customer returns it first.
_AFTER_CUSTOMER_RETURNS = re.compile(
    r"\b(?:after|once|when|as\s+soon\s+as|upon)\s+(?:(?:we|I)\s+(?:receive|get|have)\s+(?:your\b|the\b"
    # "once we have the update from our warehouse": news for us, not the customer's goods
    # (or a date for us to pass on: "as soon as I have the new delivery date")
    r"(?!\s+(?:[\w-]+\s+){0,2}?(?:update|answer|news|response|reply|decision|outcome|results?|"
    r"approval|go-ahead|date|eta|estimate|timeline|tracking)s?\b)"
    # nor what a team of ours gives us: "once I have the details from our retentions team"
    rf"(?![^.,;!?]{{0,60}}?\bfrom\s+(?:them|him|her|(?:our|my)\s+(?:[\w&-]+\s+){{0,2}}?"
    rf"{lx.STAFF}|(?:our|my|the)\s+(?:[\w&-]+\s+)?{lx.DEPARTMENTS})\b))|"
    r"(?:the|your)\s+(?:\w+\s+)?(?:item|items|parcel|package|device|return|product|unit|goods|"
    r"documents?|forms?|paperwork)\s+(?:arrives?|is\s+received|reaches|gets?\s+back|is\s+back|"
    r"(?:has\s+)?arrived|comes?\s+back)"
    # "… will issue the first invoice once it's signed": the customer signs first
    r"|(?:it's|it\s+is|it\s+has\s+been|they're|they\s+are|they\s+have\s+been)\s+signed\b"
    r"(?!\s+(?:off|for)\b))",
    re.IGNORECASE,
)

# "I'll transfer you now", "I'm going to cancel it for you right now": done in this message.
_DONE_NOW = tk.Phrases(en.DONE_NOW)
_NOT_NOW_BEFORE = tuple(en.NOT_NOW_BEFORE)

_WAITING = tk.Phrases(en.WAITING)
_CUSTOMER_FIRST = tk.Phrases(en.CUSTOMER_FIRST)
_CUSTOMER_FIRST_OPEN = tk.Phrases(en.CUSTOMER_FIRST_OPEN, open_end=True)
_REPLY_FIRST = tk.Phrases(en.AFTER_CUSTOMER_REPLIES)
_OTHER_SOURCES = tk.Phrases(en.OTHER_SOURCES)
_NECESSITY = tk.Phrases(en.NECESSITY)
_MONITORING = tk.Phrases(en.MONITORING)
_REASSURANCE = tk.Phrases(en.REASSURANCE)
# "Upon checking, …", "after further review, …": our own check, done, not the customer's act.
_OWN_CHECK_DONE = re.compile(
    r"\s+(?:further\s+|careful\s+)?(?:checking|verification|verifying|review|reviewing"
    r"|investigation|investigating)\s*,",
    re.IGNORECASE,
)
# What may follow a reassurance and leave it bare: "for you", then a stop, an emoji or the end.
_REASSURANCE_TAIL = re.compile(r"(?:\s+(?:for|with)\s+(?:you|ya|u)\b)?\s*(?:[^\w\s'’]|$)")
_COURTESY_INVITE = tk.Phrases(en.COURTESY_INVITES)

_GREETING = re.compile(
    r"^\s*(?:(?:@\w+\s*)+)?(?:(?:hi|hey|hello|dear|morning|afternoon|evening|good\s+(?:morning|"
    r"afternoon|evening)|thanks|thank\s+you|ok|okay|sure|no\s+problem|great)\b[^,\-–—!:.]{0,40}"
    r"[,\-–—!:.]\s*)?",
    re.IGNORECASE,
)

_REQUEST = re.compile(
    "(?:" + any_of(*en.REQUEST_LEADS) + r"\s+)*" + any_of(*en.REQUEST_VERBS) + r"\b", re.IGNORECASE
)

# Where the last part of a clause's prefix starts: after ";" or a spaced dash.
_LAST_PART = re.compile(r".*(?:;|\s[-–—])\s*", re.DOTALL)

# "When it's confirmed, ", "Once you're home, ": the time of the request that follows.
_TIME_CLAUSE = re.compile(
    r"\s*(?:when|whenever|once|after|as\s+soon\s+as|next\s+time|before)\b[^,;.!?]{1,80}[,;]\s*",
    re.IGNORECASE,
)

_CONNECTOR_ENDS = frozenset(en.CONNECTOR_ENDS)

_SEPARATORS = frozenset(en.CLAUSE_SEPARATORS)

_QUESTION_STARTS = frozenset(en.QUESTION_STARTS)

# Word lists read as tokens (vocab/en.py).
FEEDBACK = tk.Phrases(en.FEEDBACK_WORDS)
_ANSWERED = tk.Phrases(en.ANSWERED)
HEDGE = tk.Phrases(en.HEDGES)
_VACANCY = tk.Phrases(en.VACANCY_EVENTS)
_DISCLAIMER = re.compile(r"\b" + any_of(*en.DISCLAIMERS) + r"\b", re.IGNORECASE)
_PUBLIC = re.compile(r"\b" + any_of(*en.PUBLIC_CHANNELS) + r"\b", re.IGNORECASE)
_AIMS = frozenset(en.AIMS)
# "we'll meet you in DM", "we'll talk there": an invitation (vocab MEETING_VERBS)
_DM_CHANNEL = r"(?:the\s+|our\s+|your\s+)?" + any_of(*en.DM_CHANNELS) + r"\b"
_DM_MEETING = re.compile(
    r"^\s*(?:\w+\s+)?" + any_of(*en.MEETING_VERBS) + r"\s+(?:(?:with\s+)?(?:you|u)\s+)?"
    r"(?:more\s+|further\s+)?(?:over\s+)?(?P<where>(?:in|via|on|over|by)\s+"
    + _DM_CHANNEL
    + r"|there\b)",
    re.IGNORECASE,
)
_DM_MENTION = re.compile(r"\b" + any_of(*en.DM_CHANNELS) + r"\b", re.IGNORECASE)
_POLICY_SOURCE = re.compile(r"\b" + any_of(*en.POLICY_SOURCES), re.IGNORECASE)

# The customer has to act first: "DM us your order number and we'll look into it".
_CUSTOMER_ACTION = tk.Phrases(en.CUSTOMER_ACTIONS)
_ACTION_LEADS = tk.Phrases(en.CUSTOMER_ACTION_LEADS)
_PLEASE = tk.Phrases(en.PLEASE_WORDS)
_NOT_REQUESTED = tuple(en.NOT_REQUESTED)
_NOT_REQUESTED_WORDS = frozenset(en.NOT_REQUESTED_WORDS)
_PROHIBITIONS = tk.Phrases(en.PROHIBITIONS)
# Every request above opens with one of these words: the others are not tried.
_ACTION_FIRST_WORDS = frozenset(
    t.lower
    for phrase in (*en.CUSTOMER_ACTIONS, *en.CUSTOMER_ACTION_LEADS, *en.PLEASE_WORDS)
    for t in tk.tokenise(phrase)[:1]
)

# Asking the customer something in the sentence before: what follows waits for the answer.

_YOU = frozenset(en.YOU_WORDS)

# A live chat or DM that goes on at once: "Let me see what I can do. One moment, please."
_HOLD_LEADS = frozenset(en.HOLD_LEADS)
_HOLD_MOMENTS = tk.Phrases(en.HOLD_MOMENTS)
_HOLD_WORDS = tk.Phrases(en.HOLD_WORDS)
_HOLD_OPEN = tk.Phrases(en.HOLD_OPEN, open_end=True)
_HOLD_NOT_BEFORE = tuple(en.HOLD_NOT_BEFORE)

# In a chat, "Let me check that for you, bear with me": the check is done while the
# customer waits, in the same exchange.
_BEAR_WITH = re.compile(r"[,;:–—]\s*(?:please\s+)?bear\s+with\s+(?:me|us)\b", re.IGNORECASE)
# …or as the whole next sentence: "Let me have a look at the claim. Bear with me."
_BEAR_WITH_ALONE = re.compile(
    r"\s*(?:please\s+)?bear\s+with\s+(?:me|us)(?:\s+(?:please|a\s+(?:moment|sec|second|minute)))?"
    r"\s*[.!…]*\s*$",
    re.IGNORECASE,
)
# "Let me check that for you real quick.", "let me ask": a check with nothing named to
# check, no time and nothing to follow, is what the agent does next in the exchange.
_BARE_CHECK = re.compile(
    r"^\s*(?:just\s+)?(?:check|look|ask|see|take\s+a\s+(?:quick\s+)?look|have\s+a\s+(?:quick\s+)?look)"
    r"(?:\s+(?:that|this|it))?(?:\s+for\s+(?:you|u))?(?:\s+(?:real\s+)?quick(?:ly)?)?\s*[.…!]*\s*$",
    re.IGNORECASE,
)

# The customer has already written: "We have your DM now and we'll pick it up there".
_ACTED_LEADS = tk.Phrases(en.ALREADY_ACTED_LEADS)
_ACTED_WHOSE = frozenset(en.ALREADY_ACTED_WHOSE)
_ACTED_SENT = tk.Phrases(en.ALREADY_SENT)
_NOT_YET = frozenset(en.NOT_YET)
_ACTED_FIRST_WORDS = frozenset(tk.tokenise(lead)[0].lower for lead in en.ALREADY_ACTED_LEADS)
# Each phrase of what was sent holds one of these (its longest unspaced piece, "d.m."):
# a text holding none of them is not read.
_SENT_PIECES = frozenset(max(tk.fold(sent).split(), key=len) for sent in en.ALREADY_SENT)

# Work on what the request before asked for: "review the documents", "verify them", "then"
_ON_WHAT_WE_ASKED = re.compile(
    r"^\s*(?:(?:also|first|then|quickly|carefully|promptly|kindly)\s+)*(?:"
    + any_of(*en.ASKED_FOR_VERBS)
    + r")\w*\s+(?:"
    + any_of(*en.ASKED_FOR_THINGS)
    + r")(?!\w)|^\s*then\b",
    re.IGNORECASE,
)
# A step's number alone ("2."): the step before it is the sentence before
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s*$", re.IGNORECASE)
_THEN_BEFORE = re.compile(r"\bthen\s*,?\s*$", re.IGNORECASE)  # "Then we'll refund you …"
_TOGETHER = tk.Phrases(en.TOGETHER)
_MADE = tk.Phrases(en.MADE_TOGETHER)  # "put together a patch": made, not done with you
_NEXT_REQUEST = tk.Phrases(en.NEXT_REQUEST)

_FEEDBACK_OBJECT = re.compile(
    r"^\s*(?:(?:be\s+sure\s+to|make\s+sure\s+to|definitely|also|certainly)\s+)*"
    + any_of(*en.FEEDBACK_VERBS)
    + r"\w*\s+(?:(?:on|along|over)\s+)?(?:(?:this|that|it|these|them|your|the|ur|all|any|such)\s+)?"
    # the feedback word heads the object ("the certificate of interest" is a document)
    r"(?:(?!(?:of|for|about|with|from|to|on|in)\b)\w+\s+){0,2}?"
    + any_of(*en.FEEDBACK_OBJECTS)
    + r"\b",
    re.IGNORECASE,
)

# ... unless the request asks for an action on the customer's case ("a refund request")
_ACTION_REQUEST = re.compile(
    r"\b" + any_of(*en.ACTION_REQUEST_NOUNS) + r"\s+requests?$", re.IGNORECASE
)

_SHARE_PRONOUN = re.compile(
    # ("we'll also be sharing this with …": the progressive too)
    r"^\s*(?:(?:be\s+sure\s+to|make\s+sure\s+to|definitely|also|certainly|be)\s+)*"
    r"(?:shar|relay)\w*\s+(?:all\s+(?:of\s+)?)?(?:this|that|it|these|them|those)\b",
    re.IGNORECASE,
)


# "…and e-mail you their recommendations": what our team will produce for the customer, not
# feedback the customer gave (blanked, the same length, before the feedback words are read).
_THEIR_FEEDBACK = re.compile(
    r"\b(?:their|our|his|her|its)\s+(?:[\w-]+\s+)?(?:recommendations?|suggestions?|ideas?|"
    r"comments?|thoughts|improvements?)\b",
    re.IGNORECASE,
)


_BACK_TO_YOU = re.compile(
    r"\b(?:e-?mail|call|ring|phone|send|update|contact|get\s+back\s+to|write\s+to|report\s+back\s+to)"
    r"\s+(?:you|u)\b",
    re.IGNORECASE,
)


def _not_theirs(text: str) -> str:
    return _THEIR_FEEDBACK.sub(lambda m: " " * len(m.group()), text)


# 'my colleague said "we'll send you a new modem this week"': quoted words of before
_REPORTED = re.compile(
    r"\b(?:said|wrote|promised|told\s+you|mentioned|replied|stated)\s*[:,]?\s*[\"“]\s*$"
    # "You were told on Aug 16 that \"…", "what you said on the phone: \"…", "Below is what
    # I told Ana on the call, for your records:\n\n\"…" (the frame may end the sentence before)
    r"|\b(?:(?:was|were)\s+told|what\s+(?:I|you|we|they|he|she)\s+(?:said|told|wrote|promised))"
    r"\b[^\"“.!?]{0,80}?(?:[:,]|\bthat)\s*[\"“]\s*$",
    re.IGNORECASE,
)
# A system's own action: "we'll retry the payment automatically on the 25th"
# ("will be collected by direct debit on 1 March": the bank's mandate runs by itself)
_AUTOMATICALLY = re.compile(
    r"\bautomatically\b|(?:\b(?:collected|taken|debited)\s+|^\s*)(?:by|via)\s+(?:direct\s+debit|"
    r"standing\s+order|auto-?pay)\b",
    re.IGNORECASE,
)
# Where the verb phrase's own simple clause ends ("…, and you'll get tracking automatically")
_SIMPLE_CLAUSE_END = re.compile(
    r"[,;:]|\s(?:and|but|so|then)\s|\s[-–—]\s|\s(?:that|which)\s(?!(?:it|this)\b)", re.IGNORECASE
)
# … unless we set it up so: "I'll set your plan to renew automatically"
_SET_UP = re.compile(
    r"\b(?:set|setting|switch|switching|turn|turning|configure|configuring|schedule|make|so)\b",
    re.IGNORECASE,
)
# "close this ticket", "mark this one as a duplicate and close it"
_HOUSEKEEPING = re.compile(
    r"^\s*(?:(?:just|also|then|now|go\s+ahead\s+and)\s+)*"
    + any_of(*en.HOUSEKEEPING_VERBS)
    + r"\s+(?:(?:this|the|your|that|our)\s+)?(?:[\w-]+\s+)?"
    + any_of(*en.HOUSEKEEPING_OBJECTS)
    + r"\b",
    re.IGNORECASE,
)

# "will be dispatched from our warehouse": we act, whatever notice goes with it
_OURS_ACT = re.compile(r"\b(?:from|by)\s+(?:our|us)\b", re.IGNORECASE)
_AUTO_REPLY = re.compile(r"\b" + any_of(*en.AUTO_REPLY_MARKERS), re.IGNORECASE)
_GENERIC_REPLY = re.compile(
    r"^\s*(?:(?:also|then|just|personally)\s+)?" + any_of(*en.GENERIC_REPLIES) + r"\b",
    re.IGNORECASE,
)

_PASS_ON = re.compile(
    r"^\s*(?:(?:definitely|also|then|certainly|just)\s+)*"
    + any_of(*en.PASS_ON_VERBS)
    + r"\s+(?:(?:"
    + "|".join(en.PASS_ON_OBJECTS)
    + r")|the\s+details)"
    + r"(?:\s+(?:on|along|up|over))?\s+(?:to|with)\s+[^.;!?]*[.!]*\s*$",
    re.IGNORECASE,
)
# Someone acting for the customer after the hand-over: "so she can finish the reset".
_ACTS_AFTER = re.compile(
    r"\b(?:so\s+(?:that\s+)?(?:they|he|she|someone|the\s+\w+)\s+can|who\b|now\b|and\s+"
    r"(?!(?:they|he|she)(?:'ll|\s+will)\s+(?:be|love)\b)"
    # a purpose: "to look into it" (not "to the team", "so they know")
    r"|to\s+(?!(?:the|our|my|a|an|your|their|them|him|her|us|know|see|hear|read|consider)\b)[a-z]+"
    # a team that handles the customer's problem
    r"|(?:relevant|appropriate|concerned|right|responsible|specialist|technical|support|"
    r"billing|accounts|claims|complaints|escalations?)\s+(?:[\w-]+\s+)?(?:team|department|"
    r"people|folks|colleagues?))",
    re.IGNORECASE,
)

# The spec's "not a promise" checks, by id, with the reason --explain prints.
CHECKS: dict[str, str] = {
    "condition": "a conditional or offer",
    "policy": "a general policy, not an action for this customer",
    "hedge": "a hope, not a commitment",
    "after-customer-returns": "waits for the customer to send something first",
    "done-now": "done in this very message (now)",
    "customer-acts-first": "waits for the customer to act first",
    "feedback": "passing on feedback",
    "live-exchange": "done in this live exchange (one moment)",
    "done-in-chat": "the agent's next chat turn reports it done ('Done.') or answers it",
    "waits-for-reply": "waits for the customer's reply",
    "question": "a question",
    "answered-check": "a check already answered in the message",
    "auto-reply": "an automatic or out-of-office reply's notice, not an agent's promise",
    "handover-followed": "a hand-over whose next sentence says what comes next (one promise)",
    "necessity": "a necessity with no time, the commitment in the next sentence",
    "monitoring": "watching ('keep an eye on it') with nothing the customer will get",
    "reassurance": "a bare reassurance ('we'll get this sorted!') with nothing named or dated",
    "reported-speech": "words someone said before, quoted, not a promise made now",
    "housekeeping": "closing or marking the ticket, which the customer does not wait for",
    "prevention": "looking into our side so it doesn't recur: the customer waits for nothing",
    "third-party": "a firm outside ours, named beside its role, acts (not us)",
    "automatic": "done automatically by a system, not an action the agent takes",
}


def _waits_for_vacancy(sentence: str, start: int, end: int) -> bool:
    """Does the action in sentence[start:end] wait on a vacancy ("we'll ring you as soon as a
    slot comes up")? Not a firm, dated first action before it: "I'll check with the depot
    on Monday and let you know if a slot comes up"."""
    if not _VACANCY.in_text(sentence, start, end):
        return False
    conjunct = CONJUNCT.search(sentence, start, end)
    return (
        conjunct is None
        or _VACANCY.in_text(sentence, start, conjunct.start())
        or lx.RESULT_TIME.search(sentence, start, conjunct.start()) is None
    )


def rejection(
    sentence: str,
    found: Commitment,
    clause_end: int,
    context: tuple[str, str, str],
    has_due: bool,
) -> str | None:
    """The id (in CHECKS) of the "not a promise" check that drops this clause, or None."""
    earlier, previous, following = context
    prefix = sentence[: found.start]
    clause = sentence[found.start : clause_end]
    verb_phrase = sentence[found.end : clause_end]
    # (the next condition is read on into the next clause: ", if not possible I'll …")
    own = _CLAUSE_BREAK.search(clause, found.end - found.start) or _next_condition(
        sentence, found.start, found.end, clause_end
    )
    own_end = own.start() if own else len(clause)
    # "… and book a technician if it's only your unit": that action alone is conditional.
    own_end = conditional_conjunct(clause, found.end - found.start, own_end) or own_end
    # "…by COB today, and you can switch back if anything looks off", "…, including over the
    # weekend if needed": the condition is on the customer's clause or the added part
    other = _OTHER_CLAUSE.search(clause, found.end - found.start, own_end)
    own_end = other.start() if other else own_end
    if (_has_condition(prefix) and not _REGARDLESS.in_text(clause, 0, own_end)) or _has_condition(
        clause[:own_end], TRAILING_CONDITION
    ):
        return "condition"
    if _waits_for_vacancy(sentence, found.end, clause_end):
        return "condition"  # "we'll ring you as soon as a slot comes up"
    if found.rule in _OTHERS_RULES and outside_acts(sentence, found, earlier + " " + previous):
        return "third-party"
    if _HOUSEKEEPING.match(verb_phrase):
        return "housekeeping"
    if not has_due and found.kind in ("check", "escalate") and _PREVENTION.search(verb_phrase):
        return "prevention"
    if _is_automatic(verb_phrase):
        return "automatic"
    if _reported(prefix, previous):
        return "reported-speech"
    if (
        _POLICY.match(verb_phrase)
        or (found.rule == "present-simple" and _habit(prefix, verb_phrase))
        or (not has_due and _PUBLIC.search(verb_phrase))
        # ("Under our complaints procedure, we aim to …": said before the subject, too)
        or (
            _as_a_rule(found, clause)
            and _POLICY_SOURCE.search(sentence, 0, found.start + own_end) is not None
        )
    ):
        return "policy"
    if HEDGE.in_text(sentence, 0, found.start) or _DISCLAIMER.search(sentence, found.end):
        return "hedge"
    if _AFTER_CUSTOMER_RETURNS.search(sentence, found.end, clause_end) or (
        not has_due and _FROM_RECEIPT.search(verb_phrase)
    ):
        return "after-customer-returns"
    if (
        not has_due
        and _NECESSITY.opening(verb_phrase.lstrip()) is not None
        and _opens_with_commitment(following.lstrip(), sentence)
    ):
        return "necessity"
    if (
        not has_due
        and _NECESSITY.opening(verb_phrase.lstrip()) is not None
        and following.rstrip().endswith("?")
    ):
        return "waits-for-reply"  # "we'll need to move your appointment. Would Tuesday work?"
    if found.kind == "check" and _only_watching(verb_phrase):
        return "monitoring"
    if not has_due and _only_reassuring(verb_phrase):
        return "reassurance"
    handing_over = found.kind == "escalate" and PROGRESSIVE.match(sentence, found.start)
    if not has_due and not handing_over and _done_now(verb_phrase):
        return "done-now"
    if (
        asks_customer(sentence, 0, found.start)
        # ("We can add a seat, kindly DM us the number and we'll assist you there": the
        # request sits inside the span a continued commitment joins)
        or (found.rule == "continued" and asks_customer(sentence, found.start, found.end))
        or _is_request(prefix)
        or _REPLY_FIRST.in_text(
            sentence, found.end, _before_next_timed_clause(sentence, found, clause_end)
        )
        or _DETAILS_FRAGMENT.match(prefix)
    ):
        return "customer-acts-first"
    feedback = _FEEDBACK_OBJECT.match(verb_phrase)
    if (feedback and not _ACTION_REQUEST.search(feedback.group())) or _SHARE_PRONOUN.match(
        verb_phrase
    ):
        return "feedback"
    if not has_due and (
        holds(sentence, found.end)
        or holds(following.lstrip(), at_start=True)
        or (
            lx.LET_ME.match(sentence, found.start)
            and (_BEAR_WITH.search(sentence, found.end) or _BEAR_WITH_ALONE.match(following))
        )
    ):
        return "live-exchange"
    # "we've received your DM and will follow up there": said before the modal, too
    acted = _has_acted(sentence, found.end) or _has_acted(previous)
    if not acted and _dm_meeting(verb_phrase, previous + " " + prefix):
        return "customer-acts-first"
    if (
        has_due
        and not acted
        and (_ON_WHAT_WE_ASKED.match(verb_phrase) or _THEN_BEFORE.search(prefix))
        and asks_customer(earlier if _LIST_MARKER.match(previous) else previous)
    ):
        return "customer-acts-first"  # "1. Please submit the receipts. 2. We'll review them …"
    if not has_due and (
        (not acted and _waits_for_reply(earlier, previous, following))
        or _customer_acts_later(sentence, found.end)
        or (not acted and _TOGETHER.in_text(verb_phrase) and not _MADE.in_text(verb_phrase))
    ):
        return "waits-for-reply"
    waiting = _WAITING.first(sentence, tk.window(tk.tokenise(sentence), 0, found.start))
    if waiting and _OWN_CHECK_DONE.match(sentence, waiting[1]):
        waiting = None  # "Upon checking, your refund has been approved and will be …"
    if waiting and (
        _customer_first(sentence, waiting[1], found.start)
        or _is_request(previous.strip(), whole=True)
    ):
        return "customer-acts-first"
    if sentence.rstrip().endswith("?") and (
        not _separated(sentence, found.end) or _asks(sentence, found.start or clause_end)
    ):
        return "question"
    if found.kind == "escalate":
        # (an idea praised in the sentence before is not passed on when the team reports back
        # to the customer by a stated time: "Good idea. Our SRE team will review your sizing
        # and e-mail you by Friday")
        before = "" if has_due and _BACK_TO_YOU.search(verb_phrase) else _not_theirs(previous)
        this = _not_theirs(sentence)
        if FEEDBACK.search(before + " " + this, tk.joined(before, this)):
            return "feedback"
    if (
        not has_due
        and _PASS_ON.match(verb_phrase)
        and not _ACTS_AFTER.search(verb_phrase)
        and not lx.PRONOUN_COMMITMENT.match(following.lstrip())
    ):
        return "feedback"
    if sentence[found.end :].lstrip().lower().startswith(("make sure", "ensure")) and (
        FEEDBACK.in_text(sentence)
    ):
        return "feedback"
    if _GENERIC_REPLY.match(verb_phrase) and _AUTO_REPLY.search(
        " ".join((earlier, previous, sentence, following))
    ):
        return "auto-reply"
    if (
        found.rule in ("passive-dated", "passive-send")
        and not _OURS_ACT.search(verb_phrase)
        and _AUTO_REPLY.search(" ".join((earlier, previous, sentence, following)))
    ):
        return "auto-reply"  # "Your new card will be mailed within 6 weeks. Do not reply."
    if lx.LET_ME.match(sentence, found.start) and found.kind == "check":
        after = sentence[found.end :]
        if _ANSWERED.search(after + " " + following, tk.joined(after, following)):
            return "answered-check"
    if not has_due and lx.LET_ME.match(sentence, found.start) and _BARE_CHECK.match(verb_phrase):
        return "live-exchange"
    handed = found.rule == "progressive" and found.kind == "escalate" and not has_due
    # (our own next step counts as that one thing only when it reports back on the team's
    # part: "I'll follow up by Thursday with their findings", not "I'll email you the report")
    if handed and (
        _opens_with_commitment(following.lstrip(), sentence, by_others=True)
        or (
            _REPORTS_BACK.search(following) is not None
            and _opens_with_commitment(following.lstrip(), sentence)
        )
    ):
        return "handover-followed"
    # "I will file a dispute." and "Our billing team will investigate …" next: theirs is it
    handing = found.rule == "self" and found.kind == "escalate" and not has_due
    if handing and _opens_with_commitment(following.lstrip(), sentence, by_others=True):
        return "handover-followed"
    if found.kind == "escalate" and not has_due and _reported_next(found, following, sentence):
        return "handover-followed"
    return None


# Looking into our side so that a fault does not recur, or into other customers' cases: "Our
# warehouse team will look into how it was packed, so it doesn't happen again" (the customer
# waits for nothing from it;
# "I'll turn off auto-renew so it won't happen again" fixes the customer's own account).
_PREVENTION = re.compile(
    r"\b(?:so\s+(?:that\s+)?(?:it|this|that)\s+(?:doesn't|does\s+not|won't|will\s+not|never)"
    r"\s+happens?|to\s+(?:prevent|stop|avoid)\s+(?:it|this|that|the\s+same)\s+(?:from\s+)?"
    r"(?:happening|recurring))\s+again\b"
    # a check on other customers' cases, not this one's: "I'm also going to check whether any
    # other accounts lost the discount in the same migration"
    r"|\b(?:any|the|our)\s+other\s+(?:[\w-]+\s+)?(?:customers?|clients?|accounts?|users?|"
    r"members?|subscribers?|households?|properties)\b",
    re.IGNORECASE,
)
# "I'll send it to you tonight, and once you confirm it works I'll get it merged": the wait
# for the customer opens the next clause, with its own commitment.
_NEXT_TIMED_CLAUSE = re.compile(
    r"[,;]\s*(?:and|but)\s+(?=(?:once|when|after|as\s+soon\s+as)\b[^.;!?]{0,60}?"
    r"\b(?:I|we)(?:'ll|\s+will)\b)",
    re.IGNORECASE,
)


# What we do as a habit, not for this customer: "Usually we send personalised items within
# 5 working days", "we normally ship the same day".
_HABIT_WORDS = r"(?:usually|normally|typically|generally|always|often|mostly)"
_HABIT_BEFORE = re.compile(rf"\b{_HABIT_WORDS}\s*,?\s*$", re.IGNORECASE)
_HABIT_AFTER = re.compile(rf"^\s*{_HABIT_WORDS}\b", re.IGNORECASE)


def _habit(prefix: str, verb_phrase: str) -> bool:
    return bool(_HABIT_BEFORE.search(prefix[-30:]) or _HABIT_AFTER.match(verb_phrase))


def _before_next_timed_clause(sentence: str, found: Commitment, clause_end: int) -> int:
    """Where the commitment's own words end before a next clause that opens with its own
    time clause and commitment, or `clause_end`."""
    following = _NEXT_TIMED_CLAUSE.search(sentence, found.end)
    return following.start() if following and following.start() < clause_end else clause_end


def _is_automatic(clause: str) -> bool:
    """Is the action done "automatically" ("We'll attempt the payment again automatically
    on 25 July"), and not something we set up to run so ("I'll set it to renew
    automatically")?"""
    own = _SIMPLE_CLAUSE_END.search(clause)
    simple = clause[: own.start()] if own else clause
    auto = _AUTOMATICALLY.search(simple)
    return auto is not None and not _SET_UP.search(simple, 0, auto.start())


def _reported(prefix: str, previous: str) -> bool:
    """Is the clause inside a quotation that a reporting frame opens ("You were told that
    \"…", "what you said on the phone: \"…, and I'll …"), the frame possibly ending the
    sentence before?"""
    opening = max(prefix.rfind('"'), prefix.rfind("“"))
    if opening < 0 or (prefix.count('"') % 2 == 0 and prefix.count("“") <= prefix.count("”")):
        return False
    frame = prefix[: opening + 1]
    if not frame[:-1].strip():
        frame = previous.rstrip() + " " + frame.strip()
    return _REPORTED.search(frame) is not None


def _only_watching(verb_phrase: str) -> bool:
    """Does the verb phrase watch ("keep an eye on it") with no action for the customer
    joined to it ("… and message you if it's late" is one, even with its condition)?"""
    if _MONITORING.opening(verb_phrase.lstrip()) is None:
        return False
    joined = re.split(r"\band\b|,", verb_phrase)[1:]
    return not any(classify(part) in ("update", "callback", "send", "fix") for part in joined)


def _only_reassuring(verb_phrase: str) -> bool:
    """Is the verb phrase a bare reassurance ("get this sorted for you!", "sort it out 👍",
    "get to the bottom of this"), with nothing named and no action joined after it?"""
    text = verb_phrase.lstrip()
    tokens = tk.tokenise(text)
    if not tokens:
        return False
    ends = _REASSURANCE.ends(text, tokens, 0)
    if not ends or _REASSURANCE_TAIL.match(text, ends[0]) is None:
        return False
    joined = re.split(r"\band\b|,", text[ends[0] :])[1:]
    return not any(classify(part) is not None for part in joined)


def _next_condition(sentence: str, start: int, end: int, clause_end: int) -> re.Match[str] | None:
    """Where a condition opening the next clause starts, as a match on the clause
    `sentence[start:clause_end]` (read on past its end: ", if not possible I'll email")."""
    found = _NEXT_CONDITION.search(sentence, end)
    if found is None or found.start() > clause_end:
        return None
    return _NEXT_CONDITION.search(sentence[start:], end - start)


def _dm_meeting(verb_phrase: str, before: str) -> bool:
    """Is the verb phrase an invitation to meet in a private channel ("meet you in DM";
    "talk there" after a DM was named in `before`)?"""
    meeting = _DM_MEETING.match(verb_phrase)
    if meeting is None:
        return False
    return not meeting["where"].lower().startswith("there") or bool(_DM_MENTION.search(before))


def _as_a_rule(found: Commitment, clause: str) -> bool:
    """Is the clause a passive ("will be credited") or an aim ("our team aim to respond",
    "we'll aim to reply"), the forms a timeline set by policy takes (POLICY_SOURCES)?"""
    if found.rule.startswith("passive"):
        return True
    words = clause.lower().split()[:8]
    return any(w in _AIMS and words[i + 1 : i + 2] == ["to"] for i, w in enumerate(words))


# Words of a next sentence that report back on a hand-over: "… with their findings",
# "once they've looked", "what they find".
_REPORTS_BACK = re.compile(
    r"\b(?:their|they|them|they've|they're|they'll|findings|verdict|outcome)\b", re.IGNORECASE
)

# Rules whose subject is not "I" or "we": someone who may work for another firm.
_OTHERS_RULES = (
    "team",
    "pronoun-staff",
    "contact-handover",
    "named-colleague",
    "subjectless",
    "continued",
)

# What the customer waits for after the team's part: a report back.
_REPORTS = ("update", "callback")


def _reported_next(found: Commitment, following: str, sentence: str) -> bool:
    """ "I've passed it to our Planning team, who'll look at the options. Planning will email
    you a decision in 15 working days.": the next sentence says what the customer waits for
    (after our own hand-over, what the team will do; after the team's part, any report back);
    that one thing is the promise."""
    ours = found.rule in ("self", "progressive")
    after = commitments(following, sentence)
    for i, c in enumerate(after):
        opens = c.kind == "escalate" and c.start <= _OPENING_CHARS
        if not opens and (ours or c.kind not in _REPORTS):
            continue
        end = next((n.start for n in after[i + 1 :] if n.start > c.start), len(following))
        if rejection(following, c, end, ("", sentence, ""), True) is None:
            return True
    return False


# How far into the next sentence its commitment may start and still open it ("One of them
# will", "Marcus from that team will", "Billing will").
_OPENING_CHARS = 30


def _opens_with_commitment(following: str, sentence: str, *, by_others: bool = False) -> bool:
    """ "I'm escalating this to our Tier 3 engineers. They'll email you by Wednesday.": the
    next sentence opens with the commitment the hand-over leads to; the customer waits for
    that one thing, and it is the promise. With `by_others`, only a commitment of a team or
    colleague counts (not the agent's own "I'll call you back in an hour")."""
    return any(
        c.start <= _OPENING_CHARS and not (by_others and c.rule in _OWN_RULES)
        for c in commitments(following, sentence)
    )


# The rules whose subject is the agent ("I", "we") rather than a team or colleague.
_OWN_RULES = frozenset(
    (
        *("self", "continued", "let-me", "progressive", "subjectless", "clipped"),
        "informal-modal",
        *("present-simple", "unlisted-verb", "do-that", "dm-continuing"),
    )
)


def holds(text: str, start: int = 0, *, at_start: bool = False) -> bool:
    """Does a clause of `text` after `start` put the exchange on hold ("…, one moment")?
    With `at_start`, only a clause at the very start of `text` counts."""
    tokens = tk.window(tk.tokenise(text), start)
    return any(_holds_at(text, tokens, j) for j in _clause_starts(text, tokens, start, at_start))


def _clause_starts(
    text: str, tokens: Sequence[tk.Token], start: int, at_start: bool
) -> Iterator[int]:
    """The tokens a clause starts at: the text's first (when read from its start), and
    the one after a separator (",", ":", " - "…) with nothing but spaces between."""
    if start == 0 and tokens and tokens[0].start == 0:
        yield 0
    for j in range(1, len(tokens)):
        mark = tokens[j - 1]
        if at_start and mark.start > 1:
            return
        if mark.text in _SEPARATORS:
            at = mark.start
        elif mark.text == "-" and mark.start > start and text[mark.start - 1].isspace():
            at = mark.start - 1  # " - "
        else:
            continue
        gap = text[mark.end : tokens[j].start]
        if (at == 0 or not at_start) and (not gap or gap.isspace()):
            yield j


def _holds_at(text: str, tokens: Sequence[tk.Token], j: int) -> bool:
    if tokens[j].lower in _HOLD_LEADS:  # "ok, one moment"
        k = j + 1
        if k < len(tokens) and tokens[k].text in (",", "!") and tokens[k].start == tokens[j].end:
            k += 1
        if k >= len(tokens) or not text[tokens[k - 1].end : tokens[k].start].isspace():
            return False
        j = k
    starts = [j]
    if (
        tokens[j].lower == "please"
        and j + 1 < len(tokens)
        and text[tokens[j].end : tokens[j + 1].start].isspace()
    ):
        starts.append(j + 1)
    for at in starts:
        if _HOLD_OPEN.at(text, tokens, at) or _HOLD_WORDS.at(text, tokens, at):
            return True
        end = _HOLD_MOMENTS.at(text, tokens, at)
        if end is not None:
            after = tk.window(tokens, end)
            later = (
                bool(after)
                and text[end : after[0].start].isspace()
                and after[0].lower.startswith(_HOLD_NOT_BEFORE)
            )
            if not later:  # "a minute ago" is the past
                return True
    return False


def _customer_first(sentence: str, start: int, end: int) -> bool:
    """Does the customer act in `sentence[start:end]` ("once you've sent it")?"""
    tokens = tk.window(tk.tokenise(sentence), start, end)
    if _CUSTOMER_FIRST.search(sentence, tokens):
        return True
    return _CUSTOMER_FIRST_OPEN.search(sentence, tokens) and not _OTHER_SOURCES.search(
        sentence, tokens
    )


def _done_now(verb_phrase: str) -> bool:
    """ "transfer you now", "cancel it right now": after the verb phrase's first character
    and on its first line."""
    first = len(verb_phrase) - len(verb_phrase.lstrip())
    tokens = tk.tokenise(verb_phrase)
    for i, token in enumerate(tokens):
        if token.start <= first:
            continue
        if "\n" in verb_phrase[first + 1 : token.start]:
            return False
        end = _DONE_NOW.at(verb_phrase, tokens, i)
        if end is None:
            continue
        if end == token.end and token.lower == "now" and i + 1 < len(tokens):
            after = tokens[i + 1]
            gap = verb_phrase[end : after.start]
            if gap.isspace() and after.lower.startswith(_NOT_NOW_BEFORE):
                continue  # "now that you've sent it"
        return True
    return False


def _separated(sentence: str, start: int) -> bool:
    """Is there a clause separator ("," ";" ":" "–" "—" or " - ") after `start`?"""
    for token in tk.window(tk.tokenise(sentence), start):
        if token.text in _SEPARATORS:
            return True
        spaced = (
            token.start > start
            and sentence[token.start - 1].isspace()
            and sentence[token.end : token.end + 1].isspace()
        )
        if token.text == "-" and spaced:
            return True
    return False


def _ends_on_connector(body: str) -> bool:
    """Does `body` end on "and", "so", ",", "-" … (and nothing but spaces after it)?"""
    tokens = tk.tokenise(body)
    if not tokens:
        return False
    rest = body[tokens[-1].end :]
    return tokens[-1].lower in _CONNECTOR_ENDS and (not rest or rest.isspace())


def _asks(sentence: str, end: int) -> bool:
    """Does `sentence[:end]` open with a question word ("Would you like us to …")?"""
    tokens = tk.window(tk.tokenise(sentence), 0, end)
    return (
        bool(tokens)
        and tokens[0].lower in _QUESTION_STARTS
        and (tokens[0].start == 0 or sentence[: tokens[0].start].isspace())
    )


@lru_cache(maxsize=256)  # the same for every clause of a sentence: read once
def _waits_for_reply(earlier: str, previous: str, following: str) -> bool:
    """A commitment with no time of its own right after we asked the customer for something."""
    if asks_customer(previous) or asks_customer(earlier):
        return True
    if _DETAILS_FRAGMENT.match(previous):
        return True
    if previous.rstrip().endswith("?") and not _YOU.isdisjoint(tk.words(tk.tokenise(previous))):
        return True
    if _COURTESY_INVITE.in_text(following):
        return False  # "Please let me know if you have any questions."
    return asks_customer(following.lstrip(), at_start=True) or _NEXT_REQUEST.in_text(following)


@lru_cache(maxsize=256)
def _has_acted(text: str, end: int | None = None) -> bool:
    """Does `text` (up to `end`) say the customer has already written ("we've got your
    DM")? Not a question ("May we have your number?") nor a future ("once we have your
    details")."""
    if text[:end].rstrip().endswith("?"):
        return False
    folded = tk.fold(text[:end])
    if not any(piece in folded for piece in _SENT_PIECES):
        return False
    tokens = tk.window(tk.tokenise(text), 0, end)
    return any(not _not_yet(text, tokens, at) for at in _acted(text, tokens))


def _acted(text: str, tokens: Sequence[tk.Token]) -> Iterator[int]:
    """The token indexes where "we've got your DM" and the like start, left to right and
    not overlapping (each read on from the end of the one before)."""
    return _starts(tokens, _ACTED_FIRST_WORDS, lambda index: _acted_at(text, tokens, index))


def _acted_at(text: str, tokens: Sequence[tk.Token], index: int) -> int | None:
    """Where "we've got your DM" starting at `tokens[index]` ends, or None."""
    for lead in _ACTED_LEADS.ends(text, tokens, index):
        end = _sent_after(text, tokens, lead)
        if end is not None:
            return end
    return None


def _starts(
    tokens: Sequence[tk.Token], first_words: frozenset[str], end_at: Callable[[int], int | None]
) -> Iterator[int]:
    """The token indexes where a phrase starts (its first word in `first_words`, `end_at`
    its end offset or None), left to right and not overlapping."""
    index = 0
    while index < len(tokens):
        end = end_at(index) if tokens[index].lower in first_words else None
        if end is None:
            index += 1
            continue
        yield index
        while index < len(tokens) and tokens[index].start < end:
            index += 1


def _sent_after(text: str, tokens: Sequence[tk.Token], lead: int) -> int | None:
    """Where "your [photo] screenshots" after the lead (ending at offset `lead`) ends."""
    after = tk.window(tokens, lead)
    if len(after) < 2 or after[0].lower not in _ACTED_WHOSE:
        return None
    if not _spaced(text, lead, after[0]) or not _spaced(text, after[0].end, after[1]):
        return None
    # one other word first ("your order number", "the photo screenshots"), if it fits
    if (
        len(after) > 2
        and after[1].kind in ("word", "number")
        and _spaced(text, after[1].end, after[2])
        and (end := _ACTED_SENT.at(text, after, 2)) is not None
    ):
        return end
    return _ACTED_SENT.at(text, after, 1)


def _spaced(text: str, end: int, token: tk.Token) -> bool:
    return text[end : token.start].isspace()


def _not_yet(text: str, tokens: Sequence[tk.Token], index: int) -> bool:
    """ "once we have your details", "may we have…": a modal or time word right before
    (within 12 characters, as read so far)."""
    if index == 0:
        return False
    before, start = tokens[index - 1], tokens[index].start
    return (
        before.lower in _NOT_YET
        and before.start >= start - 12
        and _spaced(text, before.end, tokens[index])
    )


# "…as soon as they give us a date": someone else, not the customer, acts.
_THIRD_PERSON = tk.Phrases(en.THIRD_PERSON)


def _customer_acts_later(sentence: str, pos: int) -> bool:
    """Does the customer act after `pos` ("we'll look into it once you DM us")? Not our own
    verb right at `pos`: in "we'll reply to this tweet once …" the reply is ours."""
    return any(
        not _THIRD_PERSON.closes(sentence, tk.tokenise(sentence), start, max(pos, start - 30))
        for start in _customer_actions(sentence)
        if start >= pos and sentence[pos:start].strip()
    )


@lru_cache(maxsize=64)  # asked once per clause of the sentence
def _customer_actions(sentence: str) -> tuple[int, ...]:
    tokens = tk.tokenise(sentence)
    return tuple(tokens[i].start for i in _actions(sentence, tokens))


def asks_customer(
    text: str, start: int = 0, end: int | None = None, *, at_start: bool = False
) -> bool:
    """Is the customer asked to act in `text` between `start` and `end` ("DM us", "would
    you mind", "please send")? With `at_start`, only at the very start of `text`."""
    tokens = tk.window(tk.tokenise(text), start, end)
    if at_start:
        return bool(tokens) and tokens[0].start == 0 and _action_at(text, tokens, 0) is not None
    return any(
        _action_at(text, tokens, i) is not None
        for i, token in enumerate(tokens)
        if token.lower in _ACTION_FIRST_WORDS
    )


def _actions(text: str, tokens: Sequence[tk.Token]) -> Iterator[int]:
    """The token indexes where requests to the customer start, left to right and not
    overlapping (each read on from the end of the one before)."""
    return _starts(tokens, _ACTION_FIRST_WORDS, lambda index: _action_at(text, tokens, index))


def _action_at(text: str, tokens: Sequence[tk.Token], index: int) -> int | None:
    """Where a request to the customer starting at `tokens[index]` ends, or None."""
    end = _CUSTOMER_ACTION.at(text, tokens, index)
    if end is not None:
        return end
    for leads, please in ((_ACTION_LEADS, False), (_PLEASE, True)):
        lead = leads.at(text, tokens, index)
        if lead is None:
            continue
        after = tk.window(tokens, lead)
        if not after or after[0].kind not in ("word", "number"):
            continue
        word = after[0]
        if not text[lead : word.start].isspace():
            continue
        if please and (word.lower.startswith(_NOT_REQUESTED) or word.lower in _NOT_REQUESTED_WORDS):
            continue  # "please note", "please be patient"
        if please and _PROHIBITIONS.at(text, after, 0) is not None:
            continue  # "please don't reset it": asked not to act
        return word.end
    return None


def _has_condition(text: str, pattern: re.Pattern[str] = _CONDITION) -> bool:
    return first_condition(text, pattern=pattern) is not None


def _is_request(prefix: str, whole: bool = False) -> bool:
    """Does the clause before a commitment ask the customer to act first?

    "When it's confirmed, get in touch and we'll…": a time clause may come first."""
    greeting = _GREETING.match(prefix)
    body = prefix[greeting.end() :] if greeting else prefix
    if not whole and not _REQUEST.match(body):
        # "We'll hold it until Monday; just reply to confirm and we'll send the form"
        last = _LAST_PART.search(body)
        body = body[last.end() :] if last else body
    if not _REQUEST.match(body):
        lead = _TIME_CLAUSE.match(body)
        if not lead or not _REQUEST.match(body, lead.end()):
            return False
        body = body[lead.end() :]
    return whole or _ends_on_connector(body)
