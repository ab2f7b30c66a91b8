"""Commitments with a verb the vocabulary does not list (rules `unlisted-verb`, `do-that`).

People answering on support lists and forums commit with any verb of their work ("I'll
backport the fix this week", "we'll reorder it today"); no list of action verbs holds
them all. After "I'll" / "we'll" (or a "Will …" opening a sentence) an unlisted verb
counts when the clause says when ("tomorrow", "by Friday": the pipeline checks the stated
time, as for "I'm sending …") or whom it is for ("… for you", "… to you" right after a
short object), and the verb is none of the non-actions of `vocab/en.py`
(NON_ACTION_VERBS: "I'll be in the office on Monday", "we'll need the serial number by
Friday") and not in the progressive ("we'll be performing maintenance on Sunday" is a
schedule). "I'll do that tomorrow" commits to what the customer asked, and counts only
with its stated time (`do-that`). The kind is read from the verb's object ("backport the
fix": fix); a verb that hands over ("pass this to Sarah") escalates.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.extraction import tokens as tk
from tracker.extraction.lemmas import lemma, word_kind
from tracker.extraction.verb_phrase import adverbs_end
from tracker.extraction.vocab import en
from tracker.kinds import PromiseKind

_NON_ACTIONS = frozenset(en.NON_ACTION_VERBS)
_NOT_VERBS = frozenset(en.NOT_VERBS)
_FOR_YOU = tk.Phrases(en.FOR_YOU)
_DONE_THING = frozenset(en.DONE_THINGS)
_ESCALATING = frozenset(en.ESCALATING_STEMS)
_PROGRESSIVE_BE = "be"
_CLAUSE_ENDS = frozenset((",", ";", ":", ".", "!", "?", "-", "–", "—", "(", ")"))
# How far the object of the verb is read for its kind.
_OBJECT_WORDS = 8
# "for you" right after a short object names the customer as the one the action is for
# ("build a test package for you"); further on it is someone else's ("request a callback
# from our mortgage team for you" is a request for a colleague's call).
_FOR_YOU_WITHIN = 5


@dataclass(frozen=True)
class Unlisted:
    kind: PromiseKind
    needs_due: bool  # True unless the clause names the customer ("for you")
    rule: str  # "unlisted-verb" or "do-that"


def unlisted_action(sentence: str, pos: int) -> Unlisted | None:
    """The commitment of the verb phrase at `pos` (after "I'll") whose verb no list names,
    or None: "backport the fix to 2.4 this week" (needs its time), "request it for you"."""
    tokens = tk.tokenise(sentence)
    i = _verb_index(sentence, tokens, adverbs_end(sentence, pos))
    if i is None or _PROGRESSIVE_BE in tk.words(tk.window(tokens, pos, tokens[i].start)):
        # "we'll be performing maintenance on Sunday": a schedule, not a commitment
        return None
    stems = _stems(tokens[i])
    rest = _object(tokens, i + 1)
    if "do" in stems:
        # "I'll do that tomorrow": what the customer asked for, at a stated time.
        if rest and rest[0].lower in _DONE_THING:
            return Unlisted("fix", True, "do-that")
        return None
    if stems & _NON_ACTIONS:
        return None
    for_you = _FOR_YOU.search(sentence, rest[:_FOR_YOU_WITHIN])
    return Unlisted(_kind(stems, rest), not for_you, "unlisted-verb")


def _verb_index(sentence: str, tokens: tuple[tk.Token, ...], at: int) -> int | None:
    """The index of the verb at offset `at`, past adverbs in "-ly" ("I'll gladly …")."""
    i = next((k for k, t in enumerate(tokens) if t.start == at), None)
    while i is not None and i < len(tokens) and tokens[i].lower.endswith("ly"):
        i += 1
    if i is None or i >= len(tokens):
        return None
    token = tokens[i]
    if token.kind != "word" or not token.text.isalpha() or len(token.text) < 2:
        return None
    if token.lower in _NOT_VERBS:
        return None
    return i


def _stems(token: tk.Token) -> frozenset[str]:
    """What the verb's stem may be: the word, the lemma table's stem, and for an unknown
    "-ing" form ("be launching", after "be") the word without it."""
    lower = token.lower
    stems = {lower, lemma(lower)[0]}
    if lower.endswith("ing") and len(lower) > 5:
        stems.update((lower[:-3], lower[:-3] + "e"))
    return frozenset(stems)


def _object(tokens: tuple[tk.Token, ...], i: int) -> tuple[tk.Token, ...]:
    """The words after the verb up to the end of its clause (at most _OBJECT_WORDS)."""
    out: list[tk.Token] = []
    for token in tokens[i:]:
        if token.kind == "punct" and token.text in _CLAUSE_ENDS:
            break
        if token.lower == "and" and out:
            break
        out.append(token)
        if len(out) >= _OBJECT_WORDS:
            break
    return tuple(out)


def _kind(stems: frozenset[str], rest: tuple[tk.Token, ...]) -> PromiseKind:
    """The kind of an unlisted action: a hand-over verb escalates; otherwise the first
    action word of its object ("backport the fix": fix; "put the credit on": send), a
    colleague named before it escalating ("request the clinic manager to call you"), and
    "fix" (an action on the customer's service) when the object names none."""
    if stems & _ESCALATING:
        return "escalate"
    staff = False
    for token in rest:
        if token.kind != "word":
            continue
        kind = word_kind(token.lower)
        if kind:
            if staff and kind in ("callback", "update", "check"):
                return "escalate"
            return kind
        staff = staff or token.lower in _STAFF_WORDS
    return "fix"


# Staff nouns of the vocabulary that are plain words ("manager", "team", "engineer").
_STAFF_WORDS = frozenset(
    form
    for noun in (*en.STAFF_NOUNS, *en.ROLE_NOUNS)
    if noun.replace("?", "").isalpha()
    for form in (noun.replace("s?", ""), noun.replace("s?", "s"), noun.replace("?", ""))
)
