"""The extractor's vocabulary as data, one module per language (issue 12, item 1).

The grammar (lexicon.py, detect.py, guards.py, due.py, lemmas.py) builds its patterns
from these names; a new phrasing is an edit to a list here plus an example in
tests/extraction/test_extraction_trace.py. Like dateparser's
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
    "PRESENT_FOR_FUTURE",
    "TEAM_MODALS",
    "INFORMAL_MODALS",
    "STAFF_NOUNS",
    "DEPARTMENTS",
    "ROLE_NOUNS",
    "OUR_ONLY_NOUNS",
    "STAFF_HINTS",
    "HANDOVER_VERBS",
    "THIRD_PARTIES",
    # actions and their kinds
    "SEND_VERBS",
    "FIX_VERBS",
    "CHECK_VERBS",
    "UPDATE_VERBS_YOU",
    "CALL_NOUNS",
    "VISIT_VERBS",
    "VISIT_WITH_TIME",
    "VERB_KINDS",
    "IRREGULAR_FORMS",
    "SUFFIXES",
    "ESCALATING_STEMS",
    "PROGRESSIVE_STEMS",
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
    "ADVERBS",
    "HEDGES",
    "DISCLAIMERS",
    "PUBLIC_CHANNELS",
    "REQUEST_LEADS",
    "REQUEST_VERBS",
    "CUSTOMER_ACTIONS",
    "FEEDBACK_WORDS",
    "FEEDBACK_VERBS",
    "FEEDBACK_OBJECTS",
    "PASS_ON_VERBS",
    "PASS_ON_OBJECTS",
    # the calendar
    "MONTHS",
    "WEEKDAYS",
    "NUMBERS",
)
