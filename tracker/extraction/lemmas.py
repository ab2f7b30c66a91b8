"""The stems (lemmas) of verb forms, from the language's data.

The grammar reads a verb by its stem: "ship", "shipped" and "shipping" are one row of
vocab/en.py (VERB_KINDS), and a list of stems (PROGRESSIVE_STEMS) becomes a pattern for
their inflections with `inflections`. The suffix rules and irregular forms are data too
(SUFFIXES, IRREGULAR_FORMS), so another language brings its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracker.extraction.vocab import en
from tracker.kinds import PromiseKind

_VOWELS = frozenset("aeiou")


def _participle_kinds() -> dict[tuple[str, str], PromiseKind]:
    """The participle of every one-word action verb of the kind lists ("merge" in FIX_VERBS:
    "get this merged" is a fix; "re-?spin": "respun" and "re-spun" alike)."""
    lists: tuple[tuple[PromiseKind, tuple[str, ...]], ...] = (
        ("send", en.SEND_VERBS),
        ("fix", en.FIX_VERBS),
        ("check", en.CHECK_VERBS),
    )
    kinds: dict[tuple[str, str], PromiseKind] = {}
    for kind, verbs in lists:
        for verb in verbs:
            for stem in (verb.replace("-?", ""), verb.replace("-?", "-")):
                if _PLAIN.fullmatch(stem) and stem not in en.NOT_PARTICIPLE_STEMS:
                    kinds.setdefault((stem, "past"), kind)
    return kinds


_PLAIN = re.compile(r"[a-z]+(?:-[a-z]+)?")
# (stem, form) -> kind, from the data: VERB_KINDS, and the participles of the kind lists.
_KINDS: dict[tuple[str, str], PromiseKind] = {
    **_participle_kinds(),
    **{(stem, form): kind for stem, kind, forms in en.VERB_KINDS for form in forms.split()},
}
# Every stem the grammar names: a word is only reduced to one of these.
_STEMS = frozenset(
    (
        *(stem for stem, _ in _KINDS),
        *(stem for stem, _ in en.IRREGULAR_FORMS.values()),
        *en.PROGRESSIVE_STEMS,
        *en.TEAM_PROGRESSIVE_STEMS,
    )
)


@lru_cache(maxsize=4096)
def lemma(word: str) -> tuple[str, str]:
    """(stem, form) of a verb form the data knows ("shipped" -> ("ship", "past")); a word
    it does not know is its own stem in the base form."""
    lower = word.lower()
    if lower in en.IRREGULAR_FORMS:
        return en.IRREGULAR_FORMS[lower]
    if lower in _STEMS:
        return lower, "base"
    for suffix, replacement, form in en.SUFFIXES:
        if not lower.endswith(suffix) or len(lower) <= len(suffix) + 1:
            continue
        stem = lower[: -len(suffix)]
        for candidate in (stem + replacement, _undoubled(stem)):
            if candidate in _STEMS:
                return candidate, form
    for prefix in en.AGAIN_PREFIXES:
        # done again: "re-shipped", "reshipped" are the participle of "ship"
        rest = lower[len(prefix) :]
        if lower.startswith(prefix) and len(rest) >= 4 and rest[0] != "-":
            stem, form = lemma(rest)
            if form == "past" and stem in _STEMS:
                return stem, form
    return lower, "base"


def _undoubled(stem: str) -> str:
    """ "shipp" -> "ship", "cancell" -> "cancel" (a consonant doubled before a suffix)."""
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        return stem[:-1]
    return stem


def participle_kind(stem: str) -> PromiseKind | None:
    """The kind of a stem's participle ("transfer" -> "send", as "transferred" is)."""
    return _KINDS.get((stem, "past"))


def word_kind(word: str) -> PromiseKind | None:
    """The kind of one action word by its stem and form ("corrected" -> "fix"), or None."""
    return _KINDS.get(lemma(word))


def ing_forms(stems: tuple[str, ...]) -> tuple[str, ...]:
    """Every "ing" form of each stem, as `inflections(stems, "ing")` reads them: the
    irregular ones, the regular one and, after a short vowel, the one with its last
    consonant doubled ("ship" -> "shiping", "shipping")."""
    out: list[str] = []
    for stem in stems:
        out += [w for w, (s, f) in en.IRREGULAR_FORMS.items() if s == stem and f == "ing"]
        base = stem[:-1] if stem.endswith("e") and not stem.endswith(("ee", "ye", "oe")) else stem
        out.append(base + "ing")
        if _doubles(stem):
            out.append(base + stem[-1] + "ing")
    return tuple(dict.fromkeys(out))


def _doubles(stem: str) -> bool:
    return (
        len(stem) >= 3
        and stem[-1] not in _VOWELS | {"w", "x", "y"}
        and stem[-2] in _VOWELS
        and stem[-3] not in _VOWELS
    )


def inflections(stems: tuple[str, ...], form: str) -> str:
    """A pattern for the `form` ("ing" or "past") of each stem: "ship" -> "ship(?:p)?ing"."""
    out = []
    for stem in stems:
        irregular = [w for w, (s, f) in en.IRREGULAR_FORMS.items() if s == stem and f == form]
        suffix = "ing" if form == "ing" else "ed"
        base = stem[:-1] if stem.endswith("e") and not stem.endswith(("ee", "ye", "oe")) else stem
        if suffix == "ed" and stem.endswith("e"):
            base = stem[:-1]
        regular = re.escape(base) + (f"(?:{stem[-1]})?" if _doubles(stem) else "") + suffix
        out.extend([*irregular, regular] if not irregular or form == "ing" else irregular)
    return "(?:" + "|".join(out) + ")"
