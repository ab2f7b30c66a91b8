"""Teams from the configuration, and which team (and so which business calendar) applies."""

from __future__ import annotations

import json

from sqlmodel import Session, select

from tracker.calendar import BusinessCalendar
from tracker.config import Config, TeamConfig
from tracker.models import HelpdeskGroup, Person, Team, Ticket

UTC_CALENDAR_KEY = "UTC"


def sync_teams(session: Session, config: Config) -> dict[str, Team]:
    """Make the team table match the configuration; returns teams by name."""
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
    _assign_members(session, config.teams, existing)
    return existing


def _assign_members(session: Session, teams: list[TeamConfig], by_name: dict[str, Team]) -> None:
    for team_config in teams:
        team = by_name[team_config.name]
        emails = [e.lower() for e in team_config.members + team_config.leads]
        if emails:
            for person in session.exec(select(Person).where(Person.email.in_(emails))):
                if person.team_id is None or person.email.lower() in team_config.members:
                    person.team_id = team.id
        if team_config.groups:
            query = select(HelpdeskGroup).where(HelpdeskGroup.name.in_(team_config.groups))
            for group in session.exec(query):
                group.team_id = team.id


def team_calendar(team: Team) -> BusinessCalendar:
    return BusinessCalendar.from_config(
        team.timezone, team.working_hours, team.working_days, team.holidays
    )


class CalendarResolver:
    """Finds the business calendar for a promise: the owner's team, the ticket's group's
    team, the agent's own time zone, or UTC; cached for one pass."""

    def __init__(self, session: Session, default_team: str | None = None):
        self.session = session
        self.default_team = default_team
        self._calendars: dict[object, BusinessCalendar] = {}
        self._default: list[Team | None] = []  # the default team, once looked up

    def team_for(self, person: Person | None, ticket: Ticket | None) -> Team | None:
        if person is not None and person.team_id is not None:
            return self.session.get(Team, person.team_id)
        if ticket is not None and ticket.group_id is not None:
            group = self.session.get(HelpdeskGroup, ticket.group_id)
            if group is not None and group.team_id is not None:
                return self.session.get(Team, group.team_id)
        if self.default_team:
            if not self._default:
                query = select(Team).where(Team.name == self.default_team)
                self._default.append(self.session.exec(query).first())
            return self._default[0]
        return None

    def calendar_for(self, person: Person | None, ticket: Ticket | None) -> BusinessCalendar:
        team = self.team_for(person, ticket)
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
