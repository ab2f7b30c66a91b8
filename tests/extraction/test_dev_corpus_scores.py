"""The labelled dev corpus meets issue 3's targets."""

from __future__ import annotations

import pytest

from tests.helpers.extraction import SHARED, needs_shared
from tracker.evaluation import evaluate, load_corpus

DEV = SHARED / "corpus" / "dev.jsonl"


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    needs_shared(DEV, "the dev corpus")
    return evaluate(load_corpus(DEV))


def test_f1_is_at_least_0_95(report) -> None:  # type: ignore[no-untyped-def]
    assert report.f1 >= 0.95, report.misses + report.false_positives


def test_due_accuracy_is_at_least_0_95(report) -> None:  # type: ignore[no-untyped-def]
    assert report.due_accuracy >= 0.95, report.wrong_dues


def test_follow_through_accuracy_is_at_least_0_90(report) -> None:  # type: ignore[no-untyped-def]
    assert report.follow_through_accuracy >= 0.90


def test_kinds_are_mostly_right(report) -> None:  # type: ignore[no-untyped-def]
    assert report.kind_accuracy >= 0.9, report.wrong_kinds


def test_customer_messages_yield_nothing(report) -> None:  # type: ignore[no-untyped-def]
    assert not [fp for fp in report.false_positives if fp["why"] == "customer message"]
