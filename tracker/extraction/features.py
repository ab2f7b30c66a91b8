"""The features of one candidate clause, for the learned decision (decision.py).

Every clause the grammar proposes gets the same description whether the rules kept it
or a soft check rejected it: the rule and the check, who commits and how, what the
sentence and the one before say (conditions, requests to the customer, DM wording,
hedges, questions, past tense, negation), where the sentence sits, and the words of the
clause. Features are plain strings ("rule=self", "w=call", "b=call_you"); a feature
the model has no weight for counts for nothing. Word-list flags (DM wording, negation,
thanks, hedges, requests, who commits) read the sentence's tokens (tokens.py).
"""

from __future__ import annotations

import re
from itertools import pairwise

from tracker.extraction import guards
from tracker.extraction import tokens as tk
from tracker.extraction.detect import Commitment
from tracker.extraction.vocab import en

MAX_WORDS = 12  # n-grams come from the clause's first words: the commitment, not a log

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_MODAL_TYPES = tuple(en.MODAL_TYPES.items())
_UNATTACHED = frozenset(en.MODALS_UNATTACHED)
# Who commits, by the subject's first words (vocab/en.py), after nothing but spaces.
_SUBJECTS = tuple((name, tk.Phrases(words)) for name, words in en.SUBJECT_TYPES.items())
_DM = tk.Phrases(en.DM_WORDS)
_PAST_WORDS = frozenset(en.PAST_WORDS)
_PAST_SUBJECTS = frozenset(word.lower() for word in en.PAST_SUBJECTS)
_PAST_AUXILIARIES = frozenset(en.PAST_AUXILIARIES)
_PAST_ADVERBS = frozenset(en.PAST_ADVERBS)
_NEGATION = tk.Phrases(en.NEGATION_WORDS)
_THANKS = tk.Phrases(en.THANKS_WORDS)


def _negated(clause: str) -> bool:
    """ "not", "never" … or "n't" ("won't": the clitic "'t" right after an n)."""
    tokens = tk.tokenise(clause)
    return _NEGATION.search(clause, tokens) or any(
        t.kind == "clitic" and t.lower == "'t" and clause[t.start - 1] in "nN" for t in tokens
    )


def candidate_features(
    sentence: str,
    found: Commitment,
    clause_end: int,
    context: tuple[str, str, str],
    has_due: bool,
    check: str,
    position: float,
) -> tuple[str, ...]:
    """The features of `found` (a clause of `sentence`) that the decision model reads.

    `check` is the rules' verdict ("kept" or the id of the check that rejected it);
    `position` is where the sentence starts in the message, 0 to 1."""
    earlier, previous, following = context
    prefix = sentence[: found.start]
    subject = sentence[found.start : found.end]
    clause = sentence[found.start : clause_end]
    verb_phrase = sentence[found.end : clause_end]
    words = _WORD.findall(verb_phrase.lower())[:MAX_WORDS]
    out = [
        "bias",
        f"rule={found.rule}",
        f"check={check}",
        f"kind={found.kind}",
        f"rule_kind={found.rule}_{found.kind}",
        f"subject={_subject(subject, found.rule)}",
        f"modal={_modal(subject, found.rule)}",
        f"verb={words[0] if words else '-'}",
        f"position={min(3, int(position * 4))}",
    ]
    flags = {
        "due": has_due,
        "needs_due": found.needs_due,
        "follows": found.follows,
        "first_sentence": not previous.strip(),
        "condition_before": bool(guards._CONDITION.search(prefix)),
        "condition_in_clause": bool(guards._CONDITION.search(clause)),
        "customer_first": guards.asks_customer(sentence, 0, found.start)
        or guards._is_request(prefix),
        "request_before": guards.asks_customer(previous) or guards.asks_customer(earlier),
        "question_before": previous.rstrip().endswith("?"),
        "request_after": guards.asks_customer(sentence, found.end),
        "request_next": guards._NEXT_REQUEST.in_text(following),
        "acted": guards._has_acted(sentence, found.start) or guards._has_acted(previous),
        "dm": _DM.in_text(sentence),
        "dm_before": _DM.in_text(previous),
        "hedge": guards.HEDGE.in_text(sentence, 0, found.start),
        "hedge_sentence": guards.HEDGE.in_text(sentence),
        "question": sentence.rstrip().endswith("?"),
        "past": _past(prefix + subject),
        "negation": _negated(clause),
        "hold": guards.holds(sentence, found.end) or guards.holds(following, at_start=True),
        "feedback": guards.FEEDBACK.in_text(sentence),
        "thanks": _THANKS.search(prefix + " " + previous, tk.joined(prefix, previous)),
        "waiting": guards._WAITING.in_text(sentence, 0, found.start),
    }
    out.extend(name for name, on in flags.items() if on)
    out.extend(f"w={word}" for word in words)
    out.extend(f"b={a}_{b}" for a, b in pairwise(words))
    before = _WORD.findall(prefix.lower())[-2:]
    out.extend(f"p={word}" for word in before)
    return tuple(dict.fromkeys(out))


def _subject(subject: str, rule: str) -> str:
    if rule in ("subjectless", "clipped"):
        return "none"
    tokens = tk.tokenise(subject)
    before = subject[: tokens[0].start] if tokens else ""
    if tokens and (not before or before.isspace()):
        for name, phrases in _SUBJECTS:
            if phrases.at(subject, tokens, 0):
                return name
    return "team" if rule in ("team", "team-progressive", "handled-by", "asked-staff") else "other"


def _modal(subject: str, rule: str) -> str:
    if rule == "let-me":
        return "let"
    tokens = tk.tokenise(subject)
    said = {t.lower for t in tokens if t.kind != "punct"}
    # "'ll" on its own (" 'll"): an apostrophe, then the word at once
    said.update(
        "'" + after.lower
        for mark, after in pairwise(tokens)
        if mark.lower == "'" and after.start == mark.end and "'" + after.lower in _UNATTACHED
    )
    return next((name for name, words in _MODAL_TYPES if not said.isdisjoint(words)), "none")


def _past(text: str) -> bool:
    """ "it was", "we did", or "I've (already) sent", "we had checked", "I'd taken"."""
    tokens = tk.tokenise(text)
    if any(t.lower in _PAST_WORDS and t.kind == "word" for t in tokens):
        return True
    for i, subject in enumerate(tokens[:-2]):
        if subject.lower not in _PAST_SUBJECTS or subject.kind != "word":
            continue
        auxiliary = tokens[i + 1]
        attached = auxiliary.kind == "clitic"
        if auxiliary.lower not in _PAST_AUXILIARIES or attached != _adjacent(subject, auxiliary):
            continue
        if not attached and not text[subject.end : auxiliary.start].isspace():
            continue
        word = _spaced_after(text, tokens, i + 1)
        if word is not None and _ends_past(tokens[word]):
            return True
        if word is not None and tokens[word].lower in _PAST_ADVERBS:
            after = _spaced_after(text, tokens, word)
            if after is not None and _ends_past(tokens[after]):
                return True
    return False


def _adjacent(before: tk.Token, token: tk.Token) -> bool:
    return before.end == token.start


def _spaced_after(text: str, tokens: tuple[tk.Token, ...], index: int) -> int | None:
    """The index of the token after `tokens[index]` and whitespace, or None."""
    after = index + 1
    if after < len(tokens) and text[tokens[index].end : tokens[after].start].isspace():
        return after
    return None


def _ends_past(token: tk.Token) -> bool:
    """A word ending in one of PAST_ENDINGS after at least one more character."""
    return token.kind in ("word", "number") and any(
        token.lower.endswith(end) and len(token.lower) > len(end) for end in en.PAST_ENDINGS
    )
