"""Promises as the web shows them: `tracker.queries.promise_rows`, for what a viewer may see."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from tracker.access import Viewer
from tracker.models import Team
from tracker.queries import PromiseRow, promise_rows


def visible_rows(
    session: Session,
    viewer: Viewer,
    now: datetime,
    *,
    state: str | None = None,
    team: str | None = None,
    agent: str | None = None,
    mine_only: bool = False,
) -> list[PromiseRow]:
    """The rows `viewer` may see (own and made promises, led teams', or all for an admin),
    soonest due first, narrowed by the filters. `mine_only`: just the viewer's own."""
    filters: dict[str, Any] = {"agent": agent, "state": state, "now": now}
    if viewer.is_admin and not mine_only:
        return promise_rows(session, team=team, **filters)
    found: dict[int, PromiseRow] = {}
    if viewer.person_ids:
        for row in promise_rows(session, team=team, visible_to=set(viewer.person_ids), **filters):
            found[row.id] = row
    if not mine_only and viewer.lead_team_ids:
        query = select(col(Team.name)).where(col(Team.id).in_(sorted(viewer.lead_team_ids)))
        for name in session.exec(query):
            if team is None or team == name:
                for row in promise_rows(session, team=name, **filters):
                    found[row.id] = row
    return sorted(found.values(), key=lambda row: (row.due, row.id))
