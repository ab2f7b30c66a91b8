"""The lifecycle of one promise, derived from stored facts and an injected `now`.

Pure: no database, no clock. The sweep loads the facts, calls these functions
and writes what they answer, so replaying history gives the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from tracker.kinds import PromiseKind, PromiseState

# What keeps a promise lives in tracker.promises.keeping, beside its SQL form.
from tracker.promises.keeping import keeps

CLOSED_TICKET_STATUSES = frozenset({"solved", "closed"})
# States a person or the sweep can still move; kept/broken/dismissed are final.
LIVE_STATES: frozenset[PromiseState] = frozenset({"open", "snoozed"})


@dataclass(frozen=True)
class PromiseFacts:
    id: int
    kind: PromiseKind
    message_id: int
    made_at: datetime
    due_at: datetime
    state: PromiseState
    owner_id: int | None = None
    maker_id: int | None = None
    snoozed_until: datetime | None = None


@dataclass(frozen=True)
class MessageFacts:
    id: int
    sent_at: datetime
    author_role: str
    public: bool = True
    is_own_note: bool = False
    is_call: bool = False
    author_id: int | None = None


@dataclass(frozen=True)
class Outcome:
    """What the stored facts say the promise is now."""

    state: PromiseState
    kept_at: datetime | None = None
    kept_by_message_id: int | None = None
    kept_by_author_id: int | None = None
    late_by: timedelta | None = None  # kept after due: by how much
    reason: str | None = None  # broken: why


def keeping_message(
    promise: PromiseFacts, messages: list[MessageFacts], now: datetime
) -> MessageFacts | None:
    """The first message (by time, then id) that keeps the promise, sent by `now`."""
    candidates = [m for m in messages if m.sent_at <= now and keeps(promise, m)]
    return min(candidates, key=lambda m: (m.sent_at, m.id)) if candidates else None


def resolve(
    promise: PromiseFacts,
    messages: list[MessageFacts],
    ticket_status: str,
    now: datetime,
) -> Outcome:
    """The promise's state as of `now` from the ticket's messages and status.

    Final states stay final. A live promise is kept by its first keeping message,
    broken when the ticket is solved/closed without one, and a snooze that has run
    out is open again.
    """
    if promise.state not in LIVE_STATES:
        return Outcome(promise.state)
    message = keeping_message(promise, messages, now)
    if message is not None:
        late = message.sent_at - promise.due_at
        return Outcome(
            "kept",
            kept_at=message.sent_at,
            kept_by_message_id=message.id,
            kept_by_author_id=message.author_id,
            late_by=late if late > timedelta(0) else None,
        )
    if ticket_status.lower() in CLOSED_TICKET_STATUSES:
        return Outcome("broken", reason="closed without follow-through")
    return Outcome(live_state(promise.state, promise.snoozed_until, now))


def live_state(state: PromiseState, snoozed_until: datetime | None, now: datetime) -> PromiseState:
    """A snooze ends by itself: snoozed until a past time means open again."""
    if state == "snoozed" and (snoozed_until is None or snoozed_until <= now):
        return "open"
    return state


def is_overdue(state: str, due_at: datetime, now: datetime) -> bool:
    return state == "open" and now >= due_at


def late_by(due_at: datetime, kept_at: datetime | None) -> timedelta | None:
    if kept_at is None or kept_at <= due_at:
        return None
    return kept_at - due_at


def current_owner(assignee_id: int | None, maker_id: int | None) -> int | None:
    """The ticket's current assignee, or the maker when nobody is assigned."""
    return assignee_id if assignee_id is not None else maker_id


def handed_off(owner_id: int | None, assignee_id: int | None) -> bool:
    """A hand-off moves ownership only to somebody: an unassigned ticket keeps its owner."""
    return assignee_id is not None and assignee_id != owner_id
