"""Figures for the lead page: kept-on-time rates per agent and outcomes per week.

A promise counts in the period its due time falls in. Its outcome: kept on time
(kept at or before due), kept late, broken, or overdue (still open past due, which
counts against the rate but is not yet broken). Dismissed, snoozed and not-yet-due
promises do not count.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import Session, col

from tracker.models import Person, Promise
from tracker.promises.lifecycle import is_overdue, late_by, live_state

OUTCOMES = ("on_time", "late", "broken", "overdue")


def outcome(promise: Promise, now: datetime) -> str | None:
    if promise.state == "kept" and promise.kept_at is not None:
        return "late" if late_by(promise.due_at, promise.kept_at) else "on_time"
    if promise.state == "broken":
        return "broken"
    if is_overdue(live_state(promise.state, promise.snoozed_until, now), promise.due_at, now):
        return "overdue"
    return None


@dataclass
class Tally:
    counts: Counter = field(default_factory=Counter)

    @property
    def on_time(self) -> int:
        return self.counts["on_time"]

    @property
    def total(self) -> int:
        return sum(self.counts[o] for o in OUTCOMES)

    @property
    def rate(self) -> float | None:
        return self.on_time / self.total if self.total else None


@dataclass
class AgentRate:
    agent: str
    last_7: Tally
    last_30: Tally


@dataclass
class Week:
    start: date
    on_time: int = 0
    late: int = 0
    broken: int = 0


def team_promises_due(
    session: Session, team_id: int, since: datetime, until: datetime
) -> list[Promise]:
    """The team's promises (their stored team, as `tracker.queries` counts a team)."""
    query = sa.select(Promise).where(
        col(Promise.team_id) == team_id, col(Promise.due_at) >= since, col(Promise.due_at) <= until
    )
    return list(session.scalars(query))


def agent_rates(session: Session, team_id: int, now: datetime) -> list[AgentRate]:
    promises = team_promises_due(session, team_id, now - timedelta(days=30), now)
    owners = {p.owner_id for p in promises} - {None}
    names = {
        person.id: person.email or person.name or f"person {person.id}"
        for person in session.scalars(sa.select(Person).where(col(Person.id).in_(owners)))
    }
    rates: dict[str, AgentRate] = {}
    for promise in promises:
        kind = outcome(promise, now)
        if kind is None:
            continue
        agent = names.get(promise.owner_id, "(nobody)")
        rate = rates.setdefault(agent, AgentRate(agent, Tally(), Tally()))
        rate.last_30.counts[kind] += 1
        if promise.due_at >= now - timedelta(days=7):
            rate.last_7.counts[kind] += 1
    return sorted(rates.values(), key=lambda r: r.agent)


def weekly_outcomes(
    session: Session, team_id: int, now: datetime, zone: ZoneInfo, weeks: int = 8
) -> list[Week]:
    """Kept on time / kept late / broken per local week (Monday first), oldest first."""
    this_monday = now.astimezone(zone).date() - timedelta(days=now.astimezone(zone).weekday())
    first = this_monday - timedelta(weeks=weeks - 1)
    since = datetime.combine(first, datetime.min.time(), tzinfo=zone)
    by_week: dict[date, Week] = {
        first + timedelta(weeks=i): Week(first + timedelta(weeks=i)) for i in range(weeks)
    }
    counts: dict[date, Counter] = defaultdict(Counter)
    for promise in team_promises_due(session, team_id, since, now):
        kind = outcome(promise, now)
        if kind in ("on_time", "late", "broken"):
            local = promise.due_at.astimezone(zone).date()
            counts[local - timedelta(days=local.weekday())][kind] += 1
    for start, counter in counts.items():
        if start in by_week:
            week = by_week[start]
            week.on_time, week.late, week.broken = (
                counter["on_time"],
                counter["late"],
                counter["broken"],
            )
    return list(by_week.values())
