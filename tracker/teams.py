"""Teams from the configuration, and which team (and so which business calendar) applies."""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from tracker.calendar import BusinessCalendar
from tracker.config import Config, TeamConfig
from tracker.models import HelpdeskGroup, Person, Promise, Source, Team, Ticket, stored_id

UTC_CALENDAR_KEY = "UTC"

# Per database (engine), the team configuration this process last wrote there in full.
_written: weakref.WeakKeyDictionary[Engine, str] = weakref.WeakKeyDictionary()


def _fingerprint(config: Config) -> str:
    return repr((config.teams, sorted(source_teams(config).items())))


def teams_follow_config(engine: Engine, config: Config) -> bool:
    """Write the configured teams and memberships (sync_teams) in their own transaction,
    unless this process wrote this same configuration to this database already: once at
    start and again when the configuration changes, not on every pass. Returns whether
    it wrote. People and groups a pass stores later are placed by `place_members`."""
    fingerprint = _fingerprint(config)
    if _written.get(engine) == fingerprint:
        return False
    with Session(engine) as session:
        sync_teams(session, config)
        session.commit()
    _written[engine] = fingerprint
    return True


def sync_teams(session: Session, config: Config) -> dict[str, Team]:
    """Make the stored teams and memberships follow the configuration exactly; returns
    the configured teams by name. A team no longer configured keeps its row (history and
    digests point at it) but loses its leads, members and groups; live promises whose
    owner or group changed team are re-decided (tracker.teams.decide_team)."""
    bind = session.get_bind()
    if isinstance(bind, Engine):
        _written.pop(bind, None)  # written here, maybe from another configuration
    existing = {team.name: team for team in session.exec(select(Team))}
    configured: dict[str, Team] = {}
    for team_config in config.teams:
        team = existing.get(team_config.name) or Team(name=team_config.name)
        team.timezone = team_config.timezone
        team.working_hours = team_config.working_hours
        team.working_days = team_config.working_days
        team.holidays = team_config.holidays
        team.leads = json.dumps(team_config.leads)
        session.add(team)
        configured[team.name] = team
    for name, team in existing.items():
        if name not in configured and team.leads != "[]":
            team.leads = "[]"  # a removed team's lead is a lead no more
            session.add(team)
    session.flush()
    people, groups = _assign_members(session, config.teams, configured)
    if people or groups:
        session.flush()
        redecide_live_teams(session, config, owner_ids=people, group_ids=groups)
    return configured


def _wanted(teams: list[TeamConfig], by_name: dict[str, Team]) -> tuple[dict, dict]:
    """Each configured e-mail address and group name, and the team it belongs to: the
    first team listing the address in `members`, else the first listing it in `leads`;
    the first team listing the group in `groups`."""
    people: dict[str, int] = {}
    for team_config in teams:
        for email in team_config.members:
            people.setdefault(email.strip().lower(), stored_id(by_name[team_config.name]))
    for team_config in teams:
        for email in team_config.leads:
            people.setdefault(email.strip().lower(), stored_id(by_name[team_config.name]))
    groups: dict[str, int] = {}
    for team_config in teams:
        for name in team_config.groups:
            groups.setdefault(name, stored_id(by_name[team_config.name]))
    return people, groups


def place_members(
    session: Session,
    config: Config,
    source_id: int,
    people: Iterable[str] = (),
    groups: Iterable[str] = (),
) -> None:
    """Put the people and groups a page just stored (external ids of one source) in the
    teams the configuration says, and re-decide the live promises of those that moved:
    new agents and groups join their teams at once, without rewriting every team."""
    people, groups = sorted(set(people)), sorted(set(groups))
    if not (people or groups):
        return
    names = [team.name for team in config.teams]
    by_name = {
        t.name: t for t in session.exec(select(Team).where(col(Team.name).in_(names or [""])))
    }
    if len(by_name) < len(set(names)):  # the teams are not written yet: all of it, then
        sync_teams(session, config)
        return
    moved = _assign_members(
        session,
        config.teams,
        by_name,
        people_scope=sa.and_(
            col(Person.source_id) == source_id, col(Person.external_id).in_(people or [""])
        ),
        group_scope=sa.and_(
            col(HelpdeskGroup.source_id) == source_id,
            col(HelpdeskGroup.external_id).in_(groups or [""]),
        ),
    )
    if moved[0] or moved[1]:
        session.flush()
        redecide_live_teams(session, config, owner_ids=moved[0], group_ids=moved[1])


def _assign_members(
    session: Session,
    teams: list[TeamConfig],
    by_name: dict[str, Team],
    *,
    people_scope: sa.ColumnElement[bool] | None = None,
    group_scope: sa.ColumnElement[bool] | None = None,
) -> tuple[set[int], set[int]]:
    """Put people and groups in exactly the teams the configuration says (none when it
    names them nowhere); returns the ids of those that moved. The scopes narrow it to
    some people and groups (default: every one that is or should be in a team)."""
    wanted_people, wanted_groups = _wanted(teams, by_name)
    moved_people: set[int] = set()
    query = select(Person).where(
        people_scope
        if people_scope is not None
        else sa.or_(
            col(Person.team_id).is_not(None),
            sa.func.lower(Person.email).in_(sorted(wanted_people) or [""]),
        )
    )
    for person in session.exec(query).all():
        team_id = wanted_people.get((person.email or "").lower())
        if person.team_id != team_id:
            person.team_id = team_id
            session.add(person)
            moved_people.add(stored_id(person))
    moved_groups: set[int] = set()
    group_query = select(HelpdeskGroup).where(
        group_scope
        if group_scope is not None
        else sa.or_(
            col(HelpdeskGroup.team_id).is_not(None),
            col(HelpdeskGroup.name).in_(sorted(wanted_groups) or [""]),
        )
    )
    for group in session.exec(group_query).all():
        team_id = wanted_groups.get(group.name)
        if group.team_id != team_id:
            group.team_id = team_id
            session.add(group)
            moved_groups.add(stored_id(group))
    return moved_people, moved_groups


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
        .join(Ticket, col(Ticket.id) == col(Promise.ticket_id))
        .join(Source, col(Source.id) == col(Ticket.source_id))
        .where(
            col(Promise.state).in_(("open", "snoozed")),
            sa.or_(
                col(Promise.owner_id).in_(owners or [-1]),
                col(Ticket.group_id).in_(groups or [-1]),
                col(Ticket.id).in_(tickets or [-1]),
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
    else the agent's own time zone, or UTC; cached for one pass. `calendars`: a cache to
    share with other resolvers (calendars are pure and costly to build)."""

    def __init__(
        self,
        session: Session,
        default_team: str | None = None,
        calendars: dict[object, BusinessCalendar] | None = None,
    ):
        self.session = session
        self.default_team = default_team
        self._calendars = calendars if calendars is not None else {}
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
