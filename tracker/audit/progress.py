"""How far an audit has got, and how long the rest will take.

The connectors read history oldest first, so the newest time seen in a page, against
the period, says how far through a stage (Zendesk reads tickets, then events) the read
is; a file connector says it itself (bytes read). The time left is the larger of the
pace so far and what the source's request budget allows for the calls still to come:
at Zendesk's 10 export requests a minute the budget, not the machine, sets the pace.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tracker.config import SourceConfig
from tracker.ingest.records import Batch
from tracker.sources import ConnectorRegistry, installed

STAGES = {"zendesk": ("tickets", "events")}


def budget_per_minute(
    source: SourceConfig, registry: ConnectorRegistry | None = None
) -> int | None:
    """The request budget that bounds a read of history, per minute (None: unbounded):
    the option the source type's spec names (`history_budget`), or that option's default."""
    spec = (registry or installed()).get(source.type)
    key = spec.history_budget if spec is not None else None
    if spec is None or key is None:
        return None
    default = next((o.default for o in spec.options if o.key == key), None)
    value = source.get(key, default)
    return int(value) if value is not None else None


@dataclass
class Progress:
    stage: str  # reading | replaying | done
    tickets: int = 0
    messages: int = 0
    promises: int = 0
    calls: int = 0
    fraction: float | None = None  # 0–1 of the reading
    seconds_left: float | None = None
    resumed: bool = False

    def line(self) -> str:
        text = (
            f"{self.stage}: {self.tickets:,} tickets, {self.messages:,} messages, "
            f"{self.promises:,} promises, {self.calls:,} calls"
        )
        if self.fraction is not None:
            text += f", {self.fraction:.0%}"
        if self.seconds_left is not None:
            text += f", about {_duration(self.seconds_left)} left"
        return text


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m{seconds:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m"


def newest_time(batch: Batch) -> datetime | None:
    times = [t.updated_at for t in batch.tickets if t.updated_at is not None]
    times += [m.sent_at for m in batch.messages]
    times += [a.changed_at for a in batch.assignments]
    return max(times) if times else None


class Estimator:
    """Watches the batches a connector yields and estimates the fraction done and the
    time left. `clock` is injected (monotonic seconds)."""

    def __init__(
        self,
        kind: str,
        start: datetime,
        end: datetime,
        per_minute: int | None,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.stages = STAGES.get(kind, ())
        self.start, self.end = start, end
        self.per_minute = per_minute
        self.clock = clock
        self.began = clock()
        self.stage = 0
        self.fraction: float | None = None
        self.first: float | None = None  # the fraction when this run began to read
        self.calls_at_first = 0

    def saw(self, batch: Batch, connector: Any) -> None:
        own = getattr(connector, "fraction", None)
        if callable(own):
            value = own()
        else:
            name = batch.stats.get("stage") if isinstance(batch.stats, dict) else None
            if name in self.stages:
                self.stage = max(self.stage, self.stages.index(name))
            newest = newest_time(batch)
            span = (self.end - self.start).total_seconds()
            inside = 0.0
            if newest is not None and span > 0:
                inside = min(max((newest - self.start).total_seconds() / span, 0.0), 1.0)
            elif self.fraction is not None:
                return
            parts = max(len(self.stages), 1)
            value = (self.stage + inside) / parts
        self.fraction = max(self.fraction or 0.0, min(value, 1.0))
        if self.first is None:
            self.first = self.fraction
            self.calls_at_first = _calls(connector)
            self.began = self.clock()

    def seconds_left(self, calls: int) -> float | None:
        if self.fraction is None or self.first is None:
            return None
        done = self.fraction - self.first
        if done <= 0:
            return None
        rest = (1.0 - self.fraction) / done
        left = (self.clock() - self.began) * rest
        if self.per_minute:
            left = max(left, (calls - self.calls_at_first) * rest / self.per_minute * 60)
        return left


def _calls(connector: Any) -> int:
    stats = connector.stats
    return stats.calls if stats is not None else 0


class Observed:
    """A connector passed through unchanged, its batches shown to an Estimator."""

    def __init__(self, inner: Any, estimator: Estimator):
        self.inner = inner
        self.estimator = estimator
        self.name = inner.name
        self.stats = inner.stats

    def pages(self, cursor: str | None, now: datetime) -> Iterator[Batch]:
        for batch in self.inner.pages(cursor, now):
            self.estimator.saw(batch, self.inner)
            yield batch

    def __getattr__(self, name: str) -> Any:
        # Anything else (write-back) is never called by an audit; refuse loudly if it is.
        raise AttributeError(f"an audit does not use {name!r} of a connector")
