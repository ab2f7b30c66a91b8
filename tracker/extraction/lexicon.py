"""Who commits, and with which modal: the subjects of a commitment.

"I'll", "we are going to", "our billing team will", "they'll" (for a team of ours named
before), chat shorthand and informal "ill" / "well", passives of our own actions, notices
to the customer, hand-overs to someone of ours and the third parties that are not ours.
Everything runs on text whose apostrophes are normalised to "'", case-insensitively. The
verb phrase that follows is read elsewhere: its opening (adverbs, negation, courtesy,
effort) by verb_phrase.py, its kind by kind_rules.py; "I'm sending" and "we ship
tomorrow" by present_tense.py.

Some readers are token matchers over plain phrases of vocab/en.py (tokens.py): the
subjects with their modals ("I'll", "they are going to") and informal "I'll". They find
what the patterns they replaced found (tests/extraction/test_token_ports.py keeps those
patterns and compares them); the others are still regular expressions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from tracker.extraction import cues
from tracker.extraction import tokens as tk
from tracker.extraction.verb_phrase import after_space
from tracker.extraction.vocab import en

FLAGS = re.IGNORECASE


def any_of(*alternatives: str) -> str:
    """A non-capturing group matching any one of `alternatives` (regex sources)."""
    return "(?:" + "|".join(alternatives) + ")"


# The cheap cue test and cue finding live in cues.py; re-exported for callers here.
has_cue = cues.has_cue
cue_matches = cues.cue_matches


# Staff of ours and departments (vocab/en.py).
STAFF = any_of(*en.STAFF_NOUNS, *en.ROLE_NOUNS)
DEPARTMENTS = any_of(*en.DEPARTMENTS)
# Only with "our": "our courier" is ours, "the courier" a third party.
OUR_ONLY = any_of(*en.OUR_ONLY_NOUNS)
ROLES = any_of(*en.ROLE_NOUNS)
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
# One character of a clause, or a whole aside in brackets read as one ("Our developers have
# found the cause (a retry was writing the file twice) and are deploying a fix tonight"): the
# aside does not use up the reach between a subject and its verb.
ASIDE_OR_CHARACTER = r"(?:\([^()]{0,120}\)|[^.;?!])"
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
    r"(?:'m|'re|'ve|\s+(?:am|are|is|have|has))?" + ASIDE_OR_CHARACTER + r"{1,80}?\b(?:and|but)\s+"
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


# Texted with subject and modal both dropped: "ring u back in 5", "Be with u about 5", at the
# start of a clause (after "np", "sorry" …), the customer as the object (CLIPPED_VERBS); or
# the sender's arrival, "be there by 7" (CLIPPED_ARRIVALS).
CLIPPED = re.compile(
    r"(?:^|(?<=[,;:])\s+|\s[-–—]\s+|(?<=[\u2600-\u27bf\U0001f300-\U0001faff])\s*)"
    r"(?:(?:ok(?:ay)?|sure|np|no\s+(?:problem|worries)|yep|yes|yeah|got\s+it|cool|great|"
    r"thanks|thx|ty|alright|perfect|sorry|soz)[\s,!.:-]+)*"
    r"(?P<verb>"
    + any_of(*en.CLIPPED_VERBS)
    + r"\s+(?:you|u|ya)|"
    + any_of(*en.CLIPPED_ARRIVALS)
    + r")\b"
    r"(?!\s+(?:" + "|".join(en.CLIPPED_NOT_BEFORE) + r"|\w+ed)\b)",
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
        after = after_space(text, end)
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
# "Sure - you'll have it Monday", "Let me write a patch; you'll have it by Friday": what we
# make or send, from the customer's side, opening its clause and with its time.
HAVE_IT = re.compile(
    r"(?:^|(?<=[;:—–-]\s)|(?<=\band\s))you(?:'ll|\s+will)\s+have\s+(?:it|them|this|that)\s+"
    r"(?=(?:by|on|before|in|within)\s|(?:today|tonight|tomorrow|next|this|early|first|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)\w*)\b)",
    FLAGS,
)
# Something already on its way: "It was posted on Monday, you'll have it by Friday" (the
# carrier's part, not ours).
ALREADY_ON_ITS_WAY = re.compile(
    r"\b(?:was|were|has\s+been|have\s+been|'s\s+been)\s+(?:\w+\s+)?(?:sent|mailed|issued|"
    r"shipped|posted|dispatched|despatched|processed|refunded|released)\b",
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
# commitment whose agent is us or a team of ours (a third party's is not ours). An adverb
# may stand on either side of "be" ("your sofa will now be delivered by our two-person
# team"), and a service or courier of ours acts too ("by our baggage delivery service", not
# "by our courier partner", another company).
_BY_ADVERB = any_of(*en.PASSIVE_ADVERBS)
PASSIVE_BY_US = re.compile(
    r"\b(?:it|they|this|that|which|and|(?:a|an|the|your|this|that)\s+(?:[\w£$€.,-]+\s+){0,3}?"
    rf"[\w£$€.,-]+)(?:'ll|\s+will)\s+(?:{_BY_ADVERB}\s+)?be\s+(?:\w+ly\s+|{_BY_ADVERB}\s+)?"
    r"(?P<verb>[a-z]+ed|sent|paid|done|taken|set\s+up|dealt\s+with)"
    r"\b[^.;!?]{0,40}?\bby\s+(?:us|me|(?:our|my)\s+(?:[\w&*-]+\s+){0,3}?"
    rf"(?:{STAFF}|{OUR_ONLY}(?!\s+partners?\b))"
    rf"|one\s+of\s+our\s+(?:[\w&*-]+\s+){{0,2}}?{STAFF})\b",
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
    + any_of(*en.HANDOVER_VERBS)
    + r"\b"
    # "We have booked a technician visit for your AC. He will visit on 6 Jan."
    + r"|\b(?:booked|arranged|scheduled|initiated|requested|raised)\s+(?:a|an)\s+(?:[\w-]+\s+)?"
    + STAFF
    + r"\s+(?:visit|call|callback|appointment)\b"
    # "Your complaint has been escalated to the metering unit. They will visit on Monday."
    + r"|\b(?:has|have)\s+been\s+"
    + any_of(*en.CASE_HANDOVERS)
    + r"\s+to\b",
    FLAGS,
)
THIRD_PARTY = re.compile(r"\b" + any_of(*en.THIRD_PARTIES) + r"\b", FLAGS)
# "You will be notified of the result", "you will receive an update": a notice to the
# customer; it is a promise when dated and after a hand-over (NOTICE_HANDED_OVER).
DATED_NOTICE = re.compile(
    r"\byou(?:'ll|\s+will)\s+(?:be\s+" + any_of(*en.NOTICE_VERBS) + r"|(?:get|receive)\s+"
    r"(?:a|an|the|your)\s+(?:[\w-]+\s+)?" + any_of(*en.NOTICE_THINGS) + r")\b",
    FLAGS,
)
# "has been forwarded to the concerned department", "we have escalated your case".
NOTICE_HANDED_OVER = re.compile(
    r"\b(?:has|have|had|'ve|is|are|was|were)\s+(?:(?:been|also|now|already|duly)\s+){0,2}"
    r"(?:\w+\s+){0,3}?" + any_of(*en.CASE_HANDOVERS) + r"\b"
    # "Your case is now with our claims team"
    rf"|\b(?:is|are)\s+(?:now\s+)?with\s+(?:our|the)\s+(?:[\w&-]+\s+){{0,2}}?{STAFF}\b",
    FLAGS,
)
# "you will be updated once it is validated": a person's notice, undated (PERSONAL_NOTICE_VERBS)
PERSONAL_NOTICE = re.compile(
    r"\byou(?:'ll|\s+will)\s+be\s+" + any_of(*en.PERSONAL_NOTICE_VERBS) + r"\b", FLAGS
)
NOTICE_SUBJECT = re.compile(r"\b" + any_of(*en.NOTICE_SUBJECTS), FLAGS)
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
# "You will be contacted shortly" right after a hand-over: a person of ours will, soon (a
# default due). Only right after the notice verb (and at most one short word between).
NOTICE_SOON = re.compile(r"\s+(?:\w+\s+)?(?:shortly|soon|as\s+soon\s+as\s+possible|asap)\b", FLAGS)
NOTICE_TIME = re.compile(
    r"\b(?:within|in\s+the\s+next)\s+(?:\d+|an?|one|two|three|five|seven|ten)\b"
    # "in approx 25 mins", "in 2 hours" (not "in a bit")
    r"|\bin\s+(?:(?:approx(?:imately|\.)?|about|around|roughly)\s+)?\d+\s*(?:-\s*\d+\s*)?"
    r"(?:min|hour|hr|h\b|day|business|working)"
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
# A colleague named by first name, or "one of us" / "someone from security" / "a
# specialist from that team", promising
# something with a stated time: "Rosa will send you the build by Friday", "Our field
# technician Óscar will visit on Wednesday", "One of us will follow up by Thursday".
# Opening a sentence or clause, the name right before the modal (no "Python 3.12 will").
NAMED_COLLEAGUE = re.compile(
    r"(?:^\s*|(?<=[;:])\s*|(?<=,)\s+(?:and|but|so)\s+|\s[-–—]\s+)"
    r"(?P<who>(?:(?:our|my)\s+(?:[\w-]+\s+){0,2}?(?-i:[a-z][\w-]*)\s+)?"
    r"(?P<name>(?-i:[A-ZÀ-Þ][a-zß-ÿ]+(?:-(?-i:[A-ZÀ-Þ][a-zß-ÿ]+))?)(?:\s+(?-i:[A-ZÀ-Þ][a-zß-ÿ]+))?)"
    r"|one\s+of\s+us|someone\s+(?:from|in|on)\s+(?:our\s+|the\s+)?[\w-]+(?:\s+team)?"
    # "A specialist from that team will call you within 48 hours"
    r"|(?:someone|somebody|an?\s+(?:[\w-]+\s+)?(?:member|" + STAFF + r"))\s+(?:from|in|on|of)\s+"
    r"(?:our|the|that|this)\s+(?:[\w-]+\s+){0,2}?(?:team|department|dept|desk))"
    r"(?P<modal>'ll|’ll|\s+will)\b(?:\s+(?:also|personally|then|now)\b)?",
    FLAGS,
)
# A he / she whose antecedent is a colleague named in the sentence before: "Ilse agrees
# it's the sign test. She'll send a patch on Monday"; "I've assigned it to Iker. He'll ...".
NAMED_BEFORE = re.compile(
    r"(?:\b(?:to|asked|with|and|from|colleague|maintainer|developer)\s+|^\W*)"
    r"(?P<name>(?-i:[A-ZÀ-Þ][a-zß-ÿ]+(?:-(?-i:[A-ZÀ-Þ][a-zß-ÿ]+))?)(?:\s+(?-i:[A-ZÀ-Þ][a-zß-ÿ]+))?)"
    r"(?:,|\s+(?:(?-i:[a-z]+(?:s|ed))|has|is|was|had|knows|will|who)\b)",
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
    rf"{STAFF}"
    # a colleague by name with the team of ours they are in: "Mariana in our firmware team"
    r"|(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?,?\s+(?:in|from|on|of)\s+our\s+"
    rf"(?:[\w&-]+\s+){{0,2}}?(?:team|department|desk|group|{STAFF}|{DEPARTMENTS}))\b",
    FLAGS,
)
