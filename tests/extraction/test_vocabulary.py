"""The vocabulary is data: each language module has every name the grammar reads, and
the grammar reads verbs by their stems (lemmas.py), so one row covers every inflection."""

from __future__ import annotations

import re

import pytest

from tracker.extraction import lemmas
from tracker.extraction.vocab import LANGUAGES, NAMES, en


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_module_defines_every_name_the_grammar_reads(language: str) -> None:
    module = LANGUAGES[language]
    missing = [name for name in NAMES if not hasattr(module, name)]
    assert missing == []
    for name in NAMES:
        value = getattr(module, name)
        assert isinstance(value, (tuple, dict)) and value, name


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_regular_expression_in_the_data_compiles(language: str) -> None:
    module = LANGUAGES[language]
    for name in NAMES:
        value = getattr(module, name)
        entries = value if isinstance(value, tuple) else tuple(value)
        for entry in entries:
            if isinstance(entry, str) and len(entry) > 1:  # one character: a literal ("(")
                re.compile(entry, re.IGNORECASE)


def _literal(entry: str) -> str:
    """The letters an entry always matches: "(?:team\\s+)?leads?" -> "lead"."""
    entry = re.sub(r"\(\?:[^()]*\)\??", "", entry)
    entry = re.sub(r"\[(\w)\w*\]", r"\1", entry).replace(r"\s+", " ")
    return re.sub(r"[?*+\\]", "", entry).lower()


def test_every_staff_word_has_a_hint_so_the_team_patterns_are_not_skipped() -> None:
    nouns = en.STAFF_NOUNS + en.DEPARTMENTS + en.ROLE_NOUNS + en.OUR_ONLY_NOUNS
    unhinted = [n for n in nouns if not any(h in _literal(n) for h in en.STAFF_HINTS)]
    assert unhinted == []


LEMMAS = {
    "shipped": ("ship", "past"),
    "cancelled": ("cancel", "past"),
    "canceled": ("cancel", "past"),
    "rectified": ("rectify", "past"),
    "re-enabled": ("re-enable", "past"),
    "escalating": ("escalate", "ing"),
    "referring": ("refer", "ing"),
    "fixes": ("fix", "base"),
    "phones": ("phone", "base"),
    "sent": ("send", "past"),
    "unfrozen": ("unfreeze", "past"),
}
# Words that look inflected but are not forms of a stem the grammar names.
NOT_LEMMAS = {
    "did": ("did", "base"),  # a simple past, not the participle "done"
    "thing": ("thing", "base"),
    "need": ("need", "base"),
    "bed": ("bed", "base"),
}


@pytest.mark.parametrize(("word", "expected"), {**LEMMAS, **NOT_LEMMAS}.items())
def test_a_word_is_read_by_its_stem_and_form(word: str, expected: tuple[str, str]) -> None:
    assert lemmas.lemma(word) == expected


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("corrected", "fix"),
        ("fixes", "fix"),
        ("emailed", "send"),  # "have it emailed": a document sent
        ("email", "update"),  # "have someone email you": news
        ("looked", "check"),
        ("look", None),
        ("did", None),
        ("working", "fix"),
        ("work", None),
    ],
)
def test_one_row_of_verb_kinds_covers_the_forms_it_names(word: str, kind: str | None) -> None:
    assert lemmas.word_kind(word) == kind


def test_a_list_of_stems_becomes_a_pattern_for_their_inflections() -> None:
    pattern = re.compile(lemmas.inflections(("ship", "escalate", "refer", "send"), "ing") + r"\b")
    for word in ("shipping", "escalating", "referring", "sending"):
        assert pattern.fullmatch(word), word
    for word in ("ship", "escalate", "escalated", "sent"):
        assert not pattern.fullmatch(word), word
    past = re.compile(lemmas.inflections(("ship", "send"), "past"))
    assert past.fullmatch("shipped") and past.fullmatch("sent") and not past.fullmatch("sended")


def test_the_due_grammar_reads_the_calendar_words_from_the_data() -> None:
    from tracker.extraction import due

    assert due._MONTHS is en.MONTHS and due._WEEKDAYS is en.WEEKDAYS
    assert due._NUMBERS is en.NUMBERS
