"""A promise's team: one rule (owner's team, else the ticket's group's team, else the
source's `team`), stored on the promise and used by the ladder, the lead views and the
digest. The normal Zendesk setup maps teams by group, with no `members` at all."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from tracker.config import validate
from tracker.ingest.records import Batch, GroupRecord, MessageRecord, PersonRecord, TicketRecord
from tracker.ingest.store import get_or_create_source, ingest
from tracker.models import Escalation, Promise, Team
from tracker.outbox.digest import team_items
from tracker.promise_json import promise_json_rows
from tracker.sweep import decide
from tracker.teams import sync_teams
from tracker.web import create_app

MADE = datetime(2026, 11, 16, 10, tzinfo=UTC)  # a Monday
DESK = {
    "name": "desk",
    "type": "zendesk",
    "subdomain": "acme",
    "email": "bot@acme.example",
    "token_env": "ZENDESK_TOKEN",
}
LENA, BOSS, AMY = "lena@acme.example", "boss@acme.example", "amy@acme.example"


@pytest.fixture(autouse=True)
def _token(monkeypatch):
    monkeypatch.setenv("ZENDESK_TOKEN", "not-a-real-token")


def _config(**team: object):
    return validate(
        {
            "source": [{**DESK, **team.pop("source", {})}],
            "team": [
                {
                    "name": "Orders",
                    "timezone": "Europe/London",
                    "leads": [LENA],
                    "groups": ["Orders & Despatch"],
                    **team,
                }
            ],
            "escalation": {"grace": "2h", "managers": [BOSS]},
            "notify": {
                "email": {"smtp_host": "127.0.0.1", "smtp_port": 2525, "from": "ft@x.example"}
            },
            "web": {"enabled": True, "base_url": "http://127.0.0.1:8765"},
        }
    )


def _batch(group: str | None = "g1", ticket: str = "100", message: str = "m1") -> Batch:
    return Batch(
        cursor="c1",
        people=[
            PersonRecord("a1", "agent", "Amy", AMY),
            PersonRecord("c1", "customer", "Cat", "cat@customer.example"),
        ],
        groups=[GroupRecord("g1", "Orders & Despatch"), GroupRecord("g2", "Returns")],
        tickets=[TicketRecord(ticket, "Parcel", "open", "c1", "a1", group, None, MADE, MADE)],
        messages=[
            MessageRecord(
                message, ticket, MADE, "I'll call you back tomorrow.", "a1", "agent", True
            )
        ],
    )


def _ingest(engine, config, batch: Batch) -> None:
    with Session(engine) as session:
        sync_teams(session, config)
        source = get_or_create_source(session, "desk", "zendesk")
        source.last_success_at = MADE + timedelta(days=30)
        ingest(session, source, batch, default_team=config.source("desk").get("team"))
        sync_teams(session, config)
        session.commit()


def test_a_promise_on_a_group_mapped_ticket_reaches_the_lead_everywhere(engine):
    config = _config()
    _ingest(engine, config, _batch())
    now = MADE + timedelta(days=6)  # five days overdue
    decide(engine, config, now=now)
    with Session(engine) as session:
        promise = session.exec(select(Promise)).one()
        team = session.exec(select(Team).where(Team.name == "Orders")).one()
        assert promise.team_id == team.id
        lead_rows = session.exec(
            select(Escalation.recipient).where(
                Escalation.promise_id == promise.id,
                Escalation.step == "lead",
                Escalation.channel == "email",
            )
        ).all()
        assert LENA in lead_rows
        assert [row["id"] for row in promise_json_rows(session, team="Orders", now=now)] == [
            promise.id
        ]
        digest = team_items(session, team, now)
        assert [item.category for item in digest] == ["overdue"]
    app = create_app(config, engine, clock=lambda: now)
    app.config["TESTING"] = True
    client = app.test_client()
    with client.session_transaction() as web_session:
        web_session["email"] = LENA
        web_session["sv"] = 0  # the session version of an address never signed out
    assert "call you back tomorrow" in client.get("/lead").get_data(as_text=True)
    assert [row["id"] for row in client.get("/api/promises").get_json()] == [promise.id]


def test_a_promise_with_no_team_escalates_the_lead_step_to_the_managers(engine):
    config = _config()
    _ingest(engine, config, _batch(group="g2"))  # Returns: no team maps it
    decide(engine, config, now=MADE + timedelta(days=6))
    with Session(engine) as session:
        promise = session.exec(select(Promise)).one()
        assert promise.team_id is None
        lead_rows = session.exec(
            select(Escalation.recipient).where(
                Escalation.promise_id == promise.id,
                Escalation.step == "lead",
                Escalation.channel == "email",
            )
        ).all()
        assert lead_rows == [BOSS]


def test_the_source_team_decides_when_neither_owner_nor_group_has_one(engine):
    config = _config(source={"team": "Orders"})
    _ingest(engine, config, _batch(group=None))
    with Session(engine) as session:
        promise = session.exec(select(Promise)).one()
        assert session.get(Team, promise.team_id).name == "Orders"


def test_a_group_change_moves_a_live_promise_to_the_new_team(engine):
    config = _config()
    _ingest(engine, config, _batch(group="g2"))
    with Session(engine) as session:
        assert session.exec(select(Promise)).one().team_id is None
    moved = _batch(group="g1")
    moved.messages = []
    _ingest(engine, config, moved)
    with Session(engine) as session:
        promise = session.exec(select(Promise)).one()
        assert session.get(Team, promise.team_id).name == "Orders"


def test_a_hand_off_to_a_member_of_another_team_moves_the_promise_there(engine):
    config = validate(
        {
            "source": [DESK],
            "team": [
                {"name": "Orders", "leads": [LENA], "groups": ["Orders & Despatch"]},
                {"name": "Billing", "leads": ["lars@acme.example"], "members": ["bo@acme.example"]},
            ],
        }
    )
    _ingest(engine, config, _batch())
    handed = _batch()
    handed.people.append(PersonRecord("b1", "agent", "Bo", "bo@acme.example"))
    handed.tickets = [
        TicketRecord(
            "100", "Parcel", "open", "c1", "b1", "g1", None, MADE, MADE + timedelta(hours=1)
        )
    ]
    handed.messages = []
    _ingest(engine, config, handed)
    decide(engine, config, now=MADE + timedelta(hours=2))
    with Session(engine) as session:
        promise = session.exec(select(Promise)).one()
        assert session.get(Team, promise.team_id).name == "Billing"


def _toml(tmp_path, db_url: str) -> str:
    path = tmp_path / "followthrough.toml"
    path.write_text(
        f"""
[database]
url = "{db_url}"

[[source]]
name = "desk"
type = "zendesk"
subdomain = "acme"
email = "bot@acme.example"
token_env = "ZENDESK_TOKEN"

[[team]]
name = "Orders"
leads = ["{LENA}"]
groups = ["Orders & Despatch"]
members = ["bo@acme.example"]
""",
        encoding="utf-8",
    )
    return str(path)


def test_teams_lists_who_maps_where_and_config_check_warns_about_the_rest(engine, db_url, tmp_path):
    from click.testing import CliRunner

    from tracker.cli import cli

    config = _config()
    batch = _batch(group="g2")  # Returns: no team; amy is in no team's members
    batch.people.append(PersonRecord("b1", "agent", "Bo", "bo@acme.example"))
    _ingest(engine, config, batch)
    with Session(engine) as session:
        sync_teams(
            session, validate({"team": [{"name": "Orders", "members": ["bo@acme.example"]}]})
        )
        session.commit()
    path = _toml(tmp_path, db_url)
    runner = CliRunner()
    listed = runner.invoke(cli, ["--config", path, "teams"])
    assert listed.exit_code == 0, listed.output
    assert "Orders" in listed.output
    assert "group: Orders & Despatch" in listed.output
    assert "member: bo@acme.example" in listed.output
    assert f"lead: {LENA}" in listed.output
    assert "No team:" in listed.output
    assert "group: Returns" in listed.output
    as_json = runner.invoke(cli, ["--config", path, "teams", "--json"])
    data = __import__("json").loads(as_json.output)
    assert data["unmapped"]["groups"] == ["Returns"]
    assert data["unmapped"]["agents"] == [AMY]
    checked = runner.invoke(cli, ["--config", path, "config", "check"])
    assert checked.exit_code == 0, checked.output
    assert "warning: help-desk group 'Returns' (desk) maps to no team" in checked.output
    assert f"warning: agent {AMY} (desk) maps to no team" in checked.output
    assert "bo@acme.example" not in checked.output


def test_teams_and_memberships_follow_the_config_exactly_on_every_start(engine):
    from tracker.access import lead_team_ids
    from tracker.promises.actions import may_act

    before = _config(members=[AMY])
    before_teams = (
        before.teams
        + validate(
            {"team": [{"name": "Billing", "leads": ["lars@acme.example"], "members": [AMY]}]}
        ).teams
    )
    before.teams = before_teams
    _ingest(engine, before, _batch(group="g2"))  # amy's promise, on an unmapped group
    with Session(engine) as session:
        promise = session.exec(select(Promise)).one()
        assert session.get(Team, promise.team_id).name == "Orders"  # first team listing amy
        billing = session.exec(select(Team).where(Team.name == "Billing")).one()
        assert lead_team_ids(session, "lars@acme.example") == {billing.id}
    after = _config()  # Billing removed, amy dropped from Orders' members
    with Session(engine) as session:
        sync_teams(session, after)
        session.commit()
    with Session(engine) as session:
        promise = session.exec(select(Promise)).one()
        assert lead_team_ids(session, "lars@acme.example") == set()
        assert not may_act(session, "lars@acme.example", promise)
        from tracker.models import Person

        amy = session.exec(select(Person).where(Person.email == AMY)).one()
        assert amy.team_id is None
        assert promise.team_id is None  # g2 maps to no team either
    regrouped = _config(groups=["Orders & Despatch", "Returns"])
    with Session(engine) as session:
        sync_teams(session, regrouped)
        session.commit()
    with Session(engine) as session:
        assert session.get(Team, session.exec(select(Promise)).one().team_id).name == "Orders"
    with Session(engine) as session:
        sync_teams(session, after)  # Returns removed from the groups again
        session.commit()
    with Session(engine) as session:
        assert session.exec(select(Promise)).one().team_id is None
