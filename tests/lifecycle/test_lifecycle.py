"""The pure lifecycle rules, table-driven, with `now` passed in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tracker.promises.lifecycle import (
    MessageFacts,
    PromiseFacts,
    current_owner,
    handed_off,
    is_overdue,
    resolve,
)

AMY, BOB, CAT = 1, 2, 3
MADE = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
DUE = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)


def promise(kind: str = "update", state: str = "open", **kw) -> PromiseFacts:
    base = dict(id=1, kind=kind, message_id=10, made_at=MADE, due_at=DUE, state=state)
    base.update(kw)
    base.setdefault("owner_id", AMY)
    base.setdefault("maker_id", AMY)
    return PromiseFacts(**base)


def msg(mid: int, at: datetime, role: str = "agent", author: int = AMY, **kw) -> MessageFacts:
    return MessageFacts(id=mid, sent_at=at, author_role=role, author_id=author, **kw)


THE_PROMISE = msg(10, MADE)
H = timedelta(hours=1)

CASES = [
    # (name, promise, messages, ticket status, now, state, kept_by, late_by)
    ("no reply yet", promise(), [THE_PROMISE], "open", MADE + H, "open", None, None),
    ("a later public reply by the maker keeps it", promise(),
     [THE_PROMISE, msg(11, MADE + 2 * H)], "open", DUE, "kept", 11, None),
    ("another agent keeps it after a hand-off", promise(owner_id=BOB),
     [THE_PROMISE, msg(11, MADE + 3 * H, author=BOB)], "open", DUE, "kept", 11, None),
    ("a late reply keeps it and says how late", promise(),
     [THE_PROMISE, msg(11, DUE + 5 * H)], "open", DUE + 6 * H, "kept", 11, 5 * H),
    ("a private note does not keep it", promise(),
     [THE_PROMISE, msg(11, MADE + H, public=False)], "open", DUE, "open", None, None),
    ("a customer reply does not keep it", promise(),
     [THE_PROMISE, msg(11, MADE + H, role="customer", author=CAT)], "open", DUE, "open",
     None, None),
    ("our own note does not keep it", promise(),
     [THE_PROMISE, msg(11, MADE + H, is_own_note=True)], "open", DUE, "open", None, None),
    ("a logged call keeps a callback", promise(kind="callback"),
     [THE_PROMISE, msg(11, MADE + H, public=False, is_call=True)], "open", DUE, "kept", 11,
     None),
    ("a logged call does not keep an update", promise(),
     [THE_PROMISE, msg(11, MADE + H, public=False, is_call=True)], "open", DUE, "open",
     None, None),
    ("an earlier reply does not keep it", promise(),
     [msg(9, MADE - H), THE_PROMISE], "open", DUE, "open", None, None),
    ("a reply after now is not seen yet", promise(),
     [THE_PROMISE, msg(11, DUE + H)], "open", DUE, "open", None, None),
    ("solved without a reply is broken", promise(), [THE_PROMISE], "solved", DUE, "broken",
     None, None),
    ("closed without a reply is broken", promise(), [THE_PROMISE], "closed", DUE, "broken",
     None, None),
    ("solved after a reply is kept, not broken", promise(),
     [THE_PROMISE, msg(11, MADE + H)], "solved", DUE, "kept", 11, None),
    ("a snooze still running stays snoozed", promise(state="snoozed", snoozed_until=DUE),
     [THE_PROMISE], "open", DUE - H, "snoozed", None, None),
    ("a snooze that ran out is open again", promise(state="snoozed", snoozed_until=DUE),
     [THE_PROMISE], "open", DUE + H, "open", None, None),
    ("a reply keeps a snoozed promise", promise(state="snoozed", snoozed_until=DUE),
     [THE_PROMISE, msg(11, MADE + H)], "open", DUE - 2 * H, "kept", 11, None),
    ("a dismissed promise stays dismissed", promise(state="dismissed"),
     [THE_PROMISE, msg(11, MADE + H)], "solved", DUE, "dismissed", None, None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("promise_", "messages", "status", "now", "state", "kept_by", "late"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_the_state_follows_from_the_stored_messages(
    promise_, messages, status, now, state, kept_by, late
):
    outcome = resolve(promise_, messages, status, now)
    assert outcome.state == state
    assert outcome.kept_by_message_id == kept_by
    assert outcome.late_by == late
    if state == "broken":
        assert outcome.reason == "closed without follow-through"


def test_two_promises_in_one_ticket_have_their_own_dues_and_outcomes():
    first = promise(id=1, message_id=10, due_at=MADE + 2 * H)
    second = promise(id=2, message_id=11, made_at=MADE + H, due_at=MADE + 30 * H)
    messages = [THE_PROMISE, msg(11, MADE + H)]
    now = MADE + 3 * H
    # The message carrying the second promise is itself a public reply: it keeps the first.
    assert resolve(first, messages, "open", now).state == "kept"
    assert resolve(second, messages, "open", now).state == "open"
    assert not is_overdue("open", second.due_at, now)
    assert is_overdue("open", first.due_at, now)
    later_reply = [*messages, msg(12, MADE + 31 * H, author=BOB)]
    outcome = resolve(second, later_reply, "open", MADE + 32 * H)
    assert (outcome.state, outcome.late_by) == ("kept", H)


def test_overdue_is_derived_from_state_and_now():
    assert is_overdue("open", DUE, DUE)
    assert not is_overdue("open", DUE, DUE - timedelta(seconds=1))
    assert not is_overdue("snoozed", DUE, DUE + H)
    assert not is_overdue("kept", DUE, DUE + H)


def test_the_owner_is_the_assignee_or_else_the_maker():
    assert current_owner(BOB, AMY) == BOB
    assert current_owner(None, AMY) == AMY
    assert handed_off(AMY, BOB)
    assert not handed_off(AMY, AMY)
    assert not handed_off(AMY, None)
