"""Live precision from the corrections: of the promises the extractor found in the last
30 days, per team and kind, how many people dismissed as not a promise (and how many
promises they had to add that it missed)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session, col, select

from tracker.models import Correction, Promise, Team

WINDOW = timedelta(days=30)


@dataclass
class Row:
    team: str
    kind: str
    found: int = 0  # promises the extractor found
    dismissed: int = 0  # of those, dismissed as not a promise
    added: int = 0  # promises people added that it missed

    @property
    def precision(self) -> float | None:
        return (self.found - self.dismissed) / self.found if self.found else None

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "precision": self.precision}


def live_precision(session: Session, now: datetime) -> list[Row]:
    """Per (team, kind), over the promises made in the 30 days up to `now`."""
    since = now - WINDOW
    teams = {t.id: t.name for t in session.exec(select(Team))}
    live = select(Correction).where(col(Correction.overruled_at).is_(None))
    corrections = list(session.exec(live.where(Correction.at >= since - WINDOW)))
    added_ids = {c.promise_id for c in corrections if c.action == "added"}
    dismissed_ids = {c.promise_id for c in corrections if c.action == "dismissed"}
    query = select(Promise).where(Promise.made_at >= since, Promise.made_at <= now)
    rows: dict[tuple[str, str], Row] = {}

    def row(team_id: int | None, kind: str | None) -> Row:
        key = (teams.get(team_id, "(no team)"), kind or "?")
        return rows.setdefault(key, Row(*key))

    for promise in session.exec(query):
        if promise.id in added_ids:
            row(promise.team_id, promise.kind).added += 1
            continue
        entry = row(promise.team_id, promise.kind)
        entry.found += 1
        entry.dismissed += promise.id in dismissed_ids
    return [rows[key] for key in sorted(rows)]
