"""Real support tweets (read at run time from ../shared, never copied here): sanity, not labels."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from tests.helpers.extraction import SHARED, calendar_for, needs_shared
from tracker.extraction import extract

REAL = SHARED / "corpus" / "real"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    needs_shared(REAL, "the real support messages")
    files = sorted(REAL.glob("*.jsonl"))
    return [json.loads(line) for path in files for line in path.open(encoding="utf-8")]


@pytest.fixture(scope="module")
def found(rows: list[dict[str, str]]):  # type: ignore[no-untyped-def]
    calendar = calendar_for("UTC")
    return [
        (
            row,
            extract(
                row["text"],
                datetime.fromisoformat(row["created_at"]),
                calendar,
                author_role=row["author_role"],
            ),
        )
        for row in rows
    ]


def test_customers_tweets_never_yield_promises(found) -> None:  # type: ignore[no-untyped-def]
    assert not [row["id"] for row, promises in found if row["author_role"] != "agent" and promises]


def test_courtesy_and_feedback_phrases_are_never_quoted_as_promises(found) -> None:  # type: ignore[no-untyped-def]
    quotes = [p.quote.lower() for _, promises in found for p in promises]
    for phrase in ("happy to", "glad to", "feedback", "be here", "seeing you"):
        assert not [q for q in quotes if phrase in q], phrase


def test_only_a_small_share_of_brand_tweets_are_promises(found) -> None:  # type: ignore[no-untyped-def]
    agent = [promises for row, promises in found if row["author_role"] == "agent"]
    share = sum(1 for promises in agent if promises) / len(agent)
    assert 0.005 < share < 0.10  # most brand tweets ask for a DM or answer a question
