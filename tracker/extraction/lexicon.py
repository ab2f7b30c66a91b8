"""Words of commitment: who commits, with which modal, to which action (kind).

Everything runs on text whose apostrophes are normalised to "'", case-insensitively. A
verb phrase (what follows the modal) is classified by the first rule in `KIND_RULES` that
matches at its start.

Some readers are token matchers over plain phrases of vocab/en.py (tokens.py): the
subjects with their modals ("I'll", "they are going to", "I'm sending", "I send you",
"ill call u"), most kind rules and the action verbs, and "have / get". They read exactly
as the patterns they replaced (tests/extraction/test_token_ports.py keeps those patterns
and compares them); the others are still regular expressions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from tracker.extraction import cues
from tracker.extraction import tokens as tk
from tracker.extraction.lemmas import inflections, ing_forms
from tracker.extraction.vocab import en
from tracker.kinds import PROMISE_KINDS, PromiseKind

FLAGS = re.IGNORECASE


def _any(*alternatives: str) -> str:
    return "(?:" + "|".join(alternatives) + ")"


# Kinds, most customer-facing first (their declared order): a sentence with several
# commitments takes the first of these that any of them has.
KIND_PRIORITY = PROMISE_KINDS

# The cheap cue test and cue finding live in cues.py; re-exported for callers here.
has_cue = cues.has_cue
cue_matches = cues.cue_matches


# Staff of ours and departments (vocab/en.py).
STAFF = _any(*en.STAFF_NOUNS, *en.ROLE_NOUNS)
DEPARTMENTS = _any(*en.DEPARTMENTS)
# Only with "our": "our courier" is ours, "the courier" a third party.
OUR_ONLY = _any(*en.OUR_ONLY_NOUNS)
ROLES = _any(*en.ROLE_NOUNS)
# A first name, capitalised: "Priya", "Marcus".
NAME = r"\b(?-i:[A-Z][a-z]+)"
# The agent, "we", or a named team of the company as the subject of a commitment.
SELF_COMMITMENT = tk.Pattern(
    subject + ("" if modal[0] in tk.APOSTROPHES else " ") + modal  # "I'll", "we will"
    for subject in en.SELF_SUBJECTS
    for modal in en.SELF_MODALS
)
TEAM_COMMITMENT = re.compile(
    rf"(?:\b(?:our|my)\s+(?:[\w&*-]+\s+){{0,3}}?{STAFF}"
    rf"|\bthe\s+(?:[\w&*-]+\s+){{0,3}}?(?:specialist\s+team|{STAFF})"
    rf"|\b(?:a|an|one\s+of\s+our)\s+(?:[\w-]+\s+){{0,2}}?(?:{STAFF}|member\s+of\s+(?:our|the|my)"
    rf"\s+(?:[\w-]+\s+){{0,2}}?team|team\s+member)"
    rf"|\b(?:someone|somebody|a\s+colleague)(?:\s+(?:from|in|on|at)\s+"
    rf"(?:(?:(?:our|the|my|that|this)\s+(?:[\w&-]+\s+){{0,2}}?{STAFF})"
    rf"|(?:(?:our|the)\s+)?{DEPARTMENTS}(?:\s+{STAFF})?))?"
    r"|\byour\s+(?:[\w-]+\s+){0,2}?(?:manager|handler|advis[eo]r|consultant|engineer|"
    r"technician|executive|officer|specialist|representative|planner|coordinator|movers|guide)"
    # "Team will revert shortly", "Billing will contact you": a bare team opening a sentence.
    rf"|^(?:[\w&-]+\s+)?(?:team|department|support)|^{DEPARTMENTS}"
    # "…, and Payroll will pay it": a department named with a capital
    # (not "UPS Customer Service": a company's own)
    rf"|(?-i:(?<=[a-z,;:]\s))(?=(?-i:[A-Z])){DEPARTMENTS}"
    rf"|\bour\s+(?:[\w&*-]+\s+){{0,2}}?{OUR_ONLY}|^(?:the\s+)?{ROLES}"
    # "Priya in Returns", "Hannah from that team", "Dr Shah", "Daniel, your account manager,"
    rf"|{NAME}\s+(?:in|from)\s+(?:(?:our|the|that|this)\s+)?(?:[\w&-]+\s+){{0,2}}?"
    rf"(?:{STAFF}|{DEPARTMENTS}|(?-i:[A-Z][a-z]+))"
    rf"|\bdr\.?\s+(?-i:[A-Za-z])[\w'-]+"
    rf"|{NAME},\s+(?:your|our|my)\s+(?:[\w-]+\s+){{0,3}}?{STAFF},)"
    # "Your adviser, Hannah, will call you": a name after the subject (with a title: "our
    # engineer Mr. Rajesh"), or in commas.
    r"(?:(?:\s+(?:mr|mrs|ms|miss|mx)\.?)?\s+[A-Z][\w'-]*|,\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?,)?"
    # "Our team in Glasgow will …": where they are.
    r"(?:\s+(?:in|at)\s+(?:the\s+|our\s+)?(?-i:[A-Z][\w'-]*)(?:\s+(?-i:[A-Z][\w'-]*))?"
    r"(?:\s+(?:office|branch|store|depot|warehouse|site|centre|center|hub))?)?"
    rf"(?P<modal>{'|'.join(en.TEAM_MODALS)})\b",
    FLAGS,
)
# "We are looking into it and will update you tomorrow": the modal comes after a
# first, already-running action of the same subject.
CONTINUED_COMMITMENT = re.compile(
    r"\b(?P<subj>I|we|they|(?:our|the)\s+(?:[\w&-]+\s+){0,3}?(?:team|teams|department|engineers|"
    rf"specialists)|(?:our|my)\s+(?:[\w&-]+\s+){{0,2}}?{STAFF}(?:\s+[A-Z][\w'-]+)?"
    # "Your technician, Luis, is on his way and will be with you within the hour"
    r"|your\s+(?:[\w-]+\s+)?(?:technician|engineer|advis[eo]r|fitter|installer|driver|"
    r"consultant|case\s+handler|account\s+manager)(?:,\s*[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?,)?"
    # "Dr Patel has reviewed your bloods and will call you"
    r"|dr\.?\s+(?-i:[A-Z])[\w'-]+)\b"
    # (a sentence's lines are one line wrapped: "I'm writing\na script and will send it")
    r"(?:'m|'re|'ve|\s+(?:am|are|is|have|has))?[^.;?!]{1,80}?\b(?:and|but)\s+"
    r"(?P<then>I\s+|we\s+|they\s+)?(?P<modal>will|shall|'ll)\b",
    FLAGS,
)
# "You will be contacted by our claims team": the passive form of the same promise.
CONTACTED_BY = re.compile(
    r"\byou(?:'ll|\s+will)\s+be\s+(?P<verb>contacted|called|phoned|rung|emailed|e-mailed|"
    r"updated|notified)\s+(?:back\s+)?by\s+(?P<who>me|us|them|him|her|"
    r"(?:our|my|the|one\s+of\s+our|a|an)\s+"
    rf"[^.,;]{{0,40}}?\b{STAFF})\b",
    FLAGS,
)
# "Your case will be reviewed by our compliance team": the customer's problem handed over.
HANDLED_BY = re.compile(
    r"\b(?:your|this|the|it)(?:\s+[\w-]+){0,2}?(?:'ll|\s+will)\s+be\s+(?:reviewed|investigated|"
    r"looked\s+(?:at|into)|handled|assessed|examined|escalated|picked\s+up|dealt\s+with|"
    r"followed\s+up)\s+by\s+(?:our|the|my|a|an|one\s+of\s+our)\s+"
    rf"[^.,;]{{0,40}}?\b{STAFF}\b",
    FLAGS,
)
# "I've asked our billing team to reverse it, and they'll confirm by email": a
# pronoun standing for a team or colleague of ours named just before.
PRONOUN_COMMITMENT = tk.Pattern(
    subject + ("" if modal[0] in tk.APOSTROPHES else " ") + modal
    for subject in en.PRONOUN_SUBJECTS
    for modal in en.PRONOUN_MODALS
)
# Chat shorthand with the subject left out: "will push the fix EOD", "np! gonna dig into it".
SUBJECTLESS = re.compile(
    # (after an emoji too: "so we cant do the service 😬 will call u l8r")
    r"(?:^|(?<=[,;:])\s+|\s[-–—]\s+|(?<=[\u2600-\u27bf\U0001f300-\U0001faff])\s*)"
    r"(?:(?:@\w+|ok(?:ay)?|sure|np|no\s+(?:problem|worries)|yep|yes|yeah|got\s+it|cool|great|"
    r"thanks|thx|ty|right|alright|perfect|understood|noted)[\s,!.:-]+)*"
    r"(?P<modal>will|'ll|gonna|going\s+to)\b(?!\s+(?:you|u|ya|it|this|that|there|we|i)\b)",
    FLAGS,
)


# "ill call u tmrw", "well sort ur refund", "i wil check": informal "I'll" / "we'll",
# read only when an action verb follows at once (not "I was ill", "as well as").
class _Informal:
    """INFORMAL_MODALS read on tokens (vocab/en.py): opening the text or after whitespace or
    INFORMAL_OPENS_AFTER, not after a NOT_INFORMAL_AFTER word and one whitespace
    character, and with whitespace and a letter (a-z, any case) after."""

    def __init__(self) -> None:
        self._modals = tk.Pattern(en.INFORMAL_MODALS)
        self._opens_after = "".join(en.INFORMAL_OPENS_AFTER)
        self._not_after = frozenset(en.NOT_INFORMAL_AFTER)

    def finditer(self, text: str) -> Iterator[tk.Found]:
        # no modal starts inside another, so none is hidden by one let go
        for found in self._modals.finditer(text):
            if self._reads(text, found.start(), found.end()):
                yield found

    def _reads(self, text: str, start: int, end: int) -> bool:
        if start and not (text[start - 1].isspace() or text[start - 1] in self._opens_after):
            return False
        after = _after_space(text, end)
        if after == end or after == len(text) or tk.fold(text[after]) not in _ASCII_LETTERS:
            return False
        if start < 2 or not text[start - 1].isspace():
            return True
        tokens = tk.tokenise(text)
        i = bisect_left(tokens, start - 1, key=lambda t: t.end)
        before = tokens[i] if i < len(tokens) else None
        return not (
            before is not None
            and before.end == start - 1
            and before.kind == "word"
            and before.lower in self._not_after
        )


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
INFORMAL_MODAL = _Informal()
# "You'll get a credit note from me by Friday": what the customer will get, and from us
# (or from a team of ours named before: "… to our Privacy team. You'll receive an email
# from them within 5 days").
GET_FROM = re.compile(
    r"\b(?:you(?:'ll|\s+will|\s+should|\s+can)\s+(?:get|receive|expect|have)|(?:please\s+)?expect)"
    r"\s+(?:(?:a|an|the|your|my|our)\s+)?"
    r"(?P<what>(?:[\w-]+\s+){0,3}?)from\s+(?P<who>me|us|them|him|her)\b",
    FLAGS,
)
# After a commitment in the same sentence, the company's passive follow-on action:
# "We're going to replace the router; a new one will be dispatched to you by Thursday".
PASSIVE_SEND = re.compile(
    r"\b(?:it|they|this|that|one|(?:the\s+)?same|(?:a|the|your)\s+(?:[\w£$€.,-]+\s+){0,2}?[\w£$€.,-]+"
    # "a travel voucher of 120 EUR will be emailed"
    r"(?:\s+of\s+(?:[\w£$€.,-]+\s+)?[\w£$€.,-]+)?)"
    r"(?:'ll|\s+will)\s+(?:be\s+"
    r"(?P<verb>sent|dispatched|despatched|shipped|posted|e-?mailed|couriered|issued|credited|"
    r"refunded|resolved|fixed|repaired|restored|reconnected|replaced|corrected|unlocked|"
    r"delivered|paid|activated|released|deposited|reversed|completed|added|done|made|updated|"
    r"returned|transferred|reimbursed|"
    # "will be in the post to you tomorrow", "will be ready for pickup at the front desk"
    r"in\s+the\s+post|ready\s+for\s+(?:pick[\s-]?up|collection|signing))"
    # "your order will ship today", "it will go out today with DHL"
    r"|(?P<goes>ship|go\s+out))"
    # "by the courier" is theirs; "by Friday" is a time
    r"\b(?!\s+by\s+(?!us\b|me\b|our\b|(?:the\s+)?(?:end|close|mon|tue|wed|thu|fri|sat|sun|\d|"
    r"tomorrow|today|tonight|next|this|noon|midday|eod|cob)))",
    FLAGS,
)
# The stated time right after a passive dispatch ("will be sent to you by email within 24
# hours", "will ship on Monday"): a dated dispatch of ours, not a general description.
PASSIVE_TIMED = re.compile(
    r"(?:\s+(?:back|out|over))?(?:\s+(?:to|into|at)\s+(?:you|your|the)\b[^.;!?,]{0,40}?)?"
    r"(?:\s+(?:by|via|with)\s+(?:e-?mail|post|courier|DHL|UPS|FedEx|our\s+\w+))?\s+"
    r"(?:first\s+thing\s+)?"  # "will ship first thing on Monday"
    r"(?:today|tonight|tomorrow|tmrw|this\s+(?:morning|afternoon|evening|week)|"
    r"(?:on|by|before)\s+(?:the\s+)?(?:mon|tue|wed|thu|fri|sat|sun|\d)|"
    r"(?:on|by|before)\s+(?:the\s+)?(?:[a-z]+\s+)?\d|within\s+(?:the\s+next\s+)?(?:\d+[a-z]{0,3}|an?|one|two|"
    r"three|five|seven|ten)\b|in\s+the\s+next\b|next\s+(?:week|mon|tue|wed|thu|fri))",
    FLAGS,
)
# "Your refund will be processed by our billing team by Friday": the passive of a
# commitment whose agent is us or a team of ours (a third party's is not ours).
PASSIVE_BY_US = re.compile(
    r"\b(?:it|they|this|that|which|and|(?:a|an|the|your|this|that)\s+(?:[\w£$€.,-]+\s+){0,3}?"
    r"[\w£$€.,-]+)(?:'ll|\s+will)\s+be\s+(?:\w+ly\s+)?(?P<verb>[a-z]+ed|sent|paid|done|taken|set\s+up|dealt\s+with)"
    r"\b[^.;!?]{0,40}?\bby\s+(?:us|me|(?:our|my)\s+(?:[\w&*-]+\s+){0,3}?"
    rf"{STAFF}|one\s+of\s+our\s+(?:[\w&*-]+\s+){{0,2}}?{STAFF})\b",
    FLAGS,
)
OUR_STAFF = re.compile(
    rf"\b(?:our|my)\s+(?:[\w&*-]+\s+){{0,3}}?{STAFF}\b|\b(?:our|my)\s+(?:manager|boss|colleague)"
    rf"|\bthe\s+(?:relevant|appropriate|concerned|right|responsible)\s+(?:[\w&-]+\s+)?{STAFF}\b"
    # "We've got our Leeds store on it", "engineering has found the bug"
    r"|\b(?:our|my)\s+(?:[\w&-]+\s+){0,2}?(?:store|shop|branch|office|depot|warehouse|workshop)\b"
    r"|\b(?:engineering|billing|accounts|finance|logistics|operations|IT)\s+(?:has|have|is|are|"
    r"found|fixed|confirmed|said|says|told|replied|came\s+back)\b",
    FLAGS,
)
# Who "he / she / they / who" can stand for, besides OUR_STAFF: a role of ours ("the
# store manager", "our GM", "Dr. Lee", "Tier 3"), or whoever we just handed the case to
# ("I've passed your photos to Priya", "we already contact the warehouse").
HANDED_OVER = re.compile(
    rf"\b(?:our\s+(?:[\w&*-]+\s+){{0,2}}?{OUR_ONLY}|(?:the|our|my|your)\s+(?:[\w&'-]+\s+){{0,3}}?"
    rf"{STAFF}|dr\.?\s+(?-i:[A-Za-z])[\w'-]*|tier\s*\d)\b"
    r"|\b(?:I|we)(?:'ve|'d|'m|'re|\s+have|\s+had|\s+am|\s+are)?\s+(?:\w+\s+){0,2}?"
    + _any(*en.HANDOVER_VERBS)
    + r"\b"
    # "We have booked a technician visit for your AC. He will visit on 6 Jan."
    + r"|\b(?:booked|arranged|scheduled|initiated|requested|raised)\s+(?:a|an)\s+(?:[\w-]+\s+)?"
    + STAFF
    + r"\s+(?:visit|call|callback|appointment)\b"
    # "Your complaint has been escalated to the metering unit. They will visit on Monday."
    + r"|\b(?:has|have)\s+been\s+"
    + _any(*en.CASE_HANDOVERS)
    + r"\s+to\b",
    FLAGS,
)
THIRD_PARTY = re.compile(r"\b" + _any(*en.THIRD_PARTIES) + r"\b", FLAGS)
# "You will be notified of the result", "you will receive an update": a notice to the
# customer; it is a promise when dated and after a hand-over (NOTICE_HANDED_OVER).
DATED_NOTICE = re.compile(
    r"\byou(?:'ll|\s+will)\s+(?:be\s+" + _any(*en.NOTICE_VERBS) + r"|(?:get|receive)\s+"
    r"(?:a|an|the|your)\s+(?:[\w-]+\s+)?" + _any(*en.NOTICE_THINGS) + r")\b",
    FLAGS,
)
# "has been forwarded to the concerned department", "we have escalated your case".
NOTICE_HANDED_OVER = re.compile(
    r"\b(?:has|have|had|'ve|is|are|was|were)\s+(?:(?:been|also|now|already|duly)\s+){0,2}"
    r"(?:\w+\s+){0,3}?" + _any(*en.CASE_HANDOVERS) + r"\b"
    # "Your case is now with our claims team"
    rf"|\b(?:is|are)\s+(?:now\s+)?with\s+(?:our|the)\s+(?:[\w&-]+\s+){{0,2}}?{STAFF}\b",
    FLAGS,
)
# "you will be updated once it is validated": a person's notice, undated (PERSONAL_NOTICE_VERBS)
PERSONAL_NOTICE = re.compile(
    r"\byou(?:'ll|\s+will)\s+be\s+" + _any(*en.PERSONAL_NOTICE_VERBS) + r"\b", FLAGS
)
NOTICE_SUBJECT = re.compile(r"\b" + _any(*en.NOTICE_SUBJECTS), FLAGS)
# "Kindly expect an update within 3-5 business days", "Expect your refund within 7 days":
# the agent tells the customer what to wait for (dated, and not "from" someone: GET_FROM).
EXPECT_DATED = re.compile(
    r"(?:^|(?<=[.!;:,-]\s)|\b(?:kindly|please|so|and)\s+)expect\s+"
    r"(?P<what>(?!from\b)(?:[\w'-]+\s+){0,4}?)(?=(?:in|within|by|on|before)\s|"
    r"(?:today|tonight|tomorrow|tmrw)\b)",
    FLAGS,
)
# The stated time a result is due ("have the mast back up by 8pm tonight"); undated ("we'll
# have it back up soon") it is a hope, like "hopefully we'll have it back soon".
RESULT_TIME = re.compile(
    r"\b(?:by|before|on|for|until)\s+(?:the\s+)?(?:\d|mon|tue|wed|thu|fri|sat|sun|tomorrow|"
    r"tonight|today|then|eod|eow|cob|end\s+of|close\s+of|noon|midday|lunch)"
    r"|\b(?:today|tonight|tomorrow|tmrw)\b",
    FLAGS,
)
# The stated time of a notice: "within 7 working days", "by Friday", "in the next 48 hours".
NOTICE_TIME = re.compile(
    r"\b(?:within|in\s+the\s+next)\s+(?:\d+|an?|one|two|three|five|seven|ten)\b"
    r"|\b(?:by|before|on)\s+(?:the\s+)?(?:\d|mon|tue|wed|thu|fri|tomorrow|end\s+of|close\s+of|eod|cob)",
    FLAGS,
)


def stands_for_our_staff(before: str) -> bool:
    """Can "he / she / they / who" after `before` be our staff (not a courier we rang)?"""
    if OUR_STAFF.search(before):
        return True
    handed = HANDED_OVER.search(before)
    return handed is not None and not THIRD_PARTY.search(before, handed.start())


# Someone named, or "he / she / they", or any unit of ours, contacting the customer:
# "Hannah will ring you on Monday", "Karen's PA will email you", "our workshop will call
# you". A call or message to the customer is made for us unless a third party is named.
CONTACT_HANDOVER = re.compile(
    r"(?:\b(?P<pronoun>he|she|they)|(?<![\w'])(?P<name>(?-i:[A-Z][a-z]+)(?:'s\s+(?-i:[A-Za-z]+))?)"
    r"|\b(?:our|my)\s+(?:[\w&'-]+\s+){0,2}?[\w&'-]+)"
    r"(?P<modal>'ll|\s+will)\s+(?:(?:also|personally|then)\s+)?"
    r"(?:call|ring|phone|telephone|e-?mail|text|txt|whatsapp|message|contact|write\s+to|"
    r"get\s+back\s+to|reply\s+to|respond\s+to|give(?=\s+(?:you|u)\s+a\s+(?:call|ring|bell)))"
    r"\s+(?:you|u)\b",
    FLAGS,
)
# Capitalised words that are not someone of ours opening a sentence.
NOT_A_NAME = frozenset(
    (
        "The",
        "A",
        "An",
        "This",
        "That",
        "It",
        "Its",
        "Your",
        "You",
        "We",
        "I",
        "He",
        "She",
        "They",
        "Who",
        "Which",
        "What",
        "There",
        "Here",
        "Then",
        "Our",
        "My",
        "Their",
        "Someone",
        "Somebody",
        "Nobody",
        "Everyone",
        "Anyone",
        "Nothing",
        "Something",
        "Courier",
        "Bank",
        "Please",
        "Also",
    )
)

# "We've passed it to our complaints team and you'll hear back within 10 days"
HEAR_BACK = re.compile(r"\byou(?:'ll|\s+will|\s+should)\s+hear\s+back\b(?!\s+from)", FLAGS)
# "I've asked the installations manager to call you": our colleague's commitment, made for us.
# "I've asked your account manager, Tom, to ring you"; "I've moved them to our billing team
# and asked them to call you": a pronoun for the team of ours the sentence handed over to.
ASKED_STAFF = re.compile(
    r"\b(?:I|we)(?:'ve|\s+have)\s+(?:also\s+)?"
    r"(?:(?:asked|arranged\s+for|requested|instructed|booked)\s+"
    rf"(?:our|the|my|your|a|an|one\s+of\s+our)\s+(?:[\w&-]+\s+){{0,3}}?{STAFF}"
    r"(?:,\s*(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?,)?"
    r"|[^.;!?]{1,120}?\b(?:to|with)\s+(?:our|the|my)\s+(?:[\w&-]+\s+){0,3}?"
    rf"(?:{STAFF}|{DEPARTMENTS})\s+and\s+(?:also\s+)?(?:asked|requested|instructed)\s+"
    r"(?:them|him|her))\s+to\s+",
    FLAGS,
)
LET_ME = re.compile(r"\blet\s+(?:me|us)\s+(?!know\b|be\b|say\b|explain\b|assure\b|apologi)", FLAGS)
HEAR_FROM = re.compile(
    r"\b(?:you(?:'ll|\s+will|\s+should)\s+(?:be\s+)?(?:hear(?:ing)?|"
    r"get(?:ting)?\s+(?:a\s+)?(?:call|reply|response|update)"
    r"|receiv(?:e|ing)\s+(?:a\s+)?(?:call|reply|response|update))(?:\s+back)?"
    r"|(?:please\s+)?expect\s+(?:to\s+hear|(?:a|an)\s+(?:\w+\s+)?(?:call|ring|reply|response|"
    r"update|e-?mail))(?:\s+back)?)\s+from\s+(?P<who>me|us|them|him|her|"
    r"(?:our|my|the|(?:one|a\s+member)\s+of\s+our|a|an)\s+[^.,;]{0,40}?\b"
    rf"{STAFF})\b",
    FLAGS,
)


@dataclass(frozen=True, slots=True)
class VerbFound:
    """A subject and where its verb starts, read as a pattern's match: `start()`,
    `end()` (the verb's start) and `found["verb"]`."""

    first: int
    last: int
    verb: str

    def start(self) -> int:
        return self.first

    def end(self) -> int:
        return self.last

    def __getitem__(self, group: str) -> str:
        if group != "verb":
            raise IndexError(group)
        return self.verb


class _SubjectVerb:
    """ "I'm (now) sending", read on tokens: a subject, whitespace, at most one adverb and
    whitespace, then one of `verbs`, a whole word (a phrase: "fast-tracking"). With
    `opens_after`, the subject opens the text or follows whitespace or one of those
    characters."""

    def __init__(
        self,
        subjects: Sequence[str],
        adverbs: Sequence[str],
        verbs: Sequence[str],
        *,
        opens_after: str = "",
    ) -> None:
        self._subjects = tk.Pattern(subjects)
        self._adverbs = tk.Phrases(adverbs)
        self._verbs = tk.Phrases(verbs)
        self._opens_after = opens_after
        # an adverb, the longest verb, and the token after it ("d.m." needs one)
        self._count = 2 + max(len(tk.tokenise(verb)) for verb in verbs)
        # a sentence without a subject and an adverb or verb's first word is not read
        nexts = {tk.tokenise(word)[0].lower for word in (*adverbs, *verbs)}
        self._gate = re.compile(
            tk.openings_pattern(f"{subject} {word}" for subject in subjects for word in nexts),
            re.IGNORECASE,
        )

    def finditer(self, text: str) -> Iterator[VerbFound]:
        if not self._gate.search(text):
            return
        # subjects never overlap, nor does a subject start inside the adverb read after one
        for subject in self._subjects.finditer(text):
            found = self._opens(text, subject.start()) and self._verb_after(text, subject.end())
            if found:
                yield VerbFound(subject.start(), *found)

    def match(self, text: str, pos: int = 0, /) -> VerbFound | None:
        subject = self._subjects.match(text, pos)
        found = subject and self._opens(text, pos) and self._verb_after(text, subject.end())
        return VerbFound(pos, *found) if found else None

    def _opens(self, text: str, start: int) -> bool:
        if not self._opens_after or start == 0:
            return True
        return text[start - 1].isspace() or text[start - 1] in self._opens_after

    def _verb_after(self, text: str, end: int) -> tuple[int, str] | None:
        """(start, text) of the verb after whitespace and an adverb at `end`, or None."""
        rest = text[end:]
        tokens = tk.leading(rest, self._count)
        if not tokens or not rest[: tokens[0].start].isspace():
            return None  # whitespace (and nothing else) comes first
        adverb = self._adverbs.at(rest, tokens, 0)
        if adverb is not None and len(tokens) > 1 and rest[adverb : tokens[1].start].isspace():
            verb = self._verbs.at(rest, tokens, 1)
            if verb is not None:
                return end + tokens[1].start, rest[tokens[1].start : verb]
        verb = self._verbs.at(rest, tokens, 0)
        return None if verb is None else (end + tokens[0].start, rest[tokens[0].start : verb])


PROGRESSIVE = _SubjectVerb(
    en.PROGRESSIVE_SUBJECTS, en.PROGRESSIVE_ADVERBS, ing_forms(en.PROGRESSIVE_STEMS)
)
# "I send you the meeting link in the next hour", "we ship your item tomorrow": the simple
# present of non-native support English for a future action (counts only with a time).
PRESENT_COMMITMENT = _SubjectVerb(
    en.PRESENT_SUBJECTS, en.PRESENT_ADVERBS, en.PRESENT_FOR_FUTURE, opens_after=",;:("
)
# Habits and schedules, not one action for this customer: "we ship every Monday".
HABITUAL = re.compile(
    r"\b(?:every|each|usually|normally|generally|always|typically|often|daily|weekly|monthly|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekends|mornings|evenings)\b",
    FLAGS,
)
# "Our engineering team … is deploying a fix tonight": a team's arranged action (needs a time).
TEAM_PROGRESSIVE = re.compile(
    rf"\b(?:our|the)\s+(?:[\w&-]+\s+){{0,3}}?{STAFF}\b[^.;!?]{{0,80}}?\b(?:is|are)\s+"
    r"(?:now\s+|also\s+)?(?=(?P<verb>" + inflections(en.TEAM_PROGRESSIVE_STEMS, "ing") + r")\b)",
    FLAGS,
)
ESCALATING_STEMS = frozenset(en.ESCALATING_STEMS)


class _Effort:
    """Effort read on tokens (vocab/en.py EFFORT*): after whitespace and at most one
    courtesy adverb, "try our best" (EFFORT), "do what we can" (EFFORT_OPEN, the last word
    may run on: the match ends after its own letters), or a bare "try" (EFFORT_ALONE)
    before ".", "!", ",", the end, or EFFORT_ALONE_WHEN and the end."""

    def __init__(self) -> None:
        self._closed = tk.Phrases(en.EFFORT)
        # one matcher per phrase: its last word's length is where the match ends
        self._open = tuple(
            (tk.Phrases((phrase,), open_end=True), len(phrase.split()[-1]))
            for phrase in en.EFFORT_OPEN
        )
        self._alone = tuple(tk.fold(word) for word in en.EFFORT_ALONE)
        self._when = tk.Phrases(en.EFFORT_ALONE_WHEN)
        self._adverbs = tk.Phrases(en.COURTESY_ADVERBS)
        phrases = (*en.EFFORT, *en.EFFORT_OPEN, *en.COURTESY_ADVERBS)
        self._count = 2 + max(len(tk.tokenise(phrase)) for phrase in phrases)
        self._first_words = frozenset(tk.tokenise(phrase)[0].lower for phrase in phrases)

    def match(self, text: str, pos: int = 0, /) -> tk.Found | None:
        start = _after_space(text, pos)
        first = _WORD_AT.match(text, start)
        word = tk.fold(first.group()) if first else ""
        if word not in self._first_words and not word.startswith(self._alone):
            return None  # the usual case: read no further
        rest = text[start:]
        tokens = tk.leading(rest, self._count)
        adverb = self._adverbs.at(rest, tokens, 0)
        if adverb is not None and len(tokens) > 1 and rest[adverb : tokens[1].start].isspace():
            end = self._effort_at(rest, tokens[1].start)
            if end is not None:
                return tk.Found(pos, start + end)
        end = self._effort_at(rest, 0)
        return None if end is None else tk.Found(pos, start + end)

    def _effort_at(self, text: str, at: int) -> int | None:
        rest = text[at:]
        tokens = tk.leading(rest, self._count)
        end = self._closed.at(rest, tokens, 0)
        if end is not None:
            return at + end
        for phrases, letters in self._open:
            end = phrases.at(rest, tokens, 0)
            if end is not None:
                last = next(t for t in tokens if t.end == end)
                return at + last.start + letters
        for word in self._alone:
            if tk.fold(rest[: len(word)]) == word and self._nothing_named(rest[len(word) :]):
                return at + len(word)
        return None

    def _nothing_named(self, after: str) -> bool:
        """Is the rest of the text after a bare "try" punctuation, the end, or a time?"""
        stripped = after.lstrip()
        if not stripped or stripped[0] in ".!,":
            return True
        if not stripped[0].isalnum():
            return False
        when = self._when.at(stripped, tk.leading(stripped, 4), 0)
        return when is not None and stripped[when:].strip() in ("", ".", "!")


EFFORT = _Effort()
_ADVERBS = tk.Phrases(en.ADVERBS)
_NEGATIONS = tk.Phrases(en.NEGATIONS)
_COURTESY = tk.Phrases(en.COURTESY)
_COURTESY_ADVERBS = tk.Phrases(en.COURTESY_ADVERBS)


def _read_from(sentence: str, pos: int) -> tuple[str, Sequence[tk.Token], int]:
    """The tokens a pattern matched at `pos` reads: (text, its tokens, the offset of text
    in `sentence`). A word cut at `pos` is read from there, as the pattern would
    ("n't" of "won't" read from after "wo")."""
    tokens = tk.tokenise(sentence)
    first = bisect_left(tokens, pos, key=lambda t: t.start)
    if first and tokens[first - 1].end > pos:
        return sentence[pos:], tk.tokenise(sentence[pos:]), pos
    return sentence, tokens, 0


def _after_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


def _token_at(tokens: Sequence[tk.Token], at: int) -> int | None:
    """The index of the token that starts at offset `at`, or None."""
    i = bisect_left(tokens, at, key=lambda t: t.start)
    return i if i < len(tokens) and tokens[i].start == at else None


def _adverb_ends(text: str, tokens: Sequence[tk.Token], i: int) -> list[int]:
    ends = _ADVERBS.ends(text, tokens, i)
    # "be" before an -ing word: "we'll be sending it"
    if tokens[i].lower == "be" and i + 1 < len(tokens):
        after = tokens[i + 1]
        gap = text[tokens[i].end : after.start]
        ing = after.lower.endswith("ing") and len(after.lower) > 3
        if gap and gap.isspace() and after.kind in ("word", "number") and ing:
            ends.append(tokens[i].end)
    return ends


def adverbs_end(sentence: str, pos: int) -> int:
    """Where the adverbs read past after a modal at `pos` end ("I'll also personally
    call you": before "call"), with the whitespace around them; `pos` if none."""
    text, tokens, shift = _read_from(sentence, pos)
    at = _after_space(text, pos - shift)
    while (i := _token_at(tokens, at)) is not None:
        ends = [end for end in _adverb_ends(text, tokens, i) if text[end : end + 1].isspace()]
        if not ends:
            break
        at = _after_space(text, ends[0])
    return at + shift


def negated_at(sentence: str, pos: int) -> bool:
    """Does the verb phrase at `pos` open with a negation ("I will not", "we'll never")?"""
    text, tokens, shift = _read_from(sentence, pos)
    i = _token_at(tokens, _after_space(text, pos - shift))
    return i is not None and _NEGATIONS.at(text, tokens, i) is not None


def courtesy_at(sentence: str, pos: int) -> bool:
    """Is the verb phrase at `pos` a courtesy, not an action ("we'll (always) be happy to
    help")?"""
    text, tokens, shift = _read_from(sentence, pos)
    i = _token_at(tokens, _after_space(text, pos - shift))
    if i is None:
        return False
    if _COURTESY.at(text, tokens, i) is not None:
        return True
    adverb = _COURTESY_ADVERBS.at(text, tokens, i)
    if adverb is None or not text[adverb : adverb + 1].isspace():
        return False
    after = _token_at(tokens, _after_space(text, adverb))
    return after is not None and _COURTESY.at(text, tokens, after) is not None


_YOU = r"(?:you|u|ya)"
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
_ESCALATE_STEMS = _any(
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
        _any(
            r"touch\s+base",
            r"follow(?:ing)?[\s-]?up",
            r"reach\s+out",
            "revert",
            "respond",
            "reply",
            r"(?:circle|loop)\s+back",
            "confirm",
            r"report\s+back",
            rf"contact\s+{_YOU}\b",
            # "a dedicated officer will reach you by Monday" (not goods: "it will reach you")
            rf"reach\s+{_YOU}\s+(?:by\s+(?:phone|e-?mail|sms|text)|on\s+(?:your|or)\b|within|"
            r"(?:by|before)\s+(?:mon|tue|wed|thu|fri|tomorrow|end|eod|cob)|today|tomorrow)",
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
            rf"(?:keep|continue)\s+(?:to\s+help|helping)\s+{_YOU}\b",
            # after the customer's DM: "we'll pick it up with you there", "continue in DM"
            r"(?:pick\s+(?:it|this|that|things)\s+up|continue|carry\s+on|"
            # "we'll talk to you there", "chat with you in DM" (an invitation without the
            # customer's DM: guards' customer-acts-first)
            rf"(?:talk|chat|speak)(?:\s+(?:to|with)\s+{_YOU})?|"
            # "we'll help you there", "we will assist you further in DM"
            rf"take\s+(?:it|this)\s+"
            r"(?:forward|from\s+(?:here|there))|keep\s+(?:the|our)\s+(?:conversation|convo|chat)"
            rf"\s+going|keep\s+(?:working|chatting)(?:\s+with\s+{_YOU})?)"
            rf"(?:\s+(?:with\s+{_YOU}|the\s+(?:conversation|convo)|our\s+(?:conversation|chat)))?"
            r"\s+(?:(?:over\s+)?there\b|in\s+(?:dms?|pms?|private|chat|e-?mail|(?:a|the)\s+dms?)\b|(?:via|over|by)\s+"
            rf"(?:dm|pm|e-?mail|phone|chat)\b|with\s+{_YOU}\b)",
        ),
    ),
    ("escalate", rf"(?:shar|relay)\w*\b[^.;]{{0,60}}?\b{_TEAM_TARGET}\b"),
    ("escalate", rf"{_ESCALATE_STEMS}\w*\b[^.;]{{0,60}}?\b{_TEAM_TARGET}\b"),
    ("escalate", "escalat*"),
    ("escalate", _any(*en.ESCALATE_VERBS)),
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
    ("update", r"post\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:update|reply|response)s?\b"),
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
    ("send", "send verbs"),
    ("fix", "fix verbs"),
    ("check", "check verbs"),
    # "call the hotel" is a check; "call it a day" is nothing.
    ("check", "call someone"),
)
# "I'll be round Friday morning to fit it", "our technician will come on Monday".
VISIT = re.compile(_any(*en.VISIT_VERBS) + r"\b", FLAGS)
VISIT_WITH_TIME = re.compile(_any(*en.VISIT_WITH_TIME) + r"\b", FLAGS)
VISIT_PURPOSE = re.compile(r"[^.;!?]{0,60}?\b(?:to|and)\s+(?=[a-z])", FLAGS)
VISIT_TIME = re.compile(
    r"\s+(?:on\s+|at\s+|by\s+|between\s+|before\s+|after\s+|around\s+|about\s+|this\s+|"
    r"next\s+|in\s+the\s+|first\s+thing\s+|early\b|later\b)?"
    r"(?:tomorrow|tmrw|tmr|2moro|today|tonight|\d|"
    + "|".join(dict.fromkeys(day[:3] for day in en.WEEKDAYS))
    + r"|morning|afternoon|evening|week|noon|midday|"
    + _any(*dict.fromkeys(month[:3] for month in en.MONTHS))
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
        after = _after_space(rest, end)
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
            _any(
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
        re.compile(_any(*en.FIX_VERB_PATTERNS) + r"\b", FLAGS),
    ),
    "check verbs": _Either(
        _Opening(en.CHECK_VERBS), re.compile(_any(*en.CHECK_VERB_PATTERNS) + r"\b", FLAGS)
    ),
}
KIND_RULES: tuple[tuple[PromiseKind, KindRule], ...] = tuple(
    (kind, _TOKEN_RULES.get(pattern) or re.compile(pattern, FLAGS)) for kind, pattern in _RULES
)


# "We'll have the invoice corrected", "I'll get that credited back": the kind is
# the participle (or a later verb: "we'll have a technician replace the router").
class _HaveGet:
    """ "have" / "get" and the whitespace after them opening a verb phrase, read on tokens;
    not before HAVE_GET_NOT, unless more than one whitespace character comes between
    (where the pattern this replaces, `\\s+(?!back)`, backed off one)."""

    _OPENING = frozenset(en.HAVE_GET)
    _NOT = tk.Phrases(en.HAVE_GET_NOT)

    def match(self, text: str, pos: int = 0, /) -> tk.Found | None:
        first = _WORD_AT.match(text, pos)
        if first is None or tk.fold(first.group()) not in self._OPENING:
            return None
        end = _after_space(text, first.end())
        if end == first.end():
            return None
        rest = text[end:]
        if rest[:1].isalnum() and self._NOT.at(rest, tk.leading(rest, 4), 0) is not None:
            return tk.Found(pos, end - 1) if end - first.end() > 1 else None
        return tk.Found(pos, end)


HAVE_GET = _HaveGet()
