"""Who the signed-in person is and what they may see.

An agent sees the promises they own or made; a lead sees every promise of the teams
they lead (a promise's team is stored on it by tracker.teams.decide_team; leads are the
team rows' `leads`, which `sync_teams` copies from the configuration); an admin
(`[web] admins`) sees everything. Anyone else sees nothing. Seeing a promise and acting
on it follow the one rule of `tracker.promises.actions.may_act`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from sqlmodel import Session, col, select

from tracker.config import Config
from tracker.models import Person, Promise, Team, stored_id
from tracker.promises.actions import may_act

STAFF_ROLES = ("agent", "admin")


@dataclass(frozen=True)
class Viewer:
    email: str
    is_admin: bool
    person_ids: frozenset[int]  # this address's agent records, one per source
    lead_team_ids: frozenset[int]
    time_zone: str

    @property
    def is_lead(self) -> bool:
        return bool(self.lead_team_ids)

    @property
    def may_sign_in(self) -> bool:
        return self.is_admin or self.is_lead or bool(self.person_ids)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


def normalise_email(address: str) -> str:
    return address.strip().lower()


def lead_team_ids(session: Session, email: str) -> set[int]:
    """Teams whose stored `leads` include `email`."""
    ids: set[int] = set()
    for team in session.exec(select(Team)):
        try:
            leads = {a.lower() for a in json.loads(team.leads or "[]")}
        except ValueError:
            leads = set()
        if email in leads:
            ids.add(stored_id(team))
    return ids


def load_viewer(session: Session, config: Config, email: str) -> Viewer:
    email = normalise_email(email)
    admins = {normalise_email(a) for a in config.web.admins}
    people = list(
        session.exec(
            select(Person).where(
                sa.func.lower(Person.email) == email, col(Person.role).in_(STAFF_ROLES)
            )
        )
    )
    teams = lead_team_ids(session, email)
    return Viewer(
        email=email,
        is_admin=email in admins,
        person_ids=frozenset(p.id for p in people if p.id is not None),
        lead_team_ids=frozenset(teams),
        time_zone=_time_zone(session, people, teams),
    )


def _time_zone(session: Session, people: list[Person], lead_teams: set[int]) -> str:
    """The person's own zone, else their team's, else a team they lead, else UTC."""
    candidates = [p.time_zone for p in people if p.time_zone]
    team_ids = [p.team_id for p in people if p.team_id is not None] + sorted(lead_teams)
    for team_id in team_ids:
        team = session.get(Team, team_id)
        if team is not None:
            candidates.append(team.timezone)
    for name in candidates:
        try:
            ZoneInfo(name)
            return name
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return "UTC"


def may_see(session: Session, config: Config, viewer: Viewer, promise: Promise) -> bool:
    """Seeing a promise and acting on it follow one rule (tracker.promises.actions.may_act)."""
    return may_act(session, viewer.email, promise, admins=config.web.admins)


def visible_teams(session: Session, viewer: Viewer) -> list[Team]:
    """The teams whose lead page the viewer may read."""
    query = select(Team).order_by(Team.name)
    if not viewer.is_admin:
        query = query.where(col(Team.id).in_(sorted(viewer.lead_team_ids)))
    return list(session.exec(query))
