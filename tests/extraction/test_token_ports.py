"""Checks ported from regular expressions to token tests (tokens.py) read exactly as the
patterns did: each old pattern is kept here as the reference, and both are run on the
sentences of the development corpora and on generated text around their words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.extraction import guards

ROOT = Path(__file__).parent

HOLD = re.compile(
    r"(?:^|[,;:–—]\s*|\s-\s*)(?:ok(?:ay)?[,!]?\s+)?(?:please\s+)?(?:"
    r"(?:just\s+)?(?:one|a|1)\s+(?:moment|mo|sec|second|minute|min)\b(?!\s+(?:ago|later))"
    r"|give\s+(?:me|us)\s+(?:a|one|two|a\s+few|\d+)\s+(?:moments?|minutes?|mins?|secs?|seconds?)"
    r"|hold\s+on|hang\s+on|(?:please\s+)?hold(?:\s+the\s+line)?\b|be\s+right\s+back|brb"
    r"|(?:I|we)\s+won't\s+be\s+(?:a\s+)?(?:moment|minute|sec|second|long))",
    re.IGNORECASE,
)

PIECES = st.sampled_from(
    [
        "one", "a", "1", "moment", "mo", "sec", "seconds", "minute", "mins", "min", "ago",
        "agony", "later", "just", "ok", "okay", "OK,", "ok!", "please", "hold", "holding",
        "the line", "on", "onto", "hang", "be right back", "brb", "brbx", "I", "we", "won't",
        "be", "long", "longer", "give", "me", "us", "few", "10", "5min", "two", ",", ";", ":",
        "–", "—", "-", " - ", " ", "  ", "\n", "\t", ".", "x", "please hold", "a few",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from(["", ", ", ",", " - ", "—", "x -", ": "])
CLAUSES = st.tuples(SEPARATORS, st.lists(st.one_of(PIECES, st.text(max_size=3)), max_size=6))
TEXTS = st.lists(CLAUSES, max_size=4).map(
    lambda clauses: "".join(mark + " ".join(words) for mark, words in clauses)
)


def _sentences() -> list[str]:
    texts = []
    paths = [ROOT / "heldout.jsonl", ROOT / "heldout2.jsonl"]
    paths += [ROOT / "blind" / f"batch-{n:02d}.jsonl" for n in range(1, 42)]
    paths = [p for p in paths if p.exists()]  # development batches only: 01-41
    for path in paths:
        for line in path.read_text().splitlines():
            text = json.loads(line)["text"]
            texts.extend(re.split(r"(?<=[.!?])\s+|\n", text.replace("’", "'")))
    return [t.strip() for t in texts if t.strip()]


SENTENCES = _sentences()


def test_the_corpora_have_live_exchanges_to_compare() -> None:
    assert sum(bool(HOLD.search(s)) for s in SENTENCES) >= 10


@pytest.mark.parametrize("chunk", range(4))
def test_hold_reads_the_corpora_as_its_pattern_did(chunk: int) -> None:
    for sentence in SENTENCES[chunk::4]:
        assert guards.holds(sentence, at_start=True) is bool(HOLD.match(sentence)), sentence
        for start in (0, 1, len(sentence) // 3, len(sentence) // 2):
            assert guards.holds(sentence, start) is bool(HOLD.search(sentence, start)), sentence


@settings(max_examples=1500, deadline=None)
@given(TEXTS, st.integers(0, 30))
def test_hold_reads_any_text_as_its_pattern_did(text: str, start: int) -> None:
    assert guards.holds(text, start) is bool(HOLD.search(text, start))
    assert guards.holds(text, at_start=True) is bool(HOLD.match(text))
