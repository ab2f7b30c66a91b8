"""Is this sentence a promise, and of which kind?

The grammar: a committing subject (I, we, a team of ours) with a future modal
("'ll", "will", "am going to"), or "let me …", "you'll hear from us", or an
escalation in the present progressive ("I'm passing this to billing"), followed
by an action verb from the lexicon. Guards (guards.py) then drop what the spec says is not a
promise: negations, courtesy, conditions, waiting for the customer, questions,
passing on feedback and checks already answered in the message.

The subjects and modals are read by lexicon.py (and present_tense.py: "I'm sending"),
the opening of the verb phrase by verb_phrase.py and its kind by kind_rules.py, partly
as tokens of the sentence (tokens.py: "I'll", "they will", most kind rules), partly as
patterns over its text (a team of ours, passives); word lists read at a place in it
("you'll get a credit note from us", "I'm sending it now", "arrange for …") are tokens
too, which detect, guards and features share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from tracker.extraction import lexicon as lx
from tracker.extraction import tokens as tk
from tracker.extraction.dm import dm_commitments
from tracker.extraction.goods import goods_leaving, item_then_ships
from tracker.extraction.kind_rules import (
    CARRY_ON_IN_A_PLACE,
    KIND_PRIORITY,
    KIND_RULES,
    VISIT,
    VISIT_PURPOSE,
    VISIT_TIME,
    VISIT_WITH_TIME,
)
from tracker.extraction.lemmas import lemma, participle_kind, word_kind
from tracker.extraction.present_tense import (
    ESCALATING_STEMS,
    HABITUAL,
    PRESENT_COMMITMENT,
    PROGRESSIVE,
    TEAM_PROGRESSIVE,
)
from tracker.extraction.time_asked import time_asked
from tracker.extraction.unlisted import unlisted_action
from tracker.extraction.verb_phrase import EFFORT, HAVE_GET, adverbs_end, courtesy_at, negated_at
from tracker.extraction.vocab import en
from tracker.kinds import PromiseKind

# What "you'll get … from us" names (vocab/en.py), read as tokens.
_SENT_THINGS = tk.Phrases(en.SENT_THINGS)
_NEWS = tk.Phrases(en.NEWS_WORDS)
_CALL = tk.Phrases(en.CALL_WORDS)
_AUTOMATED = tk.Phrases(en.AUTOMATED_NOTICES)
_MACHINE = re.compile(r"\b(?:automated|automatic|system|auto-?generated)\b", re.IGNORECASE)
_NOT_DELIVERED = tk.Phrases(en.NOT_DELIVERED)
# "I can confirm a cheque will be posted to you today": the agent vouches for the dispatch.
_CONFIRMED = tk.Phrases(en.CONFIRMED)
_CONTACT_RULES = tuple((k, r) for k, r in KIND_RULES if k in ("callback", "update"))
_ARRANGE_FOR = tk.Phrases(en.ARRANGE_FOR)
_RIGHT_NOW = tk.Phrases(en.RIGHT_NOW)
_MAKE_SURE = tk.Phrases(en.MAKE_SURE)
_HAVE_RESULT = tk.Phrases(en.HAVE_RESULTS)
_HAVE_OBJECT_WORDS = 6  # "have [the spare parts list] ready", "have [it] back up"
_REFUND_SENT = tk.Phrases(en.REFUND_ALREADY_SENT)
# How money reaches the customer's account ("will be credited / reversed within 7 days").
_MONEY_MOVED = frozenset(
    ("credited", "reversed", "refunded", "returned", "transferred", "reimbursed")
)
_WEEKDAY_STARTS = frozenset(day[:3] for day in en.WEEKDAYS)
_MONTH_STARTS = frozenset(month[:3] for month in en.MONTHS)
_PASSIVE_MODALS = frozenset(en.PASSIVE_MODALS)
_PASSIVE_ADVERBS = frozenset(en.PASSIVE_ADVERBS)
_AGAIN_PREFIXES = frozenset(p for p in en.AGAIN_PREFIXES if p.endswith("-"))
_PASSIVE_KINDS = frozenset(en.PASSIVE_KINDS)
_PASSIVE_STATES = frozenset(en.PASSIVE_STATES)
_BARE_PARTICIPLES = frozenset(en.BARE_PARTICIPLES)
_EVENT_OPENER = re.compile(
    r"\b(?:" + "|".join(o.replace(" ", r"\s+") for o in en.PRESENT_EVENT_OPENERS) + r")\s+\w",
    re.IGNORECASE,
)
_PASSIVE_BY_OURS = frozenset(en.PASSIVE_BY_OURS)
_SUBJECT_BREAKS = frozenset(en.SUBJECT_BREAKS)
_NOTED = tk.Phrases(en.NOTED)
_SPECIFIC_SUBJECTS = frozenset(en.SPECIFIC_SUBJECTS)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# "… by our designer and sent to you": a participle coordinated after a passive's agent
_AND_PARTICIPLE = re.compile(r"\s+and\s+(?:[a-z-]+ed|sent|paid|done)\b", re.IGNORECASE)
_STAFF_WORD = re.compile(lx.STAFF, re.IGNORECASE)
# Patterns about a team of ours need one of these (vocab/en.py); most sentences have none.
_STAFF_HINT = re.compile("|".join(en.STAFF_HINTS))
_BY_STAFF = re.compile(
    r"\s+(?:(?:at|into|over)\s+)?by\s+(?:our|my|the|one\s+of\s+our|a|an)\s+(?:[\w&-]+\s+){0,2}?"
    + lx.STAFF,
    re.IGNORECASE,
)
# "Your replacement will be shipped from our Incheon warehouse": sent by us.
_FROM_OURS = re.compile(r"\s+(?:out\s+)?(?:to\s+you\s+)?from\s+(?:our\b|us\b)", re.IGNORECASE)
# Money moved by a bank ("the hold will be released within 5 days"), and what runs by itself.
_MONEY = re.compile(
    r"\b(?:amount|funds|money|payment|deposit|hold|charge|refund|balance)\b|[£$€]", re.IGNORECASE
)
# "… restored within 24 hours by our system": an automatic process, not a person of ours
_SHIPS_HINT = re.compile(r"ships|shipping|dispatches|goes\s+out|going\s+out|leaves\s")
# A subject with its name set off by commas before a modal: "The courier, Evri, will".
_APPOSITIVE_SUBJECT = re.compile(
    r"^\s*(?:(?:the|our|your|a|an|their)\s+)?[\w-]+(?:\s+[\w-]+)?\s*,\s*"
    r"[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,2}\s*,?\s*$"
)
_AUTOMATIC = re.compile(
    r"\bauto(?:matically|matic)?\b|\bauto-|\bby\s+(?:our|the)\s+(?:[\w-]+\s+)?systems?\b",
    re.IGNORECASE,
)
# "our courier", "with DHL", "by courier": ours or a means, not a third party acting
# ("by DPD" names who delivers).
_OURS_OR_MEANS = re.compile(r"\b(?:our|with|via|through)\s+$", re.IGNORECASE)
_BY_MEANS = re.compile(
    r"\bby\s+(?:(?:" + "|".join(en.DELIVERY_SERVICES) + r")\s+)?$", re.IGNORECASE
)
# A firm named right after its role: "our partner Rappi", "with our carrier Estafeta" (the
# name marks the firm as outside, even after "our"; outside.py reads it with commas).
_FIRM_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z][\w&'’-]+)\b")
# Our staff with no other team named: "someone", "one of our specialists", "someone from the
# team", "our team" (a reply from them is ours, not a hand-over).
_GENERIC_STAFF = re.compile(
    r"\s*(?:someone|somebody|one\s+of\s+(?:us|(?:the|our)\s+(?:team|specialists?|advisors?"
    r"|agents?|experts?|staff))|(?:someone|somebody)\s+(?:from|on|in)\s+(?:the|our)\s+team|(?:the|our)\s+team)"
    r"\s*(?:will|'ll|shall)\b",
    re.IGNORECASE,
)
_NOT_THE_COMPANY = re.compile(
    r"\s+(?:account|transfer|details|card|statement|holiday|number)s?\b", re.IGNORECASE
)
_PRONOUNS = frozenset(("them", "him", "her"))
# Someone's report that the sentence relays: "They've told me", "they said", "he confirmed".
_RELAYED = re.compile(
    r"\b(?:they|he|she)(?:'ve|'s|\s+have|\s+has)?\s+(?:just\s+)?(?:told|said|confirmed|"
    r"advised|informed|let\s+(?:me|us)\s+know)\b",
    re.IGNORECASE,
)
_NAMED_BEFORE_CUE = re.compile(r"\b(?:he|she)(?:'|’|\s)")
_HE_SHE = re.compile(r"(?:he|she)\b", re.IGNORECASE)
_DELIVERS = re.compile(r"\s+(?:\w+ly\s+)?deliver\b", re.IGNORECASE)
# Capitalised words opening a clause that are no colleague's first name.
_NOT_NAMES = frozenset({w.lower() for w in lx.NOT_A_NAME} | set(en.WEEKDAYS) | set(en.MONTHS))


def _named(name: str | None) -> bool:
    """A first name (not "The", "Monday", "Everything"), or no name ("one of us")."""
    return name is None or name.split()[0].lower() not in _NOT_NAMES


_SOMEONE = frozenset(("someone", "somebody", "colleague", "colleagues"))
_CONJUNCT = re.compile(r"\s(?:and|&)\s+(?:then\s+|also\s+|will\s+|'ll\s+)?(?=[a-z])", re.IGNORECASE)
CONJUNCT = _CONJUNCT  # read by guards.py too
# A condition after the verb: "I'll call you back tomorrow if that suits you".
TRAILING_CONDITION = re.compile(r"\b(?:" + "|".join(en.TRAILING_CONDITIONS) + r")\b", re.IGNORECASE)
# "check if", "let you know if": an indirect question, not a condition.
INDIRECT = re.compile(
    r"(?:check|see|know|ask|confirm|find\s+out|tell\s+you|verify|determine|wonder|sure|out|"
    r"whether|asking|checking|look|investigate|agree|decide|discuss)"
    # "check with our warehouse in Leipzig if the parcel left", "check with accounting if"
    r"(?:\s+with\s+(?:(?:the|our|my|your|a|an)\s+)?(?:[\w&-]+\s+){0,3}?[\w&-]+)?\s*$"
    # "ask our dispatcher if a mover is free", "ask Tom whether": whom we ask, then the question
    r"|\bask\s+(?:(?:the|our|my|a|an)\s+)?(?:[\w&-]+\s+){0,2}?[\w&-]+\s*$",
    re.IGNORECASE,
)
# "I'll call you tomorrow at 9:30 instead, if that still works.": a courtesy tag at the
# end of a firm commitment, not a condition (a tag asked as a question is one).
_COURTESY_IF = re.compile(
    r"\s+(?:that|this|it)(?:'s|\s+is)?\s+(?:still\s+)?" + "(?:" + "|".join(en.COURTESY_TAGS) + ")"
    r"\s*(?:[.!]|$)",
    re.IGNORECASE,
)
# After the action only (before it, "If that works for you I'll commit it" is a condition):
# a slot agreed before, "if that time still works for you" (not "if that suits you", which
# asks); or the slot not suiting, "I'll call you at 2pm tomorrow; if that time doesn't
# work, reply with another": the action stands, the customer may move it.
_SLOT_COURTESY_IF = re.compile(
    r"\s+(?:that|this)(?:\s+(?:time|day|date|slot))?(?:'s|\s+is)?\s+still\s+"
    + "(?:"
    + "|".join(en.COURTESY_TAGS)
    + r")(?:\s+(?:for\s+)?you)?\s*(?:[.!]|$)"
    r"|\s+(?:that|this|the)\s+(?:time|day|date|slot)\s+(?:doesn't|does\s+not|won't|isn't)\s+"
    r"(?:work|suit|fit)\b",
    re.IGNORECASE,
)

# After the action only: a default that goes ahead unless someone objects ("I'll merge it
# on Friday unless you spot a problem", "… unless someone finds a blocker"), and a courtesy
# ("…, if you don't mind trying it"): the commitment stands.
_GOES_AHEAD = re.compile(
    r"(?<=unless)\s+(?:(?:you|someone|anyone|anybody|somebody)\s+(?:\w+\s+){0,2}?"
    + "(?:"
    + "|".join(en.VETO_VERBS)
    + r")\b"
    r"|there(?:'s|\s+is|\s+are)\s+(?:an?\s+|any\s+)?(?:" + "|".join(en.VETO_NOUNS) + r")\b)"
    r"|(?<=if)\s+you\s+(?:don't|do\s+not)\s+mind\b",
    re.IGNORECASE,
)

# "if you want", "if that suits you": an offer or a courtesy, never an indirect question.
# (Not a choice between two things: "call you to agree if you want a replacement or a credit
# note" asks which.)
_OFFER_IF = re.compile(
    r"\s+(?:(?:you|u)\s+(?:want|would|'d|like|prefer|need|wish)|that\s+(?:works|suits|helps)|"
    r"(?:it's|that's|that\s+is)\s+(?:ok|okay|alright|fine))\b"
    r"(?!(?:\s+(?:to\s+)?[\w-]+){1,4}\s+or\s+(?:a|an|the|to|[\w-]+\s+[\w-]+)\b)",
    re.IGNORECASE,
)

_M = TypeVar("_M", bound=tk.Span)  # a pattern's match, or phrases found as tokens (tk.Found)

# A real sentence holds a handful of commitments; more means garbage input, and
# looking further would only cost time.
MAX_COMMITMENTS = 8
# Subjects one pattern reads in a sentence, kept or dropped (no real sentence has more).
MAX_SUBJECTS = 16


@dataclass(frozen=True)
class Commitment:
    start: int  # offset of the committing subject in the sentence
    end: int  # offset where its verb phrase begins
    kind: PromiseKind
    needs_due: bool = False  # a present progressive counts only with a stated time
    follows: bool = False  # counts only after another commitment in the same sentence
    rule: str = ""  # the id of the grammar rule that proposed it (RULES)


@dataclass(frozen=True)
class Dropped:
    """A committing subject the grammar read and let go (for --explain)."""

    start: int
    end: int
    rule: str
    check: str  # "negation" | "courtesy" | "effort" | "no-action-verb"


# The grammar's rules: id -> what each proposes. Guards (guards.CHECKS) decide after them.
RULES: dict[str, str] = {
    "self": "I or we with a future modal ('I'll', 'we are going to') and an action",
    "team": "a team or colleague of ours with a future modal and an action",
    "continued": "a second, future action of the same subject ('... and will update you')",
    "let-me": "'let me / let us' and an action",
    "get-from-us": "'you'll get X from us', 'expect X from me', 'you'll have it by Monday'",
    "asked-staff": "'I've asked our team to ...': a colleague's action arranged by us",
    "passive-send": "'it will be sent / fixed' after our own commitment or confirmed by us",
    "hear-back": "'you'll hear back' (from us or the team we handed it to)",
    "hear-from": "'you'll hear from us / our team', 'expect a call from me'",
    "contacted-by": "'you'll be contacted by our team'",
    "passive-by-us": "'it will be processed by our team / by us'",
    "passive-dated": "'your refund will be credited within 3 days': our action, with a time",
    "handled-by": "'your case will be reviewed by our team'",
    "dated-notice": "'you will be notified of the outcome within 7 days' after a hand-over",
    "expect-dated": "'kindly expect an update within 3 days', 'expect your refund by Friday'",
    "pronoun-staff": "'they / she will ...' standing for our staff named just before",
    "contact-handover": "'Hannah / she / our workshop will call you': contact made for us",
    "named-colleague": "'Rosa will send you the build by Friday', 'one of us will ...' (dated)",
    "progressive": "'I'm sending / escalating ...' (arranged; needs a time unless a hand-over)",
    "team-progressive": "'our team is deploying ...' (needs a time)",
    "subjectless": "chat shorthand without a subject ('will call u tmrw')",
    "clipped": "a text without subject or modal, with a time or 'back' ('ring u back in 5')",
    "present-simple": "'I send you the link in the next hour': a simple present with a time",
    "informal-modal": "'ill call u', 'well sort it', 'i wil check': I'll / we'll unspelt",
    "unlisted-verb": "I'll / we'll and a verb no list names, with a stated time or 'for you'",
    "do-that": "'I'll do that tomorrow': what the customer asked, with a stated time",
    "notice-update": "'you will be updated once it is validated / about the result'",
    "goods-leaving": "'the replacement ships from our warehouse on Monday' (needs a time)",
    "item-ships": "'it's packed and will go out tomorrow': our item in a state, then leaving",
    "dm-continuing": "'we're following up with you via DM', 'look out for our reply', 'our "
    "reply is on its way' (dm.py)",
    "time-asked": "'kindly allow us 3 working days to revert': time asked to act (time_asked.py)",
    # other_language.py: one rule, each language's words in its data file (vocab/de.py …)
    "other-language": "a commitment in German, French, Spanish, Dutch, Italian or Portuguese",
}


@lru_cache(maxsize=1024)  # every subject of a sentence reads the same conjuncts
def classify(phrase: str) -> PromiseKind | None:
    """The kind of a verb phrase ("call you back tomorrow" -> "callback"), or None."""
    phrase = phrase.lstrip()
    if not phrase[:1].isalpha():
        return None  # every action starts with a word; garbage ("\x00call") costs nothing
    arranged = _ARRANGE_FOR.opening(phrase)
    if arranged is not None:
        # "arrange for the part to be replaced by our engineer": the kind of what is arranged.
        for word in _WORD.findall(phrase[arranged : arranged + 80])[:8]:
            kind = word_kind(word)
            if kind and word.lower() not in ("check", "review"):
                return kind
    for rule_kind, rule in KIND_RULES:
        if rule.match(phrase):
            return rule_kind
    visit = _visit(phrase)
    if visit:
        return visit
    have = HAVE_GET.match(phrase)
    opened = have.end() if have else _MAKE_SURE.opening(phrase)
    if opened is not None:
        # "have a specialist call you" hands the case over; "have a technician
        # replace the router" still promises the fix.
        staff = False
        words = list(_WORD.finditer(phrase, opened, opened + 80))[:8]
        for index, word in enumerate(words):
            kind = word_kind(word.group())
            if not kind and staff:  # "have someone from our store give you a call"
                kind = next(
                    (k for k, rule in _CONTACT_RULES if rule.match(phrase, word.start())), None
                )
            if kind:
                if staff and kind in ("callback", "update", "check"):
                    return "escalate"
                # "get this looked at by our senior tech": handed to a colleague
                if kind in ("check", "update") and _BY_STAFF.match(phrase, word.end()):
                    return "escalate"
                # "get the invoice corrected and resent": the customer-facing participle.
                following = words[index + 1 : index + 3]
                if len(following) == 2 and following[0].group().lower() == "and":
                    other = word_kind(following[1].group())
                    if other in ("send", "fix"):
                        kind = min((kind, other), key=KIND_PRIORITY.index)
                return kind
            lower = word.group().lower()
            staff = staff or bool(_STAFF_WORD.fullmatch(lower)) or lower in _SOMEONE
        # "have the mast back up by 8pm", "have the quote ready": what we bring about; "get
        # it back up and running" is mostly an effort ("working to get it back up").
        # The state is the complement of a short object ("have [the spare parts list]
        # ready"), not a word of a later clause ("have a word when you're ready").
        if phrase[:4].lower() == "have" and words:
            near = words[min(len(words), _HAVE_OBJECT_WORDS) - 1].end()
            if (
                "," not in phrase[opened:near]
                and _HAVE_RESULT.in_text(phrase, opened, near)
                and lx.RESULT_TIME.search(phrase, opened, near + 60)
            ):
                return "fix"
        return None
    gerund = re.match(r"([a-z]+?)(\w)?ing\b", phrase, re.IGNORECASE)
    if gerund:
        stem, last = gerund.group(1), gerund.group(2) or ""
        rest = phrase[gerund.end() :]
        for base in (stem + last, stem + last + "e", stem):
            for kind, rule in KIND_RULES:
                if rule.match(base + rest):
                    return kind
    return None


def _visit(phrase: str) -> PromiseKind | None:
    """ "be round Friday to fit it" -> the kind of the purpose; "come on Monday" -> fix."""
    visit = VISIT.match(phrase)
    if not visit:
        return None
    purpose = VISIT_PURPOSE.match(phrase, visit.end())
    if purpose:
        kind = classify(phrase[purpose.end() : purpose.end() + 120])
        if kind:
            return kind
    timed = VISIT_WITH_TIME.match(phrase)
    if timed and VISIT_TIME.match(phrase, timed.end()):
        return "fix"
    return None


# A team or colleague of ours negated by a quantifier before it: "nobody from our
# integrations team will be able to call you", "none of our engineers will be on site".
_NO_ONE_OF = re.compile(
    r"\b(?:nobody|no[\s-]?one|none|neither|not\s+(?:one|anyone|anybody))\s+(?:of|from|in|at|on)\s+$",
    re.IGNORECASE,
)


def commitments(
    sentence: str, previous: str = "", dropped: list[Dropped] | None = None
) -> list[Commitment]:
    """Every committing clause in a sentence, before the guards.

    `previous` (the sentence before) lets "she'll call you" stand for "my manager".
    Subjects whose verb phrase is negated, a courtesy or no known action are added to
    `dropped` when it is given.
    """
    found: list[Commitment] = []

    def verb_phrase(match: tk.Span, rule: str, pos: int | None = None) -> PromiseKind | None:
        if _NO_ONE_OF.search(sentence, max(0, match.start() - 30), match.start()):
            kind, check = None, "negation"  # "nobody from our billing team will call you"
        else:
            kind, check = _verb_phrase(sentence, match.end() if pos is None else pos)
        if kind is None and dropped is not None:
            dropped.append(Dropped(match.start(), match.end(), rule, check))
        return kind

    for own in _capped(lx.SELF_COMMITMENT.finditer(sentence), found):
        kind, check = _verb_phrase(sentence, own.end())
        if kind:
            found.append(Commitment(own.start(), own.end(), kind, rule="self"))
        elif check == "no-action-verb" and (other := unlisted_action(sentence, own.end())):
            found.append(
                Commitment(
                    own.start(), own.end(), other.kind, needs_due=other.needs_due, rule=other.rule
                )
            )
        elif dropped is not None:
            dropped.append(Dropped(own.start(), own.end(), "self", check))
    lower = sentence.lower()
    # Patterns about a team of ours need a staff word; most sentences have none.
    staffed = _STAFF_HINT.search(lower) is not None
    for m in _capped(lx.TEAM_COMMITMENT.finditer(sentence) if staffed else (), found):
        kind = verb_phrase(m, "team")
        if kind:
            # "Someone / one of our specialists / our team will get back to you": us, no
            # other team named, so the reply keeps its own kind (update, callback)
            # (not after our own hand-over in the sentence: "I'll have our auditor review it
            # and someone will call you" is the auditor's call)
            generic = _GENERIC_STAFF.match(m.group()) and not (
                lx.OUR_STAFF.search(sentence, 0, m.start())
                or any(c.start < m.start() for c in found)
            )
            kept = ("fix", "send", "update", "callback") if generic else ()
            kind = kind if kind in ("fix", "send", *kept) else "escalate"
            found.append(Commitment(m.start(), m.end(), kind, rule="team"))
    joined = " and " in sentence or " but " in sentence
    continued = lx.CONTINUED_COMMITMENT.finditer(sentence) if joined else ()
    for m in _capped(continued, found):
        kind = verb_phrase(m, "continued")
        then = (m["then"] or "").strip().lower()
        pronoun = m["subj"].lower() == "they" or then == "they"
        if pronoun and not lx.OUR_STAFF.search(previous + " " + sentence[: m.start("modal")]):
            continue
        if kind:
            team = m["subj"].lower() not in ("i", "we") or then == "they"
            kind = "escalate" if team and kind not in ("fix", "send") else kind
            found.append(Commitment(m.start(), m.end(), kind, rule="continued"))
    for m in _capped(lx.LET_ME.finditer(sentence), found):
        start = adverbs_end(sentence, m.end())
        kind = _with_conjuncts(sentence, start, classify(sentence[start:]))
        if kind:
            found.append(Commitment(m.start(), m.end(), kind, rule="let-me"))
    for m in _capped(lx.GET_FROM.finditer(sentence) if "from" in lower else (), found):
        what = tk.window(tk.tokenise(sentence), m.start("what"), m.end("what"))
        # (a confirmation or receipt "from me" is one the agent writes; "automated" is not)
        by_hand = m["who"].lower() == "me" and not _MACHINE.search(m["what"])
        if _AUTOMATED.search(sentence, what) and not by_hand:
            continue
        got: PromiseKind = "callback" if _CALL.search(sentence, what) else "send"
        if got == "send" and not _SENT_THINGS.search(sentence, what):
            got = "update" if _NEWS.search(sentence, what) else got
        if m["who"].lower() in _PRONOUNS:
            # a team of ours named before, no outside firm since, and a stated time
            if (
                not lx.stands_for_our_staff(previous + " " + sentence[: m.start()])
                or lx.THIRD_PARTY.search(sentence, 0, m.start())
                or not lx.NOTICE_TIME.search(sentence, m.end())
            ):
                continue
            got = "escalate"  # a team of ours acts, as in "hear-from"
        found.append(Commitment(m.start(), m.end(), got, rule="get-from-us"))
    for m in _capped(lx.HAVE_IT.finditer(sentence) if "have" in lower else (), found):
        # after "and", only when no commitment of ours came before it ("It's on my desk and
        # you'll have it by Friday", not "We'll ship it Monday and you'll have it Wednesday")
        after_and = sentence[: m.start()].rstrip().lower().endswith("and")
        if (after_and and any(c.start < m.start() for c in found)) or lx.ALREADY_ON_ITS_WAY.search(
            previous + " " + sentence[: m.start()]
        ):
            continue
        found.append(Commitment(m.start(), m.end(), "send", rule="get-from-us"))
    for m in _capped(lx.ASKED_STAFF.finditer(sentence) if staffed and "ve" in lower else (), found):
        if classify(sentence[m.end() :]) in ("callback", "update", "fix", "send"):
            found.append(Commitment(m.start(), m.end(), "escalate", rule="asked-staff"))
    passive = " be " in lower or " ship" in lower or " go out" in lower
    for m in _capped(lx.PASSIVE_SEND.finditer(sentence) if passive else (), found):
        if _AUTOMATIC.search(re.split(r"[.,;!?]", sentence[m.end() :], maxsplit=1)[0]):
            continue  # "… will be restored within 24 hours by our system": automatic
        # "…forwarded to our technical team and the issue will be resolved in 24 hours"
        confirmed = (
            _CONFIRMED.closes(sentence, tk.tokenise(sentence), m.start())
            or lx.OUR_STAFF.search(sentence, 0, m.start())
            or _FROM_OURS.match(sentence, m.end())
            or (
                # dated, and not a bank's credit or a courier's delivery
                lx.PASSIVE_TIMED.match(sentence, m.end())
                and not (
                    # the refund already left us: its credit is the bank's process
                    (m["verb"] or "").lower() in _MONEY_MOVED
                    and _REFUND_SENT.in_text(previous + " " + sentence[: m.end()])
                )
                and not ((m["verb"] or "").lower() == "released" and _MONEY.search(sentence))
                and not _AUTOMATIC.search(sentence)
                and not _third_party_acts(sentence)
                and not _relayed_from_outside(sentence, previous)
                and not _NOTED.in_text(sentence, 0, m.start())
            )
        )
        verb = (m["verb"] or "").lower()
        # money back to the customer is sent ("will be reversed to your account": send)
        kind = "send" if verb in _MONEY_MOVED else (word_kind(verb) if verb else None) or "send"
        found.append(
            Commitment(m.start(), m.end(), kind, follows=not confirmed, rule="passive-send")
        )
    if passive:
        _add_dated_passives(sentence, previous, found)
    for m in _capped(lx.HEAR_BACK.finditer(sentence) if "back" in lower else (), found):
        ours = lx.OUR_STAFF.search(previous + " " + sentence[: m.start()])
        found.append(
            Commitment(m.start(), m.end(), "escalate" if ours else "update", rule="hear-back")
        )
    for m in _capped(lx.HEAR_FROM.finditer(sentence), found):
        who = m["who"].lower()
        if who in _PRONOUNS and not lx.stands_for_our_staff(previous + " " + sentence[: m.start()]):
            continue
        said = tk.window(tk.tokenise(sentence), m.start(), m.end())
        kind = "callback" if _CALL.search(sentence, said) else "update"
        found.append(
            Commitment(
                m.start(), m.end(), kind if who in ("me", "us") else "escalate", rule="hear-from"
            )
        )
    for m in _capped(lx.CONTACTED_BY.finditer(sentence), found):
        if m["who"].lower() in _PRONOUNS and not lx.stands_for_our_staff(
            previous + " " + sentence[: m.start()]
        ):
            continue
        mine = m["who"].lower() in ("me", "us")
        kind = "callback" if m["verb"].lower() in ("called", "phoned", "rung") else "update"
        found.append(
            Commitment(m.start(), m.end(), kind if mine else "escalate", rule="contacted-by")
        )
    for m in _capped(lx.PASSIVE_BY_US.finditer(sentence) if " by " in lower else (), found):
        # "will be packed and despatched by our team": the most customer-facing participle,
        # one after the agent too ("will be prepared by our designer and sent to you")
        then = _AND_PARTICIPLE.match(sentence, m.end())
        words = _WORD.findall(sentence, m.start("verb"), then.end() if then else m.end())
        kinds = [word_kind(w) for w in words]
        known = [k for k in kinds if k] or (["fix"] if m["verb"].lower().startswith("set") else [])
        kind = min(known, key=KIND_PRIORITY.index) if known else None
        by_us = m.group().lower().rsplit(" by ", 1)[-1].strip() in ("us", "me")
        if not by_us and kind not in ("fix", "send"):
            kind = "escalate"
        if kind:
            found.append(Commitment(m.start(), m.end(), kind, rule="passive-by-us"))
    for m in _capped(
        lx.HANDLED_BY.finditer(sentence) if staffed and " by " in lower else (), found
    ):
        found.append(Commitment(m.start(), m.end(), "escalate", rule="handled-by"))
    for m in _capped(lx.EXPECT_DATED.finditer(sentence) if "xpect" in lower else (), found):
        dated = lx.RESULT_TIME.search(sentence, m.end("what")) or lx.NOTICE_TIME.search(
            sentence, m.end("what")
        )
        if " from " in m["what"] or not dated:
            continue
        what = tk.window(tk.tokenise(sentence), m.start("what"), m.end("what"))
        if not what or _NOT_DELIVERED.search(sentence, what) or _AUTOMATED.search(sentence, what):
            continue
        if _third_party_acts(previous + " " + sentence):
            continue
        expected: PromiseKind = "callback" if _CALL.search(sentence, what) else "send"
        if not _SENT_THINGS.search(sentence, what) and _NEWS.search(sentence, what):
            expected = "update"
        found.append(Commitment(m.start(), m.start("what"), expected, rule="expect-dated"))
    for m in _capped(lx.DATED_NOTICE.finditer(sentence) if "you" in lower else (), found):
        timed = lx.NOTICE_TIME.search(sentence, m.end()) or lx.NOTICE_SOON.match(sentence, m.end())
        if timed and lx.NOTICE_HANDED_OVER.search(previous + " " + sentence[: m.start()]):
            found.append(Commitment(m.start(), m.end(), "update", rule="dated-notice"))
        elif _personal_notice(sentence, m.start()):
            found.append(Commitment(m.start(), m.end(), "update", rule="notice-update"))
    for pronoun in _capped(lx.PRONOUN_COMMITMENT.finditer(sentence), found):
        before = previous + " " + sentence[: pronoun.start()]
        if not lx.stands_for_our_staff(before):
            continue
        kind = verb_phrase(pronoun, "pronoun-staff")
        if kind:
            found.append(
                Commitment(
                    pronoun.start(),
                    pronoun.end(),
                    kind if kind in ("fix", "send") else "escalate",
                    rule="pronoun-staff",
                )
            )
    for m in _capped(lx.CONTACT_HANDOVER.finditer(sentence), found):
        if any(c.start <= m.start() < c.end or c.start == m.start() for c in found):
            continue
        if m["name"] and m["name"].split("'")[0] in lx.NOT_A_NAME:
            continue
        if lx.THIRD_PARTY.search(previous + " " + sentence[: m.end()]):
            continue  # "the courier ... they'll call you": theirs
        found.append(Commitment(m.start(), m.end("modal"), "escalate", rule="contact-handover"))
    for colleague in _capped(lx.NAMED_COLLEAGUE.finditer(sentence), found):
        if any(c.start <= colleague.start("who") < c.end for c in found) or not _named(
            colleague["name"]
        ):
            continue
        if not (
            lx.NOTICE_TIME.search(sentence, colleague.end())
            or lx.RESULT_TIME.search(sentence, colleague.end())
        ):
            continue  # "Rosa will look at it": undated, it may be a guess about her plans
        if lx.THIRD_PARTY.search(previous + " " + sentence[: colleague.end()]):
            continue
        if _DELIVERS.match(sentence, colleague.end()):
            continue  # "Ninja Van will deliver your order Friday": a courier's (spec)
        kind = verb_phrase(colleague, "named-colleague")
        if kind:
            one_of_us = colleague["who"].lower().startswith("one of us")
            kind = kind if one_of_us or kind in ("fix", "send", "check") else "escalate"
            found.append(
                Commitment(colleague.start("who"), colleague.end(), kind, rule="named-colleague")
            )
    he_she = lx.PRONOUN_COMMITMENT.finditer(sentence) if _NAMED_BEFORE_CUE.search(lower) else ()
    for he in _capped(he_she, found):
        if any(c.start <= he.start() < c.end for c in found):
            continue
        if not _HE_SHE.match(sentence, he.start()):
            continue
        named = lx.NAMED_BEFORE.finditer(previous + " " + sentence[: he.start()])
        if not any(_named(n["name"]) for n in named):
            continue
        if not (
            lx.NOTICE_TIME.search(sentence, he.end()) or lx.RESULT_TIME.search(sentence, he.end())
        ):
            continue
        if lx.THIRD_PARTY.search(previous + " " + sentence[: he.start()]):
            continue
        kind = verb_phrase(he, "named-colleague")
        if kind:
            kind = kind if kind in ("fix", "send", "check") else "escalate"
            found.append(Commitment(he.start(), he.end(), kind, rule="named-colleague"))
    for arranged in _capped(PROGRESSIVE.finditer(sentence), found):
        start, end = arranged.start(), arranged.end()
        kind = classify(sentence[end:])
        if not kind:
            continue
        # (sent on to a team of ours, "I'm sending this to our engineering team": a hand-over)
        if lemma(arranged["verb"])[0] in ESCALATING_STEMS or (
            kind == "escalate" and lemma(arranged["verb"])[0] == "send"
        ):
            if kind == "escalate":
                found.append(Commitment(start, end, kind, rule="progressive"))
        elif not _RIGHT_NOW.search(sentence, tk.window(tk.tokenise(sentence), end, end + 80)):
            found.append(Commitment(start, end, kind, needs_due=True, rule="progressive"))
    for m in _capped(
        TEAM_PROGRESSIVE.finditer(sentence) if staffed and "ing" in lower else (), found
    ):
        kind = classify(sentence[m.end() :])
        if kind:
            kind = kind if kind in ("fix", "send") else "escalate"
            found.append(
                Commitment(m.start(), m.end(), kind, needs_due=True, rule="team-progressive")
            )
    for informal in _capped(lx.INFORMAL_MODAL.finditer(sentence), found):
        start, end = informal.start(), informal.end()
        if any(c.start <= start < c.end for c in found):
            continue
        kind = verb_phrase(informal, "informal-modal")
        if kind:
            found.append(Commitment(start, end, kind, rule="informal-modal"))
    for present in _capped(PRESENT_COMMITMENT.finditer(sentence), found):
        start, end = present.start(), present.end()
        if any(c.start <= start < c.end or c.start == start for c in found):
            continue
        if HABITUAL.search(sentence, end) or _in_time_clause(sentence, start):
            continue
        kind = verb_phrase(present, "present-simple")
        if kind:
            # "I write you when it is deployed": one agent's step, anchored to an event
            anchored = sentence[start : start + 2] == "I " and _EVENT_OPENER.search(sentence)
            found.append(
                Commitment(start, end, kind, needs_due=not anchored, rule="present-simple")
            )
    for subjectless in _capped(lx.SUBJECTLESS.finditer(sentence), found):
        modal = subjectless.start("modal")
        if any(c.start <= modal < c.end for c in found):
            continue  # "Your adviser, Hannah, will call": the subject is there after all
        before = sentence[: subjectless.start()]
        if _APPOSITIVE_SUBJECT.match(before) and _third_party_acts(before):
            continue  # "The courier, Evri, will deliver it": theirs, its subject named
        kind, check = _verb_phrase(sentence, subjectless.end())
        if kind:
            found.append(Commitment(modal, subjectless.end(), kind, rule="subjectless"))
        elif (
            check == "no-action-verb"
            and not sentence[: subjectless.start()].strip()  # "Will backport it tonight."
            and (other := unlisted_action(sentence, subjectless.end()))
        ):
            found.append(
                Commitment(
                    modal, subjectless.end(), other.kind, needs_due=other.needs_due, rule=other.rule
                )
            )
        elif dropped is not None:
            dropped.append(Dropped(subjectless.start(), subjectless.end(), "subjectless", check))
    # "ring u back in 5", "Be with u about 5", "be there by 7": a text with no subject and
    # no modal, which counts with a stated time (or calling "back")
    texted = "you" in lower or " u" in lower or "there" in lower or "round" in lower
    clipped = lx.CLIPPED.finditer(sentence) if texted else ()
    for m in _capped(clipped, found):
        start = m.start("verb")
        if any(c.start <= start < max(c.end, start + 1) for c in found):
            continue
        phrase = sentence[start:]
        # ("b there by 7": texted "be")
        kind = classify("be" + phrase[1:] if phrase[:2].lower() == "b " else phrase)
        if kind:
            back = sentence[m.end() :].lstrip()[:4].lower() == "back"
            found.append(Commitment(start, start, kind, needs_due=not back, rule="clipped"))
    hinted = any(
        hint in lower
        for hint in (
            *("dm", "pm", "message", "private", "out", "wait", "expect", "watch", "look"),
            *("reply", "response", "answer", "update", "follow", "call", "eye", "mail"),
        )
    )
    for start, end, kind in dm_commitments(sentence) if hinted else ():
        if not any(c.start <= start < max(c.end, start + 1) for c in found):
            found.append(Commitment(start, end, kind, rule="dm-continuing"))
    asking = "allow" in lower or "give" in lower or "grant" in lower
    for start, verb in time_asked(sentence) if asking else ():
        if any(c.start <= start < max(c.end, start + 1) for c in found):
            continue
        kind, check = _verb_phrase(sentence, verb)
        if kind:
            found.append(Commitment(start, verb, kind, rule="time-asked"))
        elif dropped is not None:
            dropped.append(Dropped(start, verb, "time-asked", check))
    for start, end, kind in goods_leaving(sentence) if _SHIPS_HINT.search(lower) else ():
        if not any(c.start <= start < max(c.end, start + 1) for c in found):
            found.append(Commitment(start, end, kind, needs_due=True, rule="goods-leaving"))
    for start, end, kind in item_then_ships(sentence) if " and " in lower else ():
        if _third_party_acts(sentence):
            break  # "it's with Estafeta and will ship on Tuesday": theirs
        if not any(c.start <= start < max(c.end, start + 1) for c in found):
            found.append(Commitment(start, end, kind, needs_due=True, rule="item-ships"))
    found.sort(key=lambda c: c.start)
    return found[:MAX_COMMITMENTS]


def _personal_notice(sentence: str, start: int) -> bool:
    """ "You will be updated once it is validated", "you will be informed about the result":
    a person of ours tells the customer, undated, of the case's result or once it moves
    (not by a system, a third party, or whenever the customer asks)."""
    notice = lx.PERSONAL_NOTICE.match(sentence, start)
    if notice is None:
        return False
    clause = re.split(r"[.;!?]", sentence[notice.end() :], maxsplit=1)[0][:120]
    if _AUTOMATIC.search(clause) or _third_party_acts(clause):
        return False
    words = tk.window(tk.tokenise(sentence), notice.end(), notice.end() + len(clause))
    if _AUTOMATED.search(sentence, words):
        return False
    return lx.NOTICE_SUBJECT.search(clause) is not None


def _add_dated_passives(sentence: str, previous: str, found: list[Commitment]) -> None:
    """ "… and will be credited to your wallet within 3 days": a passive of our own action
    that counts when its clause states a time (needs_due). It stands in for a passive-send
    follow-on at the same modal; not when a third party or an automatic process acts, nor
    for money whose refund has already left us (the bank's credit)."""
    if _third_party_acts(sentence) or _AUTOMATIC.search(previous + " " + sentence):
        return
    if _relayed_from_outside(sentence, previous):
        return  # "… by FedEx. They've told me it will be delivered Friday": theirs
    tokens = tk.tokenise(sentence)
    for modal, end, participle, kind in _passives(tokens):
        if _by_someone_else(tokens, end) or _general_subject(tokens, modal):
            continue
        if _NOTED.in_text(sentence, 0, modal):
            continue
        if participle in _MONEY_MOVED and _REFUND_SENT.in_text(previous + " " + sentence[:end]):
            continue
        if participle == "released" and _MONEY.search(sentence):
            continue
        covering = [c for c in found if c.start <= modal < max(c.end, modal + 1)]
        if any(not c.follows for c in covering):
            continue
        for c in covering:
            found.remove(c)
        found.append(Commitment(modal, end, kind, needs_due=True, rule="passive-dated"))


_TIME_OPENERS = frozenset(en.TIME_CLAUSE_OPENERS)


def _in_time_clause(sentence: str, start: int) -> bool:
    """ "… when we return on January 2": the subject at `start` opens a time clause."""
    before = sentence[:start].split()
    return bool(before) and before[-1].lower() in _TIME_OPENERS


def _by_someone_else(tokens: Sequence[tk.Token], end: int) -> bool:
    """ "will be posted by Transport Services": the passive's agent, when it names neither
    us nor a means or a time."""
    after = tk.window(tokens, end)
    for index, token in enumerate(after[:8]):
        if token.kind == "punct" and token.lower not in ("-", "'"):
            return False
        if token.lower == "by" and index + 1 < len(after):
            agent = after[index + 1]
            return agent.kind == "word" and not (
                agent.lower[0].isdigit()
                or agent.lower in _PASSIVE_BY_OURS
                or agent.lower[:3] in _WEEKDAY_STARTS
                or agent.lower[:3] in _MONTH_STARTS
            )
    return False


def _general_subject(tokens: Sequence[tk.Token], modal: int) -> bool:
    """ "Orders placed after 18 December will be dispatched …": a bare plural subject
    states a policy for everyone, not an action for this customer."""
    before = [t for t in tokens if t.end <= modal]
    first = None
    for token in reversed(before):
        if token.kind == "punct" or token.lower in _SUBJECT_BREAKS:
            break
        first = token
    if first is None or first.kind != "word" or first.lower in _SPECIFIC_SUBJECTS:
        return False
    return first.lower.endswith("s") and not first.lower.endswith("ss")


def _passives(tokens: Sequence[tk.Token]) -> Iterator[tuple[int, int, str, PromiseKind]]:
    """(modal start, participle end, participle, kind) of each "will be [adverb] sent"
    whose participle (or the one coordinated with it: "generated and sent") is an action
    of PASSIVE_KINDS."""
    for i, token in enumerate(tokens[: len(tokens) - 2]):
        if token.lower not in _PASSIVE_MODALS or tokens[i + 1].lower != "be":
            continue
        j = i + 2
        if tokens[j].lower.endswith("ly") or tokens[j].lower in _PASSIVE_ADVERBS:
            j += 1
        if j + 2 < len(tokens) and tokens[j].lower + tokens[j + 1].lower in _AGAIN_PREFIXES:
            j += 2  # "re-shipped": the participle after the prefix
        for at in (j, j + 2):
            if at >= len(tokens) or (at > j and tokens[j + 1].lower != "and"):
                break
            word = tokens[at]
            kind = word_kind(word.text) if word.form == "past" else None
            if word.form == "base" and word.lower in _BARE_PARTICIPLES:
                kind = participle_kind(word.stem)  # "will be transfer back": "transferred"
            if kind in _PASSIVE_KINDS and word.lower not in _PASSIVE_STATES:
                yield token.start, word.end, word.lower, kind
                break


def _relayed_from_outside(sentence: str, previous: str) -> bool:
    """Does the sentence relay what a company outside ours, named in it or just before,
    told us ("… misrouted by FedEx. They've told me it will be delivered Friday")?"""
    report = _RELAYED.search(sentence)
    return report is not None and _third_party_acts(previous + " " + sentence[: report.start()])


def _third_party_acts(sentence: str) -> bool:
    """Does a company outside ours act in the sentence? Not "our courier", not a means
    ("by courier", "with DHL", "via Royal Mail") and not "your bank account"."""
    for m in lx.THIRD_PARTY.finditer(sentence):
        if _OURS_OR_MEANS.search(sentence, max(0, m.start() - 12), m.start()) and not (
            _FIRM_NAME_AFTER.match(sentence, m.end())
        ):
            continue
        if m.group().lower() == "courier" and _BY_MEANS.search(
            sentence, max(0, m.start() - 20), m.start()
        ):
            continue
        if _NOT_THE_COMPANY.match(sentence, m.end()):
            continue
        return True
    return False


def _capped(matches: Iterable[_M], found: list[Commitment]) -> Iterator[_M]:
    """The matches of one pattern until it has added MAX_COMMITMENTS or read
    MAX_SUBJECTS: each pattern finds its clauses in order, so the first MAX_COMMITMENTS
    of all of them are unchanged, and a sentence of subjects with no action (garbage,
    a hostile input) costs a bounded amount of work."""
    before = len(found)
    for read, match in enumerate(matches):
        if len(found) - before >= MAX_COMMITMENTS or read >= MAX_SUBJECTS:
            return
        yield match


_CARRIED_ON_IN_A_PLACE = re.compile(r"\s*" + CARRY_ON_IN_A_PLACE, re.IGNORECASE)


def _verb_phrase(sentence: str, pos: int) -> tuple[PromiseKind | None, str]:
    """The kind of the verb phrase at `pos`, or None and why not."""
    for at in (pos, adverbs_end(sentence, pos)):
        if negated_at(sentence, at):
            return None, "negation"
        if courtesy_at(sentence, at) and not _CARRIED_ON_IN_A_PLACE.match(sentence, at):
            return None, "courtesy"
        effort = EFFORT.match(sentence, at)
        if effort:
            # "I'll try to reproduce it tomorrow and write back": the coordinated action
            kind = _with_conjuncts(sentence, effort.end(), None)
            return kind, "" if kind else "effort"
    kind = _with_conjuncts(sentence, at, classify(sentence[at:]))
    return kind, "" if kind else "no-action-verb"


def first_condition(
    text: str, start: int = 0, end: int | None = None, pattern: re.Pattern[str] = TRAILING_CONDITION
) -> int | None:
    """Where the first real condition (not an indirect question) starts, or None."""
    stop = len(text) if end is None else end
    return next((at for at in _conditions(text, pattern) if start <= at < stop), None)


@lru_cache(maxsize=256)  # asked for every clause of a sentence: read the sentence once
def _conditions(text: str, pattern: re.Pattern[str]) -> tuple[int, ...]:
    return tuple(
        m.start()
        for m in pattern.finditer(text)
        if (
            not INDIRECT.search(text[max(0, m.start() - 60) : m.start()])
            or _OFFER_IF.match(text, m.end())
        )
        and not (m.group().lower() == "if" and _COURTESY_IF.match(text, m.end()))
        and not (
            pattern is TRAILING_CONDITION
            and m.group().lower() == "if"
            and _SLOT_COURTESY_IF.match(text, m.end())
        )
        and not (pattern is TRAILING_CONDITION and _GOES_AHEAD.match(text, m.end()))
    )


def conditional_conjunct(sentence: str, start: int, end: int) -> int | None:
    """Where a coordinated action that carries its own condition begins, or None.

    "I'll call you at 2pm and book a technician if it's only your unit": the condition
    removes the second action (from " and book"), not the call."""
    condition = first_condition(sentence, start, end)
    if condition is None:
        return None
    cut = None
    for conjunct in _CONJUNCT.finditer(sentence, start, condition):
        if not lx.SELF_COMMITMENT.match(sentence, conjunct.end()) and classify(
            sentence[conjunct.end() : condition]
        ):
            cut = conjunct.start()
    return cut


def _with_conjuncts(sentence: str, start: int, kind: PromiseKind | None) -> PromiseKind | None:
    """ "I'll check with despatch and call you back": coordinated actions share the
    subject; the sentence's kind is the most customer-facing of them (a conditional
    one, "… and book a technician if it's only your unit", does not count)."""
    kinds = [kind] if kind else []
    end = min(len(sentence), start + 200)
    end = conditional_conjunct(sentence, start, len(sentence)) or end
    for conjunct in _CONJUNCT.finditer(sentence, start, end):
        if lx.SELF_COMMITMENT.match(sentence, conjunct.end()):
            break
        other = classify(sentence[conjunct.end() :])
        if other:
            kinds.append(other)
    return min(kinds, key=KIND_PRIORITY.index) if kinds else None
