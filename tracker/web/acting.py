"""The three things a person can do to a promise from the web, with the access check."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from tracker.access import Viewer, may_see
from tracker.config import Config
from tracker.models import Promise
from tracker.moments import out_of_range
from tracker.promises.actions import ActionError, dismiss, mark_done, may_snooze, snooze

__all__ = ["ACTIONS", "ActionError", "BadInput", "Forbidden", "NotFound", "act"]

ACTIONS = ("done", "snooze", "dismiss")
MAX_REASON = 2000


class Forbidden(Exception):
    """The promise is not the viewer's to act on."""


class NotFound(Exception):
    pass


class BadInput(Exception):
    pass


# -- the web's entry point -----------------------------------------------------------------
def parse_until(value: object, zone: ZoneInfo) -> datetime:
    """An ISO 8601 time; one without an offset is the viewer's local time."""
    if not isinstance(value, str) or not value.strip():
        raise BadInput("'until' must be an ISO 8601 date and time")
    try:
        until = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise BadInput(f"'until' is not an ISO 8601 date and time: {value[:40]!r}") from exc
    if reason := out_of_range(until):
        raise BadInput(f"'until' {reason}")
    if until.tzinfo is None:
        until = until.replace(tzinfo=zone)
    return until


def act(
    session: Session,
    config: Config,
    viewer: Viewer,
    promise_id: int,
    action: str,
    payload: dict,
    now: datetime,
) -> Promise:
    """Do `action` (tracker.promises.actions) to the promise as `viewer`; raises NotFound,
    Forbidden, BadInput or ActionError. The caller owns the transaction."""
    if action not in ACTIONS:
        raise NotFound(f"no action {action!r}")
    promise = session.get(Promise, promise_id)
    if promise is None:
        raise NotFound(f"promise {promise_id} does not exist")
    if not may_see(session, config, viewer, promise):
        raise Forbidden(f"promise {promise_id} is not yours to act on")
    if action == "done":
        return mark_done(session, promise_id, viewer.email, now)
    if action == "snooze":
        if not may_snooze(session, viewer.email, promise, admins=config.web.admins):
            raise Forbidden(
                f"only the owner of promise {promise_id}, their team's leads or an admin "
                "may snooze it"
            )
        until = parse_until(payload.get("until"), viewer.zone)
        return snooze(session, promise_id, viewer.email, until, now, config.escalation.max_snooze)
    reason = payload.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise BadInput("'reason' must be text")
    reason = (reason or "").strip()[:MAX_REASON] or None
    return dismiss(session, promise_id, viewer.email, reason, now, channel="web")
