"""The token layer (tokens.py): offsets, clitics, apostrophes, control characters, bounded
work, and word lists read as tokens agreeing with the regular expressions they replace."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extraction import tokens as tk
from tracker.extraction.vocab import en

ROOT = Path(__file__).parent
WORDISH = st.sampled_from(
    [
        "I'll", "we’re", "don't", "at the moment", "now", "e-mail", "email", "right  now",
        "Now", "NOW", "nowhere", "\x00", "\t", " ", ",", "’", "ſ", "İ", "K", "call", "ring",
        "confirmation of", "confirmation\nof", "as I type", "as  we speak", "_now", "now_",
        "2pm", "42", "😀", "—", "-", "'", "s", "I've", "checked", "I", "think", "do you mean",
        "was", "sent", "has been", "shout-out", "kind words", "typos", "d.m.", "d.m.s", "ur",
        "as soon as", "you've", "no longer", "thank you", "please send", "can you dm",
    ]
)  # fmt: skip
TEXTS = st.lists(st.one_of(st.text(max_size=8), WORDISH), max_size=20).map("".join)


def _as_regex(entries: tuple[str, ...]) -> re.Pattern[str]:
    """The pattern a word list used to be: whole words, any whitespace between them."""
    alternatives = (r"\s+".join(map(re.escape, entry.split())) for entry in entries)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


def _sentences() -> list[str]:
    texts = []
    for name in ("heldout.jsonl", "heldout2.jsonl"):
        for line in (ROOT / name).read_text().splitlines():
            texts.extend(re.split(r"(?<=[.!?])\s+|\n", json.loads(line)["text"]))
    return [t for t in texts if t.strip()]


def test_offsets_round_trip_to_the_text() -> None:
    text = "Hi Jo — I'll re-send the e-mail at 2pm (ref #4521), okay?"
    tokens = tk.tokenise(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens][:6] == ["Hi", "Jo", "—", "I", "'ll", "re"]
    assert [t.kind for t in tokens if t.text in ("2pm", "4521", "'ll", "#")] == [
        "clitic",
        "word",
        "punct",
        "number",
    ]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_every_character_but_space_and_controls_is_in_exactly_one_token(text: str) -> None:
    tokens = tk.tokenise(text)
    covered = [False] * len(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
        for i in range(token.start, token.end):
            assert not covered[i]
            covered[i] = True
    for i, char in enumerate(text):
        assert covered[i] or char.isspace() or ord(char) < 32 or char == "\x7f"


def test_clitics_are_their_own_tokens_and_the_word_before_keeps_its_reading() -> None:
    assert [t.text for t in tk.tokenise("I'll, we're, can't, it's, rock'n'roll")] == [
        *("I", "'ll", ",", "we", "'re", ",", "can", "'t", ",", "it", "'s", ","),
        *("rock", "'", "n", "'", "roll"),
    ]
    # as with \b: "can't" holds the word "can", so a token test agrees with the pattern
    assert re.search(r"\bcan\b", "can't") and "can" in tk.words(tk.tokenise("can't"))


def test_unicode_apostrophes_read_as_one() -> None:
    curly, straight = tk.tokenise("I’ll call, we‘re on it, we`ve"), tk.tokenise("I'll call")
    assert curly[1].text == "’ll" and curly[1].lower == straight[1].lower == "'ll"
    assert [t.kind for t in curly[:2]] == ["word", "clitic"]
    assert {t.lower for t in curly if t.kind == "clitic"} == {"'ll", "'re", "'ve"}


def test_nul_and_control_characters_separate_words_like_spaces() -> None:
    tokens = tk.tokenise("call\x00you\x1fback\x7fnow\x08.")
    assert [t.text for t in tokens] == ["call", "you", "back", "now", "."]


def test_case_is_folded_as_ignorecase_compares() -> None:
    assert [t.lower for t in tk.tokenise("NOW ſend İt \u212aeep")] == ["now", "send", "it", "keep"]
    for char in map(chr, range(0x80, 0x110000)):  # every non-ASCII match of an ASCII letter
        if re.fullmatch("[a-z]", char, re.IGNORECASE):
            assert tk.fold(char).isascii(), hex(ord(char))
        elif tk.fold(char).isascii() and tk.fold(char).isalpha():
            pytest.fail(f"{char!r} folds to a letter that IGNORECASE does not match")


def test_stems_come_from_the_lemma_table() -> None:
    by_text = {t.text: (t.stem, t.form) for t in tk.tokenise("we shipped it, cancelling sent")}
    assert by_text["shipped"] == ("ship", "past")
    assert by_text["cancelling"] == ("cancel", "ing")
    assert by_text["sent"] == ("send", "past")
    assert by_text["it"] == ("it", "base")


def test_very_long_input_is_bounded_and_cached() -> None:
    text = "now " * 100_000
    tokens = tk.tokenise(text)
    assert len(tokens) == tk.MAX_CHARS // 4 and tokens[-1].end <= tk.MAX_CHARS
    assert tk.tokenise(text) is tokens  # one tokenisation per sentence string


def test_joined_is_the_tokens_of_the_text_with_a_space_between() -> None:
    first, second = "Thanks for the feedback.", "We'll pass it on"
    assert tk.joined(first, second) == tk.tokenise(first + " " + second)


def test_window_reads_like_a_search_between_two_offsets() -> None:
    text = "we are sending it nowhere"
    tokens = tk.tokenise(text)
    right_now = tk.Phrases(("now",))
    # "nowhere" cut at "now" matches, as `\bnow\b` does on text[:21]
    assert right_now.search(text, tk.window(tokens, 7, 21)) is bool(
        re.search(r"\bnow\b", text[:21])
    )
    # a word begun before the start is not read: no \b inside it
    assert not right_now.search(text, tk.window(tokens, 19))
    assert not re.compile(r"\bwhere").search(text, 21)


def test_a_phrase_is_plain_words() -> None:
    for pattern in (r"e-?mail", "typos?", r"send\s+us", "(?:a|b)", "s*"):
        with pytest.raises(ValueError, match="not a plain phrase"):
            tk.Phrases((pattern,))


def test_placeholders_stand_for_any_number_or_word() -> None:
    text = "give me 5 minutes, ask the bank"
    tokens = tk.tokenise(text)
    assert tk.Phrases(("give me # minutes",)).find(text, tokens) == 0
    assert (
        tk.Phrases(("give me # minutes",)).find(
            "give me five minutes", tk.tokenise("give me five minutes")
        )
        is None
    )
    assert tk.Phrases(("the *",)).find(text, tokens) == text.index("the")
    assert tk.Phrases(("please ?",)).search("please?x", tk.tokenise("please?x"))
    assert not tk.Phrases(("please ?",)).search("please?", tk.tokenise("please?"))


LISTS = {
    name: getattr(en, name)
    for name in (
        *("SENT_THINGS", "NEWS_WORDS", "CALL_WORDS", "AUTOMATED_NOTICES", "RIGHT_NOW"),
        *("HEDGES", "FEEDBACK_WORDS", "ANSWERED", "REGARDLESS", "WAITING", "CUSTOMER_FIRST"),
        *("YOU_WORDS", "TOGETHER", "NEXT_REQUEST", "DM_WORDS", "NEGATION_WORDS", "THANKS_WORDS"),
    )
}


@pytest.mark.parametrize("name", LISTS)
def test_a_word_list_finds_what_its_pattern_found(name: str) -> None:
    phrases, pattern = tk.Phrases(LISTS[name]), _as_regex(LISTS[name])
    for sentence in _sentences():
        found = pattern.search(sentence)
        assert phrases.find(sentence, tk.tokenise(sentence)) == (found and found.start())


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.integers(0, 40), st.integers(0, 60))
def test_a_word_list_agrees_with_its_pattern_in_any_window(text: str, start: int, end: int) -> None:
    text = re.sub("[’‘ʼ`]", "'", text)  # as extract() hands it over
    for entries in LISTS.values():
        found = _as_regex(entries).search(text, start, end)
        in_window = tk.window(tk.tokenise(text), start, end)
        assert tk.Phrases(entries).find(text, in_window) == (found and found.start()), entries
