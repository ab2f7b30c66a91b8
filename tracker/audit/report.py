"""The audit's numbers: a pure fold over the period's promises (no database, no clock).

Outcomes, as the lifecycle left each promise when the history was replayed:
kept on time (kept by a reply at or before due), kept late, broken (the ticket was
solved or closed with no reply), still open (not yet due, or overdue), dismissed.
The kept-on-time rate counts only promises whose outcome is known or whose due time
has passed: a promise not due yet is neither kept nor broken.
"""

from __future__ import annotations

import heapq
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

OLDEST_SHOWN = 20
NO_TEAM = "(no team)"


@dataclass(frozen=True)
class AuditPromise:
    """One promise of the period and what became of it."""

    id: int
    ticket: str
    ticket_url: str | None
    quote: str
    kind: str
    made_at: datetime
    due_at: datetime
    state: str  # open | snoozed | kept | broken | dismissed
    kept_at: datetime | None
    maker: str
    owner: str
    team: str
    handed_off: bool = False
    closed_at: datetime | None = None  # when the ticket was last changed, for broken ones

    def outcome(self, now: datetime) -> str:
        if self.state == "kept":
            late = self.kept_at is not None and self.kept_at > self.due_at
            return "kept_late" if late else "kept_on_time"
        if self.state in ("broken", "dismissed"):
            return self.state
        return "overdue" if self.due_at <= now else "open"

    def late_by(self, now: datetime) -> timedelta:
        """How far past due: to now for an open promise, to the ticket's closing for a
        broken one (never negative)."""
        if self.state == "kept" and self.kept_at is not None:
            return max(self.kept_at - self.due_at, timedelta(0))
        end = (self.closed_at or now) if self.state == "broken" else now
        return max(end - self.due_at, timedelta(0))


@dataclass
class Counts:
    made: int = 0
    kept_on_time: int = 0
    kept_late: int = 0
    broken: int = 0
    open: int = 0  # still open, overdue or not
    overdue: int = 0  # of `open`: past due
    dismissed: int = 0
    keep_hours: list[float] = field(default_factory=list, repr=False)

    def add(self, promise: AuditPromise, now: datetime) -> None:
        self.made += 1
        outcome = promise.outcome(now)
        if outcome == "overdue":
            self.open += 1
            self.overdue += 1
        else:
            setattr(self, outcome, getattr(self, outcome) + 1)
        if promise.state == "kept" and promise.kept_at is not None:
            self.keep_hours.append((promise.kept_at - promise.made_at).total_seconds() / 3600)

    @property
    def kept(self) -> int:
        return self.kept_on_time + self.kept_late

    @property
    def judged(self) -> int:
        """Promises whose outcome is known or whose due time has passed."""
        return self.kept_on_time + self.kept_late + self.broken + self.overdue

    @property
    def kept_on_time_rate(self) -> float | None:
        return round(self.kept_on_time / self.judged, 4) if self.judged else None

    @property
    def broken_rate(self) -> float | None:
        return round(self.broken / self.judged, 4) if self.judged else None

    @property
    def median_hours_to_keep(self) -> float | None:
        return round(statistics.median(self.keep_hours), 2) if self.keep_hours else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "promises": self.made,
            "kept_on_time": self.kept_on_time,
            "kept_late": self.kept_late,
            "broken": self.broken,
            "open": self.open,
            "overdue": self.overdue,
            "dismissed": self.dismissed,
            "kept_on_time_rate": self.kept_on_time_rate,
            "broken_rate": self.broken_rate,
            "median_hours_to_keep": self.median_hours_to_keep,
        }


@dataclass(frozen=True)
class OldRow:
    promise: AuditPromise
    outcome: str
    late_by: timedelta


@dataclass
class AuditReport:
    source: str
    start: datetime
    end: datetime
    now: datetime
    tickets: int = 0
    messages: int = 0
    total: Counts = field(default_factory=Counts)
    weeks: dict[datetime, Counts] = field(default_factory=dict)
    teams: dict[str, Counts] = field(default_factory=dict)
    agents: dict[str, Counts] = field(default_factory=dict)
    kinds: dict[str, Counts] = field(default_factory=dict)
    handed_off: Counts = field(default_factory=Counts)
    oldest: list[OldRow] = field(default_factory=list)
    precision: tuple[int, int] | None = None  # (confirmed, checked) from a sample

    @property
    def last_day(self) -> datetime:
        """The period's last moment (its end is exclusive), for showing its last day."""
        return self.end - timedelta(microseconds=1)

    def as_dict(self) -> dict[str, Any]:
        """The `audit --json` object (docs/audit.md; /work/shared/interfaces.md)."""

        def rows(table: dict[str, Counts]) -> list[dict[str, Any]]:
            return [{"name": name, **c.as_dict()} for name, c in sorted(table.items())]

        confirmed = None
        if self.precision is not None:
            k, n = self.precision
            confirmed = {"confirmed": k, "checked": n, "precision": round(k / n, 4)}
        return {
            "source": self.source,
            "from": self.start.isoformat(),
            "to": self.end.isoformat(),
            "judged_at": self.now.isoformat(),
            "tickets": self.tickets,
            "messages": self.messages,
            **self.total.as_dict(),
            "by_team": rows(self.teams),
            "by_agent": rows(self.agents),
            "by_kind": rows(self.kinds),
            "weeks": [
                {"week": week.date().isoformat(), **c.as_dict()}
                for week, c in sorted(self.weeks.items())
            ],
            "handed_off": self.handed_off.made,
            "handed_off_kept": self.handed_off.kept,
            "handed_off_outcomes": self.handed_off.as_dict(),
            "oldest": [
                {
                    "ticket": r.promise.ticket,
                    "ticket_url": r.promise.ticket_url,
                    "quote": r.promise.quote,
                    "kind": r.promise.kind,
                    "made_at": r.promise.made_at.isoformat(),
                    "due_at": r.promise.due_at.isoformat(),
                    "outcome": r.outcome,
                    "owner": r.promise.owner,
                    "maker": r.promise.maker,
                    "late_by_hours": round(r.late_by.total_seconds() / 3600, 1),
                }
                for r in self.oldest
            ],
            "sample_precision": confirmed,
        }


def week_of(moment: datetime) -> datetime:
    """Monday 00:00 UTC of the moment's week."""
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return day - timedelta(days=day.weekday())


def build_report(
    promises: Iterable[AuditPromise],
    *,
    source: str,
    start: datetime,
    end: datetime,
    now: datetime,
    tickets: int = 0,
    messages: int = 0,
    precision: tuple[int, int] | None = None,
) -> AuditReport:
    """Fold the promises (streamed: only counts, keep times and the oldest few are held)."""
    report = AuditReport(source, start, end, now, tickets, messages, precision=precision)
    week = week_of(start)
    while week < end:  # every week of the period, empty ones too
        report.weeks[week] = Counts()
        week += timedelta(days=7)
    heap: list[tuple[float, int, OldRow]] = []
    for promise in promises:
        report.total.add(promise, now)
        report.weeks.setdefault(week_of(promise.made_at), Counts()).add(promise, now)
        report.teams.setdefault(promise.team or NO_TEAM, Counts()).add(promise, now)
        report.agents.setdefault(promise.maker, Counts()).add(promise, now)
        report.kinds.setdefault(promise.kind, Counts()).add(promise, now)
        if promise.handed_off:
            report.handed_off.add(promise, now)
        outcome = promise.outcome(now)
        if outcome in ("broken", "overdue", "open"):
            # the oldest by due time: keep the OLDEST_SHOWN smallest in a max-heap
            item = (
                -promise.due_at.timestamp(),
                -promise.id,
                OldRow(promise, outcome, promise.late_by(now)),
            )
            if len(heap) < OLDEST_SHOWN:
                heapq.heappush(heap, item)
            elif item > heap[0]:
                heapq.heapreplace(heap, item)
    report.oldest = [row for _, _, row in sorted(heap, reverse=True)]
    return report
