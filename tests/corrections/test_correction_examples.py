"""Every dismissal, from any channel, is kept as a labelled example with its text."""

from __future__ import annotations

from click.testing import CliRunner
from sqlmodel import Session, select

from tests.helpers.promise_world import World, utc
from tracker.access import load_viewer
from tracker.cli import cli
from tracker.corrections.examples import recent_corrections, record_correction
from tracker.models import Correction
from tracker.promises.actions import dismiss, mark_done
from tracker.web.acting import act

MADE = utc(2026, 11, 23, 10)
DUE = utc(2026, 11, 24, 11)
NOW = utc(2026, 11, 23, 12)


def test_a_dismissal_on_the_web_keeps_the_message_text_as_a_not_a_promise_example(engine):
    with Session(engine) as session:
        world = World(session)
        promise = world.promise(
            world.ticket(assignee=world.amy), world.amy, MADE, DUE, quote="Happy to call you"
        )
        viewer = load_viewer(session, world.config, "amy@acme.example")
        act(session, world.config, viewer, promise.id, "dismiss", {"reason": "courtesy"}, NOW)
        session.commit()
        row = session.exec(select(Correction)).one()
        assert (row.channel, row.action, row.actor, row.is_promise) == (
            "web", "dismissed", "amy@acme.example", False
        )  # fmt: skip
        assert (row.text, row.quote, row.promise_id) == (
            "Happy to call you",
            "Happy to call you",
            promise.id,
        )
        assert row.team_id == world.team.id and row.sent_at == MADE and row.at == NOW


def test_marking_done_is_not_a_correction_of_the_extractor(engine):
    with Session(engine) as session:
        world = World(session)
        promise = world.promise(world.ticket(assignee=world.amy), world.amy, MADE, DUE)
        mark_done(session, promise.id, "amy@acme.example", NOW)
        session.commit()
        assert session.exec(select(Correction)).all() == []


def test_a_dismissal_on_the_command_line_is_recorded_as_the_cli_channel(engine, db_url, tmp_path):
    config = tmp_path / "followthrough.toml"
    config.write_text(f'[database]\nurl = "{db_url}"\n')
    with Session(engine) as session:
        world = World(session)
        promise_id = world.promise(world.ticket(assignee=world.bob), world.bob, MADE, DUE).id
        session.commit()
    result = CliRunner().invoke(
        cli,
        [
            "--config",
            str(config),
            "promise",
            "dismiss",
            str(promise_id),
            "--as",
            "bob@acme.example",
        ],
    )
    assert result.exit_code == 0, result.output
    with Session(engine) as session:
        row = session.exec(select(Correction)).one()
        assert (row.channel, row.actor, row.promise_id) == ("cli", "bob@acme.example", promise_id)


def test_recent_corrections_are_the_last_30_days_of_the_given_teams_newest_first(engine):
    with Session(engine) as session:
        world = World(session)
        ticket = world.ticket(assignee=world.amy)
        old, new = (world.promise(ticket, world.amy, MADE, DUE) for _ in range(2))
        dismiss(session, old.id, "amy@acme.example", None, utc(2026, 10, 1), channel="note")
        record_correction(session, new, "kind_changed", actor="lead@acme.example", channel="web",
                          now=NOW, previous_kind="callback")  # fmt: skip
        session.commit()
        shown = recent_corrections(session, NOW, [world.team.id])
        assert [(c.promise_id, c.action, c.is_promise) for c in shown] == [
            (new.id, "kind_changed", True)
        ]
        assert recent_corrections(session, NOW, [world.team.id + 1]) == []
        assert sorted(session.exec(select(Correction.channel)).all()) == ["note", "web"]
