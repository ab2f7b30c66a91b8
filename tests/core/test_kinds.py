"""The closed sets declared once in tracker.kinds agree with the tables built on them
(mypy checks each value; these check that nothing is left out)."""

from tracker.extraction import lexicon
from tracker.kinds import OUTBOX_STATUSES, PROMISE_KINDS, PROMISE_STATES
from tracker.outbox import rows
from tracker.promises import lifecycle


def test_every_kind_has_one_place_in_the_priority_order():
    assert sorted(lexicon.KIND_PRIORITY) == sorted(PROMISE_KINDS)


def test_every_kind_has_a_rule_or_a_verb():
    named = {kind for kind, _ in lexicon.KIND_RULES} | set(lexicon.WORD_KINDS.values())
    assert named == set(PROMISE_KINDS)


def test_the_live_states_are_promise_states():
    assert lifecycle.LIVE_STATES.issubset(PROMISE_STATES)


def test_the_outbox_constants_name_every_status_once():
    named = [rows.PENDING, rows.SENT, rows.FAILED, rows.CANCELLED]
    assert sorted(named) == sorted(OUTBOX_STATUSES)
