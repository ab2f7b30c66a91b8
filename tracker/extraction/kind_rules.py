"""The kind of a verb phrase: the first rule in `KIND_RULES` that matches at its start
("call you" is a callback, "get back to you" an update), and the visits ("I'll be round
Friday morning to fit it").

Most rules are read on tokens of the plain phrases of vocab/en.py (`_TOKEN_RULES`, which
find what the patterns they replaced found: tests/extraction/test_token_ports.py); the
others are still regular expressions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Protocol

from tracker.extraction import tokens as tk
from tracker.extraction.lexicon import FLAGS, STAFF, any_of
from tracker.extraction.verb_phrase import after_space
from tracker.extraction.vocab import en
from tracker.kinds import PROMISE_KINDS, PromiseKind

# Kinds, most customer-facing first (their declared order): a sentence with several
# commitments takes the first of these that any of them has.
KIND_PRIORITY = PROMISE_KINDS


_YOU = r"(?:you|u|ya)"
# Up to two complements between a carry-on verb and its place: "on this with you".
_CARRY_ON_BETWEEN = r"(?:\s+" + any_of(*en.CARRY_ON_BETWEEN) + r"){0,2}\s+"
# Carrying on in a named place: "keep helping you over there", "continue to help you in DM"
# (without the place, "we'll continue to help you" is courtesy: verb_phrase.COURTESY).
CARRY_ON_IN_A_PLACE = (
    any_of(*en.CARRY_ON_PLACE_VERBS) + _CARRY_ON_BETWEEN + any_of(*en.CARRY_ON_PLACES)
)
# A state, not a thing sent: "have it available to you".
_STATE = r"(?:available|accessible|visible|possible|known|clear|open|ready|explained|clarified)"
_TEAM_TARGET = (
    r"(?:to|with)\s+(?:(?:our|the|my|a|an|one\s+of\s+our)\s+(?:[\w&*-]+\s+){0,4}?"
    rf"(?:{STAFF}|billing|accounts|support|finance|legal|management|product|engineering|"
    r"developers?|devs|IT|tier\s*\d|level\s*\d|escalations?|back\s*office|head\s+office|"
    r"partners?)"
    r"|(?:engineering|billing|accounts|finance|legal|management|tier\s*\d|level\s*\d|"
    r"(?:second|2nd|third|3rd)[\s-]line|specialists|engineers|developers|devs|IT))"
)


def _words(text: str) -> list[str]:
    return text.split()


_UPDATE_NOUN = (
    r"(?:(?:an?|the|your|my|our)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:update|confirmation|reply|response|answer)s?\b"
)
_ESCALATE_STEMS = any_of(
    *_words(
        "escalat refer transfer flag report submit log loop involv rais pass hand forward push"
    ),
    *_words("send sent put"),
)
_RULES: tuple[tuple[PromiseKind, str], ...] = (
    ("callback", "give you a call"),
    ("callback", "call you"),
    ("callback", "call later"),
    ("callback", "return your call"),
    ("callback", r"(?:make|do|arrange)\s+(?:the|a|your)\s+call[\s-]?back\b"),
    # "I'll make sure you get an answer from the product team"
    ("update", "make sure you get"),
    # "I'll try you again after lunch": another call attempt
    ("callback", "try you again"),
    (
        "check",
        r"(?:(?:follow(?:ing)?[\s-]?up|get\s+in\s+touch|reach\s+out)\s+with\s+"
        r"(?:the|our|their|a|an|my|his|her|them|him)\b"
        rf"|(?:confirm|speak|talk|liaise|check)\s+with\s+(?!{_YOU}\b))",
    ),
    ("check", rf"(?:reach\s+out|write|talk|speak|reach|report\s+back)\s+to\s+(?!{_YOU}\b)"),
    ("update", "get back to you"),
    # non-native "I return to you until tomorrow": I'll get back to you
    ("update", "return to you"),
    # "I'll be back to you by Friday" (not "he'll be back on Monday": he is away)
    ("update", "be back to you"),
    ("update", "check in with you"),
    # "our security team will acknowledge your report within 48 hours": a first answer
    (
        "update",
        r"acknowledge\s+(?:it|this|receipt|your\s+(?:[\w-]+\s+)?(?:report|request|complaint|"
        r"claim|submission|disclosure|application))\b",
    ),
    # "shoot you an email with the quote": a document sent, not news.
    (
        "send",
        rf"(?:drop|pop|flick|shoot|fire|ping|send)\s+(?:{_YOU}\s+)?(?:a|an)\s+(?:quick\s+)?"
        r"(?:e-?mail|message|text|dm)\s+with\s+(?:the|your|a|an|our|my)\s+"
        r"(?!(?:\w+\s+)?(?:update|answer|news|outcome|results?|reply|response)\b)",
    ),
    ("update", "update you"),
    ("update", "message you"),
    (
        "update",
        rf"(?:message|text|dm|ping|e-?mail)\s+{_YOU}\s+(?:(?:an?|the|your|my|our)\s+)?"
        r"(?:[\w-]+\s+){0,2}?(?:update|reply|response|answer)s?\b",
    ),
    (
        "update",
        rf"(?:get|give)\s+{_YOU}\s+(?:(?:an?|the|some|our|my)\s+)?(?:[\w-]+\s+)?"
        r"(?:answer|update|reply|response|news|decision|outcome)s?\b",
    ),
    ("update", "keep you posted"),
    ("update", "let you know"),
    # "We'll keep this thread updated"
    ("update", "keep the thread posted"),
    # "Ill text when im leaving", "We'll tweet here once it's fixed", "will txt Monday"
    (
        "update",
        rf"(?:text|txt|tweet|message|msg|ping|dm|e-?mail)\s+(?:{_YOU}\s+)?(?:"
        r"(?:again\s+)?(?:here|there|back|this\s+(?:channel|thread))\b|the\s+(?:moment|minute|second)\b|"
        r"(?:when|once|as\s+soon\s+as)\b|(?:on\s+)?(?:today|tonight|tomorrow|tmrw|later|"
        r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)\b)",
    ),
    ("check", r"(?:be|get)\s+in\s+(?:touch|contact)\s+with\s+(?!you\b|u\b)"),
    ("update", "be in touch"),
    (
        "update",
        any_of(
            r"touch\s+base",
            r"follow(?:ing)?[\s-]?up",
            r"reach\s+out",
            # (not an undo with its object: "I'll revert it in main tonight" is a fix)
            r"revert(?!\s+(?:it|this|that|them|these|those|the|a|an|my|our|his|her|their)\b)",
            "respond",
            "reply",
            r"(?:circle|loop)\s+back",
            "confirm",
            r"report\s+back",
            # news for a list or thread: "I'll announce the new date on the list next week"
            r"announce",
            # "go through the thread and answer each point"
            r"answer\s+(?:each|every|all|your|the|those|these|any)\s+(?:[\w-]+\s+)?"
            r"(?:points?|questions?|quer(?:y|ies)|concerns?|comments?)",
            rf"contact\s+{_YOU}\b",
            # "a dedicated officer will reach you by Monday" (not goods: "it will reach you");
            # "our team will reach you till Friday / at the earliest" (non-native English)
            rf"reach\s+{_YOU}\s+(?:by\s+(?:phone|e-?mail|sms|text)|on\s+(?:your|or)\b|within|"
            r"(?:by|before|till|until)\s+(?:mon|tue|wed|thu|fri|tomorrow|end|eod|cob)|today|"
            r"tomorrow|shortly|at\s+the\s+earliest)",
            rf"send\s+(?:{_YOU}\s+)?{_UPDATE_NOUN}",
            rf"(?:provide|give|share)\s+(?:{_YOU}\s+(?:with\s+)?)?{_UPDATE_NOUN}",
            rf"(?:drop|pop|flick|shoot|fire|ping)\s+(?:{_YOU}\s+)?(?:a|an)\s+(?:quick\s+)?"
            r"(?:line|note|message|e-?mail|text|dm)",
            r"update\s+(?:this|the|your|our)\s+(?:thread|ticket|case|post|conversation|chat|"
            r"request|email)",
            r"have\s+(?:an?\s+)?(?:(?:full|proper|final|firm|clear|definite)\s+)?"
            r"(?:update|answer|news|response)",
            # after the customer's DM: "we'll answer there", "keep helping you over there"
            r"answer\s+(?:there|here|in\s+(?:dms?|pms?|private|chat))\b",
            # "we'll assist you further via DM": help over a named channel
            rf"(?:help|assist|support)\s+{_YOU}(?:\s+(?:further|out))?\s+(?:via|over|by)\s+"
            r"(?:dm|pm|e-?mail|phone|chat)\b",
            rf"(?:keep|continue)\s+(?:to\s+(?:help|assist|support)|helping|assisting|supporting)"
            rf"\s+{_YOU}\b",
            # after the customer's DM, carrying on in a place: "we'll pick it up with you
            # there", "continue in DM", "keep working on this with you over there", "pick it
            # up on the ticket" ("we'll talk to you there", "chat with you in DM" without the
            # customer's DM is an invitation: guards' customer-acts-first)
            any_of(*en.CARRY_ON_VERBS)
            + _CARRY_ON_BETWEEN
            + any_of(*en.CARRY_ON_PLACES, rf"with\s+{_YOU}\b"),
            CARRY_ON_IN_A_PLACE,
            *en.CARRY_ON_IN_PLACE,
        ),
    ),
    # a change of ours put up for review is the fix on its way, not a hand-over: "I'll open a
    # revert PR tomorrow", "raise a merge request tonight"
    (
        "fix",
        r"(?:open|raise|create|submit|file)\s+(?:a|an|the|my)\s+(?:[\w.+-]+\s+){0,2}?"
        r"(?:PR|MR|pull\s+request|merge\s+request)s?\b",
    ),
    ("escalate", rf"(?:shar|relay)\w*\b[^.;]{{0,60}}?\b{_TEAM_TARGET}\b"),
    ("escalate", rf"{_ESCALATE_STEMS}\w*\b[^.;]{{0,60}}?\b{_TEAM_TARGET}\b"),
    ("escalate", "escalat*"),
    ("escalate", any_of(*en.ESCALATE_VERBS)),
    (
        "escalate",
        r"(?:loop|bring|rope|pull)\s+in\s+(?:(?:our|the|my|a|an|one\s+of\s+our)\s+"
        rf"(?:[\w&-]+\s+){{0,3}}?{STAFF}|(?:someone|somebody|a\s+colleague)\b)",
    ),
    (
        "escalate",
        rf"(?:ask|get|have)\s+(?:(?:our|the|my|a|an|one\s+of\s+our)\s+(?:[\w&-]+\s+){{0,3}}?"
        rf"{STAFF}|(?:someone|somebody|a\s+colleague)(?:\s+(?:from|in|on|at)\s+(?:our|the|my)\s+"
        rf"(?:[\w&-]+\s+){{0,3}}?{STAFF})?)\s+to\b",
    ),
    ("escalate", "open a ticket"),
    ("fix", "send a technician"),
    ("update", "update for you"),
    (
        "send",
        # "have the quote to you tomorrow" (not "have it available to you")
        rf"(?:have|get)\s+(?:(?!{STAFF}\b|{_STATE}\b)[\w£$€-]+\s+){{1,10}}?"
        rf"(?:(?:out|over|sent|back)\s+)?to\s+{_YOU}\b",
    ),
    (
        "send",
        # "have the finished report in your inbox by Monday"
        rf"(?:have|get)\s+(?:(?!{STAFF}\b)[\w£$€-]+\s+){{1,5}}?"
        r"in\s+your\s+(?:inbox|mailbox|e-?mail|hands|account|portal)\b",
    ),
    # news posted to the thread or list: "post an update here", "post results to the list",
    # "post what I find"
    (
        "update",
        r"post\s+(?:(?:an?|the|my|our)\s+)?(?:[\w-]+\s+)?(?:update|reply|response|result|"
        r"finding|answer|outcome)s?\b|post\s+what\s+(?:I|we)\s+find",
    ),
    ("send", r"(?:have|get|put|pop|stick)\s+[^.;]{0,50}?\bin\s+the\s+(?:post|mail)\b"),
    ("send", "message you the"),
    # "sort that refund", "proceed with the credit": money for the customer is sent.
    (
        "send",
        r"(?:sort(?:\s+out)?|proceed(?:\s+with)?|action|handle|process|deal\s+with|organi[sz]e|"
        r"take\s+care\s+of|get)\s+(?:out\s+)?(?:(?:the|a|an|your|that|this|their|with)\s+)?"
        r"(?:[\w£$€.,-]+\s+){0,2}?(?:refunds?|credits?|reimbursements?|compensation|payments?|"
        r"payouts?|vouchers?|replacements?|goodwill|cashback)\b",
    ),
    ("send", en.MONEY_ADDED),
    ("send", "send verbs"),
    ("fix", "fix verbs"),
    ("check", "check verbs"),
    # "call the hotel" is a check; "call it a day" is nothing.
    ("check", "call someone"),
)
# "I'll be round Friday morning to fit it", "our technician will come on Monday".
VISIT = re.compile(any_of(*en.VISIT_VERBS) + r"\b", FLAGS)
VISIT_WITH_TIME = re.compile(any_of(*en.VISIT_WITH_TIME) + r"\b", FLAGS)
VISIT_PURPOSE = re.compile(r"[^.;!?]{0,60}?\b(?:to|and)\s+(?=[a-z])", FLAGS)
VISIT_TIME = re.compile(
    r"\s+(?:on\s+or\s+before\s+|on\s+|at\s+|by\s+|between\s+|before\s+|after\s+|around\s+|about\s+|this\s+|"
    r"next\s+|in\s+the\s+|first\s+thing\s+|early\b|later\b)?"
    r"(?:tomorrow|tmrw|tmr|2moro|today|tonight|\d|"
    + "|".join(dict.fromkeys(day[:3] for day in en.WEEKDAYS))
    + r"|morning|afternoon|evening|week|noon|midday|"
    + any_of(*dict.fromkeys(month[:3] for month in en.MONTHS))
    + r"\w*)",
    FLAGS,
)


class KindRule(Protocol):
    def match(self, text: str, pos: int = 0, /) -> object: ...


_WORD_AT = re.compile(r"\w+")
# The first word of the verb phrase last read, and the tokens opening it: classify() tries
# every rule on one phrase.
_last_word: tuple[str, int, str | None] = ("", -1, None)


def _first_word(text: str, pos: int) -> str | None:
    """The word at `pos` (all of it from there), as tokens compare it; None if none."""
    global _last_word
    last, at, word = _last_word  # one read of the global: another thread may replace it
    if at == pos and last is text:
        return word
    found = _WORD_AT.match(text, pos)
    if found is None:
        word = None
    else:
        word = found.group()
        word = word.lower() if word.isascii() else tk.fold(word)
    _last_word = (text, pos, word)
    return word


_READ = 16
_last_read: tuple[str, tuple[tk.Token, ...]] = ("", ())


def _leading(text: str, count: int) -> tuple[tk.Token, ...]:
    """The first `count` (at most _READ) tokens of `text`."""
    global _last_read
    last, tokens = _last_read  # one read of the global: another thread may replace it
    if last != text:
        tokens = tk.leading(text, _READ)
        _last_read = (text, tokens)
    return tokens[:count]


class _Opening:
    """A kind rule read on tokens: the verb phrase at `pos` opens with one of `phrases`,
    or one of `open_phrases` (their last word may run on: "posted" reads "postedx", as
    the pattern had no closing `\\b`), or (`prefix`) with a word beginning so
    ("escalated", "escalation"). With `accept`, only a phrase whose end it accepts (given
    the text from the verb phrase's start and the end's offset in it) counts."""

    def __init__(
        self,
        phrases: Sequence[str] = (),
        prefix: str = "",
        *,
        open_phrases: Sequence[str] = (),
        accept: Callable[[str, int], bool] | None = None,
    ) -> None:
        self._phrases = tk.Phrases(phrases)
        self._open = tk.Phrases(open_phrases, open_end=True)
        self._prefix = tk.fold(prefix)
        self._accept = accept
        # most verb phrases open with none of the rule's first words: read no further
        self._first_words = self._phrases.first_words() | {
            tk.tokenise(p)[0].lower for p in open_phrases
        }
        longest = max((len(tk.tokenise(p)) for p in (*phrases, *open_phrases)), default=0)
        self._count = 1 + longest
        if self._count > _READ:
            raise ValueError(f"a phrase longer than {_READ - 1} tokens")

    def match(self, text: str, pos: int = 0, /) -> bool:
        word = _first_word(text, pos)  # the rules open with a word, at once
        if word is None:
            return False
        if self._prefix:
            return word.startswith(self._prefix)
        if word not in self._first_words:
            return False
        rest = text[pos:]
        tokens = _leading(rest, self._count)
        ends = self._phrases.ends(rest, tokens, 0) + self._open.ends(rest, tokens, 0)
        if self._accept is not None:
            return any(self._accept(rest, end) for end in ends)
        return bool(ends)


class _Either:
    """A kind rule that is either of two rules (the alternatives of one pattern)."""

    def __init__(self, first: KindRule, second: KindRule) -> None:
        self._first, self._second = first, second

    def match(self, text: str, pos: int = 0, /) -> bool:
        return bool(self._first.match(text, pos) or self._second.match(text, pos))


def _no_apostrophe(rest: str, end: int) -> bool:
    """ "the technician" but not "the technician's report"."""
    return rest[end : end + 1] != "'"


def _punctuation_or_end(rest: str, end: int) -> bool:
    """ "I'll call." / "I'll call, then…" / "I'll call" ending the text (or its last line)."""
    after = rest[end:]
    stripped = after.lstrip()
    return after in ("", "\n") or stripped[:1] in (".", "!", ",")


def _space_to_end(rest: str, end: int) -> bool:
    """ "we'll get back " ending the text: nothing but whitespace after."""
    return rest[end:].isspace()


def _not_before(phrases: Sequence[str]) -> Callable[[str, int], bool]:
    """Accepts an end not followed by whitespace and one of `phrases` ("call" but not
    "call it a day")."""
    vetoes = tk.Phrases(phrases)
    count = 1 + max(len(tk.tokenise(p)) for p in phrases)

    def accept(rest: str, end: int) -> bool:
        after = after_space(rest, end)
        if after == end or not rest[after : after + 1].isalnum():
            return True
        following = rest[after:]
        return vetoes.at(following, tk.leading(following, count), 0) is None

    return accept


# Rules read on tokens (vocab/en.py), by the name _RULES gives them; the others stay
# patterns.
_TOKEN_RULES: dict[str, KindRule] = {
    "give you a call": _Opening(en.GIVE_A_CALL),
    "call you": _Opening(en.CALL_YOU),
    "return your call": _Opening(en.RETURN_A_CALL),
    "make sure you get": _Opening(en.MAKE_SURE_YOU_GET),
    "try you again": _Opening(en.TRY_YOU_AGAIN),
    "return to you": _Opening(en.RETURN_TO_YOU),
    "be back to you": _Opening(en.BE_BACK_TO_YOU),
    "check in with you": _Opening(en.CHECK_IN_WITH_YOU),
    "keep you posted": _Opening(open_phrases=en.KEEP_POSTED_OPEN),
    "let you know": _Opening(en.LET_YOU_KNOW),
    "keep the thread posted": _Opening(open_phrases=en.KEEP_THREAD_POSTED_OPEN),
    "be in touch": _Opening(en.IN_TOUCH),
    "escalat*": _Opening(prefix="escalat"),
    "open a ticket": _Opening(en.OPEN_A_TICKET),
    "send a technician": _Opening(en.SEND_A_TECHNICIAN, accept=_no_apostrophe),
    "call later": _Either(
        _Opening(en.CALL_LATER), _Opening(en.CALL_VERBS, accept=_punctuation_or_end)
    ),
    "get back to you": _Either(
        _Opening(en.GET_BACK_TO_YOU, open_phrases=en.GET_BACK_SOON_OPEN),
        _Opening(en.GET_BACK, accept=_space_to_end),
    ),
    "update you": _Opening(en.UPDATE_YOU, open_phrases=en.TELL_YOU_WHEN_OPEN),
    "message you": _Opening(en.MESSAGE_YOU, accept=_not_before(en.NOT_NEWS_AFTER)),
    "update for you": _Opening(en.UPDATE_FOR_YOU),
    "message you the": _Opening(en.MESSAGE_YOU_THE),
    "call someone": _Opening(en.CALL_SOMEONE, accept=_not_before(en.NOT_CALLED)),
    # the action verbs by kind: plain words as tokens, the rest patterns (vocab/en.py)
    "send verbs": _Either(
        _Opening((*en.SEND_VERBS, *en.FLICK_OVER)),
        re.compile(
            any_of(
                *en.SEND_VERB_PATTERNS,
                rf"(?:get|give|offer)\s+{_YOU}\s+(?:an?|the|your|some|\d|[$£€])",
                r"put\b[^.]{0,40}\bin\s+the\s+post",
            )
            + r"\b",
            FLAGS,
        ),
    ),
    "fix verbs": _Either(
        _Opening((*en.FIX_VERBS, *en.GET_IT_SORTED)),
        re.compile(any_of(*en.FIX_VERB_PATTERNS) + r"\b", FLAGS),
    ),
    "check verbs": _Either(
        _Opening(en.CHECK_VERBS), re.compile(any_of(*en.CHECK_VERB_PATTERNS) + r"\b", FLAGS)
    ),
}
KIND_RULES: tuple[tuple[PromiseKind, KindRule], ...] = tuple(
    (kind, _TOKEN_RULES.get(pattern) or re.compile(pattern, FLAGS)) for kind, pattern in _RULES
)
