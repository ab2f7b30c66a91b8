"""The kinds of promise are declared in one place (tracker.kinds) and everything reads them."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import get_args

from tracker.extraction import extract, kind_rules
from tracker.extraction.vocab import en
from tracker.kinds import PROMISE_KINDS, PromiseKind

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def test_the_declared_kinds_are_the_literal_type():
    assert get_args(PromiseKind) == PROMISE_KINDS
    assert len(set(PROMISE_KINDS)) == len(PROMISE_KINDS) == 6


def test_the_extractor_ranks_kinds_in_their_declared_order():
    assert kind_rules.KIND_PRIORITY == PROMISE_KINDS


def test_every_kind_the_lexicon_can_give_is_declared():
    verb_kinds = {kind for _, kind, _ in en.VERB_KINDS}
    given = {kind for kind, _ in kind_rules.KIND_RULES} | verb_kinds
    assert given == set(PROMISE_KINDS)


def test_every_labelled_kind_in_the_corpora_is_declared():
    labelled = set()
    for name in ("heldout.jsonl", "heldout2.jsonl"):
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                labelled.update(p["kind"] for p in json.loads(line)["promises"])
    assert labelled and labelled <= set(PROMISE_KINDS)


def test_a_sentence_with_two_commitments_takes_the_first_declared_kind():
    from datetime import UTC, datetime

    from tracker.calendar import BusinessCalendar

    found = extract(
        "I'll check with the warehouse and call you back tomorrow.",
        datetime(2026, 11, 23, 10, tzinfo=UTC),
        BusinessCalendar.from_config("UTC"),
        author_role="agent",
    )
    assert [p.kind for p in found] == ["callback"]


def test_no_other_module_lists_the_kinds_again():
    quoted = [re.compile(rf"[\"']{kind}[\"']") for kind in PROMISE_KINDS]
    again = []
    for path in sorted((ROOT / "tracker").rglob("*.py")):
        if path.name == "kinds.py" and path.parent.name == "tracker":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if all(p.search(line) for p in quoted):  # a full list, not a subset
                again.append(f"{path.relative_to(ROOT)}:{number}")
    assert again == []
