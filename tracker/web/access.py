"""Who the signed-in person is and what they may see.

An agent sees the promises they own; a lead sees every promise of the teams they
lead (a promise belongs to its owner's team, or else to the team of the ticket's
help-desk group); an admin (`[web] admins`) sees everything. Anyone else sees
nothing. Acting on a promise follows the same rule as seeing it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from tracker.config import Config
from tracker.models import HelpdeskGroup, Person, Promise, Team, Ticket

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


def lead_team_ids(session: Session, config: Config, email: str) -> set[int]:
    """Teams led by `email`, by the stored team rows and by the configuration."""
    ids: set[int] = set()
    config_led = {t.name for t in config.teams if email in (a.lower() for a in t.leads)}
    for team in session.exec(select(Team)):
        try:
            stored = {a.lower() for a in json.loads(team.leads or "[]")}
        except ValueError:
            stored = set()
        if email in stored or team.name in config_led:
            ids.add(team.id)  # type: ignore[arg-type]
    return ids


def load_viewer(session: Session, config: Config, email: str) -> Viewer:
    email = normalise_email(email)
    admins = {normalise_email(a) for a in config.web.admins}
    people = list(
        session.exec(
            select(Person).where(sa.func.lower(Person.email) == email, Person.role.in_(STAFF_ROLES))
        )
    )
    teams = lead_team_ids(session, config, email)
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


def promise_team_column() -> tuple[sa.ColumnElement[int], list[tuple[object, object]]]:
    """A SQL expression for a promise's team id and the outer joins it needs."""
    owner = aliased(Person)
    group = aliased(HelpdeskGroup)
    joins = [
        (owner, owner.id == Promise.owner_id),
        (Ticket, Ticket.id == Promise.ticket_id),
        (group, group.id == Ticket.group_id),
    ]
    return sa.func.coalesce(owner.team_id, group.team_id), joins


def visible_promises_query(viewer: Viewer) -> tuple[sa.Select, sa.ColumnElement[int]]:
    """SELECT Promise limited to what `viewer` may see, and the promise-team expression
    (usable in further filters of the same query)."""
    team_id, joins = promise_team_column()
    query = select(Promise)
    for target, on in joins:
        query = query.outerjoin(target, on)  # type: ignore[arg-type]
    if viewer.is_admin:
        return query, team_id
    conditions = []
    if viewer.person_ids:
        conditions.append(Promise.owner_id.in_(sorted(viewer.person_ids)))
    if viewer.lead_team_ids:
        conditions.append(team_id.in_(sorted(viewer.lead_team_ids)))
    if not conditions:
        return query.where(sa.false()), team_id
    return query.where(sa.or_(*conditions)), team_id


def team_of(session: Session, promise: Promise) -> int | None:
    if promise.owner_id is not None:
        owner = session.get(Person, promise.owner_id)
        if owner is not None and owner.team_id is not None:
            return owner.team_id
    ticket = session.get(Ticket, promise.ticket_id)
    if ticket is not None and ticket.group_id is not None:
        group = session.get(HelpdeskGroup, ticket.group_id)
        if group is not None:
            return group.team_id
    return None


def may_see(session: Session, viewer: Viewer, promise: Promise) -> bool:
    if viewer.is_admin:
        return True
    if promise.owner_id is not None and promise.owner_id in viewer.person_ids:
        return True
    return bool(viewer.lead_team_ids) and team_of(session, promise) in viewer.lead_team_ids


def visible_teams(session: Session, viewer: Viewer) -> list[Team]:
    """The teams whose lead page the viewer may read."""
    query = select(Team).order_by(Team.name)
    if not viewer.is_admin:
        query = query.where(Team.id.in_(sorted(viewer.lead_team_ids)))
    return list(session.exec(query))
