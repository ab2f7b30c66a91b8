"""A subject and a verb in the present: "I'm sending it now", "we ship your item
tomorrow", "our engineering team is deploying a fix tonight" (read on tokens), and the
habits that are not one action for this customer ("we ship every Monday").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tracker.extraction import tokens as tk
from tracker.extraction.lemmas import inflections, ing_forms
from tracker.extraction.lexicon import ASIDE_OR_CHARACTER, FLAGS, STAFF
from tracker.extraction.vocab import en


@dataclass(frozen=True, slots=True)
class VerbFound:
    """A subject and where its verb starts, read as a pattern's match: `start()`,
    `end()` (the verb's start) and `found["verb"]`."""

    first: int
    last: int
    verb: str

    def start(self) -> int:
        return self.first

    def end(self) -> int:
        return self.last

    def __getitem__(self, group: str) -> str:
        if group != "verb":
            raise IndexError(group)
        return self.verb


class _SubjectVerb:
    """ "I'm (now) sending", read on tokens: a subject, whitespace, at most one adverb and
    whitespace, then one of `verbs`, a whole word (a phrase: "fast-tracking"). With
    `opens_after`, the subject opens the text or follows whitespace or one of those
    characters."""

    def __init__(
        self,
        subjects: Sequence[str],
        adverbs: Sequence[str],
        verbs: Sequence[str],
        *,
        opens_after: str = "",
    ) -> None:
        self._subjects = tk.Pattern(subjects)
        self._adverbs = tk.Phrases(adverbs)
        self._verbs = tk.Phrases(verbs)
        self._opens_after = opens_after
        # an adverb, the longest verb, and the token after it ("d.m." needs one)
        self._count = 2 + max(len(tk.tokenise(verb)) for verb in verbs)
        # a sentence without a subject and an adverb or verb's first word is not read
        nexts = {tk.tokenise(word)[0].lower for word in (*adverbs, *verbs)}
        self._gate = re.compile(
            tk.openings_pattern(f"{subject} {word}" for subject in subjects for word in nexts),
            re.IGNORECASE,
        )

    def finditer(self, text: str) -> Iterator[VerbFound]:
        if not self._gate.search(text):
            return
        # subjects never overlap, nor does a subject start inside the adverb read after one
        for subject in self._subjects.finditer(text):
            found = self._opens(text, subject.start()) and self._verb_after(text, subject.end())
            if found:
                yield VerbFound(subject.start(), *found)

    def match(self, text: str, pos: int = 0, /) -> VerbFound | None:
        subject = self._subjects.match(text, pos)
        found = subject and self._opens(text, pos) and self._verb_after(text, subject.end())
        return VerbFound(pos, *found) if found else None

    def _opens(self, text: str, start: int) -> bool:
        if not self._opens_after or start == 0:
            return True
        return text[start - 1].isspace() or text[start - 1] in self._opens_after

    def _verb_after(self, text: str, end: int) -> tuple[int, str] | None:
        """(start, text) of the verb after whitespace and an adverb at `end`, or None."""
        rest = text[end:]
        tokens = tk.leading(rest, self._count)
        if not tokens or not rest[: tokens[0].start].isspace():
            return None  # whitespace (and nothing else) comes first
        adverb = self._adverbs.at(rest, tokens, 0)
        if adverb is not None and len(tokens) > 1 and rest[adverb : tokens[1].start].isspace():
            verb = self._verbs.at(rest, tokens, 1)
            if verb is not None:
                return end + tokens[1].start, rest[tokens[1].start : verb]
        verb = self._verbs.at(rest, tokens, 0)
        return None if verb is None else (end + tokens[0].start, rest[tokens[0].start : verb])


PROGRESSIVE = _SubjectVerb(
    en.PROGRESSIVE_SUBJECTS,
    en.PROGRESSIVE_ADVERBS,
    (*ing_forms(en.PROGRESSIVE_STEMS), *en.PROGRESSIVE_FIX_PHRASES),
)
# "I send you the meeting link in the next hour", "we ship your item tomorrow": the simple
# present of non-native support English for a future action (counts only with a time).
PRESENT_COMMITMENT = _SubjectVerb(
    en.PRESENT_SUBJECTS, en.PRESENT_ADVERBS, en.PRESENT_FOR_FUTURE, opens_after=",;:("
)
# Habits and schedules, not one action for this customer: "we ship every Monday".
HABITUAL = re.compile(
    r"\b(?:every|each|usually|normally|generally|always|typically|often|daily|weekly|monthly|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekends|mornings|evenings)\b",
    FLAGS,
)
# "Our engineering team … is deploying a fix tonight": a team's arranged action (needs a time).
TEAM_PROGRESSIVE = re.compile(
    rf"\b(?:our|the)\s+(?:[\w&-]+\s+){{0,3}}?{STAFF}\b{ASIDE_OR_CHARACTER}{{0,80}}?\b(?:is|are)\s+"
    r"(?:now\s+|also\s+)?(?=(?P<verb>" + inflections(en.TEAM_PROGRESSIVE_STEMS, "ing") + r")\b)",
    FLAGS,
)
ESCALATING_STEMS = frozenset(en.ESCALATING_STEMS)
