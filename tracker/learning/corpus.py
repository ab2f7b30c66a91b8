"""The shipped corpora a refit needs: the decision model's training corpus and its test set.

They are package data (`tracker/learning/shipped/*.jsonl.gz`, written from the repository
by `scripts/bundle_learning_corpus.py`), so an installed deployment that has no `tests/`
folder refits and validates exactly as a checkout does.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources

from tracker.evaluation import Case, parse_case
from tracker.extraction.training import TRAINING_CORPORA

# The files each bundle is made of, in order (paths in the repository).
TRAINING = TRAINING_CORPORA  # scripts/train_decision.py trains the shipped model on them
TEST = (
    "tests/extraction/blind/batch-04.jsonl",
    "tests/extraction/blind/batch-05.jsonl",
    "tests/extraction/blind/batch-06.jsonl",
)
BUNDLES = {"training": TRAINING, "test": TEST}


def bundle_name(which: str) -> str:
    return f"{which}.jsonl.gz"


@cache
def shipped_cases(which: str) -> tuple[Case, ...]:
    """The cases of the shipped `which` corpus ("training" or "test")."""
    if which not in BUNDLES:
        raise ValueError(f"no shipped corpus {which!r}")
    data = resources.files("tracker.learning.shipped").joinpath(bundle_name(which)).read_bytes()
    cases = []
    for number, line in enumerate(gzip.decompress(data).decode("utf-8").splitlines(), 1):
        if line.strip():
            cases.append(parse_case(json.loads(line), f"{bundle_name(which)}:{number}"))
    return tuple(cases)
