"""The learned decision: a logistic regression over a candidate's features.

The grammar proposes candidate clauses and its checks keep or reject them (the rules).
With `[extraction] threshold` set, a candidate is a promise when the model's score
(0 to 1) reaches the threshold instead, except where a hard rule decides: a question
is never a promise, and customers' text, quoted history and signatures are never read
at all. The weights are a small JSON file in the package, trained by
`scripts/train_decision.py`; scoring is a sum of weights and a sigmoid, nothing more.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

MODEL_FILE = "decision-v1.json"
# Checks the model never overrules.
HARD_CHECKS = frozenset({"question"})


@dataclass(frozen=True)
class DecisionModel:
    version: str
    weights: dict[str, float]
    # A model learned from one team's corrections only overrules the rules one way: it
    # drops a clause the rules keep when it scores below the threshold. Deciding every
    # candidate, it was less accurate than the rules on the shipped test corpus.
    veto_only: bool = False

    def keeps(self, score: float, threshold: float, rules_keep: bool) -> bool:
        """The decision for a candidate the hard rules leave open."""
        if self.veto_only:
            return rules_keep and score >= threshold
        return score >= threshold

    def score(self, features: Iterable[str]) -> float:
        """The model's probability that a candidate with `features` is a promise."""
        weights = self.weights
        z = sum(weights.get(f, 0.0) for f in features)
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> DecisionModel:
        weights = data.get("weights")
        if not isinstance(weights, dict):
            raise ValueError("decision model: no 'weights' object")
        weights = {str(k): float(v) for k, v in weights.items()}
        return cls(str(data.get("version", "")), weights, bool(data.get("veto_only", False)))


@cache
def shipped_model() -> DecisionModel:
    """The weights shipped in tracker/extraction/model/ (read once)."""
    text = resources.files("tracker.extraction.model").joinpath(MODEL_FILE).read_text("utf-8")
    return DecisionModel.from_json(json.loads(text))
