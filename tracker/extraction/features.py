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
_MODALS = (
    ("ll", re.compile(r"'ll\b", re.I)),
    ("will", re.compile(r"\bwill\b", re.I)),
    ("going-to", re.compile(r"\bgo(?:ing|nna)\b", re.I)),
    ("shall", re.compile(r"\bshall\b", re.I)),
    ("would", re.compile(r"\b(?:would|'d)\b", re.I)),
    ("should", re.compile(r"\bshould\b", re.I)),
    ("let", re.compile(r"\blet\b", re.I)),
    ("progressive", re.compile(r"\b(?:am|is|are|'m|'re|'s)\b", re.I)),
)
# Who commits, by the subject's first words (vocab/en.py), after nothing but spaces.
_SUBJECTS = tuple((name, tk.Phrases(words)) for name, words in en.SUBJECT_TYPES.items())
_DM = tk.Phrases(en.DM_WORDS)
_PAST = re.compile(
    r"\b(?:I|we)(?:'ve|\s+have|\s+had|'d)\s+(?:already\s+|just\s+)?\w+(?:ed|en|t)\b"
    r"|\b(?:was|were|did)\b",
    re.I,
)
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
        "past": bool(_PAST.search(prefix + subject)),
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
    if rule == "subjectless":
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
    for name, pattern in _MODALS:
        if pattern.search(subject):
            return name
    return "none"
