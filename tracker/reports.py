"""What a sweep pass counts: decisions (tracker.promises.recompute), deliveries
(tracker.outbox.delivery) and the whole pass (tracker.sweep), which is both.

A leaf module: the sweep, the recomputer and the delivery loop all import it, and it
imports none of them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class DecisionTally:
    """What deciding did to promises and the outbox."""

    examined: int = 0
    kept: int = 0
    broken: int = 0
    handoffs: int = 0
    resumed: int = 0
    escalations_created: int = 0
    errors: list[str] = field(default_factory=list)

    def add_decisions(self, other: DecisionTally) -> None:
        for name in ("examined", "kept", "broken", "handoffs", "resumed", "escalations_created"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)


@dataclass
class DeliveryTally:
    """What delivering did with outbox rows."""

    delivered: int = 0
    failed: int = 0
    retried: int = 0
    failures: list[str] = field(default_factory=list)
    paused: list[str] = field(default_factory=list)  # channels that did not answer

    def add_deliveries(self, other: DeliveryTally) -> None:
        self.delivered += other.delivered
        self.failed += other.failed
        self.retried += other.retried
        self.failures.extend(other.failures)
        self.paused.extend(other.paused)


# The order `as_dict` (and so `sweep --json`) has always listed the counts in.
_ORDER = (
    "examined", "kept", "broken", "handoffs", "resumed", "escalations_created", "delivered",
    "failed", "retried", "digests", "dismissed_total", "failures", "errors", "paused", "seconds",
)  # fmt: skip


@dataclass
class SweepReport(DeliveryTally, DecisionTally):
    """A whole pass, or one part of it (`decide` fills the decisions, `deliver` the
    deliveries)."""

    digests: int = 0
    dismissed_total: int = 0
    seconds: float = 0.0

    @classmethod
    def of_deliveries(cls, tally: DeliveryTally) -> SweepReport:
        report = cls()
        report.add_deliveries(tally)
        return report

    def add(self, other: SweepReport) -> SweepReport:
        """Counts summed, lists joined; `dismissed_total` is a running total (the larger
        wins) and `seconds` stays this report's own."""
        self.add_decisions(other)
        self.add_deliveries(other)
        self.digests += other.digests
        self.dismissed_total = max(self.dismissed_total, other.dismissed_total)
        return self

    def as_dict(self) -> dict[str, Any]:
        values = asdict(self)
        return {**{name: values.pop(name) for name in _ORDER}, **values}
