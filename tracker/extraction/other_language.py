"""The other-language rule: promises written in German, French, Spanish, Dutch, Italian
or Portuguese, read with that language's data file (vocab/de.py, fr.py, …).

A sentence is in another language when its frequent words say so (`sentence_language`).
It is cut into clauses (other_clauses.py); a clause commits
when it has a committing subject (I or we, a team of ours, a relative "qui vous
répondra" or a pronoun after a team we handed the case to, or, in languages that drop
the subject, a first-person verb ending), an action verb from the data (its kind), and
a future: an auxiliary ("werde", "vais", "voy a", "zal", "vou"), a future ending
("rappellerai", "enviaré", "scriverò"), or a present tense with a stated time ("ich
schicke Ihnen … heute") or one that always means later ("ich melde mich"). The checks
of the English grammar apply with this language's words: questions, leading conditions
and ones where the customer acts first, negations, courtesy and offers, hedges, passing
on feedback, what is done now; past actions ("ich habe … geschickt") never commit.
Due words are read as the English due grammar reads them (other_due.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from types import ModuleType

from tracker.calendar import BusinessCalendar
from tracker.extraction.due import Due
from tracker.extraction.other_clauses import Candidate, candidates, most_facing
from tracker.extraction.other_due import OtherDues
from tracker.extraction.vocab import de, en, es, fr, it, nl, pt
from tracker.kinds import PromiseKind

RULE = "other-language"
# Other-language sentences are read only this far into a message: real replies are far
# shorter, and a long pasted text in another language stays within the time budget.
REACH = 6_000
LANGUAGES: dict[str, ModuleType] = {m.CODE: m for m in (de, fr, es, nl, it, pt)}

_WORD = re.compile(r"[^\W\d_]+")
# English words that the other languages do not share: an English sentence wins ties.
_ENGLISH = frozenset(
    [
        "i",
        "we",
        "you",
        "the",
        "and",
        "is",
        "are",
        "to",
        "of",
        "for",
        "with",
        "will",
        "your",
        "this",
        "that",
        "it",
        "be",
        "our",
        "my",
        "me",
        "us",
        "have",
        "has",
        "can",
        "please",
        "thanks",
        "thank",
        "hi",
        "if",
        "on",
        "at",
        "by",
        "from",
        "would",
        "could",
        "should",
    ]
)
# A language's frequent words, and its names of days, months and due words.
_EVIDENCE = {
    code: module.FUNCTION_WORDS
    | frozenset(w for table in (module.WEEKDAYS, module.MONTHS, module.DUE_WORDS) for w in table
                if " " not in w and "-" not in w and "'" not in w)
    for code, module in LANGUAGES.items()
}  # fmt: skip
_CODES = (*LANGUAGES, "en")
# word -> the languages it is evidence for
_LOOKUP: dict[str, tuple[str, ...]] = {
    word: tuple(c for c in _CODES if word in (_ENGLISH if c == "en" else _EVIDENCE[c]))
    for word in _ENGLISH.union(*_EVIDENCE.values())
}
# Evidence words that English text does not use: a cheap first look at a message. English
# names of months and days are out too: "november" and "december" are Dutch and German
# words as well, and a third of English replies name one.
_PRECHECK = (
    frozenset().union(*_EVIDENCE.values())
    - _ENGLISH
    - frozenset(en.MONTHS)
    - frozenset(en.WEEKDAYS)
    - frozenset(
        [
            "am",
            "as",
            "do",
            "no",
            "he",
            "o",
            "was",
            "die",
            "me",
            "man",
            "so",
            "also",
            "over",
            "war",
            "hat",
            "ha",
            "to",
            "in",
            "on",
        ]
    )
)
_PUNCTUATION = str.maketrans(dict.fromkeys(".,;:!?¿¡()\"'’«»/", " "))


def scores(text: str) -> dict[str, int]:
    """How many of each language's frequent words (and English's) a text holds."""
    out = dict.fromkeys(_CODES, 0)
    for word in _WORD.findall(text.lower()):
        for code in _LOOKUP.get(word, ()):
            out[code] += 1
    return out


# Enough of a message to tell its language (work per message stays small).
_LANGUAGE_SAMPLE = 3_000


def mixed(text: str) -> bool:
    """Whether a message may hold sentences in another language (cheap): two of the
    words English text does not use."""
    sample = text[:_LANGUAGE_SAMPLE]
    return len(_PRECHECK.intersection(sample.lower().translate(_PUNCTUATION).split())) >= 2


def read_language(text: str) -> tuple[str | None, bool]:
    """The other language most of a message is written in (None: English, or none), and
    whether an English message may still hold sentences in another language."""
    if not mixed(text):
        return None, False  # most messages: English, told in a few microseconds
    counts = scores(text[:_LANGUAGE_SAMPLE])
    english = counts.pop("en")
    code = max(counts, key=lambda c: counts[c])
    if counts[code] >= 2 and counts[code] > english:
        return code, False
    return None, True


def sentence_language(sentence: str, message: str | None) -> str | None:
    """The other language of one sentence: its own words decide, the message's
    language breaks a tie; an English sentence (or one too short to tell) gives None."""
    counts = scores(sentence)
    english = counts.pop("en")
    best = max(counts.values())
    if best < 2 and not (best == 1 and message and counts[message] == 1 and english == 0):
        return None
    if message and counts[message] == best and best > english:
        return message
    leaders = [code for code, n in counts.items() if n == best]
    return leaders[0] if len(leaders) == 1 and best > english else None


@dataclass(frozen=True)
class OtherPromise:
    start: int  # in the sentence
    end: int
    kind: PromiseKind
    due: Due | None


def promise_in(
    sentence: str, previous: str, code: str, sent_at: datetime, calendar: BusinessCalendar
) -> tuple[list[Candidate], OtherPromise | None]:
    """The clauses the rule read in a sentence of language `code`, and its promise."""
    dues = OtherDues(sentence, LANGUAGES[code], sent_at, calendar)
    found = candidates(
        sentence, previous, LANGUAGES[code], lambda a, b: dues.between(a, b) is not None
    )
    kept = [c for c in found if c.check == "kept"]
    if not kept:
        return found, None
    kind = most_facing([c.kind for c in kept if c.kind])
    start = kept[0].start
    end = len(sentence.rstrip(" .!?…"))
    due_from = min((c.due_from for c in kept if c.due_from >= 0), default=start)
    due = dues.between(start, kept[-1].end) or dues.between(due_from, kept[-1].end)
    return found, OtherPromise(start, max(end, start + 1), kind, due)


def merged_end(window: str, spans: list[tuple[int, int]], index: int, code: str) -> int:
    """The index of the last sentence span that belongs to the sentence at `index`: a
    hard-wrapped line ("Ich schicke Ihnen die\nSendungsnummer …") and a day written
    with a full stop ("bis Freitag, 1. Dezember") go on into the next span."""
    lang = LANGUAGES[code]
    last = index
    while last + 1 < len(spans):
        end, following = spans[last][1], spans[last + 1][0]
        piece = window[spans[last][0] : end]
        nxt = window[following : following + 40]
        gap = window[end:following]
        ordinal = re.search(r"(?<![\d.])\d{1,2}\.$", piece) and (
            nxt.split(" ")[0].strip(",.").lower() in lang.MONTHS or nxt[:1].islower()
        )
        wrapped = (
            "\n" in gap
            and gap.count("\n") == 1
            and piece[-1:] not in ".!?:;"
            and nxt[:1].isalnum()
            and not nxt.startswith(">")
            and (end - window.rfind("\n", 0, end) > 40 or piece.split()[-1].lower() in lang.JOINING)
        )
        if not (ordinal or wrapped):
            return last
        last += 1
    return last


def due_in_other_words(
    sentence: str, start: int, end: int, sent_at: datetime, calendar: BusinessCalendar
) -> Due | None:
    """The due an English promise states in another language's words ("I'll send you the
    corrected invoice el lunes", "we'll ring you morgen früh"), offsets from `start`: the
    due words of each language whose frequent or day words the promise's own words hold.
    Read only when the English grammar found no due and the message may mix languages."""
    words = sentence[start:end]
    counts = scores(words)
    del counts["en"]
    dues = [
        due
        for code, count in counts.items()
        if count
        for due in [OtherDues(sentence, LANGUAGES[code], sent_at, calendar).between(start, end)]
        if due is not None and due.end <= end
    ]
    if not dues:
        return None
    due = max(dues, key=lambda d: (d.when, d.precision == "time"))
    return Due(due.when, due.precision, due.text, due.start - start, due.end - start)
