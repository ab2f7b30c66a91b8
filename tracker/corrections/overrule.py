"""A lead overrules a correction: the promise goes back to what the extractor said, and
the correction is marked overruled (a later learning step leaves it out). The caller owns
the transaction."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from tracker.models import Correction, Promise, stored_id
from tracker.promises import actions
from tracker.promises.history import history_event


class OverruleError(Exception):
    """The correction cannot be overruled (gone, already overruled, promise gone)."""


def overrule(session: Session, correction_id: int, actor: str, now: datetime) -> Correction:
    row = session.get(Correction, correction_id)
    if row is None:
        raise OverruleError(f"correction {correction_id} does not exist")
    if row.overruled_at is not None:
        raise OverruleError(f"correction {correction_id} was already overruled")
    promise = session.get(Promise, row.promise_id) if row.promise_id else None
    if promise is None:
        raise OverruleError(f"the promise of correction {correction_id} no longer exists")
    if row.action == "dismissed":
        if promise.state != "dismissed":
            raise OverruleError(f"promise {promise.id} is {promise.state}, not dismissed")
        promise.state, promise.closed_at, promise.reason = "open", None, None
        promise.next_action_at = now  # the sweep recomputes it and resumes the ladder
    elif row.action == "added":
        try:
            actions.dismiss(session, stored_id(promise), actor, "overruled an added promise", now,
                            channel="web")  # fmt: skip
        except actions.ActionError as exc:
            raise OverruleError(str(exc)) from None
    elif row.action == "kind_changed" and row.previous_kind:
        promise.kind = row.previous_kind
    elif row.action == "due_changed" and row.previous_due_at:
        promise.due_at, promise.next_action_at = row.previous_due_at, now
    promise.acted_by, promise.updated_at = actor, now
    session.add(promise)
    detail = {"correction": row.id, "action": row.action}
    session.add(history_event(stored_id(promise), "overruled", now, actor, detail))
    row.overruled_at, row.overruled_by = now, actor
    session.add(row)
    session.flush()
    return row
