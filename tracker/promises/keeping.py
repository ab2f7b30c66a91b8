"""What keeps a promise, in its one home and both its forms.

`keeps` answers for one message in Python (the lifecycle and the recomputer use it);
`keeping_message_exists` is the same rule as SQL (the sweep uses it to find, among the
promises on tickets that changed, those a reply may have kept). Both are written from
the named parts below; tests/lifecycle/test_keeping_forms_agree.py runs the two on the
same cases, on SQLite and PostgreSQL, and a change to one that is not made to the
other fails there.

The rule: a message keeps a promise when it was stored after the promise's own message
(by time, then by id), was written by an agent (never our own note), and is public, or
is a logged call and the promise is a kind a call keeps.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlmodel import select

if TYPE_CHECKING:
    from tracker.promises.lifecycle import MessageFacts, PromiseFacts

KEEPING_ROLE = "agent"  # the author role whose messages keep promises
CALL_KEPT_KINDS = frozenset({"callback"})  # kinds a logged (private) call keeps


def by_keeping_author(message: MessageFacts) -> bool:
    return message.author_role == KEEPING_ROLE and not message.is_own_note


def after(promise: PromiseFacts, message: MessageFacts) -> bool:
    """Stored after the promise's message: later, or at the same second with a higher id."""
    return (message.sent_at, message.id) > (promise.made_at, promise.message_id)


def keeps(promise: PromiseFacts, message: MessageFacts) -> bool:
    """Does `message` keep `promise`? A later public reply by any agent does; a logged
    call keeps a callback. Private notes, customers and our own notes never do."""
    return (
        message.id != promise.message_id
        and after(promise, message)
        and by_keeping_author(message)
        and (message.public or (message.is_call and promise.kind in CALL_KEPT_KINDS))
    )


def keeping_message_exists(message: Any, promise: Any, now: datetime) -> sa.ColumnElement[bool]:
    """SQL: a message of the promise's ticket, sent by `now`, keeps it (`keeps` above).
    `message` and `promise` are the mapped classes (or aliases) the query correlates."""
    m, p = message, promise
    return (
        select(m.id)
        .where(
            m.ticket_id == p.ticket_id,
            m.id != p.message_id,
            # after()
            sa.or_(m.sent_at > p.made_at, sa.and_(m.sent_at == p.made_at, m.id > p.message_id)),
            # by_keeping_author()
            m.author_role == KEEPING_ROLE,
            m.is_own_note == sa.false(),
            sa.or_(
                m.public == sa.true(),
                sa.and_(m.is_call == sa.true(), p.kind.in_(sorted(CALL_KEPT_KINDS))),
            ),
            m.sent_at <= now,
        )
        .exists()
    )
