"""The escalation ladder: given a promise's facts, its calendar, the config and `now`,
which steps are due and when the next one is. Pure: no database, no clock.

1. `remind`  the owner, `remind_before` before due (dropped once due has passed:
   the overdue notice says more);
2. `overdue` the owner, at due;
3. `lead`    the team's leads, at due + grace;
4. `manager` the managers, at due + 2 x grace.

Apart from the ladder, `broken` tells the owner and the leads once when the ticket is
solved or closed with no reply (by e-mail and Slack: the ticket takes no note then).

All offsets are business time in the owner's team calendar. A snooze that ends
after the due time restarts the ladder from its end ("resumes from then").

Never on stale data: an accusing step (overdue, lead, manager) falling at T is only
taken once the promise's source has data up to T (its last complete pass started at or
after T), because the reply that keeps the promise may simply not be synced yet. An
outage must not silence the ladder, so once the source has lagged for STALE_POLLS of
its poll intervals past T the step goes out anyway, marked as sent on stale data. That
allowance only starts once the source has completed a pass at all: before its first
complete pass (a fresh install still reading the backlog) nothing accuses, however old
the step. Reminders before due accuse nobody and are never held.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from tracker.calendar import BusinessCalendar
from tracker.config import EscalationConfig
from tracker.durations import Duration

LADDER = ("remind", "overdue", "lead", "manager")
STALE_POLLS = 3
# However short the poll interval, a held promise is not looked at more often than this.
MIN_RECHECK = timedelta(seconds=30)


@dataclass(frozen=True)
class Freshness:
    """How far the promise's source is synced: `synced_to` is the start of its last
    complete pass (None: never), `poll_every` its configured interval."""

    synced_to: datetime | None
    poll_every: timedelta

    def covers(self, at: datetime) -> bool:
        return self.synced_to is not None and self.synced_to >= at

    def gave_up_at(self, at: datetime) -> datetime | None:
        """When a step at `at` goes out even without data: STALE_POLLS intervals on, but
        never before the source's first complete pass (None: not yet counting)."""
        if self.synced_to is None:
            return None
        return max(at, self.synced_to) + self.poll_every * STALE_POLLS

    def recheck_at(self, now: datetime) -> datetime:
        """When to look again at a held step: the source's next expected pass, or a
        fraction of an interval on if that time has already gone by (a lagging pass)."""
        soon = now + max(self.poll_every / 4, MIN_RECHECK)
        if self.synced_to is None:
            return soon
        return max(self.synced_to + self.poll_every, soon)


@dataclass(frozen=True)
class Plan:
    due: tuple[str, ...]  # steps to take now, in ladder order
    next_at: datetime | None  # when the next step after those is due; None: ladder done
    held: tuple[str, ...] = ()  # steps whose time has come, waiting for the source's data
    stale: tuple[str, ...] = ()  # steps in `due` sent although the source still lags


def business(duration: Duration, times: int = 1) -> Duration:
    """The configured offsets count working time even when written as plain "2h"."""
    return Duration(duration.delta * times, True, duration.text)


def ladder_times(
    due_at: datetime,
    calendar: BusinessCalendar,
    config: EscalationConfig,
    resumed_at: datetime | None = None,
) -> dict[str, datetime]:
    """When each step falls. `resumed_at`: the end of a snooze, if any."""
    anchor = due_at if resumed_at is None or resumed_at <= due_at else resumed_at
    times: dict[str, datetime] = {}
    if anchor == due_at:
        times["remind"] = calendar.subtract(due_at, business(config.remind_before))
    times["overdue"] = anchor
    times["lead"] = calendar.add(anchor, business(config.grace))
    times["manager"] = calendar.add(anchor, business(config.grace, 2))
    return times


def plan(
    due_at: datetime,
    calendar: BusinessCalendar,
    config: EscalationConfig,
    now: datetime,
    taken: Collection[str] = (),
    resumed_at: datetime | None = None,
    freshness: Freshness | None = None,
) -> Plan:
    """The steps due at `now` that were not taken yet, and the time of the next one.
    With `freshness`, accusing steps wait for the source's data (module docstring);
    without it (pure callers, tests of the ladder itself) the data is taken as current."""
    times = ladder_times(due_at, calendar, config, resumed_at)
    due: list[str] = []
    held: list[str] = []
    stale: list[str] = []
    later: list[datetime] = []
    for step in LADDER:
        at = times.get(step)
        if at is None or step in taken:
            continue
        if step == "remind" and now >= due_at:
            continue  # too late for a reminder
        if at > now:
            later.append(at)
        elif step == "remind" or freshness is None or freshness.covers(at):
            due.append(step)
        elif (gave_up := freshness.gave_up_at(at)) is not None and now >= gave_up:
            due.append(step)
            stale.append(step)
        else:
            # Later steps wait too: never a lead notice before the overdue one.
            rest = LADDER[LADDER.index(step) :]
            held.extend(s for s in rest if s not in taken and s in times and times[s] <= now)
            recheck = freshness.recheck_at(now)
            later.append(recheck if gave_up is None else min(recheck, gave_up))
            break
    return Plan(tuple(due), min(later) if later else None, tuple(held), tuple(stale))


@dataclass(frozen=True)
class Channels:
    email: bool = False
    slack: bool = False
    ticket: bool = False


def recipients(
    step: str,
    channels: Channels,
    owner_email: str | None,
    leads: Iterable[str],
    managers: Iterable[str],
) -> list[tuple[str, str]]:
    """(channel, recipient) pairs for one ladder step. Slack gets the lead and manager
    steps; the ticket gets a note (and the overdue tag) at every escalation."""
    pairs: list[tuple[str, str]] = []
    if step in ("remind", "overdue") or step.startswith("handoff-"):
        people = [owner_email] if owner_email else []
    elif step == "lead":
        people = list(leads)
    elif step == "manager":
        people = list(managers)
    elif step == "broken":
        people = [owner_email] if owner_email else []
        people += list(leads)
    else:
        raise ValueError(f"unknown escalation step {step!r}")
    if channels.email:
        seen: set[str] = set()
        for person in people:
            address = person.strip().lower()
            if address and address not in seen:
                seen.add(address)
                pairs.append(("email", address))
    if channels.slack and step in ("lead", "manager", "broken"):
        pairs.append(("slack", "slack"))
    if channels.ticket and step in ("overdue", "lead", "manager"):
        pairs.append(("ticket", "ticket"))
    return pairs
