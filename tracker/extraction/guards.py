"""The spec's "not a promise" rules, applied to one committing clause of a sentence.

Negations and courtesy are dropped while the verb phrase is read (detect.py); what
is left is decided here: conditions and offers, hedges, waiting for the customer
(requests, questions, items the customer must return first), passing on feedback,
actions done in this very message, and checks already answered in the message.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.extraction import lexicon as lx
from tracker.extraction.detect import (
    TRAILING_CONDITION,
    Commitment,
    conditional_conjunct,
    first_condition,
)
from tracker.extraction.vocab import en


def _any(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


_CONDITION = re.compile(
    r"\b" + _any(*en.CONDITIONS) + r"\b"
    # "Should the parcel not arrive by Friday, I'll…": an inverted condition.
    r"|(?:^|[,;:\-–]\s*)(?:should|were|had)\s+(?:the|it|this|that|your|you|we|there|any)\b",
    re.IGNORECASE,
)


# "I'll ring you tomorrow, and if I can't get through I'll leave a voicemail": the
# condition opens the next clause.
_NEXT_CONDITION = re.compile(
    r"(?:[,;]\s*(?:and|but)\s+|\s(?:and|but)\s*,\s*)(?=if\b|unless\b)", re.IGNORECASE
)
# "I'll chase the hotel if they haven't replied, and I'll let you know either way": the
# earlier condition does not reach a commitment that holds whatever happens.
_REGARDLESS = re.compile(
    r"\b(?:either\s+way|regardless|in\s+any\s+case|whatever\s+happens|no\s+matter\s+what)\b",
    re.IGNORECASE,
)

# "We aim to resolve all complaints within 8 weeks": what we do for everyone.
_POLICY = re.compile(
    r"^\s*(?:\w+\s+){1,2}?(?:all|every|any)\s+(?:\w+\s+)?(?:complaints?|orders?|cases?|requests?|"
    r"customers?|tickets?|claims?|enquiries|enquiry|inquiries|inquiry|queries|query|emails?|"
    r"messages?|refunds?|returns?)\b",
    re.IGNORECASE,
)


# "…, and please do ring us if anything changes": a new clause asking the customer.
_CLAUSE_BREAK = re.compile(
    r"[,;]\s*(?:and\s+|but\s+|or\s+)?(?:please|kindly|pls|do\s+feel|feel\s+free)\b", re.I
)

# The tail of a request split over two tweets: "(2/2) email address and phone number. We'll
# look into it", ">> your booking number, we'll see what we can do".
_DETAILS_FRAGMENT = re.compile(
    r"^\s*(?:@\w+\s+)*(?:>>+\s*|\(?\d\s*(?:/\s*\d)?\s*[:).]\s*|(?=[a-z]))"
    r"[^.!?]{0,120}?\b(?:address|number|postcode|zip|reference|details|name|id|version|model)\b"
    r"[^.!?]{0,60}?(?:[.,]|\band\s*$|$)",
)

# "…within 2 days after the item arrives at our warehouse": the customer returns it first.
_AFTER_CUSTOMER_RETURNS = re.compile(
    r"\b(?:after|once|when|as\s+soon\s+as|upon)\s+(?:(?:we|I)\s+(?:receive|get|have)\s+(?:your\b|the\b"
    # "once we have the update from our warehouse": news for us, not the customer's goods
    r"(?!\s+(?:[\w-]+\s+)?(?:update|answer|news|response|reply|decision|outcome|results?|"
    r"approval|go-ahead)s?\b))|"
    r"(?:the|your)\s+(?:\w+\s+)?(?:item|items|parcel|package|device|return|product|unit|goods|"
    r"documents?|forms?|paperwork)\s+(?:arrives?|is\s+received|reaches|gets?\s+back|is\s+back|"
    r"(?:has\s+)?arrived|comes?\s+back))",
    re.IGNORECASE,
)

# "I'll transfer you now", "I'm going to cancel it for you right now": done in this message.
_IMMEDIATE = re.compile(r"^\s*\S.*?\b(?:right\s+now|now(?!\s+that)|as\s+we\s+speak)\b", re.I)

_WAITING = re.compile(r"\b(?:once|when|after|as\s+soon\s+as|upon|on\s+receipt)\b", re.IGNORECASE)

_CUSTOMER_FIRST = re.compile(
    r"\b(?:you|your|you've|you're)\b|\breceiv|\bget\s+(?:the|your)\b|\bhear\s+(?:back\s+)?from\s+you",
    re.IGNORECASE,
)

_GREETING = re.compile(
    r"^\s*(?:(?:@\w+\s*)+)?(?:(?:hi|hey|hello|dear|morning|afternoon|evening|good\s+(?:morning|"
    r"afternoon|evening)|thanks|thank\s+you|ok|okay|sure|no\s+problem|great)\b[^,\-–—!:.]{0,40}"
    r"[,\-–—!:.]\s*)?",
    re.IGNORECASE,
)

_REQUEST = re.compile(
    "(?:" + _any(*en.REQUEST_LEADS) + r"\s+)*" + _any(*en.REQUEST_VERBS) + r"\b", re.IGNORECASE
)

# "When it's confirmed, ", "Once you're home, ": the time of the request that follows.
_TIME_CLAUSE = re.compile(
    r"\s*(?:when|whenever|once|after|as\s+soon\s+as|next\s+time|before)\b[^,;.!?]{1,80}[,;]\s*",
    re.IGNORECASE,
)

_CONNECTOR_END = re.compile(r"(?:\band|\bthen|\bso|&|,|-|–|—|:|\bwhere)\s*$", re.IGNORECASE)

_SEPARATOR = re.compile(r"[,;:–—]|\s-\s")

_QUESTION_START = re.compile(
    r"^\s*(?:would|could|shall|should|can|do|does|did|is|are|will|may|might)\b", re.IGNORECASE
)

_FEEDBACK = re.compile(r"\b" + _any(*en.FEEDBACK_WORDS) + r"\b", re.IGNORECASE)

_ANSWERED = re.compile(
    r"\b(?:I\s+can\s+see|I\s+see\s+(?:that|the|your|it)|it\s+(?:looks|appears|seems)|"
    r"(?:it|this|that)\s+shows|according\s+to|I've\s+(?:checked|looked)|I\s+(?:checked|looked)|"
    r"(?:was|has\s+been|were|have\s+been)\s+(?:credited|processed|sent|delivered|shipped|"
    r"refunded|issued|approved|cancell?ed))\b",
    re.IGNORECASE,
)

_HEDGE = re.compile(r"\b" + _any(*en.HEDGES) + r"\b", re.IGNORECASE)
_DISCLAIMER = re.compile(r"\b" + _any(*en.DISCLAIMERS) + r"\b", re.IGNORECASE)
_PUBLIC = re.compile(r"\b" + _any(*en.PUBLIC_CHANNELS) + r"\b", re.IGNORECASE)

# The customer has to act first: "DM us your order number and we'll look into it".
_CUSTOMER_ACTION = re.compile(r"\b" + _any(*en.CUSTOMER_ACTIONS) + r"\b", re.IGNORECASE)

# Asking the customer something in the sentence before: what follows waits for the answer.
_QUESTION_TO_CUSTOMER = re.compile(r"\?\s*$")

_YOU = re.compile(r"\b(?:you|your|u|ur)\b", re.IGNORECASE)

# A live chat or DM that goes on at once: "Let me see what I can do. One moment, please."
_HOLD = re.compile(
    r"(?:^|[,;:–—]\s*|\s-\s*)(?:ok(?:ay)?[,!]?\s+)?(?:please\s+)?(?:"
    r"(?:just\s+)?(?:one|a|1)\s+(?:moment|mo|sec|second|minute|min)\b(?!\s+(?:ago|later))"
    r"|give\s+(?:me|us)\s+(?:a|one|two|a\s+few|\d+)\s+(?:moments?|minutes?|mins?|secs?|seconds?)"
    r"|stay\s+(?:on\s+(?:the\s+)?(?:chat|line|call|phone)|online|connected)\b"
    r"|hold\s+on|hang\s+on|(?:please\s+)?hold(?:\s+the\s+line)?\b|be\s+right\s+back|brb"
    # "bear with me 2 mins" (a plain "please bear with us" in an e-mail is no live exchange)
    r"|bear\s+with\s+(?:me|us)\s+(?:a|one|1|2|two|a\s+few|\d+)\s+(?:moments?|minutes?|mins?|secs?|seconds?)\b"
    r"|(?:I|we)\s+won't\s+be\s+(?:a\s+)?(?:moment|minute|sec|second|long))",
    re.IGNORECASE,
)

# In a chat, "Let me check that for you, bear with me": the check is done while the
# customer waits, in the same exchange.
_BEAR_WITH = re.compile(r"[,;:–—]\s*(?:please\s+)?bear\s+with\s+(?:me|us)\b", re.IGNORECASE)
# "Let me check that for you real quick.", "let me ask": a check with nothing named to
# check, no time and nothing to follow, is what the agent does next in the exchange.
_BARE_CHECK = re.compile(
    r"^\s*(?:just\s+)?(?:check|look|ask|see|take\s+a\s+(?:quick\s+)?look|have\s+a\s+(?:quick\s+)?look)"
    r"(?:\s+(?:that|this|it))?(?:\s+for\s+(?:you|u))?(?:\s+(?:real\s+)?quick(?:ly)?)?\s*[.…!]*\s*$",
    re.IGNORECASE,
)

# The customer has already written: "We have your DM now and we'll pick it up there".
_ALREADY_ACTED = re.compile(
    r"\b(?:(?:we|I)(?:'ve|\s+have)?\s+(?:got|received|have|seen|read|see)|(?:got|received)|"
    r"thanks?(?:\s+you)?\s+for(?:\s+sending)?)\s+(?:your|the)\s+(?:\w+\s+)?"
    r"(?:dm|dms|d\.m\.|direct\s+messages?|pm|messages?|e-?mails?|details|info|information|"
    r"reply|response|photos?|pictures?|screenshots?|order\s+number|number)\b",
    re.IGNORECASE,
)

_TOGETHER = re.compile(r"\b(?:together|from\s+there|with\s+you\s+there)\b", re.IGNORECASE)

_NEXT_REQUEST = re.compile(
    r"\b(?:dm|direct\s+message|send\s+(?:us|me)|(?:please|kindly|pls)\s+(?:send|provide|share|"
    r"reply|attach|upload|dm)|can\s+you\s+(?:send|provide|share|dm))\b",
    re.IGNORECASE,
)

_FEEDBACK_OBJECT = re.compile(
    r"^\s*(?:(?:be\s+sure\s+to|make\s+sure\s+to|definitely|also|certainly)\s+)*"
    + _any(*en.FEEDBACK_VERBS)
    + r"\w*\s+(?:(?:on|along|over)\s+)?(?:(?:this|that|it|these|them|your|the|ur|all|any|such)\s+)?"
    # the feedback word heads the object ("the certificate of interest" is a document)
    r"(?:(?!(?:of|for|about|with|from|to|on|in)\b)\w+\s+){0,2}?"
    + _any(*en.FEEDBACK_OBJECTS)
    + r"\b",
    re.IGNORECASE,
)

_SHARE_PRONOUN = re.compile(
    r"^\s*(?:(?:be\s+sure\s+to|make\s+sure\s+to|definitely|also|certainly)\s+)*"
    r"(?:share|relay)\w*\s+(?:this|that|it|these|them|those)\b",
    re.IGNORECASE,
)


_AUTO_REPLY = re.compile(r"\b" + _any(*en.AUTO_REPLY_MARKERS), re.IGNORECASE)
_GENERIC_REPLY = re.compile(
    r"^\s*(?:(?:also|then|just|personally)\s+)?" + _any(*en.GENERIC_REPLIES) + r"\b", re.IGNORECASE
)

_PASS_ON = re.compile(
    r"^\s*(?:(?:definitely|also|then|certainly|just)\s+)*"
    + _any(*en.PASS_ON_VERBS)
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
    "waits-for-reply": "waits for the customer's reply",
    "question": "a question",
    "answered-check": "a check already answered in the message",
    "auto-reply": "an automatic or out-of-office reply's notice, not an agent's promise",
}


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
    own = _CLAUSE_BREAK.search(clause, found.end - found.start) or _NEXT_CONDITION.search(
        clause, found.end - found.start
    )
    own_end = own.start() if own else len(clause)
    # "… and book a technician if it's only your unit": that action alone is conditional.
    own_end = conditional_conjunct(clause, found.end - found.start, own_end) or own_end
    if (_has_condition(prefix) and not _REGARDLESS.search(clause, 0, own_end)) or _has_condition(
        clause[:own_end], TRAILING_CONDITION
    ):
        return "condition"
    if _POLICY.match(verb_phrase) or (not has_due and _PUBLIC.search(verb_phrase)):
        return "policy"
    if _HEDGE.search(prefix) or _DISCLAIMER.search(sentence, found.end):
        return "hedge"
    if _AFTER_CUSTOMER_RETURNS.search(sentence, found.end, clause_end):
        return "after-customer-returns"
    handing_over = found.kind == "escalate" and lx.PROGRESSIVE.match(sentence, found.start)
    if not has_due and not handing_over and _IMMEDIATE.match(verb_phrase):
        return "done-now"
    if _CUSTOMER_ACTION.search(prefix) or _is_request(prefix) or _DETAILS_FRAGMENT.match(prefix):
        return "customer-acts-first"
    if _FEEDBACK_OBJECT.match(verb_phrase) or _SHARE_PRONOUN.match(verb_phrase):
        return "feedback"
    if not has_due and (
        _HOLD.search(sentence, found.end)
        or _HOLD.match(following.lstrip())
        or (lx.LET_ME.match(sentence, found.start) and _BEAR_WITH.search(sentence, found.end))
    ):
        return "live-exchange"
    acted = _has_acted(prefix) or _has_acted(previous)
    if not has_due and (
        (not acted and _waits_for_reply(earlier, previous, following))
        or _customer_acts_later(sentence, found.end)
        or (not acted and _TOGETHER.search(verb_phrase))
    ):
        return "waits-for-reply"
    waiting = _WAITING.search(prefix)
    if waiting and (
        _CUSTOMER_FIRST.search(prefix, waiting.end()) or _is_request(previous.strip(), whole=True)
    ):
        return "customer-acts-first"
    if sentence.rstrip().endswith("?") and (
        not _SEPARATOR.search(sentence, found.end) or _QUESTION_START.match(prefix or clause)
    ):
        return "question"
    if found.kind == "escalate" and _FEEDBACK.search(previous + " " + sentence):
        return "feedback"
    if (
        not has_due
        and _PASS_ON.match(verb_phrase)
        and not _ACTS_AFTER.search(verb_phrase)
        and not lx.PRONOUN_COMMITMENT.match(following.lstrip())
    ):
        return "feedback"
    if sentence[found.end :].lstrip().lower().startswith(("make sure", "ensure")) and (
        _FEEDBACK.search(sentence)
    ):
        return "feedback"
    if (
        found.kind in ("update", "escalate")
        and _GENERIC_REPLY.match(verb_phrase)
        and _AUTO_REPLY.search(" ".join((earlier, previous, sentence, following)))
    ):
        return "auto-reply"
    if (
        lx.LET_ME.match(sentence, found.start)
        and found.kind == "check"
        and _ANSWERED.search(sentence[found.end :] + " " + following)
    ):
        return "answered-check"
    if not has_due and lx.LET_ME.match(sentence, found.start) and _BARE_CHECK.match(verb_phrase):
        return "live-exchange"
    return None


@lru_cache(maxsize=256)  # the same for every clause of a sentence: read once
def _waits_for_reply(earlier: str, previous: str, following: str) -> bool:
    """A commitment with no time of its own right after we asked the customer for something."""
    if _CUSTOMER_ACTION.search(previous) or _CUSTOMER_ACTION.search(earlier):
        return True
    if _DETAILS_FRAGMENT.match(previous):
        return True
    if _QUESTION_TO_CUSTOMER.search(previous) and _YOU.search(previous):
        return True
    return bool(_CUSTOMER_ACTION.match(following.lstrip()) or _NEXT_REQUEST.search(following))


_MODAL_BEFORE = re.compile(
    r"\b(?:may|can|could|will|would|shall|should|do|did|once|when|after|if)\s+$", re.IGNORECASE
)


@lru_cache(maxsize=256)
def _has_acted(text: str) -> bool:
    """Does `text` say the customer has already written ("we've got your DM")? Not a
    question ("May we have your number?") nor a future ("once we have your details")."""
    if text.rstrip().endswith("?"):
        return False
    return any(
        not _MODAL_BEFORE.search(text, max(0, m.start() - 12), m.start())
        for m in _ALREADY_ACTED.finditer(text)
    )


# "…as soon as they give us a date": someone else, not the customer, acts.
_THIRD_PERSON_BEFORE = re.compile(r"\b(?:they|he|she|it|the\s+\w+)\s+$", re.IGNORECASE)


def _customer_acts_later(sentence: str, pos: int) -> bool:
    return any(
        not _THIRD_PERSON_BEFORE.search(sentence, max(pos, start - 30), start)
        for start in _customer_actions(sentence)
        if start >= pos
    )


@lru_cache(maxsize=64)  # asked once per clause of the sentence
def _customer_actions(sentence: str) -> tuple[int, ...]:
    return tuple(m.start() for m in _CUSTOMER_ACTION.finditer(sentence))


def _has_condition(text: str, pattern: re.Pattern[str] = _CONDITION) -> bool:
    return first_condition(text, pattern=pattern) is not None


def _is_request(prefix: str, whole: bool = False) -> bool:
    """Does the clause before a commitment ask the customer to act first?

    "When it's confirmed, get in touch and we'll…": a time clause may come first."""
    greeting = _GREETING.match(prefix)
    body = prefix[greeting.end() :] if greeting else prefix
    if not _REQUEST.match(body):
        lead = _TIME_CLAUSE.match(body)
        if not lead or not _REQUEST.match(body, lead.end()):
            return False
        body = body[lead.end() :]
    return whole or bool(_CONNECTOR_END.search(body))
