"""A deployment's corrections as labelled candidate clauses for the decision model.

A correction says one span of one message is (added, changed kind or due) or is not
(dismissed) a promise. Only the candidate clauses the grammar proposes inside that span
become examples, labelled so: the rest of the message was not corrected, so it says
nothing. An added promise the grammar proposes no clause for cannot be learned by the
decision model (it only decides among the grammar's candidates); it still counts in the
live figures. Overruled corrections are left out: a lead said they were wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session, col, select

from tracker.calendar import BusinessCalendar
from tracker.extraction import FoundPromise, Trace, extract
from tracker.extraction.decision import DecisionModel
from tracker.extraction.training import Example
from tracker.models import Correction, Team

# A team's correction counts this many times a corpus example: corrections are few, and
# they are the deployment's own text.
CORRECTION_WEIGHT = 3.0


@dataclass(frozen=True)
class Labelled:
    """One correction, as the learning step reads it."""

    id: int
    team: str | None
    text: str
    start: int
    end: int
    is_promise: bool
    kind: str | None
    sent_at: datetime
    timezone: str

    def calendar(self) -> BusinessCalendar:
        return BusinessCalendar(ZoneInfo(self.timezone))


def load_corrections(session: Session) -> list[Labelled]:
    """Every correction not overruled that still has its text and span, oldest first."""
    teams = {t.id: t for t in session.exec(select(Team))}
    query = (
        select(Correction)
        .where(col(Correction.overruled_at).is_(None))
        .order_by(col(Correction.id))
    )
    out = []
    for row in session.exec(query):
        if not row.text or row.start is None or row.end is None or row.end <= row.start:
            continue
        team = teams.get(row.team_id) if row.team_id is not None else None
        zone = team.timezone if team is not None else "UTC"
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            zone = "UTC"
        out.append(
            Labelled(
                row.id or 0,
                team.name if team is not None else None,
                row.text,
                row.start,
                row.end,
                row.is_promise,
                row.kind,
                row.sent_at or row.at,
                zone,
            )
        )
    return out


def correction_examples(items: list[Labelled]) -> list[Example]:
    """The grammar's candidate clauses inside each correction's span, labelled by it."""
    out = []
    for item in items:
        trace = Trace()
        extract(item.text, item.sent_at, item.calendar(), trace=trace)
        for d in trace.decisions:
            if d.features and d.start < item.end and item.start < d.end:
                out.append(
                    Example(
                        f"correction-{item.id}",
                        item.text[d.start : d.end],
                        d.features,
                        int(item.is_promise),
                        d.check == "kept",
                        CORRECTION_WEIGHT,
                    )
                )
    return out


def found_in_span(item: Labelled, model: DecisionModel | None, threshold: float | None) -> bool:
    """Whether a decision (the rules with `threshold` None) finds a promise in the span."""
    found: list[FoundPromise] = extract(
        item.text, item.sent_at, item.calendar(), threshold=threshold, model=model
    )
    return any(p.start < item.end and item.start < p.end for p in found)
