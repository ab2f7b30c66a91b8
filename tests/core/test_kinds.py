"""The closed sets declared once in tracker.kinds agree with the tables built on them
(mypy checks each value; these check that nothing is left out). The kinds are checked
against the extractor in tests/extraction/test_kinds_declared_once.py."""

from tracker.kinds import OUTBOX_STATUSES, PROMISE_STATES
from tracker.outbox import rows
from tracker.promises import lifecycle


def test_the_live_states_are_promise_states():
    assert lifecycle.LIVE_STATES.issubset(PROMISE_STATES)


def test_the_outbox_constants_name_every_status_once():
    named = [rows.PENDING, rows.SENT, rows.FAILED, rows.CANCELLED]
    assert sorted(named) == sorted(OUTBOX_STATUSES)
