"""Properties of the lifecycle over any history: replaying later never changes a keep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.promises.lifecycle import MessageFacts, PromiseFacts, keeps, resolve

MADE = datetime(2026, 11, 23, 10, tzinfo=UTC)
PROMISE = PromiseFacts(
    id=1, kind="callback", message_id=1, made_at=MADE, due_at=MADE + timedelta(hours=20),
    state="open", owner_id=1, maker_id=1,
)  # fmt: skip

messages = st.lists(
    st.builds(
        MessageFacts,
        id=st.integers(2, 10_000),
        sent_at=st.integers(-600, 6000).map(lambda m: MADE + timedelta(minutes=m)),
        author_role=st.sampled_from(["agent", "customer", "system"]),
        public=st.booleans(),
        is_own_note=st.booleans(),
        is_call=st.booleans(),
        author_id=st.integers(1, 4),
    ),
    max_size=12,
    unique_by=lambda m: m.id,
)
statuses = st.sampled_from(["open", "pending", "solved", "closed"])
minutes = st.integers(0, 7000)


@settings(max_examples=300, deadline=None)
@given(history=messages, status=statuses, first=minutes, extra=minutes)
def test_a_keep_never_changes_when_the_same_history_is_replayed_later(
    history, status, first, extra
):
    now = MADE + timedelta(minutes=first)
    outcome = resolve(PROMISE, history, status, now)
    later = resolve(PROMISE, history, status, now + timedelta(minutes=extra))
    if outcome.state == "kept":
        assert later == outcome
        keeper = next(m for m in history if m.id == outcome.kept_by_message_id)
        assert keeps(PROMISE, keeper) and keeper.sent_at <= now
        assert not any(
            keeps(PROMISE, m) and (m.sent_at, m.id) < (keeper.sent_at, keeper.id) for m in history
        )
        late = keeper.sent_at - PROMISE.due_at
        assert outcome.late_by == (late if late > timedelta(0) else None)
    else:
        assert not any(keeps(PROMISE, m) and m.sent_at <= now for m in history)
        expected = "broken" if status in ("solved", "closed") else "open"
        assert outcome.state == expected
