"""The extractor's vocabulary as data, one module per language (issue 12, item 1).

The grammar (lexicon.py, kind_rules.py, detect.py, guards.py, due.py, lemmas.py, …)
builds its patterns from these names, and reads the plain word lists as tokens
(tokens.py); a new phrasing is an edit to a list here plus an example in
tests/extraction/test_extraction_trace.py.
Like dateparser's
`data/date_translation_data/<language>.py`, each language is one module defining the
names in `NAMES`, with the same meaning and shape as in en.py; `LANGUAGES` lists them.
Only English is wired into the grammar today: a second language needs its module here
and the grammar choosing the module by the message's language.
"""

from __future__ import annotations

from types import ModuleType

from tracker.extraction.vocab import en

LANGUAGES: dict[str, ModuleType] = {"en": en}

# What a language module defines (tests/extraction/test_vocabulary.py checks each one).
NAMES: tuple[str, ...] = (
    # who commits, and how
    "SELF_SUBJECTS",
    "SELF_MODALS",
    "PRESENT_SUBJECTS",
    "PRESENT_ADVERBS",
    "PRESENT_FOR_FUTURE",
    "TEAM_MODALS",
    "PRONOUN_SUBJECTS",
    "PRONOUN_MODALS",
    "INFORMAL_MODALS",
    "INFORMAL_OPENS_AFTER",
    "NOT_INFORMAL_AFTER",
    "STAFF_NOUNS",
    "DEPARTMENTS",
    "ROLE_NOUNS",
    "OUR_ONLY_NOUNS",
    "STAFF_HINTS",
    "HANDOVER_VERBS",
    "THIRD_PARTIES",
    # actions and their kinds
    "SEND_VERBS",
    "SEND_VERB_PATTERNS",
    "FIX_VERBS",
    "FIX_VERB_PATTERNS",
    "CHECK_VERBS",
    "ESCALATE_VERBS",
    "CHECK_VERB_PATTERNS",
    "UPDATE_VERBS_YOU",
    "CALL_NOUNS",
    "VISIT_VERBS",
    "VISIT_WITH_TIME",
    "VERB_KINDS",
    "NOT_PARTICIPLE_STEMS",
    "IRREGULAR_FORMS",
    "SUFFIXES",
    "ESCALATING_STEMS",
    "PROGRESSIVE_STEMS",
    "PROGRESSIVE_SUBJECTS",
    "PROGRESSIVE_ADVERBS",
    "TEAM_PROGRESSIVE_STEMS",
    # what makes it not a promise
    "NEGATIONS",
    "CONDITIONS",
    "TRAILING_CONDITIONS",
    "COURTESY",
    "COURTESY_ADVERBS",
    "AUTO_REPLY_MARKERS",
    "GENERIC_REPLIES",
    "EFFORT",
    "EFFORT_OPEN",
    "EFFORT_ALONE",
    "EFFORT_ALONE_WHEN",
    "ADVERBS",
    "HEDGES",
    "DISCLAIMERS",
    "PUBLIC_CHANNELS",
    "REQUEST_LEADS",
    "REQUEST_VERBS",
    "CUSTOMER_ACTIONS",
    "CUSTOMER_ACTION_LEADS",
    "PLEASE_WORDS",
    "NOT_REQUESTED",
    "NOT_REQUESTED_WORDS",
    "FEEDBACK_WORDS",
    "FEEDBACK_VERBS",
    "FEEDBACK_OBJECTS",
    "PASS_ON_VERBS",
    "PASS_ON_OBJECTS",
    # the calendar
    "MONTHS",
    "WEEKDAYS",
    "NUMBERS",
    # words read as tokens (tokens.py)
    "CLITICS",
    "SENT_THINGS",
    "NEWS_WORDS",
    "CALL_WORDS",
    "AUTOMATED_NOTICES",
    "RIGHT_NOW",
    "ANSWERED",
    "CLAUSE_SEPARATORS",
    "HOLD_LEADS",
    "HOLD_MOMENTS",
    "HOLD_NOT_BEFORE",
    "HOLD_WORDS",
    "HOLD_OPEN",
    "ALREADY_ACTED_LEADS",
    "ALREADY_ACTED_WHOSE",
    "ALREADY_SENT",
    "NOT_YET",
    "REGARDLESS",
    "WAITING",
    "CUSTOMER_FIRST",
    "CUSTOMER_FIRST_OPEN",
    "YOU_WORDS",
    "TOGETHER",
    "MADE_TOGETHER",
    "NEXT_REQUEST",
    "QUESTION_STARTS",
    "ARRANGE_FOR",
    "CONFIRMED",
    "CONNECTOR_ENDS",
    "DONE_NOW",
    "NOT_NOW_BEFORE",
    "THIRD_PERSON",
    "MAKE_SURE",
    # what the decision model reads (features.py)
    "DM_WORDS",
    "NEGATION_WORDS",
    "THANKS_WORDS",
    "SUBJECT_TYPES",
    # commitments with a verb no list names (unlisted.py)
    "NON_ACTION_VERBS",
    "NOT_VERBS",
    "FOR_YOU",
    "DONE_THINGS",
    "MODAL_TYPES",
    "MODALS_UNATTACHED",
    "PAST_WORDS",
    "PAST_SUBJECTS",
    "PAST_AUXILIARIES",
    "PAST_ADVERBS",
    "PAST_ENDINGS",
)
