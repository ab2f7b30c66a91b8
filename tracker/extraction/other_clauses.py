"""The clauses of a sentence in another language, and which of them commit (the
other-language rule, other_language.py, with one language's data file, vocab/de.py …).

A sentence is cut into clauses (at "und / et / y …", and at a comma before a subject, a
relative or a condition); a clause commits when it has a committing subject (I or we, a
team of ours, a relative "qui vous répondra" after a team we handed the case to, a
pronoun standing for that team, or, where the subject is dropped, a first-person verb
ending), an action verb from the data (its kind) and a future: an auxiliary ("werde",
"vais", "voy a", "zal", "vou"), a future ending ("rappellerai", "enviaré", "scriverò"),
or a present tense with a stated time ("ich schicke Ihnen … heute") or one that always
means later ("ich melde mich"). The checks of the English grammar then apply with this
language's words; past actions ("ich habe … geschickt") never commit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from tracker.kinds import PROMISE_KINDS, PromiseKind

_WORD = re.compile(r"[^\W\d_]+")
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


@dataclass(frozen=True)
class Token:
    lower: str
    text: str
    start: int
    end: int


def tokens(text: str) -> tuple[Token, ...]:
    return tuple(
        Token(m.group().lower(), m.group(), m.start(), m.end()) for m in _WORD.finditer(text)
    )


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    words: tuple[Token, ...]
    joined: bool  # opens with a conjunction ("und", "et", "y"): shares the subject before it


def clauses(sentence: str, words: tuple[Token, ...], lang: ModuleType) -> list[Clause]:
    cuts = {m.start() for m in _CLAUSE_BREAK.finditer(sentence)}
    out: list[Clause] = []
    current: list[Token] = []
    start, joined = 0, False
    for word in words:
        breaks = (
            any(start <= c < word.start for c in cuts) and current and word.lower in _openers(lang)
        )
        if word.lower in lang.CONJUNCTIONS and current:
            out.append(Clause(start, word.start, tuple(current), joined))
            current, start, joined = [word], word.start, True
            continue
        if breaks:
            out.append(Clause(start, current[-1].end, tuple(current), joined))
            current, start, joined = [], word.start, False
        current.append(word)
        start = start if len(current) > 1 else word.start
    if current:
        out.append(Clause(start, current[-1].end, tuple(current), joined))
    return out


@lru_cache(maxsize=8)
def _openers(lang: ModuleType) -> frozenset[str]:
    """Words that open a new clause after a comma (a subject, a relative, a condition)."""
    words = (
        lang.SELF | lang.RELATIVES | lang.TEAM_PRONOUNS | lang.POSSESSIVES | lang.ARTICLES
        | lang.CUSTOMER | {c.split()[0] for c in lang.CONDITIONS}
    )  # fmt: skip
    return frozenset(words)


@lru_cache(maxsize=8)
def _stems(lang: ModuleType) -> tuple[tuple[str, PromiseKind], ...]:
    actions: dict[str, PromiseKind] = lang.ACTIONS
    return tuple(sorted(actions.items(), key=lambda item: -len(item[0])))


@lru_cache(maxsize=8)
def _stem_pattern(lang: ModuleType) -> re.Pattern[str]:
    """The one-word stems, longest first: a word takes the longest stem it starts with."""
    return re.compile("|".join(re.escape(stem) for stem, _ in _stems(lang) if " " not in stem))


def action_kinds(
    clause: Clause, sentence: str, lang: ModuleType, first: int
) -> list[tuple[Token, PromiseKind]]:
    """The action verbs of a clause with their kinds (stems of the data file)."""
    found: list[tuple[Token, PromiseKind]] = []
    text = " ".join(sentence[clause.start : clause.end].lower().split())
    for index, word in enumerate(clause.words):
        noun = lang.NOUNS_CAPITALISED and word.text[:1].isupper() and word.start != first
        if noun and word.lower not in lang.ACTIONS:
            continue  # a German noun ("Versand"), unless a listed one ("Bescheid")
        if (
            index
            and clause.words[index - 1].lower in lang.ARTICLES
            and not (index > 1 and clause.words[index - 2].lower in lang.SELF | lang.CUSTOMER)
            # "Lo sistemo io": the subject right after it says it is a verb
            and not (index + 1 < len(clause.words) and clause.words[index + 1].lower in lang.SELF)
            and not _ends(word, lang.FUTURE_SELF_ENDINGS + lang.FUTURE_OTHER_ENDINGS, lang)
        ):
            continue  # "el envío", "votre appel": a noun ("je le publie": a pronoun)
        verb = _stem_pattern(lang).match(word.lower)
        if verb:
            found.append((word, lang.ACTIONS[verb.group()]))
    for stem, kind in _stems(lang):
        if " " in stem and stem in text:
            at = clause.start + text.index(stem)
            found.append((Token(stem, stem, at, at + len(stem)), kind))
    return found


def most_facing(kinds: list[PromiseKind]) -> PromiseKind:
    return min(kinds, key=PROMISE_KINDS.index)


@dataclass(frozen=True)
class Candidate:
    """A clause the rule read: where, its kind, and "kept" or the check that drops it."""

    start: int
    end: int
    kind: PromiseKind | None
    check: str
    due_from: int = -1  # where its time may be read from (-1: its own start)


def _staff(word: Token, lang: ModuleType) -> bool:
    return word.lower in lang.STAFF or (
        lang.NOUNS_CAPITALISED and len(word.lower) > 6 and word.lower.endswith(lang.STAFF)
    )


def _team_subject(words: tuple[Token, ...], lang: ModuleType) -> bool:
    for index, word in enumerate(words):
        if (
            index <= 1
            and word.lower in lang.STAFF_LEADS
            and index + 1 < len(words)
            and _staff(words[index + 1], lang)
        ):
            return True  # "Un technicien vous appelle demain", "mijn collega Ruben belt je"
        if word.lower in lang.POSSESSIVES and any(
            _staff(w, lang) for w in words[index + 1 : index + 4]
        ):
            return True
        if (
            word.lower in lang.TITLES
            and index + 1 < len(words)
            and words[index + 1].text[:1].isupper()
        ):
            return True
    return False


def _staff_before(words: tuple[Token, ...], lang: ModuleType) -> bool:
    return any(_staff(w, lang) for w in words[-4:])


def _ends(word: Token, endings: tuple[str, ...], lang: ModuleType) -> bool:
    return (
        len(word.lower) >= 5 and word.lower.endswith(endings) and word.lower not in lang.NOT_VERBS
    )


def _has(text: str, phrases: tuple[str, ...]) -> bool:
    return bool(phrases) and _phrases(phrases).search(text) is not None


@lru_cache(maxsize=128)
def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)")


def _condition_at(words: tuple[Token, ...], index: int, lang: ModuleType, leading: bool) -> bool:
    """Is the condition word at `index` one that holds the commitment back?"""
    if index and words[index - 1].lower.startswith(lang.INDIRECT):
        return False  # "vérifier si …": an indirect question
    if leading:
        return True
    return any(w.lower in lang.CUSTOMER for w in words[index + 1 : index + 3])


def candidates(  # noqa: C901 - one pass over the clauses, the checks in order
    sentence: str, previous: str, lang: ModuleType, has_due: Callable[[int, int], bool]
) -> list[Candidate]:
    """Every committing clause of a sentence in language `lang`, kept or with its check."""
    words = tokens(sentence)
    if not words:
        return []
    lower = sentence.lower()
    first = words[0].start
    parts = clauses(sentence, words, lang)
    before_words = tokens(previous)
    question = sentence.rstrip().endswith("?") or sentence.lstrip().startswith("¿")
    out: list[Candidate] = []
    subject: str | None = None
    for index, clause in enumerate(parts):
        ws = clause.words
        text = " ".join(lower[clause.start : clause.end].split())
        earlier = tuple(w for p in parts[:index] for w in p.words)
        actions = action_kinds(clause, sentence, lang, first)
        own: str | None = None
        if any(
            w.lower in lang.SELF and (w.lower not in lang.SELF_AT_START or i <= int(clause.joined))
            for i, w in enumerate(ws)
        ):
            own = "self"
        elif _team_subject(ws, lang):
            # one of our people ("un technicien", "Herr Schmitt") keeps the action's kind
            own = (
                "titled"
                if any(w.lower in lang.TITLES for w in ws)
                or any(w.lower in lang.STAFF_LEADS for w in ws[:2])
                else "team"
            )
        elif not clause.joined and ws[0].lower in lang.RELATIVES and _staff_before(earlier, lang):
            own = "handover"  # "…, qui vous répondra": the team we handed the case to
        elif ws[0].lower in lang.TEAM_PRONOUNS and (
            _staff_before(earlier, lang) or _staff_before(before_words, lang)
        ):
            own = "team"
        future = any(
            w.lower in lang.FUTURE_AUX
            and (
                not lang.FUTURE_AUX_NEEDS
                or (i + 1 < len(ws) and ws[i + 1].lower == lang.FUTURE_AUX_NEEDS)
            )
            for i, w in enumerate(ws)
        )
        self_future = (
            any(_ends(w, lang.FUTURE_SELF_ENDINGS, lang) for w in ws)
            if lang.FUTURE_SELF_ENDINGS
            else False
        )
        other_future = (
            any(_ends(w, lang.FUTURE_OTHER_ENDINGS, lang) for w in ws)
            if lang.FUTURE_OTHER_ENDINGS
            else False
        )
        present_self = lang.PRO_DROP and any(
            _ends(w, lang.PRESENT_SELF_ENDINGS, lang) for w, _ in actions
        )
        if own is None and lang.PRO_DROP:
            if (
                self_future
                or present_self
                or any(w.lower in lang.FUTURE_AUX_SELF for w in ws)
                or _has(text, lang.ALWAYS_FUTURE)
            ):
                own = "self"
            elif other_future and (
                _staff_before(earlier, lang) or _staff_before(before_words, lang)
            ):
                own = "team"
        shares = False  # a coordinated action of a kept commitment ("… und schreibe dir")
        if own is None and clause.joined and subject is not None:
            own = subject
            shares = bool(out) and out[-1].check == "kept"
        future = (
            future
            or (own == "self" and self_future)
            or (own in ("team", "titled", "handover") and other_future)
        )
        past = not future and (
            any(w.lower in lang.PAST_AUX for w in ws)
            or any(_ends(w, lang.PAST_SELF_ENDINGS, lang) for w, _ in actions)
        )
        if own is not None:
            subject = own
        passive = own is None and _passive(ws, lang, actions)
        if own is None and not passive:
            continue
        if past or (not actions and not passive):
            continue
        kinds = [k for _, k in actions] or ["send"]
        kind = most_facing(kinds)
        if passive:
            kind = kind if kind in ("send", "fix") else "send"
        elif own == "handover" or (own == "team" and kind not in ("send", "fix")):
            kind = "escalate"
        start = clause.start
        scope_end = _scope_end(parts, index)
        # a due in a subordinate clause after the action is not the action's own
        # ("Ich schicke Ihnen den Link, damit Sie sich morgen anmelden können")
        after = min((t.end for t, _ in actions), default=start)
        sub = next(
            (w.start for w in words if w.start >= after and w.lower in lang.SUBORDINATORS), None
        )
        timed = has_due(start, scope_end if sub is None else min(scope_end, sub))
        # "Ci lavoro venerdì e vi aggiorno qui": our own clause before, joined by "e / und /
        # y", gives the time to both
        due_from = -1
        if (
            not timed
            and own == "self"
            and clause.joined
            and _ours_with_time(parts[index - 1], lang, has_due)
        ):
            timed, due_from = True, parts[index - 1].start
        check = "kept"
        if _negated(ws, actions, lower, lang):
            check = "negation"
        elif _has(text, lang.COURTESY) or any(w.lower in lang.OFFER_WORDS for w in ws):
            check = "courtesy"
        elif _has(text, lang.HEDGES):
            check = "hedge"
        elif _has(text, lang.POLICY):
            check = "policy"
        elif question:
            check = "question"
        elif any(
            w.lower in lang.CONDITIONS
            and _condition_at(words, i, lang, w.start <= clause.start or i < 2)
            for i, w in enumerate(words)
        ):
            check = "condition"
        elif kind == "escalate" and _has(lower, lang.FEEDBACK):
            check = "feedback"
        elif _has(text, lang.REQUESTS):
            check = "customer-acts-first"
        elif _has(text, lang.RIGHT_NOW):
            check = "done-now"
        elif passive and (
            not timed or _has(lower, lang.AUTOMATIC) or _has(lower, lang.THIRD_PARTIES)
        ):
            check = "follows"
        elif not (future or passive or timed or _has(text, lang.ALWAYS_FUTURE) or shares):
            check = "needs-due"
        out.append(Candidate(start, scope_end, kind, check, due_from))
    return out


def _ours_with_time(clause: Clause, lang: ModuleType, has_due: Callable[[int, int], bool]) -> bool:
    """A clause with a first-person subject or verb ending and a stated time."""
    words = clause.words
    mine = (
        any(w.lower in lang.SELF for w in words)
        or (lang.PRO_DROP and any(_ends(w, lang.PRESENT_SELF_ENDINGS, lang) for w in words))
        # a verb that is also a noun, after an object pronoun: "Ci lavoro", "Lo miro"
        or (
            len(words) > 1
            and words[0].lower in lang.CLITIC_PRONOUNS
            and len(words[1].lower) >= 4
            and words[1].lower not in lang.PAST_AUX
            and words[1].lower.endswith(lang.PRESENT_SELF_ENDINGS)
        )
    )
    past = any(w.lower in lang.PAST_AUX for w in words)  # "ci ho pensato giovedì"
    return mine and not past and has_due(clause.start, clause.end)


def _negated(
    ws: tuple[Token, ...], actions: list[tuple[Token, PromiseKind]], lower: str, lang: ModuleType
) -> bool:
    """A negation in the clause, before a subordinate clause after the action begins
    ("te escribiré para confirmar que no ha habido más cortes" is not negated)."""
    after = min((t.end for t, _ in actions), default=ws[-1].end)
    for w in ws:
        if w.start >= after and w.lower in lang.SUBORDINATORS:
            return False
        if w.lower in lang.NEGATIONS and not lower.startswith(lang.NOT_NEGATIONS, w.start):
            return True
    return False


def _scope_end(parts: list[Clause], index: int) -> int:
    """A clause's words go on into the clauses after it that have no subject of their own
    ("…, spätestens Freitag …"), up to the next joined clause."""
    end = parts[index].end
    for clause in parts[index + 1 :]:
        if clause.joined:
            break
        end = clause.end
    return end


def _passive(
    ws: tuple[Token, ...], lang: ModuleType, actions: list[tuple[Token, PromiseKind]]
) -> bool:
    """ "Le virement sera effectué d'ici la fin du mois": a future passive of our action."""
    for i, word in enumerate(ws):
        if word.lower in lang.PASSIVE_AUX:
            if i and (ws[i - 1].lower in lang.CUSTOMER or ws[i - 1].lower in lang.SELF):
                return False  # "Sie werden benachrichtigt": about the customer
            return any(_ends(w, lang.PARTICIPLE_ENDINGS, lang) for w in ws[i + 1 :]) or any(
                t.start > word.start for t, _ in actions
            )
    return False
