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
        return cls(str(data.get("version", "")), {str(k): float(v) for k, v in weights.items()})


@cache
def shipped_model() -> DecisionModel:
    """The weights shipped in tracker/extraction/model/ (read once)."""
    text = resources.files("tracker.extraction.model").joinpath(MODEL_FILE).read_text("utf-8")
    return DecisionModel.from_json(json.loads(text))
