"""Teams from the configuration, and which team (and so which business calendar) applies."""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlalchemy as sa
from sqlmodel import Session, select

from tracker.calendar import BusinessCalendar
from tracker.config import Config, TeamConfig
from tracker.models import HelpdeskGroup, Person, Promise, Source, Team, Ticket

UTC_CALENDAR_KEY = "UTC"


def sync_teams(session: Session, config: Config) -> dict[str, Team]:
    """Make the team table match the configuration; returns teams by name. Live promises
    whose owner or group changed team are re-decided (tracker.teams.decide_team)."""
    existing = {team.name: team for team in session.exec(select(Team))}
    for team_config in config.teams:
        team = existing.get(team_config.name) or Team(name=team_config.name)
        team.timezone = team_config.timezone
        team.working_hours = team_config.working_hours
        team.working_days = team_config.working_days
        team.holidays = team_config.holidays
        team.leads = json.dumps(team_config.leads)
        session.add(team)
        existing[team.name] = team
    session.flush()
    people, groups = _assign_members(session, config.teams, existing)
    if people or groups:
        session.flush()
        redecide_live_teams(session, config, owner_ids=people, group_ids=groups)
    return existing


def _assign_members(
    session: Session, teams: list[TeamConfig], by_name: dict[str, Team]
) -> tuple[set[int], set[int]]:
    """Put people and groups in their teams; returns the ids of those that moved."""
    people: set[int] = set()
    groups: set[int] = set()
    for team_config in teams:
        team = by_name[team_config.name]
        emails = [e.lower() for e in team_config.members + team_config.leads]
        if emails:
            for person in session.exec(select(Person).where(Person.email.in_(emails))):
                joins = person.team_id is None or person.email.lower() in team_config.members
                if joins and person.team_id != team.id:
                    person.team_id = team.id
                    people.add(person.id)  # type: ignore[arg-type]
        if team_config.groups:
            query = select(HelpdeskGroup).where(HelpdeskGroup.name.in_(team_config.groups))
            for group in session.exec(query):
                if group.team_id != team.id:
                    group.team_id = team.id
                    groups.add(group.id)  # type: ignore[arg-type]
    return people, groups


def team_calendar(team: Team) -> BusinessCalendar:
    return BusinessCalendar.from_config(
        team.timezone, team.working_hours, team.working_days, team.holidays
    )


def decide_team(
    session: Session, owner: Person | None, ticket: Ticket | None, default_team: str | None
) -> Team | None:
    """A promise's team, by the one rule: the owner's team, else the team of the ticket's
    help-desk group, else the source's `team` (None: no team maps it)."""
    if owner is not None and owner.team_id is not None:
        return session.get(Team, owner.team_id)
    if ticket is not None and ticket.group_id is not None:
        group = session.get(HelpdeskGroup, ticket.group_id)
        if group is not None and group.team_id is not None:
            return session.get(Team, group.team_id)
    if default_team:
        return session.exec(select(Team).where(Team.name == default_team)).first()
    return None


def source_teams(config: Config) -> dict[str, str | None]:
    """Each configured source's `team` (the last resort of the rule), by source name."""
    return {source.name: source.get("team") for source in config.sources}


def redecide_live_teams(
    session: Session,
    config: Config,
    *,
    owner_ids: Iterable[int] = (),
    group_ids: Iterable[int] = (),
    ticket_ids: Iterable[int] = (),
) -> int:
    """Re-decide the team of the live promises owned by these people or on tickets of
    these groups or these tickets (their team or group changed); returns how many moved."""
    owners, groups, tickets = (
        sorted(set(owner_ids)),
        sorted(set(group_ids)),
        sorted(set(ticket_ids)),
    )
    if not (owners or groups or tickets):
        return 0
    query = (
        select(Promise, Ticket, Source.name)
        .join(Ticket, Ticket.id == Promise.ticket_id)
        .join(Source, Source.id == Ticket.source_id)
        .where(
            Promise.state.in_(("open", "snoozed")),
            sa.or_(
                Promise.owner_id.in_(owners or [-1]),
                Ticket.group_id.in_(groups or [-1]),
                Ticket.id.in_(tickets or [-1]),
            ),
        )
    )
    defaults = source_teams(config)
    moved = 0
    for promise, ticket, source_name in session.exec(query).all():
        owner = session.get(Person, promise.owner_id) if promise.owner_id is not None else None
        team = decide_team(session, owner, ticket, defaults.get(source_name))
        team_id = team.id if team is not None else None
        if promise.team_id != team_id:
            promise.team_id = team_id
            session.add(promise)
            moved += 1
    return moved


class CalendarResolver:
    """Finds the business calendar for a promise: its team's (tracker.teams.decide_team),
    else the agent's own time zone, or UTC; cached for one pass."""

    def __init__(self, session: Session, default_team: str | None = None):
        self.session = session
        self.default_team = default_team
        self._calendars: dict[object, BusinessCalendar] = {}
        self._default: list[Team | None] = []  # the default team, once looked up

    def team_for(self, person: Person | None, ticket: Ticket | None) -> Team | None:
        """The rule of `decide_team`, with the source's team looked up once per pass."""
        found = decide_team(self.session, person, ticket, None)
        if found is None and self.default_team:
            if not self._default:
                query = select(Team).where(Team.name == self.default_team)
                self._default.append(self.session.exec(query).first())
            return self._default[0]
        return found

    def calendar_for(self, person: Person | None, ticket: Ticket | None) -> BusinessCalendar:
        return self.calendar_of(self.team_for(person, ticket), person)

    def calendar_of(self, team: Team | None, person: Person | None) -> BusinessCalendar:
        """The team's calendar, else the person's own time zone, else UTC."""
        if team is not None:
            key: object = ("team", team.id)
            if key not in self._calendars:
                self._calendars[key] = team_calendar(team)
            return self._calendars[key]
        zone = (person.time_zone if person is not None else None) or UTC_CALENDAR_KEY
        if zone not in self._calendars:
            try:
                self._calendars[zone] = BusinessCalendar.from_config(zone)
            except ValueError:
                self._calendars[zone] = BusinessCalendar.from_config(UTC_CALENDAR_KEY)
        return self._calendars[zone]
