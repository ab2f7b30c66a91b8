"""Finding commitment cues in long messages from literal-led candidates gives exactly
the positions the full cue pattern finds, only faster."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extraction import cues, lexicon

WORDS = [
    "i",
    "am",
    "i'm",
    "i’m",
    "we",
    "we're",
    "we’re",
    "are",
    "is",
    "now",
    "sending",
    "shipping",
    "fixing",
    "will",
    "'ll",
    "’ll",
    "shall",
    "should",
    "gonna",
    "going",
    "to",
    "let",
    "me",
    "us",
    "expect",
    "hear",
    "plan",
    "intend",
    "from",
    "who'll",
    "who’ll",
    "'ve",
    "’ve",
    "have",
    "asked",
    "aim",
    "aims",
    "arranged",
    "the",
    "a",
    "hi",
    "team",
    "call",
    "ring",
    "txt",
    "mail",
    "be",
    "with",
    "back",
    "you",
    "u",
    "wi",
    ",",
    ".",
    "?",
    "!",
    "x",
]
SPACES = ("", " ", "  ", "\n", "\t")


def full_pattern_starts(text: str) -> list[int]:
    return [m.start() for m in cues._CUE.finditer(text.lower())]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), max_size=40))
def test_cue_positions_are_those_of_the_full_pattern(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + space for word, space in parts)
    assert list(cues.cue_matches(text)) == full_pattern_starts(text)


def test_cue_positions_match_in_mixed_case_and_overlapping_cues() -> None:
    text = "WILL'LL I  AM sending We’re Going\tto WHO'LL have   instructed shouldwill"
    assert list(cues.cue_matches(text)) == full_pattern_starts(text)


def test_the_only_cue_at_the_end_of_a_long_message_is_found() -> None:
    text = "Your parcel left the Leeds depot on 3 December at 4pm. " * 2_000 + "I'll check it."
    assert list(cues.cue_matches(text)) == [len(text) - len("I'll check it.") + 1]


def test_a_texted_contact_without_subject_or_modal_is_a_cue() -> None:
    text = "Your parcel left the Leeds depot on 3 December at 4pm. " * 2_000 + "ring u back in 5"
    assert list(cues.cue_matches(text)) == [len(text) - len("ring u back in 5")]


def test_cues_across_the_chunk_boundary_are_found_once() -> None:
    samples = ("I'll", "we are", "i   am", "is shipping", "should", "going\tto", "who’ll")
    for cue in samples:
        for shift in range(-12, 4):
            pad = "x" * (cues._CHUNK + shift)
            text = pad + cue + " x " + "we're " + "z" * 50
            assert list(cues.cue_matches(text)) == full_pattern_starts(text), (cue, shift)


def test_every_staff_word_has_the_cheap_hint_that_lets_team_patterns_run() -> None:
    from tracker.extraction.detect import _STAFF_HINT

    words = {w for w in re.findall(r"[a-z]{3,}", lexicon.STAFF) if w not in ("team", "case")}
    assert words and all(_STAFF_HINT.search(w) for w in words), sorted(
        w for w in words if not _STAFF_HINT.search(w)
    )


def test_every_department_has_the_cheap_hint_that_lets_team_patterns_run() -> None:
    from tracker.extraction.detect import _STAFF_HINT

    # second words ("credit control", "customer care") ride on the first word's hint
    second = {"nical", "control", "care", "relations", "services", "desk"}
    words = set(re.findall(r"[a-z]{3,}", lexicon.DEPARTMENTS)) - second
    assert words and all(_STAFF_HINT.search(w) for w in words), sorted(
        w for w in words if not _STAFF_HINT.search(w)
    )
