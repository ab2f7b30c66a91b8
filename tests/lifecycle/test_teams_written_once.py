"""Team configuration is written at start and when it changes, not on every pass."""

from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session, select

from tests.helpers.promise_world import make_config
from tracker.config import validate
from tracker.ingest.store import get_or_create_source
from tracker.models import HelpdeskGroup, Person, Team
from tracker.teams import place_members, sync_teams, teams_follow_config


def _statements(engine: sa.Engine) -> list[str]:
    seen: list[str] = []

    @sa.event.listens_for(engine, "before_cursor_execute")
    def _seen(conn, cursor, statement, parameters, context, executemany) -> None:
        seen.append(statement)

    return seen


def _leads(engine: sa.Engine) -> dict[str, str]:
    with Session(engine) as session:
        return {team.name: team.leads for team in session.exec(select(Team))}


def test_the_same_configuration_is_written_once(engine):
    config = make_config()
    assert teams_follow_config(engine, config) is True
    assert _leads(engine) == {"Tier 1": '["lead@acme.example"]'}
    seen = _statements(engine)
    assert teams_follow_config(engine, config) is False
    assert seen == []  # not even a look at the team table


def test_a_changed_configuration_is_written_again(engine):
    teams_follow_config(engine, make_config())
    changed = make_config(leads=("lena@acme.example",))
    assert teams_follow_config(engine, changed) is True
    assert _leads(engine) == {"Tier 1": '["lena@acme.example"]'}


def test_teams_written_from_elsewhere_are_put_back_on_the_next_pass(engine):
    config = make_config()
    teams_follow_config(engine, config)
    with Session(engine) as session:
        sync_teams(session, validate({"team": [{"name": "Tier 1", "leads": ["x@acme.example"]}]}))
        session.commit()
    assert teams_follow_config(engine, config) is True
    assert _leads(engine) == {"Tier 1": '["lead@acme.example"]'}


def test_people_and_groups_of_a_page_join_their_teams_and_no_one_else_is_touched(engine):
    config = make_config()
    config.teams[0].groups = ["Orders"]
    teams_follow_config(engine, config)
    with Session(engine) as session:
        source = get_or_create_source(session, "desk", "zendesk")
        amy = Person(source_id=source.id, external_id="a1", email="AMY@acme.example")
        bob = Person(source_id=source.id, external_id="b1", email="bob@acme.example")
        orders = HelpdeskGroup(source_id=source.id, external_id="g1", name="Orders")
        session.add_all([amy, bob, orders])
        session.flush()
        place_members(session, config, source.id, people=["a1"], groups=["g1"])
        session.commit()
        team = session.exec(select(Team)).one()
        assert (amy.team_id, orders.team_id) == (team.id, team.id)
        assert bob.team_id is None  # not on the page: left for the next full write
