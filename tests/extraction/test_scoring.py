"""Scoring exactly as the spec's "Scoring" section says."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tracker.evaluation import CorpusError, evaluate, parse_case
from tracker.extraction import FoundPromise

TEXT = "I'll call you back tomorrow. I'll email the label today. Thanks"


def case(promises: list[dict[str, object]], **extra: object):  # type: ignore[no-untyped-def]
    raw = {
        "id": "s-1", "author_role": "agent", "sent_at": "2026-11-18T10:00:00+00:00",
        "timezone": "Europe/London", "text": TEXT, "promises": promises,
    }  # fmt: skip
    raw.update(extra)
    return parse_case(raw)


def predicted(quote: str, kind: str, due: str | None, precision: str = "date") -> FoundPromise:
    start = TEXT.index(quote)
    when = (
        datetime.fromisoformat(due).replace(tzinfo=UTC)
        if due
        else datetime(2026, 11, 19, tzinfo=UTC)
    )
    return FoundPromise(start, start + len(quote), quote, kind, when, due is None, None,
                        "default" if due is None else precision)  # fmt: skip


def score(gold, predictions):  # type: ignore[no-untyped-def]
    return evaluate([gold], extractor=lambda _case: predictions)


GOLD_CALL = {"quote": "call you back", "kind": "callback", "due": "2026-11-19"}


def test_an_overlapping_span_matches() -> None:
    report = score(
        case([GOLD_CALL]),
        [predicted("I'll call you back tomorrow", "callback", "2026-11-19T17:00")],
    )
    assert (report.precision, report.recall, report.f1, report.due_accuracy) == (1, 1, 1, 1)


def test_each_gold_promise_matches_at_most_one_prediction() -> None:
    preds = [predicted("I'll call you", "callback", "2026-11-19T17:00"),
             predicted("back tomorrow", "callback", "2026-11-19T17:00")]  # fmt: skip
    report = score(case([GOLD_CALL]), preds)
    assert (report.matched, len(report.false_positives)) == (1, 1)
    assert report.precision == 0.5


def test_a_miss_and_a_false_positive_are_reported_with_the_case_id() -> None:
    report = score(
        case([GOLD_CALL]), [predicted("I'll email the label today", "send", "2026-11-18T17:00")]
    )
    assert report.misses[0]["id"] == "s-1" and report.false_positives[0]["id"] == "s-1"
    assert report.follow_through_accuracy == 0.0


@pytest.mark.parametrize(
    ("gold_due", "pred_due", "precision", "right"),
    [
        (None, None, "default", True),
        (None, "2026-11-19T17:00", "date", False),
        ("2026-11-19", "2026-11-19T17:00", "date", True),
        ("2026-11-19", "2026-11-19T10:00", "time", True),
        ("2026-11-19", "2026-11-20T17:00", "date", False),
        ("2026-11-19", None, "default", False),
        ("2026-11-19T10:00", "2026-11-19T10:59", "time", True),
        ("2026-11-19T10:00", "2026-11-19T11:01", "time", False),
        ("2026-11-19T10:00", "2026-11-19T09:00", "time", True),
    ],
)
def test_due_accuracy_follows_the_null_date_and_time_rules(
    gold_due: str | None, pred_due: str | None, precision: str, right: bool
) -> None:
    gold = case([dict(GOLD_CALL, due=gold_due)])
    report = score(
        gold, [predicted("I'll call you back tomorrow", "callback", pred_due, precision)]
    )
    assert report.due_accuracy == (1.0 if right else 0.0)


def test_a_wrong_kind_is_counted_and_listed() -> None:
    report = score(
        case([GOLD_CALL]), [predicted("I'll call you back tomorrow", "update", "2026-11-19T17:00")]
    )
    assert report.kind_accuracy == 0.0 and report.wrong_kinds[0]["expected"] == "callback"


def test_follow_through_counts_unmatched_predictions_in_the_denominator() -> None:
    preds = [predicted("I'll call you back tomorrow", "callback", "2026-11-19T17:00"),
             predicted("I'll email the label today", "send", "2026-11-18T17:00")]  # fmt: skip
    report = score(case([GOLD_CALL]), preds)
    assert report.follow_through_accuracy == 0.5


def test_a_quote_that_is_not_in_the_text_is_a_corpus_error() -> None:
    with pytest.raises(CorpusError, match="not in the text"):
        case([{"quote": "never said", "kind": "update", "due": None}])


def test_a_send_time_without_offset_is_a_corpus_error() -> None:
    with pytest.raises(CorpusError, match="offset"):
        case([], sent_at="2026-11-18T10:00:00")
