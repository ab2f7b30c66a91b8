"""The held-out corpora (written to the spec, not to the extractor) stay above their floors.

Both files are labelled from promise-spec.md alone. In heldout.jsonl, cases h1-h195 were
written before the extractor first ran on them, and each later batch (b-f) was scored
blind once before the next round of fixes. heldout2.jsonl aims at the weak spots (our
staff in the third person or the passive against third parties, "expect … from us",
the kind of coordinated actions, feedback against the customer's own problem, requests
split over sentences, numeric dates, time zones and DST); its batches of 40 scored
first-run F1 0.84, 0.81, 0.93, 0.96, 0.79, 0.91, 0.87, 0.92 before their fixes. The
floors sit a little below what the extractor reaches, so that a change which makes it
generalise worse fails here, not in production.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.evaluation import Report, evaluate, load_corpus

HERE = Path(__file__).parent
# file, fewest cases, fewest time zones
CORPORA = [("heldout.jsonl", 150, 8), ("heldout2.jsonl", 200, 12)]


@pytest.fixture(scope="module", params=CORPORA, ids=[c[0] for c in CORPORA])
def corpus(request: pytest.FixtureRequest) -> tuple[list, Report, int, int]:
    name, fewest_cases, fewest_zones = request.param
    cases = load_corpus(HERE / name)
    return cases, evaluate(cases), fewest_cases, fewest_zones


def test_each_heldout_corpus_is_big_and_mixed(corpus) -> None:
    cases, _, fewest_cases, fewest_zones = corpus
    without = [c for c in cases if not c.promises]
    assert len(cases) >= fewest_cases
    assert 0.3 <= len(without) / len(cases) <= 0.5
    assert {c.author_role for c in cases} == {"agent", "customer"}
    assert len({c.timezone for c in cases}) >= fewest_zones


def test_f1_is_at_least_0_95(corpus) -> None:
    report = corpus[1]
    assert report.f1 >= 0.95, report.misses + report.false_positives


def test_precision_is_at_least_0_95(corpus) -> None:
    report = corpus[1]
    assert report.precision >= 0.95, report.false_positives


def test_due_accuracy_is_at_least_0_95(corpus) -> None:
    report = corpus[1]
    assert report.due_accuracy >= 0.95, report.wrong_dues


def test_kinds_are_at_least_90_percent_right(corpus) -> None:
    report = corpus[1]
    assert report.kind_accuracy >= 0.9, report.wrong_kinds


def test_follow_through_accuracy_is_at_least_0_93(corpus) -> None:
    assert corpus[1].follow_through_accuracy >= 0.93
