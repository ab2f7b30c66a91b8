"""What an agent or lead can do to one promise: mark it done, snooze it, dismiss it.

The caller owns the transaction (commit after the call). Each action records who
did it in a PromiseEvent and stops pending notifications at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session

from tracker.durations import Duration
from tracker.models import Person, Promise, Team, stored_id
from tracker.outbox.rows import close_out
from tracker.promises.history import history_event
from tracker.promises.lifecycle import LIVE_STATES, live_state


class ActionError(Exception):
    """The action cannot be done (unknown promise, wrong state, bad time)."""


def _live_promise(session: Session, promise_id: int, verb: str, now: datetime) -> Promise:
    promise = session.get(Promise, promise_id)
    if promise is None:
        raise ActionError(f"promise {promise_id} does not exist")
    state = live_state(promise.state, promise.snoozed_until, now)
    if state not in LIVE_STATES:
        raise ActionError(
            f"promise {promise_id} is {promise.state}; only open or snoozed promises can be {verb}"
        )
    return promise


def _event(
    session: Session, promise: Promise, event: str, actor: str, now: datetime, **detail: object
) -> None:
    session.add(history_event(stored_id(promise), event, now, actor, detail))


def mark_done(session: Session, promise_id: int, actor: str, now: datetime) -> Promise:
    """The promise was kept in a way we cannot see (a call outside the help desk…)."""
    promise = _live_promise(session, promise_id, "marked done", now)
    late = now - promise.due_at
    promise.state = "kept"
    promise.kept_at = now
    promise.closed_at = now
    promise.acted_by = actor
    promise.next_action_at = None
    promise.updated_at = now
    session.add(promise)
    _event(
        session,
        promise,
        "done",
        actor,
        now,
        late_by_seconds=int(late.total_seconds()) if late.total_seconds() > 0 else None,
    )
    close_out(session, stored_id(promise), now)
    session.flush()
    return promise


def snooze(
    session: Session,
    promise_id: int,
    actor: str,
    until: datetime,
    now: datetime,
    max_snooze: Duration | None = None,
) -> Promise:
    """Quiet the promise until `until`, at most `max_snooze` ahead (`[escalation]
    max_snooze`); the ladder resumes from then."""
    if until.tzinfo is None:
        raise ActionError("snooze time must include a time zone (e.g. 2026-11-24T09:00Z)")
    if until <= now:
        raise ActionError(f"snooze time {until.isoformat()} is not in the future")
    if max_snooze is not None and until - now > max_snooze.delta:
        latest = (now + max_snooze.delta).isoformat(timespec="minutes")
        raise ActionError(
            f"a promise may be snoozed for at most {max_snooze.text} ([escalation] "
            f"max_snooze): until {latest} at the latest"
        )
    promise = _live_promise(session, promise_id, "snoozed", now)
    promise.state = "snoozed"
    promise.snoozed_until = until
    promise.next_action_at = until
    promise.acted_by = actor
    promise.updated_at = now
    session.add(promise)
    _event(session, promise, "snoozed", actor, now, until=until.isoformat())
    close_out(session, stored_id(promise), now)
    session.flush()
    return promise


def dismiss(
    session: Session,
    promise_id: int,
    actor: str,
    reason: str | None,
    now: datetime,
    *,
    channel: str = "app",
) -> Promise:
    """Not a promise at all: the extractor's false positive, recorded with who and why,
    and kept as a labelled example (tracker.corrections.examples) whatever the channel."""
    from tracker.corrections.examples import record_correction

    promise = _live_promise(session, promise_id, "dismissed", now)
    promise.state = "dismissed"
    promise.closed_at = now
    promise.acted_by = actor
    promise.reason = reason
    promise.next_action_at = None
    promise.updated_at = now
    session.add(promise)
    _event(session, promise, "dismissed", actor, now, reason=reason, channel=channel)
    close_out(session, stored_id(promise), now)
    record_correction(session, promise, "dismissed", actor=actor, channel=channel, now=now)
    session.flush()
    return promise


def _email(session: Session, person_id: int | None) -> str | None:
    if person_id is None:
        return None
    person = session.get(Person, person_id)
    return person.email.lower() if person is not None and person.email else None


def team_leads(session: Session, team_id: int | None) -> list[str]:
    """The leads of a team (lower-cased e-mail addresses); none for no team."""
    team = session.get(Team, team_id) if team_id is not None else None
    return [lead.lower() for lead in json.loads(team.leads or "[]")] if team else []


def may_act(
    session: Session, actor_email: str, promise: Promise, *, admins: Iterable[str] = ()
) -> bool:
    """The owner, the maker, a lead of the promise's team, or a configured web admin."""
    actor = (actor_email or "").strip().lower()
    if not actor:
        return False
    if actor in {a.lower() for a in admins}:
        return True
    if actor in (_email(session, promise.owner_id), _email(session, promise.maker_id)):
        return True
    return actor in team_leads(session, promise.team_id)


def may_snooze(
    session: Session, actor_email: str, promise: Promise, *, admins: Iterable[str] = ()
) -> bool:
    """Snoozing silences the ladder, so only the owner, a lead of the promise's team or a
    configured web admin may do it (not the maker of a promise someone else now owns)."""
    actor = (actor_email or "").strip().lower()
    if not actor:
        return False
    if actor in {a.lower() for a in admins} or actor == _email(session, promise.owner_id):
        return True
    return actor in team_leads(session, promise.team_id)
