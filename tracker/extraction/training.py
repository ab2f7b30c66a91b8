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
from dataclasses import dataclass

from tracker.evaluation import Case
from tracker.extraction import Trace, extract

VERSION = "1"
L2 = 3.0  # the regulariser, per weight (the bias is not penalised); chosen by
# leave-one-corpus-out cross-validation on the training corpora
EPOCHS = 60
MIN_COUNT = 2  # features seen fewer times in training are left out of the model
DIGITS = 5  # weights are stored rounded, so the file is small and stable


@dataclass(frozen=True)
class Example:
    case_id: str
    clause: str
    features: tuple[str, ...]
    label: int
    rules_kept: bool
    weight: float = 1.0  # how much the example counts in the fit (a team's correction: more)


def examples(cases: Iterable[Case]) -> list[Example]:
    """Every candidate clause with a kind in `cases`, labelled from the gold promises."""
    out: list[Example] = []
    for case in cases:
        trace = Trace()
        extract(case.text, case.sent_at, case.calendar(), author_role=case.author_role, trace=trace)
        candidates = [d for d in trace.decisions if d.features]
        positive: set[int] = set()
        for gold in case.promises:
            hits = [
                i for i, d in enumerate(candidates) if d.start < gold.end and gold.start < d.end
            ]
            if not hits:
                hits = [
                    i
                    for i, d in enumerate(candidates)
                    if d.sentence_start < gold.end and gold.start < d.sentence_end
                ][:1]
            positive.update(hits)
        for i, d in enumerate(candidates):
            out.append(
                Example(
                    case.id,
                    case.text[d.start : d.end],
                    d.features,
                    int(i in positive),
                    d.check == "kept",
                )
            )
    return out


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


def model_json(weights: dict[str, float], trained_on: list[str]) -> str:
    """The model file: version, how it was trained, and the rounded non-zero weights."""
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
        "weights": kept,
    }
    return json.dumps(data, indent=1, sort_keys=False, ensure_ascii=False) + "\n"


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)
