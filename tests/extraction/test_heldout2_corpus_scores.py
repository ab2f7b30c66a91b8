"""The second held-out corpus (blind batches x, y, z, w, v, u, t, s) stays above its floors.

tests/extraction/heldout2.jsonl is labelled from promise-spec.md alone, aimed at the
extractor's weak spots: commitments of our staff in the third person or the passive
(and third parties', which are not ours), "expect … from us", the kind of coordinated
actions, feedback against the customer's own problem, requests split over sentences,
numeric dates, time zones and DST. Each batch of 40 was committed, then scored once
(first-run F1 in order: 0.84, 0.81, 0.93, 0.96, 0.79, 0.91, 0.87, 0.92) before the next
round of general fixes. The floors sit below what the extractor now reaches, so a
change that generalises worse fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.evaluation import Report, evaluate, load_corpus

HELDOUT2 = Path(__file__).with_name("heldout2.jsonl")


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate(load_corpus(HELDOUT2))


def test_the_second_heldout_corpus_is_big_and_mixed() -> None:
    cases = load_corpus(HELDOUT2)
    without = [c for c in cases if not c.promises]
    assert len(cases) >= 200
    assert 0.3 <= len(without) / len(cases) <= 0.5
    assert {c.author_role for c in cases} == {"agent", "customer"}
    assert len({c.timezone for c in cases}) >= 12


def test_f1_is_at_least_0_95(report: Report) -> None:
    assert report.f1 >= 0.95, report.misses + report.false_positives


def test_precision_is_at_least_0_95(report: Report) -> None:
    assert report.precision >= 0.95, report.false_positives


def test_due_accuracy_is_at_least_0_95(report: Report) -> None:
    assert report.due_accuracy >= 0.95, report.wrong_dues


def test_kinds_are_at_least_90_percent_right(report: Report) -> None:
    assert report.kind_accuracy >= 0.9, report.wrong_kinds


def test_follow_through_accuracy_is_at_least_0_93(report: Report) -> None:
    assert report.follow_through_accuracy >= 0.93
