"""The refits of one test run share one extraction of the shipped training corpus.

`tracker.learning.refit.refit` starts every refit with `examples(shipped_cases("training"))`:
the rules run over the whole shipped corpus, seconds of work whose answer depends only on
the corpus and the rules, both fixed for the run. The first refit computes it for real; the
others get the same (frozen) examples, keyed by the cases' texts, so a different list of
cases is never answered from the cache.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from tracker.evaluation import Case
from tracker.extraction.training import Example, examples
from tracker.learning import refit

_computed: dict[tuple[tuple[str, str], ...], list[Example]] = {}


def _examples_once(cases: Iterable[Case]) -> list[Example]:
    cases = list(cases)
    key = tuple((case.text, str(case.sent_at)) for case in cases)
    if key not in _computed:
        _computed[key] = examples(cases)
    return list(_computed[key])


@pytest.fixture(autouse=True)
def _shipped_corpus_extracted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(refit, "examples", _examples_once)
