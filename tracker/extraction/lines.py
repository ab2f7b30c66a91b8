"""Patterns tried only where a line starts.

A multi-line `^` is tried at every position of a text, which costs milliseconds in a
long message; a line break is a literal, which the regex engine finds fast. So the
pattern is matched at the first position and searched for after each line break."""

from __future__ import annotations

import re
from collections.abc import Iterator


class LinePattern:
    """`body` (a pattern without its `^`), at the start of a line."""

    def __init__(self, body: str, flags: int = 0) -> None:
        self._first = re.compile(body, flags | re.MULTILINE)
        self._later = re.compile(r"\n(" + body + ")", flags | re.MULTILINE)

    def matches(
        self, text: str, pos: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int, re.Match[str]]]:
        """(start, end, match) for each match in text[pos:end]; the match's named groups
        are the body's."""
        end = len(text) if end is None else end
        if pos == 0 or text[pos - 1] == "\n":
            first = self._first.match(text, pos, end)
            if first is not None:
                yield first.start(), first.end(), first
                pos = first.end()
        for match in self._later.finditer(text, pos, end):
            yield match.start(1), match.end(), match

    def finditer(
        self, text: str, pos: int = 0, end: int | None = None
    ) -> Iterator[tuple[int, int]]:
        for start, stop, _ in self.matches(text, pos, end):
            yield start, stop

    def search(self, text: str, pos: int = 0, end: int | None = None) -> tuple[int, int] | None:
        return next(self.finditer(text, pos, end), None)
