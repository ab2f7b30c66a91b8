"""The token layer: a sentence read once into words, numbers, clitics and punctuation.

Every part of the pipeline that reads the same sentence (detect.py, guards.py,
features.py) shares one token list: `tokenise` is cached per sentence string.

- A word or number token is a maximal run of regular-expression word characters
  (`\\w`: letters, digits, "_"), so a token test agrees with a pattern's `\\b`: "now" is a
  token of a text exactly where `\\bnow\\b` matches in it. A run of digits is a number;
  "2pm" is one word, "1.5" is "1" "." "5".
- A clitic is an apostrophe (' ’ ‘ ʼ `) right after a word, with one of the letters of
  `vocab/en.py` CLITICS and no word character after them: "I'll" is "I" + "'ll",
  "don't" is "don" + "'t" (the word before keeps its `\\b` reading: "can't" holds "can").
  Any other apostrophe is punctuation.
- Any other character but whitespace and control characters (NUL and the like, which
  separate words like a space) is one punctuation token.
- `lower` is the text as `re.IGNORECASE` compares it ("ſ" reads "s", "İ" and "ı" read
  "i") with every apostrophe as "'"; `stem` and `form` come from `lemmas.lemma`.

Word lists are data (vocab/en.py) read as `Phrases`: a phrase is words with a space
(any run of whitespace in the text) or nothing (adjacent tokens: "e-mail") between them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import islice, pairwise
from typing import Literal, NamedTuple, Protocol

from tracker.extraction.lemmas import lemma
from tracker.extraction.vocab import en

TokenKind = Literal["word", "number", "clitic", "punct"]

# The extractor tokenises sentences (sentences.MAX_SENTENCE, 600 characters); text past
# this is not read, so a hostile input costs a bounded amount of work and memory.
MAX_CHARS = 4_000
APOSTROPHES = "'’‘ʼ`"

_TOKEN = re.compile(
    rf"(?P<clitic>(?<=\w)[{APOSTROPHES}](?:{'|'.join(en.CLITICS)})(?!\w))"
    r"|(?P<word>\w+)"
    r"|(?P<punct>[^\w\s\x00-\x08\x0b\x0c\x0e-\x1f\x7f])",
    re.IGNORECASE,
)
# What re.IGNORECASE matches to an ASCII letter besides its own cases (all of Unicode:
# tests/extraction/test_tokens.py), and the apostrophes, as one character each.
_FOLD = str.maketrans({"ſ": "s", "İ": "i", "ı": "i", **dict.fromkeys(APOSTROPHES, "'")})


class Token(NamedTuple):
    text: str
    lower: str
    start: int  # offsets into the tokenised text: text[start:end] == token.text
    end: int
    stem: str
    form: str  # lemmas.lemma's form: "base", "past" or "ing"
    kind: TokenKind


def fold(text: str) -> str:
    """`text` lower-cased as re.IGNORECASE compares it, apostrophes as "'"."""
    return text.translate(_FOLD).lower()


@lru_cache(maxsize=1024)  # detect, guards and features read the same sentences
def tokenise(text: str) -> tuple[Token, ...]:
    """The tokens of `text` (its first MAX_CHARS characters), in order."""
    return tuple(_tokens(text))


def leading(text: str, count: int) -> tuple[Token, ...]:
    """The first `count` tokens of `text`, without reading the rest of it."""
    return tuple(islice(_tokens(text), count))


def _tokens(text: str) -> Iterator[Token]:
    folded = fold(text)  # as long as `text`: "İ" is translated before lower()
    new = tuple.__new__  # Token(...) without the Python-level __new__: the hot path
    for m in _TOKEN.finditer(text, 0, MAX_CHARS):
        start, end = m.span()
        piece, lower = m.group(), folded[start:end]
        kind: TokenKind
        if m.lastgroup == "word":
            kind = "number" if piece.isdecimal() else "word"
            stem, form = lemma(lower) if kind == "word" else (lower, "base")
        else:
            kind = "clitic" if m.lastgroup == "clitic" else "punct"
            stem, form = lower, "base"
        yield new(Token, (piece, lower, start, end, stem, form, kind))


def joined(first: str, second: str) -> tuple[Token, ...]:
    """The tokens of `first + " " + second`, from the two cached token lists."""
    shift, new = len(first) + 1, tuple.__new__
    return tokenise(first) + tuple(
        new(Token, (t.text, t.lower, t.start + shift, t.end + shift, t.stem, t.form, t.kind))
        for t in tokenise(second)
    )


def window(tokens: Sequence[Token], start: int = 0, end: int | None = None) -> Sequence[Token]:
    """The tokens a pattern searching the text from `start` to `end` can match at.

    As with `pattern.search(text, start, end)`: a token begun before `start` is not read
    (no `\\b` inside it), and one running past `end` is cut there."""
    first = bisect_left(tokens, start, key=lambda t: t.start)
    if end is None:
        return tokens[first:]
    last = bisect_left(tokens, end, key=lambda t: t.start)
    inside = tokens[first:last]
    if inside and inside[-1].end > end:
        cut = inside[-1]
        text = cut.text[: end - cut.start]
        lower = fold(text)
        stem, form = lemma(lower) if cut.kind == "word" else (lower, "base")
        clipped = cut._replace(text=text, lower=lower, end=end, stem=stem, form=form)
        inside = (*inside[:-1], clipped)
    return inside


def words(tokens: Iterable[Token]) -> frozenset[str]:
    """The lower-case words and numbers among `tokens`."""
    return frozenset(t.lower for t in tokens if t.kind in ("word", "number"))


# In a phrase of the data, "#" stands for any number: "give me # minutes".
ANY_NUMBER = "#"
# ... and "*" for any one word: "the *" reads "the courier", "the bank".
ANY_WORD = "*"
_REGEX_MARKS = frozenset("\\()[]*+|{}^$")
# Between two words of a phrase: nothing, whitespace, or (a space before punctuation in
# the data: "please ?") whitespace or nothing.
_ADJACENT, _SPACED, _MAYBE_SPACED = 0, 1, 2


def _gap(before: Token, token: Token) -> int:
    if token.start == before.end:
        return _ADJACENT
    return _MAYBE_SPACED if token.kind == "punct" else _SPACED


def _fits(gap: str, spacing: int) -> bool:
    if not gap:
        return spacing != _SPACED
    return spacing != _ADJACENT and gap.isspace()


def _word_follows(tokens: Sequence[Token], index: int) -> bool:
    """Is `tokens[index]` followed at once by a word (in the tokens read)?"""
    after = index + 1
    return (
        after < len(tokens)
        and tokens[after].start == tokens[index].end
        and tokens[after].kind in ("word", "number")
    )


def _is_regex(entry: str, token: Token) -> bool:
    """A regular expression left in the data: "\\s+", "(?:a|b)", "typos?"."""
    if token.kind != "punct":
        return False
    attached = token.start > 0 and not entry[token.start - 1].isspace()
    if token.text == ANY_WORD:  # "the *", not "s*"
        followed = token.end < len(entry) and not entry[token.end].isspace()
        return attached or followed
    return token.text in _REGEX_MARKS or (token.text == "?" and attached)


class Phrases:
    """A list of words and phrases from the data, found among tokens.

    "at the moment" matches the tokens at, the, moment with whitespace between them;
    "e-mail" matches e, -, mail with nothing between them, "please ?" both "please?" and
    "please ?" (a space before punctuation); case is ignored; "#" matches a number and
    "*" any one word. As the `\\b...\\b` patterns they replace: a phrase ending in
    punctuation ("d.m.") needs a word character right after it, and with `open_end` the
    last word of a phrase may run on ("hang on" reads "hang onto": no closing `\\b`)."""

    def __init__(self, entries: Iterable[str], *, open_end: bool = False) -> None:
        self._open_end = open_end
        self._longest = 0  # tokens in the longest phrase
        self._by_first: dict[str, list[tuple[tuple[str, int], ...]]] = {}
        # phrases whose first word is not one token's exact text: tried at every token
        self._loose: list[tuple[tuple[str, int], ...]] = []
        # phrases by their first two words (exact words, the second not the last of an
        # open-ended phrase); their first words are keys of _by_first too
        self._by_two: dict[tuple[str, str], list[tuple[tuple[str, int], ...]]] = {}
        for entry in entries:
            parts = tokenise(entry)
            if not parts or any(_is_regex(entry, t) for t in parts):
                raise ValueError(f"not a plain phrase: {entry!r}")
            words = (
                (parts[0].lower, _ADJACENT),
                *((t.lower, _gap(before, t)) for before, t in pairwise(parts)),
            )
            self._longest = max(self._longest, len(parts))
            if parts[0].lower in (ANY_NUMBER, ANY_WORD) or (open_end and len(parts) == 1):
                self._loose.append(words)
            elif len(parts) > (2 if open_end else 1) and parts[1].lower not in (
                ANY_NUMBER,
                ANY_WORD,
            ):
                # a long list ("be at your place", "be at your home", …): read two words
                key = (parts[0].lower, parts[1].lower)
                self._by_two.setdefault(key, []).append(words)
                self._by_first.setdefault(parts[0].lower, [])
            else:
                self._by_first.setdefault(parts[0].lower, []).append(words)

    def first_words(self) -> frozenset[str]:
        """The first word of every phrase (lower case; none may be "#" or "*")."""
        if self._loose:
            raise ValueError("a phrase opens with any word")
        return frozenset(self._by_first)

    def at(self, text: str, tokens: Sequence[Token], index: int) -> int | None:
        """The end offset of the longest phrase that starts at `tokens[index]`, or None."""
        first = self._by_first.get(tokens[index].lower)
        if first is None and not self._loose:
            return None  # the usual case: no phrase starts with this word
        best = None
        for words in (*(first or ()), *self._by_second(tokens, index), *self._loose):
            end = self._match(text, tokens, index, words)
            if end is not None and (best is None or end > best):
                best = end
        return best

    def ends(self, text: str, tokens: Sequence[Token], index: int) -> list[int]:
        """The end offsets of every phrase that starts at `tokens[index]`, longest first."""
        first = self._by_first.get(tokens[index].lower)
        if first is None and not self._loose:
            return []  # the usual case: no phrase starts with this word
        candidates = (*(first or ()), *self._by_second(tokens, index), *self._loose)
        found = (self._match(text, tokens, index, words) for words in candidates)
        return sorted((end for end in found if end is not None), reverse=True)

    def _by_second(
        self, tokens: Sequence[Token], index: int
    ) -> Sequence[tuple[tuple[str, int], ...]]:
        if not self._by_two or index + 1 >= len(tokens):
            return ()
        return self._by_two.get((tokens[index].lower, tokens[index + 1].lower), ())

    def _match(
        self, text: str, tokens: Sequence[Token], index: int, words: tuple[tuple[str, int], ...]
    ) -> int | None:
        if index + len(words) > len(tokens):
            return None
        last = len(words) - 1
        for n, (word, spacing) in enumerate(words):
            token = tokens[index + n]
            if not self._reads(token, word, n == last):
                return None
            if n and not _fits(text[tokens[index + n - 1].end : token.start], spacing):
                return None
        if tokens[index + last].kind == "punct" and not _word_follows(tokens, index + last):
            return None  # "d.m." ends at a \b only before a word
        return tokens[index + last].end

    def _reads(self, token: Token, word: str, last: bool) -> bool:
        if word == ANY_NUMBER:
            return token.kind == "number"
        if word == ANY_WORD:
            return token.kind in ("word", "number")
        if last and self._open_end:
            return token.lower.startswith(word)
        return token.lower == word

    def opening(self, text: str) -> int | None:
        """Where a phrase that opens `text`, and the whitespace after it, end ("ensure
        that " in "ensure that it works"), or None."""
        tokens = leading(text, self._longest + 1)
        if not tokens or tokens[0].start:
            return None
        for end in self.ends(text, tokens, 0):
            spaces = len(text) - end - len(text[end:].lstrip())
            if spaces:
                return end + spaces
        return None

    def closes(self, text: str, tokens: Sequence[Token], end: int, start: int = 0) -> bool:
        """Does a phrase (begun at `start` or later) end right before `end`, with some
        whitespace and nothing else between ("I can confirm " before "a cheque will be
        posted")?"""
        inside = window(tokens, start, end)
        if not inside or not text[inside[-1].end : end].isspace():
            return False
        last, count = inside[-1].end, len(inside)
        return any(
            last in self.ends(text, inside, k) for k in range(max(0, count - self._longest), count)
        )

    def first(self, text: str, tokens: Sequence[Token]) -> tuple[int, int] | None:
        """(start, end) offsets of the first phrase among `tokens` (a `window` of the
        tokens of `text`), or None."""
        by_first, loose = self._by_first, self._loose
        for i, token in enumerate(tokens):
            if loose or token.lower in by_first:
                end = self.at(text, tokens, i)
                if end is not None:
                    return token.start, end
        return None

    def find(self, text: str, tokens: Sequence[Token]) -> int | None:
        """The start offset of the first phrase among `tokens`, or None."""
        found = self.first(text, tokens)
        return found[0] if found else None

    def search(self, text: str, tokens: Sequence[Token]) -> bool:
        return self.find(text, tokens) is not None

    def in_text(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Is one of the phrases in `text` between `start` and `end` (as a pattern's
        `search(text, start, end)` would find it)?"""
        return self.find(text, window(tokenise(text), start, end)) is not None


class Span(Protocol):
    """A match's span: an `re.Match` or a `Found`."""

    def start(self) -> int: ...

    def end(self) -> int: ...


class Found(NamedTuple):
    """Where a phrase was found, read as a pattern's match is (`start()`, `end()`)."""

    first: int
    last: int

    def start(self) -> int:
        return self.first

    def end(self) -> int:
        return self.last


class Pattern:
    """`Phrases` searched as a compiled pattern of their alternatives searches a text:
    `finditer` finds them left to right without overlap, `match` only at `pos`. Each
    phrase opens at a word's start, as `\\b` would have it; with no phrase of the list a
    prefix of another, the longest found is the one the pattern's alternation finds.

    Where a phrase may start is found by a pattern of the first two words of each
    (`\\bwe\\s+will`), and only the few tokens from there are read: most sentences have
    none of them."""

    def __init__(self, phrases: Iterable[str]) -> None:
        entries = tuple(phrases)
        self._phrases = Phrases(entries)
        self._count = 1 + max(len(tokenise(entry)) for entry in entries)
        self._firsts = re.compile(openings_pattern(entries), re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[Found]:
        pos = 0
        while first := self._firsts.search(text, pos):
            start = first.start()
            found = self._at(text, start)
            if found is not None:
                yield Found(start, found)
            pos = found if found is not None else start + 1

    def match(self, text: str, pos: int = 0) -> Found | None:
        if not self._firsts.match(text, pos):
            return None
        end = self._at(text, pos)
        return None if end is None else Found(pos, end)

    def _at(self, text: str, start: int) -> int | None:
        """The end of the phrase at `start` (a first word's start), or None."""
        rest = text[start:]
        end = self._phrases.at(rest, leading(rest, self._count), 0)
        return None if end is None else start + end


def openings_pattern(entries: Iterable[str]) -> str:
    """A pattern every text one of the phrases matches at begins with: the first word of
    each and, where it has one, its second word and the space between, by first word
    (\\b(?:we(?:\\s+will|['’‘ʼ`]ll)|i(?:…)) as a pattern finds them fastest)."""
    seconds: dict[str, set[str]] = {}
    for entry in entries:
        parts = tokenise(entry)
        if parts[0].kind != "word" or parts[0].lower in (ANY_NUMBER, ANY_WORD):
            raise ValueError(f"a phrase opens with a word: {entry!r}")
        after = seconds.setdefault(re.escape(parts[0].lower), set())
        if len(parts) > 1 and parts[1].lower not in (ANY_NUMBER, ANY_WORD):
            gap = ("", r"\s+", r"\s*")[_gap(parts[0], parts[1])]
            after.add(gap + re.escape(parts[1].lower).replace("'", f"[{APOSTROPHES}]"))
        else:
            after.add("")  # the first word alone
    firsts = (
        first + ("" if "" in after else "(?:" + "|".join(sorted(after)) + ")")
        for first, after in sorted(seconds.items())
    )
    return r"\b(?:" + "|".join(firsts) + ")"
