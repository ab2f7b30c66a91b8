"""Training the decision model (decision.py) from labelled corpora.

Each candidate clause the grammar proposes in a labelled case is one example: a
promise when a labelled promise overlaps the clause (or, when none of the sentence's
clauses overlaps the labelled quote, the sentence's first clause). The model is an
L2-regularised logistic regression fitted by cyclic coordinate descent with a Newton
step per weight: pure Python, in a fixed order, so the same data gives the same weights
byte for byte. `scripts/train_decision.py` runs it and writes the model file.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from tracker.evaluation import Case
from tracker.extraction import Trace, extract
from tracker.extraction.decision import HARD_CHECKS, DecisionModel

VERSION = "1"
L2 = 3.0  # the regulariser, per weight (the bias is not penalised); chosen by
# cross-validation grouped by batch on the training corpora (scripts/train_decision.py --cv)
EPOCHS = 60
MIN_COUNT = 2  # features seen fewer times in training are left out of the model
DIGITS = 5  # weights are stored rounded, so the file is small and stable
# Which word features of a clause the model learns from (features.py writes them all):
# "none", "words" (the clause's first words, w=, and the two before its subject, p=)
# or "words+pairs" (also the clause's adjacent word pairs, b=). Chosen with L2.
NGRAMS = "words"
# The operating point the same cross-validation chose (best out-of-fold F1).
THRESHOLD = 0.55
NGRAM_SETS = {"none": (), "words": ("w=", "p="), "words+pairs": ("w=", "p=", "b=")}
_WORD_FEATURES = ("w=", "p=", "b=")

# The corpora the shipped model is trained on (paths in the repository): the development
# data. Not blind batches 04-06 (the test set `followthrough learn` validates a refit
# on), nor 42 and later (held out, scored once), nor the real support text (the judge).
TRAINING_BATCHES = (*range(1, 4), *range(7, 12), *range(13, 42))
TRAINING_CORPORA = (
    "tests/extraction/heldout.jsonl",
    "tests/extraction/heldout2.jsonl",
    "../shared/corpus/dev.jsonl",
    *(f"tests/extraction/blind/batch-{n:02d}.jsonl" for n in TRAINING_BATCHES),
)


@dataclass(frozen=True)
class Example:
    case_id: str
    clause: str
    features: tuple[str, ...]
    label: int
    rules_kept: bool
    weight: float = 1.0  # how much the example counts in the fit (a team's correction: more)


@dataclass(frozen=True)
class Candidate:
    """An example with where it sits, so a decision over it can be scored as `eval` does."""

    example: Example
    start: int
    sentence: tuple[int, int]
    check: str  # the rules' verdict: "kept" or the check that rejected it


def examples(cases: Iterable[Case]) -> list[Example]:
    """Every candidate clause with a kind in `cases`, labelled from the gold promises."""
    return [c.example for case in cases for c in candidates(case)]


def candidates(case: Case) -> list[Candidate]:
    """The candidate clauses with a kind in `case`, labelled from its gold promises."""
    trace = Trace()
    extract(case.text, case.sent_at, case.calendar(), author_role=case.author_role, trace=trace)
    found = [d for d in trace.decisions if d.features]
    positive: set[int] = set()
    for gold in case.promises:
        hits = [i for i, d in enumerate(found) if d.start < gold.end and gold.start < d.end]
        if not hits:
            hits = [
                i
                for i, d in enumerate(found)
                if d.sentence_start < gold.end and gold.start < d.sentence_end
            ][:1]
        positive.update(hits)
    out = []
    for i, d in enumerate(found):
        example = Example(
            case.id, case.text[d.start : d.end], d.features, int(i in positive), d.check == "kept"
        )
        out.append(Candidate(example, d.start, (d.sentence_start, d.sentence_end), d.check))
    return out


def with_ngrams(data: list[Example], ngrams: str = NGRAMS) -> list[Example]:
    """`data` with only the word features of the `ngrams` set (NGRAM_SETS)."""
    keep = NGRAM_SETS[ngrams]
    return [
        replace(
            e,
            features=tuple(
                f for f in e.features if not f.startswith(_WORD_FEATURES) or f.startswith(keep)
            ),
        )
        for e in data
    ]


def train(
    data: list[Example],
    l2: float = L2,
    epochs: int = EPOCHS,
    min_count: int = MIN_COUNT,
    prior: dict[str, float] | None = None,
    stiffness: dict[str, float] | None = None,
) -> dict[str, float]:
    """The weights of an L2-regularised logistic regression over `data`'s features.

    With `prior` (weights) the penalty pulls each weight towards its prior value instead
    of 0, harder by its `stiffness`; every prior weight is kept. `refit_from` uses it."""
    counts = Counter(f for e in data for f in e.features)
    names = sorted(f for f, n in counts.items() if n >= min_count or f == "bias")
    if prior is not None:
        names = sorted(set(names) | set(prior))
    centre = [prior.get(name, 0.0) if prior else 0.0 for name in names]
    extra = [stiffness.get(name, 0.0) if stiffness else 0.0 for name in names]
    index = {name: i for i, name in enumerate(names)}
    rows = [[index[f] for f in e.features if f in index] for e in data]
    labels = [e.label for e in data]
    counted = [e.weight for e in data]
    columns: list[list[int]] = [[] for _ in names]
    for r, row in enumerate(rows):
        for j in row:
            columns[j].append(r)
    weights = list(centre)
    margins = [sum(weights[j] for j in row) for row in rows] if prior else [0.0] * len(rows)
    for _ in range(epochs):
        for j, members in enumerate(columns):
            penalty = (0.0 if names[j] == "bias" and prior is None else l2) + extra[j]
            gradient = penalty * (weights[j] - centre[j])
            curvature = penalty + 1e-6
            for r in members:
                p = _sigmoid(margins[r])
                gradient += counted[r] * (p - labels[r])
                curvature += counted[r] * (p * (1.0 - p))
            step = max(-2.0, min(2.0, gradient / curvature))
            if step == 0.0:
                continue
            weights[j] -= step
            for r in members:
                margins[r] -= step
    return {name: w for name, w in zip(names, weights, strict=True)}


def refit_from(
    shipped: dict[str, float],
    corpus: list[Example],
    data: list[Example],
    l2: float = L2,
    epochs: int = EPOCHS,
) -> dict[str, float]:
    """Refit `shipped` (trained on `corpus`) with the new examples `data`.

    Retraining on `corpus + data` from scratch moves every weight a little and with it
    decisions on text nobody corrected. This fits the same objective with the corpus's
    part replaced by its quadratic (Laplace) approximation around the shipped weights,
    where its gradient is zero: each weight is pulled back to its shipped value with the
    corpus's curvature along it (the sum of p(1-p) over the corpus examples that have the
    feature) plus the regulariser. Features the corpus is sure about barely move; a
    team's own wording, rare in the corpus, moves freely.
    """
    model_weights = shipped
    curvature: dict[str, float] = {}
    for example in corpus:
        z = sum(model_weights.get(f, 0.0) for f in example.features)
        p = _sigmoid(z)
        for f in example.features:
            curvature[f] = curvature.get(f, 0.0) + p * (1.0 - p)
    return train(data, l2, epochs, 1, prior=shipped, stiffness=curvature)


@dataclass(frozen=True)
class Tally:
    """Promise-level counts, scored as `followthrough eval` scores (spans that overlap)."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    agent_messages: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.gold + other.gold,
            self.predicted + other.predicted,
            self.matched + other.matched,
            self.agent_messages + other.agent_messages,
        )

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def false_per_100(self) -> float:
        false = self.predicted - self.matched
        return 100 * false / self.agent_messages if self.agent_messages else 0.0


def tally(
    case: Case, found: list[Candidate], model: DecisionModel | None, threshold: float | None
) -> Tally:
    """What the extractor would find in `case` deciding its candidates `found` with `model`
    at `threshold` (None: the rules), counted against the gold promises.

    The extractor reports one promise per sentence, from its first kept clause to the
    sentence's end; this rebuilds those spans from the candidates instead of extracting
    again, so cross-validation can try many models in seconds."""
    starts: dict[tuple[int, int], int] = {}
    for c in found:
        if threshold is None or model is None:
            keep = c.check == "kept"
        else:
            keep = c.check not in HARD_CHECKS and model.score(c.example.features) >= threshold
        if keep:
            starts[c.sentence] = min(c.start, starts.get(c.sentence, c.start))
    spans = [(start, sentence[1]) for sentence, start in starts.items()]
    used: set[int] = set()
    for gold in case.promises:
        best, best_overlap = None, 0
        for i, (start, end) in enumerate(spans):
            overlap = min(gold.end, end) - max(gold.start, start)
            if i not in used and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
    return Tally(len(case.promises), len(spans), len(used), int(case.author_role == "agent"))


@dataclass(frozen=True)
class Fold:
    name: str
    cases: list[tuple[Case, list[Candidate]]]


def folds(groups: dict[str, list[Case]], k: int) -> list[Fold]:
    """`k` folds of whole groups (batches, corpora), dealt in turn in `groups`' order."""
    dealt: list[list[str]] = [[] for _ in range(k)]
    for i, name in enumerate(groups):
        dealt[i % k].append(name)
    return [
        Fold(
            " ".join(names),
            [(case, candidates(case)) for name in names for case in groups[name]],
        )
        for names in dealt
    ]


def cross_validate(
    split: list[Fold],
    settings: Iterable[tuple[float, str]],
    thresholds: Iterable[float],
) -> dict[tuple[float, str, float], Tally]:
    """Out-of-fold counts for each (l2, ngrams) setting at each threshold: each fold is
    scored by a model trained on the other folds, and the folds' counts are summed."""
    thresholds = list(thresholds)
    out: dict[tuple[float, str, float], Tally] = {}
    for l2, ngrams in settings:
        for held in split:
            data = [
                c.example for fold in split if fold is not held for _, cs in fold.cases for c in cs
            ]
            model = DecisionModel("cv", train(with_ngrams(data, ngrams), l2))
            for threshold in thresholds:
                key = (l2, ngrams, threshold)
                for case, found in held.cases:
                    out[key] = out.get(key, Tally()) + tally(case, found, model, threshold)
    return out


def model_json(
    weights: dict[str, float], trained_on: list[str], threshold: float | None = None
) -> str:
    """The model file: version, how it was trained (and the threshold cross-validation
    chose, when given), and the rounded non-zero weights."""
    kept = {
        name: round(w, DIGITS) for name, w in sorted(weights.items()) if round(w, DIGITS) != 0.0
    }
    data = {
        "version": VERSION,
        "model": "logistic regression over candidate features (tracker/extraction/features.py)",
        "trained_on": trained_on,
        "l2": L2,
        "epochs": EPOCHS,
        "min_count": MIN_COUNT,
        "ngrams": NGRAMS,
        **({"threshold": threshold} if threshold is not None else {}),
        "weights": kept,
    }
    return json.dumps(data, indent=1, sort_keys=False, ensure_ascii=False) + "\n"


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)
