"""How the verb phrase after a modal opens: the adverbs read past ("I'll also personally
call you"), a negation ("we'll never"), a courtesy ("we'll be happy to help"), effort
("we'll try our best") and "have" / "get" before a participle ("we'll have it fixed").
All read on tokens of the plain phrases of vocab/en.py.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from tracker.extraction import tokens as tk
from tracker.extraction.vocab import en

_WORD_AT = re.compile(r"\w+")


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
        start = after_space(text, pos)
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
_BE_BEFORE_BASE = frozenset(en.BE_BEFORE_BASE)
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


def after_space(text: str, at: int) -> int:
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
        # "we will be revert back to you": a base form after "be" (non-native English)
        base = after.lower in _BE_BEFORE_BASE
        if gap and gap.isspace() and after.kind in ("word", "number") and (ing or base):
            ends.append(tokens[i].end)
    return ends


def adverbs_end(sentence: str, pos: int) -> int:
    """Where the adverbs read past after a modal at `pos` end ("I'll also personally
    call you": before "call"), with the whitespace around them; `pos` if none."""
    text, tokens, shift = _read_from(sentence, pos)
    at = after_space(text, pos - shift)
    while (i := _token_at(tokens, at)) is not None:
        ends = [end for end in _adverb_ends(text, tokens, i) if text[end : end + 1].isspace()]
        if not ends:
            break
        at = after_space(text, ends[0])
    return at + shift


def negated_at(sentence: str, pos: int) -> bool:
    """Does the verb phrase at `pos` open with a negation ("I will not", "we'll never")?"""
    text, tokens, shift = _read_from(sentence, pos)
    i = _token_at(tokens, after_space(text, pos - shift))
    return i is not None and _NEGATIONS.at(text, tokens, i) is not None


def courtesy_at(sentence: str, pos: int) -> bool:
    """Is the verb phrase at `pos` a courtesy, not an action ("we'll (always) be happy to
    help")?"""
    text, tokens, shift = _read_from(sentence, pos)
    i = _token_at(tokens, after_space(text, pos - shift))
    if i is None:
        return False
    if _COURTESY.at(text, tokens, i) is not None:
        return True
    adverb = _COURTESY_ADVERBS.at(text, tokens, i)
    if adverb is None or not text[adverb : adverb + 1].isspace():
        return False
    after = _token_at(tokens, after_space(text, adverb))
    return after is not None and _COURTESY.at(text, tokens, after) is not None


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
        end = after_space(text, first.end())
        if end == first.end():
            return None
        rest = text[end:]
        if rest[:1].isalnum() and self._NOT.at(rest, tk.leading(rest, 4), 0) is not None:
            return tk.Found(pos, end - 1) if end - first.end() > 1 else None
        return tk.Found(pos, end)


HAVE_GET = _HaveGet()
