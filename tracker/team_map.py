"""Who maps to which team, and what in the data maps to none (`followthrough teams`,
`config check`). A promise's team follows tracker.teams.decide_team; a promise that maps
to no team still escalates, to the managers, but its lead never hears of it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from tracker.config import Config
from tracker.models import HelpdeskGroup, Person, Promise, Source, Team, Ticket, stored_id
from tracker.teams import source_teams

STAFF_ROLES = ("agent", "admin")


@dataclass
class TeamEntry:
    name: str
    leads: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)  # agents whose own team it is
    groups: list[str] = field(default_factory=list)  # help-desk groups mapped to it
    sources: list[str] = field(default_factory=list)  # sources whose `team` it is


@dataclass
class TeamMap:
    teams: list[TeamEntry]
    unmapped_groups: list[tuple[str, str]]  # (source, group name)
    unmapped_agents: list[tuple[str, str]]  # (source, e-mail or name)

    def as_dict(self) -> dict[str, Any]:
        return {
            "teams": [entry.__dict__ for entry in self.teams],
            "unmapped": {
                "groups": sorted({name for _, name in self.unmapped_groups}),
                "agents": sorted({who for _, who in self.unmapped_agents}),
            },
        }

    def warnings(self) -> list[str]:
        lines = [
            f"help-desk group {name!r} ({source}) maps to no team: add it to a team's "
            "`groups`, or its promises' lead step goes to [escalation] managers"
            for source, name in self.unmapped_groups
        ]
        lines += [
            f"agent {who} ({source}) maps to no team: add them to a team's `members`, "
            "or their promises outside a team's groups escalate to [escalation] managers"
            for source, who in self.unmapped_agents
        ]
        return lines


def _who(person: Person) -> str:
    return person.email or person.name or f"person {person.external_id}"


def team_map(session: Session, config: Config) -> TeamMap:
    """The stored mapping (as sync_teams left it) and what in the data maps to no team."""
    defaults = source_teams(config)
    entries: dict[int, TeamEntry] = {}
    for team in session.exec(select(Team).order_by(Team.name)):
        entry = entries[stored_id(team)] = TeamEntry(
            team.name, leads=json.loads(team.leads or "[]")
        )
        entry.sources = sorted(s for s, t in defaults.items() if t == team.name)
    sources = {s.id: s.name for s in session.exec(select(Source))}
    unmapped_groups: list[tuple[str, str]] = []
    for group in session.exec(select(HelpdeskGroup).order_by(HelpdeskGroup.name)):
        if group.team_id in entries:
            entries[group.team_id].groups.append(group.name)
        elif not defaults.get(sources.get(group.source_id, "")):
            unmapped_groups.append((sources.get(group.source_id, "?"), group.name))
    # Agents with no team of their own who own a promise with no team, or are assigned a
    # ticket whose group gives it none: their promises reach no lead.
    teamless_promise = (
        select(Promise.id)
        .where(Promise.owner_id == col(Person.id), col(Promise.team_id).is_(None))
        .exists()
    )
    teamless_ticket = (
        select(Ticket.id)
        .outerjoin(HelpdeskGroup, col(HelpdeskGroup.id) == col(Ticket.group_id))
        .where(Ticket.assignee_id == col(Person.id), col(HelpdeskGroup.team_id).is_(None))
        .exists()
    )
    for person in session.exec(
        select(Person)
        .where(col(Person.role).in_(STAFF_ROLES))
        .order_by(col(Person.email), col(Person.id))
    ):
        if person.team_id in entries:
            entries[person.team_id].members.append(_who(person))
    query = select(Person).where(
        col(Person.role).in_(STAFF_ROLES),
        col(Person.team_id).is_(None),
        sa.or_(teamless_promise, teamless_ticket),
    )
    unmapped_agents: list[tuple[str, str]] = []
    for person in session.exec(query.order_by(Person.email, col(Person.id))):
        source = sources.get(person.source_id, "?")
        if not defaults.get(source):
            unmapped_agents.append((source, _who(person)))
    return TeamMap(list(entries.values()), unmapped_groups, unmapped_agents)


def render(mapping: TeamMap) -> str:
    lines: list[str] = []
    for entry in mapping.teams:
        lines.append(entry.name)
        lines += [f"  lead: {lead}" for lead in entry.leads]
        lines += [f"  member: {member}" for member in entry.members]
        lines += [f"  group: {group}" for group in entry.groups]
        lines += [f"  source: {source} (its `team`)" for source in entry.sources]
        if len(lines) and lines[-1] == entry.name:
            lines.append("  (nobody and no group yet)")
    if mapping.unmapped_groups or mapping.unmapped_agents:
        lines.append("No team: (lead steps go to [escalation] managers)")
        lines += [f"  group: {name} ({source})" for source, name in mapping.unmapped_groups]
        lines += [f"  agent: {who} ({source})" for source, who in mapping.unmapped_agents]
    return "\n".join(lines) if lines else "No teams configured and nothing synced yet."
