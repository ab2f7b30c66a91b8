"""Due times in another language, read by the English due grammar (due.py).

Each due word of the language's data file (vocab/de.py DUE_WORDS, WEEKDAYS, MONTHS,
UNITS, DUE_PREPOSITIONS, CLOCK) stands for its English words: "bis Freitag, 1.
Dezember" is read as "by Friday, 1 December", "sous 10 jours ouvrés" as "within 10
working days", "heute bis 14 Uhr" as "today by 14:00". A run of due words (with only
articles and commas between them) is given to `due.find_due`, so a day without a time is
the end of the working day, business days follow the team's calendar and the latest
anchor wins, exactly as in English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from types import ModuleType

from tracker.calendar import BusinessCalendar
from tracker.extraction.due import Due, find_due

# English due words that only join others: a run does not end on one.
_CONNECTORS = frozenset(("and", "by", "on", "at", "in", "within", "before", "from", "between"))


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    english: str


@lru_cache(maxsize=8)
def _pattern(lang: ModuleType) -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = {}
    for mapping in (lang.DUE_PREPOSITIONS, lang.UNITS, lang.WEEKDAYS, lang.MONTHS, lang.NUMBERS):
        table.update(mapping)
    table.update(lang.DUE_WORDS)  # whole phrases win over their words
    words = sorted(table, key=len, reverse=True)
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    pattern = re.compile(
        rf"(?<![\d.:])(?P<clock>{lang.CLOCK})|(?<![\w'])(?P<word>{alternatives})(?![\w])"
        r"|(?P<number>\b\d{1,4})\.?(?!\d)",
        re.IGNORECASE,
    )
    return pattern, {" ".join(k.split()): v for k, v in table.items()}


def _words(sentence: str, lang: ModuleType) -> list[_Word]:
    pattern, table = _pattern(lang)
    out: list[_Word] = []
    for m in pattern.finditer(sentence):
        if m["clock"]:
            hour, minute = int(m["h"]), int(m["m"] or 0)
            out.append(_Word(m.start(), m.end(), f"{hour}:{minute:02d}"))
        elif m["word"]:
            out.append(_Word(m.start(), m.end(), table[" ".join(m["word"].lower().split())]))
        else:
            out.append(_Word(m.start(), m.end(), m["number"]))
    return out


class OtherDues:
    """The due words of one sentence in language `lang`, read once (like due.SentenceDues)."""

    def __init__(
        self, sentence: str, lang: ModuleType, sent_at: datetime, calendar: BusinessCalendar
    ) -> None:
        self.sentence = sentence
        self.zone = calendar.timezone
        self._dues: list[Due] = []
        gap = re.compile(
            r"^(?:[\s,]|" + "|".join(rf"\b{re.escape(a)}\b" for a in lang.ARTICLES) + r")*$",
            re.IGNORECASE,
        )
        run: list[_Word] = []
        for word in [*_words(sentence, lang), None]:
            if word is not None and (not run or gap.match(sentence[run[-1].end : word.start])):
                run.append(word)
                continue
            if run:
                self._read(run, sent_at, calendar)
            run = [word] if word is not None else []

    def _read(self, run: list[_Word], sent_at: datetime, calendar: BusinessCalendar) -> None:
        while run and run[-1].english in _CONNECTORS:  # "aujourd'hui et …": not the due's
            run = run[:-1]
        while run and run[0].english == "and":
            run = run[1:]
        if not run:
            return
        english = ""
        for i, word in enumerate(run):
            comma = i and "," in self.sentence[run[i - 1].end : word.start]
            english += ("," if comma else "") + (" " if english else "") + word.english
        due = find_due(english, sent_at, calendar)
        if due is None and " within " in f" {english} ":  # "entro venerdì": by Friday
            due = find_due(f" {english} ".replace(" within ", " by ").strip(), sent_at, calendar)
        if due is None or not any(w.english[:1].isalpha() or ":" in w.english for w in run):
            return
        start, end = run[0].start, run[-1].end
        self._dues.append(Due(due.when, due.precision, self.sentence[start:end], start, end))

    def between(self, start: int, end: int) -> Due | None:
        inside = [d for d in self._dues if start <= d.start < end]  # a run may go on
        if not inside:
            return None
        # the latest day; on that day a stated time wins over the day's end
        # ("wird morgen früh verschickt, und ich sende … bis morgen Mittag": 12:00)
        zone = self.zone
        return max(
            inside, key=lambda d: (d.when.astimezone(zone).date(), d.precision == "time", d.when)
        )
