"""The three things a person can do to a promise from the web, with the access check."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from tracker.models import Promise, PromiseEvent
from tracker.web.access import Viewer, may_see

ACTIONS = ("done", "snooze", "dismiss")
MAX_REASON = 2000


class ActionError(Exception):
    """The action cannot be done to this promise in its present state."""


class Forbidden(Exception):
    """The promise is not the viewer's to act on."""


class NotFound(Exception):
    pass


class BadInput(Exception):
    pass


# -- interim: the lifecycle branch supplies these in tracker.actions --------------------
def _event(session: Session, promise: Promise, event: str, actor: str, now: datetime, **detail):
    session.add(
        PromiseEvent(
            promise_id=promise.id,
            at=now,
            event=event,
            actor=actor,
            detail=json.dumps(detail),  # type: ignore[arg-type]
        )
    )


def _load(session: Session, promise_id: int) -> Promise:
    promise = session.get(Promise, promise_id)
    if promise is None:
        raise ActionError(f"promise {promise_id} does not exist")
    return promise


def mark_done(session: Session, promise_id: int, actor: str, now: datetime) -> Promise:
    promise = _load(session, promise_id)
    if promise.state in ("kept", "dismissed"):
        raise ActionError(f"promise {promise_id} is already {promise.state}")
    promise.state, promise.kept_at, promise.closed_at = "kept", now, now
    promise.next_action_at, promise.acted_by, promise.updated_at = None, actor, now
    _event(session, promise, "done", actor, now)
    session.add(promise)
    return promise


def snooze(
    session: Session, promise_id: int, actor: str, until: datetime, now: datetime
) -> Promise:
    promise = _load(session, promise_id)
    if promise.state not in ("open", "snoozed"):
        raise ActionError(f"promise {promise_id} is {promise.state}; only open ones snooze")
    if until <= now:
        raise ActionError("a snooze must end in the future")
    promise.state, promise.snoozed_until, promise.next_action_at = "snoozed", until, until
    promise.acted_by, promise.updated_at = actor, now
    _event(session, promise, "snoozed", actor, now, until=until.isoformat())
    session.add(promise)
    return promise


def dismiss(
    session: Session, promise_id: int, actor: str, reason: str | None, now: datetime
) -> Promise:
    promise = _load(session, promise_id)
    if promise.state == "dismissed":
        raise ActionError(f"promise {promise_id} is already dismissed")
    promise.state, promise.closed_at, promise.reason = "dismissed", now, reason
    promise.next_action_at, promise.acted_by, promise.updated_at = None, actor, now
    _event(session, promise, "dismissed", actor, now, reason=reason)
    session.add(promise)
    return promise


# -- the web's entry point -----------------------------------------------------------------
def parse_until(value: object, zone: ZoneInfo) -> datetime:
    """An ISO 8601 time; one without an offset is the viewer's local time."""
    if not isinstance(value, str) or not value.strip():
        raise BadInput("'until' must be an ISO 8601 date and time")
    try:
        until = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise BadInput(f"'until' is not an ISO 8601 date and time: {value[:40]!r}") from exc
    if until.tzinfo is None:
        until = until.replace(tzinfo=zone)
    return until


def act(
    session: Session,
    viewer: Viewer,
    promise_id: int,
    action: str,
    payload: dict,
    now: datetime,
) -> Promise:
    """Do `action` to the promise as `viewer`; raises NotFound, Forbidden, BadInput or
    ActionError. The caller owns the transaction."""
    if action not in ACTIONS:
        raise NotFound(f"no action {action!r}")
    promise = session.get(Promise, promise_id)
    if promise is None:
        raise NotFound(f"promise {promise_id} does not exist")
    if not may_see(session, viewer, promise):
        raise Forbidden(f"promise {promise_id} is not yours to act on")
    if action == "done":
        return mark_done(session, promise_id, viewer.email, now)
    if action == "snooze":
        until = parse_until(payload.get("until"), viewer.zone)
        return snooze(session, promise_id, viewer.email, until, now)
    reason = payload.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise BadInput("'reason' must be text")
    reason = (reason or "").strip()[:MAX_REASON] or None
    return dismiss(session, promise_id, viewer.email, reason, now)
